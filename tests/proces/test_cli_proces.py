"""``meldcode proces``: replay, JSON and text, the store across runs, errors with exit 2."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from proces_hulp import ev, volledig

from meldcode_rules.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


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
