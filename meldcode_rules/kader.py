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

from dataclasses import dataclass, field
from datetime import date
from typing import Final

from meldcode_rules.regels import AFWEGINGEN, Bron, OpenVraag, Regel

__all__ = ["SECTOREN", "Bijzonderheid", "Contact", "Kader", "KaderVersie"]

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


def bekende_afweging(naam: str) -> bool:
    """Whether ``naam`` is one of the six afwegingen."""
    return naam in AFWEGINGEN
