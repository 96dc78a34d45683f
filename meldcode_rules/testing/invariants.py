"""The per-casus form of the invariants, for hypothesis: :func:`schendingen`.

The invariants themselves (names, Dutch explanation, legal ground) are defined in
:mod:`meldcode_rules.analysis.invarianten` and proved exhaustively over the finite answer
space by :func:`meldcode_rules.analysis.analyseer`; the checks here are their *per-casus*
form, for what is not finite (signalen over time)::

    from hypothesis import given
    from meldcode_rules import load_kader
    from meldcode_rules.testing import casussen, schendingen

    effectief = load_kader("basis", date(2024, 6, 1))

    @given(casussen(kader="basis", peildatum=date(2024, 6, 1)))
    def test_basis(casus):
        assert not schendingen(effectief, casus, date(2024, 6, 1))
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meldcode_rules.afwegingen import AFWEGINGEN, BESLISSING, HULP, MELDEN
from meldcode_rules.analysis.invarianten import (
    BRON,
    DETERMINISME,
    INVARIANTEN,
    MONOTOON,
    ONBEKEND_NOOIT_NEE,
    STRUCTUUR,
    Grondslag,
    Invariant,
    hulpvoorwaarden,
    invariant,
)
from meldcode_rules.engine import compileer
from meldcode_rules.engine.native import NativeKader
from meldcode_rules.logica import JA, NEE, ONBEKEND

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date

    from meldcode_rules.casus import Casus, Hulp, Signaal, Stappen
    from meldcode_rules.engine import CompiledKader
    from meldcode_rules.kader import ResolvedKader
    from meldcode_rules.uitkomst import Uitkomst

__all__ = [
    "INVARIANTEN",
    "STRUCTUUR",
    "Grondslag",
    "Invariant",
    "Schending",
    "invariant",
    "schendingen",
]


@dataclass(frozen=True, slots=True)
class Schending:
    """One violated invariant on one casus: what was expected, what came out."""

    invariant: Invariant
    verwacht: str
    """The expected decision, in Dutch (``melden = ja``)."""
    werkelijk: str
    """The actual decision, in Dutch."""
    toelichting: str
    """What was changed or compared, in Dutch (never an input value)."""


def _rang(doel: str, waarde: str) -> int:
    """Position in the protective order: lower is more protective."""
    return BESLISSING[doel].rang(waarde)


def _evalueer(motor: CompiledKader, casus: Casus, peildatum: date) -> Uitkomst:
    return motor.evaluate(casus, peildatum)


def _determinisme(
    effectief: ResolvedKader, casus: Casus, peildatum: date, uit: Uitkomst
) -> Iterator[Schending]:
    nog_eens = _evalueer(compileer(effectief), casus, peildatum)
    vers = _evalueer(NativeKader(effectief), casus, peildatum)
    gedraaid = casus
    if casus.signalen:
        volgorde = list(casus.signalen)
        random.Random(len(volgorde)).shuffle(volgorde)  # noqa: S311 - a fixed permutation
        gedraaid = casus.model_copy(update={"signalen": tuple(reversed(volgorde))})
    anders = _evalueer(compileer(effectief), gedraaid, peildatum)
    for naam, andere in (
        ("nogmaals evalueren", nog_eens),
        ("opnieuw compileren", vers),
        ("signalen in andere volgorde", anders),
    ):
        if andere != uit:
            yield Schending(
                DETERMINISME,
                f"melden = {uit.melden}, hulp = {uit.hulp} (en dezelfde afwegingen)",
                f"melden = {andere.melden}, hulp = {andere.hulp} na {naam}",
                f"dezelfde casus gaf een andere uitkomst na {naam}",
            )
            return


def _bronnen(uit: Uitkomst) -> Iterator[Schending]:
    for doel, beslissing in uit.beslissingen.items():
        if beslissing.waarde != "onbepaald" and not beslissing.spoor:
            yield Schending(
                BRON,
                f"{doel} = {beslissing.waarde} met de regel die dat gaf",
                f"{doel} = {beslissing.waarde} zonder regel",
                "een beslissing zonder spoor",
            )
    sporen = [s for a in uit.afwegingen.values() for s in a.spoor]
    sporen += [s for b in uit.beslissingen.values() for s in b.spoor]
    bronnen = [s.bron for s in sporen] + [a.bron for a in uit.acties]
    for bron in bronnen:
        if bron is None or not (bron.uitgever and bron.titel and bron.adres and bron.passage):
            yield Schending(
                BRON,
                "een volledige bron (uitgever, titel, adres, passage)",
                "een onvolledige bron",
                "een conclusie wijst naar een onvolledige bron",
            )
            return


def _monotoon(
    effectief: ResolvedKader, casus: Casus, peildatum: date, uit: Uitkomst, extra: Signaal | None
) -> Iterator[Schending]:
    motor = compileer(effectief)
    varianten: list[tuple[str, Casus]] = []
    if extra is not None:
        signalen = (*(casus.signalen or ()), extra)
        varianten.append(("een signaal extra", casus.model_copy(update={"signalen": signalen})))
    for naam in hulpvoorwaarden(effectief):
        if getattr(casus.antwoorden, naam) is not NEE:
            antwoorden = casus.antwoorden.model_copy(update={naam: NEE})
            varianten.append(
                (f"{naam} wordt nee", casus.model_copy(update={"antwoorden": antwoorden}))
            )
    for wat, variant in varianten:
        na = _evalueer(motor, variant, peildatum)
        if _rang(MELDEN, na.melden) > _rang(MELDEN, uit.melden):
            yield Schending(
                MONOTOON,
                f"melden blijft {uit.melden} (of wordt beschermender)",
                f"melden = {na.melden}",
                f"na de wijziging '{wat}'",
            )
            return


def _onbekende_invoer(casus: Casus) -> Iterator[tuple[str, Casus, Casus]]:
    """Every onbekend input with its two resolutions (ja, nee)."""
    for naam in AFWEGINGEN:
        if getattr(casus.antwoorden, naam) is ONBEKEND:
            ja, nee = (casus.antwoorden.model_copy(update={naam: w}) for w in (JA, NEE))
            yield (
                f"antwoord {naam}",
                casus.model_copy(update={"antwoorden": ja}),
                casus.model_copy(update={"antwoorden": nee}),
            )
    for deel, model in (("stappen", casus.stappen), ("hulp", casus.hulp)):
        if model is None:
            continue
        for veld in type(model).model_fields:
            if getattr(model, veld) is ONBEKEND:
                paar = []
                for w in (JA, NEE):
                    nieuw: Stappen | Hulp = model.model_copy(update={veld: w})
                    paar.append(casus.model_copy(update={deel: nieuw}))
                yield f"{deel}.{veld}", paar[0], paar[1]


def _onbekend(
    effectief: ResolvedKader, casus: Casus, peildatum: date, uit: Uitkomst
) -> Iterator[Schending]:
    motor = compileer(effectief)
    for wat, als_ja, als_nee in _onbekende_invoer(casus):
        for doel, waarde in ((MELDEN, uit.melden), (HULP, uit.hulp)):
            if waarde == "onbepaald":
                continue
            for invulling, variant in (("ja", als_ja), ("nee", als_nee)):
                ander = getattr(_evalueer(motor, variant, peildatum), doel)
                if _rang(doel, waarde) > _rang(doel, ander):
                    yield Schending(
                        ONBEKEND_NOOIT_NEE,
                        f"{doel} = onbepaald (de beslissing hangt af van {wat})",
                        f"{doel} = {waarde}, maar {ander} als {wat} {invulling} is",
                        f"{wat} is onbekend",
                    )
                    return


def schendingen(
    effectief: ResolvedKader,
    casus: Casus,
    peildatum: date,
    extra_signaal: Signaal | None = None,
) -> list[Schending]:
    """Check the per-casus invariants on one casus.

    Checks determinism (again, recompiled, signalen reordered), that every conclusion
    carries a source, monotonicity towards safety (``extra_signaal`` added, each hulp
    condition turned ``nee``) and that an ``onbekend`` answer or fact never silently
    decides (each resolved to ``ja`` and ``nee``).

    Args:
        effectief: the resolved kader version to check.
        casus: a valid casus (for example drawn from :func:`~meldcode_rules.testing.casussen`).
        peildatum: the date up to which signalen count.
        extra_signaal: a signaal to add for the monotonicity check (none: skipped).

    Returns:
        The violations found, at most one per invariant; empty when all hold.
    """
    uit = _evalueer(compileer(effectief), casus, peildatum)
    gevonden: list[Schending] = []
    for controle in (
        _determinisme(effectief, casus, peildatum, uit),
        _bronnen(uit),
        _monotoon(effectief, casus, peildatum, uit, extra_signaal),
        _onbekend(effectief, casus, peildatum, uit),
    ):
        gevonden.extend(controle)
    return gevonden
