"""Kapot: two rules conclude differently for one input (medewerking ja and nee)."""

from __future__ import annotations

from _kapot_basis import BRON, zelfstandig

from meldcode_rules.regels import Feit, Regel

VERWACHT = "tegenstrijdigheid"

KADER = zelfstandig(
    "kapot_tegenstrijdig",
    extra=(
        Regel(
            id="medewerking_als_aanvaard",
            doel="medewerking",
            conclusie="ja",
            als=Feit("hulp_aanvaard"),
            bron=BRON,
            label="Aanvaarden is genoeg (en botst met 'geen inzet: geen medewerking').",
        ),
    ),
)
