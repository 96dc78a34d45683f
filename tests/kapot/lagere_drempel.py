"""Kapot: an extension lowers the protection of a threshold.

It tightens ``acuut_direct_levensgevaar`` in name only: direct (levens)gevaar now needs two
signalen with that marker instead of one, so a casus with one such signaal is no longer acuut
onveilig: less protective than the model.
"""

from __future__ import annotations

from dataclasses import replace

from _kapot_basis import uitbreiding

from meldcode_kaders import basis
from meldcode_rules.regels import Minstens

VERWACHT = "nooit_zwakker_dan_basis"

_LEVENSGEVAAR = next(r for r in basis.VERSIE_2019.regels if r.id == "acuut_direct_levensgevaar")

KADER = uitbreiding(
    "kapot_lagere_drempel",
    aanscherpingen=(replace(_LEVENSGEVAAR, als=Minstens("aantal_direct_levensgevaar", 2)),),
)
