"""Kapot: without a vermoeden the kader still reports (when there is onveiligheid)."""

from __future__ import annotations

from _kapot_basis import BRON, gewijzigd, zelfstandig

from meldcode_kaders import basis
from meldcode_rules.regels import MELDEN, Regel

VERWACHT = "geen_vermoeden_geen_melding"

KADER = zelfstandig(
    "kapot_melden_zonder_vermoeden",
    gewijzigd("niet_melden_geen_vermoeden", als=~basis.V & basis.VEILIG_GENOEG),
    extra=(
        Regel(
            id="melden_bij_onveiligheid",
            doel=MELDEN,
            conclusie="ja",
            als=basis.ONVEILIG,
            bron=BRON,
            label="Bij onveiligheid melden, ook zonder vermoeden (opzettelijk fout).",
        ),
    ),
)
