"""The statechart: steps, what is missing, out-of-order and impossible events, closure."""

from __future__ import annotations

from datetime import date

import pytest
from proces_hulp import ev, volledig

from meldcode_rules.errors import InputError
from meldcode_rules.proces import Proces, ProcesError, Stap, Termijnen


def _codes(p: Proces, casus: str = "c1", dag: date = date(2024, 6, 1)) -> list[str]:
    return [g.code for g in p.overzicht(casus, dag).ontbreekt]


def test_volledige_geschiedenis_is_correct_afgesloten() -> None:
    p = Proces()
    stappen = [p.verwerk(e).stap for e in volledig()]
    assert stappen[0] is Stap.STAP_1
    assert stappen[2] is Stap.STAP_2
    assert stappen[4] is Stap.STAP_3
    assert stappen[5] is Stap.STAP_4
    assert stappen[6] is Stap.STAP_5
    assert stappen[7] is Stap.VERVOLG
    assert stappen[-1] is Stap.AFGESLOTEN
    o = p.overzicht("c1", date(2024, 6, 1))
    assert o.afsluiting is not None
    assert o.afsluiting.correct
    assert o.afsluiting.gebreken == ()
    assert o.staat.versie == len(volledig())


def test_stap_gaat_nooit_terug_en_eerdere_stappen_mogen_opnieuw() -> None:
    """The order of steps 1-4 is not binding: going back is allowed, the step stays."""
    p = Proces()
    p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    p.verwerk(ev("c1", "afweging_vastgelegd", 1))
    staat = p.verwerk(ev("c1", "collega_geraadpleegd", 2))
    assert staat.stap is Stap.STAP_4
    assert staat.collega == date(2024, 3, 3)


def test_gesprek_ontbreekt_tot_het_gevoerd_of_met_reden_overgeslagen_is() -> None:
    p = Proces()
    p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    p.verwerk(ev("c1", "collega_geraadpleegd", 1))
    assert _codes(p) == []  # nothing is missing yet at stap 2
    p.verwerk(ev("c1", "afweging_vastgelegd", 2))
    assert _codes(p) == ["gesprek_ontbreekt"]
    p.verwerk(ev("c1", "gesprek_niet_gevoerd", 3, reden="veiligheid_professional"))
    assert _codes(p) == []


def test_besluit_zonder_afweging() -> None:
    p = Proces()
    p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    p.verwerk(ev("c1", "collega_geraadpleegd", 1))
    p.verwerk(ev("c1", "gesprek_gevoerd", 1))
    p.verwerk(ev("c1", "besluit_genomen", 2, melden="nee", hulp="ja"))
    assert _codes(p) == ["afweging_ontbreekt"]
    # A later afweging and a new besluit repair it.
    p.verwerk(ev("c1", "afweging_vastgelegd", 3))
    assert _codes(p) == ["afweging_ontbreekt"]
    p.verwerk(ev("c1", "besluit_genomen", 3, melden="nee", hulp="ja"))
    assert _codes(p) == []


@pytest.mark.parametrize(
    ("voorgeschiedenis", "gebeurtenis", "code"),
    [
        ([], ev("c1", "gesprek_gevoerd", 0), "geen_begin"),
        ([ev("c1", "signaal_vastgelegd", 5)], ev("c1", "collega_geraadpleegd", 4), "datum_terug"),
        ([ev("c1", "signaal_vastgelegd", 0)], ev("c1", "melding_gedaan", 1), "besluit_ontbreekt"),
        ([ev("c1", "signaal_vastgelegd", 0)], ev("c1", "hulp_gestart", 1), "besluit_ontbreekt"),
        (
            [ev("c1", "signaal_vastgelegd", 0), ev("c1", "besluit_genomen", 1, melden="nee")],
            ev("c1", "monitoring", 2),
            "niets_te_volgen",
        ),
        (
            [
                ev("c1", "signaal_vastgelegd", 0),
                ev("c1", "besluit_genomen", 1, melden="ja"),
                ev("c1", "melding_gedaan", 1),
            ],
            ev("c1", "evaluatie", 2),
            "geen_hulp",
        ),
        (
            [ev("c1", "signaal_vastgelegd", 0), ev("c1", "gesprek_gevoerd", 1)],
            ev("c1", "gesprek_niet_gevoerd", 2, reden="veiligheid_client"),
            "gesprek_al_gevoerd",
        ),
        (
            [ev("c1", "signaal_vastgelegd", 0), ev("c1", "afgesloten", 1)],
            ev("c1", "collega_geraadpleegd", 2),
            "afgesloten",
        ),
        (
            [ev("c1", "signaal_vastgelegd", 0), ev("c1", "afgesloten", 1)],
            ev("c1", "afgesloten", 2),
            "afgesloten",
        ),
    ],
)
def test_onmogelijke_gebeurtenis_geeft_fout_en_verandert_niets(
    voorgeschiedenis: list[dict[str, object]], gebeurtenis: dict[str, object], code: str
) -> None:
    p = Proces()
    for e in voorgeschiedenis:
        p.verwerk(e)
    voor = p.staat("c1")
    with pytest.raises(ProcesError) as fout:
        p.verwerk(gebeurtenis)
    assert fout.value.code == code
    assert "c1" not in str(fout.value)
    assert p.staat("c1") == voor


@pytest.mark.parametrize(
    "gebeurtenis",
    [
        ev("c1", "gesprek_niet_gevoerd", 0),  # no reden
        ev("c1", "besluit_genomen", 0),  # no melden
        ev("c1", "gesprek_gevoerd", 0, reden="veiligheid_client"),  # reden does not belong
        ev("c1", "monitoring", 0, hulp="ja"),
        ev("c1", "onbekende_soort", 0),
        {"casus_id": "c1", "soort": "signaal_vastgelegd", "datum": "gisteren"},
        {"casus_id": "geheim naam", "soort": "signaal_vastgelegd", "datum": "2024-03-01"},
    ],
)
def test_ongeldige_gebeurtenis_noemt_velden_geen_waarden(gebeurtenis: dict[str, object]) -> None:
    p = Proces()
    with pytest.raises(InputError) as fout:
        p.verwerk(gebeurtenis)
    for waarde in ("gisteren", "geheim naam", "onbekende_soort"):
        assert waarde not in str(fout.value)
    assert p.casussen() == []


def test_heropenen_na_afsluiten_is_een_nieuwe_ronde() -> None:
    p = Proces()
    for e in volledig():
        p.verwerk(e)
    staat = p.verwerk(ev("c1", "signaal_vastgelegd", 90))
    assert staat.ronde == 2
    assert staat.stap is Stap.STAP_1
    assert staat.besluit is None
    assert len(staat.afsluitingen) == 1
    assert p.overzicht("c1", date(2024, 6, 1)).afsluiting is None


@pytest.mark.parametrize(
    ("geschiedenis", "gebreken"),
    [
        # Closed at stap 1 (no vermoeden): correct, nothing was needed yet.
        ([ev("c1", "signaal_vastgelegd", 0), ev("c1", "afgesloten", 1)], ()),
        # Besloten te melden, no melding: not correct.
        (
            [
                ev("c1", "signaal_vastgelegd", 0),
                ev("c1", "collega_geraadpleegd", 1),
                ev("c1", "gesprek_gevoerd", 1),
                ev("c1", "afweging_vastgelegd", 2),
                ev("c1", "besluit_genomen", 2, melden="ja"),
                ev("c1", "afgesloten", 3),
            ],
            ("melding_ontbreekt",),
        ),
        # Hulp started and closed without an evaluatie; no gesprek either.
        (
            [
                ev("c1", "signaal_vastgelegd", 0),
                ev("c1", "collega_geraadpleegd", 1),
                ev("c1", "afweging_vastgelegd", 2),
                ev("c1", "besluit_genomen", 2, melden="nee", hulp="ja"),
                ev("c1", "hulp_gestart", 3),
                ev("c1", "monitoring", 9),
                ev("c1", "afgesloten", 10),
            ],
            ("gesprek_ontbreekt", "evaluatie_ontbreekt"),
        ),
    ],
)
def test_correct_afsluiten(
    geschiedenis: list[dict[str, object]], gebreken: tuple[str, ...]
) -> None:
    p = Proces()
    for e in geschiedenis:
        p.verwerk(e)
    afsluiting = p.overzicht("c1").afsluiting
    assert afsluiting is not None
    assert afsluiting.gebreken == gebreken
    assert afsluiting.correct is (not gebreken)


def test_termijnen_van_de_organisatie() -> None:
    p = Proces(termijnen=Termijnen(gesprek=7, melding=1, afsluiten=30))
    p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    assert p.overzicht("c1", date(2024, 3, 8)).te_laat == ()  # day 7: still in time
    te_laat = p.overzicht("c1", date(2024, 3, 10)).te_laat
    assert [(t.termijn, t.dagen_te_laat) for t in te_laat] == [("gesprek", 2)]
    p.verwerk(ev("c1", "gesprek_gevoerd", 9))
    p.verwerk(ev("c1", "besluit_genomen", 10, melden="ja"))
    assert [t.termijn for t in p.overzicht("c1", date(2024, 3, 14)).te_laat] == ["melding"]
    p.verwerk(ev("c1", "melding_gedaan", 13))
    assert p.overzicht("c1", date(2024, 3, 14)).te_laat == ()
    p.verwerk(ev("c1", "afgesloten", 40))
    afsluiting = p.overzicht("c1").afsluiting
    assert afsluiting is not None
    # Closed after the organisation's termijn: not timely, so not correct.
    assert "te_laat_afsluiten" in afsluiting.gebreken
    assert not afsluiting.correct


def test_zonder_termijnen_is_niets_te_laat() -> None:
    p = Proces()
    p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    assert p.overzicht("c1", date(2030, 1, 1)).te_laat == ()


def test_onbekende_casus() -> None:
    with pytest.raises(ProcesError) as fout:
        Proces().overzicht("geheim")
    assert fout.value.code == "onbekende_casus"
    assert "geheim" not in str(fout.value)
