"""Shared pieces of the sub-commands: exit codes, the parser class, dates, errors, limits."""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import date
from typing import TYPE_CHECKING, Final, NoReturn, TextIO

from meldcode_rules.stroom import Limieten
from meldcode_rules.tijd import TIJDZONE, peildatum_vandaag

if TYPE_CHECKING:
    from meldcode_rules.errors import InputError
    from meldcode_rules.registry import Registry

__all__ = [
    "EXIT_GEVONDEN",
    "EXIT_INTERN",
    "EXIT_INVOER",
    "EXIT_OK",
    "EXIT_REGELS",
    "Parser",
    "Stop",
    "limiet_opties",
    "limieten",
    "peildatum",
    "schrijf_fout",
    "utf8",
    "versie_opties",
    "waarschuw_gebroken",
]

EXIT_OK: Final = 0
"""Done: every line (or the one document) was answered."""
EXIT_GEVONDEN: Final = 1
"""``check``/``casuistiek``: a counterexample or a deviating case was found."""
EXIT_REGELS: Final = 1
"""``evaluate``/``proces`` with JSON Lines: done, but some lines were bad (each has its
error record on standard output in its place; the others were answered)."""
EXIT_INVOER: Final = 2
"""Refused: bad arguments, an unknown kader, an unreadable file or an invalid single
document. Nothing (or, for ``proces``, nothing after the line named) was done."""
EXIT_INTERN: Final = 3
"""An internal error (a bug in meldcode-rules; reported without a traceback)."""
EXIT_PIJP: Final = 141
"""The reader closed the output pipe before every result was written (128 + SIGPIPE)."""


class Stop(Exception):
    """End the command with a message on standard error and an exit status."""

    def __init__(self, bericht: str, code: int = EXIT_INVOER) -> None:
        super().__init__(bericht)
        self.code = code


_OPTIE: Final = re.compile(r"^argument ([-\w/]+):")
_KEUZE: Final = re.compile(r"invalid choice: .*\(choose from (.*)\)$", re.DOTALL)
_VERPLICHT: Final = re.compile(r"^the following arguments are required: (.*)$")


def _nederlands(message: str) -> str:  # noqa: PLR0911 - one answer per argparse message
    """The English message of argparse message in Dutch, without the value that was given.

    argparse repeats what was typed (``invalid choice: 'X'``, ``unrecognized arguments:
    X``); that may be case data, so only option names and the allowed choices (ours)
    are kept.
    """
    optie = _OPTIE.match(message)
    plek = f"{optie.group(1)}: " if optie else ""
    keuze = _KEUZE.search(message)
    if keuze:
        return f"{plek}ongeldige keuze (kies uit {keuze.group(1)})"
    verplicht = _VERPLICHT.match(message)
    if verplicht:
        return f"verplicht: {verplicht.group(1)}"
    if message.startswith("unrecognized arguments"):
        return "onbekende argumenten (niet herhaald); zie meldcode --help"
    if "expected one argument" in message:
        return f"{plek}verwacht een waarde"
    if "not allowed with argument" in message:
        return f"{plek}niet samen te gebruiken met een ander gegeven argument"
    if message.startswith("ambiguous option"):
        return "dubbelzinnige optie (niet herhaald); schrijf de optie voluit"
    if "invalid" in message and "value" in message:
        return f"{plek}ongeldige waarde"
    return "ongeldige aanroep; zie meldcode --help"


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors end the command with exit 2, in Dutch, no values."""

    def error(self, message: str) -> NoReturn:
        """Report a usage error (never repeating the value that was given)."""
        self.print_usage(sys.stderr)
        msg = f"meldcode: fout: {_nederlands(message)}"
        raise Stop(msg)


_DATUM: Final = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def peildatum(tekst: str | None) -> date:
    """Parse ``--peildatum`` (``JJJJ-MM-DD`` only) without echoing a bad value.

    Without it: today in the Netherlands (:data:`~meldcode_rules.tijd.TIJDZONE`), whatever
    the host's time zone; the output states the peildatum used.
    """
    if tekst is None:
        return peildatum_vandaag()
    msg = "meldcode: fout: --peildatum: geen geldige datum (verwacht JJJJ-MM-DD)"
    if not _DATUM.match(tekst):
        raise Stop(msg)
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise Stop(msg) from None


PEILDATUM_HULP: Final = f"JJJJ-MM-DD; standaard vandaag ({TIJDZONE})"


def versie_opties(parser: argparse.ArgumentParser, *, bij: str = "") -> None:
    """Add ``--versie`` and ``--peildatum``: one version of a kader, by name or by the day it holds.

    The two exclude each other: given both, the command stops (exit 2) and says so.

    Args:
        parser: the command's parser.
        bij: what the options belong to, to begin their help with (``bij --bronnen: ``).
    """
    keuze = parser.add_mutually_exclusive_group()
    keuze.add_argument(
        "--versie",
        help=f"{bij}alleen deze versie (bijvoorbeeld 2019: kader.versie van een uitkomst)",
    )
    keuze.add_argument(
        "--peildatum", help=f"{bij}JJJJ-MM-DD: alleen de versie die op die dag geldt"
    )


def limiet_opties(parser: argparse.ArgumentParser, *, signalen: bool = True) -> None:
    """Add the ``--max-*`` options (defaults: :class:`~meldcode_rules.stroom.Limieten`)."""
    standaard = Limieten()
    parser.add_argument(
        "--max-regel",
        metavar="BYTES",
        default=str(standaard.regel),
        help=f"hoogstens zoveel bytes per regel JSON Lines (standaard {standaard.regel})",
    )
    parser.add_argument(
        "--max-bestand",
        metavar="BYTES",
        default=str(standaard.document),
        help=f"hoogstens zoveel bytes voor één JSON-document (standaard {standaard.document})",
    )
    if signalen:
        parser.add_argument(
            "--max-signalen",
            metavar="N",
            default=str(standaard.signalen),
            help=f"hoogstens zoveel signalen (en betrokkenen) per casus "
            f"(standaard {standaard.signalen})",
        )


def _getal(naam: str, tekst: str) -> int:
    if not re.fullmatch(r"[0-9]{1,12}", tekst) or int(tekst) < 1:
        msg = f"meldcode: fout: {naam}: verwacht een geheel getal van minstens 1"
        raise Stop(msg)
    return int(tekst)


def limieten(args: argparse.Namespace) -> Limieten:
    """The limits the ``--max-*`` options set."""
    standaard = Limieten()
    return Limieten(
        regel=_getal("--max-regel", args.max_regel),
        document=_getal("--max-bestand", args.max_bestand),
        signalen=_getal("--max-signalen", getattr(args, "max_signalen", str(standaard.signalen))),
    )


def utf8(stroom: TextIO, fouten: str = "strict") -> None:
    """Make a standard stream write UTF-8, whatever the locale or ``PYTHONIOENCODING``.

    The JSON contract is UTF-8; a Windows pipe (cp1252) or ``LANG=C`` must neither mangle
    ``é`` nor crash on ``≥``.
    """
    if not isinstance(stroom, io.TextIOWrapper):
        return
    codering = (stroom.encoding or "").lower().replace("-", "").replace("_", "")
    if codering != "utf8" or stroom.errors != fouten:
        try:
            stroom.reconfigure(encoding="utf-8", errors=fouten)
        except (ValueError, OSError):
            return


def schrijf_fout(fout: InputError, regel: int | None) -> None:
    """Write an input error to standard error as one line: the first field and how many more."""
    plek = f"regel {regel}: " if regel is not None else ""
    eerste = str(fout.fouten[0]) if fout.fouten else "ongeldige invoer"
    meer = len(fout.fouten) - 1
    extra = f" (en {meer} andere {'fout' if meer == 1 else 'fouten'})" if meer > 0 else ""
    sys.stderr.write(f"meldcode: fout: {plek}{eerste}{extra}\n")


def waarschuw_gebroken(registry: Registry, *, alles: bool = False) -> None:
    """One warning line on standard error per refused kader, with its distribution and why.

    ``alles``: load every registered kader first (``meldcode kaders``); otherwise only the
    kaders refused while loading what the command needed (a plugin that claims the id of
    the kader asked for, or of a kader it extends).
    """
    for g in registry.broken(load_all=alles):
        sys.stderr.write(
            f"meldcode: waarschuwing: kader {g.naam} ({g.distributie}) is overgeslagen: {g.reden}\n"
        )
