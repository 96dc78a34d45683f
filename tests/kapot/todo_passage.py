"""Kapot: a placeholder instead of the source passage a rule implements."""

from __future__ import annotations

from dataclasses import replace

from _kapot_basis import zelfstandig

from meldcode_kaders import basis

VERWACHT = "echte_bronpassages"

_VOORTDUREN = next(r for r in basis.VERSIE_2019.regels if r.id == "structureel_voortduren")

KADER = zelfstandig(
    "kapot_todo_passage",
    vervang={_VOORTDUREN.id: replace(_VOORTDUREN, bron=_VOORTDUREN.bron.bij("TODO"))},
)
