"""From a :class:`~meldcode_rules.casus.Casus` to *feiten*: the flat, named facts rules read.

Rules never read the raw casus: they read these facts by name, and the registry
checks every name a rule uses against :data:`CATALOGUS` when a kader is loaded.
A fact is ``None`` when the casus does not supply the part it comes from (no
``signalen``, no ``hulp``...): a rule that depends on it stays silent instead of
guessing, and the professional's own answer decides.

Signalen dated after the peildatum are not counted, so an auditor can ask what
the kader decided on an earlier date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from meldcode_rules.afwegingen import AFWEGINGEN, BESLISSING, HULP, MELDEN
from meldcode_rules.casus import (
    MINDERJARIG,
    Casus,
    GesprekStatus,
    Herkomst,
    HulpEffect,
    Kenmerk,
    Rol,
    Signaal,
    Vorm,
)
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde, of
from meldcode_rules.regels import Is, Minstens, Of, Voorwaarde

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from datetime import date

__all__ = [
    "BEPERKINGEN",
    "CATALOGUS",
    "Beperking",
    "Deel",
    "FeitInfo",
    "Feiten",
    "Samen",
    "Vereist",
    "afleiden",
    "beperkingen_geschonden",
    "twijfel_past",
]

Feitwaarde = Waarde | int | str | None
Feiten = dict[str, Feitwaarde]
"""Named facts: three-valued answers, counts, or (for beslissingen) a value."""


@dataclass(frozen=True, slots=True)
class FeitInfo:
    """What a named fact means and what kind of value it holds."""

    soort: Literal["waarde", "getal", "keuze"]
    omschrijving: str
    bron: Literal[
        "signalen", "betrokkenen", "stappen", "hulp", "antwoorden", "afweging", "beslissing"
    ]
    keuzes: tuple[str, ...] = ()


_TUSSEN_KINDEREN: Final = "aantal_tussen_kinderen"


def _catalogus() -> dict[str, FeitInfo]:
    c: dict[str, FeitInfo] = {
        "aantal_signalen": FeitInfo("getal", "aantal signalen tot en met de peildatum", "signalen"),
        "aantal_signaaldata": FeitInfo(
            "getal", "aantal verschillende data waarop signalen zijn vastgelegd", "signalen"
        ),
        "aantal_waargenomen": FeitInfo("getal", "aantal zelf waargenomen signalen", "signalen"),
        "aantal_gemeld": FeitInfo(
            "getal", "aantal aan de professional gemelde signalen", "signalen"
        ),
        "aantal_door_medewerker": FeitInfo(
            "getal",
            "aantal signalen over geweld door een medewerker van de organisatie",
            "signalen",
        ),
        "aantal_door_houder": FeitInfo(
            "getal", "aantal signalen over geweld door de houder (kinderopvang)", "signalen"
        ),
        "aantal_seksueel_door_medewerker": FeitInfo(
            "getal",
            "aantal signalen van seksueel geweld door een medewerker van de organisatie",
            "signalen",
        ),
        "aantal_seksueel_door_medewerker_tegen_minderjarige": FeitInfo(
            "getal",
            "aantal signalen van seksueel geweld door een medewerker tegen een minderjarige",
            "signalen",
        ),
        "aantal_geweld_of_zeden_door_medewerker": FeitInfo(
            "getal",
            "aantal signalen van lichamelijk of seksueel geweld door een medewerker",
            "signalen",
        ),
        "aantal_geweld_of_zeden_door_houder": FeitInfo(
            "getal",
            "aantal signalen van lichamelijk of seksueel geweld door de houder (kinderopvang)",
            "signalen",
        ),
        "aantal_door_anderen": FeitInfo(
            "getal",
            "aantal signalen met een andere of onbekende pleger dan een medewerker of de houder",
            "signalen",
        ),
        "aantal_seksueel_met_herhalingskans": FeitInfo(
            "getal",
            "aantal signalen van seksueel geweld met een reële kans op herhaling",
            "signalen",
        ),
        "aantal_escalerend_door_partner": FeitInfo(
            "getal",
            "aantal signalen van escalerende, langdurige stalking door een partner",
            "signalen",
        ),
        _TUSSEN_KINDEREN: FeitInfo(
            "getal", "aantal signalen over grensoverschrijdend gedrag tussen kinderen", "signalen"
        ),
        "aantal_over_minderjarige": FeitInfo(
            "getal", "aantal signalen over een minderjarige (of ongeboren kind)", "signalen"
        ),
        "aantal_over_zorgafhankelijke": FeitInfo(
            "getal", "aantal signalen over een zorgafhankelijke betrokkene", "signalen"
        ),
        "aantal_minderjarigen": FeitInfo("getal", "aantal minderjarige betrokkenen", "betrokkenen"),
        "aantal_zorgafhankelijken": FeitInfo(
            "getal", "aantal zorgafhankelijke betrokkenen", "betrokkenen"
        ),
        "aantal_volwassenen_met_oudersignalen": FeitInfo(
            "getal",
            "aantal volwassenen met een omstandigheid die om de kindcheck vraagt",
            "betrokkenen",
        ),
        "zorgt_voor_minderjarigen": FeitInfo(
            "waarde",
            "kindcheck: zorgt een volwassene met oudersignalen voor minderjarigen",
            "betrokkenen",
        ),
        "collegiaal_overleg": FeitInfo("waarde", "stap 2: collegiaal overleg gevoerd", "stappen"),
        "veilig_thuis_geraadpleegd": FeitInfo(
            "waarde", "stap 2: Veilig Thuis om advies gevraagd", "stappen"
        ),
        "gesprek_gevoerd": FeitInfo(
            "waarde", "stap 3: gesprek met betrokkene(n) gevoerd", "stappen"
        ),
        "gesprek_overgeslagen_met_reden": FeitInfo(
            "waarde",
            "stap 3: gesprek niet gevoerd, met een vastgelegde veiligheidsreden",
            "stappen",
        ),
        "hulp_binnen_competentie": FeitInfo(
            "waarde", "de nodige hulp valt binnen competenties en professionele grenzen", "hulp"
        ),
        "hulp_aangeboden": FeitInfo("waarde", "hulp is aangeboden of georganiseerd", "hulp"),
        "hulp_aanvaard": FeitInfo("waarde", "de betrokkenen aanvaarden de hulp", "hulp"),
        "hulp_inzet": FeitInfo("waarde", "de betrokkenen zijn bereid zich in te zetten", "hulp"),
        "hulp_in_staat": FeitInfo(
            "waarde", "de betrokkenen zijn in staat zich in te zetten", "hulp"
        ),
        "hulp_effect_nog_onbekend": FeitInfo(
            "waarde",
            "de hulp loopt en haar effect is nog niet te beoordelen (ja), of wel (nee)",
            "hulp",
        ),
        "twijfel": FeitInfo(
            "waarde", "de professional twijfelt uitdrukkelijk over een afweging", "antwoorden"
        ),
        "twijfel_onveiligheid": FeitInfo(
            "waarde",
            "de professional twijfelt uitdrukkelijk over acute of structurele onveiligheid",
            "antwoorden",
        ),
        "hulp_veiligheid_hersteld": FeitInfo(
            "waarde", "de hulp heeft tot nu toe tot veiligheid geleid", "hulp"
        ),
        "hulp_onveiligheid_houdt_aan": FeitInfo(
            "waarde", "de onveiligheid stopt niet of herhaalt zich ondanks de hulp", "hulp"
        ),
    }
    for vorm in Vorm:
        c[f"aantal_{vorm.value}"] = FeitInfo(
            "getal", f"aantal signalen van vorm {vorm.value}", "signalen"
        )
    for kenmerk in Kenmerk:
        c[f"aantal_{kenmerk.value}"] = FeitInfo(
            "getal", f"aantal signalen met kenmerk {kenmerk.value}", "signalen"
        )
    for afweging in AFWEGINGEN:
        c[afweging] = FeitInfo("waarde", f"afweging {afweging} (na samenvoegen)", "afweging")
    for doel in (MELDEN, HULP):
        b = BESLISSING[doel]
        c[doel] = FeitInfo("keuze", f"beslissing {b.nummer}: {doel}", "beslissing", b.waarden)
    return c


CATALOGUS: Final[dict[str, FeitInfo]] = _catalogus()
"""Every fact a rule may read, by name."""

_VORM_NAMEN: Final = {v: f"aantal_{v.value}" for v in Vorm}
_KENMERK_NAMEN: Final = {k: f"aantal_{k.value}" for k in Kenmerk}
_SIGNAALFEITEN: Final = tuple(n for n, i in CATALOGUS.items() if i.bron == "signalen")
_BETROKKENENFEITEN: Final = tuple(n for n, i in CATALOGUS.items() if i.bron == "betrokkenen")


def _index(casus: Casus) -> tuple[dict[str, Rol], set[str], set[str]]:
    """Roles by betrokkene id, and the ids of minors and of zorgafhankelijken."""
    rollen: dict[str, Rol] = {}
    minderjarig: set[str] = set()
    zorgafhankelijk: set[str] = set()
    for b in casus.betrokkenen or ():
        rollen[b.id] = b.rol
        if b.rol is Rol.KIND or b.leeftijd in MINDERJARIG:
            minderjarig.add(b.id)
        if b.zorgafhankelijk:
            zorgafhankelijk.add(b.id)
    return rollen, minderjarig, zorgafhankelijk


_ZEDEN_OF_GEWELD: Final = frozenset({Vorm.LICHAMELIJK_GEWELD, Vorm.SEKSUEEL_GEWELD})
_EIGEN_ORGANISATIE: Final = frozenset({Rol.MEDEWERKER, Rol.HOUDER})
_COMBINATIES: Final = (
    "aantal_seksueel_door_medewerker",
    "aantal_seksueel_door_medewerker_tegen_minderjarige",
    "aantal_geweld_of_zeden_door_medewerker",
    "aantal_geweld_of_zeden_door_houder",
    "aantal_door_anderen",
    "aantal_seksueel_met_herhalingskans",
    "aantal_escalerend_door_partner",
)
"""Counts of signalen that combine a vorm, a marker and the pleger's role."""


def _combinaties(s: Signaal, dader: Rol | None, *, over_minderjarige: bool) -> Iterator[str]:
    """The combined counts one signaal adds to (see :data:`_COMBINATIES`)."""
    seksueel = s.vorm is Vorm.SEKSUEEL_GEWELD
    if dader is Rol.MEDEWERKER:
        if seksueel:
            yield "aantal_seksueel_door_medewerker"
            if over_minderjarige:
                yield "aantal_seksueel_door_medewerker_tegen_minderjarige"
        if s.vorm in _ZEDEN_OF_GEWELD:
            yield "aantal_geweld_of_zeden_door_medewerker"
    elif dader is Rol.HOUDER and s.vorm in _ZEDEN_OF_GEWELD:
        yield "aantal_geweld_of_zeden_door_houder"
    if dader not in _EIGEN_ORGANISATIE:
        # Another pleger, or none known: the meldcode applies (a private third party).
        yield "aantal_door_anderen"
    if seksueel and Kenmerk.HERHALINGSKANS in s.kenmerken:
        yield "aantal_seksueel_met_herhalingskans"
    if dader is Rol.PARTNER and Kenmerk.ESCALEREND in s.kenmerken:
        yield "aantal_escalerend_door_partner"


_NUL_PER_SOORT: Final[dict[str, int]] = {
    **dict.fromkeys(_VORM_NAMEN.values(), 0),
    **dict.fromkeys(_KENMERK_NAMEN.values(), 0),
}
"""Every count per vorm and per kenmerk at zero (the counts below only add)."""


def _signalen(casus: Casus, peildatum: date, feiten: Feiten) -> None:
    if casus.signalen is None:
        for naam in _SIGNAALFEITEN:
            feiten[naam] = None
        return
    rollen, minderjarig, zorgafhankelijk = _index(casus)
    # Counts by fact name, written straight into the facts (one pass, plain dicts).
    per_soort: dict[str, int] = dict(_NUL_PER_SOORT)
    vorm_naam, kenmerk_naam = _VORM_NAMEN, _KENMERK_NAMEN
    data: set[date] = set()
    totaal = waargenomen = tussen_kinderen = over_minderjarige = over_zorgafhankelijke = 0
    door_medewerker = door_houder = 0
    combinaties: dict[str, int] = dict.fromkeys(_COMBINATIES, 0)
    for s in casus.signalen:
        if s.datum is not None:
            if s.datum > peildatum:
                continue
            data.add(s.datum)
        totaal += 1
        per_soort[vorm_naam[s.vorm]] += 1
        for kenmerk in s.kenmerken:
            per_soort[kenmerk_naam[kenmerk]] += 1
        waargenomen += s.herkomst is Herkomst.WAARGENOMEN
        dader = rollen.get(s.door) if s.door is not None else None
        if s.door is not None:
            door_medewerker += dader is Rol.MEDEWERKER
            door_houder += dader is Rol.HOUDER
        for naam in _combinaties(s, dader, over_minderjarige=s.over in minderjarig):
            combinaties[naam] += 1
        if s.over in minderjarig:
            over_minderjarige += 1
            tussen_kinderen += s.door in minderjarig
        over_zorgafhankelijke += s.over in zorgafhankelijk
    feiten["aantal_signalen"] = totaal
    feiten["aantal_signaaldata"] = len(data)
    feiten["aantal_waargenomen"] = waargenomen
    feiten["aantal_gemeld"] = totaal - waargenomen
    feiten["aantal_door_medewerker"] = door_medewerker
    feiten["aantal_door_houder"] = door_houder
    feiten.update(combinaties)
    feiten[_TUSSEN_KINDEREN] = tussen_kinderen
    feiten["aantal_over_minderjarige"] = over_minderjarige
    feiten["aantal_over_zorgafhankelijke"] = over_zorgafhankelijke
    feiten.update(per_soort)


def _betrokkenen(casus: Casus, feiten: Feiten) -> None:
    if casus.betrokkenen is None:
        for naam in _BETROKKENENFEITEN:
            feiten[naam] = None
        return
    minderjarigen = zorgafhankelijken = met_oudersignalen = 0
    zorgt: Waarde | None = None
    for b in casus.betrokkenen:
        if b.rol is Rol.KIND or b.leeftijd in MINDERJARIG:
            minderjarigen += 1
        if b.zorgafhankelijk:
            zorgafhankelijken += 1
        if b.oudersignalen and b.leeftijd not in MINDERJARIG:
            met_oudersignalen += 1
            antwoord = b.zorgt_voor_minderjarigen or ONBEKEND
            zorgt = antwoord if zorgt is None else of(zorgt, antwoord)
    feiten["aantal_minderjarigen"] = minderjarigen
    feiten["aantal_zorgafhankelijken"] = zorgafhankelijken
    feiten["aantal_volwassenen_met_oudersignalen"] = met_oudersignalen
    feiten["zorgt_voor_minderjarigen"] = zorgt


def _stappen(casus: Casus, feiten: Feiten) -> None:
    st = casus.stappen
    if st is None:
        feiten["collegiaal_overleg"] = None
        feiten["veilig_thuis_geraadpleegd"] = None
        feiten["gesprek_gevoerd"] = None
        feiten["gesprek_overgeslagen_met_reden"] = None
        return
    feiten["collegiaal_overleg"] = st.collegiaal_overleg
    feiten["veilig_thuis_geraadpleegd"] = st.veilig_thuis_geraadpleegd
    if st.gesprek is None:
        feiten["gesprek_gevoerd"] = None
        feiten["gesprek_overgeslagen_met_reden"] = None
    elif st.gesprek is GesprekStatus.GEVOERD:
        feiten["gesprek_gevoerd"] = JA
        feiten["gesprek_overgeslagen_met_reden"] = NEE
    else:
        feiten["gesprek_gevoerd"] = NEE
        feiten["gesprek_overgeslagen_met_reden"] = JA if st.reden_geen_gesprek else NEE


_EFFECT: Final[dict[HulpEffect, tuple[Waarde, Waarde]]] = {
    HulpEffect.NOG_ONBEKEND: (ONBEKEND, ONBEKEND),
    HulpEffect.VEILIGHEID_HERSTELD: (JA, NEE),
    HulpEffect.GEEN_VERBETERING: (NEE, JA),
    HulpEffect.ONVEILIGHEID_HERHAALT: (NEE, JA),
}


def _hulp(casus: Casus, feiten: Feiten) -> None:
    h = casus.hulp
    feiten["hulp_binnen_competentie"] = h.binnen_competentie if h else None
    feiten["hulp_aangeboden"] = h.aangeboden if h else None
    feiten["hulp_aanvaard"] = h.aanvaard if h else None
    feiten["hulp_inzet"] = h.inzet if h else None
    feiten["hulp_in_staat"] = h.in_staat if h else None
    # Never unknown: the hulp is running with its effect still to judge, or it is not.
    feiten["hulp_effect_nog_onbekend"] = (
        JA if h is not None and h.effect is HulpEffect.NOG_ONBEKEND else NEE
    )
    if h is None or h.effect is None:
        feiten["hulp_veiligheid_hersteld"] = None
        feiten["hulp_onveiligheid_houdt_aan"] = None
    else:
        hersteld, houdt_aan = _EFFECT[h.effect]
        feiten["hulp_veiligheid_hersteld"] = hersteld
        feiten["hulp_onveiligheid_houdt_aan"] = houdt_aan


_ONVEILIGHEID: Final = frozenset({"acute_onveiligheid", "structurele_onveiligheid"})


def _antwoorden(casus: Casus, feiten: Feiten) -> None:
    """Facts of the answers themselves: the professional's explicit doubt (never unknown)."""
    twijfel = casus.antwoorden.twijfel
    feiten["twijfel"] = JA if twijfel else NEE
    feiten["twijfel_onveiligheid"] = JA if twijfel & _ONVEILIGHEID else NEE


def afleiden(casus: Casus, peildatum: date) -> Feiten:
    """Derive the named facts of a casus on a peildatum (one pass over the signalen)."""
    feiten: Feiten = {}
    _signalen(casus, peildatum, feiten)
    _betrokkenen(casus, feiten)
    _stappen(casus, feiten)
    _hulp(casus, feiten)
    _antwoorden(casus, feiten)
    return feiten


# -- the facts' own constraints ------------------------------------------------------------------
#
# Not every combination of fact values comes from a casus: a count of signalen by a medewerker
# of vorm seksueel geweld is never larger than the count of signalen by a medewerker. The
# constraints below are what :func:`afleiden` guarantees, declared once, so that the symbolic
# checker (:mod:`meldcode_rules.analysis`) asks "can this rule hold for a *real* casus?" and
# not merely "for some numbers". ``tests/eigenschappen/test_beperkingen.py`` holds them to
# :func:`afleiden` on casussen drawn with hypothesis. Two constraints are implicit in the
# catalogue: the counts of one source (``signalen``, ``betrokkenen``) are supplied together or
# not at all, and every count is at least 0.


@dataclass(frozen=True, slots=True)
class Deel:
    """The counts ``delen`` together are at most (``gelijk``: exactly) the count ``geheel``.

    Checked whenever the counts are supplied (they come from one source, so together).
    """

    delen: tuple[str, ...]
    geheel: str
    omschrijving: str
    gelijk: bool = False


@dataclass(frozen=True, slots=True)
class Vereist:
    """Whenever the condition ``als`` is ``ja``, the condition ``dan`` is ``ja`` too.

    Conditions are those of the rules (:mod:`meldcode_rules.regels`), evaluated in Kleene
    logic; ``Minstens(x, 0)`` reads "the count x is supplied".
    """

    als: Voorwaarde
    dan: Voorwaarde
    omschrijving: str


@dataclass(frozen=True, slots=True)
class Samen:
    """The facts ``feiten`` take one of the value ``rijen`` together (``None``: not supplied)."""

    feiten: tuple[str, ...]
    rijen: tuple[tuple[Waarde | None, ...], ...]
    omschrijving: str


Beperking = Deel | Vereist | Samen
"""One constraint between facts that every casus meets."""


def _aangeleverd(naam: str) -> Voorwaarde:
    """``ja`` when the three-valued fact is supplied (whatever its value), else ``onbekend``."""
    return Of(Is(naam, JA), Is(naam, NEE), Is(naam, ONBEKEND))


def _beperkingen() -> tuple[Beperking, ...]:
    totaal = "aantal_signalen"
    vormen = tuple(_VORM_NAMEN.values())
    uit: list[Beperking] = [
        Deel(
            ("aantal_waargenomen", "aantal_gemeld"),
            totaal,
            "elk signaal is zelf waargenomen of gemeld",
            gelijk=True,
        ),
        Deel(vormen, totaal, "elk signaal heeft precies één vorm", gelijk=True),
        Deel(
            ("aantal_signaaldata",),
            totaal,
            "niet meer signaaldata dan signalen (een signaal zonder datum telt geen datum)",
        ),
        Deel(
            ("aantal_door_medewerker", "aantal_door_houder", "aantal_door_anderen"),
            totaal,
            "elk signaal heeft één pleger: een medewerker, de houder, of een ander (of onbekend)",
            gelijk=True,
        ),
        Deel(
            ("aantal_geweld_of_zeden_door_medewerker",),
            "aantal_door_medewerker",
            "lichamelijk of seksueel geweld door een medewerker is geweld door een medewerker",
        ),
        Deel(
            ("aantal_seksueel_door_medewerker",),
            "aantal_geweld_of_zeden_door_medewerker",
            "seksueel geweld door een medewerker is geweld of zeden door een medewerker",
        ),
        Deel(
            ("aantal_seksueel_door_medewerker_tegen_minderjarige",),
            "aantal_seksueel_door_medewerker",
            "seksueel geweld door een medewerker tegen een minderjarige is seksueel geweld door "
            "een medewerker",
        ),
        Deel(
            ("aantal_seksueel_door_medewerker_tegen_minderjarige",),
            "aantal_over_minderjarige",
            "seksueel geweld tegen een minderjarige is een signaal over een minderjarige",
        ),
        Deel(
            ("aantal_geweld_of_zeden_door_houder",),
            "aantal_door_houder",
            "lichamelijk of seksueel geweld door de houder is geweld door de houder",
        ),
        Deel(
            ("aantal_seksueel_met_herhalingskans",),
            _VORM_NAMEN[Vorm.SEKSUEEL_GEWELD],
            "seksueel geweld met herhalingskans is seksueel geweld",
        ),
        Deel(
            ("aantal_seksueel_met_herhalingskans",),
            _KENMERK_NAMEN[Kenmerk.HERHALINGSKANS],
            "seksueel geweld met herhalingskans heeft het kenmerk herhalingskans",
        ),
        Deel(
            ("aantal_escalerend_door_partner",),
            _KENMERK_NAMEN[Kenmerk.ESCALEREND],
            "escalerende stalking door een partner heeft het kenmerk escalerend",
        ),
        Deel(
            ("aantal_seksueel_door_medewerker",),
            "aantal_door_medewerker",
            "seksueel geweld door een medewerker is geweld door een medewerker",
        ),
        Deel(
            ("aantal_seksueel_door_medewerker",),
            _VORM_NAMEN[Vorm.SEKSUEEL_GEWELD],
            "seksueel geweld door een medewerker is seksueel geweld",
        ),
        Deel(
            (_TUSSEN_KINDEREN,),
            "aantal_over_minderjarige",
            "gedrag tussen kinderen gaat over een minderjarige",
        ),
        Deel(
            ("aantal_over_minderjarige",), totaal, "niet meer signalen over een kind dan signalen"
        ),
        Deel(
            ("aantal_over_zorgafhankelijke",),
            totaal,
            "niet meer signalen over een zorgafhankelijke dan signalen",
        ),
    ]
    uit += [
        Deel((naam,), totaal, f"een signaal heeft kenmerk {kenmerk.value} hoogstens één keer")
        for kenmerk, naam in _KENMERK_NAMEN.items()
    ]
    uit += [
        Vereist(
            Minstens("aantal_over_minderjarige", 1),
            Minstens("aantal_minderjarigen", 1),
            "een signaal over een minderjarige vraagt een minderjarige betrokkene",
        ),
        Vereist(
            Minstens("aantal_over_zorgafhankelijke", 1),
            Minstens("aantal_zorgafhankelijken", 1),
            "een signaal over een zorgafhankelijke vraagt een zorgafhankelijke betrokkene",
        ),
        Vereist(
            Minstens("aantal_door_medewerker", 1),
            Minstens("aantal_minderjarigen", 0),
            "wie een signaal pleegt is een betrokkene: de betrokkenen zijn aangeleverd",
        ),
        Vereist(
            Minstens("aantal_door_houder", 1),
            Minstens("aantal_minderjarigen", 0),
            "wie een signaal pleegt is een betrokkene: de betrokkenen zijn aangeleverd",
        ),
        Vereist(
            Minstens("aantal_volwassenen_met_oudersignalen", 1),
            _aangeleverd("zorgt_voor_minderjarigen"),
            "de kindcheck (zorgt_voor_minderjarigen) hoort bij een volwassene met oudersignalen",
        ),
        Vereist(
            _aangeleverd("zorgt_voor_minderjarigen"),
            Minstens("aantal_volwassenen_met_oudersignalen", 1),
            "de kindcheck (zorgt_voor_minderjarigen) vraagt een volwassene met oudersignalen",
        ),
        Samen(
            ("twijfel", "twijfel_onveiligheid"),
            ((JA, JA), (JA, NEE), (NEE, NEE)),
            "twijfel is altijd bekend, en twijfel over onveiligheid is twijfel",
        ),
        Samen(
            ("gesprek_gevoerd", "gesprek_overgeslagen_met_reden"),
            ((None, None), (JA, NEE), (NEE, JA), (NEE, NEE)),
            "een gesprek is gevoerd, of niet gevoerd met of zonder vastgelegde reden",
        ),
        Samen(
            ("hulp_veiligheid_hersteld", "hulp_onveiligheid_houdt_aan", "hulp_effect_nog_onbekend"),
            tuple(
                (None, None, NEE)
                if e is None
                else (*_EFFECT[e], JA if e is HulpEffect.NOG_ONBEKEND else NEE)
                for e in (None, *HulpEffect)
            ),
            "het effect van de hulp: niet aangeleverd, nog onbekend, veiligheid hersteld, of de "
            "onveiligheid houdt aan",
        ),
    ]
    return tuple(uit)


BEPERKINGEN: Final[tuple[Beperking, ...]] = _beperkingen()
"""The constraints between the facts that every casus meets (see :class:`Deel`, :class:`Vereist`,
:class:`Samen`)."""


def twijfel_past(antwoorden: Mapping[str, Waarde], feiten: Feiten) -> bool:
    """Whether the twijfel facts fit the answers: a doubted afweging is answered ``onbekend``.

    ``twijfel_onveiligheid`` ``ja`` needs acute or structurele onveiligheid ``onbekend``;
    ``twijfel`` ``ja`` without it needs one of the other afwegingen ``onbekend`` (the casus
    is refused otherwise, error code ``twijfel_met_antwoord``).
    """
    if feiten.get("twijfel_onveiligheid") is JA:
        return any(antwoorden[a] is ONBEKEND for a in _ONVEILIGHEID)
    if feiten.get("twijfel") is JA:
        return any(antwoorden[a] is ONBEKEND for a in AFWEGINGEN if a not in _ONVEILIGHEID)
    return True


def beperkingen_geschonden(feiten: Feiten) -> list[str]:
    """The constraints of :data:`BEPERKINGEN` that these facts break (empty for a real casus).

    Also checks the implicit ones: every count at least 0, the counts of one source supplied
    together.
    """
    from meldcode_rules.engine.native import compileer_voorwaarde  # noqa: PLC0415 - no cycle

    fout: list[str] = []
    for bron in ("signalen", "betrokkenen"):
        waarden = [feiten[n] for n, i in CATALOGUS.items() if i.bron == bron and i.soort == "getal"]
        if any(w is None for w in waarden) and any(w is not None for w in waarden):
            fout.append(f"de aantallen uit {bron} zijn samen aangeleverd")
        if any(isinstance(w, int) and w < 0 for w in waarden):
            fout.append(f"een aantal uit {bron} is negatief")
    for b in BEPERKINGEN:
        if isinstance(b, Deel):
            delen = [feiten[n] for n in b.delen]
            geheel = feiten[b.geheel]
            if not isinstance(geheel, int) or not all(isinstance(d, int) for d in delen):
                continue
            som = sum(d for d in delen if isinstance(d, int))
            if som > geheel or (b.gelijk and som != geheel):
                fout.append(b.omschrijving)
        elif isinstance(b, Vereist):
            als, dan = compileer_voorwaarde(b.als), compileer_voorwaarde(b.dan)
            if als(feiten) is JA and dan(feiten) is not JA:
                fout.append(b.omschrijving)
        elif tuple(feiten[n] for n in b.feiten) not in b.rijen:
            fout.append(b.omschrijving)
    return fout
