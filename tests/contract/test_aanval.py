"""The findings of the attack report (shared/ATTACK.md) on the input/output edge, reproduced.

Each test runs the attack as written there (in-process or as a subprocess) and checks what
must hold now: one record per line, the stream goes on, exit 0/1/2 and never 3, Dutch
messages without values, bounded memory, UTF-8 output, the peildatum in Amsterdam.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testhulp import WORTEL, cli

from meldcode_rules import InputError, evaluate, validate_casus
from meldcode_rules.errors import CODES, OpslagError
from meldcode_rules.proces import Proces, SqliteOpslag, Termijnen
from meldcode_rules.stroom import Casusregel, Foutregel, Limieten, casussen, regels
from meldcode_rules.tijd import peildatum_vandaag

CANARY = "GEHEIM-CANARY-12345"
PEIL = ("--peildatum", "2026-12-01")
ACUUT = {
    "id": "acuut-1",
    "antwoorden": {
        "vermoeden": "ja",
        "acute_onveiligheid": "ja",
        "structurele_onveiligheid": "ja",
        "passende_hulp": "nee",
        "medewerking": "nee",
        "duurzame_veiligheid": "nee",
    },
}


def _meldcode(
    *args: str, invoer: bytes | None = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "meldcode_rules.cli", *args],
        input=invoer,
        capture_output=True,
        check=False,
        timeout=120,
        env={**os.environ, **env},
    )


def _records(uit: str) -> list[dict[str, object]]:
    return [json.loads(r) for r in uit.splitlines()]


# -- F3, F13, F18: the first line, a batch of one, a byte-order mark --------------------------


@pytest.mark.parametrize(
    "eerste",
    ['{"id": "x", broken', '["een array"]', '{"id": "a"}{"id": "b"}', "\ufeff{kapot"],
    ids=["ongeldig", "array", "twee-objecten", "bom-en-ongeldig"],
)
def test_f3_a_bad_first_line_is_one_error_record_and_the_rest_is_evaluated(eerste: str) -> None:
    code, uit, fout = cli(
        "evaluate", "-", *PEIL, stdin=f'{eerste}\n{{"id":"ok2"}}\n{{"id":"ok3"}}\n'
    )
    assert code == 1
    records = _records(uit)
    assert len(records) == 3
    assert records[0]["lijn"] == 1
    assert [r.get("casus_id") for r in records[1:]] == ["ok2", "ok3"]
    assert "melden" in records[1]
    assert fout.count("\n") == 1


def test_f13_a_batch_of_one_is_one_json_line(tmp_path: Path) -> None:
    bestand = tmp_path / "one_casus.jsonl"
    bestand.write_text('{"id":"een"}\n', encoding="utf-8")
    for args in (("evaluate", str(bestand)), ("evaluate", "-", "--format", "jsonl")):
        code, uit, _ = cli(*args, *PEIL, stdin='{"id":"een"}\n')
        assert code == 0
        assert len(uit.splitlines()) == 1
        assert json.loads(uit)["casus_id"] == "een"
    code, uit, _ = cli("evaluate", "-", *PEIL, stdin='{"id": "a", "antwoorden": 1}\n')
    assert code == 1
    assert _records(uit)[0]["fouten"][0]["veld"] == "antwoorden"


def test_f18_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    bestand = tmp_path / "bom.json"
    bestand.write_bytes(b'\xef\xbb\xbf{"id":"a"}')
    code, uit, _ = cli("evaluate", str(bestand), *PEIL)
    assert code == 0
    assert json.loads(uit)["casus_id"] == "a"
    code, uit, _ = cli("evaluate", "-", *PEIL, stdin=b'\xef\xbb\xbf{"id":"a"}\n{"id":"b"}\n')
    assert code == 0
    assert [r["casus_id"] for r in _records(uit)] == ["a", "b"]


# -- F4: invalid UTF-8 in one line ---------------------------------------------------------


def test_f4_one_invalid_utf8_byte_is_one_record_and_nothing_is_lost(tmp_path: Path) -> None:
    bestand = tmp_path / "u.jsonl"
    with bestand.open("wb") as f:
        for i in range(1000):
            f.write((json.dumps({"id": f"a{i}"}) + "\n").encode())
        f.write(b'{"id":"bad\xff"}\n')
        for i in range(1000):
            f.write((json.dumps({"id": f"b{i}"}) + "\n").encode())
    proces = _meldcode("evaluate", str(bestand), *PEIL)
    assert proces.returncode == 1
    regels_uit = proces.stdout.decode().splitlines()
    assert len(regels_uit) == 2001
    assert sum(r.startswith('{"casus_id"') for r in regels_uit) == 2000
    assert json.loads(regels_uit[1000])["fouten"][0]["code"] == "geen_utf8"


# -- F5: integers over 4,300 digits ---------------------------------------------------------


def test_f5_a_huge_integer_is_an_input_error_and_the_stream_goes_on(tmp_path: Path) -> None:
    groot = "9" * 5000
    bestand = tmp_path / "h.json"
    bestand.write_text('{"id":' + groot + "}", encoding="utf-8")
    code, _, fout = cli("evaluate", str(bestand), *PEIL)
    assert code == 2
    assert "te veel cijfers" in fout
    invoer = "".join(json.dumps({"id": f"c{i}"}) + "\n" for i in range(10))
    invoer += '{"id": "x", "antwoorden": {"vermoeden": ' + groot + "}}\n"
    invoer += "".join(json.dumps({"id": f"d{i}"}) + "\n" for i in range(10))
    code, uit, _ = cli("evaluate", "-", *PEIL, stdin=invoer)
    assert code == 1
    records = _records(uit)
    assert len(records) == 21
    assert records[10]["fouten"][0]["code"] == "getal_te_groot"
    events = tmp_path / "hugeint.jsonl"
    events.write_text('{"casus_id":' + groot + "}\n", encoding="utf-8")
    code, _, fout = cli("proces", str(events))
    assert code == 2
    assert "interne fout" not in fout
    with pytest.raises(InputError):
        evaluate('{"id": ' + groot + "}")


# -- F6: bounded memory -------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_f6_dev_zero_is_refused_with_bounded_memory() -> None:
    """As a document: the size limit; as JSON Lines: one record for the over-long line."""
    script = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run([sys.executable, '-m', 'meldcode_rules.cli', 'evaluate', '/dev/zero',"
        " '--max-bestand', '1000000'], capture_output=True, timeout=60)\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(p.returncode, rss, p.stderr.decode().strip())\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, timeout=120, text=True
    ).stdout.split(maxsplit=2)
    assert uit[0] == "2"
    assert int(uit[1]) < 300_000  # KiB: well under 300 MB
    assert "groter dan 1000000 bytes" in uit[2]
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "meldcode_rules.cli",
            "evaluate",
            "/dev/zero",
            "--format",
            "jsonl",
            "--max-regel",
            "100000",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ) as proces:
        assert proces.stdout is not None
        eerste = json.loads(proces.stdout.readline())
        time.sleep(1)  # let it read on through the over-long line
        proc = Path(f"/proc/{proces.pid}/status")
        status = proc.read_text() if proc.exists() else ""
        proces.kill()
    assert eerste["lijn"] == 1
    assert eerste["fouten"][0]["code"] == "te_lang"
    for regel in status.splitlines():
        if regel.startswith("VmRSS:"):
            assert int(regel.split()[1]) < 300_000


def test_f6_limits_are_configurable_and_clear() -> None:
    casus = {"id": "c", "signalen": [{"vorm": "verwaarlozing"}] * 3}
    code, uit, fout = cli(
        "evaluate", "-", "--max-signalen", "2", *PEIL, stdin=json.dumps(casus) + "\n"
    )
    assert code == 1
    assert _records(uit)[0]["fouten"][0] == {
        "veld": "signalen",
        "code": "te_veel_elementen",
        "bericht": "te veel elementen (hoogstens 2; zie --max-signalen)",
    }
    code, uit, _ = cli(
        "evaluate",
        "-",
        "--max-regel",
        "20",
        *PEIL,
        stdin='{"id": "c", "x": "yyyyyyyy"}\n{"id":"d"}\n',
    )
    assert code == 1
    assert [r.get("casus_id") for r in _records(uit)] == [None, "d"]
    code, _, fout = cli("evaluate", "-", "--max-regel", "0", stdin="")
    assert code == 2
    assert "--max-regel" in fout
    lijst = list(regels(io.BytesIO(b"a" * 50 + b"\nok\n"), Limieten(regel=10)))
    assert isinstance(lijst[0][1], InputError)
    assert lijst[1] == (2, b"ok")


# -- F7, F15, F19, F24: the process -----------------------------------------------------------


def test_f7_huge_termijnen_and_far_dates_are_clear(tmp_path: Path) -> None:
    een = tmp_path / "one.jsonl"
    een.write_text('{"casus_id":"c1","soort":"signaal_vastgelegd","datum":"2024-03-01"}\n')
    for termijn in (
        '{"overleg": 999999999}',
        '{"afsluiten": 10000000000000000000000}',
        '{"overleg": -1}',
    ):
        bestand = tmp_path / "t.json"
        bestand.write_text(termijn)
        code, _, fout = cli(
            "proces", str(een), "--peildatum", "2024-03-20", "--termijnen", str(bestand)
        )
        assert code == 2
        assert "termijnen." in fout
        assert "interne fout" not in fout
        assert "Input should" not in fout
    ver = tmp_path / "dates.jsonl"
    ver.write_text('{"casus_id":"c1","soort":"signaal_vastgelegd","datum":"9999-12-31"}\n')
    termijnen = tmp_path / "t1.json"
    termijnen.write_text('{"overleg": 1, "afsluiten": 36500}')
    code, _, fout = cli(
        "proces", str(ver), "--peildatum", "2024-03-20", "--termijnen", str(termijnen)
    )
    assert code == 0, fout
    p = Proces(termijnen=Termijnen(afsluiten=36_500))
    p.verwerk({"casus_id": "c", "soort": "signaal_vastgelegd", "datum": "9999-12-30"})
    staat = p.verwerk({"casus_id": "c", "soort": "afgesloten", "datum": "9999-12-31"})
    assert staat.afgesloten == date(9999, 12, 31)
    assert p.overzicht("c", date(9999, 12, 31)).afsluiting is not None


def test_f15_replays_with_event_ids_are_idempotent_and_the_cli_says_how_far(tmp_path: Path) -> None:
    events = tmp_path / "sameday.jsonl"
    events.write_text(
        '{"casus_id":"c2","id":"e1","soort":"signaal_vastgelegd","datum":"2024-03-01"}\n'
        '{"casus_id":"c2","id":"e2","soort":"collega_geraadpleegd","datum":"2024-03-01"}\n'
    )
    store = tmp_path / "s.sqlite"
    uitvoer = []
    for _ in range(2):
        code, uit, _ = cli(
            "proces",
            str(events),
            "--store",
            str(store),
            "--format",
            "json",
            "--peildatum",
            "2024-03-20",
        )
        assert code == 0
        uitvoer.append(json.loads(uit))
    assert uitvoer[0]["verwerkt"] == {"regels": 2, "toegepast": 2, "al_verwerkt": 0}
    assert uitvoer[1]["verwerkt"] == {"regels": 2, "toegepast": 0, "al_verwerkt": 2}
    staat = uitvoer[1]["casussen"][0]["staat"]
    assert (staat["signalen"], staat["versie"]) == (1, 2)
    kapot = tmp_path / "kapot.jsonl"
    kapot.write_text(
        events.read_text() + '{"casus_id":"c2","soort":"melding_gedaan","datum":"2024-03-02"}\n'
    )
    code, _, fout = cli("proces", str(kapot), "--store", str(store))
    assert code == 2
    assert "regel 3" in fout
    assert "regels 1 t/m 2 zijn verwerkt (0 toegepast, 2 al eerder verwerkt)" in fout


def test_f19_f24_a_corrupt_foreign_or_empty_store_is_exit_2(tmp_path: Path) -> None:
    een = tmp_path / "one.jsonl"
    een.write_text('{"casus_id":"c1","soort":"signaal_vastgelegd","datum":"2024-03-01"}\n')
    getamperd = tmp_path / "t.sqlite"
    assert cli("proces", str(een), "--store", str(getamperd))[0] == 0
    db = sqlite3.connect(getamperd)
    db.execute(f"update proces_staat set staat='{CANARY}'")
    db.commit()
    db.close()
    vreemd = tmp_path / "vreemd.sqlite"
    db = sqlite3.connect(vreemd)
    db.execute("create table proces_staat (a, b)")
    db.commit()
    db.close()
    geen = tmp_path / "geen.sqlite"
    geen.write_text(CANARY)
    for store in (str(getamperd), str(vreemd), str(geen), ""):
        code, uit, fout = cli("proces", str(een), "--store", store)
        assert code == 2, fout
        assert "--store" in fout
        assert "interne fout" not in fout
        assert CANARY not in uit + fout
    with pytest.raises(OpslagError):
        SqliteOpslag(vreemd)


# -- F8: output is UTF-8 whatever the locale -------------------------------------------------


@pytest.mark.parametrize("codering", ["cp1252", "latin-1", "ascii"])
def test_f8_output_is_utf8_whatever_the_locale(codering: str) -> None:
    casus = json.dumps(ACUUT).encode()
    for args in (
        ("evaluate", "-", "--format", "json"),
        ("evaluate", "-"),
        ("kaders",),
        ("explain", "-"),
    ):
        proces = _meldcode(
            *args, *PEIL if args[0] != "kaders" else (), invoer=casus, PYTHONIOENCODING=codering
        )
        assert proces.returncode == 0, proces.stderr
        proces.stdout.decode("utf-8")  # strict: it is UTF-8
    voorbeeld = (WORTEL / "voorbeelden" / "casus.json").read_bytes()
    proces = _meldcode(
        "evaluate", "-", "--format", "json", *PEIL, invoer=voorbeeld, PYTHONIOENCODING=codering
    )
    assert proces.returncode == 0
    assert "meer dan één datum" in proces.stdout.decode("utf-8")  # non-ASCII, intact


# -- F10, F16: conflicting input and lax coercions --------------------------------------------


def test_f10_duplicate_keys_are_rejected_naming_the_field(tmp_path: Path) -> None:
    bestand = tmp_path / "dup.json"
    bestand.write_text('{"id":"a","antwoorden":{"vermoeden":"ja","vermoeden":"nee"}}')
    code, uit, fout = cli("evaluate", str(bestand), *PEIL)
    assert code == 2
    assert uit == ""
    assert "antwoorden.vermoeden" in fout
    assert "meer dan eens" in fout
    with pytest.raises(InputError) as gevangen:
        evaluate('{"id":"a","antwoorden":{"vermoeden":"ja","vermoeden":"nee"}}')
    assert gevangen.value.fouten[0].code == "dubbele_sleutel"
    with pytest.raises(InputError) as gevangen:
        validate_casus('{"id":"a","' + CANARY.lower() + '":1,"' + CANARY.lower() + '":2}')
    assert CANARY.lower() not in str(gevangen.value)


@pytest.mark.parametrize(
    ("casus", "veld", "code"),
    [
        ({"signalen": [{"vorm": "verwaarlozing", "datum": 0}]}, "signalen[0].datum", "geen_datum"),
        (
            {"signalen": [{"vorm": "verwaarlozing", "datum": 4102444800}]},
            "signalen[0].datum",
            "geen_datum",
        ),
        (
            {"signalen": [{"vorm": "verwaarlozing", "datum": "2024-02-29T00:00:00"}]},
            "signalen[0].datum",
            "geen_datum",
        ),
        (
            {"signalen": [{"vorm": "verwaarlozing", "datum": "20250105"}]},
            "signalen[0].datum",
            "geen_datum",
        ),
        (
            {"betrokkenen": [{"id": "b", "rol": "kind", "zorgafhankelijk": "yes"}]},
            "betrokkenen[0].zorgafhankelijk",
            "geen_boolean",
        ),
        (
            {"betrokkenen": [{"id": "b", "rol": "kind", "zorgafhankelijk": 1}]},
            "betrokkenen[0].zorgafhankelijk",
            "geen_boolean",
        ),
        (
            {"signalen": [{"vorm": "verwaarlozing", "kenmerken": ["onthulling", "onthulling"]}]},
            "signalen[0].kenmerken",
            "dubbel_element",
        ),
        (
            {
                "betrokkenen": [{"id": "b", "rol": "kind"}],
                "signalen": [{"vorm": "verwaarlozing", "over": "x"}],
            },
            "signalen[0].over",
            "onbekende_betrokkene",
        ),
    ],
)
def test_f16_lax_coercions_are_rejected(casus: dict[str, object], veld: str, code: str) -> None:
    with pytest.raises(InputError) as gevangen:
        validate_casus({"id": "a", **casus})
    assert (gevangen.value.fouten[0].veld, gevangen.value.fouten[0].code) == (veld, code)
    with pytest.raises(InputError):
        validate_casus(json.dumps({"id": "a", **casus}))


def test_f16_termijnen_and_peildatum_are_strict(tmp_path: Path) -> None:
    een = tmp_path / "one.jsonl"
    een.write_text('{"casus_id":"c1","soort":"signaal_vastgelegd","datum":"2024-03-01"}\n')
    for termijn in ('{"overleg": true}', '{"overleg": 1.0}', '{"overleg": "1"}'):
        bestand = tmp_path / "t.json"
        bestand.write_text(termijn)
        assert cli("proces", str(een), "--termijnen", str(bestand))[0] == 2
    for datum in ("20240101", "2024-W01-1", "2024-01-01T00:00"):
        code, _, fout = cli("evaluate", "-", "--peildatum", datum, stdin='{"id":"a"}\n')
        assert code == 2
        assert datum not in fout


# -- F12: the host's time zone ------------------------------------------------------------


def test_f12_today_is_taken_in_amsterdam() -> None:
    # 00:20 UTC on 2 December is 01:20 in Amsterdam and 16:20 on 1 December in Los Angeles.
    moment = datetime(2026, 12, 2, 0, 20, tzinfo=UTC)
    assert peildatum_vandaag(moment) == date(2026, 12, 2)
    moment = datetime(2026, 6, 30, 22, 30, tzinfo=UTC)  # summer time: already 1 July
    assert peildatum_vandaag(moment) == date(2026, 7, 1)


def test_f12_the_decision_does_not_depend_on_tz() -> None:
    vandaag = peildatum_vandaag().isoformat()
    casus = json.dumps(
        {
            "id": "tz-1",
            "antwoorden": {"vermoeden": "ja", "acute_onveiligheid": "nee"},
            "signalen": [
                {"vorm": "lichamelijk_geweld", "datum": "2020-11-20"},
                {"vorm": "lichamelijk_geweld", "datum": vandaag},
            ],
        }
    ).encode()
    uitkomsten = []
    for tz in ("UTC", "America/Los_Angeles", "Pacific/Kiritimati"):
        proces = _meldcode("evaluate", "-", "--format", "json", invoer=casus, TZ=tz)
        assert proces.returncode == 0, proces.stderr
        uitkomst = json.loads(proces.stdout)
        uitkomst.pop("engine")
        uitkomsten.append(uitkomst)
    if peildatum_vandaag().isoformat() != vandaag:
        pytest.skip("midnight in Amsterdam passed during the test")
    assert uitkomsten[0] == uitkomsten[1] == uitkomsten[2]
    assert uitkomsten[0]["peildatum"] == vandaag


# -- F17: no echoed values, Dutch messages ------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("evaluate", "x.json", "--engine", CANARY),
        ("evaluate", "x.json", "--sector", CANARY),
        ("schema", CANARY),
        ("casuistiek", CANARY),
        ("evaluate", "x.json", CANARY),
        ("evaluate", "x.json", "--peildatum", CANARY),
        ("evaluate", "x.json", "--max-regel", CANARY),
        ("proces", "x.jsonl", "--format", CANARY),
    ],
)
def test_f17_arguments_are_never_echoed_and_errors_are_dutch(args: tuple[str, ...]) -> None:
    code, uit, fout = cli(*args)
    assert code == 2
    assert CANARY not in uit + fout
    laatste = fout.strip().splitlines()[-1]
    assert laatste.startswith("meldcode: fout: ")
    for engels in ("invalid", "unrecognized", "choose from", "expected", "required"):
        assert engels not in laatste


def test_f17_pydantic_english_becomes_dutch() -> None:
    gevallen = [
        {"id": "a", 4111111111111111: "x"},
        {"id": "a", "signalen": [{"vorm": "verwaarlozing", "datum": "2024-02-29T12:00:00"}]},
        {"id": "a", "signalen": "x"},
        {"id": "a", "antwoorden": {"vermoeden": 1.5}},
        {"id": 7},
    ]
    for casus in gevallen:
        with pytest.raises(InputError) as gevangen:
            validate_casus(casus)  # type: ignore[arg-type]
        for veldfout in gevangen.value.fouten:
            assert veldfout.code in CODES
            assert "4111111111111111" not in str(veldfout)
            for engels in ("Input should", "should be", "Keys should", "Datetimes", "valid"):
                assert engels not in veldfout.bericht
    termijnen = pytest.raises(Exception)
    with termijnen:
        Termijnen.model_validate({"overleg": -1})


# -- the fuzz: raw bytes into the JSON Lines reader and the CLI --------------------------------


regelstukken = st.sampled_from(
    [
        b'{"id": "a"}',
        b'{"id": "b", "antwoorden": {"vermoeden": "ja", "acute_onveiligheid": "ja"}}',
        b'{"id": "c", "id": "d"}',
        b"[1, 2]",
        b"{}{}",
        b"",
        b"   ",
        b'\xef\xbb\xbf{"id": "e"}',
        b"\xff\xfe",
        b'{"id": 9' + b"9" * 4400 + b"}",
        b"[" * 3000,
        b'{"id": "f", "signalen": [{"vorm": "verwaarlozing", "datum": 0}]}',
        b"\r",
        b"NaN",
    ]
)


@settings(max_examples=40)
@given(
    st.lists(
        st.one_of(regelstukken, st.binary(max_size=40).filter(lambda b: b"\n" not in b)),
        min_size=0,
        max_size=8,
    ),
    st.booleans(),
)
def test_raw_bytes_give_one_output_line_per_input_line(delen: list[bytes], slot: bool) -> None:
    data = b"\n".join(delen) + (b"\n" if slot and delen else b"")
    verwacht = len(data.split(b"\n")) - (1 if data.endswith(b"\n") or not data else 0)
    items = list(casussen(io.BytesIO(data)))
    assert [i.lijn for i in items] == list(range(1, verwacht + 1))
    for item in items:
        assert isinstance(item, Casusregel | Foutregel)
        if isinstance(item, Foutregel):
            assert all(f.code in CODES for f in item.fout.fouten)
    code, uit, fout = cli("evaluate", "-", *PEIL, stdin=data)
    assert code in {0, 1, 2}
    assert code == (1 if any(isinstance(i, Foutregel) for i in items) else 0)
    uitregels = uit.splitlines()
    assert len(uitregels) == verwacht
    for nummer, (regel, item) in enumerate(zip(uitregels, items, strict=True), start=1):
        record = json.loads(regel)
        if isinstance(item, Foutregel):
            assert record["lijn"] == nummer
        else:
            assert record["casus_id"] == item.casus.id
    assert "Traceback" not in fout
    assert "interne fout" not in fout


# -- F20, F21: meldcode check writes nothing in the cwd, and a file that exits is bad input ---


def test_f20_check_with_a_sample_writes_nothing_in_the_working_directory(tmp_path: Path) -> None:
    pytest.importorskip("hypothesis")
    proces = subprocess.run(
        [sys.executable, "-m", "meldcode_rules.cli", "check", "basis", "--voorbeelden", "3"],
        capture_output=True,
        check=False,
        timeout=300,
        cwd=tmp_path,
    )
    assert proces.returncode == 0, proces.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code", [0, 1, 3])
def test_f21_check_file_that_calls_exit_is_exit_2(tmp_path: Path, code: int) -> None:
    bestand = tmp_path / "k.py"
    bestand.write_text(f"import sys\nsys.exit({code})\n", encoding="utf-8")
    proces = _meldcode("check", "--file", str(bestand))
    assert proces.returncode == 2
    fout = proces.stderr.decode("utf-8")
    assert "laden mislukt: SystemExit" in fout
    assert "Traceback" not in fout


# -- F22, F23: a closed pipe is not success; the engines differ only in the engine field ------


def test_f22_a_reader_that_closes_the_pipe_early_is_not_exit_0(tmp_path: Path) -> None:
    bestand = tmp_path / "veel.jsonl"
    regel = '{"id": "c", "antwoorden": {"vermoeden": "ja"}}\n'
    bestand.write_text(regel * 20_000, encoding="utf-8")
    proces = subprocess.Popen(
        [sys.executable, "-m", "meldcode_rules.cli", "evaluate", str(bestand), *PEIL],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proces.stdout is not None
    assert proces.stdout.read(100)
    proces.stdout.close()  # like `| head -c 100`
    _, fout = proces.communicate(timeout=120)
    assert proces.returncode == 141
    assert b"Traceback" not in fout
    assert b"Exception ignored" not in fout
