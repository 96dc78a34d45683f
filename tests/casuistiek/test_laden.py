"""The case-file loader: clear errors naming file, case and field; the runner's mismatch report."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from meldcode_rules import casuistiek
from meldcode_rules.cli import main

if TYPE_CHECKING:
    from pathlib import Path

GOED = """\
- naam: Een kind heeft ernstig letsel dat vermoedelijk is toegebracht.
  peildatum: 2024-03-01
  casus:
    betrokkenen: [{id: kind, rol: kind, leeftijd: "4_11"}]
    signalen: [{vorm: lichamelijk_geweld, over: kind, kenmerken: [ernstig_letsel]}]
    antwoorden: {vermoeden: ja}
  verwacht:
    versie: "2019"
    melden: ja
    hulp: met_veilig_thuis
    afwegingen: {acute_onveiligheid: ja}
    acties: [melden_bij_veilig_thuis]
  les: Ernstig toegebracht letsel is acute onveiligheid.
"""


def _schrijf(tmp_path: Path, tekst: str, naam: str = "basis.yaml") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _fout(tmp_path: Path, tekst: str) -> str:
    with pytest.raises(casuistiek.CasuistiekFout) as info:
        casuistiek.laad_bestand(_schrijf(tmp_path, tekst))
    return str(info.value)


def test_goed_bestand_laadt_en_klopt(tmp_path: Path) -> None:
    bestand = casuistiek.laad_bestand(_schrijf(tmp_path, GOED))
    assert bestand.kader_id == "basis"
    (casus,) = bestand.casussen
    assert casus.peildatum == dt.date(2024, 3, 1)
    assert casus.casus.id == "basis-1"  # id filled in when the file leaves it out
    (resultaat,) = casuistiek.draai_bestand(bestand)
    assert resultaat.klopt, resultaat.afwijkingen


def test_geen_yaml_noemt_bestand_en_regel(tmp_path: Path) -> None:
    bericht = _fout(tmp_path, "- naam: x\n  peildatum: [\n")
    assert bericht.startswith("basis.yaml: geen geldige YAML (regel")


@pytest.mark.parametrize("tekst", ["", "naam: los\n", "- 1\n"])
def test_geen_lijst_van_casussen(tmp_path: Path, tekst: str) -> None:
    assert _fout(tmp_path, tekst).startswith("basis.yaml")


def test_ontbrekend_veld_noemt_casus_en_veld(tmp_path: Path) -> None:
    bericht = _fout(
        tmp_path, GOED.replace("  les: Ernstig toegebracht letsel is acute onveiligheid.\n", "")
    )
    assert (
        "basis.yaml, casus 1 ('Een kind heeft ernstig letsel dat vermoedelijk is toegebracht.')"
        in bericht
    )
    assert "les: verplicht veld ontbreekt" in bericht


def test_fout_in_de_casus_noemt_het_pad(tmp_path: Path) -> None:
    bericht = _fout(tmp_path, GOED.replace("vorm: lichamelijk_geweld", "vorm: slaan"))
    assert "casus 1" in bericht
    assert "casus.signalen[0].vorm: waarde niet toegestaan" in bericht
    assert "slaan" not in bericht.split("toegestaan:")[0]


def test_onbekende_verwachting_en_waarde(tmp_path: Path) -> None:
    bericht = _fout(tmp_path, GOED.replace("melden: ja", "melden: misschien"))
    assert "verwacht.melden: waarde niet toegestaan" in bericht
    bericht = _fout(tmp_path, GOED.replace("afwegingen: {", "afwegingen: {angst: ja, "))
    assert "verwacht.afwegingen" in bericht
    bericht = _fout(tmp_path, GOED.replace("  les:", "  lesje: x\n  les:"))
    assert "onbekend veld" in bericht
    assert "les" in bericht.split("toegestaan:")[1]
    assert "lesje" not in bericht  # an unknown key is input: never repeated


def test_dubbele_naam(tmp_path: Path) -> None:
    bericht = _fout(tmp_path, GOED + GOED)
    assert "casus 2" in bericht
    assert "komt al eerder voor" in bericht


def test_dilemma_en_bron_worden_gecontroleerd(tmp_path: Path) -> None:
    bericht = _fout(tmp_path, GOED + "  dilemma: {soort: angst, toelichting: x}\n")
    assert "dilemma.soort: waarde niet toegestaan" in bericht
    bericht = _fout(tmp_path, GOED + "  bron: {titel: x, adres: geen-adres}\n")
    assert "bron.adres" in bericht


def test_afwijking_wordt_gerapporteerd(tmp_path: Path) -> None:
    fout = GOED.replace("melden: ja", "melden: nee").replace(
        "acties: [melden_bij_veilig_thuis]", "acties: [melden_bij_veilig_thuis, bestaat_niet]"
    )
    (resultaat,) = casuistiek.draai_bestand(casuistiek.laad_bestand(_schrijf(tmp_path, fout)))
    assert not resultaat.klopt
    assert any(
        a.startswith("melden: verwacht nee, het kader geeft ja") for a in resultaat.afwijkingen
    )
    assert any(
        a.startswith("actie bestaat_niet: dit kader kent deze code niet")
        for a in resultaat.afwijkingen
    )
    rapport = casuistiek.rapport([resultaat])
    assert "AFWIJKING 1. Een kind heeft ernstig letsel" in rapport
    assert "1 van de 1 casussen wijken af" in rapport


def test_verkeerde_versie_en_onbekend_kader(tmp_path: Path) -> None:
    (resultaat,) = casuistiek.draai_bestand(
        casuistiek.laad_bestand(
            _schrijf(tmp_path, GOED.replace('versie: "2019"', 'versie: "2013"'))
        )
    )
    assert resultaat.afwijkingen == ("kaderversie: verwacht 2013, de peildatum kiest 2019",)
    (resultaat,) = casuistiek.draai_bestand(
        casuistiek.laad_bestand(_schrijf(tmp_path, GOED, "bestaat_niet.yaml"))
    )
    assert resultaat.uitkomst is None
    assert resultaat.afwijkingen[0].startswith("kader: onbekend kader")


def test_cli_exitcodes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _schrijf(tmp_path, GOED)
    assert main(["casuistiek", "basis", "--map", str(tmp_path)]) == 0
    assert "Alle 1 casussen geven de verwachte uitkomst." in capsys.readouterr().out
    _schrijf(tmp_path, GOED.replace("hulp: met_veilig_thuis", "hulp: ja"))
    assert main(["casuistiek", "--map", str(tmp_path)]) == 1
    assert "hulp: verwacht ja, het kader geeft met_veilig_thuis" in capsys.readouterr().out
    _schrijf(tmp_path, "- naam: x\n")
    assert main(["casuistiek", "--map", str(tmp_path)]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("meldcode: fout: basis.yaml, casus 1 ('x')")
    assert "Traceback" not in fout
    assert main(["casuistiek", "knmg", "--map", str(tmp_path)]) == 2
    assert "geen casuïstiek gevonden voor dit kader" in capsys.readouterr().err


def test_cli_draait_de_meegeleverde_casuistiek(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["casuistiek", "basis"]) == 0
    uit = capsys.readouterr().out
    assert uit.startswith("basis.yaml\n")
    assert uit.count("  ok ") >= 5


def test_trainingspagina(tmp_path: Path) -> None:
    _schrijf(
        tmp_path, GOED + "  dilemma: {soort: werkrelatie, toelichting: De ouder vertrouwt u.}\n"
    )
    pagina = casuistiek.render_markdown("basis", map_=tmp_path)
    assert pagina.startswith("# Casuïstiek: Basismodel meldcode")
    assert "## 1. Een kind heeft ernstig letsel dat vermoedelijk is toegebracht." in pagina
    assert "**De vraag.** Is melden bij Veilig Thuis noodzakelijk?" in pagina
    assert "**Het dilemma (angst de werkrelatie te verliezen).** De ouder vertrouwt u." in pagina
    assert "*Afweging 2: Acute onveiligheid*" in pagina
    assert "acuut_ernstig_letsel" in pagina  # the walk names the rule that answered
    assert "- Melden: ja, melden bij Veilig Thuis is noodzakelijk." in pagina
    assert "**De les.** Ernstig toegebracht letsel is acute onveiligheid." in pagina
    assert "!!! warning" not in pagina


def test_trainingspagina_toont_afwijking(tmp_path: Path) -> None:
    _schrijf(tmp_path, GOED.replace("melden: ja", "melden: nee"))
    pagina = casuistiek.render_markdown("basis", map_=tmp_path)
    assert "!!! warning" in pagina
    assert "melden: verwacht nee, het kader geeft ja" in pagina


def test_beschikbaar() -> None:
    ids = casuistiek.beschikbaar()
    assert "basis" in ids
    for kader_id in ids:  # every page renders, and names the kader's cases
        assert casuistiek.render_markdown(kader_id).startswith("# Casuïstiek: ")


def test_trainingspagina_basis_met_versie_2013() -> None:
    pagina = casuistiek.render_markdown("basis")
    assert pagina.count("\n## ") >= 5
    assert "kaderversie 2013" in pagina
    assert "kaderversie 2019" in pagina
    assert "!!! warning" not in pagina


def test_bekende_afwijking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notitie = "  bekende_afwijking: Gemeld bij de eigenaar van het kader.\n"
    fout = GOED.replace("hulp: met_veilig_thuis", "hulp: ja") + notitie
    (resultaat,) = casuistiek.draai_bestand(casuistiek.laad_bestand(_schrijf(tmp_path, fout)))
    assert not resultaat.klopt
    assert resultaat.in_orde
    rapport = casuistiek.rapport([resultaat])
    assert "BEKEND  1." in rapport
    assert "(bekende afwijking: Gemeld bij de eigenaar van het kader.)" in rapport
    assert main(["casuistiek", "--map", str(tmp_path)]) == 0
    capsys.readouterr()
    # Once the engine agrees, the stale note is a failure, so it gets removed.
    _schrijf(tmp_path, GOED + notitie)
    assert main(["casuistiek", "--map", str(tmp_path)]) == 1
    assert "OPGELOST 1." in capsys.readouterr().out
