"""The decision core: from rule results to the afwegingen, the beslissingen and the acties.

This module is where the law's logic lives, once. An engine's only job is to say, for
each rule of a kader version, whether its condition is ``ja``, ``nee`` or ``onbekend``
on the facts of a casus (see :class:`Regelresultaten`); everything that follows from
those results is decided here, for the native engine and the durable-rules engine
alike, and for every analysis and rendering of a kader.

Evaluation runs in layers, each reading the named values of the layer before:

1. *feiten* are derived from the casus (:func:`meldcode_rules.feiten.afleiden`);
2. the kader's *beoordelingsregels* derive each afweging from the facts, and the
   derivation is merged with the professional's answer (:func:`afweging`);
3. the *beslisregels* give ``melden`` and ``hulp`` from the afwegingen
   (:func:`beslissing`); a decision that no rule settles is ``onbepaald``, with the
   afwegingen it hangs on and the advice that resolves it (:func:`onbepaald`);
4. *actie-* and *signaleringsregels* say what follows (:func:`gevolgen`).

The glue the kaders do not spell out (ARCHITECTURE, "Three-valued logic"):

- A rule whose condition is ``ja`` concludes. A rule whose condition is ``onbekend``
  counts only when every fact it reads was supplied: then its conclusion is *possible*,
  which matters only for the protective conclusion (``ja`` for vermoeden and the
  onveiligheid questions, ``nee`` for the hulp conditions). A rule over facts the casus
  does not supply stays silent.
- The derivation of an afweging is the protective merge of what its rules conclude
  (``None`` when they are silent); the value that counts is the protective merge of the
  derivation and the professional's answer, and every difference is a signalering.
- A beslissing is the conclusion of its rules that hold; when none holds it is
  ``onbepaald``. Two rules that conclude differently are a defect of the kader: the more
  protective wins and a signalering names both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Protocol

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, BESLISSING, BESLISSINGEN, HULP, MELDEN
from meldcode_rules.feiten import CATALOGUS, Feiten
from meldcode_rules.kader import vingerafdruk
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde, beschermend
from meldcode_rules.regels import ACTIE, SIGNALERING, Regel
from meldcode_rules.uitkomst import (
    Actie,
    AfwegingUitkomst,
    BeslissingUitkomst,
    BronVerwijzing,
    KaderInfo,
    RegelSpoor,
    Signalering,
)

if TYPE_CHECKING:
    from datetime import date

    from meldcode_rules.kader import ResolvedKader

__all__ = [
    "ADVIES_ONBEPAALD",
    "LAGEN",
    "Beslisvorm",
    "Besluit",
    "Besluitregel",
    "Regelresultaten",
    "afweging",
    "beslis",
    "beslissing",
    "gevolgen",
    "onbepaald",
    "spoor",
]

ADVIES_ONBEPAALD: Final = "Beantwoord ze; bij twijfel: raadpleeg Veilig Thuis."
"""The advice that comes with every ``onbepaald`` beslissing."""

AFWEGING_LAAG: Final = "afweging"
BESLISSING_LAAG: Final = "beslissing"
GEVOLG_LAAG: Final = "gevolg"
LAGEN: Final[tuple[str, str, str]] = (AFWEGING_LAAG, BESLISSING_LAAG, GEVOLG_LAAG)
"""The layers of rules, in the order they run: each may read the values of the one before."""

_INVOER: Final = frozenset({"signalen", "betrokkenen", "stappen", "hulp", "antwoorden"})


def laag_van(doel: str) -> str:
    """The layer a rule with this doel belongs to."""
    if doel in AFWEGING:
        return AFWEGING_LAAG
    if doel in BESLISSING:
        return BESLISSING_LAAG
    return GEVOLG_LAAG


@dataclass(frozen=True, slots=True)
class Besluitregel:
    """A rule of a resolved version as the decision core sees it."""

    index: int
    """Its position in :attr:`ResolvedKader.regels` (the order of the trace)."""
    regel: Regel
    feiten: tuple[str, ...]
    """The facts its condition reads, sorted."""
    voorwaarde: str
    """The condition, printed."""
    bron: BronVerwijzing


class Beslisvorm:
    """What the decision core needs of one resolved version, prepared once.

    The rules by doel and by layer, the facts each layer reads, the questions in the
    kader's own words and the :class:`KaderInfo` that identifies the version.
    """

    def __init__(self, effectief: ResolvedKader) -> None:
        """Prepare the rules of ``effectief``."""
        self.effectief = effectief
        self.regels: tuple[Besluitregel, ...] = tuple(
            Besluitregel(
                i, r, tuple(sorted(r.als.feiten())), str(r.als), BronVerwijzing.van(r.bron)
            )
            for i, r in enumerate(effectief.regels)
        )
        doelen = (*AFWEGINGEN, *BESLISSINGEN, ACTIE, SIGNALERING)
        self.per_doel: dict[str, tuple[Besluitregel, ...]] = {
            d: tuple(r for r in self.regels if r.regel.doel == d) for d in doelen
        }
        self.per_laag: dict[str, tuple[Besluitregel, ...]] = {
            laag: tuple(r for r in self.regels if laag_van(r.regel.doel) == laag) for laag in LAGEN
        }
        self.leest: dict[str, tuple[str, ...]] = {
            d: tuple(sorted({f for r in regels for f in r.feiten}))
            for d, regels in (*self.per_doel.items(), *self.per_laag.items())
        }
        """The facts the rules of a doel (or a layer) read, sorted."""
        self.invoer: tuple[str, ...] = tuple(
            sorted({f for r in self.regels for f in r.feiten if CATALOGUS[f].bron in _INVOER})
        )
        """The casus facts (not afwegingen or beslissingen) any rule reads."""
        self.vragen: dict[str, str] = {a: effectief.vraag(a) for a in AFWEGINGEN}
        self.info = KaderInfo(
            id=effectief.kader.id,
            naam=effectief.kader.naam,
            versie=effectief.versie.versie,
            geldig_van=effectief.versie.geldig_van,
            geldig_tot=effectief.versie.geldig_tot,
            vingerafdruk=vingerafdruk(effectief),
        )


Sporen = Callable[[Besluitregel, Waarde, Feiten], RegelSpoor]
"""Makes the trace entry of a rule with its result (an engine may memoise it)."""


def spoor(vorm: Beslisvorm, regel: Besluitregel, resultaat: Waarde, env: Feiten) -> RegelSpoor:
    """The trace entry of one rule with its result and the values of the facts it read."""
    r = regel.regel
    return RegelSpoor(
        regel=r.id,
        label=r.label or None,
        conclusie=r.conclusie,
        resultaat=resultaat,
        voorwaarde=regel.voorwaarde,
        gebruikt={n: env[n] for n in regel.feiten},
        kader=vorm.info.id,
        versie=vorm.info.versie,
        bron=regel.bron,
    )


def _sporen(vorm: Beslisvorm) -> Sporen:
    return lambda regel, resultaat, env: spoor(vorm, regel, resultaat, env)


def afweging(  # noqa: PLR0917 - the layer's inputs, all needed
    vorm: Beslisvorm,
    naam: str,
    antwoord: Waarde,
    resultaten: Sequence[Waarde],
    env: Feiten,
    sporen: Sporen | None = None,
) -> tuple[AfwegingUitkomst, tuple[Signalering, ...]]:
    """Layer 2 for one afweging: merge the derivation of its rules with the answer.

    Args:
        vorm: the prepared version.
        naam: the afweging.
        antwoord: the professional's answer (``onbekend`` when not given).
        resultaten: the result of each rule of ``vorm.per_doel[naam]``, in that order.
        env: the facts (for the rules' silence and the trace).
        sporen: makes trace entries (default: :func:`spoor`).

    Returns:
        The afweging and the signaleringen it gives (a difference, a contradiction).
    """
    maak = sporen or _sporen(vorm)
    info = AFWEGING[naam]
    beschermt = info.beschermend
    afleiding: Waarde | None = None
    trace: list[RegelSpoor] = []
    conclusies: set[str] = set()
    for regel, r in zip(vorm.per_doel[naam], resultaten, strict=True):
        if r is JA:
            bijdrage = Waarde(regel.regel.conclusie)
            conclusies.add(regel.regel.conclusie)
        elif r is ONBEKEND and all(env[f] is not None for f in regel.feiten):
            if regel.regel.conclusie != beschermt:
                continue
            bijdrage = ONBEKEND
        else:
            continue
        trace.append(maak(regel, r, env))
        afleiding = (
            bijdrage if afleiding is None else beschermend(afleiding, bijdrage, info.richting)
        )
    signaleringen: list[Signalering] = []
    if len(conclusies) > 1:
        signaleringen.append(
            Signalering(
                code="tegenstrijdige_regels",
                omschrijving=f"Regels van het kader concluderen zowel ja als nee voor {naam}; "
                "de meest beschermende waarde telt.",
                afweging=naam,
            )
        )
    if afleiding is None:
        waarde = antwoord
        herkomst = "geen" if antwoord is ONBEKEND else "antwoord"
    else:
        waarde = beschermend(antwoord, afleiding, info.richting)
        if antwoord == afleiding:
            herkomst = "beide"
        elif waarde == afleiding:
            herkomst = "kader"
        else:
            herkomst = "antwoord"
        if antwoord != afleiding:
            regels = ", ".join(s.regel for s in trace)
            signaleringen.append(
                Signalering(
                    code="verschil_antwoord_kader",
                    omschrijving=f"Afweging {naam}: het antwoord is {antwoord.value}, "
                    f"het kader leidt {afleiding.value} af ({regels}); de meest "
                    f"beschermende waarde ({waarde.value}) telt.",
                    afweging=naam,
                    regel=trace[0].regel if trace else None,
                )
            )
    uitkomst = AfwegingUitkomst(
        waarde=waarde,
        antwoord=antwoord,
        afleiding=afleiding,
        herkomst=herkomst,
        vraag=vorm.vragen[naam],
        spoor=tuple(trace),
    )
    return uitkomst, tuple(signaleringen)


def beslissing(
    vorm: Beslisvorm,
    doel: str,
    resultaten: Sequence[Waarde],
    env: Feiten,
    sporen: Sporen | None = None,
) -> tuple[BeslissingUitkomst, tuple[Signalering, ...]]:
    """Layer 3 for one beslissing: the conclusion of the rules that hold, or ``onbepaald``.

    Args:
        vorm: the prepared version.
        doel: ``melden`` or ``hulp``.
        resultaten: the result of each rule of ``vorm.per_doel[doel]``, in that order.
        env: the facts and the afwegingen (and, for ``hulp``, ``melden``).
        sporen: makes trace entries (default: :func:`spoor`).

    Returns:
        The beslissing and the signaleringen it gives (a contradiction). For ``onbepaald``
        the trace holds the rules that could not be decided and ``hangt_af_van`` the
        unknown afwegingen they read; the advice is :func:`onbepaald`'s.
    """
    maak = sporen or _sporen(vorm)
    gevonden: list[str] = []
    trace: list[RegelSpoor] = []
    open_: set[str] = set()
    for regel, r in zip(vorm.per_doel[doel], resultaten, strict=True):
        if r is NEE:
            continue
        trace.append(maak(regel, r, env))
        if r is JA:
            if regel.regel.conclusie not in gevonden:
                gevonden.append(regel.regel.conclusie)
        else:
            open_.update(f for f in regel.feiten if env[f] is ONBEKEND or env[f] is None)
    if not gevonden:
        hangt_af = tuple(a for a in AFWEGINGEN if a in open_)
        return BeslissingUitkomst(waarde="onbepaald", spoor=tuple(trace), hangt_af_van=hangt_af), ()
    info = BESLISSING[doel]
    vervangend = [w for w in gevonden if w in info.vervangend]
    if vervangend:
        # A statutory route outside the meldcode replaces stap 5 for the casus: the
        # meldcode's own conclusions are set aside (not a contradiction).
        waarde = info.beschermendste(vervangend)
        gaf = tuple(s for s in trace if s.resultaat is JA and s.conclusie == waarde)
        return BeslissingUitkomst(waarde=waarde, spoor=gaf), ()
    waarde = info.beschermendste(gevonden)
    signaleringen: tuple[Signalering, ...] = ()
    if len(gevonden) > 1:
        signaleringen = (
            Signalering(
                code="tegenstrijdige_regels",
                omschrijving=f"Regels van het kader geven voor {doel} zowel "
                f"{' als '.join(gevonden)}; de meest beschermende waarde ({waarde}) telt.",
            ),
        )
    ja = tuple(s for s in trace if s.resultaat is JA)
    return BeslissingUitkomst(waarde=waarde, spoor=ja), signaleringen


def onbepaald(vorm: Beslisvorm, doel: str, hangt_af_van: tuple[str, ...]) -> Signalering:
    """The signalering of an ``onbepaald`` beslissing: what it hangs on, and the advice."""
    vragen = "; ".join(f"{a}: {vorm.vragen[a]}" for a in hangt_af_van)
    return Signalering(
        code="onbepaald",
        omschrijving=f"Beslissing {doel} is onbepaald: die hangt af van afwegingen "
        f"die onbekend zijn ({vragen or 'geen regel is van toepassing'}). {ADVIES_ONBEPAALD}",
    )


def gevolgen(
    vorm: Beslisvorm, acties: Sequence[Waarde], signaleringen: Sequence[Waarde]
) -> tuple[tuple[Actie, ...], tuple[Signalering, ...]]:
    """Layer 4: the acties and the signaleringen of the rules that hold.

    Args:
        vorm: the prepared version.
        acties: the result of each rule of ``vorm.per_doel[ACTIE]``, in that order.
        signaleringen: the result of each rule of ``vorm.per_doel[SIGNALERING]``.

    Returns:
        The acties (each code once, the first rule that gives it) and the signaleringen.
    """
    uit: list[Actie] = []
    codes: set[str] = set()
    for regel, r in zip(vorm.per_doel[ACTIE], acties, strict=True):
        if r is JA and regel.regel.conclusie not in codes:
            codes.add(regel.regel.conclusie)
            uit.append(
                Actie(
                    code=regel.regel.conclusie,
                    omschrijving=regel.regel.label,
                    regel=regel.regel.id,
                    bron=regel.bron,
                )
            )
    sig = tuple(
        Signalering(
            code=regel.regel.conclusie, omschrijving=regel.regel.label, regel=regel.regel.id
        )
        for regel, r in zip(vorm.per_doel[SIGNALERING], signaleringen, strict=True)
        if r is JA
    )
    return tuple(uit), sig


class Regelresultaten(Protocol):
    """What an engine supplies: the results of one layer's rules on the facts so far."""

    def __call__(self, laag: str, env: Feiten) -> Mapping[int, Waarde]:
        """The result of every rule of ``vorm.per_laag[laag]``, by rule index."""
        ...


@dataclass(frozen=True, slots=True)
class Besluit:
    """Everything of an outcome but the casus id, the peildatum and the engine."""

    melden: str
    hulp: str
    afwegingen: dict[str, AfwegingUitkomst]
    beslissingen: dict[str, BeslissingUitkomst]
    acties: tuple[Actie, ...]
    signaleringen: tuple[Signalering, ...]

    def uitkomst_velden(
        self, casus_id: str, peildatum: date, kader: KaderInfo, engine: str
    ) -> dict[str, object]:
        """The fields of the :class:`~meldcode_rules.uitkomst.Uitkomst` of this decision.

        One builder for both engines. The top-level dicts are fresh: a caller who mutates
        one outcome touches no other that shares these parts.
        """
        return {
            "casus_id": casus_id,
            "peildatum": peildatum,
            "kader": kader,
            "engine": engine,
            "bronnen": "volledig",
            "melden": self.melden,
            "hulp": self.hulp,
            "afwegingen": dict(self.afwegingen),
            "beslissingen": dict(self.beslissingen),
            "acties": self.acties,
            "signaleringen": self.signaleringen,
        }


def beslis(
    vorm: Beslisvorm,
    antwoorden: Mapping[str, Waarde],
    feiten: Feiten,
    resultaten: Regelresultaten,
    sporen: Sporen | None = None,
) -> Besluit:
    """Run the four layers on one casus, taking each layer's rule results from an engine.

    Args:
        vorm: the prepared version.
        antwoorden: the professional's answer per afweging.
        feiten: the derived facts of the casus (copied; not changed).
        resultaten: the engine's results per layer (see :class:`Regelresultaten`).
        sporen: makes trace entries (default: :func:`spoor`).

    Returns:
        The decision.
    """
    env = dict(feiten)
    signaleringen: list[Signalering] = []
    uit = resultaten(AFWEGING_LAAG, env)
    afwegingen: dict[str, AfwegingUitkomst] = {}
    for naam in AFWEGINGEN:
        eigen = [uit[r.index] for r in vorm.per_doel[naam]]
        afwegingen[naam], sig = afweging(vorm, naam, antwoorden[naam], eigen, env, sporen)
        signaleringen.extend(sig)
    for naam, a in afwegingen.items():
        env[naam] = a.waarde
    uit = resultaten(BESLISSING_LAAG, env)
    beslissingen: dict[str, BeslissingUitkomst] = {}
    for doel in BESLISSINGEN:
        eigen = [uit[r.index] for r in vorm.per_doel[doel]]
        beslissingen[doel], sig = beslissing(vorm, doel, eigen, env, sporen)
        signaleringen.extend(sig)
    for doel, b in beslissingen.items():
        env[doel] = b.waarde
        if b.waarde == "onbepaald":
            signaleringen.append(onbepaald(vorm, doel, b.hangt_af_van))
    uit = resultaten(GEVOLG_LAAG, env)
    acties, sig = gevolgen(
        vorm,
        [uit[r.index] for r in vorm.per_doel[ACTIE]],
        [uit[r.index] for r in vorm.per_doel[SIGNALERING]],
    )
    signaleringen.extend(sig)
    return Besluit(
        melden=beslissingen[MELDEN].waarde,
        hulp=beslissingen[HULP].waarde,
        afwegingen=afwegingen,
        beslissingen=beslissingen,
        acties=acties,
        signaleringen=tuple(signaleringen),
    )
