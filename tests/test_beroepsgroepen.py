"""The beroepsgroepen register: data integrity, lookups, ambiguity, unknown names, CLI.

``beroepstitels.toml`` beside this file lists real job titles from the six sectors (and
from outside the law), each with the expected answer and its source; every one must
resolve, through the API and through ``meldcode kaders --beroepsgroep``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from meldcode_rules import kader_for, list_kaders
from meldcode_rules.beroepsgroepen import (
    ADVIES_GEEN_KADER,
    ADVIES_NIET_GECODEERD,
    BUITEN_DE_WET,
    REGISTER_SECTOREN,
    SECTOREN,
    STATUSSEN,
    AmbiguousBeroepsgroep,
    KaderChoice,
    UnknownBeroepsgroep,
    beroepsgroepen,
    normaliseer,
    tabel_rijen,
    woordvolgorde,
)
from meldcode_rules.cli import main
from meldcode_rules.errors import KaderError
from meldcode_rules.registry import default_registry

CANARY = "Qx7canaryZz"
TITELS = tomllib.loads((Path(__file__).with_name("beroepstitels.toml")).read_text("utf-8"))
BEWUST_DUBBELZINNIG = {
    "psycholoog",  # gezamenlijk kader, of het onderwijskader in het hoger onderwijs
    "therapeut",  # psycho-, vak-, fysio- of andere paramedische therapeut
    "woonbegeleider",  # gehandicaptenzorg of COA
    "locatiemanager",  # kinderopvang, ouderenzorg of COA
    "directeur",  # school of kinderopvang
    "teamleider",  # school of kinderopvang
    "groepsleider",  # kinderdagverblijf of justitiële jeugdinrichting
}


def test_elke_beroepsgroep_heeft_een_kader_of_zegt_waarom_niet() -> None:
    geregistreerd = {k.id for k in list_kaders()}
    registry = beroepsgroepen()
    assert len(registry) >= 60
    assert {b.status for b in registry} == set(STATUSSEN)
    for b in registry:
        assert b.bron.adres.startswith("https://"), b.naam
        assert b.bron.titel, b.naam
        assert b.bron.passage, b.naam
        assert b.status in STATUSSEN
        if b.status == "gecodeerd":
            assert b.gecodeerd
            assert b.sector in SECTOREN
            assert b.kader in geregistreerd, b.naam
            assert b.kader != "basis", "basis is het model, geen kader van een beroepsgroep"
            continue
        assert b.kader is None
        assert b.reden, b.naam
        assert b.kader_naam, b.naam
        assert "Veilig Thuis" in b.advies, b.naam
        assert "0800-2000" in b.advies, b.naam
        if b.status == "geen_meldcodekader":
            assert b.sector == BUITEN_DE_WET, b.naam
        else:
            assert b.sector in SECTOREN, b.naam


def test_elke_bron_wordt_gebruikt_en_parafrases_zijn_gemarkeerd() -> None:
    pad = Path(__file__).parent.parent / "kaders" / "beroepsgroepen.toml"
    gegevens = tomllib.loads(pad.read_text("utf-8"))
    gebruikt = {rij["bron"] for rij in gegevens["beroepsgroep"]}
    assert gebruikt == set(gegevens["bronnen"])
    for sleutel, bron in gegevens["bronnen"].items():
        assert {"uitgever", "titel", "adres", "passage"} <= set(bron), sleutel


def test_register_weigert_verkeerde_status_en_sector(tmp_path: Path) -> None:
    bron = '[bronnen.b]\nuitgever = "U"\ntitel = "T"\nadres = "https://e.org"\npassage = "P"\n'
    gevallen = [
        # no meldcode kader, but in one of the six sectors
        (
            'naam = "X"\nsector = "justitie"\nstatus = "geen_meldcodekader"\nkader_naam = "geen"\n'
            'reden = "r"\nbron = "b"\n'
        ),
        # outside the law, but encoded
        'naam = "X"\nsector = "buiten_de_wet"\nkader = "knmg"\nbron = "b"\n',
        # not encoded, yet naming a kader
        (
            'naam = "X"\nsector = "justitie"\nstatus = "bekend_niet_gecodeerd"\nkader = "knmg"\n'
            'kader_naam = "k"\nreden = "r"\nbron = "b"\n'
        ),
        # not encoded without a reason
        (
            'naam = "X"\nsector = "justitie"\nstatus = "bekend_niet_gecodeerd"\nkader_naam = "k"\n'
            'bron = "b"\n'
        ),
        # an unknown status
        'naam = "X"\nsector = "justitie"\nstatus = "misschien"\nbron = "b"\n',
    ]
    for i, rij in enumerate(gevallen):
        pad = tmp_path / f"r{i}.toml"
        pad.write_text(bron + "[[beroepsgroep]]\n" + rij, encoding="utf-8")
        with pytest.raises(KaderError):
            beroepsgroepen(pad)


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
    assert {n for n, c in tellingen.items() if c > 1} == BEWUST_DUBBELZINNIG
    volgorde = Counter(k for b in beroepsgroepen() for k in {woordvolgorde(n) for n in b.namen})
    assert {n for n, c in volgorde.items() if c > 1} == BEWUST_DUBBELZINNIG


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


def _zonder_kader(naam: str, status: str) -> KaderChoice:
    """The choice for ``naam``: ``status``, and no kader to evaluate with."""
    keuze = kader_for(naam)
    assert keuze.status == status
    assert keuze.kader is None
    assert not keuze.gecodeerd
    return keuze


@pytest.mark.parametrize(
    "naam", ["Diëtist", "dietist", "fysio", "verpleegkundige", "GGZ-agoog", "PIW'er", "Valente"]
)
def test_niet_gecodeerd(naam: str) -> None:
    keuze = _zonder_kader(naam, "bekend_niet_gecodeerd")
    assert "niet gecodeerd" in keuze.waarom
    assert keuze.beroepsgroep.advies


@pytest.mark.parametrize(
    ("naam", "kenmerk"),
    [
        ("politieagent", "politiewet"),
        ("Wijkagent", "politiewet"),
        ("voetbaltrainer", "vrijwilligersorganisaties"),
        ("dierenarts", "144"),
    ],
)
def test_geen_meldcodekader(naam: str, kenmerk: str) -> None:
    keuze = _zonder_kader(naam, "geen_meldcodekader")
    assert keuze.beroepsgroep.sector == BUITEN_DE_WET
    assert "geen meldcodekader" in keuze.waarom
    assert keuze.beroepsgroep.bron.adres in keuze.waarom
    assert kenmerk in keuze.beroepsgroep.reden
    assert "0800-2000" in keuze.beroepsgroep.advies


def test_politie_valt_buiten_de_grondslagen_van_het_besluit() -> None:
    b = kader_for("politie").beroepsgroep
    assert b.bron.adres == "https://zoek.officielebekendmakingen.nl/stb-2013-324.html"
    assert "Penitentiaire beginselenwet" in b.bron.passage
    assert "geen politiewet" in b.bron.passage


def test_audit_bevindingen_register() -> None:
    # bedrijfsarts and verzekeringsarts: members of the KNMG federation, so the KNMG code
    for naam in ("bedrijfsarts", "verzekeringsarts", "arbo-arts"):
        keuze = kader_for(naam)
        assert keuze.kader == "knmg", naam
        assert "NVAB" in keuze.beroepsgroep.bron.passage
        assert "NVVG" in keuze.beroepsgroep.bron.passage
    # "arts" itself, the specialisms and doctors in training
    for naam in ("arts", "gynaecoloog", "internist", "forensisch arts", "AIOS", "coassistent"):
        assert kader_for(naam).kader == "knmg", naam
    # "arts M&G" is not the jeugdarts: it is the profile jeugdartsen are one of
    assert kader_for("arts M&G").beroepsgroep.naam == "arts maatschappij en gezondheid"
    assert "arts M&G" not in kader_for("jeugdarts").beroepsgroep.namen
    # "therapeut" is ambiguous and the sector cannot settle it
    with pytest.raises(AmbiguousBeroepsgroep) as fout:
        kader_for("therapeut")
    assert {b.naam for b in fout.value.kandidaten} == {
        "psychotherapeut",
        "vaktherapeut",
        "fysiotherapeut",
        "paramedicus",
    }
    assert "preciezere naam" in str(fout.value)
    with pytest.raises(AmbiguousBeroepsgroep):
        kader_for("therapeut", sector="gezondheidszorg")


@pytest.mark.parametrize(
    ("naam", "beroepsgroep"),
    [
        ("arts spoedeisende hulp", "SEH-arts"),
        ("Arts SEH", "SEH-arts"),
        ("jeugdgezondheidszorg arts", "jeugdarts"),
        ("verpleegkundige wijk", None),  # not a name in any word order
        ("Specialist ouderengeneeskunde", "specialist ouderengeneeskunde"),
        ("ouderengeneeskunde specialist", "specialist ouderengeneeskunde"),
        ("reclassering toezichthouder", "reclasseringswerker"),
    ],
)
def test_woordvolgorde(naam: str, beroepsgroep: str | None) -> None:
    if beroepsgroep is None:
        with pytest.raises(UnknownBeroepsgroep):
            kader_for(naam)
    else:
        assert kader_for(naam).beroepsgroep.naam == beroepsgroep


@pytest.mark.parametrize(
    ("typo", "bedoeld"),
    [("hiusarts", "huisarts"), ("gynaecolooog", "gynaecoloog"), ("politeagent", "politieagent")],
)
def test_tikfout_geeft_suggesties_en_geen_gok(typo: str, bedoeld: str) -> None:
    with pytest.raises(UnknownBeroepsgroep) as fout:
        kader_for(typo)
    assert bedoeld in fout.value.suggesties
    assert typo not in str(fout.value)


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
    plaats = [REGISTER_SECTOREN.index(r["sector"]) for r in rijen]
    assert plaats == sorted(plaats)
    assert rijen[-1]["sector"] == BUITEN_DE_WET
    for status in ("bekend_niet_gecodeerd", "geen_meldcodekader"):
        rijen_met = [r for r in rijen if r["status"] == status]
        assert rijen_met
        assert all(r["kader"] == "" and r["reden"] and r["advies"] for r in rijen_met)


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
    pad = tmp_path / "register-buiten-de-wet.toml"
    pad.write_text(
        '[bronnen.b]\nuitgever = "U"\ntitel = "T"\nadres = "https://example.org"\npassage = "P"\n'
        '[[beroepsgroep]]\nnaam = "Sportcoach"\nsector = "buiten_de_wet"\nstatus = '
        '"geen_meldcodekader"\nkader_naam = "geen"\nreden = "buiten de wet"\nbron = "b"\n'
    )
    keuze = kader_for("sport coach", pad=pad)
    assert keuze.status == "geen_meldcodekader"
    assert keuze.beroepsgroep.advies == ADVIES_GEEN_KADER


# -- the list of real job titles (beroepstitels.toml) ------------------------------------------


def _titels() -> list[dict[str, str | bool]]:
    rijen: list[dict[str, str | bool]] = TITELS["titels"]
    return rijen


def _verwacht(keuze: KaderChoice) -> str:
    return keuze.kader if keuze.kader is not None else keuze.status


def test_titellijst_dekt_alle_zes_sectoren() -> None:
    rijen = _titels()
    per_sector = Counter(str(r["sector"]) for r in rijen)
    in_de_wet = sum(per_sector[s] for s in SECTOREN)
    assert in_de_wet >= 100
    assert all(per_sector[s] >= 10 for s in SECTOREN), per_sector
    assert per_sector[BUITEN_DE_WET] >= 5
    assert {str(r["verwacht"]) for r in rijen} >= {*STATUSSEN[1:], "knmg", "onderwijs"}
    # every title once per sector
    assert len({(r["titel"], r["sector"]) for r in rijen}) == len(rijen)


def test_titellijst_via_de_api() -> None:
    bronnen: dict[str, str] = TITELS["bronnen"]
    for rij in _titels():
        titel, sector, verwacht = str(rij["titel"]), str(rij["sector"]), str(rij["verwacht"])
        if rij.get("dubbelzinnig"):
            with pytest.raises(AmbiguousBeroepsgroep):
                kader_for(titel)
        keuze = kader_for(titel, sector=sector if rij.get("dubbelzinnig") else None)
        b = keuze.beroepsgroep
        assert _verwacht(keuze) == verwacht, titel
        assert sector in (b.sector, *b.andere_sectoren), titel
        assert b.bron.adres == bronnen[str(rij["bron"])], titel


def test_titellijst_via_de_opdrachtregel(capsys: pytest.CaptureFixture[str]) -> None:
    for rij in _titels():
        titel, sector = str(rij["titel"]), str(rij["sector"])
        args = ["kaders", "--beroepsgroep", titel, "--format", "json"]
        if rij.get("dubbelzinnig"):
            args += ["--sector", sector]
        code, uit, fout = _run(capsys, *args)
        assert code == 0, (titel, fout)
        gegevens = json.loads(uit)
        assert (gegevens["kader"] or gegevens["status"]) == rij["verwacht"], titel
        assert gegevens["bron"]["adres"] == TITELS["bronnen"][rij["bron"]], titel


@pytest.mark.parametrize(
    ("titel", "verwacht"),
    [
        ("gynaecoloog", "kader: knmg"),
        ("pm'er", "kader: kinderopvang"),
        ("raadsonderzoeker", "bekend, niet gecodeerd"),
        ("politieagent", "kader: geen meldcodekader"),
    ],
)
def test_opdrachtregel_als_apart_proces(titel: str, verwacht: str) -> None:
    proces = subprocess.run(
        [sys.executable, "-m", "meldcode_rules.cli", "kaders", "--beroepsgroep", titel],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proces.returncode == 0, proces.stderr
    assert verwacht in proces.stdout


# -- CLI ---------------------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    uit, fout = capsys.readouterr()
    return code, uit, fout


@pytest.mark.parametrize(
    ("beroepsgroep", "verwacht"),
    [
        (
            "IB'er",
            {"kader": "onderwijs", "beroepsgroep": "intern begeleider", "status": "gecodeerd"},
        ),
        ("dierenarts", {"status": "geen_meldcodekader", "kader": None, "sector": "buiten_de_wet"}),
    ],
)
def test_cli_kaders_beroepsgroep_json(
    capsys: pytest.CaptureFixture[str], beroepsgroep: str, verwacht: dict[str, object]
) -> None:
    code, uit, _ = _run(capsys, "kaders", "--beroepsgroep", beroepsgroep, "--format", "json")
    assert code == 0
    gegevens = json.loads(uit)
    assert {veld: gegevens[veld] for veld in verwacht} == verwacht


@pytest.mark.parametrize(
    ("args", "status", "in_uit", "in_fout"),
    [
        (("--beroepsgroep", "huisarts"), 0, ["kader: knmg"], []),
        (("--beroepsgroep", "apotheker"), 0, ["bekend, niet gecodeerd", "Veilig Thuis"], []),
        (
            ("--beroepsgroep", "wijkagent"),
            0,
            ["beroepsgroep: politie (buiten de wet)", "kader: geen meldcodekader", "0800-2000"],
            [],
        ),
        (("--beroepsgroep", "psycholoog", "--sector", "onderwijs"), 0, ["kader: onderwijs"], []),
        (("--beroepsgroep", "woonbegeleider", "--sector", "justitie"), 0, ["COA"], []),
        (("--beroepsgroep", CANARY), 2, [], ["onbekende beroepsgroep"]),
        (("--beroepsgroep", "hiusarts"), 2, [], ["huisarts"]),
        (
            ("--beroepsgroep", "psycholoog"),
            2,
            [],
            ["psycholoog in het hoger onderwijs", "gezamenlijk_kader"],
        ),
        (
            ("--beroepsgroep", "woonbegeleider"),
            2,
            [],
            ["COA-medewerker", "begeleider gehandicaptenzorg", "kies met de sector"],
        ),
    ],
    ids=[
        "huisarts",
        "apotheker",
        "wijkagent",
        "psycholoog-onderwijs",
        "woonbegeleider-justitie",
        "onbekend",
        "tikfout",
        "dubbelzinnig-psycholoog",
        "dubbelzinnig-woonbegeleider",
    ],
)
def test_cli_kaders_beroepsgroep_tekst(
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    status: int,
    in_uit: list[str],
    in_fout: list[str],
) -> None:
    """Known, not encoded, outside the law, unknown (never echoed), misspelt, ambiguous."""
    code, uit, fout = _run(capsys, "kaders", *args)
    assert code == status, fout
    assert [t for t in in_uit if t not in uit] == []
    assert [t for t in in_fout if t not in fout] == []
    assert "Traceback" not in fout
    assert CANARY not in uit + fout
    if status:
        assert uit == ""


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
        ("2012", "2013-07-01", "2018-12-31"),
        ("2018", "2019-01-01", "2023-11-19"),
        ("2023", "2023-11-20", None),
    ]


def test_cli_evaluate_beroepsgroep(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bestand = tmp_path / "c.json"
    bestand.write_text(
        json.dumps(
            {
                "id": "c1",
                "antwoorden": {
                    "vermoeden": "ja",
                    "structurele_onveiligheid": "nee",
                    "twijfel": ["acute_onveiligheid"],
                },
            }
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
    code, uit, fout = _run(capsys, *args, "--beroepsgroep", "politieagent")
    assert code == 2
    assert uit == ""
    assert "geen meldcodekader" in fout
    assert "0800-2000" in fout
    code, _, fout = _run(capsys, *args, "--beroepsgroep", "huisarts", "--kader", "knmg")
    assert code == 2
    assert "niet allebei" in fout
