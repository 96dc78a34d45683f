"""Kapot: with every answer known, the hulp decision is still open (a rule is missing)."""

from __future__ import annotations

from _kapot_basis import zelfstandig

from meldcode_kaders import basis
from meldcode_rules.kader import Kader

VERWACHT = "volledigheid"

_ZELFSTANDIG = zelfstandig("kapot_geen_hulpbeslissing")
_VERSIE = _ZELFSTANDIG.versies[0]

KADER = Kader(
    id=_ZELFSTANDIG.id,
    naam=_ZELFSTANDIG.naam,
    sectoren=_ZELFSTANDIG.sectoren,
    beroepsgroepen=(),
    versies=(
        type(_VERSIE)(
            **{
                **{f: getattr(_VERSIE, f) for f in _VERSIE.__dataclass_fields__},
                "regels": tuple(
                    r for r in basis.VERSIE_2019.regels if r.id != "hulp_niet_mogelijk"
                ),
            }
        ),
    ),
)
