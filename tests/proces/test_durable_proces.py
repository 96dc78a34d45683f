"""The durable-rules statechart decides exactly as the native statechart.

``Proces(engine="durable")`` lets durable-rules decide each transition; the bookkeeping
and the store are shared. These tests prove the two interpreters agree: on every
(state, event) combination the guards can tell apart (exhaustive), on random event
streams (hypothesis, states and refusals compared after every event) and across a restart
that switches engine. Eight threads at once: ``test_opslag.test_threads_op_een_proces``.
"""

from __future__ import annotations

import contextlib
import itertools
import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from proces_hulp import ev, nodig_durable, volledig

from meldcode_rules.errors import EngineUnavailable
from meldcode_rules.proces import (
    Gebeurtenis,
    Proces,
    ProcesError,
    ProcesStaat,
    Soort,
    SqliteOpslag,
    Stap,
    Termijnen,
)
from meldcode_rules.proces.statechart import volgende_stap, weigering

if TYPE_CHECKING:
    from pathlib import Path


pytestmark = [
    nodig_durable,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:durable.engine"),
]

DAG: Final = date(2024, 3, 10)
TERMIJNEN: Final = Termijnen(overleg=5, gesprek=10, besluit=20, melding=2, evaluatie=30)


def _gebeurtenis(soort: Soort, datum: date) -> Gebeurtenis:
    extra: dict[str, Any] = {}
    if soort is Soort.GESPREK_NIET_GEVOERD:
        extra["reden"] = "veiligheid_professional"
    if soort is Soort.BESLUIT_GENOMEN:
        extra["melden"] = "ja"
    return Gebeurtenis(casus_id="c1", soort=soort, datum=datum, **extra)


def _staten() -> list[ProcesStaat | None]:
    """Every combination of what the guards read: step, besluit, gesprek, melding, hulp."""
    uit: list[ProcesStaat | None] = [None]
    d = DAG - timedelta(days=3)
    for stap, besluit, gesprek, melding, hulp in itertools.product(
        Stap, (None, d), (None, "gevoerd", "niet_gevoerd"), (None, d), (None, d)
    ):
        uit.append(
            ProcesStaat(
                casus_id="c1",
                versie=3,
                stap=stap,
                laatste_datum=DAG,
                eerste_signaal=d,
                signalen=1,
                besluit=besluit,
                besluit_melden="ja" if besluit else None,
                gesprek=gesprek,
                gesprek_datum=d if gesprek else None,
                reden_geen_gesprek="veiligheid_professional" if gesprek == "niet_gevoerd" else None,
                melding=melding,
                hulp=hulp,
                afgesloten=DAG if stap is Stap.AFGESLOTEN else None,
            )
        )
    return uit


def test_elke_staat_en_gebeurtenis_geeft_dezelfde_beslissing() -> None:
    """Exhaustive over the guards: same step, or the same refusal code."""
    chart = Proces(engine="durable")._chart
    assert chart is not None
    getoetst = 0
    for staat, soort, datum in itertools.product(
        _staten(), Soort, (DAG, DAG + timedelta(days=1), DAG - timedelta(days=1))
    ):
        g = _gebeurtenis(soort, datum)
        code = weigering(staat, g)
        verwacht = (code, None) if code is not None else (None, volgende_stap(staat, g))
        assert chart.beslis(staat, g) == verwacht, (staat, soort, datum)
        getoetst += 1
    assert getoetst == (1 + 7 * 2 * 3 * 2 * 2) * len(Soort) * 3


def _stroom(zaad: int, lengte: int) -> list[dict[str, object]]:
    rnd = random.Random(zaad)
    rij = [ev("a", "signaal_vastgelegd", 0), ev("b", "signaal_vastgelegd", 0)]
    for dag in range(lengte):
        soort = rnd.choice([s.value for s in Soort])
        extra: dict[str, object] = {}
        if soort == "besluit_genomen":
            extra["melden"] = rnd.choice(["ja", "nee"])
            extra["hulp"] = rnd.choice(["ja", "nee", "met_veilig_thuis", None])
        if soort == "gesprek_niet_gevoerd":
            extra["reden"] = "veiligheid_anderen"
        rij.append(ev(rnd.choice(["a", "b"]), soort, dag + rnd.choice([0, 0, 1, -2]), **extra))
    return rij


def _stap(p: Proces, e: dict[str, object]) -> tuple[str, object]:
    try:
        return "ok", p.verwerk(e)
    except ProcesError as fout:
        return "fout", (fout.code, str(fout))


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=60))
def test_eigenschap_zelfde_staten_en_weigeringen(zaad: int, lengte: int) -> None:
    native = Proces(termijnen=TERMIJNEN)
    durable = Proces(termijnen=TERMIJNEN, engine="durable")
    for e in _stroom(zaad, lengte):
        assert _stap(native, e) == _stap(durable, e)
    for c in ("a", "b"):
        assert native.overzicht(c, DAG) == durable.overzicht(c, DAG)


def test_volledige_geschiedenis_via_durable() -> None:
    p = Proces(engine="durable")
    stappen = [p.verwerk(e).stap for e in volledig()]
    assert stappen[-1] is Stap.AFGESLOTEN
    o = p.overzicht("c1", date(2024, 6, 1))
    assert o.afsluiting is not None
    assert o.afsluiting.correct


def test_onmogelijke_gebeurtenis_verandert_niets() -> None:
    p = Proces(engine="durable")
    p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    voor = p.staat("c1")
    with pytest.raises(ProcesError) as fout:
        p.verwerk(ev("c1", "melding_gedaan", 1))
    assert fout.value.code == "besluit_ontbreekt"
    assert p.staat("c1") == voor


def test_herstart_met_de_andere_engine(tmp_path: Path) -> None:
    """A SQLite store written by the native process is continued by the durable one."""
    rij = volledig()
    pad = tmp_path / "proces.sqlite"
    eerst = SqliteOpslag(pad)
    for e in rij[:5]:
        Proces(eerst, TERMIJNEN).verwerk(e)
    eerst.sluit()
    daarna = SqliteOpslag(pad)
    hervat = Proces(daarna, TERMIJNEN, engine="durable")
    for e in rij[5:]:
        hervat.verwerk(e)
    doorlopend = Proces(termijnen=TERMIJNEN)
    for e in rij:
        doorlopend.verwerk(e)
    assert hervat.staat("c1") == doorlopend.staat("c1")
    daarna.sluit()


def test_onbekende_engine() -> None:
    with pytest.raises(EngineUnavailable, match=r"onbekende engine \(kies native of durable\)"):
        Proces(engine="drools")  # type: ignore[arg-type]


def test_duizenden_gebeurtenissen_geen_sessielimiet() -> None:
    """Sessions are deleted after each event: far beyond durable-rules' 1,024 sessions."""
    p = Proces(engine="durable")
    for i in range(1500):
        p.verwerk(ev(f"c{i}", "signaal_vastgelegd", 0))
    assert len(p.casussen()) == 1500
    with contextlib.suppress(ProcesError):
        p.verwerk(ev("c0", "evaluatie", 1))
    assert p.staat("c0") is not None


def test_gebeurtenis_zonder_overgang_wordt_geweigerd() -> None:
    """An event no transition knows (validation rules it out) is refused, nothing changes."""
    from enum import StrEnum  # noqa: PLC0415

    class Vreemd(StrEnum):
        X = "vreemde_gebeurtenis"

    p = Proces(engine="durable")
    p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    voor = p.staat("c1")
    g = Gebeurtenis.model_construct(casus_id="c1", soort=Vreemd.X, datum=DAG)
    with pytest.raises(ProcesError) as fout:
        p.verwerk(g)
    assert fout.value.code == "geen_overgang"
    assert p.staat("c1") == voor
    assert p.verwerk(ev("c1", "collega_geraadpleegd", 20)).stap is Stap.STAP_2


def test_cli_engine_durable_geeft_dezelfde_uitvoer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json  # noqa: PLC0415

    from meldcode_rules.cli import main  # noqa: PLC0415

    bestand = tmp_path / "events.jsonl"
    rij = volledig("a")[:7] + volledig("b")
    bestand.write_text("".join(json.dumps(e) + "\n" for e in rij), encoding="utf-8")
    uitvoer = {}
    for engine in ("native", "durable"):
        args = ["proces", str(bestand), "--engine", engine, "--format", "json"]
        assert main([*args, "--peildatum", "2024-06-01"]) == 0
        uitvoer[engine] = capsys.readouterr().out
    assert uitvoer["native"] == uitvoer["durable"]
    assert [c["stap"] for c in json.loads(uitvoer["durable"])["casussen"]] == [
        "stap_5_beslissen",
        "afgesloten",
    ]
