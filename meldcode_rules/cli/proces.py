"""``meldcode proces EVENTS.jsonl [--store PATH] [--engine native|durable] [--format json|text]``.

Replays events (JSON Lines, one :class:`~meldcode_rules.proces.Gebeurtenis` per line; ``-``
reads standard input) through the process and prints, per casus in the file, where it
stands on the peildatum: the current step, what each step lacks, overdue termijnen and
whether a closed ronde was closed correctly. With ``--store`` the states live in that
SQLite file, so a later run continues where this one stopped (feed each event once).
``--termijnen FILE`` reads the organisation's termijnen (a JSON object, in days).
``--engine durable`` lets the durable-rules statechart decide each transition (the extra
``meldcode-rules[durable]``; without it: exit 2 and a line naming the extra).

Events are applied as they are read (a line at a time, within ``--max-regel``). An
invalid line, or an event that cannot follow its casus' state, ends the command with
exit 2 and one Dutch line naming the line, the reason (never a value) and how far it
got: the events before it are kept, nothing from that line on is applied. (The process
stops there, unlike ``evaluate``: a later event of the same casus may depend on the one
that failed.) Give events an ``id`` and a replay of the same file after a crash or a fix
is safe: events the store has already applied are skipped. The output says how many
lines were read, applied and skipped as already applied (``verwerkt``). A store that is
not a store of this library, or is corrupt or read-only, is exit 2 too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from meldcode_rules.cli._common import (
    EXIT_OK,
    PEILDATUM_HULP,
    Stop,
    limiet_opties,
    limieten,
    peildatum,
)
from meldcode_rules.cli.evaluate import open_bron
from meldcode_rules.errors import InputError, OpslagError
from meldcode_rules.proces import (
    Gebeurtenis,
    GeheugenOpslag,
    Opslag,
    Overzicht,
    Proces,
    ProcesError,
    SqliteOpslag,
    Termijnen,
    validate_gebeurtenis,
)
from meldcode_rules.stroom import Foutregel, Limieten, lees_document, objecten
from meldcode_rules.uitkomst import ENGINES

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from meldcode_rules.stroom import Bron

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


def lees_termijnen(pad: str | None, grenzen: Limieten) -> Termijnen:
    """The organisation's termijnen from ``--termijnen PAD`` (``proces`` and ``serve``).

    Read as strictly as a casus (standard JSON, every key once, no value coerced); an
    error names the field, never its value. No file: the defaults.
    """
    if pad is None:
        return Termijnen()
    if pad == "-":
        msg = "meldcode: fout: --termijnen: een bestand, niet standaardinvoer"
        raise Stop(msg)
    with open_bron(pad) as bron:
        try:
            gegevens = lees_document(bron, grenzen, model=Termijnen)
        except InputError as fout:
            waar = "--termijnen"
            raise _fout(waar, fout) from None
    try:
        return Termijnen.model_validate(gegevens)
    except ValidationError as fout:
        invoerfout = InputError.uit_validatie(fout, prefix="termijnen", model=Termijnen)
    waar = "--termijnen"
    raise _fout(waar, invoerfout)


def termijnen_optie(parser: argparse.ArgumentParser) -> None:
    """Add ``--termijnen PAD`` (``proces`` and ``serve``), read with :func:`lees_termijnen`."""
    parser.add_argument(
        "--termijnen",
        metavar="PAD",
        help="de termijnen van de organisatie: een JSON-object, in dagen "
        "(meldcode schema termijnen)",
    )


def _fout(waar: str, fout: InputError) -> Stop:
    eerste = fout.fouten[0] if fout.fouten else "ongeldige invoer"
    return Stop(f"meldcode: fout: {waar}: {eerste}")


def _sqlite(pad: str) -> SqliteOpslag:
    try:
        return SqliteOpslag(pad)
    except OpslagError as fout:
        msg = f"meldcode: fout: --store: {fout}"
        raise Stop(msg) from None


@dataclass(slots=True)
class _Stand:
    """How far the replay got."""

    regels: int = 0
    toegepast: int = 0
    al_verwerkt: int = 0

    def tekst(self) -> str:
        if self.regels == 0:
            return "er is niets verwerkt"
        return (
            f"regels 1 t/m {self.regels} zijn verwerkt ({self.toegepast} toegepast, "
            f"{self.al_verwerkt} al eerder verwerkt)"
        )

    def json(self) -> dict[str, int]:
        return {
            "regels": self.regels,
            "toegepast": self.toegepast,
            "al_verwerkt": self.al_verwerkt,
        }


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


def _stop(lijn: int, reden: str, stand: _Stand) -> Stop:
    return Stop(f"meldcode: fout: regel {lijn}: {reden}; {stand.tekst()}, vanaf regel {lijn} niets")


def _verwerk(proces: Proces, bron: Bron, grenzen: Limieten, stand: _Stand) -> list[str]:
    """Apply every line as it is read; the casus ids in order of first appearance.

    Raises:
        Stop: at the first invalid or impossible event, saying how far it got.
    """
    gezien: dict[str, None] = {}
    for item in objecten(bron, grenzen, model=Gebeurtenis):
        if isinstance(item, Foutregel):
            raise _stop(item.lijn, str(item.fout.fouten[0]), stand)
        try:
            g = validate_gebeurtenis(item.gegevens)
            voor = proces.staat(g.casus_id)
            staat = proces.verwerk(g)
        except InputError as fout:
            raise _stop(item.lijn, str(fout.fouten[0]), stand) from None
        except ProcesError as fout:
            raise _stop(item.lijn, f"{fout} ({fout.code}); er is niets gewijzigd", stand) from None
        except OpslagError as fout:
            raise _stop(item.lijn, f"--store: {fout}", stand) from None
        stand.regels = item.lijn
        if staat.versie == (voor.versie if voor is not None else 0):
            stand.al_verwerkt += 1
        else:
            stand.toegepast += 1
        gezien[staat.casus_id] = None
    return list(gezien)


def _proces(args: argparse.Namespace, uit: TextIO) -> int:
    dag = peildatum(args.peildatum)
    grenzen = limieten(args)
    termijnen = lees_termijnen(args.termijnen, grenzen)
    stand = _Stand()
    with open_bron(args.bestand) as bron:
        opslag: Opslag = GeheugenOpslag() if args.store is None else _sqlite(args.store)
        try:
            proces = Proces(opslag, termijnen, engine=args.engine)
            ids = _verwerk(proces, bron, grenzen, stand)
            overzichten = [proces.overzicht(i, dag) for i in ids]
        except OpslagError as fout:
            msg = f"meldcode: fout: --store: {fout}; {stand.tekst()}"
            raise Stop(msg) from None
        finally:
            if isinstance(opslag, SqliteOpslag):
                opslag.sluit()
    if args.format == "json":
        uit.write(
            json.dumps(
                {
                    "casussen": [o.model_dump(mode="json") for o in overzichten],
                    "verwerkt": stand.json(),
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    else:
        tekst = "\n".join(_tekst(o) for o in overzichten)
        uit.write((tekst + "\n" if tekst else "") + f"verwerkt: {stand.tekst()}\n")
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
    termijnen_optie(pr)
    pr.add_argument("--peildatum", help=f"datum van het overzicht ({PEILDATUM_HULP})")
    pr.add_argument(
        "--engine",
        choices=ENGINES,
        default="native",
        help="wie de overgangen beslist (durable: de extra meldcode-rules[durable])",
    )
    pr.add_argument("--format", choices=("json", "text"), default="text")
    limiet_opties(pr, signalen=False)
    pr.set_defaults(functie=_proces)
