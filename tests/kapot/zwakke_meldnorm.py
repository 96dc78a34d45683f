"""Kapot: the meldnorm weakened — only acute onveiligheid leads to melden, structurele not."""

from __future__ import annotations

from dataclasses import replace

from _kapot_basis import zelfstandig

from meldcode_kaders import basis
from meldcode_rules.regels import Feit

VERWACHT = "meldnorm"

_MELDNORM = next(
    r for r in basis.VERSIE_2019.regels if r.id == "melden_acute_of_structurele_onveiligheid"
)

KADER = zelfstandig(
    "kapot_zwakke_meldnorm",
    vervang={_MELDNORM.id: replace(_MELDNORM, als=Feit("vermoeden") & Feit("acute_onveiligheid"))},
)
