"""``meldcode casuistiek [KADER] [--map DIR]``: run the worked cases, a Dutch report.

Runs every case file found beside the registered kaders (or the one of KADER, or
the files in DIR) against the engine. Exit 0 when every case gives the expected
outcome (or deviates exactly where it declares a ``bekende_afwijking``), 1 when a case
deviates (the report names it and what differs), 2 when a
case file is invalid (one Dutch line naming the file, the case and the field).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from meldcode_rules.casuistiek import CasuistiekFout, draai_bestand, laad, rapport
from meldcode_rules.cli._common import EXIT_GEVONDEN, EXIT_OK, Stop
from meldcode_rules.registry import default_registry

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

__all__ = ["registreer"]


def _casuistiek(args: argparse.Namespace, uit: TextIO) -> int:
    map_ = Path(args.map) if args.map else None
    if map_ is not None and not map_.is_dir():
        msg = "meldcode: fout: --map: geen map"
        raise Stop(msg)
    try:
        bestanden = laad(args.kader, map_)
    except CasuistiekFout as fout:
        msg = f"meldcode: fout: {fout}"
        raise Stop(msg) from None
    if not bestanden:
        msg = "meldcode: fout: geen casuïstiek gevonden"
        raise Stop(msg)
    registry = default_registry()
    resultaten = [r for b in bestanden for r in draai_bestand(b, registry)]
    uit.write(rapport(resultaten))
    return EXIT_OK if all(r.in_orde for r in resultaten) else EXIT_GEVONDEN


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``casuistiek`` to the ``meldcode`` command."""
    cs = sub.add_parser(
        "casuistiek",
        help="draai de uitgewerkte casussen en toon afwijkingen (exit 1 bij een afwijking)",
    )
    cs.add_argument("kader", metavar="KADER", nargs="?", help="alleen de casussen van dit kader")
    cs.add_argument("--map", help="een map met eigen casusbestanden (<kader>.yaml)")
    cs.set_defaults(functie=_casuistiek)
