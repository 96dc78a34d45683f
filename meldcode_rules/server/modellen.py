"""The service's own response models: errors, kaders, rules, the beroepsgroep lookup, health.

Requests and the evaluation and process responses use the library's models
(``Casus``, ``Uitkomst``, ``Gebeurtenis``, ``ProcesStaat``, ``Overzicht``); these models
describe what only the service returns, in the same style: frozen, no unknown fields,
Dutch field names as the CLI's JSON.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from meldcode_rules.uitkomst import BronVerwijzing

__all__ = [
    "BeroepsgroepKeuze",
    "Foutmelding",
    "GebrokenKaderInfo",
    "Gereedheid",
    "Gezondheid",
    "KaderLijst",
    "KaderSamenvatting",
    "KaderVersieInfo",
    "RegelBron",
    "RegelInfo",
    "RegelLijst",
    "RegisterBronInfo",
    "VeldfoutInfo",
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class VeldfoutInfo(_Model):
    """One invalid field: where, what kind of error, and a Dutch explanation (never the value)."""

    veld: str
    """The field path, e.g. ``signalen[0].datum``, or ``peildatum`` for a query parameter."""
    code: str
    bericht: str


class Foutmelding(_Model):
    """Every error response: a stable code, one Dutch sentence, and the fields at fault."""

    code: str
    """E.g. ``ongeldige_invoer``, ``onbekend_kader``, ``geen_versie``, ``onbekende_casus``,
    ``te_groot``, ``niet_geautoriseerd``, or a process refusal (``datum_terug``, ...)."""
    bericht: str
    fouten: list[VeldfoutInfo] = []
    """For ``ongeldige_invoer``: every invalid field (as the CLI reports them)."""


class KaderVersieInfo(_Model):
    """One version of a kader: its validity and the fingerprint of its resolved rule tree."""

    versie: str
    geldig_van: date
    geldig_tot: date | None
    vingerafdruk: str
    """The same hash as ``Uitkomst.kader.vingerafdruk`` of an evaluation with this version."""
    bron_titel: str
    bron_adres: str


class KaderSamenvatting(_Model):
    """A registered kader with its versions."""

    id: str
    naam: str
    uitgever: str
    sectoren: list[str]
    beroepsgroepen: list[str]
    breidt_uit: str | None
    distributie: str
    """The Python distribution the kader came from (its entry point)."""
    versies: list[KaderVersieInfo]
    """Oldest first."""


class GebrokenKaderInfo(_Model):
    """A kader that failed to load and is skipped, with the reason."""

    naam: str
    distributie: str
    reden: str


class KaderLijst(_Model):
    """Every registered kader, and the broken ones."""

    kaders: list[KaderSamenvatting]
    gebroken: list[GebrokenKaderInfo]


class RegelBron(BronVerwijzing):
    """The published text a rule implements, and the passage."""


class RegelInfo(_Model):
    """One rule of a resolved kader version, with its source."""

    id: str
    doel: str
    """An afweging, ``melden``, ``hulp``, ``actie`` or ``signalering``."""
    conclusie: str
    voorwaarde: str
    """The condition, printed in Dutch."""
    label: str
    toelichting: str
    kader: str
    """The kader that declares the rule (the extended kader for an inherited rule)."""
    bron: RegelBron


class RegelLijst(_Model):
    """The rules of one kader version (with the rules it inherits), in declaration order."""

    kader: str
    versie: str
    geldig_van: date
    geldig_tot: date | None
    vingerafdruk: str
    basis: str | None
    """``kader:versie`` of the extended kader version, if any."""
    vragen: dict[str, str]
    """The question of each afweging in the kader's own words (a compact outcome leaves its
    ``vraag`` out: it is this one)."""
    regels: list[RegelInfo]


class RegisterBronInfo(_Model):
    """The source that says which kader a beroepsgroep uses."""

    uitgever: str
    titel: str
    adres: str


class BeroepsgroepKeuze(_Model):
    """Which kader a beroepsgroep uses, and why (as ``meldcode kaders --beroepsgroep``)."""

    beroepsgroep: str
    sector: str
    namen: list[str]
    status: Literal["gecodeerd", "bekend_niet_gecodeerd"]
    kader: str | None
    """The kader id; ``null`` when the kader is known but not encoded."""
    kader_naam: str
    waarom: str
    bron: RegisterBronInfo
    reden: str | None
    advies: str | None
    toelichting: str | None


class Gezondheid(_Model):
    """Liveness: the process answers."""

    status: Literal["ok"]


class Gereedheid(_Model):
    """Readiness: the kaders load and the process store answers."""

    status: Literal["gereed", "niet_gereed"]
    kaders: int
    """The number of registered kaders."""
    opslag: Literal["geheugen", "sqlite", "postgresql", "anders"]
    opslag_bereikbaar: bool
