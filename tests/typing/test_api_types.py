"""Pinned types of the public API, checked by ``mypy`` (see [tool.mypy] files) and run by pytest."""

from __future__ import annotations

from datetime import date
from typing import assert_type

from meldcode_rules import Casus, InputError, Uitkomst, Waarde, evaluate, evaluate_many
from meldcode_rules.uitkomst import AfwegingUitkomst, HulpBeslissing, MeldBeslissing


def test_evaluate_types() -> None:
    uitkomst = evaluate({"id": "c"}, kader="basis", peildatum=date(2024, 1, 1))
    assert_type(uitkomst, Uitkomst)
    assert_type(uitkomst.melden, MeldBeslissing)
    assert_type(uitkomst.hulp, HulpBeslissing)
    assert_type(uitkomst.afwegingen["vermoeden"], AfwegingUitkomst)
    assert_type(uitkomst.afwegingen["vermoeden"].waarde, Waarde)
    assert uitkomst.melden == "onbepaald"


def test_evaluate_many_types() -> None:
    for item in evaluate_many([Casus(id="a"), {"id": "b c"}], peildatum=date(2024, 1, 1)):
        assert_type(item, Uitkomst | InputError)


def test_evaluate_many_json_types() -> None:
    for item in evaluate_many([{"id": "a"}], peildatum=date(2024, 1, 1), als_json=True):
        assert_type(item, str | InputError)
        assert isinstance(item, str)
