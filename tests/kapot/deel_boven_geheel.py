"""Kapot: a statutory duty that no real casus can trigger.

The meldplicht of the bevoegd gezag is written for "seksueel geweld door een medewerker, where
no signaal is about a medewerker": a subset counted above the set it belongs to. Every count
on its own can be reached, so enumerating counts finds nothing; only the facts' own constraint
(seksueel geweld door een medewerker is geweld door een medewerker) shows that the duty never
fires.
"""

from __future__ import annotations

from _kapot_basis import BRON, uitbreiding

from meldcode_rules.regels import ACTIE, Minstens, Niet, Regel

VERWACHT = "bereikbaarheid"

KADER = uitbreiding(
    "kapot_deel_boven_geheel",
    regels=(
        Regel(
            id="meldplicht_bevoegd_gezag",
            doel=ACTIE,
            conclusie="meldplicht_bevoegd_gezag",
            als=Minstens("aantal_seksueel_door_medewerker", 1)
            & Niet(Minstens("aantal_door_medewerker", 1)),
            bron=BRON,
            label="Informeer het bevoegd gezag over een mogelijk zedendelict door een medewerker.",
        ),
    ),
)
