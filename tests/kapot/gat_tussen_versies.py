"""Kapot: one day between two versions that no version covers.

The 2013 version ends on 30 December 2018 instead of 31 December: a casus with peildatum
31 December 2018 has no kader.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from _kapot_basis import kapot

from meldcode_kaders import basis

VERWACHT = "versies_aaneengesloten"

KADER = kapot(
    "kapot_gat_tussen_versies",
    replace(basis.VERSIE_2013, geldig_tot=date(2018, 12, 30)),
    basis.VERSIE_2019,
)
