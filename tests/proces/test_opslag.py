"""Stores: a restarted process resumes every casus exactly; compare-and-set; threads."""

from __future__ import annotations

import contextlib
import random
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from proces_hulp import ENGINES, ev, volledig

from meldcode_rules.proces import GeheugenOpslag, Proces, ProcesError, SqliteOpslag, Termijnen

if TYPE_CHECKING:
    from pathlib import Path

    from meldcode_rules.uitkomst import Engine

TERMIJNEN = Termijnen(gesprek=5, afsluiten=40)


def _gemengd() -> list[dict[str, object]]:
    """Three casussen interleaved, as a host system would send them."""
    rij = [*volledig("a"), *volledig("b")[:7], *volledig("c")[:3]]
    return sorted(rij, key=lambda e: str(e["datum"]))


def test_herstart_halverwege_sqlite_hervat_exact(tmp_path: Path) -> None:
    gebeurtenissen = _gemengd()
    doorlopend = Proces(GeheugenOpslag(), TERMIJNEN)
    for e in gebeurtenissen:
        doorlopend.verwerk(e)

    pad = tmp_path / "proces.sqlite"
    helft = len(gebeurtenissen) // 2
    with SqliteOpslag(pad) as opslag:
        eerste = Proces(opslag, TERMIJNEN)
        for e in gebeurtenissen[:helft]:
            eerste.verwerk(e)
        tussenstand = {c: eerste.staat(c) for c in eerste.casussen()}
    # A new process on the same file: the same states, then the rest of the events.
    with SqliteOpslag(pad) as opslag:
        tweede = Proces(opslag, TERMIJNEN)
        assert {c: tweede.staat(c) for c in tweede.casussen()} == tussenstand
        for e in gebeurtenissen[helft:]:
            tweede.verwerk(e)
        assert tweede.casussen() == doorlopend.casussen() == ["a", "b", "c"]
        for c in ("a", "b", "c"):
            assert tweede.staat(c) == doorlopend.staat(c)
            assert (
                tweede.overzicht(c).model_dump_json()
                == doorlopend.overzicht(c, tweede.overzicht(c).peildatum).model_dump_json()
            )


def test_fout_na_herstart_verandert_niets(tmp_path: Path) -> None:
    pad = tmp_path / "p.sqlite"
    with SqliteOpslag(pad) as opslag:
        p = Proces(opslag)
        p.verwerk(ev("c1", "signaal_vastgelegd", 0))
        voor = p.staat("c1")
        with pytest.raises(ProcesError):
            p.verwerk(ev("c1", "melding_gedaan", 1))
    with SqliteOpslag(pad) as opslag:
        assert Proces(opslag).staat("c1") == voor


@pytest.mark.parametrize("soort", ["geheugen", "sqlite"])
def test_vergelijk_en_zet(soort: str, tmp_path: Path) -> None:
    """A second writer with a stale version is refused: nothing is overwritten."""
    opslag = GeheugenOpslag() if soort == "geheugen" else SqliteOpslag(tmp_path / "s.sqlite")
    p = Proces(opslag)
    eerste = p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    tweede = p.verwerk(ev("c1", "collega_geraadpleegd", 1))
    with pytest.raises(ProcesError) as fout:
        opslag.bewaar(eerste.model_copy(update={"versie": 2}), vorige_versie=1)
    assert fout.value.code == "gelijktijdig"
    with pytest.raises(ProcesError):
        opslag.bewaar(eerste, vorige_versie=0)  # the casus exists already
    assert opslag.laad("c1") == tweede
    if isinstance(opslag, SqliteOpslag):
        opslag.sluit()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.filterwarnings("ignore::DeprecationWarning:durable.engine")
def test_threads_op_een_proces(tmp_path: Path, engine: Engine) -> None:
    """Eight threads, each feeding its own casussen, give the single-thread states."""
    casussen = [f"k{i}" for i in range(16)]
    alleen = Proces(GeheugenOpslag(), engine=engine)
    for c in casussen:
        for e in volledig(c):
            alleen.verwerk(e)
    with SqliteOpslag(tmp_path / "t.sqlite") as opslag:
        samen = Proces(opslag, engine=engine)

        def werk(deel: list[str]) -> None:
            for c in deel:
                for e in volledig(c):
                    samen.verwerk(e)

        draden = [threading.Thread(target=werk, args=(casussen[i::8],)) for i in range(8)]
        for d in draden:
            d.start()
        for d in draden:
            d.join()
        for c in casussen:
            assert samen.staat(c) == alleen.staat(c)


@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=40))
def test_eigenschap_herstart_op_elk_moment(zaad: int, knip: int) -> None:
    """Any random (valid or not) event stream: stopping anywhere and resuming changes nothing."""
    rnd = random.Random(zaad)
    soorten = [
        "signaal_vastgelegd",
        "collega_geraadpleegd",
        "veilig_thuis_geraadpleegd",
        "gesprek_gevoerd",
        "afweging_vastgelegd",
        "melding_gedaan",
        "hulp_gestart",
        "monitoring",
        "evaluatie",
        "afgesloten",
    ]
    rij = [ev("a", "signaal_vastgelegd", 0), ev("b", "signaal_vastgelegd", 0)]
    for dag in range(40):
        extra: dict[str, object] = {}
        soort = rnd.choice([*soorten, "besluit_genomen", "gesprek_niet_gevoerd"])
        if soort == "besluit_genomen":
            extra["melden"] = rnd.choice(["ja", "nee"])
        if soort == "gesprek_niet_gevoerd":
            extra["reden"] = "veiligheid_anderen"
        rij.append(ev(rnd.choice(["a", "b"]), soort, dag + rnd.choice([0, 0, -3]), **extra))

    def speel(p: Proces, deel: list[dict[str, object]]) -> None:
        for e in deel:
            with contextlib.suppress(ProcesError):
                p.verwerk(e)

    doorlopend = Proces(GeheugenOpslag(), TERMIJNEN)
    speel(doorlopend, rij)
    opslag = GeheugenOpslag()
    speel(Proces(opslag, TERMIJNEN), rij[:knip])
    hervat = Proces(opslag, TERMIJNEN)
    speel(hervat, rij[knip:])
    assert hervat.casussen() == doorlopend.casussen() == ["a", "b"]
    for c in doorlopend.casussen():
        assert hervat.staat(c) == doorlopend.staat(c)
