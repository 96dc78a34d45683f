"""De bronnen van de meegeleverde kaders: elke publicatie één keer, met waar zij gelezen is.

Een regel noemt de passage die zij uitvoert (``BRON.bij("passage")``); hier staat het document
zelf. Een publicatie die meer dan één kader aanhaalt, zoals de voorbeelden van acute en
structurele onveiligheid in de KNMG-meldcode (Bijlage 5 en 6, in het model en in het kader van
de artsen), staat hier één keer.
"""

from __future__ import annotations

from datetime import date

from meldcode_rules.authoring import Bron

KNMG_TITEL = "KNMG-meldcode Kindermishandeling en huiselijk geweld"
_MAGLR = "https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/"


def _knmg_2023(onderdeel: str, pad: str) -> Bron:
    return Bron("KNMG", f"{KNMG_TITEL} (2023) — {onderdeel}", "2023", date(2023, 11, 20),
        _MAGLR + pad)


# -- het model (basis) ------------------------------------------------------------------------

BASISDOCUMENT = Bron("Ministerie van VWS", 'Basisdocument "Het afwegingskader in de Meldcode huiselijk geweld en kindermishandeling"', "2017-07-28 (herpubliceerd 2018-05-08)", date(2018, 5, 8),
    "https://www.huiselijkgeweld.nl/publicaties/publicaties/2018/05/08/het-afwegingskader-in-de-meldcode-huiselijk-geweld-en-kindermishandeling")
NJI = Bron("Nederlands Jeugdinstituut (weergave van het VWS-voorbeeldafwegingskader)", "Afwegingskader meldcode", "voorbeeldafwegingskader 2018", None,
    "https://www.nji.nl/kindermishandeling/afwegingskader-meldcode")
MELDNORMEN = Bron("Handelingsprotocol Utrecht (weergave van de professionele normen)", "Stap 5: hulp of melden", "na 2019", None,
    "https://handelingsprotocol.nl/utrecht-kz-stap-5-hulp-of-melden")
VRAGENLIJST = Bron("Afwegingskader Meldcode (gezamenlijke beroepsorganisaties)", "Afwegingskader Meldcode — vragenlijst, definitie acute onveiligheid", "online", None,
    "https://afwegingskadermeldcode.nl/vragenlijst?showtemplate=1")
AFWEGINGSVRAAG_2 = Bron("Interventieacademie (weergave van de gedeelde definitie)", "Afwegingsvraag 2: acute onveiligheid", "online", None,
    "https://www.interventieacademie.nl/afwegingsvraag-2/")
STRUCTUREEL = Bron("Handelingsprotocol Utrecht (algemeen maatschappelijk werk; weergave van de definities)", "Stap 5: hulp of melden — definities", "na 2019", None,
    "https://handelingsprotocol.nl/utrecht-amw-stap-5-hulp-of-melden")
KINDCHECK = Bron("Huiselijkgeweld.nl (kennisplatform van VWS)", "Kindcheck: signaleren van kindermishandeling op basis van oudersignalen (factsheet)", "2018-11-01", date(2018, 11, 1),
    "https://www.huiselijkgeweld.nl/vormen/kindcheck-signaleren-van-kindermishandeling-op-basis-van-oudersignalen")
AUGEO_KINDCHECK = Bron("Augeo Foundation", "De kindcheck", "online", None,
    "https://www.augeo.nl/nl-nl/kindcheck")
AUGEO_KINDCHECK_2013 = Bron("Augeo Foundation", "Kindcheck: ouders met problemen", "online", None,
    "https://www.augeo.nl/nl-nl/kindcheck/ouders-met-problemen/")
EERGERELATEERD = Bron("Movisie", "De Meldcode bij (vermoedens van) eergerelateerd geweld (factsheet)", "2020-05-18", date(2020, 5, 18),
    "https://www.movisie.nl/publicatie/meldcode-vermoedens-eergerelateerd-geweld-0")
EERGERELATEERD_VORMEN = Bron("Veilig Thuis Hollands Midden", "Vernieuwde factsheet: de meldcode bij vermoedens van eergerelateerd geweld", "2020", None,
    "https://www.veiligthuishollandsmidden.nl/vernieuwde-factsheet-de-meldcode-bij-vermoedens-van-eergerelateerd-geweld/")
SIGNALENKAART = Bron("Signalenkaart.nl", "De meldcode — stap 3: gesprek met de cliënt", "online", None,
    "https://www.signalenkaart.nl/meldcode/")
AFWEGING_5 = Bron("1Gezin1Plan (regionale toelichting op het afwegingskader)", "Toelichting afweging 5: herstel van duurzame veiligheid", "online", None,
    "https://1gezin1plan.nu/05-toelichting-afweging-5-herstel-van-duurzame-veiligheid/")
STAP5_2019 = Bron("Rijksoverheid (projectbron seeds/004)", "Meldcode huiselijk geweld en kindermishandeling: hoe werkt de meldcode?", "verbeterde meldcode 2019", date(2019, 1, 1),
    "https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/inhoud/meldcode")
RIJKSOVERHEID_STAPPEN = Bron("Rijksoverheid", "Meldcode huiselijk geweld en kindermishandeling — de vijf stappen", "online", None,
    "https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/inhoud/meldcode")
AUGEO_VT = Bron("Augeo Foundation", "Meldcode: Veilig Thuis", "online", None,
    "https://www.augeo.nl/nl-nl/themas/meldcode/veilig-thuis/")
MOVISIE_DOSSIER = Bron("Movisie", "Factsheet Meldcode en dossiervorming", "2015-05-22", date(2015, 5, 22),
    "https://www.movisie.nl/publicatie/meldcode-dossiervorming")
GRONINGEN = Bron("Groninger meldcode (Veilig Thuis Groningen)", "De meldcode in 5 stappen", "vóór 2019", None,
    "http://www.groningermeldcode.nl/de-meldcode-in-5-stappen/")
STAPPENPLAN_2013 = Bron("Veilig Thuis Noord-Holland Noord", "Stappenplan meldcode (vóór 2019)", "vóór 2019", None,
    "https://www.veiligthuisnhn.nl/professionals/meldcode/stappenplan.aspx")
HULP_EN_EFFECTEN_2013 = Bron("Handelingsprotocol Utrecht (thuiszorg)", "Stap 5: hulp organiseren en effecten volgen of melden en volgen", "vóór 2019", None,
    "https://handelingsprotocol.nl/utrecht-tz-stap-5-hulp-of-melden-2")

# -- de KNMG-meldcode (Bijlage 5 en 6 haalt ook het model aan) ---------------------------------

KNMG_STAP5 = _knmg_2023(
    "Stap 5: Beslissen over melden via afwegingskader",
    "stap-5-beslissen-over-melden-via-afwegingskader",
)
KNMG_GRAFISCH = _knmg_2023(
    "Stap 5: Grafische weergave van het afwegingskader",
    "stap-5-grafische-weergave-van-het-afwegingskader",
)
KNMG_STAP1 = _knmg_2023(
    "Stap 1: Onderzoek, kindcheck en mantelzorgverleningscheck",
    "stap-1-onderzoek-kindcheck-en-mantelzorgverleningscheck",
)
KNMG_STAPPENPLAN = _knmg_2023(
    "Onderdeel I: Stappenplan (vermoeden van) kindermishandeling en huiselijk geweld",
    "onderdeel-i-stappenplan-vermoeden-van-kindermishandeling-en-huiselijk-geweld",
)
KNMG_BIJLAGE5 = _knmg_2023(
    "Bijlage 5: Voorbeelden van acute onveiligheid",
    "bijlage-5-voorbeelden-van-acute-onveiligheid",
)
KNMG_BIJLAGE6 = _knmg_2023(
    "Bijlage 6: Voorbeelden van structurele onveiligheid",
    "bijlage-6-voorbeelden-van-structurele-onveiligheid",
)
KNMG_VOORWOORD = _knmg_2023("Voorwoord", "voorwoord1")
AJN_2023 = Bron("AJN Jeugdartsen Nederland", "Vernieuwde KNMG-meldcode Kindermishandeling en huiselijk geweld", "2023", date(2023, 11, 20),
    "https://ajnjeugdartsen.nl/vernieuwde-knmg-meldcode-kindermishandeling-en-huiselijk-geweld/")
VERENSO_2018 = Bron("Verenso", "Nieuwe KNMG-meldcode kindermishandeling en huiselijk geweld per 1 januari 2019 verplicht", "2018", date(2018, 11, 28),
    "https://www.verenso.nl/nieuws/archief/2018/nieuwe-knmg-meldcode-kindermishandeling-en-huiselijk-geweld-per-1-januari-2019-verplicht")
KNMT_2018 = Bron("KNMT", "Nieuw afwegingskader en stappenplan bij meldcode kindermishandeling en huiselijk geweld", "2018", None,
    "https://www.knmt.nl/nieuws/nieuw-afwegingskader-en-stappenplan-bij-meldcode-kindermishandeling-en-huiselijk-geweld")
KNMG_2012 = Bron("KNMG", f"{KNMG_TITEL} (2012)", "2012", None,
    "http://docplayer.nl/6325-Kindermishandeling-en-huiselijk-geweld-knmg-meldcode.html")
LHV_KINDCHECK = Bron("LHV Amsterdam-Almere", "Doe de kindcheck", "2014", None,
    "https://amsterdam-almere.lhv.nl/actueel/nieuws/doe-de-kindcheck")
AUGEO_ADVIES = Bron("Augeo Foundation", "11 vragen over advies vragen aan Veilig Thuis", "2023", None,
    "https://www.augeo.nl/nl-nl/actueel/11-vragen-over-advies-vragen-aan-veilig-thuis/")

# -- het onderwijskader en de meld-, overleg- en aangifteplicht --------------------------------

ONDERWIJS_KADERTEKST = Bron("Onderwijsveld (gepubliceerd door VWS op huiselijkgeweld.nl)", "Afwegingskader Meldcode Onderwijs en leerplicht", "2018-07-04", date(2018, 7, 4),
    "https://www.huiselijkgeweld.nl/interventies/publicaties/interventies/2018/07/04/afwegingskader-meldcode-onderwijs-en-leerplicht")
UTRECHT_BO = Bron("Handelingsprotocol Utrecht, basisonderwijs (overgenomen tekst van het onderwijskader)", "Stap 5: hulp of melden", "na 2019", None,
    "https://www.handelingsprotocol.nl/utrecht-bo-stap-5-hulp-of-melden-3")
ZEDENDELICT = Bron("Rijksoverheid", "Moet de school seksueel misbruik melden en aangeven?", "online", None,
    "https://www.rijksoverheid.nl/onderwerpen/voortgezet-onderwijs/vraag-en-antwoord/moet-de-school-seksueel-misbruik-melden-en-aangeven")
WODC_2019 = Bron("WODC (Universiteit Utrecht: Kool, Kristen, Beekhuis, De Zanger)", "Verruiming van de aangifteplicht voor ernstige seksuele misdrijven?", "2019", None,
    "https://5dok.net/article/regelgeving-betreffende-seksueel-misbruik-binnen-institutionele-spoor-inleiding.y6eo8wrn")
INSPECTIE_2019 = Bron("Inspectie van het Onderwijs", "Factsheet meldingen vertrouwensinspecteurs po, vo, so, mbo, wo 2017-2018", "2019-04-03", date(2019, 4, 3),
    "https://www.onderwijsinspectie.nl/documenten/publicaties/2019/04/03/factsheet-meldingen-vertrouwensinspecteurs-po-vo-so-mbo-wo-2017-2018")
ZEDENDELICT_1999 = Bron("Ministerie van OCW (huiselijkgeweld.nl)", "Seksueel misbruik en seksuele intimidatie in het onderwijs: meldplicht en aangifteplicht", "2001", None,
    "https://www.huiselijkgeweld.nl/publicaties/brochures/seksueel_misbruik_onderwijs")
LVVV = Bron("Landelijke Vereniging van Vertrouwenspersonen", "Vertrouwenspersoon in het onderwijs: hoe zit het ook alweer met die meld- en aangifteplicht?", "online", None,
    "https://www.lvvv.nl/nieuws/vertrouwenspersoon-in-het-onderwijs-hoe-zit-het-ook-alweer-met-die-meld-en-aangifteplicht/16810")

# -- het protocol van de kinderopvang ----------------------------------------------------------

KINDEROPVANG_PROTOCOL = Bron("BOinK, met aandachtsfunctionarissen in de kinderopvang (huiselijkgeweld.nl)", "Protocol 'kindermishandeling en grensoverschrijdend gedrag' voor de kinderopvang", "2018-07-04", date(2018, 7, 4),
    "https://www.huiselijkgeweld.nl/interventies/hulpverlening/protocol-kindermishandeling-en-grensoverschrijdend-gedrag-voor-de-kinderopvang")
PPINK = Bron("PPINK", "Protocol Kindermishandeling, huiselijk geweld en grensoverschrijdend gedrag", "2023-11-20", date(2023, 11, 20),
    "https://www.ppink.nl/dossier/protocol-kindermishandeling-huiselijk-geweld-en-grensoverschrijdend-gedrag/")
BOINK = Bron("BOinK", "Meldcode kindermishandeling (themapagina veiligheid en gezondheid)", "2023-07-25", date(2023, 7, 25),
    "https://www.boink.info/paginas/openbaar/themapaginas/veiligheid-en-gezondheid/meldcode-kindermishandeling/20230725195720")
GASTOUDEROPVANG_2021 = Bron("Kennisnetwerk gastouderopvang", "Factsheet meldingen vertrouwensinspecteur", "2021-07-14", date(2021, 7, 14),
    "https://www.kennisnetwerkgastouderopvang.nl/facsheet-meldingen-vertouwensinspecteur/")
MELDCODEKMKO_FC2 = Bron("Meldcode kindermishandeling kinderopvang (meldcodekmko.nl)", "FC2: Scherm 7B: Stap 2: Overleg met de vertrouwensinspecteur", "online", None,
    "https://meldcodekmko.nl/fc2-scherm-7b-stap-2-overleg-met-de-vertrouwensinspecteur/")

# -- het gezamenlijke kader van de beroepsorganisaties -----------------------------------------

GEZAMENLIJK_VRAGENLIJST = Bron("NVO, NIP, BPSW en dertien andere beroepsorganisaties", "Afwegingskader Meldcode — vragenlijst", "online", None,
    "https://afwegingskadermeldcode.nl/vragenlijst?showtemplate=1")
TUCHTRECHT_2025 = Bron("NVP (Nederlandse Vereniging voor Psychotherapie)", "Uitspraak van de maand januari 2026 (RTG Zwolle 21-11-2025)", "2026-01-20", date(2026, 1, 20),
    "https://psychotherapie.nl/actueel/nvp-nieuws/nieuwsbericht?newsitemid=1817051137")
