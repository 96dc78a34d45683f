"""Readers of the rendered decision table and flowchart, for the tests (not product code)."""

from __future__ import annotations

import re

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, BESLISSING
from meldcode_rules.render import CEL_WAARDEN

_HULP_TERUG = {tekst: waarde for waarde, tekst in BESLISSING["hulp"].kort}


def lees_beslistabel(markdown: str) -> list[tuple[tuple[frozenset[str], ...], str, str]]:
    """Read a table written by :func:`beslistabel_markdown` back (for checks and tests)."""
    rijen: list[tuple[tuple[frozenset[str], ...], str, str]] = []
    for regel in markdown.splitlines():
        if not regel.startswith("| ") or regel.startswith("| " + AFWEGING["vermoeden"].kort):
            continue
        cellen = [c.strip().strip("*") for c in regel.strip().strip("|").split(" | ")]
        waarden = tuple(CEL_WAARDEN[c] for c in cellen[: len(AFWEGINGEN)])
        rijen.append((waarden, cellen[-2], _HULP_TERUG[cellen[-1]]))
    return rijen


def lees_stroomschema(mermaid: str) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """Read a chart written by :func:`stroomschema` back: node labels and labelled arrows.

    Arrows are ``A -->|"label"| B`` or, for *weet ik niet*, ``A -.->|"label"| B``; nodes are
    ``v1("question")``, ``u1["outcome"]`` and ``w1["weet ik niet ..."]``.
    """
    labels: dict[str, str] = {}
    pijlen: dict[str, list[tuple[str, str]]] = {}
    for ruw in mermaid.splitlines():
        regel = ruw.strip()
        pijl = re.fullmatch(r'(\w+) -\.?->(?:\|"([^"]*)"\|)? (\w+)', regel)
        if pijl:
            van, label, naar = pijl.groups()
            pijlen.setdefault(van, []).append((label or "", naar))
            continue
        knoop = re.fullmatch(r'([uvw]\d+)[(\[]"(.*)"[)\]](?::::\w+)?', regel)
        if knoop:
            labels[knoop.group(1)] = knoop.group(2)
    return labels, pijlen
