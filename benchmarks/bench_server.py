"""The HTTP service over loopback, against the CLI stream in the same run.

- ``requests/s``: single-casus ``POST /v1/evaluate`` requests, one after another on one
  keep-alive connection (what an ECD calling per click sees), to ``meldcode serve`` in
  its own process with its default logging (the access log is written; to /dev/null);
- ``batch``: ``POST /v1/evaluate/batch`` with the JSON Lines stream, cases per second
  for the whole request (the body is sent, the answer read to the end);
- ``CLI stream``: the same lines through ``meldcode evaluate -`` (stdin to stdout), cases
  per second in its steady state (from the first result to the last: the CLI's start-up
  of about 0.7 s is left out, which favours the CLI).

Wall-clock time over loopback, the best of three, because the work is split over two
processes (CPU time of one process would leave the other out); the machine's load is in
the table's first line.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Self

from benchmarks import cases
from benchmarks.bench_batch import regels

WORTEL = Path(__file__).resolve().parent.parent
PEILDATUM = cases.PEILDATUM_2019.isoformat()


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Dienst:
    """``meldcode serve`` in its own process, for the length of a ``with`` block."""

    def __init__(self) -> None:
        self.poort = _vrije_poort()
        self.proces: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Self:
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "meldcode_rules.cli", "serve", "--port", str(self.poort)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=WORTEL,
        )
        for _ in range(600):
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=2)
                verbinding.request("GET", "/v1/ready")
                if verbinding.getresponse().status == 200:
                    verbinding.close()
                    return self
            except OSError:
                time.sleep(0.05)
        msg = "meldcode serve did not start"
        raise RuntimeError(msg)

    def __exit__(self, *_: object) -> None:
        assert self.proces is not None
        self.proces.terminate()
        self.proces.wait(timeout=20)

    def verbinding(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.poort, timeout=300)


def meet_verzoeken(dienst: Dienst, kader: str, aantal: int) -> float:
    """Single-casus requests per second on one keep-alive connection (best of three)."""
    lichamen = [r.encode() for r in regels("answers", aantal)]
    pad = f"/v1/evaluate?kader={kader}&peildatum={PEILDATUM}"
    kop = {"Content-Type": "application/json"}
    verbinding = dienst.verbinding()
    for body in lichamen[:200]:  # warm-up: the memo tables, the connection
        verbinding.request("POST", pad, body, kop)
        verbinding.getresponse().read()
    beste = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for body in lichamen:
            verbinding.request("POST", pad, body, kop)
            antwoord = verbinding.getresponse()
            antwoord.read()
            if antwoord.status != 200:
                msg = f"status {antwoord.status}"
                raise RuntimeError(msg)
        beste = max(beste, aantal / (time.perf_counter() - start))
    verbinding.close()
    return beste


def meet_batch(dienst: Dienst, kader: str, soort: str, aantal: int) -> float:
    """Cases per second through ``POST /v1/evaluate/batch``, the whole request (best of three)."""
    body = ("\n".join(regels(soort, aantal)) + "\n").encode()
    pad = f"/v1/evaluate/batch?kader={kader}&peildatum={PEILDATUM}"
    beste = 0.0
    for _ in range(3):
        verbinding = dienst.verbinding()
        start = time.perf_counter()
        verbinding.request("POST", pad, body, {"Content-Type": "application/x-ndjson"})
        antwoord = verbinding.getresponse()
        n = 0
        while stuk := antwoord.read(1 << 20):
            n += stuk.count(b"\n")
        duur = time.perf_counter() - start
        verbinding.close()
        if n != aantal:
            msg = f"batch gave {n} lines for {aantal} cases"
            raise RuntimeError(msg)
        beste = max(beste, aantal / duur)
    return beste


def meet_cli(kader: str, soort: str, aantal: int) -> float:
    """Cases per second of ``meldcode evaluate -`` in its steady state (best of three)."""
    body = ("\n".join(regels(soort, aantal)) + "\n").encode()
    beste = 0.0
    for _ in range(3):
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "meldcode_rules.cli",
                "evaluate",
                "-",
                "--kader",
                kader,
                "--peildatum",
                PEILDATUM,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=WORTEL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert proces.stdin is not None
        assert proces.stdout is not None

        def schrijf(p: subprocess.Popen[bytes] = proces) -> None:
            assert p.stdin is not None
            p.stdin.write(body)
            p.stdin.close()

        schrijver = threading.Thread(target=schrijf)
        schrijver.start()
        eerste = proces.stdout.readline()
        begin = time.perf_counter()
        n = 1 if eerste else 0
        while stuk := proces.stdout.read(1 << 20):
            n += stuk.count(b"\n")
        duur = time.perf_counter() - begin
        schrijver.join()
        proces.wait()
        if n != aantal:
            msg = f"the CLI gave {n} lines for {aantal} cases"
            raise RuntimeError(msg)
        beste = max(beste, (aantal - 1) / duur)
    return beste
