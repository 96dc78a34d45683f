"""The service's settings: limits, the optional bearer token, the process store, termijnen.

Secrets never go on the command line (where ``ps`` shows them): the token comes from
the environment variable ``MELDCODE_SERVER_TOKEN`` or from a file named by
``MELDCODE_SERVER_TOKEN_FILE`` (or ``meldcode serve --token-file``); a PostgreSQL
address with a password from ``MELDCODE_STORE`` (or ``--store``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from meldcode_rules.proces import GeheugenOpslag, SqliteOpslag, Termijnen

if TYPE_CHECKING:
    from collections.abc import Mapping

    from meldcode_rules.proces import Opslag

__all__ = [
    "MAX_BATCH",
    "MAX_BODY",
    "InstellingFout",
    "Instellingen",
    "maak_opslag",
    "token_uit_omgeving",
]

MAX_BODY: Final = 1 << 20
"""Default limit of a request body (1 MiB; a casus is a few KB): larger is refused (413)."""
MAX_BATCH: Final = 1 << 30
"""Default limit of a whole JSON Lines batch (1 GiB, streamed: memory stays flat)."""

TOKEN_VAR: Final = "MELDCODE_SERVER_TOKEN"  # noqa: S105 - the variable's name, not a secret
TOKEN_FILE_VAR: Final = "MELDCODE_SERVER_TOKEN_FILE"  # noqa: S105
STORE_VAR: Final = "MELDCODE_STORE"


class InstellingFout(ValueError):
    """A setting that cannot be used (the message names the setting, never a secret)."""


@dataclass(frozen=True)
class Instellingen:
    """Everything the app needs, fixed when it is made."""

    token: str | None = None
    """When set, every request but health, readiness and the OpenAPI document needs
    ``Authorization: Bearer <token>``."""
    max_body: int = MAX_BODY
    """Bytes a request body may have (and a line of a batch)."""
    max_batch: int = MAX_BATCH
    """Bytes a whole batch may have."""
    opslag: str | None = None
    """The process store: ``None`` (in memory), a SQLite path, or a ``postgresql://`` URI."""
    termijnen: Termijnen = field(default_factory=Termijnen)
    """The organisation's termijnen for the process overview."""


def token_uit_omgeving(
    omgeving: Mapping[str, str] | None = None, bestand: str | None = None
) -> str | None:
    """The bearer token: ``bestand``, ``MELDCODE_SERVER_TOKEN_FILE`` or ``MELDCODE_SERVER_TOKEN``.

    Raises:
        InstellingFout: the file cannot be read or holds no token.
    """
    env = os.environ if omgeving is None else omgeving
    pad = bestand or env.get(TOKEN_FILE_VAR)
    if pad:
        try:
            token = Path(pad).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            msg = "tokenbestand kan niet gelezen worden"
            raise InstellingFout(msg) from None
        if not token:
            msg = "tokenbestand is leeg"
            raise InstellingFout(msg)
        return token
    token = env.get(TOKEN_VAR, "").strip()
    return token or None


def maak_opslag(spec: str | None) -> Opslag:
    """The store for ``spec``: memory (``None`` or ``:memory:``), PostgreSQL or SQLite.

    Raises:
        InstellingFout: PostgreSQL asked for without psycopg, or unreachable.
    """
    if spec is None or spec == ":memory:":
        return GeheugenOpslag()
    if spec.startswith(("postgresql://", "postgres://")):
        try:
            from meldcode_rules.proces.postgres import PostgresOpslag  # noqa: PLC0415
        except ImportError:
            msg = "PostgreSQL-opslag vraagt psycopg: pip install 'meldcode-rules[server]'"
            raise InstellingFout(msg) from None
        import psycopg  # noqa: PLC0415 - only with a PostgreSQL store

        try:
            return PostgresOpslag(spec)
        except psycopg.Error:
            # The message may repeat the address (and its password): not shown.
            msg = "PostgreSQL-opslag niet bereikbaar (controleer het adres)"
            raise InstellingFout(msg) from None
    return SqliteOpslag(spec)
