"""Kapot: a rule whose source names no passage, so no conclusion of it can be traced."""

from __future__ import annotations

from _kapot_basis import gewijzigd, zelfstandig

VERWACHT = "elke_conclusie_een_bron"

KADER = zelfstandig(
    "kapot_bron_zonder_passage", gewijzigd("structureel_herhaling_vastgelegd", passage="")
)
