"""Shared pieces of the deliberately broken kaders, so that each states only what is broken.

A broken kader is a copy of the model's 2019 version with some rules changed, dropped or added
(:func:`zelfstandig`, with :func:`gewijzigd` for a model rule with one thing changed), an
extension of the model from 2019 on (:func:`uitbreiding`), or a kader of its own versions
(:func:`kapot`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from meldcode_kaders import basis
from meldcode_rules.kader import Kader, KaderVersie
from meldcode_rules.regels import Bron, Regel, Voorwaarde

BRON = Bron(
    uitgever="meldcode-rules tests",
    titel="Opzettelijk kapot kader",
    versie="test",
    datum=None,
    adres="https://example.invalid/kapot",
    passage="Een opzettelijke fout, om te laten zien dat de controle haar vindt.",
)


def kapot(kader_id: str, *versies: KaderVersie, breidt_uit: str | None = None) -> Kader:
    """A broken kader with these versions."""
    return Kader(
        id=kader_id,
        naam=f"Kapot kader {kader_id}",
        sectoren=("onderwijs",),
        beroepsgroepen=(),
        versies=versies,
        breidt_uit=breidt_uit,
    )


def gewijzigd(regel_id: str, *, als: Voorwaarde | None = None, passage: str | None = None) -> Regel:
    """The model's 2019 rule ``regel_id`` with another condition or another cited passage."""
    regel = next(r for r in basis.VERSIE_2019.regels if r.id == regel_id)
    if als is not None:
        regel = replace(regel, als=als)
    if passage is not None:
        regel = replace(regel, bron=regel.bron.bij(passage))
    return regel


def zelfstandig(
    kader_id: str, *vervangen: Regel, zonder: str = "", extra: tuple[Regel, ...] = ()
) -> Kader:
    """A stand-alone copy of basis 2019: each of ``vervangen`` takes the place of the model's
    rule with its id, the rule ``zonder`` is dropped and ``extra`` are added."""
    nieuw = {r.id: r for r in vervangen}
    regels = tuple(nieuw.get(r.id, r) for r in basis.VERSIE_2019.regels if r.id != zonder)
    return kapot(kader_id, replace(basis.VERSIE_2019, regels=regels + extra))


def uitbreiding(
    kader_id: str, regels: tuple[Regel, ...] = (), aanscherpingen: tuple[Regel, ...] = ()
) -> Kader:
    """An extension of basis from 2019 on."""
    vanaf_2019 = KaderVersie(
        versie="2019",
        geldig_van=date(2019, 1, 1),
        geldig_tot=None,
        bron=BRON,
        regels=regels,
        aanscherpingen=aanscherpingen,
    )
    return kapot(kader_id, vanaf_2019, breidt_uit="basis")
