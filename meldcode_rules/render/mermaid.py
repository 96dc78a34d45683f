"""The flowchart of a kader version as Mermaid text, drawn for a reader.

The chart is the reduced decision diagram of the beslisregels over the afwegingen in
the order of the flow (:func:`stroomschema`), drawn so that a professional can follow
it: the questions top to bottom, *ja* and *nee* as the main paths, each end node with
both beslissingen. *Weet ik niet* is drawn once per question, not as a third copy of
the tree (see :func:`stroomschema` for the exact meaning). Pure: it reads the
beslissingen of :mod:`meldcode_rules.ruimte` and returns text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, BESLISSING, HULP, MELDEN
from meldcode_rules.engine import native
from meldcode_rules.ruimte import beslissingen

if TYPE_CHECKING:
    from meldcode_rules.kader import ResolvedKader

__all__ = [
    "ONBEKEND_PIJL",
    "ONBEKEND_REGEL",
    "PIJL_WAARDEN",
    "samenvoegen",
    "stroomschema",
]

Uitkomst = tuple[str, str]
Uitkomsten = tuple[Uitkomst, ...]
"""``(melden, hulp)`` for each answer combination of a sub-table, in the order of the library."""

ONBEPAALD: Final = "onbepaald"

ONBEKEND_PIJL: Final = "weet ik niet"
"""The label of the arrow for the answer ``onbekend``."""

PIJL_WAARDEN: Final[dict[str, frozenset[str]]] = {
    "ja": frozenset({"ja"}),
    "nee": frozenset({"nee"}),
    ONBEKEND_PIJL: frozenset({"onbekend"}),
    f"ja of {ONBEKEND_PIJL}": frozenset({"ja", "onbekend"}),
    f"nee of {ONBEKEND_PIJL}": frozenset({"nee", "onbekend"}),
    "ja of nee": frozenset({"ja", "nee"}),
}
"""Every arrow label the chart uses, with the answers it stands for."""

ONBEKEND_REGEL: Final = (
    "<i>Geldt wat bij ja én bij nee<br/>gelijk is; anders onbepaald:</i><br/>"
    "<b>raadpleeg Veilig Thuis</b>"
)
"""The last lines of a *weet ik niet* node: how to read it (see :func:`stroomschema`)."""

_BLAD_KLASSE: Final[dict[str, str]] = {"ja": "melden", "nee": "niet", ONBEPAALD: "open"}


def samenvoegen(ja: Uitkomsten, nee: Uitkomsten) -> Uitkomsten:
    """Per combination and per beslissing: the value ``ja`` and ``nee`` share, else onbepaald.

    What a *weet ik niet* node of the chart stands for: an unknown answer settles only
    what both known answers would settle.
    """
    return tuple(
        (m1 if m1 == m2 else ONBEPAALD, h1 if h1 == h2 else ONBEPAALD)
        for (m1, h1), (m2, h2) in zip(ja, nee, strict=True)
    )


def _blad_tekst(melden: str, hulp: str) -> str:
    return (
        f"Melden: <b>{BESLISSING[MELDEN].kort_voor(melden)}</b><br/>"
        f"Hulp: <b>{BESLISSING[HULP].kort_voor(hulp)}</b>"
    )


def _mogelijk(doel: str, waarden: set[str]) -> str:
    beslissing = BESLISSING[doel]
    geordend = sorted(waarden, key=beslissing.rang)
    return " of ".join(beslissing.kort_voor(w) for w in geordend)


def _onbekend_tekst(deel: Uitkomsten) -> str:
    melden = _mogelijk(MELDEN, {m for m, _ in deel})
    hulp = _mogelijk(HULP, {h for _, h in deel})
    return f"<b>Weet ik niet</b><br/>Melden: {melden}<br/>Hulp: {hulp}<br/>{ONBEKEND_REGEL}"


class _Schema:
    """Builds the chart: nodes are made once per (level, sub-table), leaves once per arrow."""

    def __init__(self) -> None:
        self.knopen: dict[tuple[int, Uitkomsten], str] = {}
        self.onbekend: dict[tuple[int, Uitkomsten], str] = {}
        self.regels_knoop: dict[str, str] = {}
        """The declaration of each node, by name."""
        self.uitgaand: dict[str, list[str]] = {}
        """The arrows of each question node, emitted in the order the nodes were made."""
        self.bladen = 0

    def blad(self, uitkomst: Uitkomst) -> str:
        self.bladen += 1
        naam = f"u{self.bladen}"
        klasse = _BLAD_KLASSE[uitkomst[0]]
        self.regels_knoop[naam] = f'    {naam}["{_blad_tekst(*uitkomst)}"]:::{klasse}'
        return naam

    def onbekend_knoop(self, i: int, deel: Uitkomsten) -> str:
        sleutel = (i, deel)
        if sleutel not in self.onbekend:
            naam = f"w{len(self.onbekend) + 1}"
            self.onbekend[sleutel] = naam
            self.regels_knoop[naam] = f'    {naam}["{_onbekend_tekst(deel)}"]:::weetniet'
        return self.onbekend[sleutel]

    def pijl(self, van: str, label: str, naar: str) -> None:
        pijl = "-.->" if label == ONBEKEND_PIJL else "-->"
        self.uitgaand[van].append(f'    {van} {pijl}|"{label}"| {naar}')

    def knoop(self, i: int, deel: Uitkomsten) -> str:
        if len(set(deel)) == 1:
            return self.blad(deel[0])
        stap = len(deel) // 3
        ja, nee, onb = (deel[k * stap : (k + 1) * stap] for k in range(3))
        if ja == nee == onb:
            return self.knoop(i + 1, ja)
        sleutel = (i, deel)
        if sleutel in self.knopen:
            return self.knopen[sleutel]
        naam = f"v{len(self.knopen) + 1}"
        self.knopen[sleutel] = naam
        self.uitgaand[naam] = []
        self.regels_knoop[naam] = f'    {naam}("{AFWEGING[AFWEGINGEN[i]].label}"):::vraag'
        if ja == nee:
            self.pijl(naam, "ja of nee", self.knoop(i + 1, ja))
            self.pijl(naam, ONBEKEND_PIJL, self.knoop(i + 1, onb))
        elif onb == ja:
            self.pijl(naam, f"ja of {ONBEKEND_PIJL}", self.knoop(i + 1, ja))
            self.pijl(naam, "nee", self.knoop(i + 1, nee))
        elif onb == nee:
            self.pijl(naam, "ja", self.knoop(i + 1, ja))
            self.pijl(naam, f"nee of {ONBEKEND_PIJL}", self.knoop(i + 1, nee))
        else:
            self.pijl(naam, "ja", self.knoop(i + 1, ja))
            self.pijl(naam, "nee", self.knoop(i + 1, nee))
            if onb == samenvoegen(ja, nee):
                self.pijl(naam, ONBEKEND_PIJL, self.onbekend_knoop(i, onb))
            else:  # no shortcut describes it: draw the exact sub-diagram
                self.pijl(naam, ONBEKEND_PIJL, self.knoop(i + 1, onb))
        return naam


def stroomschema(effectief: ResolvedKader) -> str:
    """A Mermaid flowchart of the flow from vermoeden to the two beslissingen, for a reader.

    The chart is the reduced decision diagram of the beslisregels over the afwegingen
    in the order of the flow: a question appears only where its answer changes the
    outcome, and each end node shows both beslissingen. *Ja* and *nee* are the main
    paths. *Weet ik niet* (the answer ``onbekend``) is drawn once per question node, as
    the first of these that holds:

    - it leads where *ja* or *nee* leads: one arrow ``ja of weet ik niet`` (or ``nee of
      weet ik niet``);
    - it settles exactly what *ja* and *nee* both settle, for every later answer, and
      leaves the rest onbepaald (:func:`samenvoegen`): a dotted arrow to a *weet ik
      niet* node that lists the possible beslissingen and the advice (raadpleeg Veilig
      Thuis); this is how the shipped kaders read an unknown answer;
    - otherwise a dotted arrow into the exact diagram for the unknown answer, so the
      chart is right for any kader.

    Node ids: ``start``, ``v1``... for questions, ``u1``... for outcomes, ``w1``... for
    *weet ik niet* nodes; every arrow has a quoted label from :data:`PIJL_WAARDEN`.
    """
    tabel = beslissingen(native(effectief))
    schema = _Schema()
    eerste = schema.knoop(0, tabel)
    kop = [
        "flowchart TD",
        '    start(["Signalen; stappen 1 tot en met 4 van de meldcode"])',
    ]
    # Per question: the end nodes first, the next question in the middle, weet ik niet
    # last, so the questions run straight down with the outcomes on either side.
    plek = {"u": 0, "v": 1, "w": 2}
    pijlen = [f"    start --> {eerste}"]
    for lijst in schema.uitgaand.values():
        pijlen += sorted(lijst, key=lambda p: plek[p.rsplit(" ", 1)[1][0]])
    slot = [
        (
            "    classDef vraag fill:#f1ecfa,stroke:#5e35b1,stroke-width:2px,color:#1d1238,"
            "font-weight:bold"
        ),
        "    classDef melden fill:#fde2e1,stroke:#b3261e,color:#410e0b",
        "    classDef niet fill:#e3f1e4,stroke:#2e7d32,color:#0b2e0d",
        "    classDef open fill:#fff4d6,stroke:#b26a00,color:#3d2500",
        "    classDef weetniet fill:#fffbf0,stroke:#b26a00,stroke-dasharray:5 4,color:#3d2500",
    ]
    # Declare the nodes in the order the arrows reach them: the layout keeps that order.
    volgorde = {p.rsplit(" ", 1)[1]: i for i, p in reversed(list(enumerate(pijlen)))}
    knopen = [schema.regels_knoop[n] for n in sorted(schema.regels_knoop, key=volgorde.__getitem__)]
    return "\n".join([*kop, *knopen, *pijlen, *slot])
