"""End-to-end timings: JSON in, JSON out; a JSON Lines stream; memory; import time.

- ``e2e single``: ``evaluate(json_text, ...).model_dump_json()`` per case (kader
  lookup, validation, evaluation, serialisation);
- ``stream``: ``evaluate_many(lines, ..., als_json=True)`` over a JSON Lines stream
  (an iterator in, an iterator out), cases per second on one core;
- ``memory``: the tracemalloc peak of the same stream at 10,000 and at 100,000 cases,
  each in a fresh process (the stream is generated lazily, so only the engine's own
  memory counts);
- ``import``: ``import meldcode_rules`` in a fresh interpreter, best of seven.

Times are CPU time of the process (``time.process_time``): on a shared machine, other
work does not count against the library.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import cases
from benchmarks.bench_engine import per_case
from meldcode_rules import evaluate, evaluate_many

if TYPE_CHECKING:
    from collections.abc import Iterator

WORTEL = Path(__file__).resolve().parent.parent
POOL = 2_000
"""Distinct generated cases a stream cycles through (each line gets its own id)."""


def regels(soort: str, aantal: int, seed: int = 2019) -> Iterator[str]:
    """A lazy JSON Lines stream of ``aantal`` generated cases (cycled from a pool)."""
    # A fixed pool, so the harness itself holds the same memory at any stream length.
    pool = [json.dumps(c) for c in cases.genereer(soort, POOL, seed)]
    for i in range(aantal):
        # A fresh id per line, as a real stream has: the id is echoed in every result.
        tekst = pool[i % len(pool)]
        yield tekst.replace('"id": "', f'"id": "{i}-', 1)


def meet_e2e(kader: str, soort: str, aantal: int) -> float:
    """Seconds per case, JSON text in, JSON text out, one evaluate call per case."""
    teksten = list(regels(soort, aantal))
    peildatum = cases.PEILDATUM_2019
    return per_case(lambda t: evaluate(t, kader, peildatum).model_dump_json(), teksten)


def meet_stroom(kader: str, soort: str, aantal: int) -> float:
    """Cases per CPU second through ``evaluate_many(..., als_json=True)`` over a stream."""
    beste = 0.0
    for _ in range(2):
        start = time.process_time()
        n = 0
        for uit in evaluate_many(regels(soort, aantal), kader, cases.PEILDATUM_2019, als_json=True):
            if not isinstance(uit, str):
                msg = "a generated case was invalid"
                raise TypeError(msg)
            n += 1
        beste = max(beste, n / (time.process_time() - start))
    return beste


_GEHEUGEN = """
import sys, tracemalloc
sys.path.insert(0, {wortel!r})
from benchmarks.bench_batch import regels
from benchmarks import cases
from meldcode_rules import evaluate_many, load_kader
from meldcode_rules.engine import compileer
compileer(load_kader({kader!r}, cases.PEILDATUM_2019))
tracemalloc.start()
n = sum(1 for _ in evaluate_many(regels({soort!r}, {aantal}), {kader!r}, cases.PEILDATUM_2019,
                                  als_json=True))
print(n, tracemalloc.get_traced_memory()[1])
"""


def meet_geheugen(kader: str, soort: str, aantal: int) -> int:
    """The tracemalloc peak (bytes) of streaming ``aantal`` cases, in a fresh process."""
    code = _GEHEUGEN.format(wortel=str(WORTEL), kader=kader, soort=soort, aantal=aantal)
    uit = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=WORTEL
    ).stdout.split()
    if int(uit[0]) != aantal:
        msg = "the memory run did not evaluate every case"
        raise RuntimeError(msg)
    return int(uit[1])


def meet_import(keer: int = 7) -> float:
    """Best CPU seconds of ``import meldcode_rules`` in a fresh interpreter, of ``keer``.

    The package root imports lazily, so the bare import is nearly free; this measures the
    import together with the first use of the API (``meldcode_rules.evaluate``), which
    loads the models and the engine: what a caller pays before its first evaluation.
    The minimum, as for every timing here: noise (a busy machine, cold caches) only adds.
    """
    code = (
        "import time; t = time.process_time(); import meldcode_rules; "
        "meldcode_rules.evaluate; print(time.process_time() - t)"
    )
    tijden = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(keer)
    ]
    return min(tijden)
