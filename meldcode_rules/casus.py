"""The case model: what a case-management system knows about one casus.

Everything but ``id`` is optional, so a case that carries only the professional's
``antwoorden`` is valid. The models are frozen, reject unknown fields and never
echo input values in their validation errors. They hold no names and no free
text: betrokkenen are known by an opaque id, a role and an age band; signalen by
a vorm, a date and markers from closed vocabularies.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from meldcode_rules.afwegingen import AFWEGINGEN, AfwegingNaam
from meldcode_rules.logica import ONBEKEND, Waarde

__all__ = [
    "Antwoorden",
    "Betrokkene",
    "Casus",
    "GesprekStatus",
    "Herkomst",
    "Hulp",
    "HulpEffect",
    "Kenmerk",
    "Leeftijd",
    "Oudersignaal",
    "RedenGeenGesprek",
    "Rol",
    "Signaal",
    "Stappen",
    "Vorm",
]

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"),
]
"""An opaque identifier chosen by the case-management system (never a name)."""

_DATUM: Final = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _datum(waarde: object) -> date:
    """A calendar date exactly as the JSON Schema says: ``JJJJ-MM-DD`` text (or a ``date``).

    No number (a Unix time), no datetime text, no week date: the CLI and the API are
    no more lenient than the schema.
    """
    if isinstance(waarde, date) and not isinstance(waarde, datetime):
        return waarde
    if isinstance(waarde, str) and _DATUM.match(waarde):
        try:
            return date.fromisoformat(waarde)
        except ValueError:
            pass
    code = "geen_datum"
    raise PydanticCustomError(code, "geen geldige datum (verwacht JJJJ-MM-DD)")


Datum = Annotated[date, BeforeValidator(_datum)]
"""A date as ``JJJJ-MM-DD`` (JSON Schema ``format: date``), strictly."""


def _uniek(waarde: Any) -> Any:  # noqa: ANN401 - checked here, typed by the field
    """A JSON array whose elements are unique (the schema's ``uniqueItems``)."""
    if isinstance(waarde, list | tuple):
        try:
            dubbel = len(set(waarde)) != len(waarde)
        except TypeError:
            return waarde  # unhashable elements: the field's own validation names them
        if dubbel:
            code = "dubbel_element"
            raise PydanticCustomError(code, "een element komt meer dan eens voor in de lijst")
    return waarde


def verwijzingsfout(pad: tuple[str | int, ...], code: str, bericht: str) -> PydanticCustomError:
    """A cross-field error that names the field it concerns (``pad``), never a value."""
    return PydanticCustomError(code, bericht, {"pad": pad, "bericht": bericht})


class Model(BaseModel):
    """Base of every model: frozen, strict about unknown fields, private errors."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
        use_attribute_docstrings=True,
        # Validators and serialisers are built on first use, not on import: a program that
        # imports the library pays for the models it uses, when it uses them.
        defer_build=True,
    )


class Vorm(StrEnum):
    """Vorm van geweld: the forms of huiselijk geweld and kindermishandeling the meldcode covers."""

    LICHAMELIJK_GEWELD = "lichamelijk_geweld"
    PSYCHISCH_GEWELD = "psychisch_geweld"
    SEKSUEEL_GEWELD = "seksueel_geweld"
    VERWAARLOZING = "verwaarlozing"
    GETUIGE_HUISELIJK_GEWELD = "getuige_huiselijk_geweld"
    OUDERENMISHANDELING = "ouderenmishandeling"
    EERGERELATEERD_GEWELD = "eergerelateerd_geweld"
    VROUWELIJKE_GENITALE_VERMINKING = "vrouwelijke_genitale_verminking"
    HUWELIJKSDWANG = "huwelijksdwang"
    MENSENHANDEL = "mensenhandel"


class Kenmerk(StrEnum):
    """Markers of a signaal, each the wording of one published passage.

    The professional records a marker when the passage holds for the signaal, in the
    passage's own conditions. The generic markers follow the question list for acute
    onveiligheid (afwegingskadermeldcode.nl, interventieacademie.nl afwegingsvraag 2)
    and the definition of structurele onveiligheid ("herhaling of het voortduren"); the
    others are the examples of KNMG-meldcode Bijlage 5 (acute) and Bijlage 6
    (structurele onveiligheid). :mod:`meldcode_rules.kenmerken` holds each marker's
    meaning and source, and which kaders read it.
    """

    DIRECT_LEVENSGEVAAR = "direct_levensgevaar"
    """Direct (levens)gevaar."""
    ERNSTIG_LETSEL = "ernstig_letsel"
    """Ernstig letsel toegebracht, of een poging daartoe."""
    ACUTE_DREIGING = "acute_dreiging"
    """Acute dreiging te doden, ernstig te verwonden of van de vrijheid te beroven."""
    VERMINKING_HANDICAP_OF_DOOD = "verminking_handicap_of_dood"
    """Geweld of verwaarlozing dat leidt tot verminking, handicap of dood."""
    BASALE_ZORG_ONTBREEKT = "basale_zorg_ontbreekt"
    """Afwezigheid van de meest basale verzorging (eten, drinken, kleding, onderdak)."""
    ONNODIGE_MEDISCHE_ZORG = "onnodige_medische_zorg"
    """Onnodig toedienen van medicijnen of onnodige (medische) zorg."""
    VERZORGER_MIDDELEN_OF_CRISIS = "verzorger_middelen_of_crisis"
    """Overmatig middelengebruik of acute psychiatrische crisis van een verzorger."""
    ONTHULLING = "onthulling"
    """Disclosure: het slachtoffer vraagt uit zichzelf een professional om hulp of vertelt
    uit zichzelf over het geweld."""
    ONTHULLING_ACUUT_GEVAAR = "onthulling_acuut_gevaar"
    """Het slachtoffer of de ouder/pleger onthult zelf (of vraagt hulp voor) een ernstige vorm
    van kindermishandeling of huiselijk geweld die acuut gevaar kan opleveren (KNMG Bijlage 5)."""
    LETSEL_MEDISCHE_BEHANDELING = "letsel_medische_behandeling"
    """Vermoedelijk toegebracht letsel dat medische behandeling behoeft (KNMG Bijlage 5)."""
    POGING_TOT_VERWURGING = "poging_tot_verwurging"
    """Poging tot verwurging (KNMG Bijlage 5)."""
    WAPENGEBRUIK = "wapengebruik"
    """Gebruik van wapens (KNMG Bijlage 5)."""
    HERHALINGSKANS = "herhalingskans"
    """Reële kans op herhaling van (een vermoeden van) seksueel misbruik, seksueel geweld of
    seksuele exploitatie door iemand uit de huiselijke kring of van wie het slachtoffer
    afhankelijk is (KNMG Bijlage 5); telt alleen bij een signaal van seksueel geweld."""
    FALSIFICATIE = "falsificatie"
    """Kindermishandeling door falsificatie (KNMG Bijlage 5)."""
    VERZORGER_SUICIDAAL = "verzorger_suicidaal"
    """Acute onveiligheid of dreigend wegvallen van zorg voor een minderjarige of
    (zorg)afhankelijke door (dreigende) suïcide, automutilatie, een acuut psychiatrisch beeld
    of intoxicatie van de ouder/verzorger (KNMG Bijlage 5)."""
    GEDWONGEN_VLUCHT = "gedwongen_vlucht"
    """Een noodgedwongen vlucht van huis door (dreiging van) huiselijk geweld en/of
    kindermishandeling (KNMG Bijlage 5)."""
    ZWANGERSCHAP = "zwangerschap"
    """Gebruik van alcohol of drugs door een zwangere vrouw, of huiselijk (fysiek) geweld tegen
    haar, waardoor de gezondheid van de vrouw en/of de ongeborene acuut wordt bedreigd (KNMG
    Bijlage 5). Niet: elke zwangerschap in een casus."""
    OORLOGSGEBIED = "oorlogsgebied"
    """Een kind blootstellen aan oorlogsgeweld door te gaan wonen in een oorlogsgebied of zich
    aan te sluiten bij een groepering die daar strijdt (KNMG Bijlage 5)."""
    VOORTDUREND = "voortdurend"
    """De onveilige situatie of het geweld duurt voort (structurele onveiligheid: 'het
    voortduren'), zoals de professional het vastlegt."""
    HERHAALD = "herhaald"
    """De onveilige situatie of het geweld herhaalt zich (structurele onveiligheid: 'herhaling'),
    zoals de professional het vastlegt. Niet: signalen op meer dan één datum als zodanig."""
    STELSELMATIG_GETUIGE = "stelselmatig_getuige"
    """Een kind is stelselmatig getuige van huiselijk geweld (KNMG Bijlage 6)."""
    ESCALEREND = "escalerend"
    """Psychische en/of fysieke mishandeling door escalerende vormen van langdurige stalking
    (KNMG Bijlage 6); telt daar alleen in partnerrelaties (pleger: partner)."""
    OUDERPROBLEMATIEK = "ouderproblematiek"
    """Een (ongeboren) kind groeit op bij ouders met zo ernstige problematiek dat zijn veiligheid
    bij herhaling en/of voortdurend wordt bedreigd en zijn ontwikkeling structureel wordt
    ingeperkt; of een vergelijkbare situatie van een (zorg)afhankelijke volwassene of oudere
    (KNMG Bijlage 6)."""


class Herkomst(StrEnum):
    """Whether the professional observed the signaal or it was reported to them."""

    WAARGENOMEN = "waargenomen"
    GEMELD = "gemeld"


class Rol(StrEnum):
    """The role of a betrokkene in the casus."""

    KIND = "kind"
    OUDER_VERZORGER = "ouder_verzorger"
    PARTNER = "partner"
    EX_PARTNER = "ex_partner"
    GEZINSLID = "gezinslid"
    CLIENT = "client"
    MANTELZORGER = "mantelzorger"
    MEDEWERKER = "medewerker"
    """A medewerker of the professional's own organisation (school, kinderopvang, ...)."""
    HOUDER = "houder"
    """The houder of a kinderopvang organisation."""
    OVERIG = "overig"


class Leeftijd(StrEnum):
    """Age band of a betrokkene."""

    ONGEBOREN = "ongeboren"
    JONGER_DAN_4 = "0_3"
    VIER_TOT_12 = "4_11"
    TWAALF_TOT_18 = "12_17"
    VOLWASSEN = "18_64"
    OUDERE = "65_plus"


MINDERJARIG = frozenset(
    {Leeftijd.ONGEBOREN, Leeftijd.JONGER_DAN_4, Leeftijd.VIER_TOT_12, Leeftijd.TWAALF_TOT_18}
)


class Oudersignaal(StrEnum):
    """Circumstances of an adult that call for the kindcheck (Huiselijkgeweld.nl, 2018)."""

    PSYCHIATRISCHE_PROBLEMEN = "psychiatrische_problemen"
    SUICIDEPOGING = "suicidepoging"
    VERSLAVING = "verslaving"
    HUISELIJK_GEWELD = "huiselijk_geweld"
    AGRESSIE_OF_WAPENS = "agressie_of_wapens"
    DAKLOOS_OF_VERWAARLOOSD = "dakloos_of_verwaarloosd"
    VERSTANDELIJKE_BEPERKING = "verstandelijke_beperking"
    DETENTIE = "detentie"


class GesprekStatus(StrEnum):
    """Stap 3: whether the gesprek met de betrokkene(n) took place."""

    GEVOERD = "gevoerd"
    NIET_GEVOERD = "niet_gevoerd"


class RedenGeenGesprek(StrEnum):
    """Why stap 3 was skipped: a danger to someone's safety, or an expected break of contact."""

    VEILIGHEID_CLIENT = "veiligheid_client"
    VEILIGHEID_PROFESSIONAL = "veiligheid_professional"
    VEILIGHEID_ANDEREN = "veiligheid_anderen"
    CONTACTBREUK_VERWACHT = "contactbreuk_verwacht"
    """Goede redenen om aan te nemen dat de cliënt door het gesprek het contact verbreekt."""


class HulpEffect(StrEnum):
    """The effect of the hulp so far (afweging 5, answered over time)."""

    NOG_ONBEKEND = "nog_onbekend"
    VEILIGHEID_HERSTELD = "veiligheid_hersteld"
    GEEN_VERBETERING = "geen_verbetering"
    ONVEILIGHEID_HERHAALT = "onveiligheid_herhaalt"


class Betrokkene(Model):
    """A person involved in the casus, known only by an opaque id, a role and an age band."""

    id: Id
    """Opaque id, unique within the casus; signalen refer to it."""
    rol: Rol
    """Role in the casus."""
    leeftijd: Leeftijd | None = None
    """Age band, if known."""
    zorgafhankelijk: StrictBool = False
    """Whether this person depends on others for care (child or (older) adult)."""
    oudersignalen: Annotated[frozenset[Oudersignaal], BeforeValidator(_uniek)] = frozenset()
    """Circumstances of an adult that call for the kindcheck."""
    zorgt_voor_minderjarigen: Waarde | None = None
    """Kindcheck: does this adult care for minor children (or is pregnant)?"""


class Signaal(Model):
    """One signaal of (possible) huiselijk geweld or kindermishandeling."""

    vorm: Vorm
    """The vorm of geweld the signaal points to."""
    datum: Datum | None = None
    """The date of the signaal; signalen after the peildatum are not counted."""
    over: Id | None = None
    """The betrokkene the signaal is about (the possible slachtoffer)."""
    door: Id | None = None
    """The betrokkene suspected of the geweld, if any."""
    herkomst: Herkomst = Herkomst.WAARGENOMEN
    """Observed by the professional, or reported to them."""
    kenmerken: Annotated[frozenset[Kenmerk], BeforeValidator(_uniek)] = frozenset()
    """Severity markers from the closed vocabulary."""


class Stappen(Model):
    """The meldcode steps taken so far (stap 2 and 3)."""

    collegiaal_overleg: Waarde | None = None
    """Stap 2: overleg met een collega of de aandachtsfunctionaris."""
    veilig_thuis_geraadpleegd: Waarde | None = None
    """Stap 2: Veilig Thuis om advies gevraagd."""
    gesprek: GesprekStatus | None = None
    """Stap 3: gesprek met de betrokkene(n) gevoerd or not."""
    reden_geen_gesprek: RedenGeenGesprek | None = None
    """Why the gesprek was not held (only a danger to safety justifies skipping it)."""


class Hulp(Model):
    """Facts about hulp, offered or organised by the professional."""

    binnen_competentie: Waarde | None = None
    """Does the needed hulp lie within the professional's competenties,
    verantwoordelijkheden and professionele grenzen?"""
    aangeboden: Waarde | None = None
    """Has hulp been offered or organised?"""
    aanvaard: Waarde | None = None
    """Do the betrokkenen accept the hulp?"""
    inzet: Waarde | None = None
    """Are the betrokkenen willing (bereid) to commit themselves to the hulp?"""
    in_staat: Waarde | None = None
    """Are the betrokkenen able (in staat) to commit themselves to it (KNMG: bereid én in
    staat)?"""
    effect: HulpEffect | None = None
    """The effect of the hulp so far."""


class Antwoorden(Model):
    """The professional's own answers to the six afwegingen; missing means ``onbekend``."""

    vermoeden: Waarde = ONBEKEND
    """Afweging 1: is er een vermoeden van huiselijk geweld of kindermishandeling?"""
    acute_onveiligheid: Waarde = ONBEKEND
    """Afweging 2: is er acute onveiligheid?"""
    structurele_onveiligheid: Waarde = ONBEKEND
    """Afweging 2: is er structurele onveiligheid?"""
    passende_hulp: Waarde = ONBEKEND
    """Afweging 3: kan de professional passende (effectieve) hulp bieden of organiseren?"""
    medewerking: Waarde = ONBEKEND
    """Afweging 4: aanvaarden de betrokkenen de hulp en zetten zij zich in?"""
    duurzame_veiligheid: Waarde = ONBEKEND
    """Afweging 5: leidt de hulp tot duurzame veiligheid?"""
    twijfel: Annotated[frozenset[AfwegingNaam], BeforeValidator(_uniek)] = frozenset()
    """The afwegingen the professional explicitly doubts ("twijfel"), as a judgement: not the
    same as not yet answered. Their answer stays ``onbekend``; a kader may attach its own
    consequence to doubt (the onderwijs kader: "JA of twijfel: melden"), and every kader
    advises to consult Veilig Thuis."""

    @model_validator(mode="after")
    def _twijfel_zonder_antwoord(self) -> Antwoorden:
        """Doubt is its own answer: an afweging in ``twijfel`` has no ja/nee answer too."""
        for naam in AFWEGINGEN:
            if naam in self.twijfel and getattr(self, naam) is not ONBEKEND:
                raise verwijzingsfout(
                    (naam,), "twijfel_met_antwoord", "twijfel en een antwoord (ja of nee) samen"
                )
        return self


class Casus(Model):
    """One casus as a case-management system knows it. Only ``id`` is required."""

    id: Id
    """Opaque id of the casus, chosen by the case-management system."""
    betrokkenen: tuple[Betrokkene, ...] | None = None
    """The betrokkenen (no names): role, age band, kindcheck facts."""
    signalen: tuple[Signaal, ...] | None = Field(default=None, max_length=1_000_000)
    """The signalen gathered in stap 1; absent means not supplied."""
    stappen: Stappen | None = None
    """The steps taken so far."""
    hulp: Hulp | None = None
    """Facts about hulp."""
    antwoorden: Antwoorden = Antwoorden()
    """The professional's own answers to the six afwegingen."""

    @model_validator(mode="after")
    def _verwijzingen(self) -> Casus:
        """Betrokkene ids are unique, and signalen refer only to known betrokkenen."""
        if self.betrokkenen is None:
            return self
        ids: set[str] = set()
        for nummer, betrokkene in enumerate(self.betrokkenen):
            if betrokkene.id in ids:
                pad = ("betrokkenen", nummer, "id")
                raise verwijzingsfout(pad, "dubbele_id", "een id komt meer dan eens voor")
            ids.add(betrokkene.id)
        for nummer, signaal in enumerate(self.signalen or ()):
            for veld in ("over", "door"):
                verwijzing = getattr(signaal, veld)
                if verwijzing is not None and verwijzing not in ids:
                    raise verwijzingsfout(
                        ("signalen", nummer, veld),
                        "onbekende_betrokkene",
                        "verwijst naar een onbekende betrokkene",
                    )
        return self
