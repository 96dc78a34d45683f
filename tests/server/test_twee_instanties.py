"""Two service instances on one process store: concurrent events for the same casus lose nothing.

Two ``meldcode serve`` processes share a store (PostgreSQL, and a SQLite file for
comparison) and receive many events for the same casussen at once, alternately; the
stores' compare-and-set refuses every stale write and the service applies the event
again to the new state, so every accepted event counts exactly once.
"""

from __future__ import annotations

import random
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import httpx
import psycopg
import pytest
from server_hulp import PG_VAR, meldcode_serve, postgres_uri, stop

if TYPE_CHECKING:
    from pathlib import Path

CASUSSEN = ("gelijk-a", "gelijk-b", "gelijk-c")
PER_CASUS = 80
SOORTEN = ("signaal_vastgelegd", "collega_geraadpleegd", "veilig_thuis_geraadpleegd")
"""Events that may follow each other in any order on one day (steps 1 and 2)."""


@pytest.mark.parametrize(
    "soort",
    [
        "sqlite",
        pytest.param(
            "postgres",
            marks=pytest.mark.skipif(
                postgres_uri() is None,
                reason=f"geen PostgreSQL: zet {PG_VAR} (.ci/run start er een met .ci/postgres)",
            ),
        ),
    ],
)
def test_twee_instanties_verliezen_niets(soort: str, tmp_path: Path) -> None:
    if soort == "postgres":
        tabel = f"gelijk_{random.getrandbits(48):012x}"
        store = str(postgres_uri())
        # The service uses the default table; a schema of our own keeps runs apart.
        with psycopg.connect(store, autocommit=True) as db:
            db.execute(f"CREATE SCHEMA {tabel}")
        scheiding = "&" if "?" in store else "?"
        store = f"{store}{scheiding}options=-csearch_path%3D{tabel}"
    else:
        store = str(tmp_path / "gedeeld.sqlite")
    # The address (with its password) goes through the environment, never the command line.
    instanties = [meldcode_serve(env={"MELDCODE_STORE": store}) for _ in range(2)]
    try:
        urls = [url for _, url in instanties]
        for casus in CASUSSEN:
            eerste = {"casus_id": casus, "soort": "signaal_vastgelegd", "datum": "2024-03-01"}
            assert httpx.post(f"{urls[0]}/v1/proces/gebeurtenissen", json=eerste).status_code == 200
        rnd = random.Random(2024)
        werk = [
            (urls[i % 2], {"casus_id": c, "soort": rnd.choice(SOORTEN), "datum": "2024-03-02"})
            for c in CASUSSEN
            for i in range(PER_CASUS)
        ]
        rnd.shuffle(werk)
        clients = {url: httpx.Client(base_url=url, timeout=60) for url in urls}

        def post(taak: tuple[str, dict[str, str]]) -> int:
            url, body = taak
            return clients[url].post("/v1/proces/gebeurtenissen", json=body).status_code

        with ThreadPoolExecutor(max_workers=16) as pool:
            statussen = list(pool.map(post, werk))
        for c in clients.values():
            c.close()
        assert Counter(statussen) == {200: len(werk)}
        verwacht = Counter(b["casus_id"] for _, b in werk if b["soort"] == "signaal_vastgelegd")
        for casus in CASUSSEN:
            overzichten = [
                httpx.get(
                    f"{url}/v1/proces/casussen/{casus}", params={"peildatum": "2024-03-03"}
                ).json()
                for url in urls
            ]
            assert overzichten[0] == overzichten[1]
            staat = overzichten[0]["staat"]
            assert staat["versie"] == 1 + PER_CASUS
            assert staat["signalen"] == 1 + verwacht[casus]
    finally:
        for proces, _ in instanties:
            stop(proces)
        if soort == "postgres":
            with psycopg.connect(str(postgres_uri()), autocommit=True) as db:
                db.execute(f"DROP SCHEMA {tabel} CASCADE")
