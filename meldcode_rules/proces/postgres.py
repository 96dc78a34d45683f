"""A process store in PostgreSQL (psycopg 3), so several service instances share casussen.

Same contract as :class:`~meldcode_rules.proces.SqliteOpslag`: per casus the last
accepted :class:`~meldcode_rules.proces.ProcesStaat` as JSON with its ``versie``, and
:meth:`PostgresOpslag.bewaar` a compare-and-set on that version. The compare-and-set is
one statement (``INSERT ... ON CONFLICT DO NOTHING`` for a new casus, ``UPDATE ... WHERE
versie = vorige``), atomic in PostgreSQL under any isolation level, so two processes on
two machines feeding the same casus can never overwrite each other: the loser gets
:class:`~meldcode_rules.proces.ProcesError` ``gelijktijdig``, reads again and retries
(the HTTP service does that itself).

psycopg is part of the extra ``meldcode-rules[server]``; this module is imported only
when a PostgreSQL store is asked for.
"""

from __future__ import annotations

import re
import threading
from typing import Any, Final

import psycopg
from psycopg import sql

from meldcode_rules.proces.model import ProcesStaat
from meldcode_rules.proces.opslag import AfsluitbareOpslag
from meldcode_rules.proces.statechart import ProcesError

__all__ = ["PostgresOpslag"]

_TABELNAAM: Final = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_SLOT_SLEUTEL: Final = 0x6D656C64  # "meld": one advisory lock id for creating the table


def _gelijktijdig() -> ProcesError:
    return ProcesError(
        "gelijktijdig",
        "de staat van deze casus is intussen door een ander proces gewijzigd; lees opnieuw",
    )


class PostgresOpslag(AfsluitbareOpslag):
    """A store in one PostgreSQL table; safe to share between threads and between processes.

    One connection per store object (in autocommit mode), serialised by a lock: the
    process applies events one at a time per :class:`~meldcode_rules.proces.Proces`
    anyway, and scaling out means more processes, each with its own connection. A
    broken connection is opened again on the next call.

    Use it as a context manager, or call :meth:`sluit` when done.
    """

    def __init__(self, conninfo: str, *, tabel: str = "meldcode_proces_staat") -> None:
        """Connect to ``conninfo`` (a libpq URI or key=value string) and create the table.

        Args:
            conninfo: where the database is, e.g. ``postgresql://user@host/db``.
            tabel: the table name (lower-case letters, digits and ``_``).

        Raises:
            ValueError: an invalid table name.
            psycopg.OperationalError: the database cannot be reached.
        """
        if not _TABELNAAM.match(tabel):
            msg = "tabel: alleen kleine letters, cijfers en _ (hoogstens 63 tekens)"
            raise ValueError(msg)
        self._conninfo = conninfo
        self._tabel = sql.Identifier(tabel)
        self._slot = threading.Lock()
        self._db: psycopg.Connection[Any] | None = None
        with self._slot:
            db = self._verbinding()
            with db.transaction():
                # Two instances starting at once must not race on CREATE TABLE.
                db.execute("SELECT pg_advisory_xact_lock(%s)", (_SLOT_SLEUTEL,))
                db.execute(
                    sql.SQL(
                        "CREATE TABLE IF NOT EXISTS {} (casus_id TEXT PRIMARY KEY,"
                        " versie INTEGER NOT NULL, staat TEXT NOT NULL)"
                    ).format(self._tabel)
                )

    def _verbinding(self) -> psycopg.Connection[Any]:
        if self._db is None or self._db.closed or self._db.broken:
            if self._db is not None:
                self._db.close()
            self._db = psycopg.connect(self._conninfo, autocommit=True)
        return self._db

    def laad(self, casus_id: str) -> ProcesStaat | None:
        """The stored state of a casus, or ``None``."""
        query = sql.SQL("SELECT staat FROM {} WHERE casus_id = %s").format(self._tabel)
        with self._slot:
            rij = self._verbinding().execute(query, (casus_id,)).fetchone()
        return None if rij is None else ProcesStaat.model_validate_json(rij[0])

    def bewaar(self, staat: ProcesStaat, vorige_versie: int) -> None:
        """Store ``staat`` in one statement (compare-and-set on the version).

        Raises:
            ProcesError: another writer stored a newer state in between (code
                ``gelijktijdig``); nothing was stored.
        """
        tekst = staat.model_dump_json()
        if vorige_versie == 0:
            query = sql.SQL(
                "INSERT INTO {} (casus_id, versie, staat) VALUES (%s, %s, %s)"
                " ON CONFLICT (casus_id) DO NOTHING"
            ).format(self._tabel)
            parameters: tuple[object, ...] = (staat.casus_id, staat.versie, tekst)
        else:
            query = sql.SQL(
                "UPDATE {} SET versie = %s, staat = %s WHERE casus_id = %s AND versie = %s"
            ).format(self._tabel)
            parameters = (staat.versie, tekst, staat.casus_id, vorige_versie)
        with self._slot:
            cur = self._verbinding().execute(query, parameters)
            if cur.rowcount != 1:
                raise _gelijktijdig()

    def casus_ids(self) -> list[str]:
        """The ids of every stored casus, sorted."""
        query = sql.SQL('SELECT casus_id FROM {} ORDER BY casus_id COLLATE "C"').format(self._tabel)
        with self._slot:
            return [r[0] for r in self._verbinding().execute(query)]

    def gereed(self) -> bool:
        """Whether the database answers (for a readiness check)."""
        try:
            with self._slot:
                self._verbinding().execute("SELECT 1")
        except psycopg.Error:
            return False
        return True

    def sluit(self) -> None:
        """Close the connection."""
        with self._slot:
            if self._db is not None:
                self._db.close()
                self._db = None
