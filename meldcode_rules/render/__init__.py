"""Render kaders for readers: pages, flowcharts, the walk-through and the register index.

Markdown pages (:mod:`.markdown`), flowcharts (:mod:`.mermaid`), the walk-through export
(:mod:`.doorloop`) and the register's name index (:mod:`.register`).
Pure functions over the same declarations the engines run; the decision table they show
comes from :mod:`meldcode_rules.analysis.beslistabel` and the beslissingen from
:mod:`meldcode_rules.ruimte`, so nothing here interprets a rule on its own.
"""

from __future__ import annotations

from meldcode_rules.analysis.beslistabel import Beslistabel, Rij, beslistabel
from meldcode_rules.render.beroepsregister import register_index
from meldcode_rules.render.cel import CEL, CEL_WAARDEN
from meldcode_rules.render.doorloop import doorloop, doorloop_json
from meldcode_rules.render.markdown import (
    Invariant,
    RenderError,
    beslistabel_markdown,
    invarianten,
    kader_document,
    kader_overzicht,
    kenmerken_overzicht,
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
    "doorloop",
    "doorloop_json",
    "invarianten",
    "kader_document",
    "kader_overzicht",
    "kenmerken_overzicht",
    "register_index",
    "stroomschema",
    "vergelijking",
    "versie_pagina",
]
