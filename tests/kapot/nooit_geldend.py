"""Kapot: an extension adds a rule that can never hold (a threshold and its negation)."""

from __future__ import annotations

from _kapot_basis import BRON, uitbreiding

from meldcode_rules.regels import Minstens, Niet, Regel

VERWACHT = "bereikbaarheid"

KADER = uitbreiding(
    "kapot_nooit_geldend",
    regels=(
        Regel(
            id="acuut_nooit",
            doel="acute_onveiligheid",
            conclusie="ja",
            als=Minstens("aantal_signalen", 1) & Niet(Minstens("aantal_signalen", 1)),
            bron=BRON,
            label="Een regel die nooit kan gelden.",
        ),
    ),
)
