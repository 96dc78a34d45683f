"""``meldcode evaluate FILE [--kader ID] [--peildatum JJJJ-MM-DD] [--format jsonl|json|text]``.

Instead of ``--kader ID``, ``--beroepsgroep NAAM [--sector SECTOR]`` picks the kader of
the beroepsgroep from the register (:func:`meldcode_rules.kader_for`); a note on
standard error says which kader was chosen and why (the output itself stays an
``Uitkomst``, whose ``kader`` field names the kader and version). A beroepsgroep whose
kader is known but not encoded, or that has no meldcode kader, ends with exit 2, the
reason and the advice.

The JSON contract (``--format jsonl``, the default for ``-`` and for ``.jsonl`` files):
one line in gives one JSON line out, in order, flushed at once, whatever the number of
lines (one line is not a "document"). A line that cannot be evaluated (invalid UTF-8 or
JSON, a blank line, an array, a duplicate key, an invalid casus, over a limit) gets the
error record ``{"lijn": N, "casus_id": ..., "fouten": [{"veld", "code", "bericht"}]}``
in its place (``meldcode schema foutregel``) and one Dutch line on standard error; the
stream goes on, and the exit status is then 1. ``--format json`` reads one JSON document
(a casus, possibly over many lines) and prints its outcome indented; ``--format text``
prints the Dutch summary (JSON Lines from ``-`` and ``.jsonl``, else one document).
``--bronnen volledig`` writes every rule's passage and every afweging's question into each
outcome (default ``verwijzing``: the compact form, texts looked up with ``meldcode kaders
--bronnen KADER``). ``--jobs N`` spreads JSON Lines over N worker processes (0: one per
core) with the same output, in the same order (:func:`meldcode_rules.jsonl.evaluate_jsonl`).
Exit 2 means the batch was refused (bad arguments, unknown kader, unreadable file, an
invalid single document); see :mod:`meldcode_rules.cli` for all exit statuses.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections import deque
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from meldcode_rules.api import compile_kader, evaluate_many, validate_casus
from meldcode_rules.beroepsgroepen import REGISTER_SECTOREN
from meldcode_rules.casus import Casus
from meldcode_rules.cli._common import (
    EXIT_INVOER,
    EXIT_OK,
    EXIT_REGELS,
    PEILDATUM_HULP,
    Stop,
    limiet_opties,
    limieten,
    peildatum,
    schrijf_fout,
    waarschuw_gebroken,
)
from meldcode_rules.cli.kaders import kies_kader
from meldcode_rules.errors import InputError
from meldcode_rules.jsonl import evaluate_jsonl
from meldcode_rules.registry import default_registry
from meldcode_rules.stroom import Casusregel, Foutregel, Limieten, casussen, lees_document
from meldcode_rules.tekst import uitkomst_als_tekst
from meldcode_rules.uitkomst import BRONNEN, ENGINES

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date
    from typing import TextIO

    from meldcode_rules.engine import CompiledKader
    from meldcode_rules.jsonl import Doel
    from meldcode_rules.registry import Registry
    from meldcode_rules.stroom import Bron
    from meldcode_rules.uitkomst import Bronnen, Engine, Uitkomst

__all__ = ["registreer"]

_REGELBESTANDEN = (".jsonl", ".ndjson")


def binair(tekst: TextIO) -> Bron:
    """The binary stream under a text stream (``sys.stdin.buffer``); for tests, its bytes."""
    buffer = getattr(tekst, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    return io.BytesIO(tekst.read().encode("utf-8"))


@contextlib.contextmanager
def open_bron(bestand: str) -> Iterator[Bron]:
    """FILE as a binary stream (``-``: standard input), or a one-line error (exit 2)."""
    if bestand == "-":
        yield binair(sys.stdin)
        return
    try:
        bron: IO[bytes] = Path(bestand).open("rb")  # noqa: SIM115 - closed in finally
    except FileNotFoundError:
        msg = "meldcode: fout: FILE: bestand niet gevonden"
        raise Stop(msg) from None
    except IsADirectoryError:
        msg = "meldcode: fout: FILE: is een map, geen bestand"
        raise Stop(msg) from None
    except OSError:
        msg = "meldcode: fout: FILE: bestand kan niet gelezen worden"
        raise Stop(msg) from None
    try:
        yield bron
    finally:
        bron.close()


def lees_casus(bron: Bron, grenzen: Limieten) -> Casus:
    """One casus as a single JSON document (``--format json``, ``explain``).

    Raises:
        InputError: the document is not one valid casus within the limits.
        Stop: the file cannot be read.
    """
    try:
        return validate_casus(lees_document(bron, grenzen, model=Casus))
    except OSError:
        msg = "meldcode: fout: FILE: bestand kan niet gelezen worden"
        raise Stop(msg) from None


def lees_een_casus(bestand: str, grenzen: Limieten) -> Casus | None:
    """FILE as one casus (``--format json``, ``explain``); ``None`` once its errors are written.

    Raises:
        Stop: the file cannot be opened or read.
    """
    with open_bron(bestand) as bron:
        try:
            return lees_casus(bron, grenzen)
        except InputError as fout:
            schrijf_fout(fout, None)
            return None


def motor_voor(kader: str, datum: date, engine: Engine) -> tuple[CompiledKader, Registry]:
    """The kader version compiled by ``engine``, and the registry it came from.

    A kader that failed to load is reported on standard error either way (e.g. a plugin
    that claimed this kader's id).
    """
    registry = default_registry()
    try:
        return compile_kader(kader, datum, engine, registry), registry
    finally:
        waarschuw_gebroken(registry)


def _regelformaat(args: argparse.Namespace) -> bool:
    """Whether FILE is read as JSON Lines."""
    if args.format in ("jsonl", "json"):
        return bool(args.format == "jsonl")
    bestand = str(args.bestand)
    return bestand == "-" or bestand.lower().endswith(_REGELBESTANDEN)


def _toon(uit: TextIO, uitkomst: Uitkomst, *, als_tekst: bool, bronnen: Bronnen) -> None:
    if als_tekst:
        uit.write(uitkomst_als_tekst(uitkomst) + "\n")
    else:
        uit.write(uitkomst.als_json(bronnen, indent=2) + "\n")
    uit.flush()


def _kader_id(args: argparse.Namespace) -> str:
    if args.beroepsgroep is None:
        return str(args.kader or "basis")
    if args.kader is not None:
        msg = "meldcode: fout: geef --kader of --beroepsgroep, niet allebei"
        raise Stop(msg)
    keuze = kies_kader(args.beroepsgroep, args.sector)
    b = keuze.beroepsgroep
    if b.status == "geen_meldcodekader":
        msg = (
            f"meldcode: fout: --beroepsgroep: {b.naam} heeft geen meldcodekader ({b.reden}) "
            f"{b.advies}"
        )
        raise Stop(msg)
    if keuze.kader is None:
        msg = (
            f"meldcode: fout: --beroepsgroep: {b.naam} gebruikt {b.kader_naam}; dat kader is "
            f"bekend maar niet gecodeerd ({b.reden}) {b.advies} (Het model zelf: --kader basis.)"
        )
        raise Stop(msg)
    sys.stderr.write(f"meldcode: kader {keuze.kader} gekozen: {keuze.waarom}\n")
    return keuze.kader


def _evaluate(args: argparse.Namespace, uit: TextIO) -> int:
    if args.format is None:
        regels = args.bestand == "-" or args.bestand.lower().endswith(_REGELBESTANDEN)
        args.format = "jsonl" if regels else "json"
    datum = peildatum(args.peildatum)
    grenzen = limieten(args)
    kader = _kader_id(args)
    motor, registry = motor_voor(kader, datum, args.engine)
    als_tekst = args.format == "text"
    if _regelformaat(args):
        with open_bron(args.bestand) as bron:
            if als_tekst:
                return _stroom(args, kader, datum, registry, casussen(bron, grenzen), uit=uit)
            return _jsonl(args, kader, datum, registry, bron, grenzen, uit=uit)
    casus = lees_een_casus(args.bestand, grenzen)
    if casus is None:
        return EXIT_INVOER
    _toon(uit, motor.evaluate(casus, datum), als_tekst=als_tekst, bronnen=args.bronnen)
    return EXIT_OK


class _TekstDoel:
    """Bytes into a text stream without a binary buffer (a test's StringIO)."""

    def __init__(self, uit: TextIO) -> None:
        self.uit = uit

    def write(self, data: bytes, /) -> int:
        return self.uit.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.uit.flush()


def _jsonl(  # noqa: PLR0917 - the stream's settings
    args: argparse.Namespace,
    kader: str,
    datum: date,
    registry: Registry,
    bron: Bron,
    grenzen: Limieten,
    *,
    uit: TextIO,
) -> int:
    """JSON Lines to JSON Lines through :func:`meldcode_rules.jsonl.evaluate_jsonl`."""
    uit.flush()
    buffer = getattr(uit, "buffer", None)
    doel: Doel = buffer if buffer is not None else _TekstDoel(uit)
    verslag = evaluate_jsonl(
        bron,
        doel,
        kader,
        datum,
        args.engine,
        None if args.jobs > 1 else registry,
        bronnen=args.bronnen,
        limieten=grenzen,
        jobs=args.jobs,
        bij_fout=lambda f: schrijf_fout(f.fout, f.lijn),
    )
    return EXIT_REGELS if verslag.fouten else EXIT_OK


def _stroom(
    args: argparse.Namespace,
    kader: str,
    datum: date,
    registry: Registry,
    regels: Iterator[Casusregel | Foutregel],
    *,
    uit: TextIO,
) -> int:
    """Evaluate JSON Lines through :func:`meldcode_rules.evaluate_many`: one line out per line in.

    The valid casussen go through the lazy API one at a time; an error record is written
    the moment its line is read, so the output stays in input order, and every line is
    flushed before the next one is read (a request/response client never waits).
    """
    als_tekst = args.format == "text"
    status = EXIT_OK
    lijnen: deque[int] = deque()

    def geldig() -> Iterator[Casus]:
        nonlocal status
        for item in regels:
            if isinstance(item, Foutregel):
                status = EXIT_REGELS
                schrijf_fout(item.fout, item.lijn)
                if not als_tekst:
                    uit.write(item.als_json() + "\n")
                    uit.flush()
                continue
            lijnen.append(item.lijn)
            yield item.casus

    for resultaat in evaluate_many(
        geldig(), kader, datum, args.engine, registry, als_json=not als_tekst
    ):
        lijn = lijnen.popleft()
        if isinstance(resultaat, InputError):  # not reached: each casus is valid already
            status = EXIT_REGELS
            schrijf_fout(resultaat, lijn)
            if not als_tekst:
                uit.write(Foutregel(lijn, resultaat).als_json() + "\n")
        elif isinstance(resultaat, str):
            uit.write(resultaat + "\n")
        else:
            _toon_regel(uit, resultaat, lijn)
        uit.flush()
    return status


def _toon_regel(uit: TextIO, uitkomst: Uitkomst, lijn: int) -> None:
    uit.write(f"Casus op regel {lijn}\n{uitkomst_als_tekst(uitkomst)}\n\n")


def _jobs(tekst: str) -> int:
    try:
        n = int(tekst)
    except ValueError:
        n = -1
    if n < 0:
        msg = "verwacht een geheel getal van 0 of meer"
        raise argparse.ArgumentTypeError(msg)
    return n or (os.cpu_count() or 1)


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``evaluate`` to the ``meldcode`` command."""
    ev = sub.add_parser("evaluate", help="beoordeel een casus (JSON) of een reeks (JSON Lines)")
    ev.add_argument("bestand", metavar="FILE", help="JSON-bestand, JSON Lines, of - voor stdin")
    ev.add_argument("--kader", default=None, help="id van het afwegingskader (standaard: basis)")
    ev.add_argument(
        "--beroepsgroep",
        metavar="NAAM",
        help="kies het afwegingskader van deze beroepsgroep (in plaats van --kader)",
    )
    ev.add_argument("--sector", choices=REGISTER_SECTOREN, help="bij --beroepsgroep: de sector")
    ev.add_argument("--peildatum", help=PEILDATUM_HULP)
    ev.add_argument(
        "--format",
        choices=("jsonl", "json", "text"),
        default=None,
        help="jsonl: één JSON-regel per invoerregel (standaard voor - en .jsonl); "
        "json: één document; text: Nederlandse samenvatting",
    )
    ev.add_argument("--engine", choices=ENGINES, default="native")
    ev.add_argument(
        "--bronnen",
        choices=BRONNEN,
        default="verwijzing",
        help="verwijzing (standaard): de bronpassages en vragen staan niet in elke uitkomst, "
        "zoek ze op met meldcode kaders --bronnen KADER; volledig: schrijf ze uit",
    )
    ev.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="JSON Lines over N processen verdelen (0: één per kern); de uitvoer blijft "
        "regel voor regel in dezelfde volgorde",
    )
    limiet_opties(ev)
    ev.set_defaults(functie=_evaluate)
