"""The finite fact space of a kader's rules: every region of the facts its rules distinguish.

The beslisregels of a kader read the six afwegingen and, for some sector kaders, a few
facts of the casus (*sector flags*: "aantal signalen door een medewerker ≥ 1"...). The
beoordelingsregels of each afweging read facts of the casus. Both spaces are finite
once every fact is reduced to the *regions* the rules distinguish: a count to ``None``
(not supplied), ``0`` and each threshold a ``Minstens`` names; a three-valued fact to
``None``, ``ja``, ``nee`` and ``onbekend``; the facts of ``stappen`` and ``hulp`` to what
the model fields can produce.
"""

from __future__ import annotations

import contextvars
import itertools
import random
from datetime import date
from typing import TYPE_CHECKING, Final

from meldcode_rules.casus import (
    Antwoorden,
    Casus,
    GesprekStatus,
    Hulp,
    HulpEffect,
    RedenGeenGesprek,
    Stappen,
)
from meldcode_rules.feiten import CATALOGUS, Feitwaarde, afleiden
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde
from meldcode_rules.regels import Minstens, Regel

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["GRENS", "MAX_GEBIEDEN", "MAX_UITPUTTEND", "Gebied", "drempels_van", "feitgebieden"]

MAX_GEBIEDEN: Final = 4096
"""Above this many fact regions in one layer, a deterministic sample is taken instead."""
MAX_UITPUTTEND: Final = 2**20
"""The limit with ``uitputtend=True``: enough for every shipped kader (the largest layer,
acute onveiligheid in KNMG 2023 with 17 signal kinds, has 2**17 regions), at the cost of
about 40 seconds for that kader."""
GRENS: Final[contextvars.ContextVar[int]] = contextvars.ContextVar(
    "meldcode_analyse_grens", default=MAX_GEBIEDEN
)
"""The enumeration limit in force (:func:`meldcode_rules.analysis.analyseer` sets it)."""

Gebied = tuple[tuple[str, Feitwaarde], ...]
"""One fact region: (fact name, representative value) pairs, sorted by name."""

_WAARDEN: Final[tuple[Waarde | None, ...]] = (None, ONBEKEND, JA, NEE)


def drempels_van(regels: Iterable[Regel]) -> dict[str, set[int]]:
    """Every threshold a ``Minstens`` in these rules names, per fact."""
    uit: dict[str, set[int]] = {}

    def loop(v: object) -> None:
        if isinstance(v, Minstens):
            uit.setdefault(v.naam, set()).add(v.aantal)
        for deel in getattr(v, "delen", lambda: ())():
            loop(deel)

    for r in regels:
        loop(r.als)
    return uit


_STAPPEN_VELDEN: Final[dict[str, tuple[str, ...]]] = {
    "collegiaal_overleg": ("collegiaal_overleg",),
    "veilig_thuis_geraadpleegd": ("veilig_thuis_geraadpleegd",),
    "gesprek_gevoerd": ("gesprek", "reden_geen_gesprek"),
    "gesprek_overgeslagen_met_reden": ("gesprek", "reden_geen_gesprek"),
}
_HULP_VELDEN: Final[dict[str, tuple[str, ...]]] = {
    "hulp_binnen_competentie": ("binnen_competentie",),
    "hulp_aangeboden": ("aangeboden",),
    "hulp_aanvaard": ("aanvaard",),
    "hulp_inzet": ("inzet",),
    "hulp_in_staat": ("in_staat",),
    "hulp_effect_nog_onbekend": ("effect",),
    "hulp_veiligheid_hersteld": ("effect",),
    "hulp_onveiligheid_houdt_aan": ("effect",),
}
_VELD_OPTIES: Final[dict[str, tuple[object, ...]]] = {
    "gesprek": (None, *GesprekStatus),
    "reden_geen_gesprek": (None, RedenGeenGesprek.VEILIGHEID_CLIENT),
    "effect": (None, *HulpEffect),
}


def _model_opties(sectie: str, feiten: list[str]) -> list[dict[str, Feitwaarde]]:
    """The fact values that ``stappen`` or ``hulp`` can produce, by enumerating model fields."""
    velden_van = _STAPPEN_VELDEN if sectie == "stappen" else _HULP_VELDEN
    velden = sorted({v for f in feiten for v in velden_van[f]})
    gezien: dict[tuple[Feitwaarde, ...], dict[str, Feitwaarde]] = {}
    for keuze in itertools.product(*(_VELD_OPTIES.get(v, _WAARDEN) for v in velden)):
        waarden = dict(zip(velden, keuze, strict=True))
        model: Stappen | Hulp = Stappen(**waarden) if sectie == "stappen" else Hulp(**waarden)
        casus = Casus(id="analyse", **{sectie: model})
        afgeleid = afleiden(casus, date.max)
        deel = {f: afgeleid[f] for f in feiten}
        gezien.setdefault(tuple(deel.values()), deel)
    return list(gezien.values())


_TWIJFEL: Final[tuple[frozenset[str], ...]] = (
    frozenset(),
    frozenset({"vermoeden"}),
    frozenset({"acute_onveiligheid"}),
)
"""One doubt per region of the twijfel facts: none, about another afweging, about onveiligheid."""


def _antwoord_opties(feiten: list[str]) -> list[dict[str, Feitwaarde]]:
    """The values the twijfel facts can take (never absent, never onbekend)."""
    gezien: dict[tuple[Feitwaarde, ...], dict[str, Feitwaarde]] = {}
    for twijfel in _TWIJFEL:
        casus = Casus(id="analyse", antwoorden=Antwoorden.model_validate({"twijfel": twijfel}))
        afgeleid = afleiden(casus, date.max)
        deel = {f: afgeleid[f] for f in feiten}
        gezien.setdefault(tuple(deel.values()), deel)
    return list(gezien.values())


def _keuzes(reeksen: list[list[int]]) -> Iterable[tuple[int, ...]]:
    """Every combination of count regions, or (when there are too many) a covering sample.

    The sample holds every combination with at most two counts above zero (so every rule,
    and every pair of rules, meets each of its thresholds) plus a reproducible random
    selection up to the limit (:data:`MAX_GEBIEDEN`, or :data:`MAX_UITPUTTEND`).
    """
    totaal = 1
    for r in reeksen:
        totaal *= len(r)
    grens = GRENS.get()
    if totaal <= grens:
        return itertools.product(*reeksen)
    gekozen: dict[tuple[int, ...], None] = {tuple(0 for _ in reeksen): None}
    for i, j in itertools.combinations_with_replacement(range(len(reeksen)), 2):
        for a in reeksen[i]:
            for b in reeksen[j]:
                keuze = [0] * len(reeksen)
                keuze[i], keuze[j] = a, b
                gekozen.setdefault(tuple(keuze), None)
    kans = random.Random(0)  # noqa: S311 - a reproducible sample, not security
    while len(gekozen) < grens:
        gekozen.setdefault(tuple(kans.choice(r) for r in reeksen), None)
    return list(gekozen)


def _aantal_opties(feiten: list[str], drempels: dict[str, set[int]]) -> list[dict[str, Feitwaarde]]:
    """Count regions: 0 and every threshold; ``aantal_signalen`` covers every other count."""
    waarden = {f: sorted({0, *drempels.get(f, set())}) for f in feiten if f != "aantal_signalen"}
    opties: list[dict[str, Feitwaarde]] = []
    namen = sorted(waarden)
    for keuze in _keuzes([waarden[n] for n in namen]):
        deel: dict[str, Feitwaarde] = dict(zip(namen, keuze, strict=True))
        if "aantal_signalen" in feiten:
            grenzen = sorted({0, *drempels.get("aantal_signalen", set())})
            nodig = max(keuze, default=0)
            for i, onder in enumerate(grenzen):
                boven = grenzen[i + 1] if i + 1 < len(grenzen) else None
                waarde = max(onder, nodig)
                if boven is None or waarde < boven:
                    opties.append({**deel, "aantal_signalen": waarde})
        else:
            opties.append(deel)
    return opties


def _sectie_opties(
    sectie: str, feiten: list[str], drempels: dict[str, set[int]]
) -> list[dict[str, Feitwaarde]]:
    afwezig: dict[str, Feitwaarde] = dict.fromkeys(feiten)
    if sectie in ("stappen", "hulp"):
        return _model_opties(sectie, feiten)
    if sectie == "antwoorden":
        return _antwoord_opties(feiten)
    aantallen = [f for f in feiten if CATALOGUS[f].soort == "getal"]
    opties = _aantal_opties(aantallen, drempels)
    waarden = [f for f in feiten if CATALOGUS[f].soort == "waarde"]
    if waarden:
        uit: list[dict[str, Feitwaarde]] = []
        for optie in opties:
            for keuze in itertools.product((ONBEKEND, JA, NEE), repeat=len(waarden)):
                deel = {**optie, **dict(zip(waarden, keuze, strict=True))}
                # zorgt_voor_minderjarigen is only known when an adult has oudersignalen.
                if deel.get("aantal_volwassenen_met_oudersignalen") == 0:
                    deel["zorgt_voor_minderjarigen"] = None
                uit.append(deel)
        opties = uit
    gezien: dict[tuple[tuple[str, Feitwaarde], ...], dict[str, Feitwaarde]] = {}
    for optie in (afwezig, *opties):
        gezien.setdefault(tuple(sorted(optie.items())), optie)
    return list(gezien.values())


def feitgebieden(feiten: Iterable[str], regels: Iterable[Regel]) -> tuple[list[Gebied], bool]:
    """Every region of the given casus facts (afwegingen and beslissingen excluded).

    Returns the regions and whether the space was enumerated completely (``False``
    when it was larger than the limit and a deterministic sample was taken).
    """
    grenzen = drempels_van(regels)
    per_sectie: dict[str, list[str]] = {}
    for f in sorted(set(feiten)):
        bron = CATALOGUS[f].bron
        if bron in ("afweging", "beslissing"):
            continue
        per_sectie.setdefault(bron, []).append(f)
    opties = [_sectie_opties(s, fs, grenzen) for s, fs in sorted(per_sectie.items())]
    totaal = 1
    for o in opties:
        totaal *= len(o)
    grootte = 1
    for s, fs in per_sectie.items():
        if s == "signalen":
            for f in fs:
                grootte *= len({0, *grenzen.get(f, set())})
    grens = GRENS.get()
    volledig = grootte <= grens
    if totaal <= grens:
        combinaties: Iterable[tuple[dict[str, Feitwaarde], ...]] = itertools.product(*opties)
    else:
        kans = random.Random(0)  # noqa: S311 - a reproducible sample, not security
        combinaties = [tuple(kans.choice(o) for o in opties) for _ in range(grens)]
        volledig = False
    uit: dict[Gebied, None] = {}
    for combinatie in combinaties:
        samen: dict[str, Feitwaarde] = {}
        for deel in combinatie:
            samen.update(deel)
        uit.setdefault(tuple(sorted(samen.items())), None)
    return list(uit), volledig
