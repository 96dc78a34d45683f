"""Analysis of a kader: every invariant proved for all inputs at once.

Each resolved version of a kader is translated into z3 terms
(:mod:`~meldcode_rules.analysis.symbolisch`): the six answers, every fact of a casus within
the facts' own constraints (:data:`meldcode_rules.feiten.BEPERKINGEN`), and the decision
semantics of :mod:`meldcode_rules.besluit` on top. :mod:`~meldcode_rules.analysis.bewijs`
asks the solver for a real casus that breaks an invariant; none is the proof, one is
minimised into the smallest readable counterexample and replayed on the native engine.
Proved this way:

- the invariants of the law (:data:`~meldcode_rules.analysis.invarianten.INVARIANTEN`):
  meldnorm, hulpvoorwaarden, geen vermoeden geen melding, onbekend nooit nee, monotoon
  naar veiligheid, determinisme, bronnen, nooit zwakker dan de basis, afsluiten alleen
  als het bekend is;
- completeness, reachability by a real casus and the absence of contradictions.

Beside them :mod:`~meldcode_rules.analysis.kadercontroles` checks the kader as a whole:
valid declarations, versions without gaps, real source passages, its own casuïstiek.

Without z3 (the ``check`` extra) the fact regions are enumerated instead
(:mod:`~meldcode_rules.analysis.opsomming`, the checker before the proofs); the test suite
keeps the two in agreement, and the testing tools (:mod:`meldcode_rules.testing`) add a
hypothesis sample of whole casussen.

Entry points: :func:`analyseer` (a kader by id or object, every version),
:func:`invarianten_rapport` (for the docs: the invariants of one version with their
result), :func:`kader_uit_bestand` (a kader declared in a Python file).
"""

from __future__ import annotations

from meldcode_rules.analysis.controles import (
    Methode,
    Steekproef,
    analyseer,
    analyseer_versie,
    invarianten_rapport,
    z3_beschikbaar,
)
from meldcode_rules.analysis.gebieden import MAX_UITPUTTEND
from meldcode_rules.analysis.laden import kader_uit_bestand, zoek_kader
from meldcode_rules.analysis.rapport import (
    Rapport,
    Status,
    Tegenvoorbeeld,
    Uitslag,
    VersieRapport,
)

__all__ = [
    "MAX_UITPUTTEND",
    "Methode",
    "Rapport",
    "Status",
    "Steekproef",
    "Tegenvoorbeeld",
    "Uitslag",
    "VersieRapport",
    "analyseer",
    "analyseer_versie",
    "invarianten_rapport",
    "kader_uit_bestand",
    "z3_beschikbaar",
    "zoek_kader",
]
