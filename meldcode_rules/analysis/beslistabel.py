"""The decision table of a kader version: a small exact cover of the 729 answer combinations.

Rows that differ in one afweging only and give the same beslissingen are merged (a cell
then holds a set of answers); the rows stay disjoint, and every combination is in
exactly one row. The beslissingen come from :mod:`meldcode_rules.ruimte`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meldcode_rules.afwegingen import AFWEGINGEN, ANTWOORDEN, BESLISSINGEN
from meldcode_rules.engine import native
from meldcode_rules.ruimte import beslissingen, combinaties

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from meldcode_rules.kader import ResolvedKader

__all__ = ["Beslistabel", "Rij", "beslistabel", "extra_feiten"]


def extra_feiten(effectief: ResolvedKader) -> list[str]:
    """Casus facts (not afwegingen) that the beslisregels read."""
    namen: set[str] = set()
    for r in effectief.regels:
        if r.doel in BESLISSINGEN:
            namen.update(r.als.feiten())
    return sorted(namen - set(AFWEGINGEN) - set(BESLISSINGEN))


@dataclass(frozen=True, slots=True)
class Rij:
    """One row of a decision table: a set of answers per afweging, and the two beslissingen."""

    waarden: tuple[frozenset[str], ...]
    melden: str
    hulp: str

    def combinaties(self) -> Iterable[tuple[str, ...]]:
        """Every answer combination the row covers."""
        orde = [w.value for w in ANTWOORDEN]
        return itertools.product(*(sorted(s, key=orde.index) for s in self.waarden))


@dataclass(frozen=True, slots=True)
class Beslistabel:
    """A compact, exact decision table: the rows cover the 729 combinations, each exactly once."""

    rijen: tuple[Rij, ...]
    extra_feiten: tuple[str, ...] = ()
    """Casus facts the beslisregels read besides the afwegingen (shown as unknown)."""


def _samenvoegen(
    rijen: dict[tuple[frozenset[str], ...], tuple[str, str]], volgorde: Sequence[int]
) -> dict[tuple[frozenset[str], ...], tuple[str, str]]:
    gewijzigd = True
    while gewijzigd:
        gewijzigd = False
        for i in volgorde:
            groepen: dict[tuple[object, ...], list[tuple[frozenset[str], ...]]] = {}
            for sleutel, uitkomst in rijen.items():
                rest = (*sleutel[:i], *sleutel[i + 1 :], uitkomst)
                groepen.setdefault(rest, []).append(sleutel)
            nieuw: dict[tuple[frozenset[str], ...], tuple[str, str]] = {}
            for leden in groepen.values():
                uitkomst = rijen[leden[0]]
                if len(leden) > 1:
                    gewijzigd = True
                    samen = frozenset().union(*(s[i] for s in leden))
                    leden = [(*leden[0][:i], samen, *leden[0][i + 1 :])]  # noqa: PLW2901
                nieuw[leden[0]] = uitkomst
            rijen = nieuw
    return rijen


def beslistabel(effectief: ResolvedKader) -> Beslistabel:
    """The decision table of a version: a small exact cover of the 729 answer combinations.

    Rows that differ in one afweging only and give the same beslissingen are merged
    (a cell then holds a set of answers, ``—`` for any answer); the rows stay disjoint.
    """
    tabel = beslissingen(native(effectief))
    begin = {
        tuple(frozenset((w.value,)) for w in combinatie): uitkomst
        for combinatie, uitkomst in zip(combinaties(), tabel, strict=True)
    }
    n = len(AFWEGINGEN)
    kandidaten = [_samenvoegen(begin, volgorde) for volgorde in (range(n - 1, -1, -1), range(n))]
    beste = min(kandidaten, key=len)
    orde = [w.value for w in ANTWOORDEN]

    def sorteer(item: tuple[tuple[frozenset[str], ...], tuple[str, str]]) -> tuple[int, ...]:
        sleutel, _ = item
        # Rows with 'ja' first, then 'nee', then 'onbekend'; a wider cell after a narrower one.
        return tuple(x for s in sleutel for x in (min(orde.index(w) for w in s), len(s)))

    rijen = tuple(Rij(k, m, h) for k, (m, h) in sorted(beste.items(), key=sorteer))
    return Beslistabel(rijen=rijen, extra_feiten=tuple(extra_feiten(effectief)))
