"""The engine's output is pinned byte for byte on 628 seeded basis cases (2013 and 2019).

``golden_basis.jsonl.gz`` was written by the engine before any performance work
(``golden_maken.py``, which refuses to rewrite it when a decision changes). Every
optimisation of ``meldcode_rules/engine`` must give the same Uitkomst JSON, trace
included, for every one of these cases, in both forms (``uitkomst``: the compact default;
``volledig``: with every passage) — through ``evaluate``, the streaming ``evaluate_many``
and the JSON Lines fast path.
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from meldcode_rules import evaluate, evaluate_many, load_kader
from meldcode_rules.kader import vingerafdruk

BESTAND = Path(__file__).with_name("golden_basis.jsonl.gz")


def _gevallen() -> list[dict[str, object]]:
    with gzip.open(BESTAND, "rt", encoding="utf-8") as f:
        return [json.loads(regel) for regel in f if regel.strip()]


GEVALLEN = _gevallen()


def _kader_ongewijzigd(dag: str) -> None:
    """Name the cause when the basis rules, not the engine, changed."""
    opgeslagen = {
        json.loads(str(g["uitkomst"]))["kader"]["vingerafdruk"]
        for g in GEVALLEN
        if g["peildatum"] == dag
    }
    nu = vingerafdruk(load_kader("basis", date.fromisoformat(dag)))
    if opgeslagen != {nu}:
        pytest.fail(
            "de regels van basis zijn gewijzigd sinds golden_basis.jsonl.gz is geschreven; "
            "controleer de wijziging en schrijf het bestand opnieuw met "
            "`python tests/betrouwbaarheid/golden_maken.py`"
        )


def test_golden_file_covers_both_versions_and_every_decision() -> None:
    uitkomsten = [json.loads(str(g["uitkomst"])) for g in GEVALLEN]
    assert {u["kader"]["versie"] for u in uitkomsten} == {"2013", "2019"}
    assert {u["melden"] for u in uitkomsten} == {"ja", "nee", "onbepaald"}
    assert {u["hulp"] for u in uitkomsten} >= {"ja", "nee", "onbepaald", "niet_van_toepassing"}
    assert sum(bool(u["afwegingen"]["acute_onveiligheid"]["spoor"]) for u in uitkomsten) > 10


@pytest.mark.parametrize("dag", sorted({str(g["peildatum"]) for g in GEVALLEN}))
def test_evaluate_gives_the_golden_json(dag: str) -> None:
    _kader_ongewijzigd(dag)
    peildatum = date.fromisoformat(dag)
    verschillen = [
        g["casus"]
        for g in GEVALLEN
        if g["peildatum"] == dag
        and (
            (u := evaluate(g["casus"], "basis", peildatum)).model_dump_json() != g["uitkomst"]
            or u.als_json("volledig") != g["volledig"]
        )
    ]
    assert not verschillen, f"{len(verschillen)} uitkomsten wijken af, eerste: {verschillen[0]}"


@pytest.mark.parametrize("dag", sorted({str(g["peildatum"]) for g in GEVALLEN}))
def test_evaluate_many_streams_the_golden_json(dag: str) -> None:
    _kader_ongewijzigd(dag)
    gevallen = [g for g in GEVALLEN if g["peildatum"] == dag]
    # Half as JSON text, half as mappings: both paths give the same bytes.
    invoer = (json.dumps(g["casus"]) if i % 2 else g["casus"] for i, g in enumerate(gevallen))
    uit = list(evaluate_many(invoer, "basis", date.fromisoformat(dag)))
    assert len(uit) == len(gevallen)
    for g, uitkomst in zip(gevallen, uit, strict=True):
        assert not isinstance(uitkomst, Exception)
        assert uitkomst.model_dump_json() == g["uitkomst"]


@pytest.mark.parametrize("dag", sorted({str(g["peildatum"]) for g in GEVALLEN}))
def test_the_json_stream_gives_the_golden_bytes(dag: str) -> None:
    """``als_json=True`` assembles the JSON from memoised parts: still the same bytes."""
    _kader_ongewijzigd(dag)
    gevallen = [g for g in GEVALLEN if g["peildatum"] == dag]
    for _ in range(2):  # cold memo, then warm memo
        for vorm, sleutel in (("verwijzing", "uitkomst"), ("volledig", "volledig")):
            uit = list(
                evaluate_many(
                    (json.dumps(g["casus"]) for g in gevallen),
                    "basis",
                    date.fromisoformat(dag),
                    als_json=True,
                    bronnen=vorm,
                )
            )
            assert uit == [g[sleutel] for g in gevallen]
