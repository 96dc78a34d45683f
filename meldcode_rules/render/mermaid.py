"""The flowchart of a kader version as Mermaid text, from the decision table of its beslisregels.

The chart is the reduced decision diagram of the beslisregels over the afwegingen in the
order of the flow (:func:`stroomschema`). Pure: it reads the beslissingen of
:mod:`meldcode_rules.ruimte` and returns text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, ANTWOORDEN, BESLISSING, HULP, MELDEN
from meldcode_rules.engine import native
from meldcode_rules.render.cel import CEL
from meldcode_rules.ruimte import beslissingen

if TYPE_CHECKING:
    from meldcode_rules.kader import ResolvedKader

__all__ = ["stroomschema"]

Uitkomsten = tuple[tuple[str, str], ...]
"""``(melden, hulp)`` for each of the 729 answer combinations, in the order of the library."""


def _blad_tekst(melden: str, hulp: str) -> str:
    return (
        f"Melden: {BESLISSING[MELDEN].kort_voor(melden)}<br/>"
        f"Hulp: {BESLISSING[HULP].kort_voor(hulp)}"
    )


_BLAD_KLASSE: Final[dict[str, str]] = {"ja": "melden", "nee": "niet", "onbepaald": "open"}


def stroomschema(effectief: ResolvedKader) -> str:
    """A Mermaid flowchart of the flow from vermoeden to the two beslissingen.

    The chart is the reduced decision diagram of the beslisregels over the afwegingen
    in the order of the flow: a question appears only where its answer changes the
    outcome, branches that lead to the same place share one arrow (``ja of
    onbekend``), and each end node shows both beslissingen. Node ids: ``start``,
    ``v1``... for questions, ``u1``... for outcomes; every arrow has a quoted label.
    """
    tabel = beslissingen(native(effectief))
    knopen: dict[tuple[int, Uitkomsten], str] = {}
    bladen: dict[tuple[str, str], str] = {}
    regels_knoop: list[str] = []
    regels_pijl: list[str] = []

    def blad(uitkomst: tuple[str, str]) -> str:
        if uitkomst not in bladen:
            naam = f"u{len(bladen) + 1}"
            bladen[uitkomst] = naam
            klasse = _BLAD_KLASSE[uitkomst[0]]
            regels_knoop.append(f'    {naam}["{_blad_tekst(*uitkomst)}"]:::{klasse}')
        return bladen[uitkomst]

    def knoop(i: int, deel: Uitkomsten) -> str:
        if len(set(deel)) == 1:
            return blad(deel[0])
        stap = len(deel) // 3
        kinderen = [deel[k * stap : (k + 1) * stap] for k in range(3)]
        if kinderen[0] == kinderen[1] == kinderen[2]:
            return knoop(i + 1, kinderen[0])
        sleutel = (i, deel)
        if sleutel in knopen:
            return knopen[sleutel]
        naam = f"v{len(knopen) + 1}"
        knopen[sleutel] = naam
        regels_knoop.append(f'    {naam}{{"{AFWEGING[AFWEGINGEN[i]].label}"}}')
        doelen = [knoop(i + 1, kind) for kind in kinderen]
        for doel in dict.fromkeys(doelen):
            waarden = frozenset(
                w.value for w, d in zip(ANTWOORDEN, doelen, strict=True) if d == doel
            )
            regels_pijl.append(f'    {naam} -->|"{CEL[waarden]}"| {doel}')
        return naam

    eerste = knoop(0, tabel)
    kop = [
        "flowchart TD",
        '    start(["Signalen; stappen 1 tot en met 4 van de meldcode"])',
    ]
    slot = [
        f"    start --> {eerste}",
        "    classDef melden fill:#fde2e1,stroke:#b3261e,color:#410e0b",
        "    classDef niet fill:#e3f1e4,stroke:#2e7d32,color:#0b2e0d",
        "    classDef open fill:#fff4d6,stroke:#b26a00,color:#3d2500",
    ]
    return "\n".join([*kop, *regels_knoop, *regels_pijl, *slot])
