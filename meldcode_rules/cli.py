"""The ``meldcode`` command.

Contract other tools rely on:

- ``meldcode evaluate FILE --kader ID [--peildatum JJJJ-MM-DD] [--format json|text]``:
  FILE is one JSON casus, JSON Lines (one casus per line; one result per line,
  streamed), or ``-`` for standard input.
- ``meldcode kaders [--format json|text]``: every registered kader.
- ``meldcode schema casus|uitkomst``: the JSON Schema.

Bad input gets a one-line Dutch error on standard error naming the field (and the
line), exit status 2, no traceback and no input value. In JSON Lines the good lines
are still evaluated; a bad line yields ``{"regel": N, "fout": {...}}`` in its place
on standard output, so results stay aligned with the input.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, NoReturn, TextIO

from meldcode_rules import __version__
from meldcode_rules.api import _motor, load_kader, valideer_casus
from meldcode_rules.errors import InvoerFout, MeldcodeFout, Veldfout
from meldcode_rules.registry import Register, standaard_register
from meldcode_rules.schema import json_schema
from meldcode_rules.tekst import uitkomst_als_tekst

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from meldcode_rules.engine import GecompileerdeVersie
    from meldcode_rules.kader import Kader
    from meldcode_rules.uitkomst import Uitkomst

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_INVOER: Final = 2
EXIT_INTERN: Final = 3


class _Stop(Exception):
    def __init__(self, bericht: str, code: int = EXIT_INVOER) -> None:
        super().__init__(bericht)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise _Stop(f"meldcode: fout: {message}")


def _peildatum(tekst: str | None) -> date:
    if tekst is None:
        return date.today()
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        msg = "meldcode: fout: --peildatum: geen geldige datum (verwacht JJJJ-MM-DD)"
        raise _Stop(msg) from None


def _regels(bron: IO[str]) -> Iterator[tuple[int, str]]:
    for nummer, regel in enumerate(bron, start=1):
        if regel.strip():
            yield nummer, regel


def _json_fout(fout: json.JSONDecodeError, regel: int | None) -> Veldfout:
    plek = f"regel {fout.lineno if regel is None else regel}, kolom {fout.colno}"
    return Veldfout(veld="<json>", code="json_invalid", bericht=f"ongeldige JSON ({plek})")


def _parse(tekst: str, regel: int | None) -> dict[str, Any]:
    try:
        waarde = json.loads(tekst)
    except json.JSONDecodeError as fout:
        raise InvoerFout([_json_fout(fout, regel)]) from None
    if not isinstance(waarde, dict):
        raise InvoerFout([Veldfout("<json>", "model_type", "verwacht een JSON-object (een casus)")])
    return waarde


def _casussen(bron: IO[str]) -> Iterator[tuple[int | None, dict[str, Any] | InvoerFout]]:
    """Yield (line number or None for a single document, parsed casus or its error)."""
    regels = _regels(bron)
    eerste = next(regels, None)
    if eerste is None:
        raise InvoerFout([Veldfout("<invoer>", "empty", "de invoer is leeg")])
    tweede = next(regels, None)
    try:
        eerste_object = json.loads(eerste[1])
    except json.JSONDecodeError:
        eerste_object = None
    if not isinstance(eerste_object, dict) or tweede is None:
        # One JSON document, possibly spread over many lines.
        rest = "".join(r for _, r in regels)
        tekst = eerste[1] + (tweede[1] if tweede else "") + rest
        try:
            yield None, _parse(tekst, None)
        except InvoerFout as fout:
            yield None, fout
        return
    yield eerste[0], eerste_object
    for nummer, regel in _keten(tweede, regels):
        try:
            yield nummer, _parse(regel, nummer)
        except InvoerFout as fout:
            yield nummer, fout


def _keten(eerste: tuple[int, str], rest: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    yield eerste
    yield from rest


def _schrijf_fout(fout: InvoerFout, regel: int | None) -> None:
    plek = f"regel {regel}: " if regel is not None else ""
    for veldfout in fout.fouten[:5]:
        sys.stderr.write(f"meldcode: fout: {plek}{veldfout}\n")
    if len(fout.fouten) > 5:
        sys.stderr.write(f"meldcode: fout: {plek}... en {len(fout.fouten) - 5} andere fouten\n")


def _fout_json(fout: InvoerFout, regel: int | None) -> str:
    return json.dumps(
        {
            "regel": regel,
            "fouten": [{"veld": f.veld, "code": f.code, "bericht": f.bericht} for f in fout.fouten],
        },
        ensure_ascii=False,
    )


@contextlib.contextmanager
def _open(bestand: str) -> Iterator[IO[str]]:
    if bestand == "-":
        yield sys.stdin
        return
    try:
        bron = Path(bestand).open(encoding="utf-8")  # noqa: SIM115 - closed in finally
    except FileNotFoundError:
        msg = "meldcode: fout: FILE: bestand niet gevonden"
        raise _Stop(msg) from None
    except IsADirectoryError:
        msg = "meldcode: fout: FILE: is een map, geen bestand"
        raise _Stop(msg) from None
    except OSError:
        msg = "meldcode: fout: FILE: bestand kan niet gelezen worden"
        raise _Stop(msg) from None
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


def _evaluate(args: argparse.Namespace, uit: TextIO) -> int:
    peildatum = _peildatum(args.peildatum)
    register = standaard_register()
    motor: GecompileerdeVersie = _motor(load_kader(args.kader, peildatum, register), args.engine)
    als_tekst = args.format == "text"
    status = EXIT_OK
    with _open(args.bestand) as bron:
        try:
            for regel, gegevens in _casussen(bron):
                try:
                    if isinstance(gegevens, InvoerFout):
                        raise gegevens
                    uitkomst = motor.evalueer(valideer_casus(gegevens), peildatum, args.engine)
                except InvoerFout as fout:
                    status = EXIT_INVOER
                    _schrijf_fout(fout, regel)
                    if regel is not None and not als_tekst:
                        uit.write(_fout_json(fout, regel) + "\n")
                    continue
                _toon(uit, uitkomst, regel, als_tekst=als_tekst)
        except UnicodeDecodeError:
            msg = "meldcode: fout: FILE: geen geldige UTF-8-tekst"
            raise _Stop(msg) from None
        except InvoerFout as fout:
            _schrijf_fout(fout, None)
            return EXIT_INVOER
    return status


def _kader_json(register: Register, kader: Kader) -> dict[str, object]:
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    return {
        "id": kader.id,
        "naam": kader.naam,
        "uitgever": kader.uitgever,
        "sectoren": list(kader.sectoren),
        "beroepsgroepen": list(kader.beroepsgroepen),
        "breidt_uit": kader.breidt_uit,
        "distributie": register.distributie(kader.id),
        "bron": {"titel": versies[-1].bron.titel, "adres": versies[-1].bron.adres},
        "versies": [
            {
                "versie": v.versie,
                "geldig_van": v.geldig_van.isoformat(),
                "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else None,
            }
            for v in versies
        ],
    }


def _kader_tekst(kader: Kader) -> str:
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    reeks = ", ".join(
        f"{v.versie} ({v.geldig_van.isoformat()} t/m "
        f"{v.geldig_tot.isoformat() if v.geldig_tot else 'heden'})"
        for v in versies
    )
    regels = [f"{kader.id}: {kader.naam}", f"  sectoren: {', '.join(kader.sectoren)}"]
    if kader.beroepsgroepen:
        regels.append(f"  beroepsgroepen: {', '.join(kader.beroepsgroepen)}")
    if kader.breidt_uit:
        regels.append(f"  breidt uit: {kader.breidt_uit}")
    regels.append(f"  bron: {versies[-1].bron.titel} — {versies[-1].bron.adres}")
    regels.append(f"  versies: {reeks}")
    return "\n".join(regels)


def _kaders(args: argparse.Namespace, uit: TextIO) -> int:
    register: Register = standaard_register()
    gebroken = register.gebroken()
    if args.format == "json":
        gegevens = {
            "kaders": [_kader_json(register, k) for k in register.kaders()],
            "gebroken": [
                {"naam": g.naam, "distributie": g.distributie, "reden": g.reden} for g in gebroken
            ],
        }
        uit.write(json.dumps(gegevens, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    uit.writelines(_kader_tekst(kader) + "\n" for kader in register.kaders())
    for g in gebroken:
        sys.stderr.write(
            f"meldcode: waarschuwing: kader {g.naam} ({g.distributie}) is overgeslagen: {g.reden}\n"
        )
    return EXIT_OK


def _schema(args: argparse.Namespace, uit: TextIO) -> int:
    uit.write(json.dumps(json_schema(args.naam), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="meldcode",
        description="De meldcode huiselijk geweld en kindermishandeling als uitvoerbare regels.",
    )
    parser.add_argument("--version", action="version", version=f"meldcode-rules {__version__}")
    sub = parser.add_subparsers(dest="opdracht", required=True, parser_class=_Parser)

    ev = sub.add_parser("evaluate", help="beoordeel een casus (JSON) of een reeks (JSON Lines)")
    ev.add_argument("bestand", metavar="FILE", help="JSON-bestand, JSON Lines, of - voor stdin")
    ev.add_argument("--kader", default="basis", help="id van het afwegingskader (standaard: basis)")
    ev.add_argument("--peildatum", help="JJJJ-MM-DD; standaard vandaag")
    ev.add_argument("--format", choices=("json", "text"), default="json")
    ev.add_argument("--engine", choices=("native", "durable"), default="native")
    ev.set_defaults(functie=_evaluate)

    kd = sub.add_parser("kaders", help="toon alle geregistreerde afwegingskaders")
    kd.add_argument("--format", choices=("json", "text"), default="text")
    kd.set_defaults(functie=_kaders)

    sc = sub.add_parser("schema", help="het JSON Schema van casus of uitkomst")
    sc.add_argument("naam", choices=("casus", "uitkomst"))
    sc.set_defaults(functie=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``meldcode`` command; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
        functie: Callable[[argparse.Namespace, TextIO], int] = args.functie
        return functie(args, sys.stdout)
    except _Stop as stop:
        sys.stderr.write(f"{stop}\n")
        return stop.code
    except MeldcodeFout as fout:
        sys.stderr.write(f"meldcode: fout: {fout}\n")
        return EXIT_INVOER
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as fout:  # noqa: BLE001 - the CLI never shows a traceback
        sys.stderr.write(
            f"meldcode: interne fout ({type(fout).__name__}); meld dit als fout in meldcode-rules\n"
        )
        return EXIT_INTERN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
