"""Kapot: a rule field of the wrong type, which would only fail when the rule fires.

The label of an action is its text in the outcome; a number there breaks the evaluation of
every casus where the action follows, not the loading of the kader.
"""

from __future__ import annotations

from _kapot_basis import BRON, zelfstandig

from meldcode_rules.regels import ACTIE, Is, Regel

VERWACHT = "geldige_declaraties"

KADER = zelfstandig(
    "kapot_fout_veldtype",
    extra=(
        Regel(
            id="politie_bij_acuut_gevaar",
            doel=ACTIE,
            conclusie="politie_inschakelen",
            als=Is("acute_onveiligheid", "ja"),
            bron=BRON,
            label=112,  # type: ignore[arg-type] - deliberately the wrong type
        ),
    ),
)
