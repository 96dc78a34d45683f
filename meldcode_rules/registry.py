"""Finding kaders through the entry-point group ``meldcode_rules.kaders``, and resolving them.

The engine never imports ``meldcode_kaders`` by name: the shipped kaders are registered
in this project's ``pyproject.toml`` exactly as any other distribution registers its
own. Each entry point names a :class:`~meldcode_rules.kader.Kader` object. Every kader is
validated when it is loaded (:mod:`meldcode_rules.validatie`); a kader that fails to
import or to validate is reported by name with the reason and skipped, and the others
keep working. An extension is resolved against the version of its base that holds
(:func:`meldcode_rules.kader.resolveer`) and held to :mod:`meldcode_rules.norm`: it may
add and tighten, never weaken. The exhaustive check runs for every kader from another
distribution (and for kaders given to :class:`Registry` directly); the kaders shipped
with this project are held to the same check by their tests, so loading them costs
nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Final

from meldcode_rules.errors import KaderError, PeildatumError, suggesties
from meldcode_rules.kader import ResolvedKader, Kader, KaderVersie, overlappen, resolveer
from meldcode_rules.norm import norm_schendingen, structuur_fout
from meldcode_rules.validatie import uitbreiding_fout, valideer_kader

if TYPE_CHECKING:
    from datetime import date

__all__ = [
    "ENTRY_POINT_GROUP",
    "BrokenKader",
    "Registry",
    "default_registry",
]

EIGEN_DISTRIBUTIE: Final = "meldcode-rules"
"""The distribution of this project: its kaders are checked by their tests, not on load."""

ENTRY_POINT_GROUP: Final = "meldcode_rules.kaders"
"""The entry-point group through which every kader is found."""


@dataclass(frozen=True, slots=True)
class BrokenKader:
    """A kader that could not be loaded, with the reason (no traceback)."""

    naam: str
    distributie: str
    reden: str


class Registry:
    """A set of kaders, loaded from entry points (or given), validated, resolved and cached."""

    def __init__(self, kaders: list[Kader] | None = None) -> None:
        """Create a register; without ``kaders`` it loads the entry-point group lazily."""
        self._lock = threading.RLock()
        self._kaders: dict[str, Kader] | None = None
        self._herkomst: dict[str, str] = {}
        self._gebroken: list[BrokenKader] = []
        self._effectief: dict[tuple[str, str, str], ResolvedKader] = {}
        if kaders is not None:
            self._kaders = {}
            for kader in kaders:
                self._voeg_toe(kader, "(gegeven)")
            self._controleer_uitbreidingen()

    def _voeg_toe(self, kader: object, distributie: str) -> None:
        assert self._kaders is not None
        try:
            valideer_kader(kader)
        except KaderError as fout:
            naam = getattr(kader, "id", "?")
            self._gebroken.append(BrokenKader(str(naam), distributie, str(fout)))
            return
        assert isinstance(kader, Kader)  # valideer_kader checked it
        if kader.id in self._kaders:
            self._gebroken.append(
                BrokenKader(kader.id, distributie, f"id {kader.id} is al geregistreerd")
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
                        BrokenKader(kader.id, self._herkomst.get(kader.id, "?"), reden)
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
            if basis.versie_op(versie.geldig_van) is None:
                return (
                    f"kader {kader.id} versie {versie.versie}: {basis.id} heeft geen versie "
                    f"op {versie.geldig_van.isoformat()}"
                )
        try:
            for versie, basisversie in self.resolved_pairs(kader):
                reden = uitbreiding_fout(kader, versie, basisversie) or structuur_fout(
                    kader, versie, basisversie
                )
                if reden is not None:
                    return reden
            if self._herkomst.get(kader.id) != EIGEN_DISTRIBUTIE:
                for effectief in self.resolved_versions(kader):
                    schendingen = norm_schendingen(effectief, maximum=1)
                    if schendingen:
                        return schendingen[0]
        except KaderError as fout:
            return str(fout)
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
                    self._gebroken.append(BrokenKader(ep.name, distributie, reden))
                    continue
                self._voeg_toe(kader, distributie)
            self._controleer_uitbreidingen()
            return self._kaders

    def kaders(self) -> list[Kader]:
        """Every valid kader, sorted by id."""
        return sorted(self._laad().values(), key=lambda k: k.id)

    def gebroken(self) -> list[BrokenKader]:
        """The kaders that could not be loaded, with the reason."""
        self._laad()
        return list(self._gebroken)

    def distributie(self, kader_id: str) -> str:
        """The distribution a kader came from."""
        self._laad()
        return self._herkomst.get(kader_id, "?")

    def kader(self, kader_id: str) -> Kader:
        """The kader with this id; :class:`KaderError` with suggestions when unknown."""
        kaders = self._laad()
        gevonden = kaders.get(kader_id)
        if gevonden is None:
            for gebroken in self._gebroken:
                if gebroken.naam == kader_id:
                    msg = f"kader {kader_id} is overgeslagen: {gebroken.reden}"
                    raise KaderError(msg)
            hint = suggesties(kader_id, kaders)
            extra = f"; bedoelt u: {', '.join(hint)}?" if hint else ""
            bekend = ", ".join(sorted(kaders))
            msg = f"onbekend kader{extra} (bekend: {bekend})"
            raise KaderError(msg)
        return gevonden

    def versie(self, kader: str | Kader, peildatum: date) -> ResolvedKader:
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
            raise PeildatumError(msg)
        return self._resolveer(k, versie, peildatum)

    def _resolveer(
        self, kader: Kader, versie: KaderVersie, peildatum: date | None = None
    ) -> ResolvedKader:
        datum = peildatum or versie.geldig_van
        basis: ResolvedKader | None = None
        if kader.breidt_uit is not None:
            basiskader = self.kader(kader.breidt_uit)
            basis = self.versie(basiskader, max(datum, versie.geldig_van))
        sleutel = (kader.id, versie.versie, basis.versie.versie if basis else "")
        with self._lock:
            bekend = self._effectief.get(sleutel)
            if bekend is not None and bekend.kader is kader:
                return bekend
        effectief = resolveer(kader, versie, basis)
        with self._lock:
            self._effectief[sleutel] = effectief
        return effectief

    def resolved_pairs(self, kader: Kader) -> list[tuple[KaderVersie, ResolvedKader]]:
        """Each version of an extension with each resolved base version it overlaps.

        Raises:
            KaderError: the extended kader is unknown, or has no version in a version's period.
        """
        if kader.breidt_uit is None:
            return []
        basiskader = self.kader(kader.breidt_uit)
        paren: list[tuple[KaderVersie, ResolvedKader]] = []
        for versie in sorted(kader.versies, key=lambda v: v.geldig_van):
            gevonden = [b for b in basiskader.versies if overlappen(versie, b)]
            if not gevonden:
                msg = (
                    f"kader {kader.id} versie {versie.versie}: {basiskader.id} heeft geen versie "
                    "in deze periode"
                )
                raise KaderError(msg)
            for b in sorted(gevonden, key=lambda b: b.geldig_van):
                datum = max(versie.geldig_van, b.geldig_van)
                paren.append((versie, self.versie(basiskader, datum)))
        return paren

    def resolved_versions(self, kader: Kader) -> list[ResolvedKader]:
        """Every resolved version of a kader: one per version, per overlapping base version.

        The kader need not have passed the extension checks (the analysis shows a
        weakening with a counterexample instead of refusing the kader), but its
        declarations must be valid and its aanscherpingen must name rules of the base.

        Raises:
            KaderError: the kader is invalid, extends an unknown kader, or tightens a rule its
                base does not have.
        """
        valideer_kader(kader)
        if kader.breidt_uit is None:
            return [
                resolveer(kader, v, None) for v in sorted(kader.versies, key=lambda v: v.geldig_van)
            ]
        uit: list[ResolvedKader] = []
        for versie, basis in self.resolved_pairs(kader):
            reden = uitbreiding_fout(kader, versie, basis)
            if reden is not None:
                raise KaderError(reden)
            uit.append(resolveer(kader, versie, basis))
        return uit


_STANDAARD: Registry | None = None
_STANDAARD_LOCK: Final = threading.Lock()


def default_registry() -> Registry:
    """The process-wide register of every kader installed through entry points."""
    global _STANDAARD  # noqa: PLW0603 - one lazily created default, guarded by a lock
    with _STANDAARD_LOCK:
        if _STANDAARD is None:
            _STANDAARD = Registry()
        return _STANDAARD
