"""Shared pieces of the deliberately broken kaders: copies of the model kader's 2019 version."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from meldcode_kaders import basis
from meldcode_rules.kader import Kader, KaderVersie
from meldcode_rules.regels import Bron, Regel

BRON = Bron(
    uitgever="meldcode-rules tests",
    titel="Opzettelijk kapot kader",
    versie="test",
    datum=None,
    adres="https://example.invalid/kapot",
    passage="Een opzettelijke fout, om te laten zien dat de controle haar vindt.",
)


def zelfstandig(
    kader_id: str, vervang: dict[str, Regel] | None = None, extra: tuple[Regel, ...] = ()
) -> Kader:
    """A stand-alone copy of basis 2019 with some rules replaced and some added."""
    vervang = vervang or {}
    regels = tuple(vervang.get(r.id, r) for r in basis.VERSIE_2019.regels) + extra
    return Kader(
        id=kader_id,
        naam=f"Kapot kader {kader_id}",
        sectoren=("onderwijs",),
        beroepsgroepen=(),
        versies=(replace(basis.VERSIE_2019, regels=regels),),
    )


def uitbreiding(
    kader_id: str, regels: tuple[Regel, ...] = (), aanscherpingen: tuple[Regel, ...] = ()
) -> Kader:
    """An extension of basis from 2019 on."""
    return Kader(
        id=kader_id,
        naam=f"Kapot kader {kader_id}",
        sectoren=("onderwijs",),
        beroepsgroepen=(),
        breidt_uit="basis",
        versies=(
            KaderVersie(
                versie="2019",
                geldig_van=date(2019, 1, 1),
                geldig_tot=None,
                bron=BRON,
                regels=regels,
                aanscherpingen=aanscherpingen,
            ),
        ),
    )
