"""Both engines agree, byte for byte (engine field normalised), on every registered kader version.

The registry is iterated, not listed: a kader another distribution adds is checked too.
Per version: all 729 answer combinations (on a casus without facts, and on one with
signalen, stappen and hulp, so the fact-reading rules fire too), and a hypothesis
property over signal-derived casussen aimed at that kader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from durable_hulp import gelijk, nodig, versies
from hypothesis import given
from hypothesis import strategies as st
from testhulp import ALLE_ANTWOORDEN

from meldcode_rules import evaluate
from meldcode_rules.api import load_kader, validate_casus
from meldcode_rules.engine import compileer
from meldcode_rules.testing.strategies import casussen

if TYPE_CHECKING:
    from datetime import date

    from meldcode_rules.casus import Casus

pytestmark = [nodig, pytest.mark.filterwarnings("ignore::DeprecationWarning:durable.engine")]

VERSIES = versies()
IDS = [f"{k}-{v}" for k, v, _ in VERSIES]

MET_FEITEN = {
    "betrokkenen": [
        {"id": "k", "rol": "kind", "leeftijd": "4_11"},
        {"id": "o", "rol": "ouder_verzorger"},
    ],
    "signalen": [
        {
            "vorm": "lichamelijk_geweld",
            "datum": "2019-01-10",
            "over": "k",
            "door": "o",
            "kenmerken": ["herhalingskans"],
        },
        {"vorm": "verwaarlozing", "datum": "2019-01-20", "over": "k", "herkomst": "gemeld"},
    ],
    "stappen": {"collegiaal_overleg": "ja", "gesprek": "niet_gevoerd"},
    "hulp": {"binnen_competentie": "ja", "aangeboden": "onbekend", "effect": "geen_verbetering"},
}


def _paar(casus: dict[str, object] | Casus, kader: str, dag: date) -> tuple[str, str]:
    native = evaluate(casus, kader, dag).model_dump_json()
    durable = evaluate(casus, kader, dag, engine="durable").model_dump_json()
    return native, durable


def _alle(kader: str, dag: date, basis: dict[str, object]) -> tuple[list[str], list[str]]:
    """The 729 combinations through both engines (each casus validated once)."""
    effectief = load_kader(kader, dag)
    casussen = [validate_casus({**basis, "antwoorden": a}) for a in ALLE_ANTWOORDEN]
    uit: list[list[str]] = []
    for engine in ("native", "durable"):
        motor = compileer(effectief, engine)
        uit.append([motor.evaluate(c, dag).model_dump_json() for c in casussen])
    return uit[0], uit[1]


def test_registry_heeft_versies() -> None:
    assert len(VERSIES) >= 2


@pytest.mark.parametrize(("kader", "versie", "dag"), VERSIES, ids=IDS)
def test_729_antwoordcombinaties(kader: str, versie: str, dag: date) -> None:
    assert load_kader(kader, dag).versie.versie == versie
    natives, durables = _alle(kader, dag, {"id": "c1"})
    assert all('"engine":"durable"' in d for d in durables)
    verschillen = [
        a for a, n, d in zip(ALLE_ANTWOORDEN, natives, durables, strict=True) if not gelijk(n, d)
    ]
    assert not verschillen, f"{len(verschillen)} combinaties verschillen, eerste: {verschillen[0]}"
    assert len(set(natives)) > 10  # the combinations really lead to different outcomes


@pytest.mark.parametrize(("kader", "versie", "dag"), VERSIES, ids=IDS)
def test_729_met_feiten(kader: str, versie: str, dag: date) -> None:
    del versie
    natives, durables = _alle(kader, dag, {"id": "c2", **MET_FEITEN})
    for antwoorden, native, durable in zip(ALLE_ANTWOORDEN, natives, durables, strict=True):
        assert gelijk(native, durable), antwoorden


@pytest.mark.parametrize(("kader", "versie", "dag"), VERSIES, ids=IDS)
def test_eigenschap_signaalcasussen(kader: str, versie: str, dag: date) -> None:
    del versie

    @given(casus=st.data())
    def eigenschap(casus: st.DataObject) -> None:
        c = casus.draw(casussen(kader=kader, peildatum=dag))
        native, durable = _paar(c, kader, dag)
        assert gelijk(native, durable)

    eigenschap()


def test_vergelijking_ziet_een_verschil() -> None:
    """The comparison itself is not vacuous: another answer gives other JSON."""
    _kader, _versie, dag = next(v for v in VERSIES if v[0] == "basis" and v[1] == "2019")
    a, _ = _paar({"id": "c1", "antwoorden": {"vermoeden": "ja"}}, "basis", dag)
    _, b = _paar({"id": "c1", "antwoorden": {"vermoeden": "nee"}}, "basis", dag)
    assert not gelijk(a, b)
