"""An independent Kleene interpreter of the beslisregels: the oracle for the answer space.

Written apart from the engines (:mod:`meldcode_rules.engine`) and the decision core
(:mod:`meldcode_rules.besluit`) on purpose: the tests hold the library's enumeration of
the 729 answer combinations to it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from meldcode_rules.afwegingen import AFWEGINGEN, BESLISSING
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde, en, niet, of
from meldcode_rules.regels import Altijd, En, Feit, Is, Minstens, Niet, Of, Voorwaarde

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from meldcode_rules.kader import ResolvedKader
    from meldcode_rules.regels import Regel

WAARDEN = ("ja", "nee", "onbekend")


def waarde(v: Voorwaarde, env: Mapping[str, object]) -> Waarde:
    if isinstance(v, Altijd):
        return JA
    if isinstance(v, Feit):
        w = env.get(v.naam)
        return w if isinstance(w, Waarde) else ONBEKEND
    if isinstance(v, Is):
        w = env.get(v.naam)
        return ONBEKEND if w is None else (JA if str(w) == v.waarde else NEE)
    if isinstance(v, Minstens):
        w = env.get(v.naam)
        return ONBEKEND if not isinstance(w, int) else (JA if w >= v.aantal else NEE)
    if isinstance(v, En):
        return en(*(waarde(d, env) for d in v.onderdelen))
    if isinstance(v, Of):
        return of(*(waarde(d, env) for d in v.onderdelen))
    if isinstance(v, Niet):
        return niet(waarde(v.deel, env))
    raise TypeError(type(v).__name__)


def _beslis(regels: Sequence[Regel], env: Mapping[str, object], doel: str) -> str:
    gevonden = {r.conclusie for r in regels if r.doel == doel and waarde(r.als, env) is JA}
    if not gevonden:
        return "onbepaald"
    return min(gevonden, key=BESLISSING[doel].rang)


def uitkomsten(effectief: ResolvedKader) -> dict[tuple[str, ...], tuple[str, str]]:
    """(melden, hulp) per combination of afweging values, casus facts absent."""
    regels = tuple(r for r in effectief.regels if r.doel in BESLISSING)
    uit = {}
    for combinatie in itertools.product(WAARDEN, repeat=len(AFWEGINGEN)):
        env: dict[str, object] = {a: Waarde(w) for a, w in zip(AFWEGINGEN, combinatie, strict=True)}
        melden = _beslis(regels, env, "melden")
        env["melden"] = melden
        uit[combinatie] = (melden, _beslis(regels, env, "hulp"))
    return uit
