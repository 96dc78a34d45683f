"""The outcome of one evaluation.

The two beslissingen, the afwegingen with their trace, the actions that follow and
the signaleringen.

Every part names the rule that produced it and the kader and its version (with the
version's fingerprint), so an auditor can see for any decision which rule of which kader
version gave it and why. Nothing here holds input text: a trace names facts and
their values (counts, ``ja``/``nee``/``onbekend``), never what the casus said.

Two JSON forms (:data:`Bronnen`). An :class:`Uitkomst` from the engine holds everything,
source passages included, but its JSON is by default the compact form ``verwijzing``:
each rule's published passage (``bron``) and each afweging's question (``vraag``) is
``null``, to be looked up by kader, versie and rule id
(:func:`meldcode_rules.list_bronnen`, ``meldcode kaders --bronnen``,
``GET /v1/kaders/{id}/regels``); that text is the same in every result of a version and
is covered by the version's fingerprint. The full form ``volledig`` writes it out:
``uitkomst.als_json(bronnen="volledig")``, or
``model_dump_json(context={"bronnen": "volledig"})``. The top-level ``bronnen`` field
says which form a document is in.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

from pydantic import FieldSerializationInfo, field_serializer

from meldcode_rules.casus import Model
from meldcode_rules.logica import Waarde

if TYPE_CHECKING:
    from meldcode_rules.regels import Bron

__all__ = [
    "BRONNEN",
    "ENGINES",
    "Actie",
    "AfwegingUitkomst",
    "BeslissingUitkomst",
    "BronVerwijzing",
    "Bronnen",
    "Engine",
    "HulpBeslissing",
    "KaderInfo",
    "MeldBeslissing",
    "RegelSpoor",
    "Signalering",
    "Uitkomst",
    "context",
]

Engine = Literal["native", "durable"]
"""Which engine decided (the evaluation) or decides each transition (the process)."""
ENGINES: Final[tuple[Engine, ...]] = get_args(Engine)
"""Every :data:`Engine`, in the order the CLI offers them (the default first)."""

Bronnen = Literal["verwijzing", "volledig"]
"""The JSON form of an outcome: ``verwijzing`` (compact: passages and questions are looked
up by kader, versie and rule id) or ``volledig`` (written out in every result)."""
BRONNEN: Final[tuple[Bronnen, ...]] = get_args(Bronnen)
"""Every :data:`Bronnen`, the default first."""


def context(bronnen: Bronnen) -> dict[str, Any] | None:
    """The serialisation context of a form (``None`` for the compact default)."""
    return {"bronnen": "volledig"} if bronnen == "volledig" else None


def _volledig(info: FieldSerializationInfo) -> bool:
    ctx = info.context
    return isinstance(ctx, dict) and ctx.get("bronnen") == "volledig"


def _alleen_volledig(self: Model, waarde: object, info: FieldSerializationInfo) -> object:  # noqa: ARG001 - pydantic's instance serializer
    """A field of the full form only: its value when serialised ``volledig``, else ``null``."""
    return waarde if _volledig(info) else None


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
        return cls.model_validate(bron, from_attributes=True)


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
    bron: BronVerwijzing | None
    """The published text the rule implements; ``null`` in the compact form (``bronnen``:
    ``verwijzing``): look it up by ``kader``, ``versie`` and ``regel``."""

    _bron = field_serializer("bron", return_type=BronVerwijzing | None)(_alleen_volledig)


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
    vraag: str | None
    """The question in the kader's own words; ``null`` in the compact form (look it up by
    kader and versie)."""
    spoor: tuple[RegelSpoor, ...]
    """The rules that held or could not be decided."""

    _vraag = field_serializer("vraag", return_type=str | None)(_alleen_volledig)


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
    bron: BronVerwijzing | None
    """The published text; ``null`` in the compact form (look it up by kader, versie, regel)."""

    _bron = field_serializer("bron", return_type=BronVerwijzing | None)(_alleen_volledig)


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
    bronnen: Bronnen = "volledig"
    """The form of this document: ``verwijzing`` (the default JSON: passages and questions
    are ``null``, looked up by kader, versie and rule id) or ``volledig``. An outcome from
    the engine holds everything; its JSON says ``volledig`` only when asked for."""
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

    @field_serializer("bronnen")
    def _bronnen(self, bronnen: Bronnen, info: FieldSerializationInfo) -> Bronnen:
        return "volledig" if bronnen == "volledig" and _volledig(info) else "verwijzing"

    def als_json(self, bronnen: Bronnen = "verwijzing", indent: int | None = None) -> str:
        """The JSON of this outcome in a form (:data:`Bronnen`); compact by default."""
        return self.model_dump_json(indent=indent, context=context(bronnen))
