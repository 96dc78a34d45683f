"""Kapot: an onbekend onveiligheid silently becomes nee.

``niet_melden_hulp_volstaat`` asks "acute onveiligheid is not *known* to be ja" instead of
"acute onveiligheid is nee", so an unknown answer counts as nee and melden becomes nee.
"""

from __future__ import annotations

from _kapot_basis import gewijzigd, zelfstandig

from meldcode_rules.regels import Feit, Is, Niet

VERWACHT = "onbekend_nooit_nee"

KADER = zelfstandig(
    "kapot_onbekend_wordt_nee",
    gewijzigd(
        "niet_melden_hulp_volstaat",
        als=Niet(Is("acute_onveiligheid", "ja"))
        & Niet(Is("structurele_onveiligheid", "ja"))
        & Feit("passende_hulp")
        & Feit("medewerking")
        & Feit("duurzame_veiligheid"),
    ),
)
