"""Kapot: "sluit de meldcode af" while the vermoeden is still unknown.

The closing action is written as "not known to be a vermoeden" instead of "no vermoeden", so a
casus in which the professional has not yet weighed the vermoeden closes the meldcode.
"""

from __future__ import annotations

from _kapot_basis import gewijzigd, zelfstandig

from meldcode_rules.regels import Is, Niet

VERWACHT = "sluiten_alleen_als_bekend"

KADER = zelfstandig(
    "kapot_sluiten_bij_onbekend", gewijzigd("actie_afsluiten", als=Niet(Is("vermoeden", "ja")))
)
