"""Het Afwegingskader Meldcode Onderwijs en leerplicht: het kader van het hele onderwijsveld.

Kader: ``onderwijs`` — Afwegingskader Meldcode Onderwijs en leerplicht, voor het primair tot en
met het hoger en wetenschappelijk onderwijs, en voor leerplichtambtenaren en RMC-medewerkers.
Uitgever: "document van en voor het onderwijsveld" (de mede-uitgevers staan niet in de gelezen
tekst), gepubliceerd op huiselijkgeweld.nl.
Versies:
  - ``2018`` (gepubliceerd 4 juli 2018; verplicht vanaf 1 januari 2019).
Bron: https://www.huiselijkgeweld.nl/interventies/publicaties/interventies/2018/07/04/
afwegingskader-meldcode-onderwijs-en-leerplicht — de afwegingsvragen zelf zijn gelezen in de
overgenomen vorm van het Utrechtse handelingsprotocol voor het basisonderwijs,
https://www.handelingsprotocol.nl/utrecht-bo-stap-5-hulp-of-melden-3 (de oorspronkelijke pdf is
niet gezien; zie open vraag ``onderwijs_bron_overgenomen``).

Bijzonder aan dit kader: "wij als school (functionarissen en bevoegd gezag)/leerplicht" wegen
samen; bij twijfel over acute of structurele onveiligheid wordt direct gemeld; hulp kan ook door
iemand anders in de school (tweedelijns ondersteuning, geen docenten) of een ketenpartner worden
geboden; er wordt een casemanager benoemd. Buiten de meldcode: de meld-, overleg- en
aangifteplicht bij een mogelijk zedendelict door een medewerker van de school.
"""

from __future__ import annotations

from datetime import date

from .bronnen import ONDERWIJS_KADERTEKST, UTRECHT_BO, ZEDENDELICT, WODC_2019, INSPECTIE_2019, ZEDENDELICT_1999
from meldcode_rules.authoring import ACTIE, HULP, MELDEN, NEE, SIGNALERING, Bijzonderheid, Feit, Is, Kader, KaderVersie, Minstens, OpenVraag, Regel

__all__ = ["KADER"]

V, A, S = Feit("vermoeden"), Feit("acute_onveiligheid"), Feit("structurele_onveiligheid")
P, M = Feit("passende_hulp"), Feit("medewerking")

# -- afweging 2: "JA of twijfel" -----------------------------------------------------------------

TWIJFEL = Feit("twijfel_onveiligheid")
MELDEN_BIJ_TWIJFEL = Regel("onderwijs_melden_bij_twijfel_over_onveiligheid", MELDEN, "ja", V & TWIJFEL,
    UTRECHT_BO.bij("B: JA of twijfel -> direct (telefonisch) (anoniem) melding doen bij Veilig Thuis."),
    toelichting="Twijfel is het oordeel van de school (functionarissen en bevoegd gezag) over afweging 2, vastgelegd als antwoorden.twijfel; een onbeantwoorde afweging is geen twijfel. De Geschillencommissie onderwijs (advies 108721, 2019): 'Bij twijfel over het doen van een melding is de school verplicht om een melding te doen.'")

HULP_MET_VEILIG_THUIS_BIJ_TWIJFEL = Regel("onderwijs_hulp_met_veilig_thuis_bij_twijfel", HULP, "met_veilig_thuis", V & TWIJFEL,
    UTRECHT_BO.bij("De afwegingen hierna worden met Veilig Thuis doorlopen."))

# -- afweging 4: casemanager -----------------------------------------------------------------------

CASEMANAGER = Regel("onderwijs_actie_casemanager_en_termijn", ACTIE, "casemanager_en_termijn_afspreken", V & Is("acute_onveiligheid", NEE) & Is("structurele_onveiligheid", NEE) & P & M,
    UTRECHT_BO.bij("Afweging 4, ja: start de hulp, spreek een termijn af waarbinnen het effect meetbaar of merkbaar moet zijn, maak afspraken concreet en leg ze vast; spreek de rollen af en benoem een casemanager (parafrase)."),
    label="Start de hulp: spreek een termijn af waarbinnen het effect merkbaar moet zijn, leg de afspraken vast en benoem een casemanager.")

# -- buiten de meldcode: meld-, overleg- en aangifteplicht -----------------------------------------

ZEDEN_MEDEWERKER = Minstens("aantal_seksueel_door_medewerker_tegen_minderjarige", 1)
ANDEREN = Minstens("aantal_door_anderen", 1)
NIET_GEEN_VERMOEDEN = ~Is("vermoeden", NEE)
"""De wettelijke route volgt uit de signalen (aanwijzingen), niet uit de afweging van de meldcode: alleen wie uitdrukkelijk geen vermoeden heeft, valt erbuiten; een open vermoeden (onbekend) is geen nee."""
MELDPLICHT_ZEDENDELICT = Regel("onderwijs_actie_meldplicht_bevoegd_gezag", ACTIE, "meldplicht_bevoegd_gezag", ZEDEN_MEDEWERKER,
    ZEDENDELICT.bij("Alle schoolmedewerkers moeten het schoolbestuur onmiddellijk informeren over een mogelijk zedendelict. Bijvoorbeeld als een medewerker van de school een minderjarige leerling seksueel heeft misbruikt of ontucht heeft gepleegd."),
    label="Meld-, overleg- en aangifteplicht (niet de meldcode): informeer onmiddellijk het bevoegd gezag (het schoolbestuur) over een mogelijk zedendelict door een medewerker tegen een minderjarige leerling; een tussenpersoon zoals de schoolleiding is niet genoeg, en niemand kan zich op geheimhouding beroepen. Het bevoegd gezag overlegt direct met de vertrouwensinspecteur en doet aangifte bij een redelijk vermoeden van een strafbaar feit; het bevoegd gezag informeert de betrokkenen. Meld dit vermoeden niet bij Veilig Thuis en bespreek het niet zelf met de betrokkenen.",
    toelichting="De plicht geldt in het primair, (voortgezet) speciaal en voortgezet onderwijs en het beroepsonderwijs (Wet van 1999, Kamerstuk 25 979), voor een minderjarige leerling; voor het hoger onderwijs is zij niet gevonden.")
MELDEN_BUITEN_MELDCODE = Regel("onderwijs_melden_buiten_meldcode", MELDEN, "buiten_meldcode", NIET_GEEN_VERMOEDEN & ZEDEN_MEDEWERKER & ~ANDEREN,
    WODC_2019.bij("Opgemerkt is dat het van belang is seksueel misbruik in het particuliere spoor te onderscheiden van seksueel misbruik in het institutionele spoor. Dat laatste valt onder domeinspecifieke wetten."),
    toelichting="Gaan alle signalen over een medewerker, dan vervangt de meld-, overleg- en aangifteplicht stap 5 voor hem: niet melden bij Veilig Thuis en niet bespreken met de betrokkenen. Zijn er ook signalen over iemand anders, dan loopt de meldcode daarvoor wel (zie onderwijs_signalering_medewerker_en_thuis). De route volgt uit de signalen (aanwijzingen), niet uit de afweging van de meldcode: zij geldt tenzij de professional uitdrukkelijk geen vermoeden heeft; een open vermoeden (onbekend) is geen nee.")
HULP_BUITEN_MELDCODE = Regel("onderwijs_hulp_buiten_meldcode", HULP, "buiten_meldcode", NIET_GEEN_VERMOEDEN & ZEDEN_MEDEWERKER & ~ANDEREN,
    WODC_2019.bij("Dat laatste valt onder domeinspecifieke wetten."))
MEDEWERKER_EN_THUIS = Regel("onderwijs_signalering_medewerker_en_thuis", SIGNALERING, "medewerker_en_thuissituatie", ZEDEN_MEDEWERKER & ANDEREN,
    WODC_2019.bij("Niet uitgesloten is dat men binnen het institutionele spoor kennis krijgt van seksueel misbruik dat door een particuliere derde is of wordt gepleegd jegens een cliënt of leerling, in die gevallen geldt in beginsel het regime van de Wet 2013 en daaraan gerelateerde besluiten."),
    label="Er zijn signalen over een medewerker van de school én over iemand anders. Voor de anderen loopt de meldcode (melden, bespreken); het vermoeden over de medewerker volgt de meld-, overleg- en aangifteplicht: bespreek dat deel niet met de betrokkenen, dat doet het bevoegd gezag.")
GEWELD_DOOR_MEDEWERKER = Regel("onderwijs_signalering_geweld_door_medewerker", SIGNALERING, "geweld_door_medewerker", Minstens("aantal_door_medewerker", 1) & ~ZEDEN_MEDEWERKER,
    INSPECTIE_2019.bij("In het geval van een vermoeden van seksueel misbruik zijn besturen zelfs verplicht om contact op te nemen met de vertrouwensinspecteur (overlegplicht)."),
    label="Een signaal gaat over een medewerker van de school, maar niet over een zedendelict tegen een minderjarige leerling. De meld-, overleg- en aangifteplicht geldt dan niet; het bevoegd gezag kan de vertrouwensinspecteur om advies vragen. Ga met het bevoegd gezag na welke route geldt.")

MEDEWERKER_ROUTE = (MELDPLICHT_ZEDENDELICT, MELDEN_BUITEN_MELDCODE, HULP_BUITEN_MELDCODE, MEDEWERKER_EN_THUIS, GEWELD_DOOR_MEDEWERKER)

VRAGEN = (
    (
        "acute_onveiligheid",
        "Op basis van de stappen 1 t/m 4 van de Meldcode schatten wij als school (functionarissen "
        "en bevoegd gezag)/leerplicht in dat er sprake is van acute en/ of structurele "
        "onveiligheid.",
    ),
    (
        "structurele_onveiligheid",
        "Op basis van de stappen 1 t/m 4 van de Meldcode schatten wij als school (functionarissen "
        "en bevoegd gezag)/leerplicht in dat er sprake is van acute en/ of structurele "
        "onveiligheid.",
    ),
    (
        "passende_hulp",
        "Ben ik, of iemand anders in mijn school of een ketenpartner/ ben ik als "
        "leerplichtambtenaar in staat om effectieve hulp te bieden of te organiseren en kan de "
        "dreiging voor mogelijk huiselijk geweld of kindermishandeling afgewend worden?",
    ),
    (
        "medewerking",
        "Aanvaarden de betrokkenen de hulp zoals in afweging 3 is georganiseerd en zijn zij bereid "
        "zich actief in te zetten?",
    ),
    (
        "duurzame_veiligheid",
        "Leidt de hulp binnen de afgesproken termijn tot de afgesproken resultaten ten aanzien van "
        "de veiligheid, het welzijn en /of het herstel van de direct betrokkenen?",
    ),
)

BIJZONDERHEDEN = (
    Bijzonderheid("onderwijs_spilfiguren", "Spilfiguren in de school",
        "Het kader geldt voor het hele onderwijsveld en noemt wie de stappen doorgaans zet: de intern begeleider (po), de zorgcoördinator (vo), de studieloopbaanbegeleider (mbo), de decaan en de psycholoog (ho). Het geldt ook voor leerplichtambtenaren en RMC-medewerkers; voor hen wordt een aandachtsfunctionaris in het sociaal domein aanbevolen.",
        ONDERWIJS_KADERTEKST.bij("Het afwegingskader is bruikbaar voor het gehele onderwijsveld: van primair t/m hoger en wetenschappelijk onderwijs (parafrase)."),
        "bijzonderheid"),
    Bijzonderheid("onderwijs_hulp_tweede_lijn", "Hulp door iemand anders in de school of een ketenpartner",
        "Afweging 3 vraagt of de professional, iemand anders in de school of een ketenpartner de hulp kan bieden. 'Iemand anders in de school' is de tweedelijns ondersteuning onder het bevoegd gezag, uitdrukkelijk niet de docenten.",
        UTRECHT_BO.bij("Voetnoot 1 bij afweging 3 (parafrase)."),
        "bijzonderheid"),
    Bijzonderheid("onderwijs_afweging1_in_stap4", "Afweging 1 hoort bij stap 4",
        "Stap 5 bestaat uit het doorlopen van vier afwegingen; de eerste (het vermoeden) staat in stap 4.",
        UTRECHT_BO.bij("Stap 5 ... bestaat uit het doorlopen van vier belangrijke afwegingen (de eerste staat in stap 4)."),
        "stap"),
    Bijzonderheid("onderwijs_meld_overleg_aangifteplicht", "Meld-, overleg- en aangifteplicht (buiten de meldcode)",
        "Bij een mogelijk zedendelict door een medewerker van de school tegen een minderjarige leerling informeert iedere medewerker onmiddellijk het bevoegd gezag; een beroep op geheimhouding is niet mogelijk. Het bevoegd gezag overlegt direct met de vertrouwensinspecteur; is er een redelijk vermoeden van een strafbaar feit, dan doet het bevoegd gezag altijd aangifte, ook tegen de wens van de betrokkenen, en informeert hen.",
        ZEDENDELICT.bij("Alle schoolmedewerkers moeten het schoolbestuur onmiddellijk informeren over een mogelijk zedendelict."),
        "procedure"),
)

OPEN_VRAGEN = (
    OpenVraag("onderwijs_bron_overgenomen", "Is de tekst van het Utrechtse handelingsprotocol letterlijk die van het landelijke Afwegingskader Meldcode Onderwijs en leerplicht?",
        ("onderwijs_melden_bij_twijfel_over_onveiligheid",),
        "De oorspronkelijke pdf is niet gezien; de bewoording 'wij als school (functionarissen en bevoegd gezag)/leerplicht' wijst op het landelijke kader.",
        ONDERWIJS_KADERTEKST),
    OpenVraag("onderwijs_twijfel_landelijk", "Staat de tak 'JA of twijfel: direct melden' in afweging 2 in de landelijke tekst?",
        ("onderwijs_melden_bij_twijfel_over_onveiligheid",),
        "Alleen in de overgenomen tekst gezien. De regel maakt het kader strenger dan het model, nooit soepeler; wie hem niet wil volgen, raadpleegt bij twijfel in elk geval Veilig Thuis."),
    OpenVraag("onderwijs_afweging1", "Hoe luidt afweging 1 (het vermoeden) in het onderwijskader?",
        ("vermoeden",),
        "Niet gezien; de bewoording van het model wordt getoond."),
    OpenVraag("onderwijs_ingrado", "Wijkt het Ingrado-kader voor leerplicht en RMC af van het onderwijskader?",
        toelichting="De tekst van Ingrado is niet gezien. Leerplichtambtenaren en RMC-consulenten vallen hier onder het onderwijskader, dat zegt ook voor hen te gelden."),
)

VERSIE_2013 = KaderVersie(
    versie="2013",
    geldig_van=date(2013, 7, 1),
    geldig_tot=date(2018, 12, 31),
    bron=ZEDENDELICT_1999.bij("Op 28 juli 1999 is de wetswijziging bestrijding van seksueel misbruik en seksuele intimidatie in het onderwijs in werking getreden."),
    regels=MEDEWERKER_ROUTE,
    open_vragen=(
        OpenVraag("onderwijs_voor_2019", "Welk afwegingskader gebruikte het onderwijs vóór 2019?",
            ("vermoeden",),
            "Geen landelijke onderwijsmeldcode van vóór 2019 gevonden: scholen hadden vanaf 1 juli 2013 een eigen meldcode met stap 5 van het model (hulp organiseren óf melden). Deze versie volgt daarom het model (basis 2013), met de meld-, overleg- en aangifteplicht, die sinds 28 juli 1999 geldt."),
    ),
    wijzigingen="De meldcode van de school (verplicht vanaf 1 juli 2013) met stap 5 van het model, naast de meld-, overleg- en aangifteplicht bij zedendelicten door medewerkers (sinds 1999).",
)

VERSIE_2018 = KaderVersie(
    versie="2018",
    geldig_van=date(2019, 1, 1),
    geldig_tot=None,
    bron=ONDERWIJS_KADERTEKST.bij(
        "Afwegingskader Meldcode Onderwijs en leerplicht, gepubliceerd 4 juli 2018; verplicht "
        "vanaf 1 januari 2019."
    ),
    regels=(
        MELDEN_BIJ_TWIJFEL,
        HULP_MET_VEILIG_THUIS_BIJ_TWIJFEL,
        CASEMANAGER,
        *MEDEWERKER_ROUTE,
    ),
    afwegingsvragen=VRAGEN,
    open_vragen=OPEN_VRAGEN,
    bijzonderheden=BIJZONDERHEDEN,
    wijzigingen="Eerste versie van het onderwijskader bij de verbeterde meldcode.",
)

KADER = Kader(
    id="onderwijs",
    naam="Afwegingskader Meldcode Onderwijs en leerplicht",
    sectoren=("onderwijs",),
    beroepsgroepen=(
        "leraar",
        "intern begeleider",
        "zorgcoördinator",
        "studieloopbaanbegeleider",
        "decaan",
        "psycholoog in het hoger onderwijs",
        "schoolleiding",
        "onderwijsondersteunend personeel",
        "vertrouwenspersoon (school)",
        "leerplichtambtenaar",
        "RMC-consulent",
    ),
    versies=(VERSIE_2013, VERSIE_2018),
    uitgever="Onderwijsveld (huiselijkgeweld.nl)",
    breidt_uit="basis",
    omschrijving="Het afwegingskader van het hele onderwijsveld en van leerplicht/RMC: de school "
    "weegt samen, meldt direct bij twijfel over acute of structurele onveiligheid, en kent buiten "
    "de meldcode de meld-, overleg- en aangifteplicht.",
)
