"""The store contract, run against every store (memory, SQLite, PostgreSQL).

A restarted process resumes every casus exactly; compare-and-set refuses a stale
writer; writers on separate connections racing on one casus lose nothing; threads.
"""

from __future__ import annotations

import contextlib
import random
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from proces_hulp import ENGINES, OPSLAGEN, Opslagen, ev, volledig

from meldcode_rules.proces import GeheugenOpslag, Proces, ProcesError, ProcesStaat, Termijnen

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from meldcode_rules.uitkomst import Engine

TERMIJNEN = Termijnen(gesprek=5, afsluiten=40)


def _gemengd() -> list[dict[str, object]]:
    """Three casussen interleaved, as a host system would send them."""
    rij = [*volledig("a"), *volledig("b")[:7], *volledig("c")[:3]]
    return sorted(rij, key=lambda e: str(e["datum"]))


@pytest.fixture(params=OPSLAGEN)
def opslagen(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opslagen]:
    """The store contract runs against every store: memory, SQLite and PostgreSQL."""
    o = Opslagen(request.param, tmp_path)
    yield o
    o.sluit()


def test_herstart_halverwege_hervat_exact(opslagen: Opslagen) -> None:
    gebeurtenissen = _gemengd()
    doorlopend = Proces(GeheugenOpslag(), TERMIJNEN)
    for e in gebeurtenissen:
        doorlopend.verwerk(e)

    helft = len(gebeurtenissen) // 2
    eerste = Proces(opslagen.nieuw(), TERMIJNEN)
    for e in gebeurtenissen[:helft]:
        eerste.verwerk(e)
    tussenstand = {c: eerste.staat(c) for c in eerste.casussen()}
    # A new process on the same storage: the same states, then the rest of the events.
    tweede = Proces(opslagen.nieuw(), TERMIJNEN)
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


def test_fout_na_herstart_verandert_niets(opslagen: Opslagen) -> None:
    p = Proces(opslagen.nieuw())
    p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    voor = p.staat("c1")
    with pytest.raises(ProcesError):
        p.verwerk(ev("c1", "melding_gedaan", 1))
    assert Proces(opslagen.nieuw()).staat("c1") == voor


def test_vergelijk_en_zet(opslagen: Opslagen) -> None:
    """A second writer with a stale version is refused: nothing is overwritten."""
    opslag = opslagen.nieuw()
    p = Proces(opslag)
    eerste = p.verwerk(ev("c1", "signaal_vastgelegd", 0))
    tweede = p.verwerk(ev("c1", "collega_geraadpleegd", 1))
    with pytest.raises(ProcesError) as fout:
        opslag.bewaar(eerste.model_copy(update={"versie": 2}), vorige_versie=1)
    assert fout.value.code == "gelijktijdig"
    with pytest.raises(ProcesError):
        opslag.bewaar(eerste, vorige_versie=0)  # the casus exists already
    assert opslag.laad("c1") == tweede
    assert opslagen.nieuw().laad("c1") == tweede
    assert opslag.laad("onbekend") is None


def test_vergelijk_en_zet_tussen_schrijvers_verliest_niets(opslagen: Opslagen) -> None:
    """Writers on separate connections race on one casus: every accepted write counts once."""
    schrijvers = [opslagen.nieuw() for _ in range(4)]
    schrijvers[0].bewaar(ProcesStaat(casus_id="c1", versie=1, signalen=1), 0)
    gelukt = [0] * len(schrijvers)

    def schrijf(i: int) -> None:
        opslag = schrijvers[i]
        for _ in range(40):
            while True:
                oud = opslag.laad("c1")
                assert oud is not None
                nieuw = oud.model_copy(
                    update={"versie": oud.versie + 1, "signalen": oud.signalen + 1}
                )
                try:
                    opslag.bewaar(nieuw, oud.versie)
                except ProcesError as fout:
                    if fout.code != "gelijktijdig":
                        raise
                    continue
                gelukt[i] += 1
                break

    draden = [threading.Thread(target=schrijf, args=(i,)) for i in range(len(schrijvers))]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    eind = opslagen.nieuw().laad("c1")
    assert eind is not None
    assert sum(gelukt) == 160
    assert eind.versie == eind.signalen == 161


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.filterwarnings("ignore::DeprecationWarning:durable.engine")
def test_threads_op_een_proces(opslagen: Opslagen, engine: Engine) -> None:
    """Eight threads, each feeding its own casussen, give the single-thread states."""
    casussen = [f"k{i}" for i in range(16)]
    alleen = Proces(GeheugenOpslag(), engine=engine)
    for c in casussen:
        for e in volledig(c):
            alleen.verwerk(e)
    samen = Proces(opslagen.nieuw(), engine=engine)

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
