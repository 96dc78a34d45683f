"""The JSON Schemas are the contract: real outputs validate, and the schemas are tight.

Every shipped kader's outputs (all 729 answer combinations of every version, and seeded
casussen with signalen) validate against the tight uitkomst schema; error records,
``kaders``, the beroepsgroep register and ``proces`` output validate against theirs; the
schemas have an ``$id`` with the contract version, no Python markup, and ``$defs`` names
that no two schemas share.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

import jsonschema
import pytest
from testhulp import cases, cli, uitbreiding

from meldcode_rules import Registry, evaluate_many, list_kaders, load_kader
from meldcode_rules.contract import CONTRACT_VERSIE
from meldcode_rules.errors import CODES, InputError
from meldcode_rules.proces import validate_gebeurtenis
from meldcode_rules.regels import ACTIE, AFWEGINGEN, Bron, Minstens, Regel
from meldcode_rules.schema import SCHEMAS, codes, json_schema

if TYPE_CHECKING:
    from pathlib import Path

WAARDEN = ("ja", "nee", "onbekend")
SLECHTE_REGELS = (
    '{"id": "a", "antwoorden": {"vermoeden": "x"}}',
    "",
    "[1]",
    '{"id": "b", "id": "c"}',
    "{kapot",
    '{"id": "d", "signalen": [{"vorm": "verwaarlozing", "datum": 0}]}',
)


def _validator(naam: str) -> jsonschema.protocols.Validator:
    schema = json_schema(naam)  # type: ignore[arg-type]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _versies() -> list[tuple[str, date]]:
    return [(k.id, v.geldig_van) for k in list_kaders() for v in k.versies]


def _alle_antwoorden() -> list[dict[str, object]]:
    return [
        {"id": f"a{i}", "antwoorden": dict(zip(AFWEGINGEN, combinatie, strict=True))}
        for i, combinatie in enumerate(itertools.product(WAARDEN, repeat=6))
    ]


@pytest.mark.parametrize(("kader", "datum"), _versies(), ids=str)
def test_every_output_of_every_shipped_kader_validates(kader: str, datum: date) -> None:
    """Every code of all 729 answer combinations is in the enums; a spread of them validates.

    (Full validation of a 7 KB outcome takes milliseconds: every 9th combination and 30
    seeded casussen with signalen are validated whole, the codes of all of them are checked.)
    """
    validator = _validator("uitkomst")
    defs = validator.schema["$defs"]
    acties, signaleringen = set(defs["ActieCode"]["enum"]), set(defs["SignaleringCode"]["enum"])
    rng = random.Random(17)
    met_signalen = [cases.signal_rich(rng, i) for i in range(30)]
    peildatum = datum + timedelta(days=400)
    invoer = [*_alle_antwoorden(), *met_signalen]
    for nummer, regel in enumerate(evaluate_many(invoer, kader, peildatum, als_json=True)):
        assert isinstance(regel, str)
        gegevens = json.loads(regel)
        assert {a["code"] for a in gegevens["acties"]} <= acties
        assert {s["code"] for s in gegevens["signaleringen"]} <= signaleringen
        assert list(gegevens["afwegingen"]) == list(AFWEGINGEN)
        if nummer % 9 == 0 or nummer >= 729:
            fouten = sorted(validator.iter_errors(gegevens), key=str)
            assert not fouten, fouten[0].message


def test_the_uitkomst_schema_is_tight() -> None:
    schema = json_schema("uitkomst")
    props = schema["properties"]
    assert set(props["afwegingen"]["properties"]) == set(AFWEGINGEN)
    assert props["afwegingen"]["additionalProperties"] is False
    assert set(props["beslissingen"]["properties"]) == {"melden", "hulp"}
    assert props["beslissingen"]["additionalProperties"] is False
    defs = schema["$defs"]
    assert defs["MeldBeslissing"]["enum"] == ["ja", "nee", "onbepaald", "buiten_meldcode"]
    assert "buiten_meldcode" in defs["HulpBeslissing"]["enum"]
    melden = defs["MeldBeslissingUitkomst"]["properties"]
    assert melden["waarde"] == {"$ref": "#/$defs/MeldBeslissing"}
    assert melden["hangt_af_van"]["items"] == {"$ref": "#/$defs/Afweging"}
    assert set(defs["Signalering"]["required"]) == {"code", "omschrijving", "afweging", "regel"}
    assert set(defs["MeldBeslissingUitkomst"]["required"]) == {"waarde", "spoor", "hangt_af_van"}
    acties, signaleringen = codes()
    assert defs["ActieCode"]["enum"] == list(acties)
    assert "melden_bij_veilig_thuis" in acties
    assert {"onbepaald", "verschil_antwoord_kader"} <= set(signaleringen)
    assert defs["SignaleringCode"]["enum"] == list(signaleringen)
    # A made-up key, a made-up action code and a wrong decision value fail.
    validator = _validator("uitkomst")
    (goed,) = evaluate_many([{"id": "c"}], "basis", date(2024, 6, 1), als_json=True)
    assert isinstance(goed, str)
    for kapot in (
        lambda d: d["beslissingen"].update(meldn=d["beslissingen"]["melden"]),
        lambda d: d["afwegingen"].pop("vermoeden"),
        lambda d: d["beslissingen"]["melden"].update(waarde="met_veilig_thuis"),
        lambda d: d["acties"].append({**d["acties"][0], "code": "verzonnen"}),
        lambda d: d["signaleringen"].append({"code": "onbepaald", "omschrijving": "x"}),
    ):
        gegevens = json.loads(goed)
        kapot(gegevens)
        assert not validator.is_valid(gegevens)


def test_codes_come_from_the_kaders_rules_at_export_time() -> None:
    """A kader's own actie appears in the schema of a register that holds it."""
    bron = Bron(
        uitgever="Test",
        titel="Eigen",
        versie="1",
        datum=date(2024, 1, 1),
        adres="https://example.org",
    )
    actie = Regel(
        id="eigen_actie",
        doel=ACTIE,
        conclusie="eigen_actie_code",
        als=Minstens("aantal_getuige_huiselijk_geweld", 1),
        bron=bron.bij("Altijd."),
        label="Doe iets eigens.",
    )
    eigen = uitbreiding(
        "eigen_test",
        bron.bij("Vastgesteld."),
        naam="Eigen",
        beroepsgroepen=("jeugd- en gezinsprofessional",),
        regels=(actie,),
    )
    registry = Registry([*list_kaders(), eigen])
    assert "eigen_actie_code" in json_schema("uitkomst", registry)["$defs"]["ActieCode"]["enum"]
    assert "eigen_actie_code" not in json_schema("uitkomst")["$defs"]["ActieCode"]["enum"]


@pytest.mark.parametrize("naam", SCHEMAS)
def test_every_schema_has_an_id_a_version_and_no_python_markup(naam: str) -> None:
    schema = json_schema(naam)  # type: ignore[arg-type]
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"urn:meldcode-rules:contract:{CONTRACT_VERSIE.split('.')[0]}:{naam}"
    assert CONTRACT_VERSIE in schema["$comment"]
    tekst = json.dumps(schema, ensure_ascii=False)
    assert "``" not in tekst
    assert not re.search(r":(class|func|data|mod|meth):", tekst)
    assert not re.search(r"\bNone\b", tekst)
    assert "domain brief" not in tekst
    # No per-field titles (they become type aliases in generated code).
    for definitie in [schema, *schema.get("$defs", {}).values()]:
        for veld in definitie.get("properties", {}).values():
            assert "title" not in veld


def test_no_two_schemas_share_a_defs_name() -> None:
    gezien: dict[str, str] = {}
    for naam in SCHEMAS:
        for definitie in json_schema(naam).get("$defs", {}):  # type: ignore[arg-type]
            assert definitie not in gezien, (definitie, gezien.get(definitie), naam)
            gezien[definitie] = naam


def test_the_casus_schema_states_what_it_cannot_express() -> None:
    schema = json_schema("casus")
    assert "dubbele_id" in schema["description"]
    assert "onbekende_betrokkene" in schema["description"]
    assert "dubbele_sleutel" in schema["description"]


def test_error_records_validate_and_list_every_code() -> None:
    validator = _validator("foutregel")
    assert validator.schema["$defs"]["Foutcode"]["enum"] == list(CODES)
    invoer = "\n".join(SLECHTE_REGELS)
    code, uit, _ = cli("evaluate", "-", "--peildatum", "2024-06-01", stdin=invoer + "\n")
    assert code == 1
    regels = [json.loads(r) for r in uit.splitlines()]
    assert len(regels) == 6
    for record in regels:
        assert validator.is_valid(record), record
        assert "fouten" in record
    assert regels[0]["casus_id"] == "a"
    assert regels[5]["casus_id"] == "d"
    assert regels[5]["fouten"][0]["veld"] == "signalen[0].datum"


def test_kaders_register_and_proces_output_validate(tmp_path: Path) -> None:
    code, uit, _ = cli("kaders", "--format", "json")
    assert code == 0
    _validator("kaders").validate(json.loads(uit))
    code, uit, _ = cli("kaders", "--beroepsgroepen", "--format", "json")
    assert code == 0
    registry = json.loads(uit)
    _validator("beroepsgroepen").validate(registry)
    assert len(registry["beroepsgroepen"]) > 30
    assert "gezondheidszorg" in registry["sectoren"]
    gecodeerd = [b for b in registry["beroepsgroepen"] if b["status"] == "gecodeerd"]
    assert all(b["kader_naam"] for b in gecodeerd)
    events = tmp_path / "events.jsonl"
    regels = [
        {"casus_id": "c1", "id": "e1", "soort": "signaal_vastgelegd", "datum": "2024-03-01"},
        {
            "casus_id": "c1",
            "soort": "gesprek_niet_gevoerd",
            "datum": "2024-03-02",
            "reden": "veiligheid_client",
        },
        {"casus_id": "c1", "soort": "besluit_genomen", "datum": "2024-03-03", "melden": "ja"},
        {"casus_id": "c1", "soort": "afgesloten", "datum": "2024-03-04"},
    ]
    gebeurtenis = _validator("gebeurtenis")
    for regel in regels:
        gebeurtenis.validate(regel)
    events.write_text("".join(json.dumps(r) + "\n" for r in regels), encoding="utf-8")
    termijnen = tmp_path / "termijnen.json"
    termijnen.write_text('{"overleg": 5, "afsluiten": 30}', encoding="utf-8")
    _validator("termijnen").validate(json.loads(termijnen.read_text()))
    code, uit, fout = cli(
        "proces",
        str(events),
        "--format",
        "json",
        "--termijnen",
        str(termijnen),
        "--peildatum",
        "2024-03-20",
    )
    assert code == 0, fout
    _validator("proces").validate(json.loads(uit))


@pytest.mark.parametrize(
    "gebeurtenis",
    [
        {"casus_id": "c", "soort": "gesprek_niet_gevoerd", "datum": "2024-03-02"},
        {"casus_id": "c", "soort": "signaal_vastgelegd", "datum": "2024-03-02", "melden": "ja"},
        {"casus_id": "c", "soort": "besluit_genomen", "datum": "2024-03-02"},
        {"casus_id": "c", "soort": "signaal_vastgelegd", "datum": "2024-03-02", "hulp": "ja"},
    ],
)
def test_the_event_schema_expresses_the_rules_across_fields(gebeurtenis: dict[str, str]) -> None:
    """The schema refuses what the library refuses (the CLI is no more lenient, nor less)."""
    assert not _validator("gebeurtenis").is_valid(gebeurtenis)
    with pytest.raises(InputError) as fout:
        validate_gebeurtenis(gebeurtenis)
    assert fout.value.fouten[0].code == "combinatie_ongeldig"


def test_load_kader_is_unchanged() -> None:
    assert load_kader("basis", date(2024, 6, 1)).versie.versie == "2019"
