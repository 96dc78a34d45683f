"""The models of the process: events, termijnen, the stored state and the overview.

Everything here is a frozen pydantic model, so a state can be stored as JSON and read
back equal (the stores rely on that), and every error names fields, never values.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Final, Literal

from pydantic import Field, model_validator

from meldcode_rules.casus import Datum, Id, Model, RedenGeenGesprek, verwijzingsfout

__all__ = [
    "Afsluiting",
    "Gebeurtenis",
    "Gebrek",
    "Overschrijding",
    "Overzicht",
    "ProcesStaat",
    "Soort",
    "Stap",
    "Termijnen",
]


class Soort(StrEnum):
    """The kinds of event a case-management system reports, in the order of the steps."""

    SIGNAAL_VASTGELEGD = "signaal_vastgelegd"
    """Stap 1: a signaal is recorded (the first one starts the process, or a new ronde)."""
    COLLEGA_GERAADPLEEGD = "collega_geraadpleegd"
    """Stap 2: a collega or the aandachtsfunctionaris is consulted."""
    VEILIG_THUIS_GERAADPLEEGD = "veilig_thuis_geraadpleegd"
    """Stap 2: Veilig Thuis is asked for advice."""
    GESPREK_GEVOERD = "gesprek_gevoerd"
    """Stap 3: the gesprek met de betrokkene(n) took place."""
    GESPREK_NIET_GEVOERD = "gesprek_niet_gevoerd"
    """Stap 3: the gesprek is skipped; ``reden`` (a danger to safety) is required."""
    AFWEGING_VASTGELEGD = "afweging_vastgelegd"
    """Stap 4: the weighing (afwegingskader) is recorded."""
    BESLUIT_GENOMEN = "besluit_genomen"
    """Stap 5: the decisions are taken; ``melden`` (ja/nee) is required."""
    MELDING_GEDAAN = "melding_gedaan"
    """A melding bij Veilig Thuis is made."""
    HULP_GESTART = "hulp_gestart"
    """Hulp is offered or organised."""
    MONITORING = "monitoring"
    """The situation is followed up (after a melding or hulp)."""
    EVALUATIE = "evaluatie"
    """The effect of the hulp is evaluated (afweging 5, answered over time)."""
    AFGESLOTEN = "afgesloten"
    """The meldcode is closed for this ronde (it can be restarted by a new signaal)."""


class Stap(StrEnum):
    """Where a casus stands: the furthest step reached in the current ronde."""

    STAP_1 = "stap_1_signalen"
    STAP_2 = "stap_2_overleg"
    STAP_3 = "stap_3_gesprek"
    STAP_4 = "stap_4_wegen"
    STAP_5 = "stap_5_beslissen"
    VERVOLG = "vervolg"
    """After the decisions: melding, hulp, monitoring, evaluatie."""
    AFGESLOTEN = "afgesloten"


class Gebeurtenis(Model):
    """One event from the host system, with its date.

    Rules across fields (also in the JSON Schema, as if/then): ``reden`` with
    ``gesprek_niet_gevoerd`` only, and required there; ``melden`` with
    ``besluit_genomen`` only, and required there; ``hulp`` with ``besluit_genomen`` only.
    """

    casus_id: Id
    soort: Soort
    datum: Datum
    id: Id | None = None
    """Optional id of the event, unique per casus (the host system's own key). An event
    whose id the casus has already seen is skipped, so a stream can be replayed after a
    crash without applying anything twice."""
    reden: RedenGeenGesprek | None = None
    """For ``gesprek_niet_gevoerd`` only (and required there)."""
    melden: Literal["ja", "nee"] | None = None
    """For ``besluit_genomen`` only (and required there): is melden noodzakelijk?"""
    hulp: Literal["ja", "nee", "met_veilig_thuis"] | None = None
    """For ``besluit_genomen`` only (optional): is zelf hulp bieden of organiseren mogelijk?"""

    @model_validator(mode="after")
    def _velden_passen(self) -> Gebeurtenis:
        code = "combinatie_ongeldig"
        if (self.reden is None) == (self.soort is Soort.GESPREK_NIET_GEVOERD):
            msg = (
                "verplicht bij gesprek_niet_gevoerd (alleen een gevaar voor de "
                "veiligheid rechtvaardigt het overslaan) en hoort bij geen andere gebeurtenis"
            )
            raise verwijzingsfout(("reden",), code, msg)
        if (self.melden is None) == (self.soort is Soort.BESLUIT_GENOMEN):
            msg = "verplicht bij besluit_genomen en hoort bij geen andere gebeurtenis"
            raise verwijzingsfout(("melden",), code, msg)
        if self.hulp is not None and self.soort is not Soort.BESLUIT_GENOMEN:
            msg = "hoort alleen bij besluit_genomen"
            raise verwijzingsfout(("hulp",), code, msg)
        return self


MAX_TERMIJN: Final = 36_500
"""The longest termijn, in days (100 years): longer is an input error, never an overflow."""


class Termijnen(Model):
    """Termijnen in days, set by the organisation; ``None`` (the default) means no termijn.

    No published meldcode source sets termijnen for the professional's steps (the 5 days
    of the veiligheidsbeoordeling bind Veilig Thuis, not the professional), so the
    library sets none: an organisation configures its own protocol's termijnen here.
    """

    overleg: int | None = Field(default=None, ge=0, le=MAX_TERMIJN, strict=True)
    """Days from the first signaal of the ronde to the first collegiaal overleg."""
    gesprek: int | None = Field(default=None, ge=0, le=MAX_TERMIJN, strict=True)
    """Days from the first signaal to the gesprek (held, or skipped with a reason)."""
    afweging: int | None = Field(default=None, ge=0, le=MAX_TERMIJN, strict=True)
    """Days from the first signaal to the recorded afweging."""
    besluit: int | None = Field(default=None, ge=0, le=MAX_TERMIJN, strict=True)
    """Days from the first signaal to the besluit."""
    melding: int | None = Field(default=None, ge=0, le=MAX_TERMIJN, strict=True)
    """Days from a besluit to melden to the melding."""
    evaluatie: int | None = Field(default=None, ge=0, le=MAX_TERMIJN, strict=True)
    """Days from the start of hulp (or the last monitoring or evaluatie) to the next one."""
    afsluiten: int | None = Field(default=None, ge=0, le=MAX_TERMIJN, strict=True)
    """Days from the first signaal of the ronde to its closure."""


class Afsluiting(Model):
    """Whether a ronde was closed correctly, and what was missing if not."""

    datum: date
    correct: bool
    gebreken: tuple[str, ...] = ()
    """Codes of what was missing or late at closure (see :class:`Gebrek`)."""


class ProcesStaat(Model):
    """The stored state of one casus: everything the overview and the next event need."""

    casus_id: Id
    versie: int = 0
    """The number of events accepted so far."""
    ronde: int = 1
    stap: Stap = Stap.STAP_1
    laatste_datum: date | None = None
    eerste_signaal: date | None = None
    signalen: int = 0
    collega: date | None = None
    veilig_thuis: date | None = None
    gesprek: Literal["gevoerd", "niet_gevoerd"] | None = None
    gesprek_datum: date | None = None
    reden_geen_gesprek: RedenGeenGesprek | None = None
    afweging: date | None = None
    besluit: date | None = None
    besluit_melden: Literal["ja", "nee"] | None = None
    besluit_hulp: Literal["ja", "nee", "met_veilig_thuis"] | None = None
    besluit_zonder_afweging: bool = False
    """The last besluit was taken while no afweging was recorded in this ronde."""
    melding: date | None = None
    hulp: date | None = None
    opvolging: date | None = None
    """The last monitoring or evaluatie."""
    evaluatie_na_hulp: bool = False
    afgesloten: date | None = None
    afsluitingen: tuple[Afsluiting, ...] = ()
    """One per closed ronde, oldest first."""
    gebeurtenissen: tuple[str, ...] = ()
    """The ids of the events applied so far (those that had one), over all rondes."""


class Gebrek(Model):
    """Something a step still lacks."""

    stap: Stap
    code: str
    omschrijving: str


class Overschrijding(Model):
    """A termijn that has passed on the peildatum without the step being done."""

    termijn: str
    sinds: date
    """The day the termijn ended."""
    dagen_te_laat: int


class Overzicht(Model):
    """What the process says about one casus on a peildatum."""

    casus_id: Id
    peildatum: date
    ronde: int
    stap: Stap
    ontbreekt: tuple[Gebrek, ...]
    te_laat: tuple[Overschrijding, ...]
    afsluiting: Afsluiting | None
    """For a closed ronde: whether it was closed correctly."""
    staat: ProcesStaat
