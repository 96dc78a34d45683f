"""The ``meldcode`` command.

Each sub-command lives in its own module in this package and registers itself
through a ``registreer(sub)`` function; :data:`OPDRACHTEN` lists them in the order
``meldcode --help`` shows them. Contract other tools rely on:

- exit 0: done; every line (or the one document) was answered.
- exit 1: ``check``/``casuistiek`` found a counterexample or a deviating case; for
  ``evaluate``/``proces`` with JSON Lines: done, but some lines were bad (each has its
  error record in its place on standard output, and one Dutch line on standard error).
- exit 2: refused: bad arguments, an unknown kader, an unreadable file, an invalid
  single document (one Dutch line on standard error naming the field, never a value).
- exit 3: an internal error (a bug; reported without a traceback, never expected).

Standard output and standard error are UTF-8 whatever the locale; nothing is ever
written as a traceback or with an input value in it.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from typing import TYPE_CHECKING, Final

from meldcode_rules import __version__
from meldcode_rules.cli._common import EXIT_INTERN, EXIT_INVOER, EXIT_PIJP, Parser, Stop, utf8
from meldcode_rules.errors import MeldcodeError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import TextIO

__all__ = ["OPDRACHTEN", "main"]

OPDRACHTEN: Final[tuple[str, ...]] = (
    "evaluate",
    "explain",
    "kaders",
    "check",
    "casuistiek",
    "schema",
    "docs",
    "proces",
    "serve",
)
"""The sub-command modules of this package, in help order."""


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="meldcode",
        description="De meldcode huiselijk geweld en kindermishandeling als uitvoerbare regels.",
    )
    parser.add_argument("--version", action="version", version=f"meldcode-rules {__version__}")
    sub = parser.add_subparsers(dest="opdracht", required=True, parser_class=Parser)
    for naam in OPDRACHTEN:
        module = importlib.import_module(f"meldcode_rules.cli.{naam}")
        module.registreer(sub)
    return parser


class _Waarschuwing(logging.Handler):
    """The library's logged warnings (a skipped register plugin) as CLI warning lines."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(f"meldcode: waarschuwing: {record.getMessage()}\n")


_REGISTERLOG: Final = logging.getLogger("meldcode_rules.beroepsgroepen")


def _waarschuwingen() -> None:
    if not any(isinstance(h, _Waarschuwing) for h in _REGISTERLOG.handlers):
        _REGISTERLOG.addHandler(_Waarschuwing(logging.WARNING))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``meldcode`` command; returns the exit status."""
    utf8(sys.stdout)
    utf8(sys.stderr, "backslashreplace")
    _waarschuwingen()
    try:
        args = _parser().parse_args(argv)
        functie: Callable[[argparse.Namespace, TextIO], int] = args.functie
        return functie(args, sys.stdout)
    except Stop as stop:
        sys.stderr.write(f"{stop}\n")
        return stop.code
    except MeldcodeError as fout:
        sys.stderr.write(f"meldcode: fout: {fout}\n")
        return EXIT_INVOER
    except BrokenPipeError:
        # The reader closed the pipe (`| head`): not every result was written. Say so by the
        # status a shell gives a process ended by SIGPIPE, never 0; and let nothing more be
        # flushed to the closed pipe at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIJP
    except KeyboardInterrupt:
        return 130
    except Exception as fout:  # noqa: BLE001 - the CLI never shows a traceback
        sys.stderr.write(
            f"meldcode: interne fout ({type(fout).__name__}); meld dit als fout in meldcode-rules\n"
        )
        return EXIT_INTERN
