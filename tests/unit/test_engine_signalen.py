"""Signal-derived afwegingen, the protective merge and its signaleringen."""

from __future__ import annotations

from datetime import date

import pytest
from testhulp import casus, sig

from meldcode_rules import evaluate

PEIL = date(2024, 6, 1)


HULP_MOGELIJK = {
    "vermoeden": "ja",
    "acute_onveiligheid": "nee",
    "structurele_onveiligheid": "nee",
    "passende_hulp": "ja",
    "medewerking": "ja",
    "duurzame_veiligheid": "ja",
}
"""The answers under which the professional may give hulp: no acute or structurele
onveiligheid, and all three hulp conditions met."""


@pytest.mark.parametrize(
    ("signaal", "regel"),
    [
        (sig(kenmerken=["direct_levensgevaar"]), "acuut_direct_levensgevaar"),
        (sig(kenmerken=["ernstig_letsel"]), "acuut_ernstig_letsel"),
        (sig(kenmerken=["verzorger_middelen_of_crisis"]), "acuut_verzorger_middelen_of_crisis"),
        (sig(vorm="eergerelateerd_geweld", kenmerken=["acute_dreiging"]), "acuut_dreiging"),
        (sig(kenmerken=["verminking_handicap_of_dood"]), "acuut_verminking_handicap_of_dood"),
        (
            sig(vorm="verwaarlozing", kenmerken=["basale_zorg_ontbreekt"]),
            "acuut_basale_zorg_ontbreekt",
        ),
        (sig(kenmerken=["onnodige_medische_zorg"]), "acuut_onnodige_medische_zorg"),
    ],
)
def test_acute_onveiligheid_from_each_marker(signaal: dict, regel: str) -> None:
    u = evaluate(casus([signaal], {"vermoeden": "ja"}), peildatum=PEIL)
    a = u.afwegingen["acute_onveiligheid"]
    assert a.afleiding == "ja"
    assert a.waarde == "ja"
    assert a.herkomst == "kader"
    assert regel in [s.regel for s in a.spoor]
    assert u.melden == "ja"
    assert u.hulp == "met_veilig_thuis"


def test_a_plain_signal_does_not_derive_acute_onveiligheid() -> None:
    u = evaluate(casus([sig()], {"vermoeden": "ja"}), peildatum=PEIL)
    assert u.afwegingen["acute_onveiligheid"].afleiding is None
    assert u.afwegingen["acute_onveiligheid"].waarde == "onbekend"
    assert u.melden == "onbepaald"


def test_signals_on_two_dates_are_weighed_not_derived() -> None:
    """No source sets a threshold: signals on two dates never decide structurele onveiligheid.

    They ask the professional to weigh herhaling or voortduren (issue 16, point 1), and never
    override the professional's answer.
    """
    twee_data = [sig(datum="2024-01-10"), sig(vorm="psychisch_geweld", datum="2024-03-02")]
    u = evaluate(casus(twee_data, {"vermoeden": "ja"}), peildatum=PEIL)
    s = u.afwegingen["structurele_onveiligheid"]
    assert s.afleiding is None
    assert s.waarde == "onbekend"
    assert "herhaling_wegen" in {x.code for x in u.signaleringen}
    assert u.melden == "onbepaald"
    nee = evaluate(
        casus(twee_data, {"vermoeden": "ja", "structurele_onveiligheid": "nee"}), peildatum=PEIL
    )
    assert nee.afwegingen["structurele_onveiligheid"].waarde == "nee"
    assert "herhaling_wegen" in {x.code for x in nee.signaleringen}
    ja = evaluate(
        casus(twee_data, {"vermoeden": "ja", "structurele_onveiligheid": "ja"}), peildatum=PEIL
    )
    assert "herhaling_wegen" not in {x.code for x in ja.signaleringen}


def test_structurele_onveiligheid_from_repetition_as_the_professional_records_it() -> None:
    herhaald = [sig(datum="2024-01-10"), sig(datum="2024-03-02", kenmerken=["herhaald"])]
    u = evaluate(casus(herhaald, {"vermoeden": "ja"}), peildatum=PEIL)
    s = u.afwegingen["structurele_onveiligheid"]
    assert s.afleiding == "ja"
    assert [x.regel for x in s.spoor] == ["structureel_herhaling_vastgelegd"]
    assert u.melden == "ja"


@pytest.mark.parametrize(
    ("signaal", "code"),
    [
        (sig(vorm="mensenhandel"), "mensenhandel_wegen"),
        (sig(vorm="seksueel_geweld", kenmerken=["onthulling"]), "onthulling_wegen"),
        (sig(kenmerken=["wapengebruik"]), "knmg_voorbeeld_acute_onveiligheid_wegen"),
        (sig(kenmerken=["stelselmatig_getuige"]), "knmg_voorbeeld_structurele_onveiligheid_wegen"),
    ],
)
def test_what_the_model_does_not_derive_it_asks_to_weigh(signaal: dict, code: str) -> None:
    u = evaluate(casus([signaal], {"vermoeden": "ja"}), peildatum=PEIL)
    assert u.afwegingen["acute_onveiligheid"].afleiding is None
    assert u.afwegingen["structurele_onveiligheid"].afleiding is None
    assert code in {x.code for x in u.signaleringen}
    assert u.melden == "onbepaald"


def test_two_signals_on_one_date_are_not_repetition() -> None:
    een_dag = [sig(datum="2024-01-10"), sig(vorm="psychisch_geweld", datum="2024-01-10")]
    u = evaluate(casus(een_dag, {"vermoeden": "ja"}), peildatum=PEIL)
    assert u.afwegingen["structurele_onveiligheid"].afleiding is None


def test_structurele_onveiligheid_from_a_continuing_situation() -> None:
    u = evaluate(
        casus([sig(vorm="verwaarlozing", kenmerken=["voortdurend"])], {"vermoeden": "ja"}),
        peildatum=PEIL,
    )
    assert u.afwegingen["structurele_onveiligheid"].afleiding == "ja"


def test_signals_after_the_peildatum_do_not_count() -> None:
    c = casus(
        [
            sig(datum="2024-01-10", kenmerken=["voortdurend"]),
            sig(datum="2024-09-01", kenmerken=["ernstig_letsel"]),
        ],
        {"vermoeden": "ja"},
    )
    eerder = evaluate(c, peildatum=PEIL)
    later = evaluate(c, peildatum=date(2024, 12, 1))
    assert eerder.afwegingen["acute_onveiligheid"].afleiding is None
    assert eerder.afwegingen["structurele_onveiligheid"].afleiding == "ja"
    assert later.afwegingen["acute_onveiligheid"].afleiding == "ja"
    vroeg = evaluate(c, peildatum=date(2024, 1, 1))
    assert vroeg.afwegingen["structurele_onveiligheid"].afleiding is None


def test_protective_merge_kader_ja_beats_answer_nee_and_is_signalled() -> None:
    u = evaluate(
        casus(
            [sig(kenmerken=["ernstig_letsel"])], {"vermoeden": "ja", "acute_onveiligheid": "nee"}
        ),
        peildatum=PEIL,
    )
    a = u.afwegingen["acute_onveiligheid"]
    assert (a.antwoord, a.afleiding, a.waarde, a.herkomst) == ("nee", "ja", "ja", "kader")
    verschil = [s for s in u.signaleringen if s.code == "verschil_antwoord_kader"]
    assert len(verschil) == 1
    assert verschil[0].afweging == "acute_onveiligheid"
    assert verschil[0].regel == "acuut_ernstig_letsel"


def test_answer_ja_is_kept_when_the_kader_is_silent() -> None:
    u = evaluate(casus([sig()], {"vermoeden": "ja", "acute_onveiligheid": "ja"}), peildatum=PEIL)
    a = u.afwegingen["acute_onveiligheid"]
    assert (a.waarde, a.herkomst) == ("ja", "antwoord")
    assert not [s for s in u.signaleringen if s.code == "verschil_antwoord_kader"]


@pytest.mark.parametrize(
    ("hulp", "afweging", "regel"),
    [
        ({"aanvaard": "nee"}, "medewerking", "medewerking_hulp_niet_aanvaard"),
        ({"inzet": "nee"}, "medewerking", "medewerking_geen_inzet"),
        ({"binnen_competentie": "nee"}, "passende_hulp", "hulp_buiten_competentie"),
        (
            {"effect": "onveiligheid_herhaalt"},
            "duurzame_veiligheid",
            "duurzaam_onveiligheid_houdt_aan",
        ),
        ({"effect": "geen_verbetering"}, "duurzame_veiligheid", "duurzaam_onveiligheid_houdt_aan"),
    ],
)
def test_hulp_facts_make_a_condition_nee_over_the_answer_ja(
    hulp: dict, afweging: str, regel: str
) -> None:
    u = evaluate(casus(antwoorden=HULP_MOGELIJK, hulp=hulp), peildatum=PEIL)
    assert u.afwegingen[afweging].waarde == "nee"
    assert regel in [s.regel for s in u.afwegingen[afweging].spoor]
    assert (u.melden, u.hulp) == ("ja", "nee")
    assert any(
        s.code == "verschil_antwoord_kader" and s.afweging == afweging for s in u.signaleringen
    )


def test_explicit_onbekend_hulp_fact_makes_a_ja_answer_onbekend() -> None:
    u = evaluate(
        casus(antwoorden=HULP_MOGELIJK, hulp={"aanvaard": "onbekend", "inzet": "ja"}),
        peildatum=PEIL,
    )
    assert u.afwegingen["medewerking"].waarde == "onbekend"
    assert u.melden == "onbepaald"


def test_hulp_facts_confirm_and_the_three_conditions_allow_hulp() -> None:
    hulp = {
        "binnen_competentie": "ja",
        "aanvaard": "ja",
        "inzet": "ja",
        "effect": "veiligheid_hersteld",
    }
    u = evaluate(casus(antwoorden=HULP_MOGELIJK, hulp=hulp), peildatum=PEIL)
    assert u.afwegingen["medewerking"].herkomst == "beide"
    assert u.afwegingen["duurzame_veiligheid"].waarde == "ja"
    assert (u.melden, u.hulp) == ("nee", "ja")
    assert "hulp_afsluiten_en_monitoren" in {a.code for a in u.acties}


def test_a_kader_ja_on_a_hulp_condition_never_replaces_the_professionals_weighing() -> None:
    """Facts that point to 'ja' for a hulp condition leave an unanswered question onbekend:
    any answer 'nee' would count (nee over onbekend over ja), so the decision stays open."""
    antwoorden = {a: w for a, w in HULP_MOGELIJK.items() if a != "medewerking"}
    u = evaluate(
        casus(antwoorden=antwoorden, hulp={"aanvaard": "ja", "inzet": "ja"}), peildatum=PEIL
    )
    medewerking = u.afwegingen["medewerking"]
    assert (medewerking.antwoord, medewerking.afleiding, medewerking.waarde) == (
        "onbekend",
        "ja",
        "onbekend",
    )
    assert u.melden == "onbepaald"


def test_absent_sections_keep_rules_silent() -> None:
    u = evaluate(casus(antwoorden={"vermoeden": "nee"}), peildatum=PEIL)
    assert all(a.afleiding is None and a.spoor == () for a in u.afwegingen.values())
    assert (u.melden, u.hulp) == ("nee", "niet_van_toepassing")
    assert {a.code for a in u.acties} == {"afsluiten_en_vastleggen", "vastleggen"}


def test_missing_gesprek_and_overleg_are_signalled() -> None:
    u = evaluate(
        casus(
            antwoorden={"vermoeden": "ja"},
            stappen={"collegiaal_overleg": "nee", "gesprek": "niet_gevoerd"},
        ),
        peildatum=PEIL,
    )
    codes = {s.code for s in u.signaleringen}
    assert {"gesprek_ontbreekt", "collegiaal_overleg_ontbreekt"} <= codes
    met_reden = evaluate(
        casus(
            antwoorden={"vermoeden": "ja"},
            stappen={"gesprek": "niet_gevoerd", "reden_geen_gesprek": "veiligheid_client"},
        ),
        peildatum=PEIL,
    )
    assert "gesprek_ontbreekt" not in {s.code for s in met_reden.signaleringen}


def test_trace_holds_no_ids_or_input_text() -> None:
    c = casus(
        [sig(kenmerken=["onthulling"], over="geheim-kind-7", door="geheim-ouder-9")],
        {"vermoeden": "ja"},
        betrokkenen=[
            {"id": "geheim-kind-7", "rol": "kind"},
            {"id": "geheim-ouder-9", "rol": "ouder_verzorger"},
        ],
    )
    tekst = evaluate(c, peildatum=PEIL).model_dump_json()
    assert "geheim" not in tekst
