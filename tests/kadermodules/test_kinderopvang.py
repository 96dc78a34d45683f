"""The kinderopvang protocol: routes 2 and 3 as acties and signaleringen, never weaker than basis."""

from __future__ import annotations

from datetime import date

from kaderhulp import gevuurd, nooit_zwakker_dan_basis
from testhulp import casus, sig

from meldcode_rules import evaluate, load_kader
from meldcode_rules.norm import norm_schendingen

PEIL = date(2024, 6, 1)
KIND = {"id": "k", "rol": "kind", "leeftijd": "0_3"}


def _met(rol: str, vorm: str = "lichamelijk_geweld") -> dict:
    return casus([sig(vorm, door="d", over="k")], betrokkenen=[{"id": "d", "rol": rol}, KIND])


def test_route2_medewerker() -> None:
    regel = "kinderopvang_actie_route2_meldplicht"
    u = evaluate(_met("medewerker", "seksueel_geweld"), kader="kinderopvang", peildatum=PEIL)
    assert regel in gevuurd(u)
    assert "route2_melden_bij_houder" in {a.code for a in u.acties}
    assert regel in gevuurd(evaluate(_met("medewerker"), kader="kinderopvang", peildatum=PEIL))
    thuis = evaluate(_met("ouder_verzorger"), kader="kinderopvang", peildatum=PEIL)
    assert regel not in gevuurd(thuis)


def test_route2_houder() -> None:
    regel = "kinderopvang_actie_route2_houder_verdacht"
    assert regel in gevuurd(evaluate(_met("houder"), kader="kinderopvang", peildatum=PEIL))
    medewerker = evaluate(_met("medewerker"), kader="kinderopvang", peildatum=PEIL)
    assert regel not in gevuurd(medewerker)


def test_route3_tussen_kinderen() -> None:
    regel = "kinderopvang_signalering_route3_tussen_kinderen"
    kinderen = casus(
        [sig("seksueel_geweld", door="k2", over="k")],
        betrokkenen=[KIND, {"id": "k2", "rol": "kind", "leeftijd": "4_11"}],
    )
    assert regel in gevuurd(evaluate(kinderen, kader="kinderopvang", peildatum=PEIL))
    volwassene = evaluate(_met("ouder_verzorger"), kader="kinderopvang", peildatum=PEIL)
    assert regel not in gevuurd(volwassene)


def test_route1_volgt_het_model() -> None:
    u = evaluate(
        casus(antwoorden={"vermoeden": "ja", "acute_onveiligheid": "ja"}),
        kader="kinderopvang",
        peildatum=PEIL,
    )
    assert u.melden == "ja"
    assert u.hulp == "met_veilig_thuis"


def test_nooit_zwakker_dan_basis() -> None:
    assert nooit_zwakker_dan_basis("kinderopvang", PEIL) == []
    assert norm_schendingen(load_kader("kinderopvang", PEIL)) == []
