"""``meldcode explain FILE --kader ID [--peildatum JJJJ-MM-DD]``: the weighing, for the dossier.

FILE is one JSON casus (or ``-`` for standard input). The output is a Dutch narrative
(:func:`meldcode_rules.uitleg.uitleg`): the afwegingsvragen, the answers and where
each came from, why each beslissing follows, the kader version and its source, the
acties and what is still to be recorded. It never repeats input text or ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from meldcode_rules.cli._common import (
    EXIT_INVOER,
    EXIT_OK,
    PEILDATUM_HULP,
    limiet_opties,
    limieten,
    peildatum,
)
from meldcode_rules.cli.evaluate import lees_een_casus, motor_voor
from meldcode_rules.uitleg import uitleg

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

__all__ = ["registreer"]


def _explain(args: argparse.Namespace, uit: TextIO) -> int:
    datum = peildatum(args.peildatum)
    motor, _ = motor_voor(args.kader, datum, "native")
    casus = lees_een_casus(args.bestand, limieten(args))
    if casus is None:
        return EXIT_INVOER
    uit.write(uitleg(motor.evaluate(casus, datum), motor.effectief, casus, datum))
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
