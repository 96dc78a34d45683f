"""Kapot: KNMG 2023 without one of its published examples of acute onveiligheid (Bijlage 5).

The rule for "poging tot verwurging" is dropped. Every invariant of the law still holds (the
professional's answer still decides), but the KNMG's own casuïstiek, which has a patient whose
partner tried to strangle her, no longer gets "acute onveiligheid: ja" from the kader.
"""

from __future__ import annotations

from dataclasses import replace

from meldcode_kaders import knmg

VERWACHT = "eigen_casuistiek"

_WEG = "knmg_acuut_poging_tot_verwurging"

KADER = replace(
    knmg.KADER,
    versies=tuple(
        replace(v, regels=tuple(r for r in v.regels if r.id != _WEG)) for v in knmg.KADER.versies
    ),
)
