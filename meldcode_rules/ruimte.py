"""The answer space: the 3^6 = 729 combinations of the six afwegingen, in one order.

Every part of the library that looks at a kader over all its answers reads this
module: the registry's check that an extension never weakens its base, the analysis,
the decision table and the flowchart of the documentation, the walk-through export.
The combinations are enumerated with :func:`itertools.product` over
:data:`~meldcode_rules.afwegingen.ANTWOORDEN` (``ja``, ``nee``, ``onbekend``), the
afwegingen in the order of the flow; the beslissingen come from the native engine and
the decision core, so no part of the library keeps an interpreter of its own.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from meldcode_rules.afwegingen import AFWEGINGEN, ANTWOORDEN, HULP, MELDEN
from meldcode_rules.casus import Casus
from meldcode_rules.feiten import Feiten, afleiden
from meldcode_rules.uitkomst import BeslissingUitkomst

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from meldcode_rules.engine.native import NativeKader
    from meldcode_rules.logica import Waarde

__all__ = [
    "AANTAL",
    "Beslissingen",
    "beslis_op_waarden",
    "beslissingen",
    "combinaties",
    "geen_feiten",
    "index",
]

AANTAL: Final = len(ANTWOORDEN) ** len(AFWEGINGEN)
"""The number of answer combinations: 729."""


def combinaties() -> Iterator[tuple[Waarde, ...]]:
    """Every combination of the six afwegingen, in the one order of the library."""
    return itertools.product(ANTWOORDEN, repeat=len(AFWEGINGEN))


def index(waarden: Mapping[str, Waarde]) -> int:
    """The position of a combination in :func:`combinaties`."""
    uit = 0
    for naam in AFWEGINGEN:
        uit = uit * len(ANTWOORDEN) + ANTWOORDEN.index(waarden[naam])
    return uit


def geen_feiten(motor: NativeKader) -> Feiten:
    """The facts of a casus that supplies nothing but answers, on the version's first day."""
    return afleiden(Casus(id="ruimte"), motor.effectief.versie.geldig_van)


@dataclass(frozen=True, slots=True)
class Beslissingen:
    """The two beslissingen on one combination, with what gave them."""

    melden: BeslissingUitkomst
    hulp: BeslissingUitkomst

    @property
    def waarden(self) -> tuple[str, str]:
        """``(melden, hulp)``."""
        return (self.melden.waarde, self.hulp.waarde)


def beslis_op_waarden(
    motor: NativeKader, waarden: Mapping[str, Waarde], feiten: Feiten
) -> Beslissingen:
    """The beslissingen when the afwegingen have these values (after the protective merge).

    ``feiten`` are the casus facts the beslisregels may also read; an afweging's own
    rules are not run: the values are taken as the ones that count.
    """
    env = dict(feiten)
    env.update(waarden)
    return Beslissingen(motor.beslissing(MELDEN, env), motor.beslissing(HULP, env))


_TABELLEN: dict[int, tuple[NativeKader, tuple[tuple[str, str], ...]]] = {}
_SLOT: Final = threading.Lock()


def beslissingen(motor: NativeKader) -> tuple[tuple[str, str], ...]:
    """``(melden, hulp)`` for every combination, for a casus that supplies only answers.

    Cached per compiled version. A beslisregel that also reads a casus fact sees it as
    not supplied.
    """
    with _SLOT:
        bekend = _TABELLEN.get(id(motor))
    if bekend is not None and bekend[0] is motor:
        return bekend[1]
    leeg = geen_feiten(motor)
    tabel = tuple(
        beslis_op_waarden(motor, dict(zip(AFWEGINGEN, c, strict=True)), leeg).waarden
        for c in combinaties()
    )
    with _SLOT:
        _TABELLEN[id(motor)] = (motor, tabel)
    return tabel
