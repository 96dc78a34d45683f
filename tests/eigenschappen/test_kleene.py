"""Kleene's strong three-valued logic and the protective merge, proved over all values."""

from __future__ import annotations

import itertools

import pytest

from meldcode_rules.logica import JA, NEE, ONBEKEND, Richting, Waarde, beschermend, en, niet, of

W = (JA, NEE, ONBEKEND)
PAREN = list(itertools.product(W, repeat=2))
DRIETALLEN = list(itertools.product(W, repeat=3))
RANG = {NEE: 0, ONBEKEND: 1, JA: 2}


def test_truth_tables_agree_with_min_and_max() -> None:
    for a, b in PAREN:
        assert RANG[en(a, b)] == min(RANG[a], RANG[b])
        assert RANG[of(a, b)] == max(RANG[a], RANG[b])
    assert niet(ONBEKEND) is ONBEKEND
    assert niet(JA) is NEE


@pytest.mark.parametrize(("a", "b"), PAREN)
def test_commutative_de_morgan_absorption(a: Waarde, b: Waarde) -> None:
    assert en(a, b) == en(b, a)
    assert of(a, b) == of(b, a)
    assert niet(en(a, b)) == of(niet(a), niet(b))
    assert niet(of(a, b)) == en(niet(a), niet(b))
    assert en(a, of(a, b)) == a
    assert of(a, en(a, b)) == a
    assert (a & b) == en(a, b)
    assert (a | b) == of(a, b)


@pytest.mark.parametrize(("a", "b", "c"), DRIETALLEN)
def test_associative_and_distributive(a: Waarde, b: Waarde, c: Waarde) -> None:
    assert en(a, en(b, c)) == en(en(a, b), c)
    assert of(a, of(b, c)) == of(of(a, b), c)
    assert en(a, of(b, c)) == of(en(a, b), en(a, c))
    assert of(a, en(b, c)) == en(of(a, b), of(a, c))


def test_identities_and_involution() -> None:
    for a in W:
        assert niet(niet(a)) == a
        assert en(a, JA) == a
        assert of(a, NEE) == a
        assert en(a) == a
    assert en() is JA
    assert of() is NEE
    # The law of the excluded middle does not hold for onbekend: that is the point.
    assert of(ONBEKEND, niet(ONBEKEND)) is ONBEKEND


def test_kleene_is_monotone_in_the_information_order() -> None:
    """Resolving an onbekend operand never changes a known result (the heart of 'onbepaald')."""
    for a, b in PAREN:
        for f in (en, of):
            uit = f(a, b)
            if uit is ONBEKEND:
                continue
            for ra in (JA, NEE) if a is ONBEKEND else (a,):
                for rb in (JA, NEE) if b is ONBEKEND else (b,):
                    assert f(ra, rb) == uit


@pytest.mark.parametrize("richting", list(Richting))
def test_protective_merge_never_loses_protection(richting: Richting) -> None:
    beschermt = JA if richting is Richting.JA_BESCHERMT else NEE
    orde = [beschermt, ONBEKEND, niet(beschermt)]
    for a, b in PAREN:
        uit = beschermend(a, b, richting)
        assert uit == beschermend(b, a, richting)
        assert orde.index(uit) == min(orde.index(a), orde.index(b))
        assert beschermend(uit, uit, richting) == uit
