"""``meldcode docs KADER [--peildatum JJJJ-MM-DD | --versie VERSIE]``: one kader's page as Markdown.

Prints the kader's overview and version history, then for every version (or only the
one chosen by ``--versie`` or ``--peildatum``) the afwegingsvragen, the flowchart as
Mermaid, the decision table, the sector's particulars, every rule with its source, the
open questions and the invariants it was checked against: the same pages the
documentation site is built from (:mod:`meldcode_rules.render`), for systems that
publish the decision logic themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from meldcode_rules import render
from meldcode_rules.cli._common import EXIT_OK, Stop, peildatum, versie_opties
from meldcode_rules.errors import KaderError
from meldcode_rules.registry import default_registry

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

__all__ = ["registreer"]


def _docs(args: argparse.Namespace, uit: TextIO) -> int:
    registry = default_registry()
    kader = registry.kader(args.kader)
    if args.versie is not None:
        try:
            versies = [kader.versie_genaamd(args.versie)]
        except KaderError as fout:
            msg = f"meldcode: fout: --versie: {fout}"
            raise Stop(msg) from None
    elif args.peildatum is not None:
        versies = [registry.resolve(kader, peildatum(args.peildatum)).versie]
    else:
        versies = None
    uit.write(render.kader_document(registry, kader, versies, render.invarianten))
    return EXIT_OK


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``docs`` to the ``meldcode`` command."""
    dc = sub.add_parser(
        "docs",
        help="toon de pagina van een afwegingskader als Markdown",
        description="De afwegingsvragen, het stroomschema (Mermaid), de beslistabel, elke regel "
        "met haar bron, de bijzonderheden, de open vragen en de invarianten van een kader.",
    )
    dc.add_argument("kader", help="het id van een geregistreerd kader")
    versie_opties(dc)
    dc.set_defaults(functie=_docs)
