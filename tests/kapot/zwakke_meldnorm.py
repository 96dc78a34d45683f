"""Kapot: the meldnorm weakened — only acute onveiligheid leads to melden, structurele not."""

from __future__ import annotations

from _kapot_basis import gewijzigd, zelfstandig

from meldcode_rules.regels import Feit

VERWACHT = "meldnorm"

KADER = zelfstandig(
    "kapot_zwakke_meldnorm",
    gewijzigd(
        "melden_acute_of_structurele_onveiligheid",
        als=Feit("vermoeden") & Feit("acute_onveiligheid"),
    ),
)
