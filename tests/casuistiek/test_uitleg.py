"""``meldcode explain``: the Dutch dossier narrative, and that it never echoes input."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from meldcode_rules.api import evaluate, load_kader, validate_casus
from meldcode_rules.cli import main
from meldcode_rules.uitleg import doorloop, uitleg

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

CANARY_CASUS = "CANARYCASUS77"
CANARY_PERSOON = "CANARYPERSOON88"

ONTHULLING = {
    "id": CANARY_CASUS,
    "betrokkenen": [{"id": CANARY_PERSOON, "rol": "kind", "leeftijd": "4_11"}],
    "signalen": [
        {
            "vorm": "lichamelijk_geweld",
            "datum": "2025-01-02",
            "over": CANARY_PERSOON,
            "herkomst": "gemeld",
            "kenmerken": ["ernstig_letsel"],
        }
    ],
    "stappen": {"collegiaal_overleg": "ja", "gesprek": "niet_gevoerd"},
    "antwoorden": {"vermoeden": "ja", "structurele_onveiligheid": "nee"},
}
PEILDATUM = dt.date(2025, 2, 1)


def _tekst(gegevens: dict[str, object], peildatum: dt.date = PEILDATUM) -> str:
    casus = validate_casus(gegevens)
    effectief = load_kader("basis", peildatum)
    return uitleg(evaluate(casus, "basis", peildatum), effectief, casus, peildatum)


def test_verslag_noemt_vragen_herkomst_regels_en_bron() -> None:
    tekst = _tekst(ONTHULLING)
    assert tekst.startswith("Verslag van de afweging volgens de meldcode")
    assert "versie 2019, geldig van 2019-01-01 t/m heden" in tekst
    assert "https://www.huiselijkgeweld.nl/publicaties/" in tekst  # the version's source
    assert "Vingerafdruk van de regels:" in tekst
    # The questions in the kader's own words, each with its answer and origin.
    assert "Vraag: Heb ik op basis van de stappen 1 tot en met 4" in tekst
    assert "Herkomst: het antwoord van de professional (het kader leidt hier niets af)" in tekst
    assert "Herkomst: afgeleid door het kader (regel acuut_ernstig_letsel:" in tekst
    # Why the beslissing follows: the rule, the facts it read, its source passage.
    assert "Waarom: regel melden_acute_of_structurele_onveiligheid" in tekst
    assert "Gebruikt: acute_onveiligheid = ja" in tekst
    assert (
        '"Melden is noodzakelijk als er sprake is van acute of structurele onveiligheid."' in tekst
    )
    assert "Beslissing: samen met Veilig Thuis bepalen (na de melding)." in tekst
    # Actions and what to record next.
    assert "- Meld bij Veilig Thuis (0800-2000)." in tekst
    assert "Nog vast te leggen in het dossier" in tekst
    assert "welke reden van veiligheid het overslaan rechtvaardigt" in tekst
    assert "Wanneer u bij Veilig Thuis meldde" in tekst


def test_verslag_herhaalt_geen_invoer() -> None:
    tekst = _tekst(ONTHULLING)
    assert CANARY_CASUS not in tekst
    assert CANARY_PERSOON not in tekst


def test_onbepaald_met_advies() -> None:
    gegevens = {
        "id": "x",
        "antwoorden": {"vermoeden": "ja", "acute_onveiligheid": "onbekend"},
    }
    tekst = _tekst(gegevens)
    assert "Beslissing: onbepaald" in tekst
    assert "acute onveiligheid" in tekst.split("Beslissing: onbepaald")[1]
    assert "Onbekend is niet hetzelfde als nee" in tekst
    assert "raadpleegt u Veilig Thuis" in tekst
    assert "Uw antwoord op afweging 2 (acute onveiligheid)" in tekst


def test_doorloop_stopt_waar_het_kader_stopt() -> None:
    peildatum = PEILDATUM
    effectief = load_kader("basis", peildatum)
    geen = evaluate({"id": "x", "antwoorden": {"vermoeden": "nee"}}, "basis", peildatum)
    assert [s.afweging for s in doorloop(geen, effectief)] == ["vermoeden"]
    hulp_nee = evaluate(
        {
            "id": "x",
            "antwoorden": {
                "vermoeden": "ja",
                "acute_onveiligheid": "nee",
                "structurele_onveiligheid": "nee",
                "passende_hulp": "nee",
            },
        },
        "basis",
        peildatum,
    )
    stappen = doorloop(hulp_nee, effectief)
    assert [s.afweging for s in stappen][-1] == "passende_hulp"
    assert "melden" in stappen[-1].gevolg
    onveilig = evaluate(ONTHULLING, "basis", peildatum)
    stappen = doorloop(onveilig, effectief)
    assert [s.met_veilig_thuis for s in stappen] == [False, False, False, True, True, True]


def test_versie_2013_weegt_alleen_haar_eigen_vragen() -> None:
    peildatum = dt.date(2017, 1, 1)
    tekst = _tekst(
        {"id": "x", "antwoorden": {"vermoeden": "ja", "passende_hulp": "nee"}}, peildatum
    )
    assert "versie 2013" in tekst
    assert "Afweging 2" not in tekst
    assert "Deze versie van het kader weegt niet apart: acute onveiligheid" in tekst
    assert "Waarom: regel melden_2013_geen_eigen_hulp" in tekst


def test_cli_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "casus.json"
    pad.write_text(json.dumps(ONTHULLING), encoding="utf-8")
    assert main(["explain", str(pad), "--kader", "basis", "--peildatum", "2025-02-01"]) == 0
    uit = capsys.readouterr().out
    assert "Verslag van de afweging" in uit
    assert CANARY_CASUS not in uit
    assert CANARY_PERSOON not in uit


def test_cli_explain_fouten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "casus.json"
    pad.write_text(json.dumps({**ONTHULLING, "antwoorden": {"vermoeden": CANARY_PERSOON}}), "utf-8")
    assert main(["explain", str(pad), "--kader", "basis", "--peildatum", "2025-02-01"]) == 2
    fout = capsys.readouterr()
    assert "antwoorden.vermoeden" in fout.err
    assert CANARY_PERSOON not in fout.err + fout.out
    assert main(["explain", str(tmp_path / "weg.json"), "--kader", "basis"]) == 2
    assert "bestand niet gevonden" in capsys.readouterr().err
    assert main(["explain", str(pad), "--kader", "bestaat_niet"]) == 2
    assert "onbekend kader" in capsys.readouterr().err


def test_een_sectorkader_vertelt_in_eigen_woorden_en_regels() -> None:
    """The narrative comes from the trace: the kader's own questions and rules, no fixed flow."""
    gegevens = {
        "id": "x",
        "antwoorden": {
            "vermoeden": "ja",
            "acute_onveiligheid": "nee",
            "structurele_onveiligheid": "nee",
            "passende_hulp": "ja",
            "medewerking": "nee",
        },
    }
    casus = validate_casus(gegevens)
    effectief = load_kader("onderwijs", PEILDATUM)
    tekst = uitleg(evaluate(casus, "onderwijs", PEILDATUM), effectief, casus, PEILDATUM)
    assert "schatten wij als school" in tekst  # the onderwijs kader's own wording
    stappen = doorloop(evaluate(casus, "onderwijs", PEILDATUM), effectief)
    assert stappen[-1].afweging == "medewerking"
    assert "melden: ja (regel melden_geen_medewerking:" in stappen[-1].gevolg
    assert "hulp: nee (regel hulp_niet_mogelijk:" in stappen[-1].gevolg
    # A rule of the KNMG kader itself shows where it decided.
    knmg = {
        "id": "y",
        "signalen": [{"vorm": "lichamelijk_geweld", "kenmerken": ["wapengebruik"]}],
        "antwoorden": {"vermoeden": "ja"},
    }
    casus = validate_casus(knmg)
    effectief = load_kader("knmg", PEILDATUM)
    stappen = doorloop(evaluate(casus, "knmg", PEILDATUM), effectief)
    acuut = next(s for s in stappen if s.afweging == "acute_onveiligheid")
    assert "knmg_acuut_wapengebruik" in acuut.herkomst
    assert "melden: ja (regel melden_acute_of_structurele_onveiligheid" in acuut.gevolg
