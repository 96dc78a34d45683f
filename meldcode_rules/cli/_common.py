"""Shared pieces of the sub-commands: exit codes, the parser class, dates, errors."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Final, NoReturn

if TYPE_CHECKING:
    from meldcode_rules.errors import InputError

__all__ = [
    "EXIT_GEVONDEN",
    "EXIT_INTERN",
    "EXIT_INVOER",
    "EXIT_OK",
    "Parser",
    "Stop",
    "peildatum",
    "schrijf_fout",
]

EXIT_OK: Final = 0
EXIT_GEVONDEN: Final = 1
"""A check found a counterexample."""
EXIT_INVOER: Final = 2
EXIT_INTERN: Final = 3


class Stop(Exception):
    """End the command with a message on standard error and an exit status."""

    def __init__(self, bericht: str, code: int = EXIT_INVOER) -> None:
        super().__init__(bericht)
        self.code = code


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors end the command with exit 2 and no traceback."""

    def error(self, message: str) -> NoReturn:
        """Report a usage error."""
        self.print_usage(sys.stderr)
        msg = f"meldcode: fout: {message}"
        raise Stop(msg)


def peildatum(tekst: str | None) -> date:
    """Parse ``--peildatum`` (default today) without echoing a bad value."""
    if tekst is None:
        return date.today()
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        msg = "meldcode: fout: --peildatum: geen geldige datum (verwacht JJJJ-MM-DD)"
        raise Stop(msg) from None


def schrijf_fout(fout: InputError, regel: int | None) -> None:
    """Write an input error to standard error, one line per field (at most five)."""
    plek = f"regel {regel}: " if regel is not None else ""
    for veldfout in fout.fouten[:5]:
        sys.stderr.write(f"meldcode: fout: {plek}{veldfout}\n")
    if len(fout.fouten) > 5:
        sys.stderr.write(f"meldcode: fout: {plek}... en {len(fout.fouten) - 5} andere fouten\n")
