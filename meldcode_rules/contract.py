"""The JSON documents of discovery: the kaders and the beroepsgroep register, as models.

``meldcode kaders --format json`` and ``meldcode kaders --beroepsgroepen --format json``
print these models, and :func:`meldcode_rules.json_schema` exports their schemas, so the
output and its published contract come from one declaration.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final

from meldcode_rules.beroepsgroepen import REGISTER_SECTOREN, Status, beroepsgroepen
from meldcode_rules.casus import Model
from meldcode_rules.uitkomst import BronVerwijzing, KaderInfo

if TYPE_CHECKING:
    from meldcode_rules.kader import Kader, ResolvedKader
    from meldcode_rules.registry import Registry

__all__ = [
    "CONTRACT_VERSIE",
    "BeroepsgroepItem",
    "BeroepsgroepRegister",
    "BrokenKader",
    "BronKort",
    "KaderBronnen",
    "KaderItem",
    "KaderLijst",
    "KaderVersieItem",
    "RegisterBronItem",
    "kader_bronnen",
    "kader_item",
    "kader_lijst",
    "register_lijst",
]

CONTRACT_VERSIE: Final = "2.0"
"""The version of the JSON contract (schemas, error record, codes, exit statuses).

The major number changes when a document changes incompatibly; the minor when something
is added (a field, a code). Every schema's ``$id`` carries the major number.

2.0: an ``uitkomst`` is compact by default (``bronnen``: ``verwijzing``): each rule's
``bron`` and each afweging's ``vraag`` is ``null``, looked up in the ``bronnen`` document
of the kader version (``meldcode kaders --bronnen KADER``); ``--bronnen volledig`` writes
them out as in 1.0, with ``bronnen``: ``volledig``.

2.0 also added the decision value ``buiten_meldcode`` (melden and hulp: a statutory route of the
sector replaces stap 5), the casus fields ``antwoorden.twijfel`` and ``hulp.in_staat``, the
gesprek reason ``contactbreuk_verwacht``, and the kenmerken ``herhaald``,
``onthulling_acuut_gevaar`` and ``letsel_medische_behandeling``.
"""


class BronKort(Model):
    """The source document of a kader's current version."""

    titel: str
    adres: str


class KaderVersieItem(Model):
    """One version of a kader and when it holds."""

    versie: str
    geldig_van: date
    geldig_tot: date | None
    """The last day it holds; null: it still holds."""


class KaderItem(Model):
    """One registered kader."""

    id: str
    naam: str
    uitgever: str
    sectoren: tuple[str, ...]
    beroepsgroepen: tuple[str, ...]
    breidt_uit: str | None
    """The id of the kader it extends; null for a kader of its own."""
    distributie: str
    """The Python distribution that registered it."""
    bron: BronKort
    versies: tuple[KaderVersieItem, ...]
    """Oldest first."""


class BrokenKader(Model):
    """A kader that could not be loaded, and why (it is skipped; the others work)."""

    naam: str
    distributie: str
    reden: str


class KaderLijst(Model):
    """The output of ``meldcode kaders --format json``."""

    kaders: tuple[KaderItem, ...]
    """Every registered kader, sorted by id."""
    gebroken: tuple[BrokenKader, ...]


class RegisterBronItem(Model):
    """The source that says which kader a beroepsgroep uses."""

    uitgever: str
    titel: str
    adres: str
    passage: str


class BeroepsgroepItem(Model):
    """One beroepsgroep of the register."""

    naam: str
    sector: str
    andere_sectoren: tuple[str, ...]
    """Other sectors the beroepsgroep works in."""
    namen: tuple[str, ...]
    """Every name and abbreviation it goes by (the first is naam); lookup ignores case,
    accents, spaces and punctuation."""
    status: Status
    """gecodeerd: a kader of this library decides; bekend_niet_gecodeerd: its kader is known
    but its text was not found to encode; geen_meldcodekader: the group is outside the Wet
    verplichte meldcode (reden and advies say why and where signals go)."""
    kader: str | None
    """The id of the kader to evaluate with; null when it is known but not encoded."""
    kader_naam: str | None
    """The name of that kader (for a known but not encoded one: its name or 'onbekend')."""
    bron: RegisterBronItem
    reden: str | None
    """Why it is not encoded, or why there is no meldcode kader."""
    advies: str | None
    """What to do meanwhile (Veilig Thuis, 0800-2000)."""
    toelichting: str | None


class BeroepsgroepRegister(Model):
    """The output of ``meldcode kaders --beroepsgroepen --format json``: the whole register."""

    sectoren: tuple[str, ...]
    """The sectors (the values of --sector)."""
    beroepsgroepen: tuple[BeroepsgroepItem, ...]


class RegelBron(Model):
    """The published text one rule of a kader version implements."""

    regel: str
    """The rule id (``regel`` in a trace entry, an actie)."""
    kader: str
    """The kader that declares the rule (for an inherited rule: the kader it extends)."""
    bron: BronVerwijzing


class KaderBronnen(Model):
    """The output of ``meldcode kaders --bronnen KADER``: the texts a compact outcome leaves out.

    An outcome in the compact form (``bronnen``: ``verwijzing``) names for each rule the
    kader, the version and the rule id; this document gives, for that version, each rule's
    published passage and each afweging's question. ``kader.vingerafdruk`` is the version's
    fingerprint, which covers these texts: it must equal the ``kader.vingerafdruk`` of the
    outcome.
    """

    kader: KaderInfo
    vragen: dict[str, str]
    """The question of each afweging in the kader's own words (``vraag`` in the full form)."""
    regels: tuple[RegelBron, ...]
    """Every rule of the version (inherited, tightened, its own), in the order of the trace."""


def kader_bronnen(effectief: ResolvedKader) -> KaderBronnen:
    """The texts of a resolved kader version, for the compact form of its outcomes."""
    from meldcode_rules.besluit import Beslisvorm  # noqa: PLC0415 - the engine's imports

    herkomst = effectief.herkomst()
    vorm = Beslisvorm(effectief)
    return KaderBronnen(
        kader=vorm.info,
        vragen=dict(vorm.vragen),
        regels=tuple(
            RegelBron(
                regel=r.regel.id, kader=herkomst.get(r.regel.id, effectief.kader.id), bron=r.bron
            )
            for r in vorm.regels
        ),
    )


def kader_item(registry: Registry, kader: Kader) -> KaderItem:
    """One registered kader as ``meldcode kaders --format json`` lists it."""
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    return KaderItem(
        id=kader.id,
        naam=kader.naam,
        uitgever=kader.uitgever,
        sectoren=tuple(kader.sectoren),
        beroepsgroepen=tuple(kader.beroepsgroepen),
        breidt_uit=kader.breidt_uit,
        distributie=registry.distribution(kader.id),
        bron=BronKort(titel=versies[-1].bron.titel, adres=versies[-1].bron.adres),
        versies=tuple(
            KaderVersieItem(versie=v.versie, geldig_van=v.geldig_van, geldig_tot=v.geldig_tot)
            for v in versies
        ),
    )


def kader_lijst(registry: Registry) -> KaderLijst:
    """Every registered kader and the broken ones."""
    return KaderLijst(
        kaders=tuple(kader_item(registry, k) for k in registry.kaders()),
        gebroken=tuple(
            BrokenKader(naam=g.naam, distributie=g.distributie, reden=g.reden)
            for g in registry.broken()
        ),
    )


def register_lijst(registry: Registry) -> BeroepsgroepRegister:
    """The whole beroepsgroep register, with the names of the kaders it points to."""
    namen = {k.id: k.naam for k in registry.kaders()}
    return BeroepsgroepRegister(
        sectoren=tuple(REGISTER_SECTOREN),
        beroepsgroepen=tuple(
            BeroepsgroepItem(
                naam=b.naam,
                sector=b.sector,
                andere_sectoren=b.andere_sectoren,
                namen=b.namen,
                status=b.status,
                kader=b.kader,
                kader_naam=b.kader_naam or (namen.get(b.kader) if b.kader else None),
                bron=RegisterBronItem.model_validate(b.bron, from_attributes=True),
                reden=b.reden or None,
                advies=b.advies or None,
                toelichting=b.toelichting or None,
            )
            for b in beroepsgroepen()
        ),
    )
