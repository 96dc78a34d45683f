"""Finding kaders through the entry-point group ``meldcode_rules.kaders``, and resolving them.

The engine never imports ``meldcode_kaders`` by name: the shipped kaders are registered
in this project's ``pyproject.toml`` exactly as any other distribution registers its
own. Each entry point names a :class:`~meldcode_rules.kader.Kader` object.

Trust rules (what a plugin, another installed distribution, can and cannot do):

- **The entry-point name is the kader id.** A kader is only ever registered under its own
  id: an entry point whose name differs from the id of the kader it names is broken. So a
  lookup by id reads the entry-point metadata (nothing is imported), imports only the
  entry points with that name, and then the ones of the kaders it extends; asking for
  ``basis`` imports no plugin. ``kaders()`` and ``broken()`` import every entry point.
- **A shipped id belongs to the shipped kader.** When an id is registered by this
  distribution (``meldcode-rules``) and by another, the shipped kader is used and the
  other is refused, naming both distributions; it is not even imported. An entry point
  under another name whose kader claims a shipped id is refused too (it never registers
  anything). Between other distributions, an id registered more than once is refused for
  every one of them, naming them all: neither silently wins.
- **An extension is resolved against the base it was built for.** The base is looked up
  by id under the same rules, so a shipped id always resolves to the shipped kader; a
  shipped kader only ever extends a shipped kader (checked), and a base that is refused
  or unknown makes its extensions refused too, as does a cycle.
- **Importing a plugin cannot end the process.** ``SystemExit`` and every other
  exception raised on import (``KeyboardInterrupt`` excepted), and a replaced standard
  stream, make the plugin broken with the type name as the reason
  (:mod:`meldcode_rules._plugins`).
- **Every kader meets the law on load.** Each kader is validated
  (:mod:`meldcode_rules.validatie`); an extension is resolved against the version of its
  base that holds (:func:`meldcode_rules.kader.resolveer`) and held to
  :mod:`meldcode_rules.norm`: it may add and tighten, never weaken. Every version of
  every kader from another distribution (and of kaders given to :class:`Registry`
  directly), extension or not, is checked exhaustively over the 729 answer combinations:
  never weaker than its base (:func:`~meldcode_rules.norm.norm_schendingen`) and never
  against the law itself (:func:`~meldcode_rules.norm.wet_schendingen`: the meldnorm, the
  hulpvoorwaarden, geen vermoeden geen melding). The kaders shipped with this project are
  held to the same checks by their tests, so loading them costs nothing.

A kader that fails any of this is reported by :meth:`Registry.broken` with its
distribution and the reason, and skipped; the others keep working. Asking for it raises
:class:`~meldcode_rules.errors.KaderError` with the reason.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from importlib import metadata
from typing import TYPE_CHECKING, Final

from meldcode_rules._plugins import (
    EIGEN_DISTRIBUTIE,
    PluginFout,
    distributie,
    is_eigen,
    laad_entry_point,
)
from meldcode_rules.errors import KaderError, PeildatumError, suggesties
from meldcode_rules.kader import Kader, KaderVersie, ResolvedKader, overlappen, resolveer
from meldcode_rules.norm import norm_schendingen, structuur_fout, wet_schendingen
from meldcode_rules.validatie import uitbreiding_fout, valideer_kader

if TYPE_CHECKING:
    from datetime import date

__all__ = [
    "ENTRY_POINT_GROUP",
    "BrokenKader",
    "Registry",
    "default_registry",
]

ENTRY_POINT_GROUP: Final = "meldcode_rules.kaders"
"""The entry-point group through which every kader is found."""

GEGEVEN: Final = "(gegeven)"
"""The distribution of a kader given to :class:`Registry` directly."""


@dataclass(frozen=True, slots=True)
class BrokenKader:
    """A kader that could not be loaded, with the reason (no traceback).

    ``naam`` is the name it was registered under (the entry-point name, which must be
    the kader id), ``distributie`` the distribution that registered it.
    """

    naam: str
    distributie: str
    reden: str


@dataclass(frozen=True, slots=True)
class _Aanmelding:
    """One registration: an entry point (not imported until needed) or a given object."""

    naam: str
    distributie: str
    laad: Callable[[], object]


def _object(waarde: object) -> object:
    return waarde


def _aanmeldingen(kaders: list[Kader]) -> dict[str, list[_Aanmelding]]:
    per_naam: dict[str, list[_Aanmelding]] = {}
    for kader in kaders:
        naam = str(getattr(kader, "id", "?"))
        per_naam.setdefault(naam, []).append(_Aanmelding(naam, GEGEVEN, partial(_object, kader)))
    return per_naam


def _entry_points() -> dict[str, list[_Aanmelding]]:
    """Every entry point of the group by name: metadata only, nothing is imported."""
    per_naam: dict[str, list[_Aanmelding]] = {}
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        aanmelding = _Aanmelding(ep.name, distributie(ep), partial(laad_entry_point, ep))
        per_naam.setdefault(ep.name, []).append(aanmelding)
    return per_naam


class Registry:
    """A set of kaders, loaded from entry points (or given), validated, resolved and cached.

    Loading is lazy and per id: :meth:`kader` (and everything that looks a kader up by id)
    imports only that kader's entry point and those of the kaders it extends.
    """

    def __init__(self, kaders: list[Kader] | None = None) -> None:
        """Create a register; without ``kaders`` it reads the entry-point group lazily.

        Given ``kaders`` are the whole register (no entry point is read); they are held
        to the same checks as a plugin's, and an id given twice is refused for both.
        """
        self._lock = threading.RLock()
        self._aanmeldingen: dict[str, list[_Aanmelding]] | None = (
            None if kaders is None else _aanmeldingen(kaders)
        )
        self._kaders: dict[str, Kader] = {}
        self._herkomst: dict[str, str] = {}
        self._gebroken: list[BrokenKader] = []
        self._geweigerd: dict[str, str] = {}
        """Ids that have no kader, with the reason (asked for: :class:`KaderError`)."""
        self._bezig: list[str] = []
        """The ids being loaded, outermost first (an extension loads its base inside)."""
        self._alles = False
        self._effectief: dict[tuple[str, str, str], ResolvedKader] = {}

    # -- loading -----------------------------------------------------------------------------

    def _registraties(self) -> dict[str, list[_Aanmelding]]:
        if self._aanmeldingen is None:
            self._aanmeldingen = _entry_points()
        return self._aanmeldingen

    def _laad_alles(self) -> None:
        with self._lock:
            if self._alles:
                return
            for naam in sorted(self._registraties()):
                self._laad_id(naam)
            self._alles = True

    def _laad_id(self, kader_id: str) -> Kader | None:
        """The kader registered under ``kader_id``, loading it (and its bases) if needed.

        Returns ``None`` when no kader has this id or it was refused (``_geweigerd`` then
        holds the reason). Call with the lock held.
        """
        gevonden = self._kaders.get(kader_id)
        if gevonden is not None or kader_id in self._geweigerd or kader_id in self._bezig:
            return gevonden
        kandidaten = self._registraties().get(kader_id)
        if not kandidaten:
            return None
        aanmelding = self._kies(kader_id, kandidaten)
        if aanmelding is None:
            return None
        self._bezig.append(kader_id)
        try:
            kader, reden = self._laad_aanmelding(aanmelding)
        finally:
            self._bezig.pop()
        if kader is None:
            self._weiger(kader_id, aanmelding.distributie, reden or "?")
            return None
        self._kaders[kader_id] = kader
        self._herkomst[kader_id] = aanmelding.distributie
        return kader

    def _weiger(self, naam: str, distributie: str, reden: str) -> None:
        self._gebroken.append(BrokenKader(naam, distributie, reden))
        self._geweigerd[naam] = reden

    def _kies(self, kader_id: str, kandidaten: list[_Aanmelding]) -> _Aanmelding | None:
        """The one registration of an id; a collision is refused loudly (nothing imported)."""
        if len(kandidaten) == 1:
            return kandidaten[0]
        eigen = [a for a in kandidaten if is_eigen(a.distributie)]
        if len(eigen) == 1:
            for a in kandidaten:
                if a is not eigen[0]:
                    self._gebroken.append(
                        BrokenKader(
                            kader_id,
                            a.distributie,
                            f"het kader-id {kader_id} hoort bij het meegeleverde kader van "
                            f"{EIGEN_DISTRIBUTIE}; {a.distributie} mag het niet registreren "
                            f"(het kader van {EIGEN_DISTRIBUTIE} wordt gebruikt)",
                        )
                    )
            return eigen[0]
        wie = " en ".join(sorted(a.distributie for a in kandidaten))
        reden = (
            f"het kader-id {kader_id} is meer dan eens geregistreerd (door {wie}); geen van "
            "deze kaders wordt gebruikt"
        )
        for a in kandidaten:
            self._weiger(kader_id, a.distributie, reden)
        return None

    def _laad_aanmelding(self, aanmelding: _Aanmelding) -> tuple[Kader | None, str | None]:
        """Import, validate and check one registration: the kader, or the reason it is refused."""
        try:
            kader = aanmelding.laad()
        except PluginFout as fout:
            return None, str(fout)
        if isinstance(kader, Kader) and kader.id != aanmelding.naam:
            return None, self._naam_fout(aanmelding, kader.id)
        try:
            valideer_kader(kader)
        except KaderError as fout:
            return None, str(fout)
        assert isinstance(kader, Kader)  # valideer_kader checked it
        eigen = is_eigen(aanmelding.distributie)
        reden = self._basis_fout(kader, eigen=eigen) or self._regel_fout(kader, eigen=eigen)
        return (None, reden) if reden is not None else (kader, None)

    def _naam_fout(self, aanmelding: _Aanmelding, kader_id: str) -> str:
        wie = aanmelding.distributie
        kop = f"het entry point {aanmelding.naam} van {wie} verwijst naar kader {kader_id}"
        eigenaars = [a.distributie for a in self._registraties().get(kader_id, ())]
        if any(is_eigen(d) for d in eigenaars) and not is_eigen(wie):
            return (
                f"{kop}, maar dat id hoort bij het meegeleverde kader van {EIGEN_DISTRIBUTIE}; "
                f"{wie} mag het niet registreren (het kader van {EIGEN_DISTRIBUTIE} wordt gebruikt)"
            )
        if eigenaars:
            return (
                f"{kop}, maar dat id is van het entry point {kader_id} van "
                f"{' en '.join(sorted(eigenaars))}; de naam van een entry point is het id van "
                "zijn kader"
            )
        return f"{kop}; de naam van een entry point moet het id van zijn kader zijn"

    def _basis_fout(self, kader: Kader, *, eigen: bool) -> str | None:  # noqa: PLR0911 - one reason each
        """Why the base of an extension cannot be used (loading it first), or ``None``."""
        basis_id = kader.breidt_uit
        if basis_id is None:
            return None
        if basis_id in self._bezig:
            return (
                f"kader {kader.id} breidt kader {basis_id} uit, dat (via zijn basis) "
                f"{kader.id} uitbreidt: een kringverwijzing"
            )
        basis = self._laad_id(basis_id)
        if basis is None:
            if basis_id in self._geweigerd:
                return f"kader {kader.id} breidt kader {basis_id} uit, dat is overgeslagen"
            return f"kader {kader.id} breidt onbekend kader {basis_id} uit"
        if eigen and not is_eigen(self._herkomst.get(basis_id, "?")):
            return (
                f"kader {kader.id} van {EIGEN_DISTRIBUTIE} breidt kader {basis_id} uit, maar "
                f"dat komt uit {self._herkomst.get(basis_id, '?')}: een meegeleverd kader "
                "breidt alleen een meegeleverd kader uit"
            )
        for versie in kader.versies:
            if basis.versie_op(versie.geldig_van) is None:
                return (
                    f"kader {kader.id} versie {versie.versie}: {basis.id} heeft geen versie "
                    f"op {versie.geldig_van.isoformat()}"
                )
        return None

    def _regel_fout(self, kader: Kader, *, eigen: bool) -> str | None:
        """The first extension rule or law broken by a version of ``kader``, or ``None``.

        Structural checks for every extension; the exhaustive checks (never weaker than
        the base, never against the law) for every kader not shipped with this project.
        """
        try:
            for versie, basisversie in self.resolved_pairs(kader):
                reden = uitbreiding_fout(kader, versie, basisversie) or structuur_fout(
                    kader, versie, basisversie
                )
                if reden is not None:
                    return reden
            if eigen:
                return None
            for effectief in self.resolved_versions(kader):
                schendingen = norm_schendingen(effectief, maximum=1) or wet_schendingen(
                    effectief, maximum=1
                )
                if schendingen:
                    return schendingen[0]
        except KaderError as fout:
            return str(fout)
        return None

    # -- the register ------------------------------------------------------------------------

    def kaders(self) -> list[Kader]:
        """Every valid kader, sorted by id (this imports every registered kader)."""
        self._laad_alles()
        return sorted(self._kaders.values(), key=lambda k: k.id)

    def broken(self, *, load_all: bool = True) -> list[BrokenKader]:
        """The kaders that could not be loaded, with the reason, sorted by name.

        Args:
            load_all: load every registered kader first (default); ``False``: only those
                refused so far (for example while loading the one kader a command needs).
        """
        if load_all:
            self._laad_alles()
        with self._lock:
            return sorted(self._gebroken, key=lambda g: (g.naam, g.distributie, g.reden))

    def distribution(self, kader_id: str) -> str:
        """The distribution a kader came from (``?`` when it has none)."""
        with self._lock:
            self._laad_id(kader_id)
            return self._herkomst.get(kader_id, "?")

    def kader(self, kader_id: str) -> Kader:
        """The kader with this id; :class:`KaderError` with suggestions when unknown.

        Only this kader's entry point (and those of the kaders it extends) is imported.
        """
        gevonden = self._kaders.get(kader_id)
        if gevonden is not None:
            return gevonden
        with self._lock:
            gevonden = self._laad_id(kader_id)
            if gevonden is not None:
                return gevonden
            reden = self._geweigerd.get(kader_id)
            bekend = sorted(n for n in self._registraties() if n not in self._geweigerd)
        if reden is not None:
            msg = f"kader {kader_id} is overgeslagen: {reden}"
            raise KaderError(msg)
        hint = suggesties(kader_id, bekend)
        extra = f"; bedoelt u: {', '.join(hint)}?" if hint else ""
        msg = f"onbekend kader{extra} (bekend: {', '.join(bekend)})"
        raise KaderError(msg)

    def resolve(self, kader: str | Kader, peildatum: date) -> ResolvedKader:
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
            basis = self.resolve(basiskader, max(datum, versie.geldig_van))
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
                paren.append((versie, self.resolve(basiskader, datum)))
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
