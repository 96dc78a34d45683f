"""The ``meldcode`` command.

Each sub-command lives in its own module in this package and registers itself
through a ``registreer(sub)`` function; :data:`OPDRACHTEN` lists them in the order
``meldcode --help`` shows them. Contract other tools rely on:

- exit 0: done; exit 1: a check found a counterexample (``meldcode check``);
  exit 2: bad input (a one-line Dutch error on standard error naming the field and,
  for JSON Lines, the line; never a traceback, never an input value);
  exit 3: an internal error (reported without a traceback).
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Final

from meldcode_rules import __version__
from meldcode_rules.cli._common import EXIT_INTERN, EXIT_INVOER, Parser, Stop
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``meldcode`` command; returns the exit status."""
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
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as fout:  # noqa: BLE001 - the CLI never shows a traceback
        sys.stderr.write(
            f"meldcode: interne fout ({type(fout).__name__}); meld dit als fout in meldcode-rules\n"
        )
        return EXIT_INTERN
