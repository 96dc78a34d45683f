"""Kleene three-valued logic and the protective merge."""

from __future__ import annotations

import itertools

import pytest

from meldcode_rules.logica import JA, NEE, ONBEKEND, Richting, Waarde, beschermend, en, niet, of

W = (JA, NEE, ONBEKEND)


def _completions(w: Waarde) -> tuple[bool, ...]:
    return (True,) if w is JA else (False,) if w is NEE else (True, False)


def _kleene_by_resolution(op, a: Waarde, b: Waarde) -> Waarde:
    uitkomsten = {op(x, y) for x in _completions(a) for y in _completions(b)}
    if uitkomsten == {True}:
        return JA
    if uitkomsten == {False}:
        return NEE
    return ONBEKEND


@pytest.mark.parametrize(("a", "b"), list(itertools.product(W, W)))
def test_en_of_equal_resolution_semantics(a: Waarde, b: Waarde) -> None:
    assert en(a, b) == _kleene_by_resolution(lambda x, y: x and y, a, b)
    assert of(a, b) == _kleene_by_resolution(lambda x, y: x or y, a, b)
    assert (a & b) == en(a, b)
    assert (a | b) == of(a, b)


def test_niet() -> None:
    assert niet(JA) is NEE
    assert niet(NEE) is JA
    assert niet(ONBEKEND) is ONBEKEND
    assert ~JA is NEE


def test_empty_and_variadic() -> None:
    assert en() is JA
    assert of() is NEE
    assert en(JA, JA, ONBEKEND) is ONBEKEND
    assert en(JA, NEE, ONBEKEND) is NEE
    assert of(NEE, ONBEKEND, JA) is JA


@pytest.mark.parametrize(
    ("richting", "a", "b", "verwacht"),
    [
        # onveiligheid: ja over onbekend over nee
        (Richting.JA_BESCHERMT, NEE, JA, JA),
        (Richting.JA_BESCHERMT, NEE, ONBEKEND, ONBEKEND),
        (Richting.JA_BESCHERMT, ONBEKEND, JA, JA),
        (Richting.JA_BESCHERMT, NEE, NEE, NEE),
        # hulp: nee over onbekend over ja
        (Richting.NEE_BESCHERMT, JA, NEE, NEE),
        (Richting.NEE_BESCHERMT, JA, ONBEKEND, ONBEKEND),
        (Richting.NEE_BESCHERMT, ONBEKEND, NEE, NEE),
        (Richting.NEE_BESCHERMT, JA, JA, JA),
    ],
)
def test_beschermend_written_out(
    richting: Richting, a: Waarde, b: Waarde, verwacht: Waarde
) -> None:
    assert beschermend(a, b, richting) is verwacht


@pytest.mark.parametrize("richting", list(Richting))
@pytest.mark.parametrize(("a", "b"), list(itertools.product(W, W)))
def test_beschermend_is_commutative_and_never_less_protective(
    richting: Richting, a: Waarde, b: Waarde
) -> None:
    orde = [NEE, ONBEKEND, JA] if richting is Richting.JA_BESCHERMT else [JA, ONBEKEND, NEE]
    samen = beschermend(a, b, richting)
    assert samen == beschermend(b, a, richting)
    assert orde.index(samen) == max(orde.index(a), orde.index(b))
