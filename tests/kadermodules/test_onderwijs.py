"""The onderwijs kader: twijfel leads to melden, casemanager, meldplicht outside the meldcode."""

from __future__ import annotations

from datetime import date

import pytest
from kaderhulp import gevuurd, nooit_zwakker_dan_basis
from testhulp import casus, sig

from meldcode_rules import evaluate, load_kader
from meldcode_rules.norm import norm_schendingen

PEIL = date(2024, 6, 1)
MEDEWERKER = [{"id": "m", "rol": "medewerker"}, {"id": "k", "rol": "kind", "leeftijd": "4_11"}]


@pytest.mark.parametrize(
    ("acuut", "structureel", "twijfel", "melden"),
    [
        ("onbekend", "nee", ["acute_onveiligheid"], "ja"),
        ("nee", "onbekend", ["structurele_onveiligheid"], "ja"),
        ("onbekend", "onbekend", ["acute_onveiligheid", "structurele_onveiligheid"], "ja"),
        # Not yet answered is not doubt (issue 16, point 5): the model's onbepaald holds.
        ("onbekend", "nee", [], "onbepaald"),
        ("onbekend", "onbekend", [], "onbepaald"),
        ("nee", "nee", [], "onbepaald"),
        # Doubt about another afweging is not doubt about onveiligheid.
        ("onbekend", "onbekend", ["passende_hulp"], "onbepaald"),
    ],
)
def test_twijfel_over_onveiligheid_is_melden(
    acuut: str, structureel: str, twijfel: list[str], melden: str
) -> None:
    antwoorden: dict[str, object] = {
        "vermoeden": "ja",
        "acute_onveiligheid": acuut,
        "structurele_onveiligheid": structureel,
        "twijfel": twijfel,
    }
    if "passende_hulp" in twijfel:
        antwoorden["passende_hulp"] = "onbekend"
    u = evaluate(casus(antwoorden=antwoorden), kader="onderwijs", peildatum=PEIL)
    assert u.melden == melden
    regel = "onderwijs_melden_bij_twijfel_over_onveiligheid"
    assert (regel in gevuurd(u)) is (melden == "ja")
    # basis itself leaves the doubt cases onbepaald: the rule is the onderwijs kader's own
    assert evaluate(casus(antwoorden=antwoorden), peildatum=PEIL).melden == "onbepaald"


def test_twijfel_zonder_vermoeden_meldt_niet() -> None:
    u = evaluate(casus(antwoorden={"vermoeden": "nee"}), kader="onderwijs", peildatum=PEIL)
    assert u.melden == "nee"


def test_casemanager_bij_hulp() -> None:
    regel = "onderwijs_actie_casemanager_en_termijn"
    hulp = {
        "vermoeden": "ja",
        "acute_onveiligheid": "nee",
        "structurele_onveiligheid": "nee",
        "passende_hulp": "ja",
        "medewerking": "ja",
    }
    assert regel in gevuurd(evaluate(casus(antwoorden=hulp), kader="onderwijs", peildatum=PEIL))
    geen = {**hulp, "medewerking": "nee"}
    assert regel not in gevuurd(evaluate(casus(antwoorden=geen), kader="onderwijs", peildatum=PEIL))


def test_meldplicht_bij_zedendelict_door_medewerker() -> None:
    regel = "onderwijs_actie_meldplicht_bevoegd_gezag"
    zeden = casus([sig("seksueel_geweld", door="m", over="k")], betrokkenen=MEDEWERKER)
    u = evaluate(zeden, kader="onderwijs", peildatum=PEIL)
    assert regel in gevuurd(u)
    assert "meldplicht_bevoegd_gezag" in {a.code for a in u.acties}
    # The route replaces stap 5 for the suspect: no melding at Veilig Thuis, no gesprek.
    assert (u.melden, u.hulp) == ("buiten_meldcode", "buiten_meldcode")
    assert not {"melden_bij_veilig_thuis", "melding_bespreken_met_betrokkenen"} & {
        a.code for a in u.acties
    }
    # physical violence by a medewerker: signalled, but the zeden-meldplicht does not fire
    fysiek = casus([sig("lichamelijk_geweld", door="m", over="k")], betrokkenen=MEDEWERKER)
    f = evaluate(fysiek, kader="onderwijs", peildatum=PEIL)
    assert regel not in gevuurd(f)
    assert "onderwijs_signalering_geweld_door_medewerker" in gevuurd(f)
    # sexual violence at home (by a parent): neither
    thuis = casus(
        [sig("seksueel_geweld", door="o", over="k")],
        betrokkenen=[{"id": "o", "rol": "ouder_verzorger"}, MEDEWERKER[1]],
    )
    t = evaluate(thuis, kader="onderwijs", peildatum=PEIL)
    assert not {regel, "onderwijs_signalering_geweld_door_medewerker"} & gevuurd(t)


def test_eigen_afwegingsvragen() -> None:
    u = evaluate(casus(), kader="onderwijs", peildatum=PEIL)
    assert "wij als school" in u.afwegingen["acute_onveiligheid"].vraag
    assert "afgesproken termijn" in u.afwegingen["duurzame_veiligheid"].vraag


def test_nooit_zwakker_dan_basis() -> None:
    assert nooit_zwakker_dan_basis("onderwijs", PEIL) == []
    assert norm_schendingen(load_kader("onderwijs", PEIL)) == []
