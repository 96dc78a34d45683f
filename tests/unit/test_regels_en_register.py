"""The declaration API and the registry: printing, validation on load, lookups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from meldcode_rules import KaderError, PeildatumError, Registry, evaluate, list_kaders, load_kader
from meldcode_rules.kader import Kader, KaderVersie
from meldcode_rules.regels import Bron, Feit, Is, Minstens, Niet, Regel

BRON = Bron("Uitgever", "Titel", "1", date(2020, 1, 1), "https://voorbeeld.nl", "passage")
# A kader given to a Registry meets the law on load; these two rules are the least that does.
MELDEN = Regel("ok", "melden", "ja", Feit("vermoeden"), BRON, label="x")
NIET_MELDEN = Regel("niet_melden", "melden", "nee", ~Feit("vermoeden"), BRON, label="Niet melden.")


def test_conditions_print_as_dutch_expressions_and_list_their_facts() -> None:
    c = Feit("vermoeden") & (Feit("acute_onveiligheid") | ~Feit("passende_hulp"))
    assert str(c) == "vermoeden en (acute_onveiligheid of niet passende_hulp)"
    assert c.feiten() == {"vermoeden", "acute_onveiligheid", "passende_hulp"}
    assert str(Minstens("aantal_signaaldata", 2)) == "aantal_signaaldata ≥ 2"
    assert str(Niet(Is("melden", "ja"))) == "niet melden is ja"


def test_conditions_are_immutable_and_comparable() -> None:
    a = Feit("vermoeden") & Feit("medewerking")
    assert a == Feit("vermoeden") & Feit("medewerking")
    with pytest.raises(AttributeError):
        a.onderdelen = ()  # type: ignore[misc]


def test_basis_is_found_through_the_entry_point() -> None:
    ids = [k.id for k in list_kaders()]
    assert "basis" in ids
    assert load_kader("basis", date(2020, 1, 1)).versie.versie == "2019"
    assert load_kader("basis", date(2014, 1, 1)).versie.versie == "2013"


def test_unknown_kader_suggests_close_names() -> None:
    with pytest.raises(KaderError) as fout:
        load_kader("basiss", date(2020, 1, 1))
    assert "basis" in str(fout.value)


def test_no_version_before_the_law() -> None:
    with pytest.raises(PeildatumError):
        evaluate({"id": "c"}, peildatum=date(2012, 1, 1))


def _kader(*regels: Regel, **extra) -> Kader:
    versie = KaderVersie(
        versie="1", geldig_van=date(2019, 1, 1), geldig_tot=None, bron=BRON, regels=regels
    )
    return Kader(
        id=extra.pop("id", "proef"),
        naam="Proef",
        sectoren=("onderwijs",),
        beroepsgroepen=(),
        versies=(versie,),
        **extra,
    )


@pytest.mark.parametrize(
    ("regel", "reden"),
    [
        (Regel("r1", "melden", "ja", Feit("bestaat_niet"), BRON, label="x"), "onbekend feit"),
        (Regel("r1", "melden", "misschien", Feit("vermoeden"), BRON, label="x"), "conclusie"),
        (Regel("r1", "vermoeden", "ja", Feit("medewerking"), BRON, label="x"), "mag"),
        (Regel("r1", "melden", "ja", Minstens("vermoeden", 1), BRON, label="x"), "geen aantal"),
        (
            Regel("r1", "melden", "ja", Feit("vermoeden"), replace(BRON, passage=""), label="x"),
            "bron",
        ),
        (Regel("r1", "meldn", "ja", Feit("vermoeden"), BRON, label="x"), "bedoelt u: melden"),
    ],
)
def test_an_invalid_kader_is_reported_by_name_and_skipped(regel: Regel, reden: str) -> None:
    registry = Registry(
        [
            _kader(regel, id="kapot"),
            _kader(MELDEN, NIET_MELDEN),
        ]
    )
    assert [k.id for k in registry.kaders()] == ["proef"]
    [gebroken] = registry.broken()
    assert gebroken.naam == "kapot"
    assert reden in gebroken.reden
    assert "r1" in gebroken.reden


def test_overlapping_versions_are_rejected() -> None:
    v1 = KaderVersie(versie="a", geldig_van=date(2019, 1, 1), geldig_tot=None, bron=BRON)
    v2 = KaderVersie(versie="b", geldig_van=date(2020, 1, 1), geldig_tot=None, bron=BRON)
    registry = Registry([Kader("dubbel", "D", (), (), (v1, v2))])
    assert registry.kaders() == []
    assert "overlappen" in registry.broken()[0].reden


def test_a_kader_object_can_be_evaluated_directly() -> None:
    kader = _kader(
        Regel("melden_bij_vermoeden", "melden", "ja", Feit("vermoeden"), BRON, label="Melden"),
        Regel("niet_melden", "melden", "nee", ~Feit("vermoeden"), BRON, label="Niet melden."),
    )
    registry = Registry([kader])
    u = evaluate(
        {"id": "c", "antwoorden": {"vermoeden": "ja"}},
        kader=kader,
        peildatum=date(2020, 1, 1),
        registry=registry,
    )
    assert u.melden == "ja"
    assert u.hulp == "onbepaald"
    assert u.kader.id == "proef"


def test_fingerprint_is_stable_and_differs_per_version() -> None:
    a = evaluate({"id": "c"}, peildatum=date(2020, 1, 1)).kader.vingerafdruk
    b = evaluate({"id": "d"}, peildatum=date(2021, 1, 1)).kader.vingerafdruk
    c = evaluate({"id": "c"}, peildatum=date(2015, 1, 1)).kader.vingerafdruk
    assert a == b
    assert a != c
    assert len(a) == 16


def test_a_kader_must_name_known_sectors() -> None:
    registry = Registry([_kader(MELDEN, NIET_MELDEN, id="s")])
    assert [k.id for k in registry.kaders()] == ["s"]
    kapot = replace(
        _kader(MELDEN, NIET_MELDEN, id="t"),
        sectoren=("sport",),
    )
    registry = Registry([kapot])
    assert registry.kaders() == []
    assert "onbekende sector" in registry.broken()[0].reden
