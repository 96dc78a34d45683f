"""Shared helpers of the process tests: an event builder, a complete history, the engines, the stores."""

from __future__ import annotations

import importlib.util
import os
import uuid
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final, cast

import pytest

from meldcode_rules.engine.durable import laad_durable
from meldcode_rules.errors import EngineUnavailable
from meldcode_rules.proces import GeheugenOpslag, SqliteOpslag

if TYPE_CHECKING:
    from pathlib import Path

    from meldcode_rules.proces import Opslag


def _durable_importeert() -> bool:
    try:
        laad_durable()
    except EngineUnavailable:
        return False
    return True


nodig_durable: Final = pytest.mark.skipif(
    not _durable_importeert(),
    reason="durable-rules importeert hier niet (optionele extra 'durable'; niet op 3.13)",
)
ENGINES: Final = ("native", pytest.param("durable", marks=nodig_durable))
"""Both interpreters of the statechart, for ``pytest.mark.parametrize``."""


def ev(casus: str, soort: str, dag: int, **velden: Any) -> dict[str, Any]:
    """An event on day ``dag`` after 2024-03-01."""
    datum = date(2024, 3, 1) + timedelta(days=dag)
    return {"casus_id": casus, "soort": soort, "datum": datum.isoformat(), **velden}


def volledig(casus: str = "c1") -> list[dict[str, Any]]:
    """Every step, a melding and hulp with evaluatie, then a correct closure."""
    return [
        ev(casus, "signaal_vastgelegd", 0),
        ev(casus, "signaal_vastgelegd", 2),
        ev(casus, "collega_geraadpleegd", 3),
        ev(casus, "veilig_thuis_geraadpleegd", 4),
        ev(casus, "gesprek_gevoerd", 6),
        ev(casus, "afweging_vastgelegd", 7),
        ev(casus, "besluit_genomen", 7, melden="ja", hulp="met_veilig_thuis"),
        ev(casus, "melding_gedaan", 8),
        ev(casus, "hulp_gestart", 12),
        ev(casus, "monitoring", 30),
        ev(casus, "evaluatie", 60),
        ev(casus, "afgesloten", 61),
    ]


PG_VAR: Final = "MELDCODE_TEST_POSTGRES"
"""A libpq URI of a PostgreSQL server for the store tests (``.ci/postgres`` starts one)."""


def postgres_uri() -> str | None:
    """The test server's URI, or ``None`` (the PostgreSQL tests then skip, with the reason)."""
    return os.environ.get(PG_VAR) or None


def _psycopg_importeert() -> bool:
    return importlib.util.find_spec("psycopg") is not None


OPSLAGEN: Final = (
    "geheugen",
    "sqlite",
    pytest.param(
        "postgres",
        marks=pytest.mark.skipif(
            postgres_uri() is None or not _psycopg_importeert(),
            reason=(
                f"geen PostgreSQL: zet {PG_VAR} (.ci/run start een server met .ci/postgres) "
                "en installeer de extra meldcode-rules[server]"
            ),
        ),
    ),
)
"""Every store, for ``pytest.mark.parametrize``: the store contract runs against each."""


class Opslagen:
    """Opens stores of one kind on one underlying storage (a file, a table), as a restart would."""

    def __init__(self, soort: str, tmp_path: Path) -> None:
        self.soort = soort
        self.pad = tmp_path / "proces.sqlite"
        self.tabel = f"proces_{uuid.uuid4().hex[:16]}"
        self.geheugen = GeheugenOpslag()
        self.open: list[Any] = []

    def nieuw(self) -> Opslag:
        """A store on the same storage (for memory: the same object)."""
        if self.soort == "geheugen":
            return self.geheugen
        if self.soort == "sqlite":
            opslag: Any = SqliteOpslag(self.pad)
        else:
            from meldcode_rules.proces.postgres import PostgresOpslag  # noqa: PLC0415

            opslag = PostgresOpslag(str(postgres_uri()), tabel=self.tabel)
        self.open.append(opslag)
        return cast("Opslag", opslag)

    def sluit(self) -> None:
        for opslag in self.open:
            opslag.sluit()
        if self.soort == "postgres":
            import psycopg  # noqa: PLC0415

            with psycopg.connect(str(postgres_uri()), autocommit=True) as db:
                db.execute(f"DROP TABLE IF EXISTS {self.tabel}")  # a generated name
