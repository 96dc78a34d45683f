"""``meldcode proces``: replay, JSON and text, the store across runs, errors with exit 2."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from typing import TYPE_CHECKING
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from proces_hulp import ev, volledig

from meldcode_rules.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def _schrijf(pad: Path, gebeurtenissen: list[dict[str, object]]) -> str:
    pad.write_text("".join(json.dumps(e) + "\n" for e in gebeurtenissen), encoding="utf-8")
    return str(pad)


def test_json_per_casus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = _schrijf(tmp_path / "e.jsonl", [*volledig("a"), *volledig("b")[:8]])
    code = main(["proces", bestand, "--format", "json", "--peildatum", "2024-06-01"])
    assert code == 0
    uit = json.loads(capsys.readouterr().out)
    per = {c["casus_id"]: c for c in uit["casussen"]}
    assert per["a"]["stap"] == "afgesloten"
    assert per["a"]["afsluiting"]["correct"] is True
    assert per["b"]["stap"] == "vervolg"
    assert [g["code"] for g in per["b"]["ontbreekt"]] == []
    assert per["b"]["staat"]["melding"] == "2024-03-09"


def test_tekst_in_het_nederlands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    termijnen = tmp_path / "t.json"
    termijnen.write_text('{"gesprek": 3}', encoding="utf-8")
    bestand = _schrijf(tmp_path / "e.jsonl", [ev("a", "signaal_vastgelegd", 0)])
    code = main(["proces", bestand, "--termijnen", str(termijnen), "--peildatum", "2024-03-10"])
    assert code == 0
    uit = capsys.readouterr().out
    assert "stap 1: signalen in kaart brengen" in uit
    assert "te laat: termijn gesprek verstreken op 2024-03-04 (6 dagen)" in uit


def test_store_over_twee_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "p.sqlite")
    alles = volledig("a")
    eerste = _schrijf(tmp_path / "1.jsonl", alles[:5])
    tweede = _schrijf(tmp_path / "2.jsonl", alles[5:])
    assert main(["proces", eerste, "--store", store, "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["proces", tweede, "--store", store, "--format", "json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert uit["casussen"][0]["afsluiting"]["correct"] is True
    assert uit["casussen"][0]["staat"]["versie"] == len(alles)


def test_onmogelijke_gebeurtenis_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "p.sqlite")
    bestand = _schrijf(
        tmp_path / "e.jsonl",
        [ev("geheim-id", "signaal_vastgelegd", 0), ev("geheim-id", "melding_gedaan", 1)],
    )
    assert main(["proces", bestand, "--store", store]) == 2
    fout = capsys.readouterr().err
    assert "regel 2" in fout
    assert "besluit_ontbreekt" in fout
    assert "geheim-id" not in fout
    assert "Traceback" not in fout
    assert len(fout.strip().splitlines()) == 1
    # The valid first event was kept, the impossible one changed nothing.
    goed = _schrijf(tmp_path / "g.jsonl", [ev("geheim-id", "collega_geraadpleegd", 1)])
    assert main(["proces", goed, "--store", store, "--format", "json"]) == 0
    staat = json.loads(capsys.readouterr().out)["casussen"][0]["staat"]
    assert staat["versie"] == 2


def test_ongeldige_regel_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "e.jsonl"
    pad.write_text('{"casus_id": "x", "soort": "geheim", "datum": "2024-01-01"}\n', "utf-8")
    assert main(["proces", str(pad)]) == 2
    fout = capsys.readouterr().err
    assert "regel 1: soort" in fout
    assert "geheim" not in fout
    pad.write_text("{niet json\n", "utf-8")
    assert main(["proces", str(pad)]) == 2
    assert "regel 1" in capsys.readouterr().err


def test_ontbrekend_bestand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["proces", "/bestaat/niet.jsonl"]) == 2
    assert "niet gevonden" in capsys.readouterr().err


def test_ongeldige_termijnen_en_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = _schrijf(tmp_path / "e.jsonl", [ev("c1", "signaal_vastgelegd", 0)])
    termijnen = tmp_path / "t.json"
    termijnen.write_text('{"gesprek": -4, "geheim_veld": 1}', encoding="utf-8")
    assert main(["proces", bestand, "--termijnen", str(termijnen)]) == 2
    fout = capsys.readouterr().err
    assert "termijnen.gesprek" in fout
    assert "geheim_veld" not in fout
    assert "-4" not in fout
    assert "Traceback" not in fout
    assert main(["proces", bestand, "--store", str(tmp_path)]) == 2  # a folder, not a file
    fout = capsys.readouterr().err
    assert "--store" in fout
    assert "Traceback" not in fout


@pytest.mark.parametrize(
    ("inhoud", "veld"),
    [
        ('{"gesprek": -4}', "termijnen.gesprek"),
        ('{"overleg": "7"}', "termijnen.overleg"),  # no text read as a number
        ('{"overleg": 7, "overleg": 9}', "overleg"),  # every key once
    ],
)
def test_serve_reads_termijnen_as_proces_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inhoud: str, veld: str
) -> None:
    """``serve`` and ``proces`` share one reader: the same refusals, naming the field."""
    pytest.importorskip("uvicorn", reason="meldcode serve needs the extra meldcode-rules[server]")
    termijnen = tmp_path / "t.json"
    termijnen.write_text(inhoud, encoding="utf-8")
    bestand = _schrijf(tmp_path / "e.jsonl", [ev("c1", "signaal_vastgelegd", 0)])
    assert main(["proces", bestand, "--termijnen", str(termijnen)]) == 2
    via_proces = capsys.readouterr().err
    with mock.patch("uvicorn.run") as gestart:
        assert main(["serve", "--termijnen", str(termijnen)]) == 2
    gestart.assert_not_called()
    via_serve = capsys.readouterr().err
    assert via_serve == via_proces
    assert veld in via_serve
    assert "Traceback" not in via_serve


MARKER = "ZQXJ"
"""Put in front of every generated string: it must never reach standard error."""
_TEKST = st.text(max_size=8).map(lambda t: MARKER + t)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | _TEKST,
    lambda kind: st.lists(kind, max_size=3) | st.dictionaries(_TEKST, kind, max_size=4),
    max_leaves=8,
)
_VELD = st.sampled_from(["casus_id", "soort", "datum", "reden", "melden", "hulp"]) | _TEKST


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.dictionaries(_VELD, _JSON | st.sampled_from(["signaal_vastgelegd", "2024-03-01"])),
            _JSON,
        ),
        max_size=5,
    )
)
def test_fuzz_nooit_een_traceback(regels: list[object]) -> None:
    """Arbitrary JSON lines: exit 0 or 2, short Dutch errors, never a traceback or a value."""
    tekst = "".join(json.dumps(r) + "\n" for r in regels)
    fout, uit = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stderr(fout),
        contextlib.redirect_stdout(uit),
        mock.patch.object(sys, "stdin", io.StringIO(tekst)),
    ):
        code = main(["proces", "-", "--format", "json", "--peildatum", "2024-06-01"])
    assert code in (0, 2), fout.getvalue()
    assert "Traceback" not in fout.getvalue()
    assert "interne fout" not in fout.getvalue()
    assert MARKER not in fout.getvalue()
    if code == 2:
        assert len(fout.getvalue().strip().splitlines()) <= 6
    else:
        json.loads(uit.getvalue())
