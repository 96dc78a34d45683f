"""``meldcode schema NAAM``: a JSON Schema of the JSON contract (:mod:`meldcode_rules.schema`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from meldcode_rules.cli._common import EXIT_OK
from meldcode_rules.schema import SCHEMAS, json_schema

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

__all__ = ["registreer"]


def _schema(args: argparse.Namespace, uit: TextIO) -> int:
    uit.write(json.dumps(json_schema(args.naam), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``schema`` to the ``meldcode`` command."""
    sc = sub.add_parser("schema", help="een JSON Schema van het JSON-contract")
    sc.add_argument("naam", choices=SCHEMAS, help="welk document")
    sc.set_defaults(functie=_schema)
