"""Kapot: more signalen make the kader less protective.

Direct levensgevaar counts as acute onveiligheid only while there are fewer than three
signalen: a third signal takes the acute onveiligheid away again.
"""

from __future__ import annotations

from dataclasses import replace

from _kapot_basis import zelfstandig

from meldcode_kaders import basis
from meldcode_rules.regels import Minstens, Niet

VERWACHT = "monotoon_naar_veiligheid"

_LEVENSGEVAAR = next(r for r in basis.VERSIE_2019.regels if r.id == "acuut_direct_levensgevaar")

KADER = zelfstandig(
    "kapot_minder_bij_meer_signalen",
    vervang={
        _LEVENSGEVAAR.id: replace(
            _LEVENSGEVAAR,
            als=Minstens("aantal_direct_levensgevaar", 1) & Niet(Minstens("aantal_signalen", 3)),
        )
    },
)
