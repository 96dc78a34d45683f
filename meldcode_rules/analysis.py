"""Exhaustive analysis of a kader: the invariants proved over the finite input space.

The beslisregels of a kader read the six afwegingen (3^6 = 729 answer combinations) and,
for some sector kaders, a few facts of the casus (*sector flags*: "aantal signalen door
een medewerker ≥ 1"...). The beoordelingsregels of each afweging read facts of the casus.
Both spaces are finite once every fact is reduced to the *regions* the rules distinguish:
a count to ``None`` (not supplied), ``0`` and each threshold a ``Minstens`` names; a
three-valued fact to ``None``, ``ja``, ``nee`` and ``onbekend``; the facts of ``stappen``
and ``hulp`` to what the model fields can produce. This module enumerates those spaces
on the native engine (each version compiled once) and proves:

- the invariants of :data:`meldcode_rules.testing.invariants.INVARIANTEN` that are
  properties of the rule tree (meldnorm, hulpvoorwaarden, geen vermoeden geen melding,
  onbekend nooit nee, monotoon, determinisme, bronnen, nooit zwakker dan de basis);
- completeness (all known ⇒ both beslissingen decided), reachability (every rule can
  hold) and the absence of contradictions (no two rules conclude differently on one
  input).

What is not finite — signalen spread over time, betrokkenen, the casus as a whole — is
sampled with hypothesis (:mod:`meldcode_rules.testing.strategies`), when hypothesis is
installed. The report says which property was *proved* and which *sampled*.

Entry points: :func:`analyseer` (a kader by id or object, every version),
:func:`invarianten_rapport` (for the docs: the invariants of one version with their
result), :func:`kader_uit_bestand` (a kader declared in a Python file).
"""

from __future__ import annotations

import contextvars
import importlib.util
import itertools
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import metadata
from typing import TYPE_CHECKING, Final, Literal

from meldcode_rules.casus import (
    Casus,
    GesprekStatus,
    Hulp,
    HulpEffect,
    RedenGeenGesprek,
    Signaal,
    Stappen,
)
from meldcode_rules.engine import BESCHERMING, RICHTING, GecompileerdeVersie, compileer
from meldcode_rules.errors import KaderError
from meldcode_rules.feiten import CATALOGUS, Feiten, Feitwaarde, afleiden
from meldcode_rules.kader import Kader, KaderVersie
from meldcode_rules.logica import JA, NEE, ONBEKEND, Richting, Waarde
from meldcode_rules.regels import AFWEGINGEN, HULP, MELDEN, Minstens, Regel
from meldcode_rules.registry import (
    ENTRY_POINT_GROUP,
    ResolvedKader,
    Registry,
    default_registry,
    valideer_kader,
)
from meldcode_rules.testing.invariants import (
    BEREIKBAAR,
    BRON,
    CONSISTENT,
    DETERMINISME,
    GEEN_VERMOEDEN,
    HULPVOORWAARDEN,
    INVARIANTEN,
    MELDNORM,
    MONOTOON,
    NOOIT_ZWAKKER,
    ONBEKEND_NOOIT_NEE,
    STRUCTUUR,
    VOLLEDIG,
    Invariant,
    geldt_na_2019,
    hulpvoorwaarden,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

__all__ = [
    "MAX_UITPUTTEND",
    "Rapport",
    "Status",
    "Tegenvoorbeeld",
    "Uitslag",
    "VersieRapport",
    "analyseer",
    "analyseer_versie",
    "resolved_versions",
    "invarianten_rapport",
    "kader_uit_bestand",
    "zoek_kader",
]

Status = Literal["bewezen", "steekproef", "geschonden", "niet_van_toepassing"]
"""``bewezen``: holds on the whole finite space; ``steekproef``: held on every sampled
casus; ``geschonden``: a counterexample was found; ``niet_van_toepassing``: the property
does not apply to this version (the meldnorm before 2019, *nooit zwakker* without a base)."""

_ANTWOORDEN: Final = (ONBEKEND, JA, NEE)
_MAX_GEBIEDEN: Final = 4096
"""Above this many fact regions in one layer, a deterministic sample is taken instead."""
MAX_UITPUTTEND: Final = 2**20
"""The limit with ``uitputtend=True``: enough for every shipped kader (the largest layer,
acute onveiligheid in KNMG 2023 with 17 signal kinds, has 2**17 regions), at the cost of
about 40 seconds for that kader."""
_GRENS: Final[contextvars.ContextVar[int]] = contextvars.ContextVar(
    "meldcode_analyse_grens", default=_MAX_GEBIEDEN
)


# -- results ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tegenvoorbeeld:
    """The smallest input found that violates an invariant, described without input text."""

    invariant: Invariant
    invoer: tuple[tuple[str, str], ...]
    """The afwegingen and facts (names and codes, counts, ja/nee/onbekend) of the input."""
    verwacht: str
    werkelijk: str
    regels: tuple[str, ...] = ()
    """The rules involved (that gave the actual decision, or the rule at fault)."""
    toelichting: str = ""
    casus: tuple[str, ...] = ()
    """For a sampled casus: its description in Dutch, one line per part."""

    def beschrijving(self) -> str:
        """The counterexample in readable Dutch, several lines."""
        regels = [f"Invariant: {self.invariant.naam} — {self.invariant.titel}"]
        if self.casus:
            regels.append("Casus (kleinste gevonden, na verkleinen):")
            regels.extend(f"  {r}" for r in self.casus)
        if self.invoer:
            regels.append("Invoer (kleinste gevonden):")
            regels.extend(f"  {naam} = {waarde}" for naam, waarde in self.invoer)
        if self.toelichting:
            regels.append(f"Wat er gebeurde: {self.toelichting}")
        regels.append(f"Verwacht: {self.verwacht}")
        regels.append(f"Werkelijk: {self.werkelijk}")
        if self.regels:
            regels.append(f"Betrokken regels: {', '.join(self.regels)}")
        regels.append(f"Uitleg: {self.invariant.uitleg}")
        regels.append(
            f"Grondslag: {self.invariant.grondslag.tekst} ({self.invariant.grondslag.adres})"
        )
        return "\n".join(regels)


@dataclass(frozen=True, slots=True)
class Uitslag:
    """The result of one invariant on one kader version."""

    invariant: Invariant
    status: Status
    methode: str
    """How it was established, in Dutch (``uitputtend: 729 antwoordcombinaties ...``)."""
    tegenvoorbeeld: Tegenvoorbeeld | None = None

    @property
    def naam(self) -> str:
        """The invariant's name."""
        return self.invariant.naam

    @property
    def uitleg(self) -> str:
        """The invariant's Dutch explanation."""
        return self.invariant.uitleg

    @property
    def grondslag(self) -> str:
        """The invariant's legal ground, with its address."""
        g = self.invariant.grondslag
        return f"{g.tekst} ({g.adres})"


@dataclass(frozen=True, slots=True)
class VersieRapport:
    """Every invariant on one resolved version of a kader."""

    kader: str
    versie: str
    geldig_van: date
    geldig_tot: date | None
    basis: str | None
    """``kader versie`` of the base it was resolved against, if any."""
    uitslagen: tuple[Uitslag, ...]

    @property
    def ok(self) -> bool:
        """Whether no invariant was violated."""
        return all(u.status != "geschonden" for u in self.uitslagen)

    def uitslag(self, naam: str) -> Uitslag:
        """The result of the invariant with this name."""
        for u in self.uitslagen:
            if u.invariant.naam == naam:
                return u
        raise KeyError(naam)


@dataclass(frozen=True, slots=True)
class Rapport:
    """The analysis of a whole kader: one report per (resolved) version."""

    kader: str
    versies: tuple[VersieRapport, ...]
    steekproef: str = ""
    """How the sampled part ran (or why it did not), in Dutch."""

    @property
    def ok(self) -> bool:
        """Whether every version keeps every invariant."""
        return all(v.ok for v in self.versies)

    def schendingen(self) -> list[tuple[VersieRapport, Uitslag]]:
        """Every violated invariant, with its version."""
        return [(v, u) for v in self.versies for u in v.uitslagen if u.status == "geschonden"]


# -- loading and resolving -------------------------------------------------------------------


def zoek_kader(kader_id: str, registry: Registry | None = None) -> Kader:
    """A kader by id: from the register, or (when the register skipped it) from its entry point.

    A kader the register rejected (for example because it weakens its base) is still
    loaded here, so that the analysis can show *why* with a counterexample.

    Raises:
        KaderError: no kader has this id (with the closest ids).
    """
    reg = registry or default_registry()
    try:
        return reg.kader(kader_id)
    except KaderError:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if ep.name != kader_id:
                continue
            try:
                gevonden = ep.load()
            except Exception as fout:  # noqa: BLE001 - reported as a kader error, no traceback
                msg = f"kader {kader_id} kan niet worden geladen ({type(fout).__name__})"
                raise KaderError(msg) from None
            if isinstance(gevonden, Kader):
                return gevonden
        raise


def kader_uit_bestand(pad: Path) -> Kader:
    """Load the kader a Python file declares: its ``KADER`` attribute, or its single Kader.

    Raises:
        KaderError: the file cannot be read or run, or declares no (or more than one) Kader.
    """
    if pad.suffix != ".py" or not pad.is_file():
        msg = "--file: geen leesbaar Python-bestand (.py)"
        raise KaderError(msg)
    naam = f"_meldcode_kader_{abs(hash(str(pad.resolve())))}"
    spec = importlib.util.spec_from_file_location(naam, pad)
    if spec is None or spec.loader is None:
        msg = "--file: het bestand kan niet als Python-module worden geladen"
        raise KaderError(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules[naam] = module
    # Helper modules beside the file (an author's unpackaged kader) can be imported.
    map_ = str(pad.resolve().parent)
    sys.path.insert(0, map_)
    try:
        spec.loader.exec_module(module)
    except Exception as fout:  # noqa: BLE001 - any error in the author's file is bad input
        del sys.modules[naam]
        msg = f"--file: het bestand geeft een fout bij het laden ({type(fout).__name__})"
        raise KaderError(msg) from None
    finally:
        sys.path.remove(map_)
    kader = getattr(module, "KADER", None)
    if isinstance(kader, Kader):
        return kader
    gevonden = {id(w): w for w in vars(module).values() if isinstance(w, Kader)}
    if len(gevonden) == 1:
        return next(iter(gevonden.values()))
    msg = (
        "--file: het bestand declareert geen Kader (zet het in KADER)"
        if not gevonden
        else "--file: het bestand declareert meer dan één Kader; zet het te controleren in KADER"
    )
    raise KaderError(msg)


def _overlappen(a: KaderVersie, b: KaderVersie) -> bool:
    return a.geldig_van <= (b.geldig_tot or date.max) and b.geldig_van <= (a.geldig_tot or date.max)


def resolved_versions(kader: Kader, registry: Registry | None = None) -> list[ResolvedKader]:
    """Every resolved version of a kader: one per version, per overlapping base version.

    The kader itself is validated (:func:`meldcode_rules.registry.valideer_kader`) but not
    required to pass the register's extension checks: the analysis must be able to show a
    weakening with a counterexample instead of refusing the kader.

    Raises:
        KaderError: the kader is invalid, extends an unknown kader, or tightens a rule its
            base does not have.
    """
    valideer_kader(kader)
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    if kader.breidt_uit is None:
        return [ResolvedKader(kader, v, None, v.regels, v.afwegingsvragen) for v in versies]
    reg = registry or default_registry()
    basiskader = reg.kader(kader.breidt_uit)
    uit: list[ResolvedKader] = []
    for versie in versies:
        paren = [b for b in basiskader.versies if _overlappen(versie, b)]
        if not paren:
            msg = (
                f"kader {kader.id} versie {versie.versie}: {basiskader.id} heeft geen versie "
                "in deze periode"
            )
            raise KaderError(msg)
        for basisversie in sorted(paren, key=lambda b: b.geldig_van):
            datum = max(versie.geldig_van, basisversie.geldig_van)
            basis = reg.resolve(basiskader, datum)
            geerfd = {r.id for r in basis.regels}
            for regel in versie.aanscherpingen:
                if regel.id not in geerfd:
                    msg = (
                        f"kader {kader.id} versie {versie.versie}: aanscherping {regel.id} "
                        f"noemt geen regel van {basiskader.id}"
                    )
                    raise KaderError(msg)
            for regel in versie.regels:
                if regel.id in geerfd:
                    msg = (
                        f"kader {kader.id} versie {versie.versie}: regel {regel.id} bestaat al "
                        f"in {basiskader.id}"
                    )
                    raise KaderError(msg)
            vervangen = {r.id: r for r in versie.aanscherpingen}
            regels = (*(vervangen.get(r.id, r) for r in basis.regels), *versie.regels)
            eigen = {n for n, _ in versie.afwegingsvragen}
            vragen = (*versie.afwegingsvragen, *((n, t) for n, t in basis.vragen if n not in eigen))
            uit.append(ResolvedKader(kader, versie, basis, regels, vragen))
    return uit


# -- the finite fact space ---------------------------------------------------------------------

Gebied = tuple[tuple[str, Feitwaarde], ...]
"""One fact region: (fact name, representative value) pairs, sorted by name."""

_WAARDEN: Final[tuple[Waarde | None, ...]] = (None, ONBEKEND, JA, NEE)


def _minstens(regels: Iterable[Regel]) -> dict[str, set[int]]:
    drempels: dict[str, set[int]] = {}

    def loop(v: object) -> None:
        if isinstance(v, Minstens):
            drempels.setdefault(v.naam, set()).add(v.aantal)
        for deel in getattr(v, "delen", lambda: ())():
            loop(deel)

    for r in regels:
        loop(r.als)
    return drempels


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


def _keuzes(reeksen: list[list[int]]) -> Iterable[tuple[int, ...]]:
    """Every combination of count regions, or (when there are too many) a covering sample.

    The sample holds every combination with at most two counts above zero (so every rule,
    and every pair of rules, meets each of its thresholds) plus a reproducible random
    selection up to the limit (:data:`_MAX_GEBIEDEN`, or :data:`MAX_UITPUTTEND`).
    """
    totaal = 1
    for r in reeksen:
        totaal *= len(r)
    grens = _GRENS.get()
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


def _gebieden(feiten: Iterable[str], regels: Iterable[Regel]) -> tuple[list[Gebied], bool]:
    """Every region of the given casus facts (afwegingen and beslissingen excluded).

    Returns the regions and whether the space was enumerated completely (``False``
    when it was larger than the limit and a deterministic sample was taken).
    """
    drempels = _minstens(regels)
    per_sectie: dict[str, list[str]] = {}
    for f in sorted(set(feiten)):
        bron = CATALOGUS[f].bron
        if bron in ("afweging", "beslissing"):
            continue
        per_sectie.setdefault(bron, []).append(f)
    opties = [_sectie_opties(s, fs, drempels) for s, fs in sorted(per_sectie.items())]
    totaal = 1
    for o in opties:
        totaal *= len(o)
    grootte = 1
    for s, fs in per_sectie.items():
        if s == "signalen":
            for f in fs:
                grootte *= len({0, *drempels.get(f, set())})
    grens = _GRENS.get()
    volledig = grootte <= grens
    if totaal <= grens:
        combinaties: Iterable[tuple[dict[str, Feitwaarde], ...]] = itertools.product(*opties)
    else:
        kans = random.Random(0)  # noqa: S311 - a reproducible sample, not security
        combinaties = [tuple(kans.choice(o) for o in opties) for _ in range(grens)]
        volledig = False
    gebieden: dict[Gebied, None] = {}
    for combinatie in combinaties:
        samen: dict[str, Feitwaarde] = {}
        for deel in combinatie:
            samen.update(deel)
        gebieden.setdefault(tuple(sorted(samen.items())), None)
    return list(gebieden), volledig


# -- the decision table ------------------------------------------------------------------------


@dataclass(slots=True)
class _Rij:
    antwoorden: tuple[Waarde, ...]
    gebied: Gebied
    env: Feiten
    melden: str
    hulp: str
    regels: dict[str, tuple[str, ...]]
    """Per beslissing, the rules that held."""
    tegenstrijdig: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per beslissing with two different conclusions, the rules that gave them."""

    @property
    def sleutel(self) -> tuple[tuple[Waarde, ...], Gebied]:
        return (self.antwoorden, self.gebied)


def _grootte(antwoorden: Sequence[Waarde], gebied: Gebied) -> tuple[int, int]:
    """How much an input says: fewer given answers and facts, and smaller counts, first."""
    gegeven = sum(w is not ONBEKEND for w in antwoorden)
    gegeven += sum(v is not None and v is not ONBEKEND for _, v in gebied)
    aantallen = sum(v for _, v in gebied if isinstance(v, int))
    return gegeven, aantallen


def _invoer(antwoorden: Sequence[Waarde], gebied: Gebied) -> tuple[tuple[str, str], ...]:
    uit = [(n, w.value) for n, w in zip(AFWEGINGEN, antwoorden, strict=True)]
    uit += [
        (n, "niet aangeleverd" if v is None else str(v.value if isinstance(v, Waarde) else v))
        for n, v in gebied
    ]
    return tuple(uit)


def _leeg(effectief: ResolvedKader) -> Feiten:
    return afleiden(Casus(id="analyse"), effectief.versie.geldig_van)


def _beslis_tabel(
    motor: GecompileerdeVersie, effectief: ResolvedKader, gebieden: list[Gebied]
) -> list[_Rij]:
    leeg = _leeg(effectief)
    rijen: list[_Rij] = []
    for gebied in gebieden:
        basis_env = dict(leeg)
        basis_env.update(gebied)
        for antwoorden in itertools.product(_ANTWOORDEN, repeat=len(AFWEGINGEN)):
            env = dict(basis_env)
            env.update(zip(AFWEGINGEN, antwoorden, strict=True))
            regels: dict[str, tuple[str, ...]] = {}
            tegen: dict[str, tuple[str, ...]] = {}
            waarden: dict[str, str] = {}
            for doel in (MELDEN, HULP):
                gelden = [g for g in motor.beslis[doel] if g.toets(env) is JA]
                regels[doel] = tuple(g.regel.id for g in gelden)
                if len({g.regel.conclusie for g in gelden}) > 1:
                    tegen[doel] = regels[doel]
                waarde = motor._beslissing(doel, env, []).waarde  # noqa: SLF001 - same package
                waarden[doel] = waarde
                env[doel] = waarde
            rijen.append(
                _Rij(antwoorden, gebied, env, waarden[MELDEN], waarden[HULP], regels, tegen)
            )
    return rijen


# -- the checks --------------------------------------------------------------------------------


class _Kleinste:
    """Keeps the smallest counterexample per invariant."""

    def __init__(self) -> None:
        self.gevonden: dict[str, tuple[tuple[int, int], Tegenvoorbeeld]] = {}

    def zie(  # noqa: PLR0917 - private helper
        self,
        invariant: Invariant,
        antwoorden: Sequence[Waarde],
        gebied: Gebied,
        verwacht: str,
        werkelijk: str,
        regels: Sequence[str] = (),
        toelichting: str = "",
    ) -> None:
        grootte = _grootte(antwoorden, gebied)
        bekend = self.gevonden.get(invariant.naam)
        if bekend is not None and bekend[0] <= grootte:
            return
        voorbeeld = Tegenvoorbeeld(
            invariant,
            _invoer(antwoorden, gebied),
            verwacht,
            werkelijk,
            tuple(regels),
            toelichting,
        )
        self.gevonden[invariant.naam] = (grootte, voorbeeld)

    def zonder_invoer(self, invariant: Invariant, voorbeeld: Tegenvoorbeeld) -> None:
        self.gevonden.setdefault(invariant.naam, ((0, 0), voorbeeld))

    def __getitem__(self, naam: str) -> Tegenvoorbeeld | None:
        bekend = self.gevonden.get(naam)
        return bekend[1] if bekend else None


def _rang(doel: str, waarde: str) -> int:
    return BESCHERMING[doel].index(waarde)


_STAP: Final[dict[Richting, dict[Waarde, Waarde]]] = {
    Richting.JA_BESCHERMT: {NEE: ONBEKEND, ONBEKEND: JA},
    Richting.NEE_BESCHERMT: {JA: ONBEKEND, ONBEKEND: NEE},
}
"""One step towards the protective answer, per direction."""


def _afweging_rang(naam: str, w: Waarde) -> int:
    volgorde = (
        (JA, ONBEKEND, NEE) if RICHTING[naam] is Richting.JA_BESCHERMT else (NEE, ONBEKEND, JA)
    )
    return volgorde.index(w)


def _controleer_normen(effectief: ResolvedKader, rijen: list[_Rij], k: _Kleinste) -> None:
    """Meldnorm, hulpvoorwaarden, geen vermoeden, volledigheid, contradictions, sources."""
    na_2019 = geldt_na_2019(effectief)
    voorwaarden = [AFWEGINGEN.index(n) for n in hulpvoorwaarden(effectief)]
    v, a, s = 0, 1, 2
    for rij in rijen:
        w = rij.antwoorden
        doe = (rij.antwoorden, rij.gebied)
        melders = rij.regels[MELDEN]
        if na_2019 and w[v] is JA and JA in (w[a], w[s]) and rij.melden != "ja":
            k.zie(MELDNORM, *doe, "melden = ja", f"melden = {rij.melden}", melders)
        if w[v] is JA and any(w[i] is NEE for i in voorwaarden) and rij.melden != "ja":
            k.zie(HULPVOORWAARDEN, *doe, "melden = ja", f"melden = {rij.melden}", melders)
        if rij.hulp == "ja" and (w[v] is not JA or any(w[i] is not JA for i in voorwaarden)):
            k.zie(
                HULPVOORWAARDEN,
                *doe,
                "hulp ≠ ja (niet alle hulpvoorwaarden zijn ja)",
                "hulp = ja",
                rij.regels[HULP],
            )
        if w[v] is NEE and rij.melden != "nee":
            k.zie(GEEN_VERMOEDEN, *doe, "melden = nee", f"melden = {rij.melden}", melders)
        alles_bekend = ONBEKEND not in w and all(
            x is not None and x is not ONBEKEND for _, x in rij.gebied
        )
        if alles_bekend:
            for doel, waarde in ((MELDEN, rij.melden), (HULP, rij.hulp)):
                if waarde == "onbepaald":
                    k.zie(
                        VOLLEDIG,
                        *doe,
                        f"een beslissing over {doel}",
                        f"{doel} = onbepaald",
                        toelichting="alle afwegingen en feiten zijn bekend",
                    )
        for doel, regels in rij.tegenstrijdig.items():
            k.zie(
                CONSISTENT,
                *doe,
                f"één conclusie voor {doel}",
                f"verschillende conclusies voor {doel}",
                regels,
            )
        for doel, waarde in ((MELDEN, rij.melden), (HULP, rij.hulp)):
            if waarde != "onbepaald" and not rij.regels[doel]:
                k.zie(BRON, *doe, f"{doel} met de regel die het gaf", f"{doel} zonder regel")


def _posities(rij: _Rij) -> list[int]:
    """Indexes of the onbekend inputs: afwegingen 0-5, then the facts of the region."""
    uit = [i for i, w in enumerate(rij.antwoorden) if w is ONBEKEND]
    uit += [len(AFWEGINGEN) + i for i, (_, x) in enumerate(rij.gebied) if x is ONBEKEND]
    return uit


def _met(rij: _Rij, wijzigingen: dict[int, Feitwaarde]) -> tuple[tuple[Waarde, ...], Gebied]:
    antwoorden = list(rij.antwoorden)
    gebied = list(rij.gebied)
    for i, waarde in wijzigingen.items():
        if i < len(AFWEGINGEN):
            assert isinstance(waarde, Waarde)  # only afwegingen are changed at these indexes
            antwoorden[i] = waarde
        else:
            naam, _ = gebied[i - len(AFWEGINGEN)]
            gebied[i - len(AFWEGINGEN)] = (naam, waarde)
    return tuple(antwoorden), tuple(gebied)


def _naam(rij: _Rij, i: int) -> str:
    return AFWEGINGEN[i] if i < len(AFWEGINGEN) else rij.gebied[i - len(AFWEGINGEN)][0]


def _controleer_onbekend(rijen: list[_Rij], k: _Kleinste) -> None:
    index = {r.sleutel: r for r in rijen}
    for rij in rijen:
        posities = _posities(rij)
        if not posities:
            continue
        for doel, waarde in ((MELDEN, rij.melden), (HULP, rij.hulp)):
            if waarde == "onbepaald":
                continue
            # One input at a time first (the clearest counterexample), then all together.
            enkel = [((i,), (w,)) for i in posities for w in (JA, NEE)]
            samen = [
                (tuple(posities), c) for c in itertools.product((JA, NEE), repeat=len(posities))
            ]
            for plekken, invulling in (*enkel, *samen):
                ander = index.get(_met(rij, dict(zip(plekken, invulling, strict=True))))
                if ander is None:
                    continue
                andere_waarde = ander.melden if doel == MELDEN else ander.hulp
                if _rang(doel, waarde) > _rang(doel, andere_waarde):
                    wat = ", ".join(
                        f"{_naam(rij, i)} = {w.value}"
                        for i, w in zip(plekken, invulling, strict=True)
                    )
                    k.zie(
                        ONBEKEND_NOOIT_NEE,
                        rij.antwoorden,
                        rij.gebied,
                        f"{doel} = onbepaald (de beslissing hangt af van wat onbekend is)",
                        f"{doel} = {waarde}, maar {andere_waarde} als {wat}",
                        rij.regels[doel],
                    )
                    break


def _controleer_monotoon(
    rijen: list[_Rij], gebieden: list[Gebied], drempels: dict[str, set[int]], k: _Kleinste
) -> None:
    index = {r.sleutel: r for r in rijen}
    for rij in rijen:
        stappen: list[tuple[str, tuple[tuple[Waarde, ...], Gebied]]] = []
        for i, naam in enumerate(AFWEGINGEN):
            volgende = _STAP[RICHTING[naam]].get(rij.antwoorden[i])
            if volgende is not None:
                stappen.append((f"{naam} wordt {volgende.value}", _met(rij, {i: volgende})))
        for j, (naam, x) in enumerate(rij.gebied):
            if isinstance(x, int):
                hoger = [t for t in sorted({0, *drempels.get(naam, set())}) if t > x]
                if hoger:
                    stappen.append(
                        (
                            f"{naam} wordt {hoger[0]} (meer signalen)",
                            _met(rij, {len(AFWEGINGEN) + j: hoger[0]}),
                        )
                    )
        for wat, sleutel in stappen:
            ander = index.get(sleutel)
            if ander is not None and _rang(MELDEN, ander.melden) > _rang(MELDEN, rij.melden):
                k.zie(
                    MONOTOON,
                    rij.antwoorden,
                    rij.gebied,
                    f"melden blijft {rij.melden} (of wordt beschermender)",
                    f"melden = {ander.melden}",
                    ander.regels[MELDEN],
                    f"na de wijziging '{wat}'",
                )
    del gebieden


def _controleer_bronnen(effectief: ResolvedKader, k: _Kleinste) -> None:
    for regel in effectief.regels:
        b = regel.bron
        if not (b.uitgever and b.titel and b.adres and b.passage):
            k.zonder_invoer(
                BRON,
                Tegenvoorbeeld(
                    BRON,
                    (),
                    "een volledige bron (uitgever, titel, adres, passage)",
                    "een onvolledige bron",
                    (regel.id,),
                ),
            )


def _bereikbaar_beslis(motor: GecompileerdeVersie, rijen: list[_Rij]) -> set[str]:
    gevonden: set[str] = set()
    for doel in (MELDEN, HULP):
        for g in motor.beslis[doel]:
            if any(g.toets(r.env) is JA for r in rijen):
                gevonden.add(g.regel.id)
    for g in (*motor.acties, *motor.signaleringen):
        extra = [f for f in g.feiten if CATALOGUS[f].bron not in ("afweging", "beslissing")]
        if not extra:
            if any(g.toets(r.env) is JA for r in rijen):
                gevonden.add(g.regel.id)
            continue
        eigen, _ = _gebieden(extra, (g.regel,))
        for gebied in eigen:
            if any(g.toets({**r.env, **dict(gebied)}) is JA for r in rijen):
                gevonden.add(g.regel.id)
                break
    return gevonden


# -- the afweging layer ------------------------------------------------------------------------


def _afweging_waarden(
    motor: GecompileerdeVersie, naam: str, gebieden: list[Gebied], leeg: Feiten
) -> dict[tuple[Waarde, Gebied], Waarde]:
    uit: dict[tuple[Waarde, Gebied], Waarde] = {}
    for gebied in gebieden:
        env = {**leeg, **dict(gebied)}
        for antwoord in _ANTWOORDEN:
            uit[antwoord, gebied] = motor._afweging(naam, antwoord, env, []).waarde  # noqa: SLF001
    return uit


def _met_feit(gebied: Gebied, naam: str, waarde: Feitwaarde) -> Gebied:
    return tuple((n, waarde if n == naam else x) for n, x in gebied)


def _afweging_antwoorden(naam: str, antwoord: Waarde) -> tuple[Waarde, ...]:
    return tuple(antwoord if n == naam else ONBEKEND for n in AFWEGINGEN)


def _controleer_afweging(  # noqa: PLR0917 - private helper
    motor: GecompileerdeVersie,
    naam: str,
    gebieden: list[Gebied],
    waarden: dict[tuple[Waarde, Gebied], Waarde],
    drempels: dict[str, set[int]],
    k: _Kleinste,
) -> set[str]:
    """Contradictions, count monotonicity and onbekend for one afweging; the rules reached."""
    bereikt: set[str] = set()
    for gebied in gebieden:
        env = dict(gebied)
        gelden = [g for g in motor.beoordeling[naam] if g.toets({**_GEEN, **env}) is JA]
        bereikt.update(g.regel.id for g in gelden)
        if len({g.regel.conclusie for g in gelden}) > 1:
            k.zie(
                CONSISTENT,
                _afweging_antwoorden(naam, ONBEKEND),
                gebied,
                f"één conclusie voor {naam}",
                f"{naam} = ja én {naam} = nee",
                tuple(g.regel.id for g in gelden),
            )
        for antwoord in _ANTWOORDEN:
            waarde = waarden[antwoord, gebied]
            for feit, x in gebied:
                if isinstance(x, int):
                    hoger = [t for t in sorted({0, *drempels.get(feit, set())}) if t > x]
                    ander = (
                        waarden.get((antwoord, _met_feit(gebied, feit, hoger[0])))
                        if hoger
                        else None
                    )
                    if ander is not None and _afweging_rang(naam, ander) > _afweging_rang(
                        naam, waarde
                    ):
                        k.zie(
                            MONOTOON,
                            _afweging_antwoorden(naam, antwoord),
                            gebied,
                            f"{naam} blijft {waarde.value} (of wordt beschermender)",
                            f"{naam} = {ander.value}",
                            toelichting=f"na de wijziging '{feit} wordt {hoger[0]}'",
                        )
            if waarde is ONBEKEND:
                continue
            onbekend = [f for f, x in gebied if x is ONBEKEND]
            varianten: list[tuple[str, tuple[Waarde, Gebied]]] = []
            if antwoord is ONBEKEND:
                varianten += [(f"antwoord {naam} = {w.value}", (w, gebied)) for w in (JA, NEE)]
            for feit in onbekend:
                varianten += [
                    (f"{feit} = {w.value}", (antwoord, _met_feit(gebied, feit, w)))
                    for w in (JA, NEE)
                ]
            for wat, sleutel in varianten:
                ander = waarden.get(sleutel)
                if ander is not None and _afweging_rang(naam, waarde) > _afweging_rang(naam, ander):
                    k.zie(
                        ONBEKEND_NOOIT_NEE,
                        _afweging_antwoorden(naam, antwoord),
                        gebied,
                        f"{naam} = onbekend (de afweging hangt af van wat onbekend is)",
                        f"{naam} = {waarde.value}, maar {ander.value} als {wat}",
                    )
                    break
    return bereikt


_GEEN: Final[Feiten] = dict.fromkeys(CATALOGUS)


def _afweging_laag(
    effectief: ResolvedKader,
    motor: GecompileerdeVersie,
    basismotor: GecompileerdeVersie | None,
    k: _Kleinste,
) -> tuple[set[str], bool, int]:
    """Every afweging over its fact regions; returns reached rules, completeness, size."""
    bereikt: set[str] = set()
    volledig = True
    grootte = 0
    leeg = _leeg(effectief)
    for naam in AFWEGINGEN:
        regels = [g.regel for g in motor.beoordeling[naam]]
        if basismotor is not None:
            regels += [g.regel for g in basismotor.beoordeling[naam]]
        feiten = {f for r in regels for f in r.als.feiten()}
        drempels = _minstens(regels)
        gebieden, compleet = _gebieden(feiten, regels)
        volledig &= compleet
        grootte += len(gebieden) * len(_ANTWOORDEN)
        waarden = _afweging_waarden(motor, naam, gebieden, leeg)
        bereikt |= _controleer_afweging(motor, naam, gebieden, waarden, drempels, k)
        if basismotor is None:
            continue
        basis = _afweging_waarden(basismotor, naam, gebieden, leeg)
        for (antwoord, gebied), waarde in waarden.items():
            norm = basis[antwoord, gebied]
            if _afweging_rang(naam, waarde) > _afweging_rang(naam, norm):
                k.zie(
                    NOOIT_ZWAKKER,
                    _afweging_antwoorden(naam, antwoord),
                    gebied,
                    f"{naam} = {norm.value} (zoals in de basis)",
                    f"{naam} = {waarde.value}",
                    tuple(g.regel.id for g in motor.beoordeling[naam]),
                )
    return bereikt, volledig, grootte


# -- one version -------------------------------------------------------------------------------


def _beslisfeiten(*motoren: GecompileerdeVersie | None) -> tuple[set[str], list[Regel]]:
    feiten: set[str] = set()
    regels: list[Regel] = []
    for motor in motoren:
        if motor is None:
            continue
        for doel in (MELDEN, HULP):
            for g in motor.beslis[doel]:
                feiten.update(g.feiten)
                regels.append(g.regel)
    return feiten, regels


def _methode(aantal_gebieden: int, *, volledig: bool) -> str:
    ruimte = f"{3 ** len(AFWEGINGEN)} antwoordcombinaties"
    if aantal_gebieden > 1:
        ruimte += f" × {aantal_gebieden} feitgebieden"
    woord = "uitputtend" if volledig else "steekproef (ruimte te groot)"
    return f"{woord}: {ruimte}"


def analyseer_versie(effectief: ResolvedKader) -> VersieRapport:
    """Prove the invariants of one resolved version over its finite input space.

    Only the exhaustive part: see :func:`analyseer` for the sampled part as well.
    """
    motor = compileer(effectief)
    basismotor = compileer(effectief.basis) if effectief.basis is not None else None
    k = _Kleinste()
    feiten, regels = _beslisfeiten(motor, basismotor)
    gebieden, volledig = _gebieden(feiten, regels)
    drempels = _minstens(regels)
    rijen = _beslis_tabel(motor, effectief, gebieden)

    _controleer_normen(effectief, rijen, k)
    _controleer_onbekend(rijen, k)
    _controleer_monotoon(rijen, gebieden, drempels, k)
    _controleer_bronnen(effectief, k)
    opnieuw = _beslis_tabel(GecompileerdeVersie(effectief), effectief, gebieden)
    for een, twee in zip(rijen, opnieuw, strict=True):
        if (een.melden, een.hulp) != (twee.melden, twee.hulp):
            k.zie(
                DETERMINISME,
                een.antwoorden,
                een.gebied,
                f"melden = {een.melden}, hulp = {een.hulp}",
                f"melden = {twee.melden}, hulp = {twee.hulp} na opnieuw compileren",
            )
            break
    if basismotor is not None and effectief.basis is not None:
        norm = _beslis_tabel(basismotor, effectief.basis, gebieden)
        for rij, basis in zip(rijen, norm, strict=True):
            for doel, waarde, normwaarde in (
                (MELDEN, rij.melden, basis.melden),
                (HULP, rij.hulp, basis.hulp),
            ):
                if _rang(doel, waarde) > _rang(doel, normwaarde):
                    k.zie(
                        NOOIT_ZWAKKER,
                        rij.antwoorden,
                        rij.gebied,
                        f"{doel} = {normwaarde} (zoals in {effectief.basis.kader.id} "
                        f"{effectief.basis.versie.versie})",
                        f"{doel} = {waarde}",
                        rij.regels[doel],
                    )

    bereikt, afweging_volledig, afweging_grootte = _afweging_laag(effectief, motor, basismotor, k)
    bereikt |= _bereikbaar_beslis(motor, rijen)
    for regel in effectief.regels:
        if regel.id not in bereikt:
            k.zonder_invoer(
                BEREIKBAAR,
                Tegenvoorbeeld(
                    BEREIKBAAR,
                    (),
                    f"regel {regel.id} geldt bij ten minste één invoer",
                    f"de voorwaarde '{regel.als}' is bij geen enkele invoer ja",
                    (regel.id,),
                    toelichting=f"regel {regel.id} ({regel.doel} = {regel.conclusie}) kan nooit "
                    "gelden",
                ),
            )
    woord = "uitputtend" if afweging_volledig else "steekproef (ruimte te groot)"
    return _rapport(
        effectief,
        k,
        (_methode(len(gebieden), volledig=volledig), volledig),
        (
            f"afwegingen {woord}: {afweging_grootte} combinaties van antwoord en feiten",
            volledig and afweging_volledig,
        ),
    )


_BESLISLAAG: Final = (MELDNORM, HULPVOORWAARDEN, GEEN_VERMOEDEN, VOLLEDIG, DETERMINISME, BRON)
"""Invariants decided by the decision table alone."""


def _rapport(
    effectief: ResolvedKader,
    k: _Kleinste,
    beslislaag: tuple[str, bool],
    afweginglaag: tuple[str, bool],
) -> VersieRapport:
    beslis, afweging = beslislaag[0], afweginglaag[0]
    uitslagen: list[Uitslag] = []
    for inv in (*INVARIANTEN, *STRUCTUUR):
        voorbeeld = k[inv.naam]
        if inv is MELDNORM and not geldt_na_2019(effectief):
            uitslagen.append(
                Uitslag(inv, "niet_van_toepassing", "geldt voor versies vanaf 1 januari 2019")
            )
            continue
        if inv is NOOIT_ZWAKKER and effectief.basis is None:
            uitslagen.append(Uitslag(inv, "niet_van_toepassing", "het kader breidt niets uit"))
            continue
        methode = beslis
        if inv in (ONBEKEND_NOOIT_NEE, MONOTOON, NOOIT_ZWAKKER, CONSISTENT, BEREIKBAAR):
            methode = f"{beslis}; {afweging}"
        if inv is BRON:
            methode = f"elke regel van de versie; {beslis}"
        volledig = beslislaag[1] if inv in _BESLISLAAG else afweginglaag[1]
        status: Status = "bewezen" if volledig else "steekproef"
        if voorbeeld is not None:
            status = "geschonden"
        uitslagen.append(Uitslag(inv, status, methode, voorbeeld))
    basis = (
        f"{effectief.basis.kader.id} {effectief.basis.versie.versie}" if effectief.basis else None
    )
    v = effectief.versie
    return VersieRapport(
        effectief.kader.id, v.versie, v.geldig_van, v.geldig_tot, basis, tuple(uitslagen)
    )


# -- sampling with hypothesis ------------------------------------------------------------------

_STEEKPROEF: Final = (DETERMINISME, BRON, MONOTOON, ONBEKEND_NOOIT_NEE)
"""The invariants also checked on sampled casussen."""


def _peildatum(effectief: ResolvedKader) -> date:
    """A date inside the version (and its base version): its end, or three years in."""
    van = effectief.versie.geldig_van
    einden = [effectief.versie.geldig_tot]
    if effectief.basis is not None:
        van = max(van, effectief.basis.versie.geldig_van)
        einden.append(effectief.basis.versie.geldig_tot)
    return min([t for t in einden if t is not None] + [van + timedelta(days=3 * 365)])


def _steekproef(effectief: ResolvedKader, voorbeelden: int) -> Tegenvoorbeeld | None:
    """Sample casussen with hypothesis; the shrunk counterexample, or ``None``."""
    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415 - optional dependency

    from meldcode_rules.testing.invariants import schendingen  # noqa: PLC0415
    from meldcode_rules.testing.strategies import (  # noqa: PLC0415
        beschrijf_casus,
        casussen,
        signalen,
    )

    peildatum = _peildatum(effectief)
    gevonden: list[tuple[Casus, Tegenvoorbeeld]] = []

    class _Gevonden(Exception):
        pass

    @settings(
        max_examples=voorbeelden,
        database=None,
        derandomize=True,
        deadline=None,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        casus=casussen(kader=effectief.kader, peildatum=peildatum),
        extra=signalen(peildatum=peildatum, max_size=1).map(lambda s: s[0] if s else None),
    )
    def probeer(casus: Casus, extra: Signaal | None) -> None:
        fouten = schendingen(effectief, casus, peildatum, extra)
        if fouten:
            f = fouten[0]
            gevonden.append(
                (
                    casus,
                    Tegenvoorbeeld(
                        f.invariant,
                        (),
                        f.verwacht,
                        f.werkelijk,
                        (),
                        f.toelichting,
                        tuple(beschrijf_casus(casus, peildatum)),
                    ),
                )
            )
            raise _Gevonden

    try:
        probeer()
    except _Gevonden:
        return gevonden[-1][1]
    return None


def _hypothesis_beschikbaar() -> bool:
    return importlib.util.find_spec("hypothesis") is not None


def _met_steekproef(
    rapport: VersieRapport, voorbeeld: Tegenvoorbeeld | None, voorbeelden: int
) -> VersieRapport:
    uitslagen: list[Uitslag] = []
    for u in rapport.uitslagen:
        if u.invariant not in _STEEKPROEF or u.status in ("geschonden", "niet_van_toepassing"):
            uitslagen.append(u)
            continue
        methode = f"{u.methode}; steekproef: {voorbeelden} casussen (hypothesis)"
        if voorbeeld is not None and voorbeeld.invariant is u.invariant:
            uitslagen.append(Uitslag(u.invariant, "geschonden", methode, voorbeeld))
        else:
            uitslagen.append(Uitslag(u.invariant, u.status, methode))
    return VersieRapport(
        rapport.kader,
        rapport.versie,
        rapport.geldig_van,
        rapport.geldig_tot,
        rapport.basis,
        tuple(uitslagen),
    )


# -- the whole kader ---------------------------------------------------------------------------


def analyseer(
    kader: str | Kader,
    registry: Registry | None = None,
    *,
    voorbeelden: int = 60,
    uitputtend: bool = False,
) -> Rapport:
    """Check every version of a kader: the exhaustive proofs, then sampled casussen.

    Args:
        kader: a kader id (from the register, or its entry point when the register
            skipped it) or a :class:`~meldcode_rules.kader.Kader` object (for example
            from :func:`kader_uit_bestand`).
        registry: where the kader and the kader it extends are looked up; default: every
            installed kader.
        voorbeelden: how many casussen hypothesis samples per version; ``0`` skips the
            sampled part (it is skipped too when hypothesis is not installed).
        uitputtend: enumerate fact spaces of up to :data:`MAX_UITPUTTEND` regions per
            layer instead of 4,096, so that large finite spaces are proved rather than
            sampled (slower: about 40 seconds for KNMG 2023).

    Returns:
        One :class:`VersieRapport` per version (per overlapping base version for an
        extension), with the smallest counterexample for every violated invariant.

    Raises:
        KaderError: the kader is unknown or invalid (bad input, not a counterexample).
    """
    k = zoek_kader(kader, registry) if isinstance(kader, str) else kader
    steekproef = voorbeelden > 0 and _hypothesis_beschikbaar()
    versies: list[VersieRapport] = []
    token = _GRENS.set(MAX_UITPUTTEND if uitputtend else _MAX_GEBIEDEN)
    try:
        for effectief in resolved_versions(k, registry):
            rapport = analyseer_versie(effectief)
            if steekproef:
                rapport = _met_steekproef(rapport, _steekproef(effectief, voorbeelden), voorbeelden)
            versies.append(rapport)
    finally:
        _GRENS.reset(token)
    if steekproef:
        toelichting = f"steekproef: {voorbeelden} casussen per versie (hypothesis)"
    elif voorbeelden > 0:
        toelichting = "steekproef overgeslagen: hypothesis is niet geïnstalleerd"
    else:
        toelichting = "steekproef overgeslagen op verzoek"
    return Rapport(k.id, tuple(versies), toelichting)


def invarianten_rapport(
    kader: str | Kader, versie: str, registry: Registry | None = None
) -> tuple[Uitslag, ...]:
    """For the docs: the invariants one version of a kader was proved against, with results.

    Each :class:`Uitslag` gives the invariant's ``naam``, its Dutch ``uitleg``, its legal
    ``grondslag``, the ``status`` (``bewezen``, ``geschonden``, ``niet_van_toepassing``)
    and the ``methode``. Only the exhaustive part runs (fast, deterministic, no
    hypothesis needed). For an extension with several overlapping base versions, the
    results are those of the latest base version.

    Raises:
        KaderError: unknown kader or version, or an invalid kader.
    """
    k = zoek_kader(kader, registry) if isinstance(kader, str) else kader
    gekozen = [e for e in resolved_versions(k, registry) if e.versie.versie == versie]
    if not gekozen:
        bekend = ", ".join(v.versie for v in k.versies)
        msg = f"kader {k.id} heeft geen versie met die naam (versies: {bekend})"
        raise KaderError(msg)
    return analyseer_versie(gekozen[-1]).uitslagen
