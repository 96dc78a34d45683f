"""Checking a kader's declarations when it is loaded: names, types, sources, dates, ids.

A kader that fails is reported by the registry with the message of
:class:`~meldcode_rules.errors.KaderError`, which names the kader and the offending rule
(never input data: kaders are code, not casussen).

Every field of every rule, condition, source and version is checked for the *kind* of value
first (:func:`valideer_typen`): a label that is not text, a threshold that is not a whole
number, a condition that is not a :class:`~meldcode_rules.regels.Voorwaarde` fails here, on
load, and not when the rule first fires on a real casus.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import TYPE_CHECKING, Final, TypeVar

from meldcode_rules.afwegingen import AFWEGINGEN, BESLISSING, HULP, MELDEN
from meldcode_rules.errors import KaderError, suggesties
from meldcode_rules.feiten import CATALOGUS
from meldcode_rules.kader import SECTOREN, Bijzonderheid, Kader, KaderVersie
from meldcode_rules.regels import (
    ACTIE,
    SIGNALERING,
    Altijd,
    Bron,
    En,
    Feit,
    Is,
    Minstens,
    Niet,
    Of,
    OpenVraag,
    Regel,
    Voorwaarde,
)

if TYPE_CHECKING:
    from meldcode_rules.kader import ResolvedKader

__all__ = ["uitbreiding_fout", "valideer_kader", "valideer_typen"]

_FEITBRONNEN: Final = frozenset({"signalen", "betrokkenen", "stappen", "hulp", "antwoorden"})


def _bladeren(voorwaarde: Voorwaarde) -> list[Voorwaarde]:
    delen = voorwaarde.delen()
    if not delen:
        return [voorwaarde]
    return [blad for deel in delen for blad in _bladeren(deel)]


def _valideer_voorwaarde(regel: Regel, toegestaan: frozenset[str]) -> None:
    for blad in _bladeren(regel.als):
        if isinstance(blad, Altijd):
            continue
        if not isinstance(blad, Feit | Is | Minstens):
            msg = f"regel {regel.id}: onbekend soort voorwaarde {type(blad).__name__}"
            raise KaderError(msg)
        info = CATALOGUS.get(blad.naam)
        if info is None:
            hint = suggesties(blad.naam, CATALOGUS)
            extra = f" (bedoelt u: {', '.join(hint)}?)" if hint else ""
            msg = f"regel {regel.id}: onbekend feit {blad.naam}{extra}"
            raise KaderError(msg)
        if info.bron not in toegestaan:
            msg = f"regel {regel.id}: {regel.doel} mag {blad.naam} ({info.bron}) niet lezen"
            raise KaderError(msg)
        if isinstance(blad, Minstens) and info.soort != "getal":
            msg = f"regel {regel.id}: {blad.naam} is geen aantal"
            raise KaderError(msg)
        if isinstance(blad, Feit) and info.soort != "waarde":
            msg = f"regel {regel.id}: {blad.naam} is geen ja/nee/onbekend-feit"
            raise KaderError(msg)
        if isinstance(blad, Is):
            keuzes = info.keuzes or ("ja", "nee", "onbekend")
            if info.soort == "getal" or blad.waarde not in keuzes:
                msg = f"regel {regel.id}: {blad.naam} kan niet {blad.waarde} zijn"
                raise KaderError(msg)


def _valideer_regel(regel: Regel) -> None:
    if regel.doel in AFWEGINGEN:
        conclusies: tuple[str, ...] = ("ja", "nee")
        toegestaan = _FEITBRONNEN
    elif regel.doel in (MELDEN, HULP):
        conclusies = tuple(w for w in BESLISSING[regel.doel].waarden if w != "onbepaald")
        toegestaan = _FEITBRONNEN | {"afweging"}
    elif regel.doel in (ACTIE, SIGNALERING):
        conclusies, toegestaan = (), _FEITBRONNEN | {"afweging", "beslissing"}
    else:
        hint = suggesties(regel.doel, (*AFWEGINGEN, MELDEN, HULP, ACTIE, SIGNALERING))
        extra = f" (bedoelt u: {', '.join(hint)}?)" if hint else ""
        msg = f"regel {regel.id}: onbekend doel {regel.doel}{extra}"
        raise KaderError(msg)
    if conclusies and regel.conclusie not in conclusies:
        msg = f"regel {regel.id}: conclusie {regel.conclusie} past niet bij {regel.doel}"
        raise KaderError(msg)
    if not conclusies and not regel.conclusie.replace("_", "").isalnum():
        msg = f"regel {regel.id}: de code van een actie of signalering is snake_case"
        raise KaderError(msg)
    b = regel.bron
    if not isinstance(b, Bron) or not (b.uitgever and b.titel and b.adres and b.passage):
        msg = (
            f"regel {regel.id}: bron onvolledig (uitgever, titel, adres en passage zijn verplicht)"
        )
        raise KaderError(msg)
    if regel.doel in (ACTIE, SIGNALERING) and not regel.label:
        msg = f"regel {regel.id}: een actie of signalering heeft een label (de tekst ervan)"
        raise KaderError(msg)
    _valideer_voorwaarde(regel, toegestaan)


def _soort(waarde: object, soort: type | tuple[type, ...], waar: str, wat: str) -> None:
    """Raise when ``waarde`` is not of ``soort`` (``bool`` is never a whole number)."""
    ok = isinstance(waarde, soort) and not (isinstance(waarde, bool) and soort is int)
    if not ok:
        naam = _SOORTNAAM.get(soort, str(soort))
        msg = f"{waar}: {wat} is geen {naam} maar {type(waarde).__name__}"
        raise KaderError(msg)


def _velden(ding: object, velden: tuple[str, ...], soort: type, waar: str) -> None:
    """Raise when one of the fields ``velden`` of ``ding`` is not of ``soort``."""
    for veld in velden:
        _soort(getattr(ding, veld), soort, waar, veld)


_T = TypeVar("_T")


def _element(ding: object, soort: type[_T], waar: str, lijst: str) -> _T:
    """``ding``, an element of ``lijst`` (``de regels``); raise when it is not a ``soort``."""
    if not isinstance(ding, soort):
        msg = f"{waar}: geen {soort.__name__} in {lijst} maar {type(ding).__name__}"
        raise KaderError(msg)
    return ding


_SOORTNAAM: Final[dict[object, str]] = {
    str: "tekst",
    int: "geheel getal",
    date: "datum",
    (date, type(None)): "datum of None",
    Bron: "Bron",
    tuple: "tuple",
    Voorwaarde: "Voorwaarde",
}


def _typen_voorwaarde(v: object, waar: str) -> None:
    _soort(v, Voorwaarde, waar, "de voorwaarde (als)")
    if isinstance(v, Feit | Is | Minstens):
        _soort(v.naam, str, waar, f"de feitnaam in {type(v).__name__}")
    if isinstance(v, Is):
        _soort(v.waarde, str, waar, f"de waarde in Is({v.naam!r}, ...)")
    if isinstance(v, Minstens):
        _soort(v.aantal, int, waar, f"de drempel in Minstens({v.naam!r}, ...)")
    if isinstance(v, En | Of):
        _soort(v.onderdelen, tuple, waar, f"de onderdelen van {type(v).__name__}")
        for deel in v.onderdelen:
            _typen_voorwaarde(deel, waar)
    if isinstance(v, Niet):
        _typen_voorwaarde(v.deel, waar)


def _typen_bron(bron: object, waar: str) -> None:
    _soort(bron, Bron, waar, "de bron")
    assert isinstance(bron, Bron)  # checked above
    for veld in ("uitgever", "titel", "versie", "adres", "passage"):
        _soort(getattr(bron, veld), str, waar, f"bron.{veld}")
    _soort(bron.datum, (date, type(None)), waar, "bron.datum")


def _typen_regel(element: object, waar: str) -> None:
    regel = _element(element, Regel, waar, "de regels")
    _soort(regel.id, str, waar, "het id")
    waar = f"regel {regel.id}"
    _velden(regel, ("doel", "conclusie", "label", "toelichting"), str, waar)
    _typen_voorwaarde(regel.als, waar)
    _typen_bron(regel.bron, waar)


def _typen_versie(gegeven: object, waar: str) -> None:
    versie = _element(gegeven, KaderVersie, waar, "de versies")
    _soort(versie.versie, str, waar, "de versienaam")
    waar = f"{waar} versie {versie.versie}"
    _soort(versie.geldig_van, date, waar, "geldig_van")
    _soort(versie.geldig_tot, (date, type(None)), waar, "geldig_tot")
    _typen_bron(versie.bron, waar)
    _velden(
        versie,
        ("regels", "aanscherpingen", "afwegingsvragen", "open_vragen", "bijzonderheden"),
        tuple,
        waar,
    )
    for regel in (*versie.regels, *versie.aanscherpingen):
        _typen_regel(regel, waar)
    for paar in versie.afwegingsvragen:
        if not (
            isinstance(paar, tuple) and len(paar) == 2 and all(isinstance(t, str) for t in paar)
        ):
            msg = f"{waar}: een afwegingsvraag is een paar (afweging, vraag) van tekst"
            raise KaderError(msg)
    bijzonderheden: tuple[object, ...] = versie.bijzonderheden
    open_vragen: tuple[object, ...] = versie.open_vragen
    for element in bijzonderheden:
        b = _element(element, Bijzonderheid, waar, "de bijzonderheden")
        _velden(b, ("id", "titel", "omschrijving", "soort"), str, f"{waar} bijzonderheid")
        _typen_bron(b.bron, f"{waar} bijzonderheid {b.id}")
    for element in open_vragen:
        v = _element(element, OpenVraag, waar, "de open vragen")
        _velden(v, ("id", "vraag", "toelichting"), str, f"{waar} open vraag")
        if v.bron is not None:
            _typen_bron(v.bron, f"{waar} open vraag {v.id}")


def valideer_typen(kader: Kader) -> None:
    """Every field of the kader, its versions and rules holds a value of the right kind."""
    _soort(kader.id, str, "kader", "het id")
    waar = f"kader {kader.id}"
    _velden(kader, ("naam", "uitgever", "omschrijving"), str, waar)
    _soort(kader.breidt_uit, (str, type(None)), waar, "breidt_uit")
    _velden(kader, ("sectoren", "beroepsgroepen", "versies", "contacten"), tuple, waar)
    for tekst in (*kader.sectoren, *kader.beroepsgroepen):
        _soort(tekst, str, waar, "een sector of beroepsgroep")
    for versie in kader.versies:
        _typen_versie(versie, waar)


def valideer_kader(kader: object) -> None:
    """Check a kader's declarations; raise :class:`KaderError` naming the offending rule."""
    if not isinstance(kader, Kader):
        msg = "het entry point verwijst niet naar een Kader"
        raise KaderError(msg)
    valideer_typen(kader)
    if not kader.versies:
        msg = f"kader {kader.id}: geen versies"
        raise KaderError(msg)
    onbekend = [s for s in kader.sectoren if s not in SECTOREN]
    if onbekend:
        msg = f"kader {kader.id}: onbekende sector (kies uit: {', '.join(SECTOREN)})"
        raise KaderError(msg)
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    for eerder, later in itertools.pairwise(versies):
        if eerder.geldig_tot is None or eerder.geldig_tot >= later.geldig_van:
            msg = f"kader {kader.id}: versies {eerder.versie} en {later.versie} overlappen"
            raise KaderError(msg)
    for versie in kader.versies:
        _valideer_versie(kader, versie)


def _valideer_versie(kader: Kader, versie: KaderVersie) -> None:
    if versie.geldig_tot is not None and versie.geldig_tot < versie.geldig_van:
        msg = f"kader {kader.id} versie {versie.versie}: geldig_tot ligt voor geldig_van"
        raise KaderError(msg)
    ids: set[str] = set()
    alle: tuple[object, ...] = (*versie.regels, *versie.aanscherpingen)
    for regel in alle:
        if not isinstance(regel, Regel):
            msg = f"kader {kader.id} versie {versie.versie}: geen Regel in de regels"
            raise KaderError(msg)
        if regel.id in ids:
            msg = f"kader {kader.id} versie {versie.versie}: regel-id {regel.id} dubbel"
            raise KaderError(msg)
        ids.add(regel.id)
        _valideer_regel(regel)
    for naam, _ in versie.afwegingsvragen:
        if naam not in AFWEGINGEN:
            msg = f"kader {kader.id}: afwegingsvraag voor onbekende afweging {naam}"
            raise KaderError(msg)
    if kader.breidt_uit is None and versie.aanscherpingen:
        msg = f"kader {kader.id}: aanscherpingen zonder een kader om uit te breiden"
        raise KaderError(msg)


def uitbreiding_fout(kader: Kader, versie: KaderVersie, basis: ResolvedKader) -> str | None:
    """Why ``versie`` of an extension cannot be resolved against ``basis``, or ``None``.

    An ``aanscherping`` must name a rule of the base; a new rule must not reuse an id of
    the base (changing a rule of the base is only possible as an aanscherping).
    """
    geerfd = {r.id for r in basis.regels}
    for regel in versie.aanscherpingen:
        if regel.id not in geerfd:
            return (
                f"kader {kader.id} versie {versie.versie}: aanscherping {regel.id} "
                f"noemt geen regel van {basis.kader.id}"
            )
    for regel in versie.regels:
        if regel.id in geerfd:
            return (
                f"kader {kader.id} versie {versie.versie}: regel {regel.id} bestaat al in "
                f"{basis.kader.id}; een regel van de basis wijzigen kan alleen als aanscherping"
            )
    return None
