"""The named properties every kader must keep, with their Dutch explanation and legal ground.

Each :class:`Invariant` names one property, explains it in one Dutch paragraph (for
aandachtsfunctionarissen and beroepsgroepen reading a check report or a kader page),
and names its legal ground (:class:`Grondslag`). :data:`INVARIANTEN` holds the nine
properties of the law; :data:`STRUCTUUR` the properties of a well-formed kader (complete,
every rule reachable by a real casus, no contradictions, valid declarations, versions without
gaps, real source passages, its own casuïstiek passes) that :mod:`meldcode_rules.analysis`
proves alongside them. Their per-casus form, for hypothesis, is
:func:`meldcode_rules.testing.schendingen`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from meldcode_rules.norm import MELDNORM_VANAF, geldt_na_2019, hulpvoorwaarden

if TYPE_CHECKING:
    from meldcode_rules.kader import ResolvedKader

__all__ = [
    "AANEENGESLOTEN",
    "BEREIKBAAR",
    "BRON",
    "CASUISTIEK",
    "CONSISTENT",
    "DECLARATIES",
    "DETERMINISME",
    "GEEN_VERMOEDEN",
    "HULPVOORWAARDEN",
    "INVARIANTEN",
    "MELDNORM",
    "MELDNORM_VANAF",
    "MONOTOON",
    "NOOIT_ZWAKKER",
    "ONBEKEND_NOOIT_NEE",
    "PASSAGES",
    "SLUITEN",
    "STRUCTUUR",
    "VOLLEDIG",
    "Grondslag",
    "Invariant",
    "eigen_regels",
    "geldt_na_2019",
    "hulpvoorwaarden",
    "invariant",
    "niet_van_toepassing",
]


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
    "niet 'nee' en ook niet 'onbepaald' — of 'buiten_meldcode': een wettelijke route van de "
    "sector die sterker is dan de meldnorm (de meld- en aangifteplicht bij een vermoeden over "
    "een medewerker). Voor versies die alleen vóór 2019 gelden, was melden "
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
    "volgorde ja, onbepaald, nee. 'buiten_meldcode' (een wettelijke route van de sector, "
    "zoals de meldplicht bij een medewerker) vervangt die volgorde: komt er een signaal over "
    "iemand anders bij, dan geldt de meldcode weer voor dat deel, en blijft de wettelijke route "
    "als actie staan.",
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
    "onhaalbare drempel). Een uitbreiding van het model controleert haar eigen regels: een "
    "geërfde regel mag er onbereikbaar worden als de uitbreiding beschermender is.",
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

SLUITEN: Final = Invariant(
    naam="sluiten_alleen_als_bekend",
    titel="Het kader sluit de meldcode of de hulp pas af als de afweging waarop dat rust "
    "bekend is.",
    uitleg="Afsluiten en vastleggen hoort bij 'geen vermoeden'; de hulp afsluiten en monitoren "
    "bij hulp die tot duurzame veiligheid leidt. Een kader mag zo'n afsluitende of "
    "de-escalerende actie niet geven zolang die afweging nog onbekend is (bijvoorbeeld 'sluit de "
    "meldcode af' terwijl het vermoeden nog niet is gewogen): dan zou een open vraag stilzwijgend "
    "tot het einde van de meldcode leiden.",
    grondslag=Grondslag(
        "Afwegingskader, afweging 1: 'Nee: afsluiten en vastleggen in dossier' — alleen bij het "
        "antwoord nee; meldcode stap 4: 'En bij twijfel altijd Veilig Thuis raadplegen.'",
        _NJI,
    ),
)
DECLARATIES: Final = Invariant(
    naam="geldige_declaraties",
    titel="Elke regel en elke versie is volledig en met de juiste soorten waarden gedeclareerd.",
    uitleg="Een kader wordt bij het laden gecontroleerd: elke regel heeft een id, een doel, een "
    "conclusie, een label en een bron van de juiste soort (tekst, datum, voorwaarde), leest "
    "alleen bestaande feiten, en de versies overlappen niet. Een fout veld mag niet pas aan het "
    "licht komen als de regel bij een echte casus geldt: dan faalt de evaluatie op het moment "
    "dat een professional haar nodig heeft.",
    grondslag=Grondslag(
        "Elke regel van een kader voert een passage van de gepubliceerde tekst uit en moet bij "
        "elke casus een uitkomst kunnen geven.",
        _BASISDOCUMENT,
    ),
    soort="structuur",
)
AANEENGESLOTEN: Final = Invariant(
    naam="versies_aaneengesloten",
    titel="De versies van een kader sluiten op elkaar aan: geen gat en geen overlap.",
    uitleg="Een kader geldt van de eerste dag van zijn eerste versie tot het einde van de "
    "laatste. Elke dag daartussen valt onder precies één versie: een gat van één dag betekent "
    "dat een casus op die peildatum door geen enkele versie wordt beoordeeld, een overlap dat "
    "twee versies tegelijk gelden.",
    grondslag=Grondslag(
        "De meldcode geldt doorlopend sinds 1 juli 2013 (Wet verplichte meldcode); de "
        "verbeterde meldcode vervangt de vorige per 1 januari 2019.",
        _RIJKSOVERHEID,
    ),
    soort="structuur",
)
PASSAGES: Final = Invariant(
    naam="echte_bronpassages",
    titel="Elke bronpassage is echte tekst uit de bron.",
    uitleg="De passage bij een regel citeert of parafraseert de zin die de regel uitvoert. Een "
    "lege passage, een plaatshouder ('TODO', 'XXX', '...') of één en dezelfde passage bij elke "
    "regel van een versie laat niet zien waarop een conclusie rust; de professional en de "
    "auditor kunnen de regel dan niet naast de bron leggen.",
    grondslag=Grondslag(
        "De professional moet kunnen verantwoorden op grond waarvan hij handelde (Movisie, "
        "Factsheet Meldcode en dossiervorming); een conclusie zonder herkenbare bron is niet te "
        "verantwoorden.",
        _MOVISIE,
    ),
    soort="structuur",
)
CASUISTIEK: Final = Invariant(
    naam="eigen_casuistiek",
    titel="Het kader geeft bij elke casus uit zijn eigen casuïstiek de gepubliceerde uitkomst.",
    uitleg="Bij een kader horen uitgewerkte casussen (de casuïstiek, vaak gebaseerd op "
    "gepubliceerde voorbeelden van de beroepsgroep) met de uitkomst die het kader zelf "
    "beschrijft. Een versie die bij zo'n casus een andere beslissing, afweging of actie geeft, "
    "mist een regel of past er een verkeerd toe — bijvoorbeeld als een voorbeeld van acute "
    "onveiligheid uit de bijlage van het kader is weggevallen.",
    grondslag=Grondslag(
        "Het kader zelf: de voorbeelden en casussen die de beroepsgroep bij haar afwegingskader "
        "publiceert, zijn de uitleg van haar regels.",
        _BASISDOCUMENT,
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
    SLUITEN,
)
"""The properties the law asks of every kader version."""

STRUCTUUR: Final[tuple[Invariant, ...]] = (
    VOLLEDIG,
    BEREIKBAAR,
    CONSISTENT,
    DECLARATIES,
    AANEENGESLOTEN,
    PASSAGES,
    CASUISTIEK,
)
"""The properties of a well-formed kader."""

_ALLE: Final = {i.naam: i for i in (*INVARIANTEN, *STRUCTUUR)}


def eigen_regels(effectief: ResolvedKader) -> frozenset[str]:
    """The rules a version writes itself (its own and its aanscherpingen).

    They are what ``bereikbaarheid`` checks. An inherited rule is checked in the kader that
    writes it; an extension may make it unreachable by being more protective (the gezamenlijk
    kader derives acute onveiligheid from an onthulling, so the model's signalering to weigh
    the onthulling never fires there).
    """
    if effectief.basis is None:
        return frozenset(r.id for r in effectief.regels)
    v = effectief.versie
    return frozenset(r.id for r in (*v.regels, *v.aanscherpingen))


def niet_van_toepassing(inv: Invariant, effectief: ResolvedKader) -> str | None:
    """Why ``inv`` does not apply to this version (in Dutch), or ``None`` when it does.

    The meldnorm holds from 2019; *nooit zwakker dan de basis* only for an extension.
    """
    if inv is MELDNORM and not geldt_na_2019(effectief):
        return "geldt voor versies vanaf 1 januari 2019"
    if inv is NOOIT_ZWAKKER and effectief.basis is None:
        return "het kader breidt niets uit"
    return None


def invariant(naam: str) -> Invariant:
    """The invariant (or structural property) with this name.

    Raises:
        KeyError: no property has this name.
    """
    return _ALLE[naam]
