"""The native engine: each condition compiled once into a closure; evaluation is pure.

The semantics are those of :mod:`meldcode_rules.besluit`: this module only answers,
for every rule of a kader version, whether its condition is ``ja``, ``nee`` or
``onbekend`` on the facts (Kleene's strong three-valued logic, a fact that is ``None``
reading as unknown). :meth:`NativeKader.besluit` is that composition in plain form;
:meth:`NativeKader.evaluate` gives the same outcome through the speed layer of
:mod:`meldcode_rules.engine._memo` (memoised parts, JSON assembled from them), which
``tests/betrouwbaarheid`` holds byte-identical to the plain form.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, cast

from meldcode_rules.besluit import (
    Beslisvorm,
    Besluit,
    Besluitregel,
    afweging,
    beslis,
    beslissing,
)
from meldcode_rules.engine._memo import Snelweg
from meldcode_rules.feiten import Feiten
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde, niet
from meldcode_rules.regels import Altijd, En, Feit, Is, Minstens, Niet, Of, Voorwaarde

if TYPE_CHECKING:
    from datetime import date

    from meldcode_rules.casus import Antwoorden, Casus
    from meldcode_rules.kader import ResolvedKader
    from meldcode_rules.uitkomst import (
        AfwegingUitkomst,
        BeslissingUitkomst,
        Bronnen,
        KaderInfo,
        Uitkomst,
    )

__all__ = ["NativeKader", "Toets", "compileer_voorwaarde"]

Toets = Callable[[Feiten], Waarde]
"""A compiled condition: the facts in, ``ja``/``nee``/``onbekend`` out."""


def compileer_voorwaarde(v: Voorwaarde) -> Toets:  # noqa: PLR0911 - one branch per node type
    """Compile a condition into a closure over the facts (Kleene three-valued logic)."""
    if isinstance(v, Altijd):
        return lambda _env: JA
    if isinstance(v, Feit):
        naam = v.naam

        def feit(env: Feiten) -> Waarde:
            w = env[naam]
            return ONBEKEND if w is None else cast("Waarde", w)

        return feit
    if isinstance(v, Is):
        return _vergelijk(v.naam, operator.eq, v.waarde)
    if isinstance(v, Minstens):
        return _vergelijk(v.naam, operator.ge, v.aantal)
    if isinstance(v, En):
        return _kleene(tuple(compileer_voorwaarde(d) for d in v.onderdelen), NEE, JA)
    if isinstance(v, Of):
        return _kleene(tuple(compileer_voorwaarde(d) for d in v.onderdelen), JA, NEE)
    if isinstance(v, Niet):
        binnen = compileer_voorwaarde(v.deel)
        return lambda env: niet(binnen(env))
    msg = f"onbekend soort voorwaarde: {type(v).__name__}"
    raise TypeError(msg)


def _vergelijk(naam: str, op: Callable[[Any, Any], bool], waarde: object) -> Toets:
    """``Is`` (``op`` is ``==``) or ``Minstens`` (``>=``): the fact against ``waarde``.

    An absent fact is ``onbekend``; otherwise ``ja`` exactly when ``fact op waarde``.
    """

    def vergelijk(env: Feiten) -> Waarde:
        w = env[naam]
        if w is None:
            return ONBEKEND
        return JA if op(w, waarde) else NEE

    return vergelijk


def _kleene(delen: tuple[Toets, ...], doorslag: Waarde, anders: Waarde) -> Toets:
    """En (``doorslag`` nee, ``anders`` ja) or Of (ja, nee) over compiled parts.

    The first part that gives ``doorslag`` decides; otherwise an unknown part makes the whole
    unknown, and else it is ``anders``.
    """

    def kleene(env: Feiten) -> Waarde:
        uit = anders
        for deel in delen:
            r = deel(env)
            if r is doorslag:
                return doorslag
            if r is ONBEKEND:
                uit = ONBEKEND
        return uit

    return kleene


class NativeKader:
    """A resolved kader version compiled into closures; evaluation is a pure function.

    Make one with :func:`meldcode_rules.compile_kader` (cached per version) or directly.
    """

    engine: Final = "native"

    def __init__(self, effectief: ResolvedKader) -> None:
        """Compile every rule of ``effectief`` once."""
        self.effectief = effectief
        self.vorm = Beslisvorm(effectief)
        self.toetsen: tuple[Toets, ...] = tuple(
            compileer_voorwaarde(r.regel.als) for r in self.vorm.regels
        )
        self._snelweg = Snelweg(self.vorm, self.toetsen)

    @property
    def info(self) -> KaderInfo:
        """Which kader version this is, with its fingerprint."""
        return self.vorm.info

    def toets(self, regel: Besluitregel, env: Feiten) -> Waarde:
        """The result of one rule's condition on ``env``."""
        return self.toetsen[regel.index](env)

    def resultaten(self, laag: str, env: Feiten) -> dict[int, Waarde]:
        """The result of every rule of one layer on ``env``, by rule index."""
        return {r.index: self.toetsen[r.index](env) for r in self.vorm.per_laag[laag]}

    def afweging(self, naam: str, antwoord: Waarde, env: Feiten) -> AfwegingUitkomst:
        """One afweging on ``env`` (plain form of :func:`meldcode_rules.besluit.afweging`)."""
        resultaten = [self.toetsen[r.index](env) for r in self.vorm.per_doel[naam]]
        return afweging(self.vorm, naam, antwoord, resultaten, env)[0]

    def beslissing(self, doel: str, env: Feiten) -> BeslissingUitkomst:
        """One beslissing on ``env`` (plain form of :func:`meldcode_rules.besluit.beslissing`)."""
        resultaten = [self.toetsen[r.index](env) for r in self.vorm.per_doel[doel]]
        return beslissing(self.vorm, doel, resultaten, env)[0]

    def besluit(self, antwoorden: Mapping[str, Waarde], feiten: Feiten) -> Besluit:
        """The decision on derived facts (the plain :func:`meldcode_rules.besluit.beslis`)."""
        return beslis(self.vorm, antwoorden, feiten, self.resultaten)

    def evaluate(self, casus: Casus, peildatum: date) -> Uitkomst:
        """Evaluate a validated casus on a peildatum.

        Outcomes with the same answers and the same values of the facts the rules read
        share their (immutable) parts; each call returns its own :class:`Uitkomst`.
        """
        return self._snelweg.uitkomst(casus, peildatum)

    def evaluate_json(self, casus: Casus, peildatum: date, bronnen: Bronnen = "verwijzing") -> str:
        """Evaluate; the JSON text, byte-identical to ``evaluate(...).als_json(bronnen)``."""
        return self._snelweg.json(casus, peildatum, bronnen)

    def evaluate_json_antwoorden(
        self, casus_id: str, antwoorden: Antwoorden, peildatum: date, bronnen: Bronnen
    ) -> tuple[bytes, bytes] | None:
        """The UTF-8 JSON of a valid answers-only casus, given as its id and answers.

        What :meth:`evaluate_json` gives for ``Casus(id=casus_id, antwoorden=antwoorden)``,
        encoded, in two parts to be written one after the other (the second shared
        between casussen with the same answers); ``None`` when the fast path is not ready
        (use that method).
        """
        return self._snelweg.json_antwoorden(casus_id, antwoorden, peildatum, bronnen)
