"""``meldcode explain FILE --kader ID [--peildatum JJJJ-MM-DD]``: the weighing, for the dossier.

FILE is one JSON casus (or ``-`` for standard input). The output is a Dutch narrative
(:func:`meldcode_rules.uitleg.uitleg`): the afwegingsvragen, the answers and where
each came from, why each beslissing follows, the kader version and its source, the
acties and what is still to be recorded. It never repeats input text or ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from meldcode_rules.api import load_kader
from meldcode_rules.cli._common import (
    EXIT_INVOER,
    EXIT_OK,
    PEILDATUM_HULP,
    limiet_opties,
    limieten,
    peildatum,
    schrijf_fout,
    waarschuw_gebroken,
)
from meldcode_rules.cli.evaluate import lees_casus, open_bron
from meldcode_rules.engine import compileer
from meldcode_rules.errors import InputError
from meldcode_rules.registry import default_registry
from meldcode_rules.uitleg import uitleg

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

__all__ = ["registreer"]


def _explain(args: argparse.Namespace, uit: TextIO) -> int:
    datum = peildatum(args.peildatum)
    registry = default_registry()
    try:
        effectief = load_kader(args.kader, datum, registry)
    finally:
        waarschuw_gebroken(registry)  # e.g. a plugin that claimed this kader's id
    grenzen = limieten(args)
    with open_bron(args.bestand) as bron:
        try:
            casus = lees_casus(bron, grenzen)
        except InputError as fout:
            schrijf_fout(fout, None)
            return EXIT_INVOER
    uitkomst = compileer(effectief).evaluate(casus, datum)
    uit.write(uitleg(uitkomst, effectief, casus, datum))
    return EXIT_OK


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``explain`` to the ``meldcode`` command."""
    ex = sub.add_parser(
        "explain", help="leg een beslissing uit in het Nederlands, geschikt voor het dossier"
    )
    ex.add_argument("bestand", metavar="FILE", help="één casus als JSON, of - voor stdin")
    ex.add_argument("--kader", default="basis", help="id van het afwegingskader (standaard: basis)")
    ex.add_argument("--peildatum", help=PEILDATUM_HULP)
    limiet_opties(ex)
    ex.set_defaults(functie=_explain)
