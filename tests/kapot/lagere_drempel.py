"""Kapot: an extension lowers the protection of a threshold.

It tightens ``acuut_direct_levensgevaar`` in name only: direct (levens)gevaar now needs two
signalen with that marker instead of one, so a casus with one such signaal is no longer acuut
onveilig: less protective than the model.
"""

from __future__ import annotations

from _kapot_basis import gewijzigd, uitbreiding

from meldcode_rules.regels import Minstens

VERWACHT = "nooit_zwakker_dan_basis"

KADER = uitbreiding(
    "kapot_lagere_drempel",
    aanscherpingen=(
        gewijzigd("acuut_direct_levensgevaar", als=Minstens("aantal_direct_levensgevaar", 2)),
    ),
)
