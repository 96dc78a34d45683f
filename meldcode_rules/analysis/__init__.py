"""Exhaustive analysis of a kader: the invariants proved over the finite input space.

The beslisregels of a kader read the six afwegingen (3^6 = 729 answer combinations) and,
for some sector kaders, a few facts of the casus; the beoordelingsregels of each
afweging read facts of the casus. Both spaces are finite once every fact is reduced to
the regions the rules distinguish (:mod:`~meldcode_rules.analysis.gebieden`). This
package enumerates them on the native engine (each version compiled once) and proves:

- the invariants of :data:`~meldcode_rules.analysis.invarianten.INVARIANTEN` that are
  properties of the rule tree (meldnorm, hulpvoorwaarden, geen vermoeden geen melding,
  onbekend nooit nee, monotoon, determinisme, bronnen, nooit zwakker dan de basis);
- completeness (all known ⇒ both beslissingen decided), reachability (every rule can
  hold) and the absence of contradictions (no two rules conclude differently on one
  input).

What is not finite (signalen spread over time, betrokkenen, the casus as a whole) is
sampled by the testing tools (:mod:`meldcode_rules.testing`), which build on this
package and hand :func:`analyseer` their sample; the report says which property was
*proved* and which *sampled*.

Entry points: :func:`analyseer` (a kader by id or object, every version),
:func:`invarianten_rapport` (for the docs: the invariants of one version with their
result), :func:`kader_uit_bestand` (a kader declared in a Python file).
"""

from __future__ import annotations

from meldcode_rules.analysis.controles import (
    Steekproef,
    analyseer,
    analyseer_versie,
    invarianten_rapport,
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
    "zoek_kader",
]
