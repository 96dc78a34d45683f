"""Kapot: a rule whose source names no passage, so no conclusion of it can be traced."""

from __future__ import annotations

from dataclasses import replace

from _kapot_basis import zelfstandig

from meldcode_kaders import basis

VERWACHT = "elke_conclusie_een_bron"

_HERHALING = next(r for r in basis.VERSIE_2019.regels if r.id == "structureel_herhaling_vastgelegd")

KADER = zelfstandig(
    "kapot_bron_zonder_passage",
    vervang={_HERHALING.id: replace(_HERHALING, bron=_HERHALING.bron.bij(""))},
)
