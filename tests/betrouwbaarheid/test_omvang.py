"""Size: a casus with 10,000 signalen is evaluated in bounded time and memory.

No absolute seconds: the checks are a memory bound (tracemalloc) and scaling ratios
between 1,000 and 10,000 signalen, which stay near 10 for a linear pass and would be
near 100 for a quadratic step.
"""

from __future__ import annotations

import json
import time
import tracemalloc

from testhulp import cases

from meldcode_rules import evaluate, validate_casus
from meldcode_rules.feiten import afleiden

KLEIN, GROOT = 1_000, 10_000


def _tekst(aantal: int) -> str:
    return json.dumps(cases.met_signalen(aantal))


def _piek(tekst: str) -> int:
    tracemalloc.start()
    try:
        evaluate(tekst, "basis", cases.PEILDATUM_2019).model_dump_json()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _cpu(tekst: str) -> float:
    beste = float("inf")
    for _ in range(3):
        start = time.process_time()
        evaluate(tekst, "basis", cases.PEILDATUM_2019).model_dump_json()
        beste = min(beste, time.process_time() - start)
    return beste


def test_ten_thousand_signals_are_counted() -> None:
    casus = cases.met_signalen(GROOT)
    uitkomst = evaluate(json.dumps(casus), "basis", cases.PEILDATUM_2019)
    feiten = afleiden(validate_casus(json.dumps(casus)), cases.PEILDATUM_2019)
    peil = cases.PEILDATUM_2019.isoformat()
    geteld = [s for s in casus["signalen"] if "datum" not in s or s["datum"] <= peil]
    data = {s["datum"] for s in geteld if "datum" in s}
    assert feiten["aantal_signalen"] == len(geteld) > 1000
    assert feiten["aantal_signaaldata"] == len(data) > 100
    # Many dates decide nothing by themselves: structurele onveiligheid comes from a recorded
    # herhaling or voortduren (kenmerk), or the professional is asked to weigh the dates.
    structureel = uitkomst.afwegingen["structurele_onveiligheid"]
    gewogen = "herhaling_wegen" in {s.code for s in uitkomst.signaleringen}
    assert gewogen is (structureel.waarde != "ja")
    assert all(x.regel != "structureel_herhaling" for x in structureel.spoor)


def test_memory_is_bounded_and_grows_linearly() -> None:
    klein, groot = _tekst(KLEIN), _tekst(GROOT)
    evaluate(klein, "basis", cases.PEILDATUM_2019)  # compile and load outside the measurement
    piek_klein, piek_groot = _piek(klein), _piek(groot)
    # The validated casus itself is linear in its signalen (about a kilobyte each).
    assert piek_groot < 64 * 1024 * 1024
    assert piek_groot / piek_klein < 15


def test_time_grows_linearly() -> None:
    klein, groot = _tekst(KLEIN), _tekst(GROOT)
    evaluate(klein, "basis", cases.PEILDATUM_2019)
    verhouding = _cpu(groot) / _cpu(klein)
    # Linear is about 10; a quadratic step would give about 100.
    assert verhouding < 30, verhouding
