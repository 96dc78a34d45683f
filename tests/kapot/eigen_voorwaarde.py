"""Kapot: a condition that is code, not data: it may answer differently for the same casus.

A kader author writes their own kind of condition (here one that answers by the clock). No
checker can read it, and the same casus can get another outcome a second later.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from _kapot_basis import gewijzigd, zelfstandig

from meldcode_rules.regels import Voorwaarde


@dataclass(frozen=True, slots=True)
class OpEvenSeconde(Voorwaarde):
    """Holds on even seconds."""

    def feiten(self) -> frozenset[str]:
        return frozenset()

    def __str__(self) -> str:
        return "op een even seconde"

    def waar(self) -> bool:
        return int(time.time()) % 2 == 0


VERWACHT = "determinisme"

KADER = zelfstandig(
    "kapot_eigen_voorwaarde", gewijzigd("structureel_voortduren", als=OpEvenSeconde())
)
