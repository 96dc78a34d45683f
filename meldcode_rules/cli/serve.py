"""``meldcode serve [--host H] [--port P] [--store PAD|URI] [--termijnen PAD] [--token-file PAD]``.

Starts the HTTP service (:mod:`meldcode_rules.server`, the extra
``meldcode-rules[server]``) on uvicorn, bound to 127.0.0.1 unless ``--host`` says
otherwise. Without the extra: exit 2 and one line naming it.

Secrets stay off the command line: the bearer token comes from ``--token-file``,
``MELDCODE_SERVER_TOKEN_FILE`` or ``MELDCODE_SERVER_TOKEN``; a PostgreSQL address with
a password from ``MELDCODE_STORE`` (``--store`` overrides it).

Logging: the service's own access log (method, route template, status, time) and
uvicorn's start and stop messages, on standard error. No log line holds a request body,
a query string, a concrete path or an exception message; uvicorn's own access log (which
prints paths, and so casus ids) is off, and its ``trace`` level (which prints bodies) is
not offered.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import sys
from typing import TYPE_CHECKING, Any

from meldcode_rules.cli._common import EXIT_OK, Stop
from meldcode_rules.cli.proces import lees_termijnen, termijnen_optie
from meldcode_rules.stroom import Limieten

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

__all__ = ["log_config", "registreer"]

_NIVEAUS = ("critical", "error", "warning", "info", "debug")


def log_config(niveau: str) -> dict[str, Any]:
    """Uvicorn's logging, with its access log off and the service's own logger on."""
    formaat = {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "meldcode",
        "stream": "ext://sys.stderr",
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"meldcode": formaat},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": niveau.upper(), "propagate": False},
            "uvicorn.error": {"level": niveau.upper()},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "meldcode_rules.server": {
                "handlers": ["stderr"],
                "level": niveau.upper(),
                "propagate": False,
            },
        },
    }


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _serve(args: argparse.Namespace, _uit: TextIO) -> int:
    if importlib.util.find_spec("fastapi") is None or importlib.util.find_spec("uvicorn") is None:
        msg = "meldcode: fout: serve vraagt de extra: pip install 'meldcode-rules[server]'"
        raise Stop(msg)
    import uvicorn  # noqa: PLC0415 - the extra, only for this command

    from meldcode_rules.server import Instellingen, maak_app  # noqa: PLC0415
    from meldcode_rules.server.instellingen import (  # noqa: PLC0415
        STORE_VAR,
        InstellingFout,
        token_uit_omgeving,
    )

    try:
        token = token_uit_omgeving(bestand=args.token_file)
        termijnen = lees_termijnen(args.termijnen, Limieten())
        instellingen = Instellingen(
            token=token,
            max_body=args.max_body,
            opslag=args.store or os.environ.get(STORE_VAR),
            termijnen=termijnen,
        )
        app = maak_app(instellingen)
    except InstellingFout as fout:
        msg = f"meldcode: fout: {fout}"
        raise Stop(msg) from None
    if token is None and not _loopback(args.host):
        sys.stderr.write(
            "meldcode: waarschuwing: de dienst luistert buiten deze machine zonder token "
            "(zet MELDCODE_SERVER_TOKEN_FILE)\n"
        )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_config=log_config(args.log_level),
        access_log=False,
        server_header=False,
        proxy_headers=False,
    )
    return EXIT_OK


def _bytes(tekst: str) -> int:
    try:
        waarde = int(tekst)
    except ValueError:
        msg = "meldcode: fout: --max-body: verwacht een aantal bytes"
        raise Stop(msg) from None
    if waarde < 1:
        msg = "meldcode: fout: --max-body: verwacht een aantal bytes"
        raise Stop(msg)
    return waarde


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``serve`` to the ``meldcode`` command."""
    sv = sub.add_parser(
        "serve", help="start de HTTP-dienst (extra: meldcode-rules[server]), standaard op 127.0.0.1"
    )
    sv.add_argument(
        "--host", default="127.0.0.1", help="adres om op te luisteren (standaard 127.0.0.1)"
    )
    sv.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    sv.add_argument(
        "--store",
        metavar="PAD|URI",
        help="procesopslag: een SQLite-bestand of postgresql://... (standaard: in het geheugen; "
        "of MELDCODE_STORE)",
    )
    termijnen_optie(sv)
    sv.add_argument(
        "--token-file",
        metavar="PAD",
        help="bestand met het bearer-token (of MELDCODE_SERVER_TOKEN_FILE / MELDCODE_SERVER_TOKEN)",
    )
    sv.add_argument(
        "--max-body",
        type=_bytes,
        default=1 << 20,
        help="grootste request body in bytes (standaard 1 MiB)",
    )
    sv.add_argument("--log-level", choices=_NIVEAUS, default="info")
    sv.set_defaults(functie=_serve)
