"""Where process states live: a small store interface, in memory and in SQLite.

A store keeps, per casus, the last accepted :class:`ProcesStaat` as JSON with its
``versie`` (the number of accepted events). :meth:`Opslag.bewaar` is a compare-and-set
on that version, so two processes feeding the same casus cannot silently overwrite
each other. A process that restarts on the same SQLite file resumes every casus
exactly where it was: the state read back equals the state stored.
"""

from __future__ import annotations

import sqlite3
import threading
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Final, Protocol, Self

from pydantic import ValidationError

from meldcode_rules.errors import OpslagError
from meldcode_rules.proces.model import ProcesStaat
from meldcode_rules.proces.statechart import ProcesError

if TYPE_CHECKING:
    from pathlib import Path
    from types import TracebackType

__all__ = ["AfsluitbareOpslag", "GeheugenOpslag", "Opslag", "SqliteOpslag"]


class Opslag(Protocol):
    """What the process needs from a store."""

    def laad(self, casus_id: str) -> ProcesStaat | None:
        """The stored state of a casus, or ``None`` when it has none."""
        ...

    def bewaar(self, staat: ProcesStaat, vorige_versie: int) -> None:
        """Store ``staat`` if the stored version is still ``vorige_versie`` (0: none).

        Raises:
            ProcesError: another writer stored a newer state in between (code
                ``gelijktijdig``); nothing was stored.
        """
        ...

    def casus_ids(self) -> list[str]:
        """The ids of every stored casus, sorted."""
        ...


def _gelijktijdig() -> ProcesError:
    return ProcesError(
        "gelijktijdig",
        "de staat van deze casus is intussen door een ander proces gewijzigd; lees opnieuw",
    )


class GeheugenOpslag:
    """A store in memory (for tests and short-lived processes); keeps JSON like SQLite."""

    def __init__(self) -> None:
        """An empty store."""
        self._staten: dict[str, tuple[int, str]] = {}
        self._slot = threading.Lock()

    def laad(self, casus_id: str) -> ProcesStaat | None:
        """The stored state of a casus, or ``None``."""
        with self._slot:
            gevonden = self._staten.get(casus_id)
        return None if gevonden is None else ProcesStaat.model_validate_json(gevonden[1])

    def bewaar(self, staat: ProcesStaat, vorige_versie: int) -> None:
        """Store ``staat`` (compare-and-set on the version)."""
        with self._slot:
            huidig = self._staten.get(staat.casus_id)
            if (huidig[0] if huidig else 0) != vorige_versie:
                raise _gelijktijdig()
            self._staten[staat.casus_id] = (staat.versie, staat.model_dump_json())

    def casus_ids(self) -> list[str]:
        """The ids of every stored casus, sorted."""
        with self._slot:
            return sorted(self._staten)


_KOLOMMEN: Final = ("casus_id", "versie", "staat")


def _onbruikbaar(waarom: str) -> OpslagError:
    return OpslagError(f"geen bruikbare opslag: {waarom}")


class AfsluitbareOpslag(ABC):
    """A store that holds a connection: close it with :meth:`sluit` or use it in ``with``."""

    @abstractmethod
    def sluit(self) -> None:
        """Close the store (each store says what that releases)."""

    def __enter__(self) -> Self:
        """Use the store in a ``with`` block."""
        return self

    def __exit__(
        self,
        soort: type[BaseException] | None,
        fout: BaseException | None,
        spoor: TracebackType | None,
    ) -> None:
        """Close the store."""
        self.sluit()


class SqliteOpslag(AfsluitbareOpslag):
    """A store in one SQLite file (standard library); safe to share between threads.

    Use it as a context manager, or call :meth:`sluit` when done. A file that is not
    SQLite, a table ``proces_staat`` of another shape, a state that does not read back,
    or a file that cannot be written raises :class:`~meldcode_rules.errors.OpslagError`
    (a :class:`~meldcode_rules.errors.MeldcodeError`), never a bare ``sqlite3`` or
    validation error.
    """

    def __init__(self, pad: str | Path) -> None:
        """Open (or create) the store at ``pad``.

        Raises:
            OpslagError: the file cannot be opened as a store of this library.
        """
        self._slot = threading.Lock()
        if not str(pad):
            msg = "geen pad (een leeg pad zou een tijdelijke database geven)"
            raise _onbruikbaar(msg)
        try:
            self._db = sqlite3.connect(str(pad), check_same_thread=False, isolation_level=None)
        except sqlite3.Error:
            msg = "het bestand kan niet geopend worden"
            raise _onbruikbaar(msg) from None
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS proces_staat ("
                " casus_id TEXT PRIMARY KEY, versie INTEGER NOT NULL, staat TEXT NOT NULL)"
            )
            kolommen = tuple(
                r[1] for r in self._db.execute("PRAGMA table_info(proces_staat)").fetchall()
            )
        except sqlite3.Error:
            self._db.close()
            msg = "geen SQLite-bestand, beschadigd of niet schrijfbaar"
            raise _onbruikbaar(msg) from None
        if kolommen != _KOLOMMEN:
            self._db.close()
            msg = "de tabel proces_staat heeft een andere vorm"
            raise _onbruikbaar(msg)

    def laad(self, casus_id: str) -> ProcesStaat | None:
        """The stored state of a casus, or ``None``.

        Raises:
            OpslagError: the stored state cannot be read back (the store was altered).
        """
        try:
            with self._slot:
                rij = self._db.execute(
                    "SELECT staat FROM proces_staat WHERE casus_id = ?", (casus_id,)
                ).fetchone()
            return None if rij is None else ProcesStaat.model_validate_json(rij[0])
        except (sqlite3.Error, ValidationError, TypeError):
            msg = "de opgeslagen staat van een casus is onleesbaar"
            raise _onbruikbaar(msg) from None

    def bewaar(self, staat: ProcesStaat, vorige_versie: int) -> None:
        """Store ``staat`` in one transaction (compare-and-set on the version).

        Raises:
            ProcesError: ``gelijktijdig``, another writer was first; nothing was stored.
            OpslagError: the file cannot be written (read-only, full, locked too long).
        """
        try:
            self._bewaar(staat, vorige_versie)
        except sqlite3.Error:
            msg = "de staat kan niet opgeslagen worden"
            raise _onbruikbaar(msg) from None

    def _bewaar(self, staat: ProcesStaat, vorige_versie: int) -> None:
        tekst = staat.model_dump_json()
        with self._slot:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if vorige_versie == 0:
                    cur = self._db.execute(
                        "INSERT OR IGNORE INTO proces_staat (casus_id, versie, staat) "
                        "VALUES (?, ?, ?)",
                        (staat.casus_id, staat.versie, tekst),
                    )
                else:
                    cur = self._db.execute(
                        "UPDATE proces_staat SET versie = ?, staat = ? "
                        "WHERE casus_id = ? AND versie = ?",
                        (staat.versie, tekst, staat.casus_id, vorige_versie),
                    )
                if cur.rowcount != 1:
                    self._db.execute("ROLLBACK")
                    raise _gelijktijdig()
                self._db.execute("COMMIT")
            except sqlite3.Error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def casus_ids(self) -> list[str]:
        """The ids of every stored casus, sorted."""
        with self._slot:
            rijen = self._db.execute("SELECT casus_id FROM proces_staat ORDER BY casus_id")
            return [r[0] for r in rijen]

    def sluit(self) -> None:
        """Close the database."""
        with self._slot:
            self._db.close()
