"""The named properties every kader must keep, with their Dutch explanation and legal ground.

Each :class:`Invariant` names one property, explains it in one Dutch paragraph (for
aandachtsfunctionarissen and beroepsgroepen reading a check report or a kader page),
and names its legal ground (:class:`Grondslag`). :data:`INVARIANTEN` holds the eight
properties of the law; :data:`STRUCTUUR` the three properties of a well-formed kader
(complete, every rule reachable, no contradictions) that :mod:`meldcode_rules.analysis`
proves alongside them.

The invariants are proved exhaustively over the finite answer space by
:func:`meldcode_rules.analysis.analyseer`; the checks in this module are their
*per-casus* form, used with hypothesis for what is not finite (signalen over time)::

    from hypothesis import given
    from meldcode_rules import load_kader
    from meldcode_rules.testing import casussen, schendingen

    effectief = load_kader("basis", date(2024, 6, 1))

    @given(casussen(kader="basis", peildatum=date(2024, 6, 1)))
    def test_basis(casus):
        assert not schendingen(effectief, casus, date(2024, 6, 1))
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Final, Literal

from meldcode_rules.engine import BESCHERMING, GecompileerdeVersie, compileer
from meldcode_rules.logica import JA, NEE, ONBEKEND
from meldcode_rules.regels import AFWEGINGEN, HULP, MELDEN

if TYPE_CHECKING:
    from collections.abc import Iterator

    from meldcode_rules.casus import Casus, Hulp, Signaal, Stappen
    from meldcode_rules.registry import ResolvedKader
    from meldcode_rules.uitkomst import Uitkomst

__all__ = [
    "INVARIANTEN",
    "MELDNORM_VANAF",
    "STRUCTUUR",
    "Grondslag",
    "Invariant",
    "Schending",
    "geldt_na_2019",
    "hulpvoorwaarden",
    "invariant",
    "schendingen",
]

MELDNORM_VANAF: Final = date(2019, 1, 1)
"""The verbeterde meldcode (Stb. 2017, 291) applies from this date."""


@dataclass(frozen=True, slots=True)
class Grondslag:
    """The legal ground of an invariant: the rule of law or of the kader, and where it is."""

    tekst: str
    """What the source says, quoted or closely paraphrased, in Dutch."""
    adres: str
    """Where the source can be read."""


@dataclass(frozen=True, slots=True)
class Invariant:
    """A named property of a kader version."""

    naam: str
    """snake_case id, used in reports, the CLI and the docs."""
    titel: str
    """One Dutch line: what must hold."""
    uitleg: str
    """One Dutch paragraph: what the property means and why it matters."""
    grondslag: Grondslag
    soort: Literal["wet", "structuur"] = "wet"
    """``wet``: a property the law asks; ``structuur``: a property of a well-formed kader."""


_RIJKSOVERHEID = "https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/inhoud/meldcode"
_NJI = "https://www.nji.nl/kindermishandeling/afwegingskader-meldcode"
_BASISDOCUMENT = (
    "https://www.huiselijkgeweld.nl/publicaties/publicaties/2018/05/08/"
    "het-afwegingskader-in-de-meldcode-huiselijk-geweld-en-kindermishandeling"
)
_MOVISIE = "https://www.movisie.nl/publicatie/meldcode-dossiervorming"
_STAPPENPLAN_2013 = "https://www.veiligthuisnhn.nl/professionals/meldcode/stappenplan.aspx"

MELDNORM: Final = Invariant(
    naam="meldnorm",
    titel="Bij een vermoeden en acute of structurele onveiligheid is melden noodzakelijk.",
    uitleg="Sinds de verbeterde meldcode (1 januari 2019) is melden bij Veilig Thuis de "
    "professionele norm zodra er een vermoeden is en er sprake is van acute of structurele "
    "onveiligheid. Het kader mag in die situatie geen andere uitkomst geven dan 'melden: ja' — "
    "niet 'nee' en ook niet 'onbepaald'. Voor versies die alleen vóór 2019 gelden, was melden "
    "nog een keuze; daar geldt deze invariant niet.",
    grondslag=Grondslag(
        "Besluit verplichte meldcode, gewijzigd bij Besluit van 23 juni 2017 (Stb. 2017, 291), "
        "van kracht op 1 januari 2019: 'Melden is noodzakelijk als er sprake is van acute of "
        "structurele onveiligheid' (meldnorm 1 van het Basisdocument afwegingskader).",
        _RIJKSOVERHEID,
    ),
)
HULPVOORWAARDEN: Final = Invariant(
    naam="hulpvoorwaarden",
    titel="Zelf hulp is alleen mogelijk als alle hulpvoorwaarden gelden; ontbreekt er één, "
    "dan is melden noodzakelijk.",
    uitleg="Zelf hulp bieden of organiseren kan alleen als de professional passende hulp kan "
    "bieden, de betrokkenen meewerken en de hulp tot duurzame veiligheid leidt. Is bij een "
    "vermoeden één van die voorwaarden 'nee', dan moet het kader 'melden: ja' geven, en het "
    "mag 'hulp: ja' alleen geven als alle voorwaarden 'ja' zijn. Vóór 2019 waren de "
    "voorwaarden: de professional kan zelf hulp organiseren, en die hulp doet het geweld "
    "stoppen (medewerking was geen aparte voorwaarde).",
    grondslag=Grondslag(
        "Basisdocument afwegingskader (VWS, 2018), afwegingen 3 tot en met 5 en meldnormen 2 en "
        "3: 'Hulp verlenen is mogelijk als de professional passende hulp kan bieden, de "
        "betrokkenen meewerken en de hulp leidt tot duurzame veiligheid. Indien hulp verlenen op "
        "basis van één van deze punten niet mogelijk is, is melden bij Veilig Thuis "
        "noodzakelijk.' Vóór 2019: stap 5 'hulp organiseren of melden'.",
        _BASISDOCUMENT,
    ),
)
GEEN_VERMOEDEN: Final = Invariant(
    naam="geen_vermoeden_geen_melding",
    titel="Zonder vermoeden wordt niet gemeld.",
    uitleg="Is er (na de stappen 1 tot en met 4) geen vermoeden van huiselijk geweld of "
    "kindermishandeling, dan wordt de meldcode afgesloten en vastgelegd. Het kader mag dan "
    "geen melding voorschrijven: 'melden' is 'nee'. Een kader dat het vermoeden zelf afleidt "
    "uit signalen mag dat doen; de invariant gaat over de afweging zoals die uiteindelijk telt.",
    grondslag=Grondslag(
        "Afwegingskader, afweging 1: 'Heb ik op basis van de stappen 1 tot en met 4 van de "
        "meldcode een vermoeden van (dreiging van) huiselijk geweld en/of kindermishandeling? "
        "Nee: afsluiten en vastleggen in dossier.'",
        _NJI,
    ),
)
ONBEKEND_NOOIT_NEE: Final = Invariant(
    naam="onbekend_nooit_nee",
    titel="Onbekend wordt nooit stilzwijgend nee.",
    uitleg="Als een antwoord of feit onbekend is en het kader toch een beslissing geeft, dan mag "
    "die beslissing voor geen enkele invulling van dat onbekende gegeven minder beschermend "
    "zijn dan wat die invulling zou geven. Hangt de beslissing ervan af, dan is zij "
    "'onbepaald', met het advies Veilig Thuis te raadplegen — of, als het kader dat bij twijfel "
    "voorschrijft ('ja of twijfel: melden'), de beschermende kant. Zo kan een ontbrekend "
    "gegeven nooit ongemerkt tot 'niet melden' of 'zelf hulp is mogelijk' leiden.",
    grondslag=Grondslag(
        "Meldcode stap 4: 'En bij twijfel altijd Veilig Thuis raadplegen.' De weging ligt bij de "
        "professional; een kader mag een open vraag niet voor hem beantwoorden.",
        _RIJKSOVERHEID,
    ),
)
MONOTOON: Final = Invariant(
    naam="monotoon_naar_veiligheid",
    titel="Meer signalen of een ontbrekende hulpvoorwaarde maken de beslissing nooit minder "
    "beschermend.",
    uitleg="Een extra signaal, of een hulpvoorwaarde die 'nee' wordt, mag een melding nooit "
    "wegnemen: als het kader 'melden: ja' gaf, blijft dat zo. Algemener: elke afweging die een "
    "stap beschermender wordt (bijvoorbeeld acute onveiligheid van 'nee' naar 'onbekend' of "
    "'ja', passende hulp van 'ja' naar 'nee') maakt 'melden' nooit minder beschermend in de "
    "volgorde ja, onbepaald, nee.",
    grondslag=Grondslag(
        "Meldnormen 1 tot en met 3 (Basisdocument afwegingskader): elke grond om te melden staat "
        "op zichzelf — acute of structurele onveiligheid, geen passende hulp, geen medewerking, "
        "geen duurzame veiligheid. Een nieuw gegeven kan een grond toevoegen, nooit wegnemen.",
        _BASISDOCUMENT,
    ),
)
DETERMINISME: Final = Invariant(
    naam="determinisme",
    titel="Dezelfde casus geeft altijd dezelfde uitkomst.",
    uitleg="Dezelfde feiten en antwoorden op dezelfde peildatum geven steeds precies dezelfde "
    "uitkomst, ongeacht hoe vaak of in welke volgorde de signalen worden aangeleverd. Alleen zo "
    "kan een professional of toezichthouder achteraf nagaan waarom een beslissing is genomen.",
    grondslag=Grondslag(
        "Vastleggen: elke stap en elke beslissing van de meldcode wordt in het dossier vastgelegd "
        "en moet achteraf te verantwoorden zijn (Movisie, Factsheet Meldcode en dossiervorming).",
        _MOVISIE,
    ),
)
BRON: Final = Invariant(
    naam="elke_conclusie_een_bron",
    titel="Elke conclusie noemt de regel en de bronpassage waarop zij rust.",
    uitleg="Elke regel van het kader noemt de uitgever, de titel, het adres en de passage van "
    "de tekst die hij uitvoert, en elke beslissing die het kader neemt wijst de regels aan die "
    "haar gaven. Een auditor kan zo bij elke uitkomst zien welke regel van welke kaderversie "
    "haar gaf, en waarom.",
    grondslag=Grondslag(
        "De professional moet kunnen verantwoorden op grond waarvan hij handelde; stappen en "
        "beslissingen worden met hun motivering vastgelegd (Movisie, Factsheet Meldcode en "
        "dossiervorming). Een conclusie zonder bron is niet te verantwoorden.",
        _MOVISIE,
    ),
)
NOOIT_ZWAKKER: Final = Invariant(
    naam="nooit_zwakker_dan_basis",
    titel="Een uitbreiding is nooit minder beschermend dan het kader dat zij uitbreidt.",
    uitleg="Een sectorkader of de eigen meldcode van een organisatie mag regels toevoegen en "
    "aanscherpen, maar nooit onder het kader zakken waarop het voortbouwt: bij geen enkele "
    "combinatie van antwoorden en feiten mag een afweging of beslissing minder beschermend "
    "uitvallen dan in het uitgebreide kader (bijvoorbeeld 'nee' waar de basis 'ja' of "
    "'onbepaald' geeft, of een hogere drempel voor onveiligheid).",
    grondslag=Grondslag(
        "Wet verplichte meldcode huiselijk geweld en kindermishandeling (2013) en het Besluit "
        "verplichte meldcode (Stb. 2013, 324; Stb. 2017, 291): het Besluit bepaalt de "
        "minimuminhoud van elke meldcode, inclusief het afwegingskader. Een eigen meldcode mag "
        "meer vragen, niet minder.",
        _RIJKSOVERHEID,
    ),
)

VOLLEDIG: Final = Invariant(
    naam="volledigheid",
    titel="Bij bekende antwoorden geeft het kader altijd beide beslissingen.",
    uitleg="Stap 5 kent twee beslissingen: is melden noodzakelijk, en is zelf hulp bieden of "
    "organiseren (ook) mogelijk. Zijn alle afwegingen en de feiten waar de beslisregels naar "
    "kijken bekend, dan moet het kader beide beslissingen nemen; 'onbepaald' is alleen "
    "toegestaan als er iets onbekend is.",
    grondslag=Grondslag(
        "Basisdocument afwegingskader: het afwegingskader ondersteunt stap 4 en 5 met twee "
        "beslissingen (beslissing 1: is melden noodzakelijk; beslissing 2: is zelf hulp bieden "
        "of organiseren (ook) mogelijk).",
        _BASISDOCUMENT,
    ),
    soort="structuur",
)
BEREIKBAAR: Final = Invariant(
    naam="bereikbaarheid",
    titel="Elke regel kan gelden.",
    uitleg="Elke regel voert een passage van een bron uit. Een regel waarvan de voorwaarde bij "
    "geen enkele invoer waar kan zijn, telt nooit mee: de bron staat dan wel in het kader, maar "
    "wordt niet uitgevoerd. Dat is bijna altijd een schrijffout (een omgekeerde voorwaarde, een "
    "onhaalbare drempel).",
    grondslag=Grondslag(
        "Elke regel van een kader voert een passage van de gepubliceerde tekst uit; een regel "
        "die nooit geldt, voert haar niet uit.",
        _BASISDOCUMENT,
    ),
    soort="structuur",
)
CONSISTENT: Final = Invariant(
    naam="tegenstrijdigheid",
    titel="Geen twee regels concluderen iets anders voor dezelfde invoer.",
    uitleg="Twee regels over dezelfde afweging of beslissing mogen bij dezelfde invoer niet "
    "allebei gelden met een verschillende conclusie (bijvoorbeeld 'melden: ja' en 'melden: "
    "nee'). De rekenregels kiezen dan wel de meest beschermende waarde, maar het kader zelf is "
    "dan onduidelijk en moet worden hersteld.",
    grondslag=Grondslag(
        "Het afwegingskader leidt bij elke combinatie van antwoorden tot één route door de "
        "afwegingen 1 tot en met 5.",
        _NJI,
    ),
    soort="structuur",
)

INVARIANTEN: Final[tuple[Invariant, ...]] = (
    MELDNORM,
    HULPVOORWAARDEN,
    GEEN_VERMOEDEN,
    ONBEKEND_NOOIT_NEE,
    MONOTOON,
    DETERMINISME,
    BRON,
    NOOIT_ZWAKKER,
)
"""The properties the law asks of every kader version."""

STRUCTUUR: Final[tuple[Invariant, ...]] = (VOLLEDIG, BEREIKBAAR, CONSISTENT)
"""The properties of a well-formed kader."""

_ALLE: Final = {i.naam: i for i in (*INVARIANTEN, *STRUCTUUR)}


def invariant(naam: str) -> Invariant:
    """The invariant (or structural property) with this name.

    Raises:
        KeyError: no property has this name.
    """
    return _ALLE[naam]


def hulpvoorwaarden(effectief: ResolvedKader) -> tuple[str, ...]:
    """The hulp conditions that hold for a version: three from 2019, two before.

    A version that holds on any day from 1 January 2019 gets the three conditions of the
    verbeterde meldcode (passende hulp, medewerking, duurzame veiligheid); a version that
    ends before that date gets the two of the earlier stap 5.
    """
    if geldt_na_2019(effectief):
        return ("passende_hulp", "medewerking", "duurzame_veiligheid")
    return ("passende_hulp", "duurzame_veiligheid")


def geldt_na_2019(effectief: ResolvedKader) -> bool:
    """Whether the version holds on some day from 1 January 2019 (the verbeterde meldcode)."""
    tot = effectief.versie.geldig_tot
    return tot is None or tot >= MELDNORM_VANAF


# -- per-casus checks ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Schending:
    """One violated invariant on one casus: what was expected, what came out."""

    invariant: Invariant
    verwacht: str
    """The expected decision, in Dutch (``melden = ja``)."""
    werkelijk: str
    """The actual decision, in Dutch."""
    toelichting: str
    """What was changed or compared, in Dutch (never an input value)."""


def _rang(doel: str, waarde: str) -> int:
    """Position in the protective order: lower is more protective."""
    return BESCHERMING[doel].index(waarde)


def _evalueer(motor: GecompileerdeVersie, casus: Casus, peildatum: date) -> Uitkomst:
    return motor.evalueer(casus, peildatum)


def _determinisme(
    effectief: ResolvedKader, casus: Casus, peildatum: date, uit: Uitkomst
) -> Iterator[Schending]:
    nog_eens = _evalueer(compileer(effectief), casus, peildatum)
    vers = _evalueer(GecompileerdeVersie(effectief), casus, peildatum)
    gedraaid = casus
    if casus.signalen:
        volgorde = list(casus.signalen)
        random.Random(len(volgorde)).shuffle(volgorde)  # noqa: S311 - a fixed permutation
        gedraaid = casus.model_copy(update={"signalen": tuple(reversed(volgorde))})
    anders = _evalueer(compileer(effectief), gedraaid, peildatum)
    for naam, andere in (
        ("nogmaals evalueren", nog_eens),
        ("opnieuw compileren", vers),
        ("signalen in andere volgorde", anders),
    ):
        if andere != uit:
            yield Schending(
                DETERMINISME,
                f"melden = {uit.melden}, hulp = {uit.hulp} (en dezelfde afwegingen)",
                f"melden = {andere.melden}, hulp = {andere.hulp} na {naam}",
                f"dezelfde casus gaf een andere uitkomst na {naam}",
            )
            return


def _bronnen(uit: Uitkomst) -> Iterator[Schending]:
    for doel, beslissing in uit.beslissingen.items():
        if beslissing.waarde != "onbepaald" and not beslissing.spoor:
            yield Schending(
                BRON,
                f"{doel} = {beslissing.waarde} met de regel die dat gaf",
                f"{doel} = {beslissing.waarde} zonder regel",
                "een beslissing zonder spoor",
            )
    sporen = [s for a in uit.afwegingen.values() for s in a.spoor]
    sporen += [s for b in uit.beslissingen.values() for s in b.spoor]
    bronnen = [s.bron for s in sporen] + [a.bron for a in uit.acties]
    for bron in bronnen:
        if not (bron.uitgever and bron.titel and bron.adres and bron.passage):
            yield Schending(
                BRON,
                "een volledige bron (uitgever, titel, adres, passage)",
                "een onvolledige bron",
                "een conclusie wijst naar een onvolledige bron",
            )
            return


def _monotoon(
    effectief: ResolvedKader, casus: Casus, peildatum: date, uit: Uitkomst, extra: Signaal | None
) -> Iterator[Schending]:
    motor = compileer(effectief)
    varianten: list[tuple[str, Casus]] = []
    if extra is not None:
        signalen = (*(casus.signalen or ()), extra)
        varianten.append(("een signaal extra", casus.model_copy(update={"signalen": signalen})))
    for naam in hulpvoorwaarden(effectief):
        if getattr(casus.antwoorden, naam) is not NEE:
            antwoorden = casus.antwoorden.model_copy(update={naam: NEE})
            varianten.append(
                (f"{naam} wordt nee", casus.model_copy(update={"antwoorden": antwoorden}))
            )
    for wat, variant in varianten:
        na = _evalueer(motor, variant, peildatum)
        if _rang(MELDEN, na.melden) > _rang(MELDEN, uit.melden):
            yield Schending(
                MONOTOON,
                f"melden blijft {uit.melden} (of wordt beschermender)",
                f"melden = {na.melden}",
                f"na de wijziging '{wat}'",
            )
            return


def _onbekende_invoer(casus: Casus) -> Iterator[tuple[str, Casus, Casus]]:
    """Every onbekend input with its two resolutions (ja, nee)."""
    for naam in AFWEGINGEN:
        if getattr(casus.antwoorden, naam) is ONBEKEND:
            ja, nee = (casus.antwoorden.model_copy(update={naam: w}) for w in (JA, NEE))
            yield (
                f"antwoord {naam}",
                casus.model_copy(update={"antwoorden": ja}),
                casus.model_copy(update={"antwoorden": nee}),
            )
    for deel, model in (("stappen", casus.stappen), ("hulp", casus.hulp)):
        if model is None:
            continue
        for veld in type(model).model_fields:
            if getattr(model, veld) is ONBEKEND:
                paar = []
                for w in (JA, NEE):
                    nieuw: Stappen | Hulp = model.model_copy(update={veld: w})
                    paar.append(casus.model_copy(update={deel: nieuw}))
                yield f"{deel}.{veld}", paar[0], paar[1]


def _onbekend(
    effectief: ResolvedKader, casus: Casus, peildatum: date, uit: Uitkomst
) -> Iterator[Schending]:
    motor = compileer(effectief)
    for wat, als_ja, als_nee in _onbekende_invoer(casus):
        for doel, waarde in ((MELDEN, uit.melden), (HULP, uit.hulp)):
            if waarde == "onbepaald":
                continue
            for invulling, variant in (("ja", als_ja), ("nee", als_nee)):
                ander = getattr(_evalueer(motor, variant, peildatum), doel)
                if _rang(doel, waarde) > _rang(doel, ander):
                    yield Schending(
                        ONBEKEND_NOOIT_NEE,
                        f"{doel} = onbepaald (de beslissing hangt af van {wat})",
                        f"{doel} = {waarde}, maar {ander} als {wat} {invulling} is",
                        f"{wat} is onbekend",
                    )
                    return


def schendingen(
    effectief: ResolvedKader,
    casus: Casus,
    peildatum: date,
    extra_signaal: Signaal | None = None,
) -> list[Schending]:
    """Check the per-casus invariants on one casus.

    Checks determinism (again, recompiled, signalen reordered), that every conclusion
    carries a source, monotonicity towards safety (``extra_signaal`` added, each hulp
    condition turned ``nee``) and that an ``onbekend`` answer or fact never silently
    decides (each resolved to ``ja`` and ``nee``).

    Args:
        effectief: the resolved kader version to check.
        casus: a valid casus (for example drawn from :func:`~meldcode_rules.testing.casussen`).
        peildatum: the date up to which signalen count.
        extra_signaal: a signaal to add for the monotonicity check (none: skipped).

    Returns:
        The violations found, at most one per invariant; empty when all hold.
    """
    uit = _evalueer(compileer(effectief), casus, peildatum)
    gevonden: list[Schending] = []
    for controle in (
        _determinisme(effectief, casus, peildatum, uit),
        _bronnen(uit),
        _monotoon(effectief, casus, peildatum, uit, extra_signaal),
        _onbekend(effectief, casus, peildatum, uit),
    ):
        gevonden.extend(controle)
    return gevonden
