"""Kaders and their dated versions.

A :class:`Kader` is an afwegingskader as a beroepsgroep (or an organisation)
published it: identity, the beroepsgroepen it serves, and one
:class:`KaderVersie` per period in which its rules held. Versions are selected by
*peildatum*; nothing is deleted when a kader is revised.

A kader that ``breidt_uit`` (extends) another adds rules and may tighten a rule
of the kader it extends by declaring a rule with the same id in
``aanscherpingen``; the registry resolves the effective rule set per version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from meldcode_rules.errors import KaderError
from meldcode_rules.regels import Bron, OpenVraag, Regel

__all__ = [
    "SECTOREN",
    "Bijzonderheid",
    "Contact",
    "Kader",
    "KaderVersie",
    "ResolvedKader",
    "resolveer",
    "vingerafdruk",
]

SECTOREN: Final[tuple[str, ...]] = (
    "gezondheidszorg",
    "onderwijs",
    "kinderopvang",
    "maatschappelijke_ondersteuning",
    "jeugdhulp",
    "justitie",
)
"""The six sectors of the Wet verplichte meldcode; a kader names the ones it serves."""


@dataclass(frozen=True, slots=True)
class Bijzonderheid:
    """Something particular to a kader that is not a rule (a step, a procedure, a duty)."""

    id: str
    titel: str
    omschrijving: str
    bron: Bron
    soort: str = "bijzonderheid"
    """``stap`` (an extra step), ``procedure`` (outside the meldcode) or ``bijzonderheid``."""


@dataclass(frozen=True, slots=True)
class Contact:
    """A contact an organisation names in its own meldcode (a function, never a person's name)."""

    functie: str
    bereikbaarheid: str = ""


@dataclass(frozen=True, slots=True)
class KaderVersie:
    """One dated version of a kader: its rules, its wording of the questions, its doubts."""

    versie: str
    geldig_van: date
    geldig_tot: date | None
    bron: Bron
    regels: tuple[Regel, ...] = ()
    """The rules this version declares (for an extension: the rules it adds)."""
    aanscherpingen: tuple[Regel, ...] = ()
    """Rules that replace a rule of the extended kader by naming its id (tighten only)."""
    afwegingsvragen: tuple[tuple[str, str], ...] = ()
    """The kader's own wording of the afwegingen, as ``(afweging, vraag)`` pairs."""
    open_vragen: tuple[OpenVraag, ...] = ()
    bijzonderheden: tuple[Bijzonderheid, ...] = ()
    wijzigingen: str = ""
    """What changed compared with the previous version."""

    def geldig_op(self, peildatum: date) -> bool:
        """Whether this version holds on ``peildatum``."""
        return self.geldig_van <= peildatum and (
            self.geldig_tot is None or peildatum <= self.geldig_tot
        )

    def vraag(self, afweging: str) -> str | None:
        """The kader's own wording of one afweging, if it declares one."""
        for naam, tekst in self.afwegingsvragen:
            if naam == afweging:
                return tekst
        return None


@dataclass(frozen=True, slots=True)
class Kader:
    """An afwegingskader: identity, beroepsgroepen, and versions by date."""

    id: str
    naam: str
    sectoren: tuple[str, ...]
    beroepsgroepen: tuple[str, ...]
    versies: tuple[KaderVersie, ...]
    uitgever: str = ""
    breidt_uit: str | None = None
    """The id of the kader this one extends (``basis`` for every sector kader)."""
    omschrijving: str = ""
    contacten: tuple[Contact, ...] = field(default=())

    def versie_op(self, peildatum: date) -> KaderVersie | None:
        """The version that holds on ``peildatum``, or ``None``."""
        for versie in self.versies:
            if versie.geldig_op(peildatum):
                return versie
        return None

    def versie(self, naam: str) -> KaderVersie | None:
        """The version with this name, or ``None``."""
        for versie in self.versies:
            if versie.versie == naam:
                return versie
        return None

    def versie_genaamd(self, naam: str) -> KaderVersie:
        """The version with this name (e.g. ``kader.versie`` of a stored outcome).

        Raises:
            KaderError: this kader has no version of that name; the message lists the
                names it has (never the name asked for, which came from outside).
        """
        versie = self.versie(naam)
        if versie is None:
            namen = ", ".join(v.versie for v in self.versies)
            msg = f"kader {self.id} heeft geen versie met die naam (versies: {namen})"
            raise KaderError(msg)
        return versie


def overlappen(a: KaderVersie, b: KaderVersie) -> bool:
    """Whether two versions hold on at least one common day."""
    return a.geldig_van <= (b.geldig_tot or date.max) and b.geldig_van <= (a.geldig_tot or date.max)


@dataclass(frozen=True, slots=True)
class ResolvedKader:
    """A kader version with the rules of the kader it extends resolved in.

    This is what the engines, the analysis and the renderer work on; make one with
    :func:`resolveer` (or get one from the registry).
    """

    kader: Kader
    versie: KaderVersie
    basis: ResolvedKader | None
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

    def herkomst(self) -> dict[str, str]:
        """Per rule id, the id of the kader that declares it.

        For an inherited rule that is the kader it extends; for a tightened rule, the most
        specific kader that writes it.
        """
        uit: dict[str, str] = {}
        for laag in self.keten():
            for r in (*laag.versie.regels, *laag.versie.aanscherpingen):
                uit.setdefault(r.id, laag.kader.id)
        return uit

    def keten(self) -> tuple[ResolvedKader, ...]:
        """This version and the versions it extends, the most specific first."""
        uit: list[ResolvedKader] = []
        huidig: ResolvedKader | None = self
        while huidig is not None:
            uit.append(huidig)
            huidig = huidig.basis
        return tuple(uit)


def resolveer(kader: Kader, versie: KaderVersie, basis: ResolvedKader | None) -> ResolvedKader:
    """The rules and questions of ``versie`` with those of its resolved ``basis`` merged in.

    Inherited rules keep their place (an ``aanscherping`` replaces the rule with its id),
    the version's own rules follow; the version's own wording of a question wins. This is
    the one place where an extension is resolved: the registry and the analysis call it.
    Whether the extension is *allowed* (known ids, no weakening) is checked by the registry.
    """
    if basis is None:
        return ResolvedKader(kader, versie, None, versie.regels, versie.afwegingsvragen)
    vervangen = {r.id: r for r in versie.aanscherpingen}
    regels = (*(vervangen.get(r.id, r) for r in basis.regels), *versie.regels)
    eigen = {naam for naam, _ in versie.afwegingsvragen}
    vragen = (*versie.afwegingsvragen, *((n, t) for n, t in basis.vragen if n not in eigen))
    return ResolvedKader(kader, versie, basis, regels, vragen)


def vingerafdruk(effectief: ResolvedKader) -> str:
    """A stable hash of a resolved kader version's rule tree (for auditors).

    It covers every rule's id, target, conclusion, condition, label (the text of an
    action or signalering) and source, so any change to what a rule decides or says
    changes the fingerprint.
    """
    h = hashlib.sha256()
    h.update(f"{effectief.kader.id}\n{effectief.versie.versie}\n".encode())
    if effectief.basis is not None:
        h.update(f"basis {effectief.basis.kader.id} {effectief.basis.versie.versie}\n".encode())
    for r in effectief.regels:
        b = r.bron
        regel = (
            f"{r.id}|{r.doel}|{r.conclusie}|{r.als}|{r.label}|{b.uitgever}|{b.titel}|"
            f"{b.versie}|{b.datum}|{b.adres}|{b.passage}\n"
        )
        h.update(regel.encode())
    return h.hexdigest()[:16]
