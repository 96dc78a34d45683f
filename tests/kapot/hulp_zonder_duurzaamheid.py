"""Kapot: "zelf hulp is mogelijk" without asking whether the hulp leads to duurzame veiligheid."""

from __future__ import annotations

from dataclasses import replace

from _kapot_basis import zelfstandig

from meldcode_kaders import basis
from meldcode_rules.regels import Feit

VERWACHT = "hulpvoorwaarden"

_MOGELIJK = next(r for r in basis.VERSIE_2019.regels if r.id == "hulp_mogelijk")

KADER = zelfstandig(
    "kapot_hulp_zonder_duurzaamheid",
    vervang={
        _MOGELIJK.id: replace(
            _MOGELIJK,
            als=basis.V & basis.VEILIG_GENOEG & Feit("passende_hulp") & Feit("medewerking"),
        )
    },
)
