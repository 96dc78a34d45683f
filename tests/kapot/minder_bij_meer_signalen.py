"""Kapot: more signalen make the kader less protective.

Direct levensgevaar counts as acute onveiligheid only while there are fewer than three
signalen: a third signal takes the acute onveiligheid away again.
"""

from __future__ import annotations

from _kapot_basis import gewijzigd, zelfstandig

from meldcode_rules.regels import Minstens, Niet

VERWACHT = "monotoon_naar_veiligheid"

KADER = zelfstandig(
    "kapot_minder_bij_meer_signalen",
    gewijzigd(
        "acuut_direct_levensgevaar",
        als=Minstens("aantal_direct_levensgevaar", 1) & Niet(Minstens("aantal_signalen", 3)),
    ),
)
