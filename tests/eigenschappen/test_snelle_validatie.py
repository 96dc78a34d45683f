"""The fast paths of the input edge accept nothing the strict path refuses, and give the same.

- :func:`meldcode_rules.snelle_validatie.snelle_casus` against ``Casus.model_validate``: on
  valid and invalid plain dicts, whatever the fast path returns, the model accepts, and
  gives an equal casus with the same fields set (at every level). Valid answers-only
  dicts of plain text always take the fast path (else it would be dead weight).
- :func:`meldcode_rules.stroom.snel_object` against the strict parser
  :func:`meldcode_rules.stroom.lees_json`: on JSON texts with duplicate keys, escapes,
  ``NaN``, nesting and junk, whatever the fast path returns, the strict parser returns
  too (and does not refuse).

The strategies draw from the models themselves (field names, enum values), so a field
added by a kader change is exercised without editing this file.
"""

from __future__ import annotations

import io
import json
from enum import Enum, StrEnum
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from meldcode_rules.casus import Antwoorden, Casus
from meldcode_rules.errors import InputError
from meldcode_rules.logica import Waarde
from meldcode_rules.snelle_validatie import (
    ACTIEF,
    REDEN,
    snel_gelezen,
    snelle_casus,
    snelle_regel,
)
from meldcode_rules.stroom import (
    Casusregel,
    Foutregel,
    Limieten,
    blokken,
    casusregel,
    lees_json,
    regels,
    snel_object,
)
from meldcode_rules.testing import strategies


class _Ander(StrEnum):
    JA = "ja"


_ANTWOORDNAMEN = [n for n, info in Antwoorden.model_fields.items() if info.annotation is Waarde]
"""The six answers (``twijfel``, the seventh field, is the model's: see below)."""
_CASUSVELDEN = list(Casus.model_fields)
_WAARDEN = [w.value for w in Waarde]

ids = st.one_of(
    st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}\Z"),
    st.sampled_from(["", "a\n", "a b", "é", "-a", "a" * 65, "a" * 64, "x:y.z_1-2"]),
    st.integers(),
    st.none(),
)
antwoordwaarden = st.one_of(
    st.sampled_from(_WAARDEN),
    st.sampled_from([*Waarde, _Ander.JA, "JA", "twijfel", "", " ja", 1, True, None, 0.5]),
    st.text(max_size=3),
)
antwoorden = st.one_of(
    st.dictionaries(st.sampled_from(_ANTWOORDNAMEN), antwoordwaarden, max_size=7),
    st.dictionaries(
        st.one_of(st.sampled_from(_ANTWOORDNAMEN), st.text(max_size=4)),
        antwoordwaarden,
        max_size=3,
    ),
    st.builds(
        lambda a, t: {**a, "twijfel": t},
        st.dictionaries(st.sampled_from(_ANTWOORDNAMEN), st.sampled_from(_WAARDEN), max_size=3),
        st.one_of(st.lists(st.sampled_from(_ANTWOORDNAMEN), max_size=3), antwoordwaarden),
    ),
    st.just([]),
    st.none(),
    st.just(Antwoorden()),
)
andere_waarden = st.one_of(st.none(), st.just([]), st.just({}), st.integers(), st.text(max_size=3))


@st.composite
def casus_dicts(draw: st.DrawFn) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    if draw(st.booleans()) or draw(st.booleans()):
        uit["id"] = draw(ids)
    if draw(st.booleans()):
        uit["antwoorden"] = draw(antwoorden)
    for veld in draw(st.lists(st.sampled_from(_CASUSVELDEN), max_size=2)):
        if veld not in uit:
            uit[veld] = draw(andere_waarden)
    if draw(st.integers(0, 9)) == 0:
        uit[draw(st.text(max_size=4))] = draw(andere_waarden)
    return uit


geldige_antwoorden_dicts = st.builds(
    lambda i, a: {"id": i, "antwoorden": a} if a is not None else {"id": i},
    st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}\Z"),
    st.one_of(
        st.none(),
        st.dictionaries(st.sampled_from(_ANTWOORDNAMEN), st.sampled_from(_WAARDEN)),
    ),
)


def _gelijk(snel: BaseModel, model: BaseModel) -> None:
    assert type(snel) is type(model)
    assert snel == model
    assert snel.model_fields_set == model.model_fields_set
    assert snel.model_dump_json() == model.model_dump_json()
    for naam in type(model).model_fields:
        a, b = getattr(snel, naam), getattr(model, naam)
        if isinstance(b, BaseModel):
            _gelijk(a, b)
        elif isinstance(b, Enum):
            assert a is b


def test_the_fast_path_is_on_for_the_shipped_models() -> None:
    assert ACTIEF, f"the fast path switched itself off: {REDEN}"


@given(casus_dicts())
def test_what_the_fast_path_accepts_the_model_accepts_and_gives(gegevens: dict[str, Any]) -> None:
    snel = snelle_casus(gegevens)
    try:
        model = Casus.model_validate(gegevens)
    except ValidationError:
        assert snel is None, f"the fast path accepted what the model refuses: {gegevens!r}"
        return
    if snel is not None:
        _gelijk(snel, model)


@given(geldige_antwoorden_dicts)
def test_answers_only_casussen_take_the_fast_path(gegevens: dict[str, Any]) -> None:
    snel = snelle_casus(gegevens)
    assert snel is not None
    _gelijk(snel, Casus.model_validate(gegevens))
    assert snelle_casus(gegevens) == snel  # and again, from the table of answers seen


@pytest.mark.parametrize(
    "gegevens",
    [
        {"id": "a", "antwoorden": {"vermoeden": _Ander.JA}},
        {"id": "a", "antwoorden": {"vermoeden": "JA"}},
        {"id": "a\n"},
        {"id": "a", "antwoorden": None},
        {"id": "a", "signalen": None},
        {"id": "a", "antwoorden": {"vermoeden": "ja", "x": "ja"}},
        {"id": "a", "antwoorden": {"twijfel": ["vermoeden"]}},
        {"id": "a", "antwoorden": {"twijfel": []}},
        {"antwoorden": {}},
    ],
)
def test_the_fast_path_leaves_the_unusual_to_the_model(gegevens: dict[str, Any]) -> None:
    assert snelle_casus(gegevens) is None


# -- JSON text ----------------------------------------------------------------------------

sleutels = st.one_of(
    st.sampled_from(["id", "antwoorden", "vermoeden", "a", "", ": x", " :", "k\\"]),
    st.text(max_size=4),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.sampled_from([":", ' ":', '\\"', "\\", "\u2028"]),
)


def _objecten(kinderen: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    paren = st.lists(st.tuples(sleutels, kinderen), max_size=4)
    return st.one_of(st.lists(kinderen, max_size=3), paren.map(lambda p: ("obj", p)))


json_waarden = st.recursive(scalars, _objecten, max_leaves=12)


def _tekst(waarde: Any, spatie: str) -> str:
    """JSON text of a value in which an object is a list of pairs (duplicates possible)."""
    if isinstance(waarde, tuple) and waarde[:1] == ("obj",):
        delen = [f"{json.dumps(k)}{spatie}:{spatie}{_tekst(v, spatie)}" for k, v in waarde[1]]
        return "{" + f",{spatie}".join(delen) + "}"
    if isinstance(waarde, list):
        return "[" + ",".join(_tekst(v, spatie) for v in waarde) + "]"
    return json.dumps(waarde, ensure_ascii=False)


@given(
    st.lists(st.tuples(sleutels, json_waarden), max_size=5),
    st.sampled_from(["", " ", "\n", "\t "]),
    st.booleans(),
)
def test_the_fast_json_path_gives_what_the_strict_parser_gives(
    paren: list[tuple[str, Any]], spatie: str, als_bytes: bool
) -> None:
    tekst = _tekst(("obj", paren), spatie)
    snel = snel_object(tekst.encode() if als_bytes else tekst)
    try:
        strikt = lees_json(tekst)
    except InputError:
        assert snel is None, f"the fast path accepted what the strict parser refuses: {tekst!r}"
        return
    if snel is not None:
        assert snel == strikt
        assert json.dumps(snel) == json.dumps(strikt)


@pytest.mark.parametrize(
    "tekst",
    [
        '{"id": "a", "id": "b"}',
        '{"a": {"b": 1, "b": 1}}',
        '{"a": [{"b": 1}, {"c": 1, "c": 2}]}',
        '{"a": "x", ": y": 1, "a": 2}',
        '{"a": NaN}',
        '{"a": 1e999}',
        '{"a": "\\u0041", "a": 1}',
        '{"a": 1} {"b": 2}',
        "[]",
    ],
)
def test_the_fast_json_path_refuses_what_it_must(tekst: str) -> None:
    assert snel_object(tekst) is None
    assert snel_object(tekst.encode()) is None


@given(casus_dicts())
def test_the_json_variant_accepts_only_what_the_model_accepts(gegevens: dict[str, Any]) -> None:
    try:
        uit_json = json.loads(json.dumps(gegevens))
    except (TypeError, ValueError):
        return  # not JSON (a model instance, an enum of another kind): not from a parser
    snel = snelle_casus(uit_json, uit_json=True)
    try:
        model = Casus.model_validate(uit_json)
    except ValidationError:
        assert snel is None
        return
    if snel is not None:
        _gelijk(snel, model)


# -- one line of JSON Lines, and lines a block at a time ----------------------------------


def _regel_tekst(gegevens: dict[str, Any], spatie: str, dubbel: bool) -> bytes:
    paren = list(gegevens.items())
    if dubbel and paren:
        paren.append(paren[0])
    delen = []
    for k, v in paren:
        if isinstance(v, dict):
            binnen = [(a, b) for a, b in v.items()]
            if dubbel and binnen:
                binnen.append(binnen[-1])
            v_tekst = "{" + ",".join(f"{json.dumps(a)}:{spatie}{json.dumps(b)}" for a, b in binnen)
            v_tekst += "}"
        else:
            v_tekst = json.dumps(v)
        delen.append(f"{json.dumps(k)}{spatie}:{spatie}{v_tekst}")
    return ("{" + f",{spatie}".join(delen) + "}").encode()


def _als_json(casus: Casus) -> dict[str, Any]:
    """A valid casus as the plain JSON a system sends (only the fields it set)."""
    return cast("dict[str, Any]", json.loads(casus.model_dump_json(exclude_unset=True)))


@given(
    st.one_of(
        casus_dicts(),
        geldige_antwoorden_dicts,
        strategies.casussen().map(_als_json),
        st.dictionaries(st.sampled_from(["id", "signalen", "x"]), st.integers() | st.text()),
    ),
    st.sampled_from(["", " ", "\t"]),
    st.booleans(),
)
def test_a_fast_line_is_what_the_strict_reader_makes_of_it(
    gegevens: dict[str, Any], spatie: str, dubbel: bool
) -> None:
    """An answers-only line read fast is the strict reader's casus; any other object that
    :func:`snel_gelezen` parsed, :func:`casusregel` takes as is: the same record as anew."""
    try:
        ruw = _regel_tekst(gegevens, spatie, dubbel)
    except (TypeError, ValueError):
        return
    snel = snel_gelezen(ruw)
    strikt = casusregel(3, ruw, Limieten(signalen=4))
    if isinstance(snel, tuple):
        assert snelle_regel(ruw) == snel
        assert isinstance(strikt, Casusregel), f"fast path took a line the reader refuses: {ruw!r}"
        assert strikt.casus.id == snel[0]
        _gelijk(snel[1], strikt.casus.antwoorden)
        return
    assert snelle_regel(ruw) is None
    if snel is None:
        return
    met = casusregel(3, ruw, Limieten(signalen=4), geladen=snel)
    assert type(met) is type(strikt)
    if isinstance(met, Casusregel):
        assert isinstance(strikt, Casusregel)
        assert met.casus == strikt.casus
        assert met.casus.model_fields_set == strikt.casus.model_fields_set
    else:
        assert isinstance(strikt, Foutregel)
        assert met.als_json() == strikt.als_json()


@given(
    st.lists(
        st.sampled_from([b"ab", b"abc\r", b"", b"x" * 9, b"\r", b"\n", b'{"id": "a"}']), max_size=8
    ).map(b"".join),
    st.integers(1, 12),
    st.integers(1, 7),
)
def test_blocks_give_the_lines_of_the_line_reader(data: bytes, grens: int, stap: int) -> None:
    class Brokken(io.BytesIO):
        def read1(self, size: int = -1) -> bytes:
            return super().read1(stap)

    def vorm(r: bytes | InputError) -> bytes | str:
        return r if isinstance(r, bytes) else r.fouten[0].code

    limieten = Limieten(regel=grens)
    verwacht = [(n, vorm(r)) for n, r in regels(io.BytesIO(data), limieten)]
    gekregen = [(n, vorm(r)) for blok in blokken(Brokken(data), limieten) for n, r in blok]
    assert gekregen == verwacht


@given(geldige_antwoorden_dicts, ids)
def test_the_after_validators_do_not_depend_on_the_id(
    gegevens: dict[str, Any], casus_id: object
) -> None:
    """The fast line path runs the model's after-validators once per set of answers."""
    ander = {**gegevens, "id": casus_id}
    try:
        Casus.model_validate(ander)
    except ValidationError as fout:
        fouten = fout.errors()
    else:
        fouten = []
    # Only the id itself may be at fault, never the answers with another id.
    assert all(e["loc"][:1] == ("id",) for e in fouten)
