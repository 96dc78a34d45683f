"""Finding kaders through the entry-point group ``meldcode_rules.kaders``.

The engine never imports ``kaders`` by name: the shipped kaders are registered in
this project's ``pyproject.toml`` exactly as any other distribution registers its
own. Each entry point names a :class:`~meldcode_rules.kader.Kader` object. Every kader
is validated when it is loaded (fact names and types, conclusions, sources, dates,
unique ids); a kader that fails to import or to validate is reported by name with
the reason and skipped, and the others keep working.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Final

from meldcode_rules.errors import KaderFout, PeildatumFout, suggesties
from meldcode_rules.feiten import CATALOGUS, HULP_WAARDEN, MELDEN_WAARDEN
from meldcode_rules.kader import Kader, KaderVersie
from meldcode_rules.regels import (
    ACTIE,
    AFWEGINGEN,
    HULP,
    MELDEN,
    SIGNALERING,
    Altijd,
    Bron,
    Feit,
    Is,
    Minstens,
    Regel,
    Voorwaarde,
)

if TYPE_CHECKING:
    from datetime import date

__all__ = [
    "ENTRY_POINT_GROUP",
    "EffectieveVersie",
    "GebrokenKader",
    "Register",
    "standaard_register",
    "valideer_kader",
]

ENTRY_POINT_GROUP: Final = "meldcode_rules.kaders"
"""The entry-point group through which every kader is found."""

_FEITBRONNEN: Final = frozenset({"signalen", "betrokkenen", "stappen", "hulp"})


@dataclass(frozen=True, slots=True)
class GebrokenKader:
    """A kader that could not be loaded, with the reason (no traceback)."""

    naam: str
    distributie: str
    reden: str


@dataclass(frozen=True, slots=True)
class EffectieveVersie:
    """A kader version with the rules of the kader it extends resolved in.

    This is what the engines, the analysis and the renderer work on.
    """

    kader: Kader
    versie: KaderVersie
    basis: EffectieveVersie | None
    """The resolved version of the extended kader, if any."""
    regels: tuple[Regel, ...]
    """Every rule that holds: inherited (possibly tightened) and own."""
    vragen: tuple[tuple[str, str], ...]
    """The afwegingsvragen, the most specific wording first."""

    @property
    def sleutel(self) -> tuple[str, str, str]:
        """A key that identifies this resolved version (kader, version, base version)."""
        basis = self.basis.versie.versie if self.basis else ""
        return (self.kader.id, self.versie.versie, basis)

    def vraag(self, afweging: str) -> str:
        """The question for ``afweging`` in the most specific wording available."""
        for naam, tekst in self.vragen:
            if naam == afweging:
                return tekst
        return afweging.replace("_", " ")

    def regel(self, regel_id: str) -> Regel | None:
        """The effective rule with this id."""
        for regel in self.regels:
            if regel.id == regel_id:
                return regel
        return None


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
            raise KaderFout(msg)
        info = CATALOGUS.get(blad.naam)
        if info is None:
            hint = suggesties(blad.naam, CATALOGUS)
            extra = f" (bedoelt u: {', '.join(hint)}?)" if hint else ""
            msg = f"regel {regel.id}: onbekend feit {blad.naam}{extra}"
            raise KaderFout(msg)
        if info.bron not in toegestaan:
            msg = f"regel {regel.id}: {regel.doel} mag {blad.naam} ({info.bron}) niet lezen"
            raise KaderFout(msg)
        if isinstance(blad, Minstens) and info.soort != "getal":
            msg = f"regel {regel.id}: {blad.naam} is geen aantal"
            raise KaderFout(msg)
        if isinstance(blad, Feit) and info.soort != "waarde":
            msg = f"regel {regel.id}: {blad.naam} is geen ja/nee/onbekend-feit"
            raise KaderFout(msg)
        if isinstance(blad, Is):
            keuzes = info.keuzes or ("ja", "nee", "onbekend")
            if info.soort == "getal" or blad.waarde not in keuzes:
                msg = f"regel {regel.id}: {blad.naam} kan niet {blad.waarde} zijn"
                raise KaderFout(msg)


def _valideer_regel(regel: Regel) -> None:
    if regel.doel in AFWEGINGEN:
        conclusies: tuple[str, ...] = ("ja", "nee")
        toegestaan = _FEITBRONNEN
    elif regel.doel == MELDEN:
        conclusies, toegestaan = MELDEN_WAARDEN[:2], _FEITBRONNEN | {"afweging"}
    elif regel.doel == HULP:
        conclusies = tuple(w for w in HULP_WAARDEN if w != "onbepaald")
        toegestaan = _FEITBRONNEN | {"afweging"}
    elif regel.doel in (ACTIE, SIGNALERING):
        conclusies, toegestaan = (), _FEITBRONNEN | {"afweging", "beslissing"}
    else:
        hint = suggesties(regel.doel, (*AFWEGINGEN, MELDEN, HULP, ACTIE, SIGNALERING))
        extra = f" (bedoelt u: {', '.join(hint)}?)" if hint else ""
        msg = f"regel {regel.id}: onbekend doel {regel.doel}{extra}"
        raise KaderFout(msg)
    if conclusies and regel.conclusie not in conclusies:
        msg = f"regel {regel.id}: conclusie {regel.conclusie} past niet bij {regel.doel}"
        raise KaderFout(msg)
    if not conclusies and not regel.conclusie.replace("_", "").isalnum():
        msg = f"regel {regel.id}: de code van een actie of signalering is snake_case"
        raise KaderFout(msg)
    b = regel.bron
    if not isinstance(b, Bron) or not (b.uitgever and b.titel and b.adres and b.passage):
        msg = (
            f"regel {regel.id}: bron onvolledig (uitgever, titel, adres en passage zijn verplicht)"
        )
        raise KaderFout(msg)
    if not regel.label:
        msg = f"regel {regel.id}: label ontbreekt"
        raise KaderFout(msg)
    _valideer_voorwaarde(regel, toegestaan)


def valideer_kader(kader: object) -> None:
    """Check a kader's declarations; raise :class:`KaderFout` naming the offending rule."""
    if not isinstance(kader, Kader):
        msg = "het entry point verwijst niet naar een Kader"
        raise KaderFout(msg)
    if not kader.versies:
        msg = f"kader {kader.id}: geen versies"
        raise KaderFout(msg)
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    for eerder, later in itertools.pairwise(versies):
        if eerder.geldig_tot is None or eerder.geldig_tot >= later.geldig_van:
            msg = f"kader {kader.id}: versies {eerder.versie} en {later.versie} overlappen"
            raise KaderFout(msg)
    for versie in kader.versies:
        if versie.geldig_tot is not None and versie.geldig_tot < versie.geldig_van:
            msg = f"kader {kader.id} versie {versie.versie}: geldig_tot ligt voor geldig_van"
            raise KaderFout(msg)
        ids: set[str] = set()
        alle: tuple[object, ...] = (*versie.regels, *versie.aanscherpingen)
        for regel in alle:
            if not isinstance(regel, Regel):
                msg = f"kader {kader.id} versie {versie.versie}: geen Regel in de regels"
                raise KaderFout(msg)
            if regel.id in ids:
                msg = f"kader {kader.id} versie {versie.versie}: regel-id {regel.id} dubbel"
                raise KaderFout(msg)
            ids.add(regel.id)
            _valideer_regel(regel)
        for naam, _ in versie.afwegingsvragen:
            if naam not in AFWEGINGEN:
                msg = f"kader {kader.id}: afwegingsvraag voor onbekende afweging {naam}"
                raise KaderFout(msg)
        if kader.breidt_uit is None and versie.aanscherpingen:
            msg = f"kader {kader.id}: aanscherpingen zonder een kader om uit te breiden"
            raise KaderFout(msg)


class Register:
    """A set of kaders, loaded from entry points (or given), validated, resolved and cached."""

    def __init__(self, kaders: list[Kader] | None = None) -> None:
        """Create a register; without ``kaders`` it loads the entry-point group lazily."""
        self._lock = threading.RLock()
        self._kaders: dict[str, Kader] | None = None
        self._herkomst: dict[str, str] = {}
        self._gebroken: list[GebrokenKader] = []
        self._effectief: dict[tuple[str, str, str], EffectieveVersie] = {}
        if kaders is not None:
            self._kaders = {}
            for kader in kaders:
                self._voeg_toe(kader, "(gegeven)")
            self._controleer_uitbreidingen()

    def _voeg_toe(self, kader: object, distributie: str) -> None:
        assert self._kaders is not None
        try:
            valideer_kader(kader)
        except KaderFout as fout:
            naam = getattr(kader, "id", "?")
            self._gebroken.append(GebrokenKader(str(naam), distributie, str(fout)))
            return
        assert isinstance(kader, Kader)  # valideer_kader checked it
        if kader.id in self._kaders:
            self._gebroken.append(
                GebrokenKader(kader.id, distributie, f"id {kader.id} is al geregistreerd")
            )
            return
        self._kaders[kader.id] = kader
        self._herkomst[kader.id] = distributie

    def _controleer_uitbreidingen(self) -> None:
        assert self._kaders is not None
        gewijzigd = True
        while gewijzigd:
            gewijzigd = False
            for kader in list(self._kaders.values()):
                reden = self._uitbreiding_fout(kader)
                if reden is not None:
                    del self._kaders[kader.id]
                    self._gebroken.append(
                        GebrokenKader(kader.id, self._herkomst.get(kader.id, "?"), reden)
                    )
                    gewijzigd = True

    def _uitbreiding_fout(self, kader: Kader) -> str | None:  # noqa: PLR0911 - one reason each
        assert self._kaders is not None
        if kader.breidt_uit is None:
            return None
        basis = self._kaders.get(kader.breidt_uit)
        if basis is None:
            return f"kader {kader.id} breidt onbekend kader {kader.breidt_uit} uit"
        for versie in kader.versies:
            basisversie = basis.versie_op(versie.geldig_van)
            if basisversie is None:
                return (
                    f"kader {kader.id} versie {versie.versie}: {basis.id} heeft geen versie "
                    f"op {versie.geldig_van.isoformat()}"
                )
            try:
                geerfd = {r.id for r in self._resolveer(basis, basisversie).regels}
            except KaderFout as fout:
                return str(fout)
            for regel in versie.aanscherpingen:
                if regel.id not in geerfd:
                    return (
                        f"kader {kader.id} versie {versie.versie}: aanscherping {regel.id} "
                        f"noemt geen regel van {basis.id}"
                    )
            for regel in versie.regels:
                if regel.id in geerfd:
                    return (
                        f"kader {kader.id} versie {versie.versie}: regel {regel.id} bestaat al in "
                        f"{basis.id}; een regel van de basis wijzigen kan alleen als aanscherping"
                    )
        return None

    def _laad(self) -> dict[str, Kader]:
        with self._lock:
            if self._kaders is not None:
                return self._kaders
            self._kaders = {}
            for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
                distributie = ep.dist.name if ep.dist is not None else "?"
                try:
                    kader = ep.load()
                except Exception as fout:  # noqa: BLE001 - a broken plugin must not stop the rest
                    reden = f"laden mislukt: {type(fout).__name__}"
                    self._gebroken.append(GebrokenKader(ep.name, distributie, reden))
                    continue
                self._voeg_toe(kader, distributie)
            self._controleer_uitbreidingen()
            return self._kaders

    def kaders(self) -> list[Kader]:
        """Every valid kader, sorted by id."""
        return sorted(self._laad().values(), key=lambda k: k.id)

    def gebroken(self) -> list[GebrokenKader]:
        """The kaders that could not be loaded, with the reason."""
        self._laad()
        return list(self._gebroken)

    def distributie(self, kader_id: str) -> str:
        """The distribution a kader came from."""
        self._laad()
        return self._herkomst.get(kader_id, "?")

    def kader(self, kader_id: str) -> Kader:
        """The kader with this id; :class:`KaderFout` with suggestions when unknown."""
        kaders = self._laad()
        gevonden = kaders.get(kader_id)
        if gevonden is None:
            hint = suggesties(kader_id, kaders)
            extra = f"; bedoelt u: {', '.join(hint)}?" if hint else ""
            bekend = ", ".join(sorted(kaders))
            msg = f"onbekend kader{extra} (bekend: {bekend})"
            raise KaderFout(msg)
        return gevonden

    def versie(self, kader: str | Kader, peildatum: date) -> EffectieveVersie:
        """The resolved version of a kader on a peildatum."""
        k = self.kader(kader) if isinstance(kader, str) else kader
        versie = k.versie_op(peildatum)
        if versie is None:
            reeks = ", ".join(
                f"{v.versie} ({v.geldig_van.isoformat()} t/m "
                f"{v.geldig_tot.isoformat() if v.geldig_tot else 'heden'})"
                for v in k.versies
            )
            msg = f"kader {k.id} heeft geen versie op de peildatum (versies: {reeks})"
            raise PeildatumFout(msg)
        return self._resolveer(k, versie, peildatum)

    def _resolveer(
        self, kader: Kader, versie: KaderVersie, peildatum: date | None = None
    ) -> EffectieveVersie:
        datum = peildatum or versie.geldig_van
        basis: EffectieveVersie | None = None
        if kader.breidt_uit is not None:
            basiskader = self.kader(kader.breidt_uit)
            basis = self.versie(basiskader, max(datum, versie.geldig_van))
        sleutel = (kader.id, versie.versie, basis.versie.versie if basis else "")
        with self._lock:
            bekend = self._effectief.get(sleutel)
            if bekend is not None and bekend.kader is kader:
                return bekend
        regels: list[Regel] = []
        vragen = list(versie.afwegingsvragen)
        if basis is not None:
            vervangen = {r.id: r for r in versie.aanscherpingen}
            regels.extend(vervangen.get(r.id, r) for r in basis.regels)
            eigen = {naam for naam, _ in vragen}
            vragen.extend((n, t) for n, t in basis.vragen if n not in eigen)
        regels.extend(versie.regels)
        effectief = EffectieveVersie(kader, versie, basis, tuple(regels), tuple(vragen))
        with self._lock:
            self._effectief[sleutel] = effectief
        return effectief


_STANDAARD: Register | None = None
_STANDAARD_LOCK: Final = threading.Lock()


def standaard_register() -> Register:
    """The process-wide register of every kader installed through entry points."""
    global _STANDAARD  # noqa: PLW0603 - one lazily created default, guarded by a lock
    with _STANDAARD_LOCK:
        if _STANDAARD is None:
            _STANDAARD = Register()
        return _STANDAARD
