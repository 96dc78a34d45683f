"""Concurrency: many threads evaluating at once give the sequential results, byte for byte.

The native engine shares compiled versions and bounded memo tables between threads;
a tiny switch interval makes the threads interleave inside evaluations, and fresh
compiled versions make them race while the memo tables fill (and are emptied).
"""

from __future__ import annotations

import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pytest
from testhulp import cases

from meldcode_rules import evaluate, evaluate_many, list_kaders, load_kader, validate_casus
from meldcode_rules.engine import _memo
from meldcode_rules.engine.native import NativeKader

if TYPE_CHECKING:
    from collections.abc import Iterator

DRADEN = 8


@pytest.fixture(autouse=True)
def snel_wisselen() -> Iterator[None]:
    oud = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(oud)


def _werk() -> list[tuple[str, dict[str, object]]]:
    gevallen = cases.genereer("signals", 60, 21) + cases.genereer("answers", 60, 22)
    ids = [k.id for k in list_kaders()]
    return [(ids[i % len(ids)], c) for i, c in enumerate(gevallen)]


def test_threads_give_the_sequential_results() -> None:
    werk = _werk()
    peildatum = cases.PEILDATUM_2019
    verwacht = [evaluate(c, k, peildatum).model_dump_json() for k, c in werk]
    with ThreadPoolExecutor(DRADEN) as pool:
        rondes = [
            pool.submit(
                lambda r=r: [
                    evaluate(c, k, peildatum).model_dump_json() for k, c in werk[r:] + werk[:r]
                ]
            )
            for r in range(0, len(werk), len(werk) // DRADEN)
        ]
        for r, ronde in zip(range(0, len(werk), len(werk) // DRADEN), rondes, strict=True):
            assert ronde.result() == verwacht[r:] + verwacht[:r]


@pytest.mark.parametrize("klein", [False, True], ids=["memo", "memo-steeds-geleegd"])
def test_threads_on_one_cold_engine_fill_its_memo_consistently(
    klein: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One fresh compiled version, shared by every thread from its first case on.

    With tiny memo tables the threads race while the tables are emptied and refilled.
    """
    if klein:
        monkeypatch.setattr(_memo, "_MAX_GEHEUGEN", 8)
        monkeypatch.setattr(_memo, "_MAX_UITKOMSTEN", 4)
    gevallen = [validate_casus(c) for c in cases.genereer("signals", 200, 23)]
    peildatum = cases.PEILDATUM_2019
    verwacht = [evaluate(c, "basis", peildatum).model_dump_json() for c in gevallen]
    motor = NativeKader(load_kader("basis", peildatum))
    start = threading.Barrier(DRADEN)

    def ronde(nummer: int) -> list[str]:
        start.wait()
        volgorde = gevallen[nummer:] + gevallen[:nummer]
        if nummer % 2:
            return [motor.evaluate_json(c, peildatum) for c in volgorde]
        return [motor.evaluate(c, peildatum).model_dump_json() for c in volgorde]

    with ThreadPoolExecutor(DRADEN) as pool:
        uit = list(pool.map(ronde, range(DRADEN)))
    for nummer, resultaat in enumerate(uit):
        assert resultaat == verwacht[nummer:] + verwacht[:nummer]


def test_parallel_streams_stay_aligned() -> None:
    werk = cases.genereer("answers", 150, 24) + cases.genereer("signals", 150, 25)
    regels = [json.dumps(c) for c in werk]
    peildatum = cases.PEILDATUM_2019
    verwacht = list(evaluate_many(regels, "basis", peildatum, als_json=True))

    def stroom(_: int) -> list[object]:
        return list(evaluate_many(iter(regels), "basis", peildatum, als_json=True))

    with ThreadPoolExecutor(DRADEN) as pool:
        for uit in pool.map(stroom, range(DRADEN)):
            assert uit == verwacht
