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

from meldcode_rules.authoring import ACTIE, JA, NEE, ONBEKEND, SIGNALERING, Bijzonderheid, Bron, Is, Kader, KaderVersie, Minstens, OpenVraag, Regel, signaal

__all__ = ["KADER"]

# -- bronnen -----------------------------------------------------------------------------------

_MAGLR = "https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/"
_TITEL = "KNMG-meldcode Kindermishandeling en huiselijk geweld"


def _knmg_2023(onderdeel: str, pad: str) -> Bron:
    return Bron("KNMG", f"{_TITEL} (2023) — {onderdeel}", "2023", date(2023, 11, 20),
        _MAGLR + pad)


STAP5 = _knmg_2023(
    "Stap 5: Beslissen over melden via afwegingskader",
    "stap-5-beslissen-over-melden-via-afwegingskader",
)
GRAFISCH = _knmg_2023(
    "Stap 5: Grafische weergave van het afwegingskader",
    "stap-5-grafische-weergave-van-het-afwegingskader",
)
STAP1 = _knmg_2023(
    "Stap 1: Onderzoek, kindcheck en mantelzorgverleningscheck",
    "stap-1-onderzoek-kindcheck-en-mantelzorgverleningscheck",
)
STAPPENPLAN = _knmg_2023(
    "Onderdeel I: Stappenplan (vermoeden van) kindermishandeling en huiselijk geweld",
    "onderdeel-i-stappenplan-vermoeden-van-kindermishandeling-en-huiselijk-geweld",
)
BIJLAGE5 = _knmg_2023(
    "Bijlage 5: Voorbeelden van acute onveiligheid",
    "bijlage-5-voorbeelden-van-acute-onveiligheid",
)
BIJLAGE6 = _knmg_2023(
    "Bijlage 6: Voorbeelden van structurele onveiligheid",
    "bijlage-6-voorbeelden-van-structurele-onveiligheid",
)
VOORWOORD = _knmg_2023("Voorwoord", "voorwoord1")
AJN_2023 = Bron("AJN Jeugdartsen Nederland", "Vernieuwde KNMG-meldcode Kindermishandeling en huiselijk geweld", "2023", date(2023, 11, 20),
    "https://ajnjeugdartsen.nl/vernieuwde-knmg-meldcode-kindermishandeling-en-huiselijk-geweld/")
VERENSO_2018 = Bron("Verenso", "Nieuwe KNMG-meldcode kindermishandeling en huiselijk geweld per 1 januari 2019 verplicht", "2018", date(2018, 11, 28),
    "https://www.verenso.nl/nieuws/archief/2018/nieuwe-knmg-meldcode-kindermishandeling-en-huiselijk-geweld-per-1-januari-2019-verplicht")
KNMT_2018 = Bron("KNMT", "Nieuw afwegingskader en stappenplan bij meldcode kindermishandeling en huiselijk geweld", "2018", None,
    "https://www.knmt.nl/nieuws/nieuw-afwegingskader-en-stappenplan-bij-meldcode-kindermishandeling-en-huiselijk-geweld")
AUGEO_ADVIES = Bron("Augeo Foundation", "11 vragen over advies vragen aan Veilig Thuis", "2023", None,
    "https://www.augeo.nl/nl-nl/actueel/11-vragen-over-advies-vragen-aan-veilig-thuis/")

# -- stap 1: kindcheck en mantelzorgverleningscheck ---------------------------------------------

KINDCHECK = Regel("knmg_actie_kindcheck", ACTIE, "kindcheck", Minstens("aantal_volwassenen_met_oudersignalen", 1),
    STAP1.bij("De wet bepaalt dat de meldcode een kindcheck moet bevatten: ga na of er kinderen afhankelijk zijn van de patiënt, of de patiënt voor hen kan zorgen en of er een netwerk is; leg aantal en leeftijd vast (parafrase)."),
    label="Kindcheck (stap 1): de volwassen patiënt heeft een omstandigheid die kinderen kan schaden. Ga na of hij zorgt voor minderjarige kinderen, of hij voor hen kan zorgen en of er een netwerk is; leg aantal en leeftijd van de kinderen vast.")
KINDCHECK_OPEN = Regel("knmg_signalering_kindcheck_onbeantwoord", SIGNALERING, "kindcheck_onbeantwoord", Is("zorgt_voor_minderjarigen", ONBEKEND),
    STAP1.bij("Kindcheck: vraag na of er kinderen afhankelijk zijn van de patiënt en leg dat vast (parafrase)."),
    label="De kindcheck is niet afgerond: het is onbekend of de patiënt zorgt voor minderjarige kinderen.")
KINDCHECK_POSITIEF = Regel("knmg_actie_kindcheck_positief", ACTIE, "stappen_doorlopen_voor_kinderen", Is("zorgt_voor_minderjarigen", JA),
    STAP1.bij("Kindcheck: zijn er kinderen afhankelijk van de patiënt, kan de patiënt voor hen zorgen (parafrase)."),
    label="De patiënt zorgt voor minderjarige kinderen: ga na of zij veilig kunnen opgroeien en doorloop zo nodig de stappen van de meldcode voor hen.")
MANTELZORGVERLENINGSCHECK = Regel("knmg_actie_mantelzorgverleningscheck", ACTIE, "mantelzorgverleningscheck", Minstens("aantal_volwassenen_met_oudersignalen", 1),
    STAP1.bij("Naar analogie van de kindcheck vraagt de KNMG, vanuit het oogpunt van zorgvuldigheid, ook na te gaan of er volwassenen afhankelijk zijn van de mantelzorg van de patiënt (parafrase; niet wettelijk verplicht)."),
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


ACUUT_BIJLAGE5 = (
    Regel("knmg_acuut_poging_tot_verwurging", "acute_onveiligheid", JA, signaal("poging_tot_verwurging"),
        BIJLAGE5.bij("Poging tot verwurging (voorbeeld van acute onveiligheid).")),
    Regel("knmg_acuut_wapengebruik", "acute_onveiligheid", JA, signaal("wapengebruik"),
        BIJLAGE5.bij("Gebruik van wapens (voorbeeld van acute onveiligheid).")),
    Regel("knmg_acuut_herhalingskans_seksueel_misbruik", "acute_onveiligheid", JA, signaal("herhalingskans"),
        BIJLAGE5.bij("(Vermoeden van) seksueel misbruik door iemand uit de huiselijke kring of van wie het slachtoffer afhankelijk is, met een reële kans op herhaling (parafrase).")),
    Regel("knmg_acuut_falsificatie", "acute_onveiligheid", JA, signaal("falsificatie"),
        BIJLAGE5.bij("Kindermishandeling door falsificatie: (medische) klachten verzinnen, medische gegevens vervalsen of klachten veroorzaken die de gezondheid acuut bedreigen (parafrase).")),
    Regel("knmg_acuut_verzorger_suicidaal", "acute_onveiligheid", JA, signaal("verzorger_suicidaal"),
        BIJLAGE5.bij("Acute onveiligheid of dreigend wegvallen van zorg doordat de ouder of verzorger (dreigt met) suïcide, zelfbeschadiging, een acute psychiatrische toestand of intoxicatie (parafrase).")),
    Regel("knmg_acuut_gedwongen_vlucht", "acute_onveiligheid", JA, signaal("gedwongen_vlucht"),
        BIJLAGE5.bij("Gedwongen vlucht uit huis vanwege (dreiging van) geweld of mishandeling (parafrase).")),
    Regel("knmg_acuut_zwangerschap", "acute_onveiligheid", JA, signaal("zwangerschap"),
        BIJLAGE5.bij("Alcohol- of drugsgebruik door een zwangere, of lichamelijk huiselijk geweld tegen een zwangere, dat de vrouw en/of het ongeboren kind acuut bedreigt (parafrase).")),
    Regel("knmg_acuut_oorlogsgebied", "acute_onveiligheid", JA, signaal("oorlogsgebied"),
        BIJLAGE5.bij("Een kind blootstellen aan oorlogsgeweld door te verhuizen naar een oorlogsgebied of aan te sluiten bij een groep die daar strijdt (parafrase).")),
)

STRUCTUREEL_BIJLAGE6 = (
    Regel("knmg_structureel_ouderproblematiek", "structurele_onveiligheid", JA, signaal("ouderproblematiek"),
        BIJLAGE6.bij("Een (ongeboren) kind groeit op bij ouders met zo ernstige problemen (bijv. door een verstandelijke beperking, verslaving of psychiatrische problemen) dat zijn veiligheid herhaald en/of voortdurend wordt bedreigd (parafrase).")),
    Regel("knmg_structureel_stelselmatig_getuige", "structurele_onveiligheid", JA, signaal("stelselmatig_getuige"),
        BIJLAGE6.bij("Een kind dat stelselmatig getuige is van huiselijk geweld (parafrase).")),
    Regel("knmg_structureel_escalerende_stalking", "structurele_onveiligheid", JA, signaal("escalerend"),
        BIJLAGE6.bij("Psychische en/of fysieke mishandeling door escalerende vormen van langdurige stalking in (ex-)partnerrelaties (parafrase).")),
)

POLITIE_BIJ_ACUUT_GEVAAR = Regel("knmg_actie_politie_bij_acuut_gevaar", ACTIE, "politie_inschakelen_bij_acuut_gevaar", Is("acute_onveiligheid", JA),
    STAPPENPLAN.bij("Bij acuut gevaar kan naast de melding bij Veilig Thuis de politie (112) worden ingeschakeld (parafrase)."),
    label="Acute onveiligheid: schakel zo nodig naast Veilig Thuis ook de politie in (112).")

# -- vragen, bijzonderheden, open vragen ---------------------------------------------------------

VRAGEN_2023 = (
    (
        "vermoeden",
        "Heb ik een vermoeden van (dreiging van) kindermishandeling en/of huiselijk geweld?",
    ),
    ("acute_onveiligheid", "Is er sprake van acute en/of structurele onveiligheid?"),
    ("structurele_onveiligheid", "Is er sprake van acute en/of structurele onveiligheid?"),
    ("passende_hulp", "Ben ik, als arts, in staat effectieve hulp te bieden of te organiseren?"),
    ("medewerking", "Aanvaarden betrokkenen de voorgestelde hulp?"),
    ("duurzame_veiligheid", "Leidt de hulp tot (herstel) van veiligheid?"),
)

BIJZONDERHEDEN = (
    Bijzonderheid("knmg_volgorde_niet_dwingend", "De volgorde van de stappen is niet dwingend",
        "Soms is eerst een gesprek nodig, soms eerst advies van Veilig Thuis; stappen kunnen herhaald worden. Alle nodige stappen zijn gezet voordat tot melden wordt besloten; de meldcode kan op elk moment worden afgesloten als het vermoeden wegvalt.",
        STAPPENPLAN.bij("De volgorde van de stappen is niet dwingend (parafrase)."),
        "bijzonderheid"),
    Bijzonderheid("knmg_stap4_overleg_en_vir", "Stap 4: zo nodig overleg met betrokken professionals en een signaal aan de VIR",
        "In stap 4 overlegt de arts zo nodig met andere betrokken professionals en geeft hij zo nodig een signaal af aan de Verwijsindex Risicojongeren. Tandartsen zijn niet bevoegd tot een signaal aan de VIR.",
        STAPPENPLAN.bij("Stap 4: zo nodig overleg betrokken professionals en signaal aan VIR (parafrase)."),
        "stap"),
    Bijzonderheid("knmg_beroepsgeheim", "Beroepsgeheim",
        "Het beroepsgeheim wordt alleen doorbroken met toestemming, op grond van het wettelijk meldrecht (Wmo 2015 art. 5.2.6), of bij een conflict van plichten.",
        STAP5.bij("Bijlage 2: beroepsgeheim bij melden (parafrase)."),
        "bijzonderheid"),
    Bijzonderheid("knmg_dossier_stap5", "Vastleggen in het patiëntendossier",
        "De arts legt vast: welke inschatting hij maakte en waarop; welke acties hij ondernam; wie hij over de melding informeerde, de reactie en of aan bezwaren tegemoet kon worden gekomen; welke pogingen hij deed als de betrokkenen niet bereikbaar waren; en de vervolgafspraken met Veilig Thuis en de betrokkenen.",
        STAP5.bij("Acties vastleggen in het patiëntendossier (parafrase van de opsomming)."),
        "stap"),
    Bijzonderheid("knmg_betrokkenen_onbereikbaar", "Als de betrokkenen niet bereikbaar zijn",
        "De arts doet naar redelijkheid ten minste een aantal pogingen tot contact, tenzij de tijd dat niet toelaat vanwege zwaarwegende belangen van anderen.",
        STAP5.bij("Dit houdt in dat u – tenzij de tijd dat niet toelaat vanwege zwaarwegende belangen van anderen – ten minste een aantal pogingen tot contact doet."),
        "stap"),
)

BIJZONDERHEDEN_2023 = (
    *BIJZONDERHEDEN,
    Bijzonderheid("knmg_drie_stappenplannen", "Drie stappenplannen",
        "Naast het stappenplan bij een vermoeden zijn er stappenplannen voor informatieverstrekking op verzoek van Veilig Thuis, de Raad voor de Kinderbescherming of een gecertificeerde instelling, en op verzoek van politie of justitie.",
        AJN_2023.bij("De herziene KNMG-meldcode omvat nu in totaal 3 stappenplannen (parafrase)."),
        "procedure"),
    Bijzonderheid("knmg_tandartsen", "Geldt ook voor tandartsen",
        "De KNMG-meldcode geldt ook voor tandartsen, behalve de passages over de Verwijsindex Risicojongeren.",
        VOORWOORD.bij("De KNMG-meldcode Kindermishandeling en huiselijk geweld geldt ook voor tandartsen."),
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
        KINDCHECK,
        KINDCHECK_OPEN,
        KINDCHECK_POSITIEF,
        ADVIES_VEILIG_THUIS,
        POLITIE_BIJ_ACUUT_GEVAAR,
    ),
    open_vragen=OPEN_2018,
    bijzonderheden=(
        *BIJZONDERHEDEN,
        Bijzonderheid("knmg_2018_tandartsen", "Tandartsen (2018-2023): KNMT-meldcode met dit afwegingskader",
            "Tandartsen werkten met de KNMT-meldcode (2016); het afwegingskader van de cluster artsencoalitie verving daarin stap 5.",
            KNMT_2018.bij("Het afwegingskader vervangt Stap 5 van het stappenplan uit de KNMT-meldcode (2016) met een vijftal afwegingsvragen."),
            "bijzonderheid"),
    ),
    wijzigingen="Het afwegingskader van de cluster artsencoalitie (gepresenteerd 2 juli 2018, "
    "verplicht vanaf 1 januari 2019) vervangt stap 5; de meldcode geldt ook voor volwassenen en "
    "ouderenmishandeling. Voor tandartsen vervangt het stap 5 van de KNMT-meldcode (2016).",
)

VERSIE_2023 = KaderVersie(
    versie="2023",
    geldig_van=date(2023, 11, 20),
    geldig_tot=None,
    bron=STAP5.bij(
        "In stap 5 van het stappenplan past u het zogenoemde afwegingskader toe. Gepubliceerd en "
        "in werking getreden op 20 november 2023, ter vervanging van de versie uit 2018 (AJN)."
    ),
    regels=(
        KINDCHECK,
        KINDCHECK_OPEN,
        KINDCHECK_POSITIEF,
        MANTELZORGVERLENINGSCHECK,
        ADVIES_VEILIG_THUIS,
        *ACUUT_BIJLAGE5,
        *STRUCTUREEL_BIJLAGE6,
        POLITIE_BIJ_ACUUT_GEVAAR,
    ),
    aanscherpingen=(COLLEGA_VERPLICHT_2023,),
    afwegingsvragen=VRAGEN_2023,
    open_vragen=OPEN_2023,
    bijzonderheden=BIJZONDERHEDEN_2023,
    wijzigingen="Drie stappenplannen (ook voor informatieverzoeken van Veilig Thuis, Raad, GI en "
    "politie/justitie); anoniem advies van een of meer collega's verplicht in stap 2; voorbeelden "
    "van acute en structurele onveiligheid (Bijlage 5 en 6); geldt ook voor tandartsen.",
)

KADER = Kader(
    id="knmg",
    naam=_TITEL,
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
    versies=(VERSIE_2018, VERSIE_2023),
    uitgever="KNMG",
    breidt_uit="basis",
    omschrijving="Het afwegingskader van de artsen (en sinds 2023 de tandartsen): de meldnormen "
    "van het model, met de kindcheck en mantelzorgverleningscheck, verplicht advies in stap 2 en "
    "voorbeelden van acute en structurele onveiligheid.",
)
