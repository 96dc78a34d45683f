"""The case model: frozen, strict, optional everything but id, private errors."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from meldcode_rules import Casus, InputError, validate_casus
from meldcode_rules.logica import ONBEKEND

MARKER = "Zq9-geheim-Xy"


def test_only_id_is_required_and_answers_default_to_onbekend() -> None:
    c = Casus.model_validate({"id": "c1"})
    assert c.signalen is None
    assert c.hulp is None
    assert c.stappen is None
    assert c.betrokkenen is None
    assert c.antwoorden.vermoeden is ONBEKEND


def test_a_case_with_only_antwoorden_is_valid() -> None:
    c = validate_casus({"id": "c1", "antwoorden": {"vermoeden": "ja"}})
    assert c.antwoorden.vermoeden == "ja"


def test_models_are_frozen() -> None:
    c = Casus.model_validate({"id": "c1"})
    with pytest.raises(ValidationError):
        c.id = "c2"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({}, "id"),
        ({"id": "c", "onbekend_veld": 1}, "<invoer>"),
        ({"id": "c", "signalen": [{"vorm": "verwaarlozing", "naam_kind": "x"}]}, "signalen[0]"),
        ({"id": "c", "antwoorden": {"vermoeden": "misschien"}}, "antwoorden.vermoeden"),
        ({"id": "c", "signalen": [{"vorm": "slaan"}]}, "signalen[0].vorm"),
        (
            {"id": "c", "signalen": [{"vorm": "verwaarlozing", "datum": "gisteren"}]},
            "signalen[0].datum",
        ),
        (
            {"id": "c", "signalen": [{"vorm": "verwaarlozing", "kenmerken": ["eng"]}]},
            "signalen[0].kenmerken[0]",
        ),
        ({"id": "c", "betrokkenen": [{"id": "b", "rol": "buurman"}]}, "betrokkenen[0].rol"),
        ({"id": "met spaties"}, "id"),
        ({"id": "c", "hulp": {"effect": "beter"}}, "hulp.effect"),
    ],
)
def test_errors_name_the_field(gegevens: dict, veld: str) -> None:
    with pytest.raises(InputError) as fout:
        validate_casus(gegevens)
    assert veld in [f.veld for f in fout.value.fouten]


def test_an_unknown_key_is_never_repeated_but_the_allowed_fields_are_listed() -> None:
    with pytest.raises(InputError) as fout:
        validate_casus({"id": "c", "antwoorden": {"jansen_marietje": "ja"}})
    [veldfout] = fout.value.fouten
    assert veldfout.veld == "antwoorden"
    assert veldfout.code == "extra_forbidden"
    assert "jansen" not in str(fout.value)
    assert "toegestaan: vermoeden, acute_onveiligheid" in veldfout.bericht


def test_references_to_unknown_betrokkenen_are_rejected() -> None:
    with pytest.raises(InputError) as fout:
        validate_casus(
            {
                "id": "c",
                "betrokkenen": [{"id": "k1", "rol": "kind"}],
                "signalen": [{"vorm": "verwaarlozing", "over": "k1", "door": MARKER}],
            }
        )
    assert "signalen[0].door" in str(fout.value)
    assert MARKER not in str(fout.value)


def test_duplicate_betrokkene_ids_are_rejected() -> None:
    with pytest.raises(InputError):
        validate_casus(
            {"id": "c", "betrokkenen": [{"id": "a", "rol": "kind"}, {"id": "a", "rol": "kind"}]}
        )


@pytest.mark.parametrize(
    "gegevens",
    [
        {"id": MARKER + " x"},
        {"id": "c", "antwoorden": {"vermoeden": MARKER}},
        {"id": "c", "signalen": [{"vorm": MARKER}]},
        {"id": "c", "signalen": [{"vorm": "verwaarlozing", "datum": MARKER}]},
        {"id": "c", "betrokkenen": [{"id": "b", "rol": MARKER}]},
        {"id": "c", MARKER.lower(): "x"},
        {"id": "c", "stappen": {"gesprek": MARKER}},
    ],
)
def test_errors_never_echo_input_values(gegevens: dict) -> None:
    with pytest.raises(InputError) as fout:
        validate_casus(gegevens)
    tekst = str(fout.value) + repr(fout.value) + "".join(map(str, fout.value.fouten))
    assert MARKER not in tekst
    assert MARKER.lower() not in tekst


def test_json_text_is_accepted() -> None:
    assert validate_casus('{"id": "c1"}').id == "c1"
    with pytest.raises(InputError):
        validate_casus('{"id": ')
