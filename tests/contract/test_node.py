"""The Node.js example of docs/integratie.md runs as written, and gives the output shown there.

Skipped (with the reason) where ``node`` is not installed. The ``meldcode`` command of this
environment is put first on the ``PATH``, as an integrator's install would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from testhulp import WORTEL, coproces, lees_regel

INTEGRATIE = (WORTEL / "docs" / "integratie.md").read_text(encoding="utf-8")
NODE = shutil.which("node")


def _blok(taal: str, na: str = "") -> str:
    tekst = INTEGRATIE.split(na, 1)[1] if na else INTEGRATIE
    return re.findall(rf"```{taal}\n(.*?)```", tekst, flags=re.DOTALL)[0]


@pytest.mark.skipif(NODE is None, reason="node is not installed on this machine")
def test_the_node_example_runs_as_written(tmp_path: Path) -> None:
    voorbeeld = _blok("javascript")
    verwacht = _blok("text", na="It prints:")
    bestand = tmp_path / "voorbeeld.cjs"
    bestand.write_text(voorbeeld, encoding="utf-8")
    bin_map = str(Path(sys.executable).parent)
    assert (Path(bin_map) / "meldcode").exists() or (Path(bin_map) / "meldcode.exe").exists()
    proces = subprocess.run(
        [str(NODE), str(bestand)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PATH": bin_map + os.pathsep + os.environ.get("PATH", "")},
    )
    assert proces.returncode == 0, proces.stderr
    assert proces.stdout == verwacht


def test_request_response_the_first_answer_is_not_held_back() -> None:
    """A co-process that writes one line and waits gets its answer before writing more."""
    with coproces("evaluate", "-", "--peildatum", "2026-01-15") as proces:
        uit = proces.stdout
        antwoorden: list[str] = []
        for casus_id in ("eerste", "tweede"):
            proces.stdin.write(json.dumps({"id": casus_id}) + "\n")
            proces.stdin.flush()
            antwoord = lees_regel(uit, timeout=60)
            assert antwoord is not None, "no answer while the input stays open"
            antwoorden.append(antwoord)
        proces.stdin.write("\n")  # a blank line is answered too
        proces.stdin.flush()
        antwoorden.append(uit.readline())
        proces.stdin.close()
        assert uit.read() == ""
        proces.wait(timeout=30)
    assert [json.loads(a)["casus_id"] for a in antwoorden[:2]] == ["eerste", "tweede"]
    assert json.loads(antwoorden[2])["fouten"][0]["code"] == "lege_regel"
    assert proces.returncode == 1
