"""Kapot: "zelf hulp is mogelijk" without asking whether the hulp leads to duurzame veiligheid."""

from __future__ import annotations

from _kapot_basis import gewijzigd, zelfstandig

from meldcode_kaders import basis
from meldcode_rules.regels import Feit

VERWACHT = "hulpvoorwaarden"

KADER = zelfstandig(
    "kapot_hulp_zonder_duurzaamheid",
    gewijzigd(
        "hulp_mogelijk",
        als=basis.V & basis.VEILIG_GENOEG & Feit("passende_hulp") & Feit("medewerking"),
    ),
)
