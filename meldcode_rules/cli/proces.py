"""``meldcode proces EVENTS.jsonl [--store PATH] [--engine native|durable] [--format json|text]``.

Replays events (JSON Lines, one :class:`~meldcode_rules.proces.Gebeurtenis` per line; ``-``
reads standard input) through the process and prints, per casus in the file, where it
stands on the peildatum: the current step, what each step lacks, overdue termijnen and
whether a closed ronde was closed correctly. With ``--store`` the states live in that
SQLite file, so a later run continues where this one stopped (feed each event once).
``--termijnen FILE`` reads the organisation's termijnen (a JSON object, in days).
``--engine durable`` lets the durable-rules statechart decide each transition (the extra
``meldcode-rules[durable]``; without it: exit 2 and a line naming the extra).

An invalid line, or an event that cannot follow its casus' state, ends the command with
exit 2 and one Dutch line naming the line number and the reason (never a value); the
events before it are kept.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from meldcode_rules.cli._common import EXIT_INVOER, EXIT_OK, Stop, peildatum, schrijf_fout
from meldcode_rules.errors import InputError, FieldError
from meldcode_rules.proces import (
    GeheugenOpslag,
    Opslag,
    Overzicht,
    Proces,
    ProcesError,
    SqliteOpslag,
    Termijnen,
)
from meldcode_rules.uitkomst import ENGINES

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

__all__ = ["registreer"]

_STAP_TEKST = {
    "stap_1_signalen": "stap 1: signalen in kaart brengen",
    "stap_2_overleg": "stap 2: collegiaal overleg (en zo nodig Veilig Thuis)",
    "stap_3_gesprek": "stap 3: gesprek met de betrokkene(n)",
    "stap_4_wegen": "stap 4: wegen",
    "stap_5_beslissen": "stap 5: beslissen",
    "vervolg": "vervolg: melding, hulp, monitoring",
    "afgesloten": "afgesloten",
}


def _lees(pad: str) -> str:
    try:
        if pad == "-":
            return sys.stdin.read()
        return Path(pad).read_text(encoding="utf-8")
    except FileNotFoundError:
        msg = "meldcode: fout: bestand niet gevonden"
        raise Stop(msg) from None
    except (OSError, UnicodeDecodeError):
        msg = "meldcode: fout: bestand kan niet gelezen worden"
        raise Stop(msg) from None


def _termijnen(pad: str | None) -> Termijnen:
    if pad is None:
        return Termijnen()
    try:
        return Termijnen.model_validate_json(_lees(pad))
    except ValidationError as fout:
        invoerfout = InputError.uit_validatie(fout, prefix="termijnen", model=Termijnen)
    schrijf_fout(invoerfout, None)
    raise _Gestopt


def _sqlite(pad: str) -> SqliteOpslag:
    try:
        return SqliteOpslag(pad)
    except (OSError, sqlite3.Error):
        msg = "meldcode: fout: --store: geen bruikbaar SQLite-bestand"
        raise Stop(msg) from None


def _tekst(o: Overzicht) -> str:
    regels = [f"casus {o.casus_id} (ronde {o.ronde}): {_STAP_TEKST[o.stap.value]}"]
    regels.extend(
        f"  ontbreekt ({_STAP_TEKST[g.stap.value]}): {g.omschrijving}" for g in o.ontbreekt
    )
    regels.extend(
        f"  te laat: termijn {t.termijn} verstreken op {t.sinds.isoformat()} "
        f"({t.dagen_te_laat} dagen)"
        for t in o.te_laat
    )
    if o.afsluiting is not None:
        a = o.afsluiting
        oordeel = "correct" if a.correct else "niet correct: " + ", ".join(a.gebreken)
        regels.append(f"  afgesloten op {a.datum.isoformat()}: {oordeel}")
    if not o.ontbreekt and not o.te_laat and o.afsluiting is None:
        regels.append("  niets ontbreekt, niets te laat")
    return "\n".join(regels)


def _verwerk(proces: Proces, tekst: str) -> list[str]:
    """Apply every line; the casus ids in order of first appearance.

    Raises:
        Stop: at the first invalid or impossible event (the error is already written).
    """
    gezien: dict[str, None] = {}
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if not regel.strip():
            continue
        try:
            gegevens: Any = json.loads(regel)
            staat = proces.verwerk(gegevens if isinstance(gegevens, dict) else regel)
        except (json.JSONDecodeError, RecursionError):
            fout = InputError([FieldError("<regel>", "json_invalid", "geen geldige JSON")])
            schrijf_fout(fout, nummer)
            raise _Gestopt from None
        except InputError as fout:
            schrijf_fout(fout, nummer)
            raise _Gestopt from None
        except ProcesError as fout:
            msg = f"meldcode: fout: regel {nummer}: {fout} ({fout.code}); er is niets gewijzigd"
            raise Stop(msg) from None
        gezien[staat.casus_id] = None
    return list(gezien)


class _Gestopt(Exception):
    """The error is written; end with exit 2."""


def _proces(args: argparse.Namespace, uit: TextIO) -> int:
    dag = peildatum(args.peildatum)
    try:
        termijnen = _termijnen(args.termijnen)
        tekst = _lees(args.bestand)
        opslag: Opslag = GeheugenOpslag() if args.store is None else _sqlite(args.store)
        try:
            proces = Proces(opslag, termijnen, engine=args.engine)
            overzichten = [proces.overzicht(i, dag) for i in _verwerk(proces, tekst)]
        finally:
            if isinstance(opslag, SqliteOpslag):
                opslag.sluit()
    except _Gestopt:
        return EXIT_INVOER
    if args.format == "json":
        uit.write(
            json.dumps(
                {"casussen": [o.model_dump(mode="json") for o in overzichten]},
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    else:
        uit.write("\n".join(_tekst(o) for o in overzichten) + "\n" if overzichten else "")
    return EXIT_OK


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``proces`` to the ``meldcode`` command."""
    pr = sub.add_parser(
        "proces", help="speel gebeurtenissen af en toon per casus waar de meldcode staat"
    )
    pr.add_argument(
        "bestand", metavar="EVENTS.jsonl", help="gebeurtenissen (JSON Lines; - is stdin)"
    )
    pr.add_argument("--store", metavar="PAD", help="SQLite-bestand met de processtaat")
    pr.add_argument("--termijnen", metavar="PAD", help="JSON met de termijnen van de organisatie")
    pr.add_argument("--peildatum", help="datum van het overzicht (JJJJ-MM-DD; standaard vandaag)")
    pr.add_argument(
        "--engine",
        choices=ENGINES,
        default="native",
        help="wie de overgangen beslist (durable: de extra meldcode-rules[durable])",
    )
    pr.add_argument("--format", choices=("json", "text"), default="text")
    pr.set_defaults(functie=_proces)
