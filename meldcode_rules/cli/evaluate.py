"""``meldcode evaluate FILE --kader ID [--peildatum JJJJ-MM-DD] [--format json|text]``.

Instead of ``--kader ID``, ``--beroepsgroep NAAM [--sector SECTOR]`` picks the kader of
the beroepsgroep from the register (:func:`meldcode_rules.kader_for`); a note on
standard error says which kader was chosen and why (the output itself stays an
``Uitkomst``, whose ``kader`` field names the kader and version). A beroepsgroep whose
kader is known but not encoded, or that has no meldcode kader, ends with exit 2, the
reason and the advice.

FILE is one JSON casus, JSON Lines (one casus per line; one result per line,
streamed), or ``-`` for standard input. In JSON Lines the good lines are still
evaluated; a bad line yields ``{"regel": N, "fouten": [...]}`` in its place on
standard output (so results stay aligned with the input) and a one-line error on
standard error; the exit status is then 2.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sys
from collections import deque
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from meldcode_rules.api import compile_kader, evaluate_many, validate_casus
from meldcode_rules.beroepsgroepen import REGISTER_SECTOREN
from meldcode_rules.cli._common import EXIT_INVOER, EXIT_OK, Stop, peildatum, schrijf_fout
from meldcode_rules.cli.kaders import kies_kader
from meldcode_rules.errors import InputError, FieldError
from meldcode_rules.registry import default_registry
from meldcode_rules.tekst import uitkomst_als_tekst
from meldcode_rules.uitkomst import ENGINES

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator
    from datetime import date
    from typing import TextIO

    from meldcode_rules.registry import Registry
    from meldcode_rules.uitkomst import Uitkomst

__all__ = ["registreer"]


def _regels(bron: IO[str]) -> Iterator[tuple[int, str]]:
    for nummer, regel in enumerate(bron, start=1):
        if regel.strip():
            yield nummer, regel


def _json_fout(fout: json.JSONDecodeError, regel: int | None) -> FieldError:
    plek = f"regel {fout.lineno if regel is None else regel}, kolom {fout.colno}"
    return FieldError(veld="<json>", code="json_invalid", bericht=f"ongeldige JSON ({plek})")


def lees_json(tekst: str, regel: int | None) -> dict[str, Any]:
    try:
        waarde = json.loads(tekst)
    except json.JSONDecodeError as fout:
        raise InputError([_json_fout(fout, regel)]) from None
    except RecursionError:
        plek = f" (regel {regel})" if regel is not None else ""
        bericht = f"ongeldige JSON: te diep genest{plek}"
        raise InputError([FieldError("<json>", "json_invalid", bericht)]) from None
    if not isinstance(waarde, dict):
        raise InputError([FieldError("<json>", "model_type", "verwacht een JSON-object (een casus)")])
    return waarde


def _casussen(bron: IO[str]) -> Iterator[tuple[int | None, dict[str, Any] | InputError]]:
    """Yield (line number or None for a single document, parsed casus or its error)."""
    regels = _regels(bron)
    eerste = next(regels, None)
    if eerste is None:
        raise InputError([FieldError("<invoer>", "empty", "de invoer is leeg")])
    tweede = next(regels, None)
    try:
        eerste_object = json.loads(eerste[1])
    except (json.JSONDecodeError, RecursionError):
        eerste_object = None
    if not isinstance(eerste_object, dict) or tweede is None:
        # One JSON document, possibly spread over many lines.
        rest = "".join(r for _, r in regels)
        tekst = eerste[1] + (tweede[1] if tweede else "") + rest
        try:
            yield None, lees_json(tekst, None)
        except InputError as fout:
            yield None, fout
        return
    yield eerste[0], eerste_object
    for nummer, regel in _keten(tweede, regels):
        try:
            yield nummer, lees_json(regel, nummer)
        except InputError as fout:
            yield nummer, fout


def _keten(eerste: tuple[int, str], rest: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    yield eerste
    yield from rest


def _fout_json(fout: InputError, regel: int | None) -> str:
    return json.dumps(
        {
            "regel": regel,
            "fouten": [{"veld": f.veld, "code": f.code, "bericht": f.bericht} for f in fout.fouten],
        },
        ensure_ascii=False,
    )


@contextlib.contextmanager
def open_invoer(bestand: str) -> Iterator[IO[str]]:
    if bestand == "-":
        yield sys.stdin
        return
    try:
        bron = Path(bestand).open(encoding="utf-8")  # noqa: SIM115 - closed in finally
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


def _toon(uit: TextIO, uitkomst: Uitkomst, regel: int | None, *, als_tekst: bool) -> None:
    if als_tekst:
        kop = f"Casus op regel {regel}\n" if regel is not None else ""
        uit.write(kop + uitkomst_als_tekst(uitkomst) + "\n")
        if regel is not None:
            uit.write("\n")
    elif regel is None:
        uit.write(uitkomst.model_dump_json(indent=2) + "\n")
    else:
        uit.write(uitkomst.model_dump_json() + "\n")
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
    datum = peildatum(args.peildatum)
    registry = default_registry()
    kader = _kader_id(args)
    motor = compile_kader(kader, datum, args.engine, registry)
    als_tekst = args.format == "text"
    with open_invoer(args.bestand) as bron:
        try:
            casussen = _casussen(bron)
            eerste = next(casussen)
            if eerste[0] is not None:
                # JSON Lines: the streaming path of the API, one result per line.
                stroom = itertools.chain((eerste,), casussen)
                return _stroom(args, kader, datum, registry, stroom, uit=uit)
            regel, gegevens = eerste  # one JSON document
            try:
                if isinstance(gegevens, InputError):
                    raise gegevens
                uitkomst = motor.evaluate(validate_casus(gegevens), datum)
            except InputError as fout:
                schrijf_fout(fout, regel)
                return EXIT_INVOER
            _toon(uit, uitkomst, regel, als_tekst=als_tekst)
        except UnicodeDecodeError:
            msg = "meldcode: fout: FILE: geen geldige UTF-8-tekst"
            raise Stop(msg) from None
        except InputError as fout:
            schrijf_fout(fout, None)
            return EXIT_INVOER
    return EXIT_OK


def _stroom(
    args: argparse.Namespace,
    kader: str,
    datum: date,
    registry: Registry,
    casussen: Iterator[tuple[int | None, dict[str, Any] | InputError]],
    *,
    uit: TextIO,
) -> int:
    """Evaluate JSON Lines through :func:`meldcode_rules.evaluate_many`, lazily."""
    als_tekst = args.format == "text"
    status = EXIT_OK
    regels: deque[int | None] = deque()

    def geldig() -> Iterator[dict[str, Any]]:
        nonlocal status
        for regel, gegevens in casussen:
            if isinstance(gegevens, InputError):
                status = EXIT_INVOER
                schrijf_fout(gegevens, regel)
                if not als_tekst:
                    uit.write(_fout_json(gegevens, regel) + "\n")
                continue
            regels.append(regel)
            yield gegevens

    for resultaat in evaluate_many(
        geldig(), kader, datum, args.engine, registry, als_json=not als_tekst
    ):
        regel = regels.popleft()
        if isinstance(resultaat, InputError):
            status = EXIT_INVOER
            schrijf_fout(resultaat, regel)
            if not als_tekst:
                uit.write(_fout_json(resultaat, regel) + "\n")
        elif isinstance(resultaat, str):
            uit.write(resultaat + "\n")
            uit.flush()
        else:
            _toon(uit, resultaat, regel, als_tekst=als_tekst)
    return status


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
    ev.add_argument("--peildatum", help="JJJJ-MM-DD; standaard vandaag")
    ev.add_argument("--format", choices=("json", "text"), default="json")
    ev.add_argument("--engine", choices=ENGINES, default="native")
    ev.set_defaults(functie=_evaluate)
