"""JSON Schemas of the JSON contract, for systems in other languages.

Every document the ``meldcode`` command reads or writes has a schema here (JSON Schema
2020-12), each with an ``$id`` that carries the contract version
(:data:`~meldcode_rules.contract.CONTRACT_VERSIE`):

========================  ==============================================================
``casus``                 input of ``evaluate``/``explain``: one casus
``uitkomst``              output of ``evaluate``: one outcome (per line in JSON Lines)
``foutregel``             output of ``evaluate`` in place of a line that was bad
``gebeurtenis``           input of ``proces``: one event per line
``termijnen``             input of ``proces --termijnen``
``proces``                output of ``proces --format json``
``kaders``                output of ``kaders --format json``
``beroepsgroepen``        output of ``kaders --beroepsgroepen --format json``
========================  ==============================================================

Output schemas are as tight as the output: every field that is always written is
required (``null`` where it has no value), the six afwegingen and the two beslissingen
are fixed keys, and values are enums, down to the codes of every actie and signalering
the registered kaders can produce (collected from their rules when the schema is
exported). ``$defs`` names are unique across all schemas, so generated types of several
schemas can live in one module. Rules JSON Schema cannot express are stated in the
description of the object they concern; the library enforces them with stable codes.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

from pydantic.json_schema import GenerateJsonSchema

from meldcode_rules.casus import Casus
from meldcode_rules.contract import (
    CONTRACT_VERSIE,
    BeroepsgroepRegister,
    KaderBronnen,
    KaderLijst,
)
from meldcode_rules.errors import CODES
from meldcode_rules.regels import ACTIE, AFWEGINGEN, SIGNALERING
from meldcode_rules.uitkomst import HulpBeslissing, MeldBeslissing, Uitkomst

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import BaseModel

    from meldcode_rules.registry import Registry

__all__ = [
    "ENGINE_SIGNALERINGEN",
    "SCHEMAS",
    "SchemaNaam",
    "codes",
    "json_schema",
    "schema_id",
]

SchemaNaam = Literal[
    "casus",
    "uitkomst",
    "foutregel",
    "gebeurtenis",
    "termijnen",
    "proces",
    "kaders",
    "bronnen",
    "beroepsgroepen",
]
"""The name of a schema of the contract."""
SCHEMAS: Final[tuple[SchemaNaam, ...]] = get_args(SchemaNaam)
"""Every schema of the contract, in the order of the documentation."""

ENGINE_SIGNALERINGEN: Final[tuple[str, ...]] = (
    "onbepaald",
    "tegenstrijdige_regels",
    "verschil_antwoord_kader",
)
"""Signalering codes the engine itself gives (not a kader's rule)."""

_MAJOR: Final = CONTRACT_VERSIE.split(".", maxsplit=1)[0]


def schema_id(naam: SchemaNaam) -> str:
    """The ``$id`` of a schema: a URN with the contract's major version."""
    return f"urn:meldcode-rules:contract:{_MAJOR}:{naam}"


class _ZonderTitels(GenerateJsonSchema):
    """pydantic's generator without a ``title`` on every field (it makes type aliases)."""

    def field_title_should_be_set(self, schema: Any) -> bool:  # noqa: ANN401 - pydantic's type
        """Never: a field is named by its key."""
        del schema
        return False


_MARKUP: Final = (
    (re.compile(r":[a-z]+:`~?(?:[\w.]+\.)?([\w]+)`"), r"\1"),
    (re.compile(r"``([^`]+)``"), r"\1"),
    (re.compile(r"\bNone\b"), "null"),
    (re.compile(r"\bTrue\b"), "true"),
    (re.compile(r"\bFalse\b"), "false"),
)


def _tekst(tekst: str) -> str:
    """A description without Python or reStructuredText markup."""
    for patroon, vervanging in _MARKUP:
        tekst = patroon.sub(vervanging, tekst)
    return tekst


def _schoon(knoop: Any) -> Any:  # noqa: ANN401 - any JSON
    if isinstance(knoop, dict):
        uit = {k: _schoon(v) for k, v in knoop.items()}
        if isinstance(uit.get("description"), str):
            uit["description"] = _tekst(uit["description"])
        return uit
    if isinstance(knoop, list):
        return [_schoon(v) for v in knoop]
    return knoop


def _elk_object(knoop: Any, doe: Callable[[dict[str, Any]], None]) -> None:  # noqa: ANN401 - any JSON
    """Call ``doe`` on every object of a JSON document, each before what it holds."""
    if isinstance(knoop, dict):
        doe(knoop)
        for v in knoop.values():
            _elk_object(v, doe)
    elif isinstance(knoop, list):
        for v in knoop:
            _elk_object(v, doe)


def _hernoem(schema: dict[str, Any], namen: dict[str, str]) -> dict[str, Any]:
    """Rename ``$defs`` (and every ``$ref`` to them)."""
    defs = schema.get("$defs", {})
    schema["$defs"] = {namen.get(k, k): v for k, v in defs.items()}

    def verwijs(knoop: dict[str, Any]) -> None:
        ref = knoop.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            doel = ref.removeprefix("#/$defs/")
            knoop["$ref"] = f"#/$defs/{namen.get(doel, doel)}"

    _elk_object(schema, verwijs)
    return schema


def _alles_verplicht(schema: dict[str, Any]) -> None:
    """Output: every property is always written (null where empty), so every one is required."""

    def verplicht(knoop: dict[str, Any]) -> None:
        if knoop.get("type") == "object" and isinstance(knoop.get("properties"), dict):
            knoop["required"] = list(knoop["properties"])
            for v in knoop["properties"].values():
                if isinstance(v, dict):
                    v.pop("default", None)

    _elk_object(schema, verplicht)


def _model(model: type[BaseModel], modus: Literal["validation", "serialization"]) -> dict[str, Any]:
    return model.model_json_schema(mode=modus, schema_generator=_ZonderTitels)


def _kop(naam: SchemaNaam, schema: dict[str, Any], uitleg: str) -> dict[str, Any]:
    kop: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(naam),
        "$comment": f"meldcode-rules JSON contract {CONTRACT_VERSIE}",
    }
    schema = _schoon(schema)
    if uitleg:
        schema["description"] = f"{schema.get('description', '').rstrip()} {uitleg}".strip()
    return kop | schema


def codes(registry: Registry | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The actie codes and the signalering codes of every version of every registered kader.

    Collected from the kaders' rules (with what they inherit), plus the signaleringen of
    the engine itself (:data:`ENGINE_SIGNALERINGEN`); each sorted.
    """
    from meldcode_rules.registry import default_registry  # noqa: PLC0415 - loads kaders

    reg = registry or default_registry()
    acties: set[str] = set()
    signaleringen: set[str] = set(ENGINE_SIGNALERINGEN)
    for kader in reg.kaders():
        for versie in kader.versies:
            for regel in reg.resolve(kader, versie.geldig_van).regels:
                if regel.doel == ACTIE:
                    acties.add(regel.conclusie)
                elif regel.doel == SIGNALERING:
                    signaleringen.add(regel.conclusie)
    return tuple(sorted(acties)), tuple(sorted(signaleringen))


def _casus() -> dict[str, Any]:
    schema = _model(Casus, "validation")
    uitleg = (
        "Rules JSON Schema cannot express, enforced by the library with these error codes: "
        "the ids of betrokkenen are unique within the casus (dubbele_id); when betrokkenen "
        "is given, every signalen[].over and signalen[].door names one of them "
        "(onbekende_betrokkene); a JSON object may not hold a key twice (dubbele_sleutel). "
        "The command line also refuses more than 10,000 signalen or betrokkenen per casus "
        "and lines over 4 MiB unless --max-signalen and --max-regel say otherwise."
    )
    return _kop("casus", schema, uitleg)


def _uitkomst(registry: Registry | None) -> dict[str, Any]:
    schema = _hernoem(_model(Uitkomst, "serialization"), {"Waarde": "UitkomstWaarde"})
    defs = schema["$defs"]
    acties, signaleringen = codes(registry)
    defs["Afweging"] = {
        "description": "The name of one of the six afwegingen.",
        "enum": list(AFWEGINGEN),
        "type": "string",
    }
    defs["MeldBeslissing"] = {
        "description": "Beslissing 1: is melden bij Veilig Thuis noodzakelijk?",
        "enum": list(get_args(MeldBeslissing)),
        "type": "string",
    }
    defs["HulpBeslissing"] = {
        "description": "Beslissing 2: is zelf hulp bieden of organiseren (ook) mogelijk?",
        "enum": list(get_args(HulpBeslissing)),
        "type": "string",
    }
    defs["ActieCode"] = {
        "description": "The code of an actie, from the rules of the registered kaders.",
        "enum": list(acties),
        "type": "string",
    }
    defs["SignaleringCode"] = {
        "description": "The code of a signalering, from the rules of the registered kaders "
        "and the engine.",
        "enum": list(signaleringen),
        "type": "string",
    }
    afweging = defs["AfwegingUitkomst"]["properties"]
    herkomst = afweging["herkomst"]
    defs["AfwegingHerkomst"] = {k: v for k, v in herkomst.items() if k != "description"}
    afweging["herkomst"] = {
        "$ref": "#/$defs/AfwegingHerkomst",
        "description": herkomst["description"],
    }
    beslissing = defs.pop("BeslissingUitkomst")
    for naam, waarde in (("Meld", "MeldBeslissing"), ("Hulp", "HulpBeslissing")):
        variant = copy.deepcopy(beslissing)
        variant["title"] = f"{naam}BeslissingUitkomst"
        variant["properties"]["waarde"] = {"$ref": f"#/$defs/{waarde}"}
        variant["properties"]["hangt_af_van"]["items"] = {"$ref": "#/$defs/Afweging"}
        defs[f"{naam}BeslissingUitkomst"] = variant
    defs["Actie"]["properties"]["code"] = {"$ref": "#/$defs/ActieCode"}
    signalering = defs["Signalering"]["properties"]
    signalering["code"] = {"$ref": "#/$defs/SignaleringCode"}
    signalering["afweging"] = {
        "anyOf": [{"$ref": "#/$defs/Afweging"}, {"type": "null"}],
        "description": "The afweging it concerns, if any.",
    }
    props = schema["properties"]
    props["melden"] = {"$ref": "#/$defs/MeldBeslissing"}
    props["hulp"] = {"$ref": "#/$defs/HulpBeslissing"}
    props["afwegingen"] = {
        "description": "The six afwegingen, keyed by name, in the order of the flow.",
        "type": "object",
        "properties": {a: {"$ref": "#/$defs/AfwegingUitkomst"} for a in AFWEGINGEN},
        "additionalProperties": False,
    }
    props["beslissingen"] = {
        "description": "melden and hulp with the rules that gave them.",
        "type": "object",
        "properties": {
            "melden": {"$ref": "#/$defs/MeldBeslissingUitkomst"},
            "hulp": {"$ref": "#/$defs/HulpBeslissingUitkomst"},
        },
        "additionalProperties": False,
    }
    _alles_verplicht(schema)
    uitleg = (
        "In JSON Lines output, a line is either this object or an error record (schema "
        "foutregel); only the error record has the key fouten."
    )
    return _kop("uitkomst", schema, uitleg)


def _foutregel() -> dict[str, Any]:
    schema: dict[str, Any] = {
        "title": "Foutregel",
        "description": "The record written in place of a line (or document) that could not be "
        "evaluated. It names fields and codes, never an input value.",
        "type": "object",
        "properties": {
            "lijn": {
                "description": "The line number in the input, from 1 (blank lines count); "
                "null for a single document.",
                "anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}],
            },
            "casus_id": {
                "description": "The casus id, when the line held a valid one (the caller's "
                "own key); else null.",
                "anyOf": [{"type": "string"}, {"type": "null"}],
            },
            "fouten": {
                "description": "What is wrong, one item per field.",
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/FieldError"},
            },
        },
        "required": ["lijn", "casus_id", "fouten"],
        "additionalProperties": False,
        "$defs": {
            "FieldError": {
                "title": "FieldError",
                "type": "object",
                "properties": {
                    "veld": {
                        "description": "The path of the field, e.g. signalen[0].datum; "
                        "<regel> the line as a whole, <json> the JSON value as a whole, "
                        "<invoer> the whole document, <veld> a key that is not a known "
                        "field (its name is not repeated).",
                        "type": "string",
                        "minLength": 1,
                    },
                    "code": {"$ref": "#/$defs/Foutcode"},
                    "bericht": {
                        "description": "A Dutch explanation for people (never a value).",
                        "type": "string",
                    },
                },
                "required": ["veld", "code", "bericht"],
                "additionalProperties": False,
            },
            "Foutcode": {
                "description": "A stable error code: "
                + "; ".join(f"{code}: {tekst}" for code, tekst in CODES.items())
                + ".",
                "enum": list(CODES),
                "type": "string",
            },
        },
    }
    return _kop("foutregel", schema, "")


def _gebeurtenis() -> dict[str, Any]:
    from meldcode_rules.proces.model import Gebeurtenis  # noqa: PLC0415 - optional part

    schema = _hernoem(_model(Gebeurtenis, "validation"), {"RedenGeenGesprek": "GebeurtenisReden"})
    schema["allOf"] = [
        {
            "if": {"properties": {"soort": {"const": "gesprek_niet_gevoerd"}}},
            "then": {"required": ["reden"], "properties": {"reden": {"not": {"type": "null"}}}},
            "else": {"properties": {"reden": {"type": "null"}}},
        },
        {
            "if": {"properties": {"soort": {"const": "besluit_genomen"}}},
            "then": {"required": ["melden"], "properties": {"melden": {"not": {"type": "null"}}}},
            "else": {
                "properties": {"melden": {"type": "null"}, "hulp": {"type": "null"}},
            },
        },
    ]
    uitleg = (
        "Rules JSON Schema cannot express: an event may not be dated before the previous "
        "event of its casus, and must be able to follow the casus' state (ProcesError codes); "
        "an event whose id the casus has already seen is skipped."
    )
    return _kop("gebeurtenis", schema, uitleg)


def _termijnen() -> dict[str, Any]:
    from meldcode_rules.proces.model import Termijnen  # noqa: PLC0415

    return _kop("termijnen", _model(Termijnen, "validation"), "")


def _proces() -> dict[str, Any]:
    from meldcode_rules.proces.model import Overzicht  # noqa: PLC0415

    binnen = _hernoem(
        _model(Overzicht, "serialization"), {"RedenGeenGesprek": "ProcesRedenGeenGesprek"}
    )
    defs = binnen.pop("$defs", {})
    defs["Overzicht"] = binnen
    defs["Verwerkt"] = {
        "title": "Verwerkt",
        "description": "How far the replay got.",
        "type": "object",
        "properties": {
            "regels": {"type": "integer", "minimum": 0, "description": "Lines read."},
            "toegepast": {"type": "integer", "minimum": 0, "description": "Events applied."},
            "al_verwerkt": {
                "type": "integer",
                "minimum": 0,
                "description": "Events skipped: their id was already applied.",
            },
        },
        "additionalProperties": False,
    }
    schema: dict[str, Any] = {
        "title": "ProcesOverzichten",
        "description": "The output of meldcode proces --format json: per casus in the input, "
        "where it stands on the peildatum.",
        "type": "object",
        "properties": {
            "casussen": {"type": "array", "items": {"$ref": "#/$defs/Overzicht"}},
            "verwerkt": {"$ref": "#/$defs/Verwerkt"},
        },
        "additionalProperties": False,
        "$defs": defs,
    }
    _alles_verplicht(schema)
    return _kop("proces", schema, "")


def json_schema(naam: SchemaNaam, registry: Registry | None = None) -> dict[str, Any]:
    """The JSON Schema of one document of the contract (see :data:`SCHEMAS`).

    Args:
        naam: which document.
        registry: for ``uitkomst``: the kaders whose actie and signalering codes are
            listed (default: every installed kader).
    """
    if naam == "uitkomst":
        return _uitkomst(registry)
    maken = {
        "casus": _casus,
        "foutregel": _foutregel,
        "gebeurtenis": _gebeurtenis,
        "termijnen": _termijnen,
        "proces": _proces,
        "kaders": _kaders,
        "bronnen": _bronnen,
        "beroepsgroepen": _beroepsgroepen,
    }.get(naam)
    if maken is None:
        msg = f"onbekend schema (kies uit {', '.join(SCHEMAS)})"
        raise ValueError(msg)
    return maken()


def _kaders() -> dict[str, Any]:
    schema = _model(KaderLijst, "serialization")
    _alles_verplicht(schema)
    return _kop("kaders", schema, "")


def _bronnen() -> dict[str, Any]:
    schema = _hernoem(
        _model(KaderBronnen, "serialization"),
        {"KaderInfo": "BronnenKaderInfo", "BronVerwijzing": "BronnenBron"},
    )
    _alles_verplicht(schema)
    return _kop("bronnen", schema, "")


def _beroepsgroepen() -> dict[str, Any]:
    schema = _model(BeroepsgroepRegister, "serialization")
    _alles_verplicht(schema)
    return _kop("beroepsgroepen", schema, "")
