"""De KNMG-meldcode Kindermishandeling en huiselijk geweld: het afwegingskader van de artsen.

Kader: ``knmg`` — KNMG-meldcode Kindermishandeling en huiselijk geweld, stap 5 "Beslissen over
melden via afwegingskader"; sinds de herziening van 2023 geldt zij ook voor tandartsen.
Uitgever: KNMG (Koninklijke Nederlandsche Maatschappij tot bevordering der Geneeskunst); het
afwegingskader van 2018 is gemaakt door de "cluster artsencoalitie" (KNMG, AJN, LHV, NVK, NVSHA,
NVvP, VVAK en KNMT); de herziening van 2023 door een projectgroep (AJN, InEen, KNMT, LHV, NHG,
NVAVG, NVK, NVKG, NVSHA, NVvP, Stichting Kind & Ziekenhuis, VVAK).
Versies:
  - ``2018`` (verplicht vanaf 1 januari 2019 t/m 19 november 2023): de herziene meldcode met het
    afwegingskader, gepresenteerd op 2 juli 2018.
  - ``2023`` (vanaf 20 november 2023, "gepubliceerd en in werking getreden, ter vervanging van de
    versie uit 2018"): drie stappenplannen; anoniem advies van een collega verplicht in stap 2.
Bron: https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/
stap-5-beslissen-over-melden-via-afwegingskader (de online editie van 2023).

De meldnormen zijn die van het model (``basis``); wat de KNMG eigen heeft staat hieronder, in de
volgorde van het stappenplan: stap 1 (kindcheck, mantelzorgverleningscheck), stap 2 (advies
Veilig Thuis en collega's), stap 5 met de voorbeelden van acute en structurele onveiligheid uit
Bijlage 5 en 6.
"""

from __future__ import annotations

from datetime import date

from .bronnen import KNMG_TITEL, KNMG_STAP5, KNMG_STAP1, KNMG_STAPPENPLAN, KNMG_BIJLAGE5, KNMG_BIJLAGE6, KNMG_VOORWOORD, AJN_2023, VERENSO_2018, KNMT_2018, KNMG_2012, LHV_KINDCHECK, AUGEO_ADVIES
from meldcode_rules.authoring import ACTIE, JA, NEE, SIGNALERING, Bijzonderheid, Feit, Is, Kader, KaderVersie, Minstens, Niet, OpenVraag, Regel, signaalregels

__all__ = ["KADER"]

# -- stap 1: kindcheck en mantelzorgverleningscheck ---------------------------------------------

MANTELZORGVERLENINGSCHECK = Regel("knmg_actie_mantelzorgverleningscheck", ACTIE, "mantelzorgverleningscheck", Minstens("aantal_volwassenen_met_oudersignalen", 1),
    KNMG_STAP1.bij("Naar analogie van de kindcheck vraagt de KNMG, vanuit het oogpunt van zorgvuldigheid, ook na te gaan of er volwassenen afhankelijk zijn van de mantelzorg van de patiënt (parafrase; niet wettelijk verplicht)."),
    label="Mantelzorgverleningscheck (stap 1, KNMG, niet wettelijk): ga na of er volwassenen afhankelijk zijn van de mantelzorg van deze patiënt en of die zorg veilig is.",
    toelichting="Dezelfde aanleiding als de kindcheck gelezen: 'naar analogie'. Zie open vraag knmg_aanleiding_mantelzorgverleningscheck.")

# -- stap 2: advies vragen -----------------------------------------------------------------------

ADVIES_VEILIG_THUIS = Regel("knmg_signalering_advies_veilig_thuis_ontbreekt", SIGNALERING, "advies_veilig_thuis_ontbreekt", Is("veilig_thuis_geraadpleegd", NEE),
    AUGEO_ADVIES.bij("Voor artsen maakt de KNMG-meldcode het (anoniem) advies vragen aan Veilig Thuis in stap 2 verplicht, naast collegiale consultatie (parafrase)."),
    label="Stap 2 (KNMG): vraag Veilig Thuis (anoniem) om advies; dat is voor artsen verplicht.")

COLLEGA_VERPLICHT_2023 = Regel("signalering_collegiaal_overleg_ontbreekt", SIGNALERING, "collegiaal_overleg_ontbreekt", Is("collegiaal_overleg", NEE),
    AJN_2023.bij("In stap 2 van het stappenplan (vermoeden van) Kindermishandeling en huiselijk geweld is het anoniem advies vragen aan een of meerdere collega's verplicht gesteld."),
    label="Stap 2 (KNMG 2023): anoniem advies vragen aan een of meer collega's is verplicht en is nog niet gebeurd.")

# -- stap 5: acute onveiligheid (Bijlage 5) en structurele onveiligheid (Bijlage 6) -------------


ACUUT_BIJLAGE5 = signaalregels("acute_onveiligheid", JA,
    ("knmg_acuut_letsel_medische_behandeling", "letsel_medische_behandeling", KNMG_BIJLAGE5.bij("Daarbij gaat het om een letsel dat als teken van onveiligheid wordt ingeschat. Hieronder vallen ten minste alle letsels die medische behandeling behoeven.")),
    ("knmg_acuut_poging_tot_verwurging", "poging_tot_verwurging", KNMG_BIJLAGE5.bij("Poging tot verwurging.")),
    ("knmg_acuut_wapengebruik", "wapengebruik", KNMG_BIJLAGE5.bij("Hieronder staat een aantal voorbeelden van situaties van acute onveiligheid. ... Wapengebruik.")),
    ("knmg_acuut_herhalingskans_seksueel_misbruik", "seksueel_met_herhalingskans", KNMG_BIJLAGE5.bij("(Vermoeden van) seksueel misbruik, seksueel geweld of seksuele exploitatie door iemand uit de huiselijke kring of door iemand tot wie het slachtoffer in een relatie van afhankelijkheid of van onvrijheid staat, met een reële kans op herhaling."),
        "Alleen een signaal van seksueel geweld met het kenmerk herhalingskans telt; het kenmerk zegt dat de pleger uit de huiselijke kring komt of dat het slachtoffer van hem afhankelijk is."),
    ("knmg_acuut_falsificatie", "falsificatie", KNMG_BIJLAGE5.bij("... (medische) klachten en afwijkingen veroorzaakt die acuut de gezondheid van die persoon bedreigen (kindermishandeling door falsificatie).")),
    ("knmg_acuut_onthulling", "onthulling_acuut_gevaar", KNMG_BIJLAGE5.bij("Door het slachtoffer of de ouder/pleger zelf onthullen van – en/of hulp vragen voor – ernstige vormen van kindermishandeling en/of huiselijk geweld die acuut gevaar kunnen opleveren."),
        "Een onthulling zonder dat kenmerk (een minder ernstige vorm) is hier geen acute onveiligheid; het model signaleert haar om te wegen."),
    ("knmg_acuut_verzorger_suicidaal", "verzorger_suicidaal", KNMG_BIJLAGE5.bij("Een situatie waarin acute onveiligheid ontstaat of zorg dreigt weg te vallen voor een minderjarige of (zorg)afhankelijke volwassene of oudere, doordat er bij de ouder/verzorger sprake is van een (dreigende) suïcide, automutilatie, acuut psychiatrisch beeld of intoxicatie door alcohol en/of drugs.")),
    ("knmg_acuut_gedwongen_vlucht", "gedwongen_vlucht", KNMG_BIJLAGE5.bij("Een noodgedwongen vlucht van huis door (dreiging van) huiselijk geweld en/of kindermishandeling.")),
    ("knmg_acuut_zwangerschap", "zwangerschap", KNMG_BIJLAGE5.bij("Gebruik van alcohol of drugs door een zwangere vrouw of huiselijk (fysiek) geweld richting een zwangere vrouw, waardoor de gezondheid van de vrouw en/of de ongeborene acuut wordt bedreigd."),
        "Het kenmerk zwangerschap betekent precies deze situatie, niet elke zwangerschap in een casus."),
    ("knmg_acuut_oorlogsgebied", "oorlogsgebied", KNMG_BIJLAGE5.bij("Blootstellen van een kind aan oorlogsgeweld door te gaan wonen in een oorlogsgebied en/of zich aan te sluiten bij een groepering die deelneemt aan de strijd in een oorlogsgebied.")),
)

STRUCTUREEL_BIJLAGE6 = signaalregels("structurele_onveiligheid", JA,
    ("knmg_structureel_ouderproblematiek", "ouderproblematiek", KNMG_BIJLAGE6.bij("Een minderjarig of ongeboren kind dat opgroeit bij ouders met een zodanig ernstige problematiek, dat de fysieke en/of psychische veiligheid van het kind bij herhaling en/of voortdurend wordt bedreigd en zijn ontwikkelmogelijkheden structureel worden ingeperkt.")),
    ("knmg_structureel_stelselmatig_getuige", "stelselmatig_getuige", KNMG_BIJLAGE6.bij("Een kind dat stelselmatig getuige is van huiselijk geweld.")),
    ("knmg_structureel_escalerende_stalking", "escalerend_door_partner", KNMG_BIJLAGE6.bij("Psychische en/of fysieke mishandeling door escalerende vormen van langdurige stalking in partnerrelaties."),
        "Alleen escalerende stalking door een partner telt; zie open vraag knmg_stalking_ex_partner."),
)

# -- stap 5, afweging 4: bereid én in staat --------------------------------------------------------

NIET_IN_STAAT = Regel("knmg_medewerking_niet_in_staat", "medewerking", NEE, Niet(Feit("hulp_in_staat")),
    KNMG_STAPPENPLAN.bij("Aanvaarden betrokkenen hulp om (dreigende) kindermishandeling en/of huiselijk geweld af te wenden en zijn zij bereid en in staat zich hiervoor in te zetten?"),
    toelichting="Betrokkenen die willen maar niet kunnen: geen medewerking, dus melden.")
MEDEWERKING_BEREID_EN_IN_STAAT = Regel("medewerking_aanvaard_en_inzet", "medewerking", JA, Feit("hulp_aanvaard") & Feit("hulp_inzet") & Feit("hulp_in_staat"),
    KNMG_STAPPENPLAN.bij("Aanvaarden betrokkenen hulp om (dreigende) kindermishandeling en/of huiselijk geweld af te wenden en zijn zij bereid en in staat zich hiervoor in te zetten?"),
    toelichting="Aanscherping van de regel van het model: medewerking is er pas als de betrokkenen ook in staat zijn zich in te zetten.")

POLITIE_BIJ_ACUUT_GEVAAR = Regel("knmg_actie_politie_bij_acuut_gevaar", ACTIE, "politie_zo_nodig_bij_acuut_gevaar", Is("acute_onveiligheid", JA),
    KNMG_STAPPENPLAN.bij("Bij acuut gevaar kan - naast de melding bij Veilig Thuis - zo nodig ook de politie worden ingeschakeld!"),
    label="Acute onveiligheid: dreigt zo acuut gevaar voor de veiligheid of het leven dat onmiddellijk ingrijpen nodig is, dan kunt u naast de melding bij Veilig Thuis ook de politie inschakelen (112). In andere gevallen ligt een melding bij Veilig Thuis meer voor de hand.",
    toelichting="Een mogelijkheid, geen automatisme: de KNMG (Onderdeel III, voetnoot 36) noemt de politie een zwaar middel voor acuut gevaar dat onmiddellijk ingrijpen vraagt.")

# -- vragen, bijzonderheden, open vragen ---------------------------------------------------------

VRAGEN_2023 = (
    ("vermoeden", "Heb ik een vermoeden van (dreiging van) kindermishandeling en/of huiselijk geweld?"),
    ("acute_onveiligheid", "Schat ik op basis van stap 1 tot en met 4, dat er sprake is van acute of structurele onveiligheid?"),
    ("structurele_onveiligheid", "Schat ik op basis van stap 1 tot en met 4, dat er sprake is van acute of structurele onveiligheid?"),
    ("passende_hulp", "Ben ik in staat effectieve hulp te bieden of te organiseren om (dreigende) kindermishandeling en/of huiselijk geweld af te wenden en te monitoren?"),
    ("medewerking", "Aanvaarden betrokkenen hulp om (dreigende) kindermishandeling en/of huiselijk geweld af te wenden en zijn zij bereid en in staat zich hiervoor in te zetten?"),
    ("duurzame_veiligheid", "Leidt de hulp binnen aanvaardbare of afgesproken tijd tot (herstel van) duurzame veiligheid en/of herstel van welzijn van de betrokkene(n)?"),
)

BIJZONDERHEDEN = (
    Bijzonderheid("knmg_volgorde_niet_dwingend", "De volgorde van de stappen is niet dwingend",
        "Soms is eerst een gesprek nodig, soms eerst advies van Veilig Thuis; stappen kunnen herhaald worden. Alle nodige stappen zijn gezet voordat tot melden wordt besloten; de meldcode kan op elk moment worden afgesloten als het vermoeden wegvalt.",
        KNMG_STAPPENPLAN.bij("De volgorde van de stappen is niet dwingend (parafrase)."),
        "bijzonderheid"),
    Bijzonderheid("knmg_stap4_overleg_en_vir", "Stap 4: zo nodig overleg met betrokken professionals en een signaal aan de VIR",
        "In stap 4 overlegt de arts zo nodig met andere betrokken professionals en geeft hij zo nodig een signaal af aan de Verwijsindex Risicojongeren. Tandartsen zijn niet bevoegd tot een signaal aan de VIR.",
        KNMG_STAPPENPLAN.bij("Stap 4: zo nodig overleg betrokken professionals en signaal aan VIR (parafrase)."),
        "stap"),
    Bijzonderheid("knmg_beroepsgeheim", "Beroepsgeheim",
        "Het beroepsgeheim wordt alleen doorbroken met toestemming, op grond van het wettelijk meldrecht (Wmo 2015 art. 5.2.6), of bij een conflict van plichten.",
        KNMG_STAP5.bij("Bijlage 2: beroepsgeheim bij melden (parafrase)."),
        "bijzonderheid"),
    Bijzonderheid("knmg_dossier_stap5", "Vastleggen in het patiëntendossier",
        "De arts legt vast: welke inschatting hij maakte en waarop; welke acties hij ondernam; wie hij over de melding informeerde, de reactie en of aan bezwaren tegemoet kon worden gekomen; welke pogingen hij deed als de betrokkenen niet bereikbaar waren; en de vervolgafspraken met Veilig Thuis en de betrokkenen.",
        KNMG_STAP5.bij("Acties vastleggen in het patiëntendossier (parafrase van de opsomming)."),
        "stap"),
    Bijzonderheid("knmg_betrokkenen_onbereikbaar", "Als de betrokkenen niet bereikbaar zijn",
        "De arts doet naar redelijkheid ten minste een aantal pogingen tot contact, tenzij de tijd dat niet toelaat vanwege zwaarwegende belangen van anderen.",
        KNMG_STAP5.bij("Dit houdt in dat u – tenzij de tijd dat niet toelaat vanwege zwaarwegende belangen van anderen – ten minste een aantal pogingen tot contact doet."),
        "stap"),
)

BIJZONDERHEDEN_2018 = (
    *BIJZONDERHEDEN,
    Bijzonderheid("knmg_2018_tandartsen", "Tandartsen (2018-2023): KNMT-meldcode met dit afwegingskader",
        "Tandartsen werkten met de KNMT-meldcode (2016); het afwegingskader van de cluster artsencoalitie verving daarin stap 5.",
        KNMT_2018.bij("Het afwegingskader vervangt Stap 5 van het stappenplan uit de KNMT-meldcode (2016) met een vijftal afwegingsvragen."),
        "bijzonderheid"),
)

BIJZONDERHEDEN_2023 = (
    *BIJZONDERHEDEN,
    Bijzonderheid("knmg_drie_stappenplannen", "Drie stappenplannen",
        "Naast het stappenplan bij een vermoeden zijn er stappenplannen voor informatieverstrekking op verzoek van Veilig Thuis, de Raad voor de Kinderbescherming of een gecertificeerde instelling, en op verzoek van politie of justitie.",
        AJN_2023.bij("De herziene KNMG-meldcode omvat nu in totaal 3 stappenplannen (parafrase)."),
        "procedure"),
    Bijzonderheid("knmg_tandartsen", "Geldt ook voor tandartsen",
        "De KNMG-meldcode geldt ook voor tandartsen, behalve de passages over de Verwijsindex Risicojongeren.",
        KNMG_VOORWOORD.bij("De KNMG-meldcode Kindermishandeling en huiselijk geweld geldt ook voor tandartsen."),
        "bijzonderheid"),
)

OPEN_2018 = (
    OpenVraag("knmg_2018_vragen", "Wat is de letterlijke tekst van de afwegingsvragen in de KNMG-meldcode van 2018?",
        ("vermoeden", "passende_hulp", "medewerking", "duurzame_veiligheid"),
        "Alleen de online editie van 2023 is gezien. De versie 2018 gebruikt daarom de bewoording van het model (basis)."),
    OpenVraag("knmg_2018_bijlagen", "Stonden de voorbeelden van acute en structurele onveiligheid (Bijlage 5 en 6) en de mantelzorgverleningscheck al in de editie van 2018?",
        ("acute_onveiligheid", "structurele_onveiligheid"),
        "Niet gevonden. De bibliotheek past ze alleen toe in de versie 2023; voor 2018 gelden de regels van het model."),
)

OPEN_2023 = (
    OpenVraag("knmg_aanleiding_mantelzorgverleningscheck", "Wanneer precies vraagt de KNMG om de mantelzorgverleningscheck?",
        ("knmg_actie_mantelzorgverleningscheck",),
        "De tekst noemt de check 'naar analogie' van de kindcheck. De bibliotheek gebruikt dezelfde aanleiding: een volwassene met een omstandigheid die om de kindcheck vraagt."),
    OpenVraag("knmg_voorbeelden_niet_uitputtend", "Welke andere situaties rekent de KNMG tot acute of structurele onveiligheid?",
        ("acute_onveiligheid", "structurele_onveiligheid"),
        "Bijlage 5 en 6 geven voorbeelden, geen uitputtende lijst. Het oordeel over andere signalen ligt bij de arts."),
    OpenVraag("knmg_stalking_ex_partner", "Rekent Bijlage 6 escalerende stalking door een ex-partner mee?",
        ("knmg_structureel_escalerende_stalking",),
        "De tekst zegt 'in partnerrelaties'. De bibliotheek leidt structurele onveiligheid alleen af bij stalking door een partner; bij een ex-partner vraagt de signalering van het model de arts het te wegen."),
    OpenVraag("knmg_herhalingskans_slot", "Hoe eindigt het voorbeeld van seksueel misbruik met een reële kans op herhaling in Bijlage 5?",
        ("knmg_acuut_herhalingskans_seksueel_misbruik",),
        "De opgeslagen tekst breekt af na 'met een reële kans op herh…'. De regel gebruikt alleen wat gezien is."),
)

OPEN_2012 = (
    OpenVraag("knmg_2012_stap_5", "Wat schreef stap 5 van de KNMG-meldcode van 2012 voor?",
        ("melden_2013_geen_eigen_hulp",),
        "Van de KNMG-meldcode 2012 zijn alleen de titel en de data gezien (vastgesteld 10 november 2011, in werking maart 2012), niet stap 5. Tot 2019 volgt deze versie daarom de regels van het model (basis 2013); de wet verplicht de meldcode vanaf 1 juli 2013."),
)

BIJZONDERHEDEN_2012 = (
    Bijzonderheid("knmg_2012_kindcheck", "De kindcheck in de KNMG-meldcode (april 2014)",
        "De KNMG-meldcode is in april 2014 aangepast op de kindcheck: de arts legt aantal en leeftijd van de kinderen vast in het dossier en volgt zo nodig de stappen van de meldcode.",
        LHV_KINDCHECK.bij("De KNMG Meldcode is aangepast op de kindcheck (april 2014)."),
        "stap"),
)

VERSIE_2012 = KaderVersie(
    versie="2012",
    geldig_van=date(2013, 7, 1),
    geldig_tot=date(2018, 12, 31),
    bron=KNMG_2012.bij("KNMG-meldcode Kindermishandeling en huiselijk geweld ... vastgesteld door het Federatiebestuur op 10 november 2011, in werking getreden maart 2012."),
    open_vragen=OPEN_2012,
    bijzonderheden=BIJZONDERHEDEN_2012,
    wijzigingen="De KNMG-meldcode van 2012 (in werking maart 2012); verplicht onder de Wet verplichte meldcode vanaf 1 juli 2013. Stap 5 is één keuze tussen hulp organiseren en melden, zoals in het model.",
)

VERSIE_2018 = KaderVersie(
    versie="2018",
    geldig_van=date(2019, 1, 1),
    geldig_tot=date(2023, 11, 19),
    bron=VERENSO_2018.bij(
        "De herziene KNMG-meldcode kindermishandeling en huiselijk geweld ... wordt per "
        "1 januari 2019 van kracht."
    ),
    regels=(
        ADVIES_VEILIG_THUIS,
        POLITIE_BIJ_ACUUT_GEVAAR,
    ),
    open_vragen=OPEN_2018,
    bijzonderheden=BIJZONDERHEDEN_2018,
    wijzigingen="Het afwegingskader van de cluster artsencoalitie (gepresenteerd 2 juli 2018, "
    "verplicht vanaf 1 januari 2019) vervangt stap 5; de meldcode geldt ook voor volwassenen en "
    "ouderenmishandeling. Voor tandartsen vervangt het stap 5 van de KNMT-meldcode (2016).",
)

VERSIE_2023 = KaderVersie(
    versie="2023",
    geldig_van=date(2023, 11, 20),
    geldig_tot=None,
    bron=KNMG_STAP5.bij(
        "In stap 5 van het stappenplan past u het zogenoemde afwegingskader toe. Gepubliceerd en "
        "in werking getreden op 20 november 2023, ter vervanging van de versie uit 2018 (AJN)."
    ),
    regels=(
        MANTELZORGVERLENINGSCHECK,
        ADVIES_VEILIG_THUIS,
        *ACUUT_BIJLAGE5,
        *STRUCTUREEL_BIJLAGE6,
        NIET_IN_STAAT,
        POLITIE_BIJ_ACUUT_GEVAAR,
    ),
    aanscherpingen=(COLLEGA_VERPLICHT_2023, MEDEWERKING_BEREID_EN_IN_STAAT),
    afwegingsvragen=VRAGEN_2023,
    open_vragen=OPEN_2023,
    bijzonderheden=BIJZONDERHEDEN_2023,
    wijzigingen="Drie stappenplannen (ook voor informatieverzoeken van Veilig Thuis, Raad, GI en "
    "politie/justitie); anoniem advies van een of meer collega's verplicht in stap 2; voorbeelden "
    "van acute en structurele onveiligheid (Bijlage 5 en 6); geldt ook voor tandartsen.",
)

KADER = Kader(
    id="knmg",
    naam=KNMG_TITEL,
    sectoren=("gezondheidszorg",),
    beroepsgroepen=(
        "arts",
        "medisch specialist",
        "arts in opleiding",
        "coassistent",
        "arts maatschappij en gezondheid",
        "bedrijfsarts",
        "verzekeringsarts",
        "huisarts",
        "jeugdarts",
        "kinderarts",
        "psychiater",
        "SEH-arts",
        "arts verstandelijk gehandicapten",
        "klinisch geriater",
        "vertrouwensarts",
        "specialist ouderengeneeskunde",
        "tandarts",
    ),
    versies=(VERSIE_2012, VERSIE_2018, VERSIE_2023),
    uitgever="KNMG",
    breidt_uit="basis",
    omschrijving="Het afwegingskader van de artsen (en sinds 2023 de tandartsen): de meldnormen "
    "van het model, met de kindcheck en mantelzorgverleningscheck, verplicht advies in stap 2 en "
    "voorbeelden van acute en structurele onveiligheid.",
)
