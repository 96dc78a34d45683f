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


def test_beschermend_onveiligheid_ja_over_onbekend_over_nee() -> None:
    r = Richting.JA_BESCHERMT
    assert beschermend(NEE, JA, r) is JA
    assert beschermend(NEE, ONBEKEND, r) is ONBEKEND
    assert beschermend(ONBEKEND, JA, r) is JA
    assert beschermend(NEE, NEE, r) is NEE


def test_beschermend_hulp_nee_over_onbekend_over_ja() -> None:
    r = Richting.NEE_BESCHERMT
    assert beschermend(JA, NEE, r) is NEE
    assert beschermend(JA, ONBEKEND, r) is ONBEKEND
    assert beschermend(ONBEKEND, NEE, r) is NEE
    assert beschermend(JA, JA, r) is JA


@pytest.mark.parametrize("richting", list(Richting))
@pytest.mark.parametrize(("a", "b"), list(itertools.product(W, W)))
def test_beschermend_is_commutative_and_never_less_protective(
    richting: Richting, a: Waarde, b: Waarde
) -> None:
    orde = [NEE, ONBEKEND, JA] if richting is Richting.JA_BESCHERMT else [JA, ONBEKEND, NEE]
    samen = beschermend(a, b, richting)
    assert samen == beschermend(b, a, richting)
    assert orde.index(samen) == max(orde.index(a), orde.index(b))
