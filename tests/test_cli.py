"""The `meldcode` command: evaluate (JSON, JSON Lines, stdin, text), kaders, schema, bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from testhulp import AFWEGINGEN, coproces, lees_regel

from meldcode_rules.cli import main

VOORBEELD = Path(__file__).parent.parent / "voorbeelden" / "casus.json"
MARKER = "Qx7-canary-Zz"


def run(capsys, *args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    uit, fout = capsys.readouterr()
    return code, uit, fout


def test_evaluate_example_case(capsys) -> None:
    code, uit, fout = run(
        capsys, "evaluate", str(VOORBEELD), "--kader", "basis", "--peildatum", "2026-11-01"
    )
    assert code == 0, fout
    resultaat = json.loads(uit)
    # Sourced: the betrokkenen are not willing to commit to the hulp (NJi: "Nee: melden"); the
    # professional's structurele onveiligheid = nee stands, with the dates to weigh.
    assert resultaat["melden"] == "ja"
    assert resultaat["hulp"] == "nee"
    medewerking = resultaat["afwegingen"]["medewerking"]
    assert [s["regel"] for s in medewerking["spoor"]] == ["medewerking_geen_inzet"]
    assert resultaat["afwegingen"]["structurele_onveiligheid"]["waarde"] == "nee"
    assert "herhaling_wegen" in {s["code"] for s in resultaat["signaleringen"]}
    assert list(resultaat["afwegingen"]) == list(AFWEGINGEN)
    for afweging in resultaat["afwegingen"].values():
        assert afweging["waarde"] in ("ja", "nee", "onbekend")
        assert "spoor" in afweging
    assert resultaat["kader"]["id"] == "basis"
    assert resultaat["kader"]["versie"] == "2019"
    assert {a["code"] for a in resultaat["acties"]} >= {"melden_bij_veilig_thuis", "vastleggen"}
    assert isinstance(resultaat["signaleringen"], list)


def test_text_output_is_a_dutch_summary_without_ids(capsys) -> None:
    code, uit, _ = run(
        capsys, "evaluate", str(VOORBEELD), "--format", "text", "--peildatum", "2026-11-01"
    )
    assert code == 0
    assert "Is melden noodzakelijk?" in uit
    assert "ja, melden bij Veilig Thuis is noodzakelijk" in uit
    assert "voorbeeld-1" not in uit


def test_json_lines_stream_keeps_good_lines_and_reports_bad_ones(capsys, monkeypatch) -> None:
    regels = [
        {"id": "a", "antwoorden": {"vermoeden": "nee"}},
        {"id": "b", "antwoorden": {"vermoeden": MARKER}},
        "{niet json " + MARKER,
        {"id": "d", "antwoorden": {"vermoeden": "ja", "acute_onveiligheid": "ja"}},
        [1, 2],
    ]
    tekst = "\n".join(r if isinstance(r, str) else json.dumps(r) for r in regels) + "\n\n"
    code, uit, fout = run(
        capsys, "evaluate", "-", "--kader", "basis", stdin=tekst, monkeypatch=monkeypatch
    )
    assert code == 1  # done, some lines bad
    uitvoer = [json.loads(r) for r in uit.splitlines()]
    assert len(uitvoer) == 6  # five lines and the blank one: one record per input line
    assert uitvoer[0]["melden"] == "nee"
    assert uitvoer[1] == {
        "lijn": 2,
        "casus_id": "b",
        "fouten": [
            {
                "veld": "antwoorden.vermoeden",
                "code": "niet_toegestaan",
                "bericht": "waarde niet toegestaan (toegestaan: 'ja', 'nee' of 'onbekend')",
            }
        ],
    }
    assert uitvoer[2]["lijn"] == 3
    assert uitvoer[2]["fouten"][0]["code"] == "ongeldige_json"
    assert uitvoer[3]["melden"] == "ja"
    assert uitvoer[4]["lijn"] == 5
    assert uitvoer[4]["fouten"][0]["code"] == "geen_object"
    assert uitvoer[5]["fouten"][0]["code"] == "lege_regel"
    assert "regel 2: antwoorden.vermoeden" in fout
    assert "regel 3: <json>: ongeldige JSON" in fout
    assert MARKER not in fout
    assert MARKER not in uit
    assert "Traceback" not in fout


def test_json_lines_file_by_path(tmp_path, capsys) -> None:
    pad = tmp_path / "reeks.jsonl"
    pad.write_text(
        "\n".join(json.dumps({"id": f"c{i}", "antwoorden": {"vermoeden": "nee"}}) for i in range(3))
    )
    code, uit, _ = run(capsys, "evaluate", str(pad))
    assert code == 0
    assert [json.loads(r)["casus_id"] for r in uit.splitlines()] == ["c0", "c1", "c2"]


def test_pretty_printed_single_case_from_stdin(capsys, monkeypatch) -> None:
    tekst = json.dumps(
        {"id": "c", "antwoorden": {"vermoeden": "ja", "structurele_onveiligheid": "ja"}}, indent=2
    )
    code, uit, _ = run(
        capsys, "evaluate", "-", "--format", "json", stdin=tekst, monkeypatch=monkeypatch
    )
    assert code == 0
    assert json.loads(uit)["melden"] == "ja"


@pytest.mark.parametrize(
    ("args", "inhoud", "verwacht"),
    [
        (["evaluate", "bestaat-niet.json"], None, "FILE: bestand niet gevonden"),
        (["evaluate", "{pad}"], "{ kapot " + MARKER, "ongeldige JSON"),
        (
            ["evaluate", "{pad}"],
            json.dumps({"id": "c", "signalen": [{"vorm": MARKER}]}),
            "signalen[0].vorm",
        ),
        (["evaluate", "{pad}", "--kader", "basiss"], json.dumps({"id": "c"}), "bedoelt u: basis"),
        (
            ["evaluate", "{pad}", "--peildatum", "24-11-2026"],
            json.dumps({"id": "c"}),
            "--peildatum",
        ),
        (
            ["evaluate", "{pad}", "--peildatum", "2010-01-01"],
            json.dumps({"id": "c"}),
            "geen versie op de peildatum",
        ),
        (["evaluate", "{pad}"], "", "de invoer is leeg"),
        (["evaluate", "{pad}"], "[1]", "verwacht een JSON-object"),
        (["evaluate"], None, "FILE"),
        (["onzin"], None, "ongeldige keuze"),
    ],
)
def test_bad_input_gives_one_line_exit_2_and_no_echo(
    tmp_path, capsys, args, inhoud, verwacht
) -> None:
    pad = tmp_path / "casus.json"
    if inhoud is not None:
        pad.write_text(inhoud, encoding="utf-8")
    code, uit, fout = run(capsys, *[a.replace("{pad}", str(pad)) for a in args])
    assert code == 2
    assert verwacht in fout
    assert "Traceback" not in fout
    assert MARKER not in fout + uit


def test_not_utf8(tmp_path, capsys) -> None:
    pad = tmp_path / "casus.json"
    pad.write_bytes(b'{"id": "\xff\xfe"}')
    code, _, fout = run(capsys, "evaluate", str(pad))
    assert code == 2
    assert "UTF-8" in fout


def test_kaders_json_lists_identity_source_and_versions(capsys) -> None:
    code, uit, _ = run(capsys, "kaders", "--format", "json")
    assert code == 0
    gegevens = json.loads(uit)
    basis = next(k for k in gegevens["kaders"] if k["id"] == "basis")
    assert basis["sectoren"]
    assert basis["bron"]["adres"].startswith("https://")
    assert [v["versie"] for v in basis["versies"]] == ["2013", "2019"]
    assert basis["versies"][0]["geldig_tot"] == "2018-12-31"
    assert "gebroken" in gegevens


def test_kaders_text(capsys) -> None:
    code, uit, _ = run(capsys, "kaders")
    assert code == 0
    assert "basis:" in uit
    assert "versies: 2013" in uit


@pytest.mark.parametrize("naam", ["casus", "uitkomst"])
def test_schema(capsys, naam: str) -> None:
    code, uit, _ = run(capsys, "schema", naam)
    assert code == 0
    schema = json.loads(uit)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["type"] == "object"
    if naam == "casus":
        assert schema["required"] == ["id"]
        assert "antwoorden" in schema["properties"]
    else:
        assert {"melden", "hulp", "afwegingen", "acties", "signaleringen", "kader"} <= set(
            schema["properties"]
        )


def test_console_script_never_shows_a_traceback(tmp_path) -> None:
    pad = tmp_path / "casus.json"
    pad.write_text('{"id": "c", "antwoorden": {"vermoeden": "' + MARKER + '"}}', encoding="utf-8")
    proces = subprocess.run(
        [
            sys.executable,
            "-m",
            "meldcode_rules.cli",
            "evaluate",
            str(pad),
            "--peildatum",
            "2024-06-01",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proces.returncode == 2
    assert proces.stderr.count("\n") == 1
    assert "Traceback" not in proces.stderr
    assert MARKER not in proces.stderr + proces.stdout


def test_json_lines_results_stream_while_input_is_still_open() -> None:
    """A case-management system can pipe cases in and read results as they come."""
    with coproces("evaluate", "-") as proces:
        uit = proces.stdout
        for i in range(2):
            proces.stdin.write(
                json.dumps({"id": f"c{i}", "antwoorden": {"vermoeden": "nee"}}) + "\n"
            )
        proces.stdin.flush()
        eerste = lees_regel(uit, timeout=30)
        open_tijdens_lezen = proces.poll() is None
        proces.stdin.close()
        rest = uit.read()
        proces.wait(timeout=30)
    assert open_tijdens_lezen
    assert eerste is not None, "no result before the input was closed"
    assert json.loads(eerste)["casus_id"] == "c0"
    assert json.loads(rest)["casus_id"] == "c1"
    assert proces.returncode == 0
