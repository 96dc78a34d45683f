"""Het protocol 'Kindermishandeling en grensoverschrijdend gedrag' voor de kinderopvang.

Kader: ``kinderopvang`` — Protocol "kindermishandeling en grensoverschrijdend gedrag" voor de
kinderopvang: de meldcode met het afwegingskader van de sector, de meldplicht, en de omgang met
seksueel grensoverschrijdend gedrag tussen kinderen. Voor kinderdagopvang, buitenschoolse
opvang, peuteropvang en gastouderopvang.
Uitgever: BOinK, in samenwerking met aandachtsfunctionarissen in de kinderopvang en de
sectorpartijen (Brancheorganisatie Kinderopvang, BMK, Sociaal Werk Nederland).
Versies:
  - ``2018`` (gepubliceerd 4 juli 2018; verplicht vanaf 1 januari 2019). Latere bijwerkingen
    (BOinK 25 juli 2023, PPINK 20 november 2023: route 2 noemt ook de houder) zijn niet als
    aparte versie gedateerd; zie open vraag ``kinderopvang_versies``.
Bron: https://www.huiselijkgeweld.nl/interventies/hulpverlening/
protocol-kindermishandeling-en-grensoverschrijdend-gedrag-voor-de-kinderopvang (pdf via
boink.info).

Het protocol kent drie routes, elk met een stappenplan: (1) een vermoeden van huiselijk geweld of
kindermishandeling in de thuissituatie: de meldcode met het afwegingskader; (2) een vermoeden van
een gewelds- of zedendelict door een medewerker of de houder: de meldplicht, het overleg met de
vertrouwensinspecteur en de aangifteplicht; (3) seksueel grensoverschrijdend gedrag door
kinderen. De afwegingsvragen van route 1 zelf zijn niet gevonden: de bewoording van het model
wordt getoond (open vraag ``kinderopvang_afwegingsvragen``).
"""

from __future__ import annotations

from datetime import date

from .bronnen import KINDEROPVANG_PROTOCOL, PPINK, BOINK, GASTOUDEROPVANG_2021, MELDCODEKMKO_FC2
from meldcode_rules.authoring import ACTIE, HULP, MELDEN, NEE, SIGNALERING, Bijzonderheid, Feit, Is, Kader, KaderVersie, Minstens, OpenVraag, Regel

V = Feit("vermoeden")

__all__ = ["KADER"]

# -- route 2: gewelds- of zedendelict door een medewerker of de houder ------------------------------

GEWELD_MEDEWERKER = Minstens("aantal_geweld_of_zeden_door_medewerker", 1)
GEWELD_HOUDER = Minstens("aantal_geweld_of_zeden_door_houder", 1)
ANDEREN = Minstens("aantal_door_anderen", 1)
NIET_GEEN_VERMOEDEN = ~Is("vermoeden", NEE)
"""De wettelijke route volgt uit de signalen (aanwijzingen), niet uit de afweging van de meldcode: alleen wie uitdrukkelijk geen vermoeden heeft, valt erbuiten; een open vermoeden (onbekend) is geen nee."""
MELDPLICHT_MEDEWERKER = Regel("kinderopvang_actie_route2_meldplicht", ACTIE, "route2_melden_bij_houder", GEWELD_MEDEWERKER,
    BOINK.bij("2. bij een vermoeden van een gewelds- of zedendelict (mishandeling of misbruik) door een medewerker; ... De meldplicht houdt in dat de houder vermoedens moet melden bij de Vertrouwensinspecteur van de Inspectie van het Onderwijs."),
    label="Route 2 (niet de meldcode): meld een vermoeden van een gewelds- of zedendelict door een medewerker direct bij de houder. De houder overlegt met de vertrouwensinspecteur (meld- en overlegplicht) en doet aangifte bij een redelijk vermoeden van een strafbaar feit. Meld dit vermoeden niet bij Veilig Thuis en bespreek het niet met de betrokkenen: route 2 kent geen gesprek met de betrokkenen.",
    toelichting="Een gewelds- of zedendelict: signalen van lichamelijk of seksueel geweld door een medewerker, niet elke vorm (verwaarlozing valt er niet onder).")
HOUDER_VERDACHT = Regel("kinderopvang_actie_route2_houder_verdacht", ACTIE, "route2_aangifte_door_medewerker", GEWELD_HOUDER,
    BOINK.bij("Vermoedt een medewerker dat de houder zich schuldig maakt aan een geweld- of zedendelict? Dan moet de medewerker aangifte doen bij de politie."),
    label="Route 2: gaat het vermoeden van een gewelds- of zedendelict over de houder zelf, dan doet de medewerker aangifte bij de politie; de vertrouwensinspecteur kan adviseren.")
MELDEN_BUITEN_MELDCODE = Regel("kinderopvang_melden_buiten_meldcode", MELDEN, "buiten_meldcode", NIET_GEEN_VERMOEDEN & (GEWELD_MEDEWERKER | GEWELD_HOUDER) & ~ANDEREN,
    BOINK.bij("Elke route bestaat uit een stappenplan met 5 stappen."),
    toelichting="Route 2 heeft een eigen stappenplan (melden bij de houder, overleg met de vertrouwensinspecteur, aangifte): gaan alle signalen over een medewerker of de houder, dan vervangt route 2 stap 5 van de meldcode. Zijn er ook signalen over iemand anders, dan loopt de meldcode (route 1) daarvoor wel. De route volgt uit de signalen (aanwijzingen), niet uit de afweging van de meldcode: zij geldt tenzij de professional uitdrukkelijk geen vermoeden heeft; een open vermoeden (onbekend) is geen nee.")
HULP_BUITEN_MELDCODE = Regel("kinderopvang_hulp_buiten_meldcode", HULP, "buiten_meldcode", NIET_GEEN_VERMOEDEN & (GEWELD_MEDEWERKER | GEWELD_HOUDER) & ~ANDEREN,
    BOINK.bij("Elke route bestaat uit een stappenplan met 5 stappen."))
MEDEWERKER_EN_THUIS = Regel("kinderopvang_signalering_medewerker_en_thuis", SIGNALERING, "medewerker_en_thuissituatie", (GEWELD_MEDEWERKER | GEWELD_HOUDER) & ANDEREN,
    BOINK.bij("1. bij een vermoeden van huiselijk geweld en kindermishandeling in de thuissituatie; 2. bij een vermoeden van een gewelds- of zedendelict (mishandeling of misbruik) door een medewerker"),
    label="Er zijn signalen over een medewerker of de houder én over iemand anders. Voor de thuissituatie volgt u route 1 (de meldcode: melden, bespreken); het vermoeden over de medewerker volgt route 2: bespreek dat deel niet met de betrokkenen.")
ROUTE2 = (MELDPLICHT_MEDEWERKER, HOUDER_VERDACHT, MELDEN_BUITEN_MELDCODE, HULP_BUITEN_MELDCODE, MEDEWERKER_EN_THUIS)

# -- route 3: seksueel grensoverschrijdend gedrag door kinderen -------------------------------------

ROUTE3 = Regel("kinderopvang_signalering_route3_tussen_kinderen", SIGNALERING, "route3_grensoverschrijdend_gedrag_kinderen", Minstens("aantal_tussen_kinderen", 1),
    PPINK.bij("Het protocol bestaat uit 3 routes voor de 3 verschillende situaties: ... seksueel grensoverschrijdend gedrag door kinderen op de opvang (parafrase)."),
    label="Een signaal gaat over gedrag tussen kinderen. Gaat het om seksueel grensoverschrijdend gedrag, volg dan route 3 van het protocol, niet (alleen) de meldcode.")

BIJZONDERHEDEN = (
    Bijzonderheid("kinderopvang_drie_routes", "Drie routes",
        "Route 1: vermoeden in de thuissituatie (meldcode met afwegingskader). Route 2: vermoeden van een gewelds- of zedendelict door een medewerker of houder (meldplicht, overleg met de vertrouwensinspecteur, aangifte). Route 3: seksueel grensoverschrijdend gedrag door kinderen. Elke route heeft een eigen stappenplan.",
        PPINK.bij("Het protocol bestaat uit 3 routes voor de 3 verschillende situaties."),
        "procedure"),
    Bijzonderheid("kinderopvang_anoniem_advies", "Anoniem advies bij Veilig Thuis kan altijd",
        "Anoniem advies vragen bij Veilig Thuis kan en mag op elk moment.",
        PPINK.bij("Anoniem advies vragen bij Veilig Thuis kan en mag op elk moment."),
        "bijzonderheid"),
    Bijzonderheid("kinderopvang_geen_toestemming_ouders", "Geen toestemming van ouders nodig",
        "Voor een melding bij Veilig Thuis is geen toestemming van de ouders nodig.",
        PPINK.bij("Je hebt geen toestemming van ouders nodig voor het doen van een melding bij Veilig Thuis."),
        "bijzonderheid"),
    Bijzonderheid("kinderopvang_aandachtsfunctionaris", "Werk met een aandachtsfunctionaris",
        "Leg ieders verantwoordelijkheden bij signaleren en handelen vast en werk met een (opgeleide) aandachtsfunctionaris die kan adviseren en ondersteunen.",
        PPINK.bij("Werk met een (opgeleide) aandachtsfunctionaris die kan adviseren en ondersteunen."),
        "bijzonderheid"),
    Bijzonderheid("kinderopvang_escalatie_aangifte", "Als de houder geen aangifte doet",
        "Doet de houder zelf aangifte, dan treedt de vertrouwensinspecteur terug. Weigert de houder terwijl de vertrouwensinspecteur een redelijk vermoeden vaststelt, dan volgt: coördinator vertrouwensinspecteurs, hoofdinspecteur, burgemeester, (zeden)politie.",
        MELDCODEKMKO_FC2.bij("Aangifteplicht voor de houder; escalatieladder (parafrase)."),
        "procedure"),
)

OPEN_VRAGEN = (
    OpenVraag("kinderopvang_afwegingsvragen", "Hoe luiden de afwegingsvragen van route 1 in het kinderopvangprotocol?",
        ("vermoeden", "acute_onveiligheid", "passende_hulp", "medewerking"),
        "De tekst van het afwegingskader zelf is niet gevonden (alleen dat het in stap 4 en 5 staat). De bewoording en de regels van het model gelden.",
        KINDEROPVANG_PROTOCOL),
    OpenVraag("kinderopvang_onthulling", "Schrijft het protocol bij een onthulling (disclosure) een onmiddellijke melding voor?",
        ("signalering_onthulling_wegen", "acute_onveiligheid"),
        "Alleen in een parafrase van de Geschillencommissie Kinderopvang (2025) gezien. Het model leidt uit een onthulling geen acute onveiligheid af, maar vraagt de professional haar te wegen (signalering onthulling_wegen); weegt hij haar als acute onveiligheid, dan is melden de norm."),
    OpenVraag("kinderopvang_aangifte_en_andere_ouders", "Wanneer moeten andere ouders worden geïnformeerd, en wat precies geldt voor de aangifte in route 2?",
        ("kinderopvang_actie_route2_meldplicht",),
        "De Geschillencommissie Kinderopvang (2019) vond het protocol hierover onvoldoende duidelijk. De bibliotheek signaleert alleen de route."),
    OpenVraag("kinderopvang_versies", "Wanneer is het protocol na 2018 herzien (route 2 noemt nu ook de houder)?",
        toelichting="De pagina's van BOinK (2023-07-25) en PPINK (2023-11-20) tonen de huidige tekst, zonder datum van de herziening. Er is daarom één versie."),
)

VERSIE_2013 = KaderVersie(
    versie="2013",
    geldig_van=date(2013, 7, 1),
    geldig_tot=date(2018, 12, 31),
    bron=GASTOUDEROPVANG_2021.bij("In de Wet kinderopvang is dit sinds 1 juli 2013 bepaald."),
    regels=ROUTE2,
    open_vragen=(
        OpenVraag("kinderopvang_voor_2019", "Welk afwegingskader gebruikte de kinderopvang vóór 2019?",
            ("vermoeden",),
            "De meldcode van de Brancheorganisatie Kinderopvang (2011, herzien 2013 en 2015) is niet als tekst gezien. Deze versie volgt het model (basis 2013: hulp organiseren óf melden), met route 2, die sinds 1 juli 2013 in de Wet kinderopvang staat."),
    ),
    wijzigingen="De wettelijke meldcode (1 juli 2013) met stap 5 van het model, en de meld-, overleg- en aangifteplicht van de Wet kinderopvang bij een gewelds- of zedendelict door een medewerker (route 2).",
)

VERSIE_2018 = KaderVersie(
    versie="2018",
    geldig_van=date(2019, 1, 1),
    geldig_tot=None,
    bron=KINDEROPVANG_PROTOCOL.bij(
        "Dit document bevat de meldcode inclusief afwegingskader, de meldplicht en hoe om te gaan "
        "met seksueel grensoverschrijdend gedrag tussen kinderen onderling."
    ),
    regels=(*ROUTE2, ROUTE3),
    open_vragen=OPEN_VRAGEN,
    bijzonderheden=BIJZONDERHEDEN,
    wijzigingen="Verbeterde meldcode voor de kinderopvang met het afwegingskader in stap 4 en 5, "
    "gepresenteerd op 2 juli 2018; vervangt de meldcode van de Brancheorganisatie Kinderopvang "
    "(2011, herzien 2013 en 2015).",
)

KADER = Kader(
    id="kinderopvang",
    naam="Protocol kindermishandeling en grensoverschrijdend gedrag voor de kinderopvang",
    sectoren=("kinderopvang",),
    beroepsgroepen=(
        "pedagogisch medewerker",
        "pedagogisch beleidsmedewerker",
        "gastouder",
        "bemiddelingsmedewerker gastouderbureau",
        "houder kinderopvang",
    ),
    versies=(VERSIE_2013, VERSIE_2018),
    uitgever="BOinK en sectorpartijen kinderopvang",
    breidt_uit="basis",
    omschrijving="Het protocol van de kinderopvang: de meldcode met het afwegingskader (route 1), "
    "de meldplicht bij een vermoeden tegen een medewerker of de houder (route 2) en seksueel "
    "grensoverschrijdend gedrag tussen kinderen (route 3).",
)
