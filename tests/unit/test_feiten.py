"""Deriving the named facts from a casus."""

from __future__ import annotations

from datetime import date

from meldcode_rules import validate_casus
from meldcode_rules.feiten import CATALOGUS, afleiden

PEIL = date(2024, 6, 1)


def test_every_fact_in_the_catalogue_is_derived_and_absent_sections_are_none() -> None:
    feiten = afleiden(validate_casus({"id": "c"}), PEIL)
    afgeleid = {n for n, i in CATALOGUS.items() if i.bron not in ("afweging", "beslissing")}
    assert set(feiten) == afgeleid
    # Absent sections give None; the facts that are never unknown (no twijfel recorded, no
    # hulp running) have their value even for an empty casus.
    altijd = {"twijfel": "nee", "twijfel_onveiligheid": "nee", "hulp_effect_nog_onbekend": "nee"}
    assert {n: w for n, w in feiten.items() if w is not None} == altijd


def test_counts_roles_and_dates() -> None:
    c = validate_casus(
        {
            "id": "c",
            "betrokkenen": [
                {"id": "k1", "rol": "kind", "leeftijd": "4_11"},
                {"id": "k2", "rol": "kind", "leeftijd": "12_17"},
                {"id": "m1", "rol": "medewerker", "leeftijd": "18_64"},
                {
                    "id": "o1",
                    "rol": "ouder_verzorger",
                    "leeftijd": "18_64",
                    "oudersignalen": ["verslaving"],
                    "zorgt_voor_minderjarigen": "ja",
                },
                {"id": "z1", "rol": "client", "leeftijd": "65_plus", "zorgafhankelijk": True},
            ],
            "signalen": [
                {"vorm": "seksueel_geweld", "datum": "2024-01-01", "over": "k1", "door": "m1"},
                {
                    "vorm": "lichamelijk_geweld",
                    "datum": "2024-01-01",
                    "over": "k1",
                    "door": "k2",
                    "herkomst": "gemeld",
                },
                {
                    "vorm": "verwaarlozing",
                    "datum": "2024-02-01",
                    "over": "z1",
                    "kenmerken": ["basale_zorg_ontbreekt"],
                },
                {"vorm": "verwaarlozing", "over": "z1"},
                {"vorm": "psychisch_geweld", "datum": "2025-01-01", "over": "k1"},
            ],
        }
    )
    f = afleiden(c, PEIL)
    assert f["aantal_signalen"] == 4  # the one after the peildatum does not count
    assert f["aantal_signaaldata"] == 2  # undated signals add no date
    assert f["aantal_gemeld"] == 1
    assert f["aantal_waargenomen"] == 3
    assert f["aantal_door_medewerker"] == 1
    assert f["aantal_tussen_kinderen"] == 1
    assert f["aantal_over_minderjarige"] == 2
    assert f["aantal_over_zorgafhankelijke"] == 2
    assert f["aantal_verwaarlozing"] == 2
    assert f["aantal_basale_zorg_ontbreekt"] == 1
    assert f["aantal_psychisch_geweld"] == 0
    assert f["aantal_minderjarigen"] == 2
    assert f["aantal_volwassenen_met_oudersignalen"] == 1
    assert f["zorgt_voor_minderjarigen"] == "ja"


def test_steps_and_hulp() -> None:
    c = validate_casus(
        {
            "id": "c",
            "stappen": {"gesprek": "niet_gevoerd", "reden_geen_gesprek": "veiligheid_professional"},
            "hulp": {"aanvaard": "nee", "effect": "nog_onbekend"},
        }
    )
    f = afleiden(c, PEIL)
    assert f["gesprek_gevoerd"] == "nee"
    assert f["gesprek_overgeslagen_met_reden"] == "ja"
    assert f["collegiaal_overleg"] is None
    assert f["hulp_aanvaard"] == "nee"
    assert f["hulp_inzet"] is None
    assert f["hulp_veiligheid_hersteld"] == "onbekend"
    assert f["hulp_onveiligheid_houdt_aan"] == "onbekend"
