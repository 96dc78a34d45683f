"""Kapot: an extension lowers the protection of a threshold.

It tightens ``structureel_herhaling`` in name only: herhaling now needs signalen on three
dates instead of two, so the bar for structurele onveiligheid is lowered for the professional's
protection (a casus with two dates is no longer structureel onveilig).
"""

from __future__ import annotations

from dataclasses import replace

from _kapot_basis import uitbreiding

from meldcode_kaders import basis
from meldcode_rules.regels import Minstens

VERWACHT = "nooit_zwakker_dan_basis"

_HERHALING = next(r for r in basis.VERSIE_2019.regels if r.id == "structureel_herhaling")

KADER = uitbreiding(
    "kapot_lagere_drempel",
    aanscherpingen=(replace(_HERHALING, als=Minstens("aantal_signaaldata", 3)),),
)
