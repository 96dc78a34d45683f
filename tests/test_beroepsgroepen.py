"""The beroepsgroepen register: data integrity, lookups, ambiguity, unknown names, CLI."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

import pytest

from meldcode_rules import kader_for, list_kaders
from meldcode_rules.beroepsgroepen import (
    ADVIES_NIET_GECODEERD,
    SECTOREN,
    AmbiguousBeroepsgroep,
    UnknownBeroepsgroep,
    beroepsgroepen,
    normaliseer,
    tabel_rijen,
)
from meldcode_rules.cli import main
from meldcode_rules.registry import default_registry

if TYPE_CHECKING:
    from pathlib import Path

CANARY = "Qx7canaryZz"


def test_elke_beroepsgroep_heeft_een_geregistreerd_kader_of_is_niet_gecodeerd() -> None:
    geregistreerd = {k.id for k in list_kaders()}
    registry = beroepsgroepen()
    assert len(registry) >= 30
    for b in registry:
        assert b.sector in SECTOREN
        assert b.bron.adres.startswith("https://"), b.naam
        assert b.bron.titel, b.naam
        assert b.bron.passage, b.naam
        if b.gecodeerd:
            assert b.kader in geregistreerd, b.naam
            assert b.kader != "basis", "basis is het model, geen kader van een beroepsgroep"
        else:
            assert b.kader is None
            assert b.reden, b.naam
            assert b.kader_naam, b.naam
            assert b.advies, b.naam
            assert "Veilig Thuis" in b.advies


def test_elk_kader_dient_een_beroepsgroep_en_noemt_dezelfde() -> None:
    registry = beroepsgroepen()
    standaard = default_registry()
    for k in list_kaders():
        if k.id == "basis" or standaard.distribution(k.id) != "meldcode-rules":
            continue  # the model, and kaders of other distributions (tests/voorbeeldpakket)
        namen = {b.naam for b in registry if b.kader == k.id}
        assert namen, f"kader {k.id} dient geen enkele beroepsgroep"
        assert set(k.beroepsgroepen) == namen, k.id


def test_telling_gecodeerde_beroepsgroepen_en_sectoren() -> None:
    gecodeerd = [b for b in beroepsgroepen() if b.gecodeerd]
    assert len(gecodeerd) >= 12
    assert {b.sector for b in gecodeerd} >= {
        "gezondheidszorg",
        "onderwijs",
        "kinderopvang",
        "jeugdhulp",
        "maatschappelijke_ondersteuning",
    }


def test_dubbele_namen_zijn_bewust() -> None:
    tellingen = Counter(k for b in beroepsgroepen() for k in {normaliseer(n) for n in b.namen})
    assert {n for n, c in tellingen.items() if c > 1} == {"psycholoog"}


@pytest.mark.parametrize(
    ("naam", "kader"),
    [
        ("huisarts", "knmg"),
        ("HUISARTS", "knmg"),
        ("HA", "knmg"),
        ("AVG", "knmg"),
        ("seh arts", "knmg"),
        ("Tandarts", "knmg"),
        ("IB'er", "onderwijs"),
        ("ib er", "onderwijs"),
        ("Zorgcoördinator", "onderwijs"),
        ("zorgcoordinator", "onderwijs"),
        ("SLB’er", "onderwijs"),
        ("leerplicht-ambtenaar", "onderwijs"),
        ("pm'er", "kinderopvang"),
        ("Gastouder", "kinderopvang"),
        ("SKJ jeugdprofessional", "gezamenlijk_kader"),
        ("GZ psycholoog", "gezamenlijk_kader"),
        ("maatschappelijk werker", "gezamenlijk_kader"),
    ],
)
def test_opzoeken(naam: str, kader: str) -> None:
    keuze = kader_for(naam)
    assert keuze.kader == kader
    assert keuze.gecodeerd
    assert kader in keuze.waarom
    assert keuze.beroepsgroep.bron.adres in keuze.waarom


@pytest.mark.parametrize("naam", ["Diëtist", "dietist", "fysio", "verpleegkundige", "Bedrijfsarts"])
def test_niet_gecodeerd(naam: str) -> None:
    keuze = kader_for(naam)
    assert keuze.kader is None
    assert not keuze.gecodeerd
    assert "niet gecodeerd" in keuze.waarom
    assert keuze.beroepsgroep.advies


def test_dubbelzinnig_geeft_kandidaten() -> None:
    with pytest.raises(AmbiguousBeroepsgroep) as fout:
        kader_for("Psycholoog")
    kandidaten = {(b.naam, b.kader) for b in fout.value.kandidaten}
    assert kandidaten == {
        ("psycholoog", "gezamenlijk_kader"),
        ("psycholoog in het hoger onderwijs", "onderwijs"),
    }
    assert "psycholoog in het hoger onderwijs" in str(fout.value)
    assert kader_for("psycholoog", sector="onderwijs").kader == "onderwijs"
    assert kader_for("psycholoog", sector="jeugdhulp").kader == "gezamenlijk_kader"
    assert kader_for("psycholoog", sector="gezondheidszorg").kader == "gezamenlijk_kader"


def test_onbekend_geeft_dichtstbijzijnde_namen_zonder_de_invoer() -> None:
    with pytest.raises(UnknownBeroepsgroep) as fout:
        kader_for("hiusarts")
    assert "huisarts" in fout.value.suggesties
    assert "hiusarts" not in str(fout.value)
    with pytest.raises(UnknownBeroepsgroep) as niets:
        kader_for(CANARY)
    assert CANARY not in str(niets.value)


def test_tabel_rijen() -> None:
    rijen = tabel_rijen()
    assert len(rijen) == len(beroepsgroepen())
    sleutels = {
        "sector",
        "beroepsgroep",
        "namen",
        "kader",
        "kader_naam",
        "status",
        "bron_titel",
        "bron_adres",
        "bron_passage",
        "reden",
        "advies",
        "toelichting",
    }
    assert all(set(r) == sleutels for r in rijen)
    assert [SECTOREN.index(r["sector"]) for r in rijen] == sorted(
        SECTOREN.index(r["sector"]) for r in rijen
    )
    niet = [r for r in rijen if r["status"] == "bekend_niet_gecodeerd"]
    assert niet
    assert all(r["kader"] == "" and r["reden"] for r in niet)


def test_eigen_registerbestand(tmp_path: Path) -> None:
    pad = tmp_path / "register.toml"
    pad.write_text(
        '[bronnen.b]\nuitgever = "U"\ntitel = "T"\nadres = "https://example.org"\npassage = "P"\n'
        '[[beroepsgroep]]\nnaam = "Sportcoach"\nsector = "jeugdhulp"\nstatus = '
        '"bekend_niet_gecodeerd"\nkader_naam = "onbekend"\nreden = "niet gevonden"\nbron = "b"\n'
    )
    keuze = kader_for("sport coach", pad=pad)
    assert keuze.kader is None
    assert keuze.beroepsgroep.advies == ADVIES_NIET_GECODEERD


# -- CLI ---------------------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    uit, fout = capsys.readouterr()
    return code, uit, fout


def test_cli_kaders_beroepsgroep(capsys: pytest.CaptureFixture[str]) -> None:
    code, uit, _ = _run(capsys, "kaders", "--beroepsgroep", "IB'er", "--format", "json")
    assert code == 0
    gegevens = json.loads(uit)
    assert gegevens["kader"] == "onderwijs"
    assert gegevens["beroepsgroep"] == "intern begeleider"
    assert gegevens["status"] == "gecodeerd"
    code, uit, _ = _run(capsys, "kaders", "--beroepsgroep", "huisarts")
    assert code == 0
    assert "kader: knmg" in uit
    code, uit, _ = _run(capsys, "kaders", "--beroepsgroep", "apotheker")
    assert code == 0
    assert "bekend, niet gecodeerd" in uit
    assert "Veilig Thuis" in uit


def test_cli_kaders_lijst(capsys: pytest.CaptureFixture[str]) -> None:
    code, uit, _ = _run(capsys, "kaders", "--format", "json")
    assert code == 0
    per_id = {k["id"]: k for k in json.loads(uit)["kaders"]}
    assert {"knmg", "onderwijs", "kinderopvang", "gezamenlijk_kader"} <= set(per_id)
    knmg = per_id["knmg"]
    assert knmg["breidt_uit"] == "basis"
    assert knmg["sectoren"] == ["gezondheidszorg"]
    assert "huisarts" in knmg["beroepsgroepen"]
    assert knmg["bron"]["adres"].startswith("https://knmg-meldcode.maglr.com/")
    assert [(v["versie"], v["geldig_van"], v["geldig_tot"]) for v in knmg["versies"]] == [
        ("2018", "2019-01-01", "2023-11-19"),
        ("2023", "2023-11-20", None),
    ]


def test_cli_kaders_onbekend_en_dubbelzinnig(capsys: pytest.CaptureFixture[str]) -> None:
    code, uit, fout = _run(capsys, "kaders", "--beroepsgroep", CANARY)
    assert code == 2
    assert uit == ""
    assert CANARY not in fout
    assert "onbekende beroepsgroep" in fout
    code, _, fout = _run(capsys, "kaders", "--beroepsgroep", "hiusarts")
    assert code == 2
    assert "huisarts" in fout
    assert "Traceback" not in fout
    code, _, fout = _run(capsys, "kaders", "--beroepsgroep", "psycholoog")
    assert code == 2
    assert "psycholoog in het hoger onderwijs" in fout
    assert "gezamenlijk_kader" in fout
    code, uit, _ = _run(capsys, "kaders", "--beroepsgroep", "psycholoog", "--sector", "onderwijs")
    assert code == 0
    assert "kader: onderwijs" in uit


def test_cli_evaluate_beroepsgroep(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bestand = tmp_path / "c.json"
    bestand.write_text(
        json.dumps(
            {"id": "c1", "antwoorden": {"vermoeden": "ja", "structurele_onveiligheid": "nee"}}
        )
    )
    args = ("evaluate", str(bestand), "--peildatum", "2024-06-01")
    code, uit, fout = _run(capsys, *args, "--beroepsgroep", "leerkracht")
    assert code == 0, fout
    uitkomst = json.loads(uit)
    assert uitkomst["kader"]["id"] == "onderwijs"
    assert uitkomst["melden"] == "ja"  # twijfel over acute onveiligheid: melden (onderwijs)
    assert "kader onderwijs gekozen" in fout
    assert "leraar" in fout
    code, uit, fout = _run(capsys, *args, "--kader", "basis")
    assert json.loads(uit)["melden"] == "onbepaald"
    code, uit, fout = _run(capsys, *args, "--beroepsgroep", "fysiotherapeut")
    assert code == 2
    assert uit == ""
    assert "niet gecodeerd" in fout
    assert "Veilig Thuis" in fout
    code, _, fout = _run(capsys, *args, "--beroepsgroep", "huisarts", "--kader", "knmg")
    assert code == 2
    assert "niet allebei" in fout
