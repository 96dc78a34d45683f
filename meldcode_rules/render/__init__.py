"""Render kaders for readers: Markdown pages (:mod:`.markdown`) and flowcharts (:mod:`.mermaid`).

Pure functions over the same declarations the engines run; the decision table they show
comes from :mod:`meldcode_rules.analysis.beslistabel` and the beslissingen from
:mod:`meldcode_rules.ruimte`, so nothing here interprets a rule on its own.
"""

from __future__ import annotations

from meldcode_rules.analysis.beslistabel import Beslistabel, Rij, beslistabel
from meldcode_rules.render.cel import CEL, CEL_WAARDEN
from meldcode_rules.render.markdown import (
    Invariant,
    RenderError,
    beslistabel_markdown,
    invarianten,
    kader_document,
    kader_overzicht,
    vergelijking,
    versie_pagina,
)
from meldcode_rules.render.mermaid import stroomschema

__all__ = [
    "CEL",
    "CEL_WAARDEN",
    "Beslistabel",
    "Invariant",
    "RenderError",
    "Rij",
    "beslistabel",
    "beslistabel_markdown",
    "invarianten",
    "kader_document",
    "kader_overzicht",
    "stroomschema",
    "vergelijking",
    "versie_pagina",
]
