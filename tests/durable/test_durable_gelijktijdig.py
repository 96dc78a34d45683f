"""Eight threads at once, on both engines, give exactly the single-thread results.

durable-rules itself is not safe under threads with its default host (see the module
docstring of :mod:`meldcode_rules.engine.durable`); the library serialises every call, runs on a
host without background pollers and deletes each session, so this must hold.
"""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from durable_hulp import gelijk, nodig
from testhulp import ALLE_ANTWOORDEN

from meldcode_rules import evaluate

pytestmark = [nodig, pytest.mark.filterwarnings("ignore::DeprecationWarning:durable.engine")]

DAG = date(2024, 3, 1)
KADERS = ("basis", "kinderopvang", "knmg")


def _casussen() -> list[dict[str, object]]:
    signalen = [
        [],
        [{"vorm": "lichamelijk_geweld", "datum": "2024-01-05", "kenmerken": ["ernstig_letsel"]}],
        [
            {"vorm": "psychisch_geweld", "datum": "2023-11-05"},
            {"vorm": "psychisch_geweld", "datum": "2024-02-05"},
        ],
    ]
    uit = []
    for i, (antwoorden, sig) in enumerate(
        zip(ALLE_ANTWOORDEN[::9], itertools.cycle(signalen), strict=False)
    ):
        uit.append({"id": f"c{i}", "antwoorden": antwoorden, "signalen": sig})
    return uit


CASUSSEN = _casussen()
TAKEN = [(k, c) for k in KADERS for c in CASUSSEN]


def _een(taak: tuple[str, dict[str, object]], engine: str) -> str:
    kader, casus = taak
    return evaluate(casus, kader, DAG, engine=engine).model_dump_json()  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_acht_threads_geven_de_uitkomsten_van_een_thread(engine: str) -> None:
    alleen = [_een(t, engine) for t in TAKEN]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ronde in range(3):
            samen = list(pool.map(lambda t: _een(t, engine), TAKEN))
            assert samen == alleen
    assert len(set(alleen)) > 20


def test_engines_gelijk_onder_threads() -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        natives = list(pool.map(lambda t: _een(t, "native"), TAKEN))
        durables = list(pool.map(lambda t: _een(t, "durable"), TAKEN))
    assert all(gelijk(n, d) for n, d in zip(natives, durables, strict=True))


def test_meer_dan_1024_evaluaties_na_elkaar() -> None:
    """durable-rules raises MemoryError past 1,024 live sessions: each one is deleted."""
    from meldcode_rules import evaluate_many  # noqa: PLC0415

    stroom = ({"id": f"c{i}", "antwoorden": {"vermoeden": "ja"}} for i in range(1100))
    uit = list(evaluate_many(stroom, "basis", DAG, engine="durable", als_json=True))
    assert len(uit) == 1100
    assert all(isinstance(u, str) and '"engine":"durable"' in u for u in uit)
