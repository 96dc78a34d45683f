"""The JSON Lines stream through ``meldcode evaluate``, end to end, as a system runs it.

- ``cpu``: the CPU seconds of the ``meldcode evaluate FILE.jsonl`` process per case (user
  and system, ``getrusage`` in a small parent of its own) in its steady state: the whole
  file minus its first tenth (start-up and memo warm-up fall out); one core, reading the
  file, parsing, validating, evaluating, writing every result to ``/dev/null``;
- ``rss``: the peak resident memory of that process (``ru_maxrss``), at two stream lengths;
- ``jobs``: the wall-clock time of ``--jobs N`` against ``--jobs 1`` on the same file, each
  with its start-up subtracted (best of three, alternating);
- ``bytes``: the size of a result in the compact form and in the full one.

The input files are written once per run into a temporary folder: answers-only cases
cycled from a pool of 2,000 generated ones, each line with its own id (as
``bench_batch.regels``); dossiers each generated anew (``cases.reeks``), none like another.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import cases
from benchmarks.bench_batch import regels

if TYPE_CHECKING:
    from collections.abc import Iterator

WORTEL = Path(__file__).resolve().parent.parent
PEILDATUM = cases.PEILDATUM_2019.isoformat()
_MAP = Path(tempfile.mkdtemp(prefix="meldcode-bench-"))


def invoer(soort: str, aantal: int) -> Path:
    """A JSON Lines file of ``aantal`` generated cases (written once per run).

    Dossiers are each generated anew, as no two real dossiers are alike (their facts, and
    so their traces, differ); answers-only cases cycle through the pool of ``regels``, each
    line with its own id (there are only so many answer sets).
    """
    pad = _MAP / f"{soort}-{aantal}.jsonl"
    if not pad.exists():
        lijnen: Iterator[str]
        if soort == "dossiers":
            lijnen = (json.dumps(c) for c in cases.reeks(soort, aantal))
        else:
            lijnen = regels(soort, aantal)
        with pad.open("w", encoding="utf-8") as f:
            for regel in lijnen:
                f.write(regel + "\n")
    return pad


_MEET = """
import os, resource, subprocess, sys, time
with open(os.devnull, "wb") as uit:
    start = time.perf_counter()
    code = subprocess.run(sys.argv[1:], stdout=uit, stderr=subprocess.DEVNULL).returncode
    wall = time.perf_counter() - start
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(code, wall, r.ru_utime + r.ru_stime, r.ru_maxrss)
"""
"""Runs the command from a small process of its own: the peak RSS and the CPU time of its
children are then the command's (with its worker processes), not inflated by a fork of
this large benchmark process."""


def _draai(pad: Path, kader: str, *extra: str) -> tuple[float, float, int]:
    """Run the CLI on a file: (wall seconds, CPU seconds, peak RSS in KiB)."""
    opdracht = [sys.executable, "-m", "meldcode_rules.cli", "evaluate", str(pad)]
    opdracht += ["--kader", kader, "--peildatum", PEILDATUM, *extra]
    uit = subprocess.run(
        [sys.executable, "-c", _MEET, *opdracht],
        capture_output=True,
        text=True,
        check=True,
        cwd=WORTEL,
    ).stdout.split()
    if uit[0] != "0":
        msg = f"meldcode evaluate ended with {uit[0]}"
        raise RuntimeError(msg)
    return float(uit[1]), float(uit[2]), int(uit[3])


def opstart(kader: str, *extra: str) -> tuple[float, float]:
    """The start-up of the command: (wall, CPU) on a one-line file, the median of three."""
    pad = invoer("answers", 1)
    metingen = [_draai(pad, kader, *extra) for _ in range(3)]
    return (
        statistics.median(m[0] for m in metingen),
        statistics.median(m[1] for m in metingen),
    )


def meet_cpu(kader: str, soort: str, aantal: int, herhalingen: int = 2) -> float:
    """CPU seconds per case of the CLI stream on one core, in its steady state.

    The CPU time of the whole file minus that of its first tenth, over nine tenths of the
    cases: start-up and the filling of the memo tables (the first few thousand distinct
    cases) fall out, as in :func:`meet_jobs`. Best of ``herhalingen``.
    """
    groot, klein = invoer(soort, aantal), invoer(soort, aantal // 10)
    return min(
        (_draai(groot, kader)[1] - _draai(klein, kader)[1]) / (aantal - aantal // 10)
        for _ in range(herhalingen)
    )


def meet_rss(kader: str, soort: str, aantal: int) -> int:
    """Peak RSS (bytes) of the CLI on a stream of ``aantal`` cases."""
    return _draai(invoer(soort, aantal), kader)[2] * 1024


def meet_jobs(kader: str, soort: str, aantal: int, jobs: int) -> tuple[float, float]:
    """Wall seconds per case with ``--jobs 1`` and with ``--jobs N``, start-up left out.

    Each setting runs on the whole file and on a tenth of it; the difference is the time of
    nine tenths of the stream in its steady state (start-up, the pool of workers and the
    filling of the memo tables fall out). Best of five, the two settings alternating: a
    parallel speed-up needs free cores, and on a shared machine the best run is the one
    that had them.
    """
    groot, klein = invoer(soort, aantal), invoer(soort, aantal // 10)
    beste = {1: float("inf"), jobs: float("inf")}
    for _ in range(5):
        for n in (1, jobs):
            t_groot = _draai(groot, kader, "--jobs", str(n))[0]
            t_klein = _draai(klein, kader, "--jobs", str(n))[0]
            beste[n] = min(beste[n], (t_groot - t_klein) / (aantal - aantal // 10))
    return beste[1], beste[jobs]


def meet_bytes(kader: str, soort: str, aantal: int = 2_000) -> tuple[float, float]:
    """Mean bytes per result (with its line end): the compact form and the full one."""
    from meldcode_rules import evaluate  # noqa: PLC0415

    compact = volledig = 0
    for casus in cases.genereer(soort, aantal, seed=2019):
        u = evaluate(casus, kader, cases.PEILDATUM_2019)
        compact += len(u.als_json().encode()) + 1
        volledig += len(u.als_json("volledig").encode()) + 1
    return compact / aantal, volledig / aantal
