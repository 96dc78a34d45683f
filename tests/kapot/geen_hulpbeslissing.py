"""Kapot: with every answer known, the hulp decision is still open (a rule is missing).

``hulp_niet_mogelijk`` is dropped: a vermoeden without onveiligheid but with a hulp condition
``nee`` gives no hulp decision at all.
"""

from __future__ import annotations

from dataclasses import replace

from meldcode_kaders import basis
from meldcode_rules.kader import Kader

VERWACHT = "volledigheid"

KADER = Kader(
    id="kapot_geen_hulpbeslissing",
    naam="Kapot kader zonder 'hulp niet mogelijk'",
    sectoren=("onderwijs",),
    beroepsgroepen=(),
    versies=(
        replace(
            basis.VERSIE_2019,
            regels=tuple(r for r in basis.VERSIE_2019.regels if r.id != "hulp_niet_mogelijk"),
        ),
    ),
)
