"""The JSON Lines fast path and ``--jobs``: the same bytes as the plain path, line for line.

``meldcode_rules.jsonl.evaluate_jsonl`` (what ``meldcode evaluate FILE.jsonl`` runs) must
write, for every input line, exactly what the plain composition gives: the outcome of
``evaluate_many(..., als_json=True)`` for a valid casus, the error record for a bad line,
in input order; with one process or several, into a file or into memory, in both forms.
"""

from __future__ import annotations

import io
import json
import select
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from testhulp import cases

from meldcode_rules import evaluate_many
from meldcode_rules.jsonl import Doel, Verslag, evaluate_jsonl
from meldcode_rules.stroom import Foutregel, Limieten, casussen

if TYPE_CHECKING:
    from pathlib import Path

PEIL = cases.PEILDATUM_2019
SLECHT = [
    b"",
    b"   ",
    b"[1]",
    b'{"id": "x", "id": "y"}',
    b'{"id": "a", "antwoorden": {"vermoeden": "ja", "vermoeden": "nee"}}',
    b'{"id": "a", "antwoorden": {"vermoeden": "misschien"}}',
    b'{"id": "a\\u0062", "antwoorden": {"vermoeden": "ja"}}',
    b"\xff\xfe",
    b'{"id": "a", "onbekend": 1}',
    b"x" * 300,
]


def _invoer() -> bytes:
    regels = [json.dumps(c).encode() for c in cases.genereer("answers", 300, 3)]
    regels += [json.dumps(c).encode() for c in cases.genereer("signals", 60, 4)]
    regels += [json.dumps(c).encode() for c in cases.genereer("dossiers", 60, 5)]
    uit = []
    for i, regel in enumerate(regels):
        uit.append(regel)
        if i % 37 == 0:
            uit.append(SLECHT[(i // 37) % len(SLECHT)])
    return b"\n".join(uit) + b"\r\n"


def _verwacht(data: bytes, kader: str, bronnen: str, limieten: Limieten) -> bytes:
    """The plain path: the line reader and evaluate_many, error records in place."""
    gelezen = list(casussen(io.BytesIO(data), limieten))
    geldig = [r.casus for r in gelezen if not isinstance(r, Foutregel)]
    uitkomsten = iter(evaluate_many(geldig, kader, PEIL, als_json=True, bronnen=bronnen))
    uit = [r.als_json() if isinstance(r, Foutregel) else str(next(uitkomsten)) for r in gelezen]
    return "".join(f"{regel}\n" for regel in uit).encode()


@pytest.mark.parametrize("kader", ["basis", "knmg"])
@pytest.mark.parametrize("bronnen", ["verwijzing", "volledig"])
def test_the_stream_gives_the_plain_paths_bytes(kader: str, bronnen: str) -> None:
    data = _invoer()
    limieten = Limieten(regel=200)
    verwacht = _verwacht(data, kader, bronnen, limieten)
    for _ in range(2):  # a cold memo, then a warm one
        doel = io.BytesIO()
        verslag = evaluate_jsonl(
            io.BytesIO(data), doel, kader, PEIL, bronnen=bronnen, limieten=limieten
        )
        assert doel.getvalue() == verwacht
    assert verslag.regels == verwacht.count(b"\n")
    assert verslag.fouten == sum(b'"lijn": ' in r for r in verwacht.split(b"\n"))


@pytest.mark.parametrize("in_bestand", [True, False])
def test_jobs_keep_the_order_and_the_bytes(tmp_path: Path, *, in_bestand: bool) -> None:
    data = _invoer() * 12  # more than one block per worker
    verwacht = _verwacht(data, "basis", "verwijzing", Limieten(regel=200))
    gezien: list[int] = []

    def schrijf(doel: Doel) -> Verslag:
        return evaluate_jsonl(
            io.BytesIO(data),
            doel,
            "basis",
            PEIL,
            limieten=Limieten(regel=200),
            jobs=2,
            bij_fout=lambda f: gezien.append(f.lijn),
        )

    if in_bestand:
        pad = tmp_path / "uit.jsonl"
        with pad.open("wb") as bestand:
            verslag = schrijf(bestand)
        gekregen = pad.read_bytes()
    else:
        geheugen = io.BytesIO()
        verslag = schrijf(geheugen)
        gekregen = geheugen.getvalue()
    assert gekregen == verwacht
    assert gezien == sorted(gezien)
    assert len(gezien) == verslag.fouten > 0


def test_the_cli_with_jobs_writes_what_it_writes_without(tmp_path: Path) -> None:
    invoer = tmp_path / "in.jsonl"
    invoer.write_bytes(_invoer() * 8)
    uitkomsten = []
    for jobs in ("1", "2"):
        proces = subprocess.run(
            [
                sys.executable,
                "-m",
                "meldcode_rules.cli",
                "evaluate",
                str(invoer),
                "--peildatum",
                PEIL.isoformat(),
                "--jobs",
                jobs,
                "--max-regel",
                "200",
            ],
            capture_output=True,
            check=False,
            timeout=300,
        )
        assert proces.returncode == 1  # there are bad lines
        uitkomsten.append((proces.stdout, proces.stderr))
    assert uitkomsten[0] == uitkomsten[1]
    assert uitkomsten[0][0].count(b"\n") == (_invoer() * 8).count(b"\n")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_line_is_answered_before_the_next_arrives(jobs: str) -> None:
    """Request and response over a pipe: each answer comes before the next line is sent.

    Also with worker processes: a block is what one read gave, never held back for more.
    """
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "meldcode_rules.cli",
            "evaluate",
            "-",
            "--peildatum",
            PEIL.isoformat(),
            "--jobs",
            jobs,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ) as proces:
        assert proces.stdin is not None
        assert proces.stdout is not None
        for i in range(3):
            proces.stdin.write(f'{{"id": "c{i}", "antwoorden": {{"vermoeden": "nee"}}}}\n'.encode())
            proces.stdin.flush()
            klaar, _, _ = select.select([proces.stdout], [], [], 60)
            assert klaar, f"no answer to line {i + 1} within 60 s (held back for more input?)"
            antwoord = json.loads(proces.stdout.readline())
            assert antwoord["casus_id"] == f"c{i}"
            assert antwoord["bronnen"] == "verwijzing"
        proces.stdin.close()
        proces.wait(timeout=60)
