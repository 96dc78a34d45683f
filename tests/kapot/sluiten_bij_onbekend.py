"""Kapot: "sluit de meldcode af" while the vermoeden is still unknown.

The closing action is written as "not known to be a vermoeden" instead of "no vermoeden", so a
casus in which the professional has not yet weighed the vermoeden closes the meldcode.
"""

from __future__ import annotations

from dataclasses import replace

from _kapot_basis import zelfstandig

from meldcode_kaders import basis
from meldcode_rules.regels import Is, Niet

VERWACHT = "sluiten_alleen_als_bekend"

KADER = zelfstandig(
    "kapot_sluiten_bij_onbekend",
    vervang={basis.AFSLUITEN.id: replace(basis.AFSLUITEN, als=Niet(Is("vermoeden", "ja")))},
)
