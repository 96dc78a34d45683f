"""The fast path of validation: a casus of only an id and answers, without pydantic's round trip.

Most casussen a case-management system sends carry the professional's answers and
nothing else. For those, :func:`snelle_casus` builds the :class:`~meldcode_rules.casus.Casus`
directly: it checks the keys, the id and each answer, and assembles the frozen models as
pydantic would (same field values, same ``model_fields_set``). It never rejects: anything
it is not sure of (another field, an unknown key, a value of another type, an invalid
id) gives ``None``, and the caller validates with the model as always, so every error
still comes from :meth:`Casus.model_validate`, with its codes.

The model's own after-validators (``Casus`` has one, for references between betrokkenen
and signalen) run on every casus :func:`snelle_casus` builds, and once per distinct set of
answers for :func:`snelle_regel` and :func:`snelle_antwoorden`, which build no casus: an
answers-only casus differs from the next only in its id, and a test holds the
validators to the same verdict whatever the id
(``test_the_after_validators_do_not_depend_on_the_id``).

Everything it checks is read from the models when this module is imported: the id's
pattern, the names of the answers, the values each one takes (its enum), the defaults.
A field of the answers that is not an enum (``twijfel``) is left to the model: an input
that gives it is validated by pydantic; one that does not gets its default, and the
answers' own after-validators run on what this path builds. When the models hold
something this path does not understand (a validator before or around validation, a
required field besides the id, a default that is not plain, ...) the path switches
itself off (:data:`ACTIEF` is false) and validation is pydantic's alone; a test holds it on
for the shipped models. ``tests/eigenschappen/test_snelle_validatie.py`` proves with
hypothesis, on valid and invalid inputs, that whatever it accepts the model accepts, and
gives an equal model with the same fields set.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import TYPE_CHECKING, Any, Final

from meldcode_rules.casus import Antwoorden, Casus
from meldcode_rules.stroom import BOM, snel_laden_bytes

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import BaseModel

__all__ = [
    "ACTIEF",
    "REDEN",
    "snel_gelezen",
    "snelle_antwoorden",
    "snelle_casus",
    "snelle_regel",
]


def _patroon(model: type[BaseModel], veld: str) -> re.Pattern[str] | None:
    """The pattern of a plain ``str`` field with only a pattern constraint (else ``None``)."""
    info = model.model_fields[veld]
    if info.annotation is not str or not info.is_required():
        return None
    patronen = [getattr(m, "pattern", None) for m in info.metadata]
    if len(info.metadata) != 1 or not isinstance(patronen[0], str):
        return None
    tekst = patronen[0]
    # pydantic's default engine (Rust's regex) reads ^ and $ as the start and the end of
    # the text; Python's $ would also match before a final newline, so match the whole
    # text instead, and only for patterns of the plain form ^...$ with ASCII classes.
    if not (tekst.startswith("^") and tekst.endswith("$")) or "\\" in tekst:
        return None
    if model.model_config.get("regex_engine", "rust-regex") != "rust-regex":
        return None
    return re.compile(tekst[1:-1], re.ASCII)


def _keuzes(model: type[BaseModel]) -> tuple[dict[str, dict[str, Enum]], frozenset[str]] | None:
    """Per enum field of an answers model: its values by text; and the other fields' names.

    The other fields (e.g. ``twijfel``) are not read here: an input that gives one goes to
    the model. Each must still have a plain default, which the path fills in; ``None``: a
    field is required, has no plain default, or there is no enum answer at all.
    """
    uit: dict[str, dict[str, Enum]] = {}
    anders: set[str] = set()
    for naam, info in model.model_fields.items():
        if info.is_required() or info.default_factory is not None:
            return None
        soort = info.annotation
        if (
            isinstance(soort, type)
            and issubclass(soort, Enum)
            and issubclass(soort, str)
            and not info.metadata
            and isinstance(info.default, soort)
        ):
            uit[naam] = {lid.value: lid for lid in soort}
        elif isinstance(info.default, (frozenset, tuple, str, int, type(None))):
            # An immutable default, shared safely between frozen models.
            anders.add(naam)
        else:
            return None
    return (uit, frozenset(anders)) if uit else None


def _na_validators(model: type[BaseModel]) -> tuple[Callable[[Any], Any], ...] | None:
    """The model's ``mode="after"`` model validators (``None``: it has other validators)."""
    d = model.__pydantic_decorators__
    if d.validators or d.field_validators or d.root_validators:
        return None
    uit = []
    for dec in d.model_validators.values():
        if dec.info.mode != "after":
            return None
        uit.append(dec.func)
    return tuple(uit)


def _standaarden(model: type[BaseModel], behalve: set[str]) -> dict[str, Any] | None:
    """The defaults of every field but ``behalve`` (``None``: one is required or a factory)."""
    uit: dict[str, Any] = {}
    for naam, info in model.model_fields.items():
        if naam in behalve:
            continue
        if info.is_required() or info.default_factory is not None:
            return None
        uit[naam] = info.default
    # In the models' field order, as pydantic fills ``__dict__`` (the skipped ones as None).
    return {naam: uit.get(naam) for naam in model.model_fields}


_BEGREPEN_CONFIG: Final = frozenset(
    {"frozen", "extra", "hide_input_in_errors", "use_attribute_docstrings", "title", "defer_build"}
)
"""Model settings that do not change what validation accepts or gives (for this path)."""


def _voorbereid() -> tuple[Any, ...] | str:  # noqa: PLR0911 - one reason each
    """What the path needs, read from the models; or why it is switched off."""
    for model in (Casus, Antwoorden):
        onbekend = set(model.model_config) - _BEGREPEN_CONFIG
        if onbekend:
            return f"{model.__name__} has settings this path does not know: {sorted(onbekend)}"
    if Casus.model_config.get("extra") != "forbid" or Antwoorden.model_config.get("extra") != (
        "forbid"
    ):
        return "the models do not forbid unknown fields"
    if Casus.model_fields.get("antwoorden") is None or Casus.model_fields.get("id") is None:
        return "Casus has no id or no antwoorden"
    if Casus.model_fields["antwoorden"].annotation is not Antwoorden:
        return "Casus.antwoorden is not an Antwoorden"
    if Casus.model_fields["antwoorden"].metadata:
        return "Casus.antwoorden has constraints"
    patroon = _patroon(Casus, "id")
    if patroon is None:
        return "Casus.id is not a string with a plain pattern"
    keuzes = _keuzes(Antwoorden)
    if keuzes is None:
        return "an answer is required, or has no plain default, or none is an enum"
    antwoorden_na = _na_validators(Antwoorden)
    if antwoorden_na is None:
        return "Antwoorden has validators other than model validators after validation"
    na = _na_validators(Casus)
    if na is None:
        return "Casus has validators other than model validators after validation"
    standaarden = _standaarden(Casus, {"id"})
    if standaarden is None:
        return "Casus has a required field besides id"
    if not isinstance(standaarden["antwoorden"], Antwoorden):
        return "the default antwoorden is not an Antwoorden"
    antwoord_standaarden = {n: i.default for n, i in Antwoorden.model_fields.items()}
    return patroon, keuzes[0], na, antwoorden_na, standaarden, antwoord_standaarden


_VOORBEREID: Final = _voorbereid()
ACTIEF: Final = not isinstance(_VOORBEREID, str)
"""Whether the fast path is on (the models are what it understands)."""
REDEN: Final = _VOORBEREID if isinstance(_VOORBEREID, str) else ""
"""Why the fast path is off (empty when it is on)."""

if not isinstance(_VOORBEREID, str):
    _ID, _KEUZES, _NA, _ANTWOORDEN_NA, _STANDAARDEN, _ANTWOORD_STANDAARDEN = _VOORBEREID
    _ID_PAST: Final = _ID.fullmatch
    _ALLEEN_ID: Final = frozenset({"id"})
    _ID_EN_ANTWOORDEN: Final = frozenset({"id", "antwoorden"})
    _ANTWOORDNAMEN: Final = frozenset(_KEUZES)
    _STANDAARD_ANTWOORDEN: Final = (
        _STANDAARDEN["antwoorden"],
        tuple(getattr(_STANDAARDEN["antwoorden"], naam) for naam in _KEUZES),
    )


def _model(cls: type[BaseModel], velden: dict[str, Any], gezet: set[str]) -> Any:  # noqa: ANN401
    """A model instance from values that are valid already, as pydantic assembles one."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", velden)
    object.__setattr__(obj, "__pydantic_fields_set__", gezet)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


_PROEF_ID: Final = "x"
"""The id the after-validators see when a set of answers is first checked (see below)."""

_GEZIEN: dict[tuple[tuple[str, object], ...], tuple[Antwoorden, tuple[Enum, ...]] | None] = {}
"""Answers seen before, by their items in the order given (frozen models, so shareable)."""
_MAX_GEZIEN: Final = 8192


def _antwoorden_bouwen(gegeven: dict[str, Any]) -> tuple[Antwoorden, tuple[Enum, ...]] | None:
    if not gegeven.keys() <= _ANTWOORDNAMEN:
        return None
    velden = dict(_ANTWOORD_STANDAARDEN)
    for naam, waarde in gegeven.items():
        lid = _KEUZES[naam].get(waarde) if type(waarde) is str else None
        if lid is None:
            return None
        velden[naam] = lid
    antwoorden: Antwoorden = _model(Antwoorden, velden, set(gegeven))
    try:
        for validator in _ANTWOORDEN_NA:
            antwoorden = validator(antwoorden)
    except Exception:  # noqa: BLE001 - the model will name the error
        return None
    if _NA and _casus(_PROEF_ID, antwoorden) is None:
        # The model's after-validators refuse these answers: the model names why.
        return None
    return antwoorden, tuple(velden[naam] for naam in _KEUZES)


def _antwoorden(gegeven: object, uit_json: bool) -> tuple[Antwoorden, tuple[Enum, ...]] | None:  # noqa: FBT001
    """The answers model and its enum answers in field order, for a dict of answers as text."""
    if type(gegeven) is not dict:
        return None
    if not uit_json:
        # Only plain text is read here: an enum member (of any enum) of the same text
        # would find the table below by equality, so it is sent to the model first.
        for waarde in gegeven.values():
            if type(waarde) is not str:
                return None
    sleutel = tuple(gegeven.items())
    try:
        return _GEZIEN[sleutel]
    except KeyError:
        pass
    except TypeError:  # an unhashable value: the model names it
        return None
    gebouwd = _antwoorden_bouwen(gegeven)
    if len(_GEZIEN) >= _MAX_GEZIEN:
        _GEZIEN.clear()
    _GEZIEN[sleutel] = gebouwd
    return gebouwd


def _id_en_antwoorden(
    gegevens: object,
    uit_json: bool = False,  # noqa: FBT001, FBT002 - hot path
) -> tuple[str, Antwoorden, tuple[Enum, ...]] | None:
    if not ACTIEF or type(gegevens) is not dict:
        return None
    sleutels = gegevens.keys()
    antwoorden: tuple[Antwoorden, tuple[Enum, ...]] | None
    if sleutels == _ALLEEN_ID:
        antwoorden = _STANDAARD_ANTWOORDEN
    elif sleutels == _ID_EN_ANTWOORDEN:
        antwoorden = _antwoorden(gegevens["antwoorden"], uit_json)
        if antwoorden is None:
            return None
    else:
        return None
    casus_id = gegevens["id"]
    if type(casus_id) is not str or _ID_PAST(casus_id) is None:
        return None
    return casus_id, antwoorden[0], antwoorden[1]


def snelle_casus(gegevens: object, *, uit_json: bool = False) -> Casus | None:
    """The valid casus of a plain dict with only ``id`` and ``antwoorden``; else ``None``.

    ``None`` means: not decided here, validate with the model. A casus returned is equal
    to ``Casus.model_validate(gegevens)``, with the same fields set. ``uit_json``: the dict
    was parsed from JSON (its values are plain JSON values), which skips a type check.
    """
    gevonden = _id_en_antwoorden(gegevens, uit_json)
    return None if gevonden is None else _casus(gevonden[0], gevonden[1])


def _casus(casus_id: str, antwoorden: Antwoorden) -> Casus | None:
    """The casus of a valid id and answers, after the model's own after-validators."""
    velden = dict(_STANDAARDEN)
    velden["id"] = casus_id
    velden["antwoorden"] = antwoorden
    gezet = {"id"} if antwoorden is _STANDAARD_ANTWOORDEN[0] else {"id", "antwoorden"}
    casus: Casus = _model(Casus, velden, gezet)
    try:
        for validator in _NA:
            casus = validator(casus)
    except Exception:  # noqa: BLE001 - the model will name the error
        return None
    return casus


def snelle_antwoorden(gegevens: object, *, uit_json: bool = False) -> tuple[str, Antwoorden] | None:
    """The id and the answers of an answers-only casus, as :func:`snelle_casus` reads them.

    For a caller that needs no :class:`Casus` object (the engine's JSON path): the same
    checks, the same answers model, without assembling the casus.
    """
    gevonden = _id_en_antwoorden(gegevens, uit_json)
    if gevonden is None or (gevonden[1] is _STANDAARD_ANTWOORDEN[0] and not _STANDAARD_GELDIG):
        return None
    return gevonden[0], gevonden[1]


def snelle_regel(ruw: bytes) -> tuple[str, Antwoorden] | None:
    """One line of JSON Lines that holds an answers-only casus: its id and answers; else ``None``.

    ``None``: read the line with :func:`meldcode_rules.stroom.casusregel`, which names any
    error. See :func:`snel_gelezen`, which also hands on the parsed object of other lines.
    """
    gelezen = snel_gelezen(ruw)
    return gelezen if type(gelezen) is tuple else None


def snel_gelezen(ruw: bytes) -> tuple[str, Antwoorden] | dict[str, Any] | None:  # noqa: PLR0911
    """A line of JSON Lines read on the fast path: an answers-only casus, or the parsed object.

    The whole input edge in one step for the most common line: the JSON is parsed on the
    fast path (:mod:`meldcode_rules.stroom`), the casus checked as :func:`snelle_casus`
    does, and no key may occur twice; then the result is the id and the answers. For that
    last check the strings are counted: in a line without backslashes every ``"`` opens or
    closes a string, and a key given twice is a string more in the text than in the parsed
    value (the keys, the id, the answers), so the quotes must number exactly twice the
    strings of the parsed casus.

    Any other line that parses to a JSON object gives that object, as parsed and not yet
    checked further (keys given twice included): :func:`meldcode_rules.stroom.casusregel`
    takes it as ``geladen`` and does not parse the line again. ``None``: the line is left
    to the strict reader (a backslash, a byte order mark, not a JSON object).
    """
    if b"\\" in ruw or ruw.startswith(BOM) or not ACTIEF:
        return None
    try:
        gegevens = snel_laden_bytes(ruw)
    except (ValueError, RecursionError):
        return None
    # _id_en_antwoorden, written out: this runs once per line of a stream.
    if type(gegevens) is not dict:
        return None
    sleutels = gegevens.keys()
    if sleutels == _ID_EN_ANTWOORDEN:
        gegeven = gegevens["antwoorden"]
        if type(gegeven) is not dict:
            return gegevens
        try:
            antwoorden = _GEZIEN[tuple(gegeven.items())]
        except (KeyError, TypeError):
            antwoorden = _antwoorden(gegeven, uit_json=True)
        if antwoorden is None:
            return gegevens
        strings = 3 + 2 * len(gegeven)
    elif sleutels == _ALLEEN_ID and _STANDAARD_GELDIG:
        antwoorden = _STANDAARD_ANTWOORDEN
        strings = 2
    else:
        return gegevens
    casus_id = gegevens["id"]
    if type(casus_id) is not str or _ID_PAST(casus_id) is None or ruw.count(b'"') != 2 * strings:
        return gegevens
    return casus_id, antwoorden[0]


_STANDAARD_GELDIG: Final = ACTIEF and _casus(_PROEF_ID, _STANDAARD_ANTWOORDEN[0]) is not None
"""Whether the model's after-validators accept a casus with only an id."""
