"""The peer: GoRules zen-engine evaluating basis 2019's published flow, on the same 729 cases.

The two beslissingen of the 2019 flow as one zen decision table (hit policy ``first``)
over the six answers, built here as JDM (zen's JSON decision model: an input node, the
table, an output node). Before it is timed it must decide exactly as the library on all
729 answer combinations (:func:`controleer`), as the if/else floor must.

Timed against ``meldcode_rules.evaluate`` from the same plain dicts and from the same JSON
text, in the same process (CPU time, best of a few rounds): zen evaluates a precompiled
decision without a trace (its fastest use); the library validates strictly and returns
the full trace. zen-engine is a benchmark-only dependency (the extra ``bench``).
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from benchmarks import cases
from benchmarks.bench_engine import if_else_2019, per_case
from meldcode_rules import evaluate
from meldcode_rules.regels import AFWEGINGEN

_KORT = ("v", "a", "s", "p", "m", "d")
"""The table's input columns: vermoeden, acute and structurele onveiligheid, passende hulp,
medewerking, duurzame veiligheid (in the order of AFWEGINGEN)."""


def _rij(melden: str, hulp: str, **cellen: str) -> dict[str, str]:
    rij = {k: (f'"{cellen[k]}"' if k in cellen else "") for k in _KORT}
    rij["melden"] = f'"{melden}"'
    rij["hulp"] = f'"{hulp}"'
    return rij


def tabel() -> dict[str, Any]:
    """Basis 2019 as a zen decision graph (JDM): the published flow, first hit wins.

    An empty cell matches anything, so a missing answer (``null`` in zen) is onbekend:
    no row tests for ``onbekend``, the last row catches what no row settles.
    """
    regels = [
        _rij("nee", "niet_van_toepassing", v="nee"),
        _rij("ja", "met_veilig_thuis", v="ja", a="ja"),
        _rij("ja", "met_veilig_thuis", v="ja", s="ja"),
        _rij("nee", "ja", v="ja", a="nee", s="nee", p="ja", m="ja", d="ja"),
        _rij("ja", "nee", v="ja", a="nee", s="nee", p="nee"),
        _rij("ja", "nee", v="ja", a="nee", s="nee", m="nee"),
        _rij("ja", "nee", v="ja", a="nee", s="nee", d="nee"),
        _rij("ja", "onbepaald", v="ja", p="nee"),
        _rij("ja", "onbepaald", v="ja", m="nee"),
        _rij("ja", "onbepaald", v="ja", d="nee"),
        _rij("nee", "onbepaald", a="nee", s="nee", p="ja", m="ja", d="ja"),
        _rij("onbepaald", "onbepaald"),
    ]
    for i, rij in enumerate(regels):
        rij["_id"] = f"r{i}"
    return {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "casus", "position": {"x": 0, "y": 0}},
            {
                "id": "tabel",
                "type": "decisionTableNode",
                "name": "basis 2019",
                "position": {"x": 200, "y": 0},
                "content": {
                    "hitPolicy": "first",
                    "inputs": [
                        {"id": k, "name": n, "field": f"antwoorden.{n}"}
                        for k, n in zip(_KORT, AFWEGINGEN, strict=True)
                    ],
                    "outputs": [
                        {"id": "melden", "name": "melden", "field": "melden"},
                        {"id": "hulp", "name": "hulp", "field": "hulp"},
                    ],
                    "rules": regels,
                },
            },
            {"id": "out", "type": "outputNode", "name": "uitkomst", "position": {"x": 400, "y": 0}},
        ],
        "edges": [
            {"id": "e1", "sourceId": "in", "targetId": "tabel", "type": "edge"},
            {"id": "e2", "sourceId": "tabel", "targetId": "out", "type": "edge"},
        ],
    }


def lege_graaf() -> dict[str, Any]:
    """A zen decision graph that does nothing: the input node straight to the output node."""
    return {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "casus", "position": {"x": 0, "y": 0}},
            {"id": "out", "type": "outputNode", "name": "uitkomst", "position": {"x": 200, "y": 0}},
        ],
        "edges": [{"id": "e1", "sourceId": "in", "targetId": "out", "type": "edge"}],
    }


def beslissing(graaf: dict[str, Any] | None = None) -> Any | None:
    """The compiled zen decision (``None``: zen-engine is not installed)."""
    try:
        import zen  # noqa: PLC0415 - optional, benchmark only
    except ImportError:
        return None
    motor = zen.ZenEngine()
    return motor.create_decision(zen.ZenDecisionContent(json.dumps(graaf or tabel())))


def de_729() -> list[dict[str, Any]]:
    """Every combination of the six answers, as plain dicts (a casus with an id)."""
    return [
        {"id": f"c{i}", "antwoorden": dict(zip(AFWEGINGEN, keuzes, strict=True))}
        for i, keuzes in enumerate(itertools.product(("ja", "nee", "onbekend"), repeat=6))
    ]


def controleer(zen_beslissing: Any) -> None:
    """zen's table must decide as the library (and the floor) on all 729 combinations."""
    for casus in de_729():
        uit = zen_beslissing.evaluate(casus)["result"]
        u = evaluate(casus, "basis", cases.PEILDATUM_2019)
        if (uit["melden"], uit["hulp"]) != (u.melden, u.hulp) or (u.melden, u.hulp) != (
            if_else_2019(casus["antwoorden"])
        ):
            msg = f"zen's table differs from the library for {casus}"
            raise AssertionError(msg)


def meet() -> dict[str, float | None]:
    """Seconds per case: zen and ``evaluate`` from dicts and from JSON text, the 729 cases.

    Also ``zen_leeg``: zen through an empty graph (input to output), its cost per call.
    """
    dicts = de_729()
    teksten = [json.dumps(c) for c in dicts]
    datum = cases.PEILDATUM_2019
    evaluate(dicts[0], "basis", datum)  # warm: the kader loaded and compiled
    uit: dict[str, float | None] = {
        "evaluate_dict": per_case(lambda c: evaluate(c, "basis", datum), dicts, 7),
        "evaluate_json": per_case(lambda t: evaluate(t, "basis", datum), teksten, 7),
        "zen_dict": None,
        "zen_json": None,
        "zen_leeg": None,
    }
    zen_beslissing = beslissing()
    if zen_beslissing is None:
        return uit
    controleer(zen_beslissing)
    uit["zen_dict"] = per_case(zen_beslissing.evaluate, dicts, 7)
    uit["zen_json"] = per_case(zen_beslissing.evaluate, teksten, 7)
    # What one call costs zen whatever the decision: the same dicts through an empty graph.
    # Where this is most of zen's time, the ratio measures the binding's call, not the
    # table (on this project's machines it is: see benchmarks/README.md).
    leeg = beslissing(lege_graaf())
    uit["zen_leeg"] = per_case(leeg.evaluate, dicts, 7)
    return uit
