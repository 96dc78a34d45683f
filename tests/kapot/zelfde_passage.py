"""Kapot: one passage copied to every rule of a version, so no rule shows what it implements."""

from __future__ import annotations

from dataclasses import replace

from _kapot_basis import BRON, zelfstandig

from meldcode_kaders import basis

VERWACHT = "echte_bronpassages"

KADER = zelfstandig(
    "kapot_zelfde_passage", *(replace(r, bron=BRON) for r in basis.VERSIE_2019.regels)
)
