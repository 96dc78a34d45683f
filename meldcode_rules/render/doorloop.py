"""The walk-through export: a kader version's 729 outcomes as JSON, for the site's doorloop.

The documentation site lets a professional answer the afwegingsvragen of a kader
version and see, as they answer, the two beslissingen, the rules that gave them with
their source passages, and the acties. That page runs in the browser without a server,
from the export made here, so it must not hold a copy of the decision logic: the
export *is* the logic, as a table.

Why a table and not the rule tree: the answers are six afwegingen of three values, so
the whole answer space is 3^6 = 729 combinations (:mod:`meldcode_rules.ruimte`), and
each of them is evaluated here by the library itself (:meth:`CompiledKader.evaluate
<meldcode_rules.engine.CompiledKader.evaluate>`, the same call as
:func:`meldcode_rules.evaluate`). The browser only looks an answer combination up.
Exporting the rule tree would need an interpreter in JavaScript for the Kleene logic
*and* for the decision core (the protective merge, ``onbepaald`` with the afwegingen
it hangs on, contradictions, the acties that read the beslissingen): a second
implementation that could drift. A table of 729 rows is small (outcomes repeat, so
they are stored once and the table holds their position) and cannot disagree with the
library: the test suite compares every row with :func:`meldcode_rules.evaluate`.

The casus behind each row supplies only the answers, on the version's first day
(:attr:`KaderVersie.geldig_van`): a rule that reads another casus fact sees it as not
supplied, as in the decision table on the same page (``leest_ook`` names such facts).

Format ``meldcode-doorloop/1`` (all text Dutch, as the library gives it)::

    {
      "formaat": "meldcode-doorloop/1",
      "kader": {"id", "naam", "versie", "geldig_van", "geldig_tot", "vingerafdruk"},
      "peildatum": "YYYY-MM-DD",
      "antwoorden": [{"waarde": "ja", "tekst": "ja"}, ..., {"waarde": "onbekend", ...}],
      "afwegingen": [{"naam", "nummer", "titel", "vraag"}, ...],     # in the order of the flow
      "beslissingen": [{"naam", "nummer", "vraag", "waarden": {waarde: {"kort", "tekst"}}}],
      "regels": {regel_id: {"label", "conclusie", "voorwaarde", "kader", "versie", "bron"}},
                                                        # every rule in a spoor
      "acties": [{"code", "omschrijving", "regel", "bron"}, ...],
      "signaleringen": [{"code", "omschrijving", "afweging", "regel"}, ...],
      "uitkomsten": [{
          "melden", "hulp",
          "spoor": {"melden": [[regel_id, resultaat], ...], "hulp": [...]},
          "hangt_af_van": {"melden": [afweging, ...], "hulp": [...]},
          "acties": [index in "acties", ...],
          "signaleringen": [index in "signaleringen", ...],
          "afgeleid": {afweging: waarde}      # only where the value that counts differs
      }, ...],
      "tabel": [index in "uitkomsten", ...],  # 729 entries
      "leest_ook": [casus fact, ...],
      "advies_onbepaald": "..."
    }

``tabel[i]`` is the outcome of the combination at position ``i`` of
:func:`meldcode_rules.ruimte.combinaties`: with the afwegingen in the order of
``afwegingen`` and the answers in the order of ``antwoorden``,
``i = sum(antwoorden.index(a_k) * 3 ** (5 - k))``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, ANTWOORDEN, BESLISSING, BESLISSINGEN
from meldcode_rules.analysis.beslistabel import extra_feiten
from meldcode_rules.besluit import ADVIES_ONBEPAALD
from meldcode_rules.casus import Casus
from meldcode_rules.engine import compileer
from meldcode_rules.ruimte import AANTAL, combinaties

if TYPE_CHECKING:
    from meldcode_rules.kader import ResolvedKader
    from meldcode_rules.uitkomst import BronVerwijzing, RegelSpoor, Uitkomst

__all__ = ["ANTWOORD_TEKST", "FORMAAT", "doorloop", "doorloop_json"]

FORMAAT: Final = "meldcode-doorloop/1"
"""The name and version of the export format."""

ANTWOORD_TEKST: Final[dict[str, str]] = {"ja": "ja", "nee": "nee", "onbekend": "weet ik niet"}
"""How the walk-through offers each answer."""


def _bron(bron: BronVerwijzing | None) -> dict[str, Any] | None:
    return None if bron is None else bron.model_dump(mode="json")


def _regel(s: RegelSpoor) -> dict[str, Any]:
    return {
        "label": s.label,
        "conclusie": s.conclusie,
        "voorwaarde": s.voorwaarde,
        "kader": s.kader,
        "versie": s.versie,
        "bron": _bron(s.bron),
    }


class _Verzamel:
    """Stores every rule, actie, signalering and outcome once; hands out positions."""

    def __init__(self) -> None:
        self.regels: dict[str, dict[str, Any]] = {}
        self.acties: dict[str, int] = {}
        self.signaleringen: dict[str, int] = {}
        self.uitkomsten: dict[str, int] = {}

    @staticmethod
    def _plaats(lijst: dict[str, int], waarde: dict[str, Any]) -> int:
        sleutel = json.dumps(waarde, sort_keys=True, ensure_ascii=False)
        return lijst.setdefault(sleutel, len(lijst))

    def uitkomst(self, u: Uitkomst) -> int:
        spoor: dict[str, list[list[str]]] = {}
        hangt_af: dict[str, list[str]] = {}
        for doel in BESLISSINGEN:
            b = u.beslissingen[doel]
            for s in b.spoor:
                self.regels.setdefault(s.regel, _regel(s))
            spoor[doel] = [[s.regel, s.resultaat.value] for s in b.spoor]
            hangt_af[doel] = list(b.hangt_af_van)
        acties = [self._plaats(self.acties, a.model_dump(mode="json")) for a in u.acties]
        signaleringen = [
            self._plaats(self.signaleringen, s.model_dump(mode="json")) for s in u.signaleringen
        ]
        uitkomst: dict[str, Any] = {
            "melden": u.melden,
            "hulp": u.hulp,
            "spoor": spoor,
            "hangt_af_van": hangt_af,
            "acties": acties,
            "signaleringen": signaleringen,
        }
        afgeleid = {
            naam: a.waarde.value for naam, a in u.afwegingen.items() if a.waarde != a.antwoord
        }
        if afgeleid:
            uitkomst["afgeleid"] = afgeleid
        return self._plaats(self.uitkomsten, uitkomst)

    @staticmethod
    def lijst(lijst: dict[str, int]) -> list[Any]:
        return [json.loads(k) for k in sorted(lijst, key=lijst.__getitem__)]


def doorloop(effectief: ResolvedKader) -> dict[str, Any]:
    """The walk-through export of one resolved kader version (format :data:`FORMAAT`).

    Every one of the 729 answer combinations is evaluated by the library (native engine)
    for a casus that supplies only those answers, on the version's first day.
    """
    motor = compileer(effectief)
    peildatum = effectief.versie.geldig_van
    verzamel = _Verzamel()
    tabel: list[int] = []
    info: dict[str, Any] | None = None
    for combinatie in combinaties():
        antwoorden = {a: w.value for a, w in zip(AFWEGINGEN, combinatie, strict=True)}
        u = motor.evaluate(Casus(id="doorloop", antwoorden=antwoorden), peildatum)
        if info is None:
            info = u.kader.model_dump(mode="json")
        tabel.append(verzamel.uitkomst(u))
    assert len(tabel) == AANTAL  # the whole answer space, in the order of ruimte
    return {
        "formaat": FORMAAT,
        "kader": info,
        "peildatum": peildatum.isoformat(),
        "antwoorden": [{"waarde": w.value, "tekst": ANTWOORD_TEKST[w.value]} for w in ANTWOORDEN],
        "afwegingen": [
            {
                "naam": a,
                "nummer": AFWEGING[a].nummer,
                "titel": AFWEGING[a].titel,
                "vraag": effectief.vraag(a),
            }
            for a in AFWEGINGEN
        ],
        "beslissingen": [
            {
                "naam": b,
                "nummer": BESLISSING[b].nummer,
                "vraag": BESLISSING[b].vraag,
                "waarden": {
                    w: {"kort": BESLISSING[b].kort_voor(w), "tekst": BESLISSING[b].tekst_voor(w)}
                    for w in BESLISSING[b].waarden
                },
            }
            for b in BESLISSINGEN
        ],
        "regels": verzamel.regels,
        "acties": verzamel.lijst(verzamel.acties),
        "signaleringen": verzamel.lijst(verzamel.signaleringen),
        "uitkomsten": verzamel.lijst(verzamel.uitkomsten),
        "tabel": tabel,
        "leest_ook": extra_feiten(effectief),
        "advies_onbepaald": ADVIES_ONBEPAALD,
    }


def doorloop_json(effectief: ResolvedKader) -> str:
    """:func:`doorloop` as compact JSON text (UTF-8, one line), as the site serves it."""
    return json.dumps(doorloop(effectief), ensure_ascii=False, separators=(",", ":"))
