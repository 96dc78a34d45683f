"""Shared helpers for the per-kader tests: which rules fired, never weaker than basis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from testhulp import ALLE_ANTWOORDEN, casus

from meldcode_rules import Uitkomst, evaluate
from meldcode_rules.afwegingen import BESLISSING

if TYPE_CHECKING:
    from datetime import date


def gevuurd(uitkomst: Uitkomst) -> set[str]:
    """Ids of every rule that concluded: afweging traces, beslissingen, acties, signaleringen."""
    ids = {s.regel for a in uitkomst.afwegingen.values() for s in a.spoor if s.resultaat == "ja"}
    ids |= {s.regel for b in uitkomst.beslissingen.values() for s in b.spoor}
    ids |= {a.regel for a in uitkomst.acties}
    ids |= {s.regel for s in uitkomst.signaleringen if s.regel}
    return ids


def nooit_zwakker_dan_basis(kader: str, peildatum: date) -> list[str]:
    """Every answer combination where ``kader`` is less protective than ``basis`` (should be none).

    Independent of the registry's own check: this goes through the public ``evaluate``.
    """
    fouten: list[str] = []
    for antwoorden in ALLE_ANTWOORDEN:
        c = casus(antwoorden=antwoorden)
        eigen = evaluate(c, kader=kader, peildatum=peildatum)
        norm = evaluate(c, kader="basis", peildatum=peildatum)
        if norm.melden == "ja" and eigen.melden != "ja":
            fouten.append(f"melden {eigen.melden} waar basis ja: {antwoorden}")
        if norm.melden == "onbepaald" and eigen.melden == "nee":
            fouten.append(f"melden nee waar basis onbepaald: {antwoorden}")
        if BESLISSING["hulp"].rang(eigen.hulp) > BESLISSING["hulp"].rang(norm.hulp):
            fouten.append(f"hulp {eigen.hulp} waar basis {norm.hulp}: {antwoorden}")
    return fouten
