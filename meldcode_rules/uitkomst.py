"""The outcome of one evaluation.

The two beslissingen, the afwegingen with their trace, the actions that follow and
the signaleringen.

Every part names the rule that produced it, the kader and its version, and the
source passage, so an auditor can see for any decision which rule of which kader
version gave it and why. Nothing here holds input text: a trace names facts and
their values (counts, ``ja``/``nee``/``onbekend``), never what the casus said.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final, Literal, get_args

from meldcode_rules.casus import Model
from meldcode_rules.logica import Waarde

if TYPE_CHECKING:
    from meldcode_rules.regels import Bron

__all__ = [
    "ENGINES",
    "Actie",
    "AfwegingUitkomst",
    "BeslissingUitkomst",
    "BronVerwijzing",
    "Engine",
    "HulpBeslissing",
    "KaderInfo",
    "MeldBeslissing",
    "RegelSpoor",
    "Signalering",
    "Uitkomst",
]

Engine = Literal["native", "durable"]
"""Which engine decided (the evaluation) or decides each transition (the process)."""
ENGINES: Final[tuple[Engine, ...]] = get_args(Engine)
"""Every :data:`Engine`, in the order the CLI offers them (the default first)."""

MeldBeslissing = Literal["ja", "nee", "onbepaald", "buiten_meldcode"]
"""Beslissing 1. ``onbepaald``: the decision hangs on an unknown answer; ``buiten_meldcode``:
for the suspect the signalen concern (a medewerker, the houder), a statutory route of the
sector replaces the meldcode (the meld-, overleg- en aangifteplicht), see the acties."""

HulpBeslissing = Literal[
    "ja", "nee", "onbepaald", "met_veilig_thuis", "niet_van_toepassing", "buiten_meldcode"
]
"""Beslissing 2: ``ja`` (zelf hulp bieden of organiseren is (ook) mogelijk), ``nee``
(not possible: melden), ``onbepaald`` (hangs on an unknown answer),
``met_veilig_thuis`` (acute or structurele onveiligheid: afwegingen 3 to 5 are gone
through together with Veilig Thuis after the melding), ``niet_van_toepassing``
(no vermoeden: the meldcode is closed), ``buiten_meldcode`` (a statutory route of the sector
replaces the meldcode for the suspect)."""


class BronVerwijzing(Model):
    """The published text a rule implements."""

    uitgever: str
    titel: str
    versie: str
    datum: date | None
    adres: str
    passage: str

    @classmethod
    def van(cls, bron: Bron) -> BronVerwijzing:
        """The reference for a rule's :class:`~meldcode_rules.regels.Bron`."""
        return cls(
            uitgever=bron.uitgever,
            titel=bron.titel,
            versie=bron.versie,
            datum=bron.datum,
            adres=bron.adres,
            passage=bron.passage,
        )


class RegelSpoor(Model):
    """One rule in a trace: what it concludes, whether it held, and from which source."""

    regel: str
    """The rule id."""
    label: str | None = None
    """What the rule says in Dutch, where the kader gives more than the passage (an action's
    or signalering's text); otherwise ``None`` and the passage says it."""
    conclusie: str
    """What the rule concludes when it holds."""
    resultaat: Waarde
    """Whether its condition held: ``ja``, ``nee`` or ``onbekend``."""
    voorwaarde: str
    """The condition, printed."""
    gebruikt: dict[str, Waarde | int | str | None]
    """The facts the condition read, with their values (never input text)."""
    kader: str
    versie: str
    bron: BronVerwijzing


class AfwegingUitkomst(Model):
    """One afweging: the professional's answer, the kader's derivation, the value that counts."""

    waarde: Waarde
    """The value that counts: the more protective of ``antwoord`` and ``afleiding``."""
    antwoord: Waarde
    """The professional's own answer (``onbekend`` when not given)."""
    afleiding: Waarde | None
    """What the kader's rules derive from the facts; ``None`` when they are silent."""
    herkomst: Literal["antwoord", "kader", "beide", "geen"]
    """Where the value came from."""
    vraag: str
    """The question in the kader's own words."""
    spoor: tuple[RegelSpoor, ...]
    """The rules that held or could not be decided."""


class BeslissingUitkomst(Model):
    """One beslissing with the rules that gave it."""

    waarde: str
    spoor: tuple[RegelSpoor, ...]
    hangt_af_van: tuple[str, ...] = ()
    """For ``onbepaald``: the afwegingen whose ``onbekend`` leaves it open."""


class Actie(Model):
    """What the professional does next, and the rule that says so."""

    code: str
    omschrijving: str
    regel: str
    bron: BronVerwijzing


class Signalering(Model):
    """Something to notice: a difference between answer and kader, something missing, an advice."""

    code: str
    omschrijving: str
    afweging: str | None = None
    regel: str | None = None


class KaderInfo(Model):
    """Which kader version decided, and its fingerprint (a hash of the rule tree)."""

    id: str
    naam: str
    versie: str
    geldig_van: date
    geldig_tot: date | None
    vingerafdruk: str


class Uitkomst(Model):
    """The result of evaluating one casus against one kader version."""

    casus_id: str
    peildatum: date
    kader: KaderInfo
    engine: Engine
    melden: MeldBeslissing
    """Beslissing 1: is melden bij Veilig Thuis noodzakelijk?"""
    hulp: HulpBeslissing
    """Beslissing 2: is zelf hulp bieden of organiseren (ook) mogelijk?"""
    afwegingen: dict[str, AfwegingUitkomst]
    """The six afwegingen, keyed by name, in the order of the flow."""
    beslissingen: dict[str, BeslissingUitkomst]
    """``melden`` and ``hulp`` with the rules that gave them."""
    acties: tuple[Actie, ...]
    signaleringen: tuple[Signalering, ...]
