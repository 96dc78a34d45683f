"""Het model-afwegingskader: de wettelijke norm die elk sectorkader uitbreidt.

Kader: ``basis`` — de meldcode volgens het basismodel, met het voorbeeld-afwegingskader.
Uitgever: Ministerie van VWS.
Versies:
  - ``2013`` (1 juli 2013 t/m 31 december 2018): stap 5 is één keuze, *hulp organiseren óf melden*.
  - ``2019`` (vanaf 1 januari 2019, de verbeterde meldcode): twee losse beslissingen; melden is de
    norm bij acute of structurele onveiligheid.
Bron: Basisdocument "Het afwegingskader in de Meldcode huiselijk geweld en kindermishandeling"
(VWS, 2017-07-28; herpubliceerd 2018-05-08),
https://www.huiselijkgeweld.nl/publicaties/publicaties/2018/05/08/het-afwegingskader-in-de-meldcode-huiselijk-geweld-en-kindermishandeling
— de vijf afwegingsvragen zoals het NJi ze weergeeft, https://www.nji.nl/kindermishandeling/afwegingskader-meldcode.

De regels staan in de volgorde van het afwegingskader. Wat de bronnen openlaten staat als
``OpenVraag`` bij de regel waar het om gaat.
"""

from __future__ import annotations

from datetime import date

from .bronnen import BASISDOCUMENT, NJI, MELDNORMEN, VRAGENLIJST, AFWEGINGSVRAAG_2, STRUCTUREEL, KINDCHECK, AUGEO_KINDCHECK, AUGEO_KINDCHECK_2013, EERGERELATEERD, SIGNALENKAART, AFWEGING_5, STAP5_2019, RIJKSOVERHEID_STAPPEN, AUGEO_VT, MOVISIE_DOSSIER, GRONINGEN, STAPPENPLAN_2013, HULP_EN_EFFECTEN_2013, KNMG_BIJLAGE5, KNMG_BIJLAGE6
from meldcode_rules.authoring import ACTIE, HULP, JA, MELDEN, NEE, ONBEKEND, SECTOREN, SIGNALERING, Altijd, Feit, Is, Kader, KaderVersie, Minstens, Niet, OpenVraag, Regel, signaal, signaalregels

__all__ = ["KADER"]

V, A, S = Feit("vermoeden"), Feit("acute_onveiligheid"), Feit("structurele_onveiligheid")
P, M, D = Feit("passende_hulp"), Feit("medewerking"), Feit("duurzame_veiligheid")
ONVEILIG = A | S
VEILIG_GENOEG = ~A & ~S

# -- beoordelingsregels: acute onveiligheid (2019) ----------------------------------------------


ACUUT = signaalregels("acute_onveiligheid", JA,
    ("acuut_direct_levensgevaar", "direct_levensgevaar", AFWEGINGSVRAAG_2.bij("Is er sprake van direct (levens)gevaar? (parafrase)")),
    ("acuut_ernstig_letsel", "ernstig_letsel", AFWEGINGSVRAAG_2.bij("Is er ernstig letsel met een vermoeden dat dit is toegebracht, of een poging daartoe?")),
    ("acuut_verzorger_middelen_of_crisis", "verzorger_middelen_of_crisis", AFWEGINGSVRAAG_2.bij("In gevaar brengen van kinderen en kwetsbare volwassenen als gevolg van excessief middelenmisbruik en/of een acute psychische crisis van de verantwoordelijke ouder/partner/verzorger.")),
    ("acuut_dreiging", "acute_dreiging", AFWEGINGSVRAAG_2.bij("Is er een acute dreiging om zichzelf én een naaste (waaronder (ex-)partner, kinderen of een familielid) te doden, ernstig letsel toe te brengen of hun vrijheid te benemen (ontvoering, familiedrama, eerwraak, huwelijksdwang, vrouwelijke genitale verminking)?")),
    ("acuut_verminking_handicap_of_dood", "verminking_handicap_of_dood", AFWEGINGSVRAAG_2.bij("Leidt geweld of verwaarlozing tot verminking, handicap of de dood van een lid van het cliëntsysteem? (parafrase)")),
    ("acuut_basale_zorg_ontbreekt", "basale_zorg_ontbreekt", VRAGENLIJST.bij("Of, bij zorgafhankelijke kinderen of (oudere) volwassenen, de afwezigheid van de meest basale verzorging (waaronder eten, drinken, kleding en onderdak).")),
    ("acuut_onnodige_medische_zorg", "onnodige_medische_zorg", VRAGENLIJST.bij("Het kan ook gaan om het onnodig toedienen van medicijnen of het verrichten van onnodige (medische) zorg.")),
)

# -- beoordelingsregels: structurele onveiligheid (2019) ----------------------------------------

STRUCTUREEL_REGELS = signaalregels("structurele_onveiligheid", JA,
    ("structureel_herhaling_vastgelegd", "herhaald", STRUCTUREEL.bij("Structurele onveiligheid: er is sprake van herhaling of het voortduren van een onveilige situatie of geweld."),
        "De professional legt de herhaling vast (kenmerk herhaald). Het aantal data waarop signalen zijn vastgelegd beslist niets: zie signalering_herhaling_wegen."),
    ("structureel_voortduren", "voortdurend", STRUCTUREEL.bij("Structurele onveiligheid: er is sprake van herhaling of het voortduren van een onveilige situatie of geweld.")),
)

# -- signaleringen bij stap 1 en afweging 2: wat te wegen, nooit een afgeleide waarde -------------

WEGEN = (
    Regel("signalering_herhaling_wegen", SIGNALERING, "herhaling_wegen", Minstens("aantal_signaaldata", 2) & ~Is("structurele_onveiligheid", JA),
        STRUCTUREEL.bij("Gaat soms om patronen van herhaald, terugkerend geweld of verwaarlozing."),
        label="Er zijn signalen op meer dan één datum. Dat beslist niets op zich: weeg of er sprake is van herhaling of het voortduren van een onveilige situatie (structurele onveiligheid, afweging 2) en leg uw oordeel vast."),
    Regel("signalering_mensenhandel_wegen", SIGNALERING, "mensenhandel_wegen", signaal("mensenhandel") & ~Is("acute_onveiligheid", JA),
        AFWEGINGSVRAAG_2.bij("Is er sprake van mensenhandel (zoals uitbuiting of gedwongen prostitutie)?"),
        label="Een signaal van mensenhandel. Bij afweging 2 hoort de vraag of er sprake is van mensenhandel (zoals uitbuiting of gedwongen prostitutie): is dat zo, dan is er acute onveiligheid. Weeg het en beantwoord afweging 2."),
    Regel("signalering_onthulling_wegen", SIGNALERING, "onthulling_wegen", (signaal("onthulling") | signaal("onthulling_acuut_gevaar")) & ~Is("acute_onveiligheid", JA),
        AUGEO_VT.bij("Ook als een slachtoffer zelf vertelt over onveiligheid thuis (een disclosure doet), meldt de professional dat."),
        label="Een slachtoffer heeft uit zichzelf verteld over het geweld of om hulp gevraagd (onthulling). Weeg bij afweging 2 of er acute onveiligheid is; ook na een onthulling wordt gemeld bij Veilig Thuis."),
    Regel("signalering_knmg_voorbeeld_acuut", SIGNALERING, "knmg_voorbeeld_acute_onveiligheid_wegen",
        (signaal("poging_tot_verwurging") | signaal("wapengebruik") | signaal("herhalingskans") | signaal("falsificatie") | signaal("verzorger_suicidaal")
         | signaal("gedwongen_vlucht") | signaal("zwangerschap") | signaal("oorlogsgebied") | signaal("letsel_medische_behandeling")) & ~Is("acute_onveiligheid", JA),
        KNMG_BIJLAGE5.bij("Hieronder staat een aantal voorbeelden van situaties van acute onveiligheid. Deze lijst is niet uitputtend."),
        label="Een signaal heeft een kenmerk dat de KNMG-meldcode (Bijlage 5) als voorbeeld van acute onveiligheid noemt, binnen de voorwaarden van dat voorbeeld. Dit kader leidt er geen acute onveiligheid uit af: weeg het bij afweging 2."),
    Regel("signalering_knmg_voorbeeld_structureel", SIGNALERING, "knmg_voorbeeld_structurele_onveiligheid_wegen",
        (signaal("stelselmatig_getuige") | signaal("escalerend") | signaal("ouderproblematiek")) & ~Is("structurele_onveiligheid", JA),
        KNMG_BIJLAGE6.bij("Hieronder staan enkele illustratieve voorbeelden van situaties van structurele onveiligheid. Deze lijst is niet uitputtend."),
        label="Een signaal heeft een kenmerk dat de KNMG-meldcode (Bijlage 6) als voorbeeld van structurele onveiligheid noemt. Dit kader leidt er geen structurele onveiligheid uit af: weeg het bij afweging 2."),
)

# -- stap 1: de kindcheck (wettelijk, in elke meldcode sinds 2013) --------------------------------

OUDERSIGNAAL = Minstens("aantal_volwassenen_met_oudersignalen", 1)
KINDCHECK_REGELS = (
    Regel("actie_kindcheck", ACTIE, "kindcheck", OUDERSIGNAAL & ~Is("zorgt_voor_minderjarigen", NEE),
        KINDCHECK.bij("De Kindcheck houdt in dat je in je contacten met volwassen cliënten/patiënten nagaat of er kinderen in het gezin zijn en inschat of zij veilig zijn."),
        label="Kindcheck (stap 1): een volwassen cliënt heeft een omstandigheid die om de kindcheck vraagt (zoals ernstige psychische problemen, een suïcidepoging, verslaving, huiselijk geweld, agressie, dakloosheid, een verstandelijke beperking of detentie). Ga na of de cliënt zorgt voor minderjarige kinderen of zwanger is, en of die kinderen veilig kunnen opgroeien; leg dat vast."),
    Regel("signalering_kindcheck_onbeantwoord", SIGNALERING, "kindcheck_onbeantwoord", Is("zorgt_voor_minderjarigen", ONBEKEND),
        AUGEO_KINDCHECK.bij("Ga bij deze groepen cliënten ook na of zij zwanger zijn."),
        label="De kindcheck is niet afgerond: het is onbekend of de cliënt zorgt voor minderjarige kinderen (of zwanger is)."),
    Regel("actie_kindcheck_positief", ACTIE, "stappen_doorlopen_voor_kinderen", Is("zorgt_voor_minderjarigen", JA),
        AUGEO_KINDCHECK.bij("Bij een ‘positieve kindcheck’ volg je de stappen van de meldcode."),
        label="Positieve kindcheck: de cliënt zorgt voor minderjarige kinderen (of is zwanger). Volg voor hen de stappen van de meldcode en ga na of zij veilig kunnen opgroeien."),
    Regel("actie_kindcheck_afsluiten", ACTIE, "kindcheck_afsluiten", Is("zorgt_voor_minderjarigen", NEE),
        AUGEO_KINDCHECK.bij("Is er geen reden tot zorg? Dan sluit je af en noteer je dat in het dossier."),
        label="Kindcheck: de cliënt zorgt niet voor minderjarige kinderen en is niet zwanger. Sluit de kindcheck af en leg dat vast."),
)

# -- eergerelateerd geweld, huwelijksdwang en vrouwelijke genitale verminking ---------------------

EERGERELATEERD_SIGNAAL = signaal("eergerelateerd_geweld") | signaal("huwelijksdwang") | signaal("vrouwelijke_genitale_verminking")
DESKUNDIGE = Regel("actie_deskundige_raadplegen", ACTIE, "deskundige_raadplegen", EERGERELATEERD_SIGNAAL,
    EERGERELATEERD.bij("Zo dient men in deze zaken altijd een deskundige te raadplegen, omdat het collectieve karakter van deze vorm van geweld specifieke expertise vraagt."),
    label="Eergerelateerd geweld, huwelijksdwang of vrouwelijke genitale verminking: raadpleeg altijd een deskundige (eergerelateerd geweld: de aandachtsfunctionaris eergerelateerd geweld van de politie of Veilig Thuis; huwelijksdwang en achterlating: het Landelijk Knooppunt Huwelijksdwang en Achterlating; meisjesbesnijdenis: de aandachtsfunctionaris meisjesbesnijdenis van de jeugdgezondheidszorg of Veilig Thuis). Ga zonder dat advies geen gesprek aan met de ouders of de familie. Bij een acuut risico worden stappen versneld.",
    toelichting="Vrouwelijke genitale verminking en huwelijksdwang zijn vormen van eergerelateerd geweld (Veilig Thuis Hollands Midden, 2020). Wie de deskundige is: 1gezin1plan.nu (stap 2), het Landelijk Knooppunt Huwelijksdwang en Achterlating (2015) en de JGZ-meldcode meisjesbesnijdenis (meldcode.nu); dat een gesprek met ouders of familie een risico is: het CCV en het Landelijk Knooppunt.")

# -- beoordelingsregels: de drie hulpvoorwaarden -------------------------------------------------

HULPVOORWAARDEN_2019 = (
    Regel("hulp_buiten_competentie", "passende_hulp", NEE, Niet(Feit("hulp_binnen_competentie")),
        MELDNORMEN.bij("In alle andere gevallen waarin je meent dat je als professional, gelet op je competenties, je verantwoordelijkheden en je professionele grenzen, in onvoldoende mate effectieve hulp kan bieden of kan organiseren.")),
    Regel("medewerking_hulp_niet_aanvaard", "medewerking", NEE, Niet(Feit("hulp_aanvaard")),
        NJI.bij("Aanvaarden de betrokkenen hulp om dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af te wenden en zijn zij bereid zich hiervoor in te zetten? Nee: melden.")),
    Regel("medewerking_geen_inzet", "medewerking", NEE, Niet(Feit("hulp_inzet")),
        NJI.bij("Aanvaarden de betrokkenen hulp ... en zijn zij bereid zich hiervoor in te zetten? Nee: melden.")),
    Regel("medewerking_aanvaard_en_inzet", "medewerking", JA, Feit("hulp_aanvaard") & Feit("hulp_inzet"),
        NJI.bij("Aanvaarden de betrokkenen hulp ... en zijn zij bereid zich hiervoor in te zetten? Ja: hulp bieden of organiseren.")),
    Regel("duurzaam_onveiligheid_houdt_aan", "duurzame_veiligheid", NEE, Feit("hulp_onveiligheid_houdt_aan"),
        NJI.bij("Professionele norm 3: hulp wordt geboden, maar de onveiligheid stopt niet of herhaalt zich (parafrase).")),
    Regel("duurzaam_veiligheid_hersteld", "duurzame_veiligheid", JA, Feit("hulp_veiligheid_hersteld"),
        NJI.bij("Leidt de hulp binnen de gewenste termijn tot de noodzakelijke resultaten ten aanzien van de veiligheid en/of het welzijn (herstel) van alle betrokkenen? Ja: hulp afsluiten.")),
)

# -- beslisregels 2019 --------------------------------------------------------------------------

BESLISREGELS_2019 = (
    Regel("melden_acute_of_structurele_onveiligheid", MELDEN, "ja", V & ONVEILIG,
        STAP5_2019.bij("Melden is noodzakelijk als er sprake is van acute of structurele onveiligheid.")),
    Regel("melden_geen_passende_hulp", MELDEN, "ja", V & ~P,
        NJI.bij("Ben ik in staat effectieve hulp te bieden of organiseren om dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af te wenden? Nee: melden.")),
    Regel("melden_geen_medewerking", MELDEN, "ja", V & ~M,
        NJI.bij("Aanvaarden de betrokkenen hulp ... en zijn zij bereid zich hiervoor in te zetten? Nee: melden.")),
    Regel("melden_geen_duurzame_veiligheid", MELDEN, "ja", V & ~D,
        NJI.bij("Leidt de hulp binnen de gewenste termijn tot de noodzakelijke resultaten ...? Nee: (opnieuw) melden bij Veilig Thuis.")),
    Regel("niet_melden_geen_vermoeden", MELDEN, "nee", ~V,
        NJI.bij("Heb ik ... een vermoeden van (dreiging van) huiselijk geweld en/of kindermishandeling? Nee: afsluiten en vastleggen in dossier.")),
    Regel("niet_melden_hulp_volstaat", MELDEN, "nee", VEILIG_GENOEG & P & M & D,
        STAP5_2019.bij("Hulp verlenen is mogelijk als de professional passende hulp kan bieden, de betrokkenen meewerken en de hulp leidt tot duurzame veiligheid (parafrase)."),
        toelichting="Het vermoeden staat niet in de voorwaarde: zonder vermoeden wordt evenmin gemeld (niet_melden_geen_vermoeden). Zo blijft 'niet melden' gelden als beide takken van een onbekend vermoeden tot 'niet melden' leiden."),
    Regel("hulp_niet_van_toepassing", HULP, "niet_van_toepassing", ~V,
        NJI.bij("Nee: afsluiten en vastleggen in dossier.")),
    Regel("hulp_met_veilig_thuis", HULP, "met_veilig_thuis", V & ONVEILIG,
        NJI.bij("Ja: melden bij Veilig Thuis. De afwegingen 3 tot en met 5 worden samen met Veilig Thuis doorlopen.")),
    Regel("hulp_mogelijk", HULP, "ja", V & VEILIG_GENOEG & P & M & D,
        STAP5_2019.bij("Hulp verlenen is mogelijk als de professional passende hulp kan bieden, de betrokkenen meewerken en de hulp leidt tot duurzame veiligheid (parafrase).")),
    Regel("hulp_niet_mogelijk", HULP, "nee", V & VEILIG_GENOEG & (~P | ~M | ~D),
        STAP5_2019.bij("Indien hulp verlenen op basis van één van deze punten niet mogelijk is, is melden bij Veilig Thuis noodzakelijk.")),
)

# -- acties en signaleringen ------------------------------------------------------------------

VASTLEGGEN = Regel("actie_vastleggen", ACTIE, "vastleggen", Altijd(),
    MOVISIE_DOSSIER.bij("De stappen van de meldcode worden vastgelegd in het dossier van de cliënt (parafrase)."),
    label="Leg de signalen, de stappen, de afwegingen en de beslissingen vast in het dossier.")
HULP_LOOPT = V & VEILIG_GENOEG & P & M & Feit("hulp_effect_nog_onbekend")
"""Hulp is aanvaard en loopt; alleen afweging 5 (het resultaat) is nog niet te beantwoorden."""
VEILIG_THUIS_RAADPLEGEN = Regel("actie_veilig_thuis_raadplegen", ACTIE, "veilig_thuis_raadplegen", ((Is(MELDEN, "onbepaald") | Is(HULP, "onbepaald")) & ~HULP_LOOPT) | Feit("twijfel"),
    RIJKSOVERHEID_STAPPEN.bij("Stap 4: ... En bij twijfel altijd Veilig Thuis raadplegen."),
    label="Bij twijfel: raadpleeg Veilig Thuis (0800-2000), zo nodig anoniem.",
    toelichting="Twijfel is een oordeel van de professional (antwoorden.twijfel), niet een onbeantwoorde vraag; een beslissing die onbepaald is omdat een afweging nog niet beantwoord is, krijgt hetzelfde advies. Loopt de hulp en is alleen afweging 5 nog open, dan volgt actie_afweging_5_na_termijn.")
AFWEGING_5_NA_TERMIJN = Regel("actie_afweging_5_na_termijn", ACTIE, "afweging_5_na_termijn", HULP_LOOPT,
    AFWEGING_5.bij("Een professional die hulp biedt of organiseert ... weegt telkens af of de onveiligheid daadwerkelijk stopt of zich herhaalt."),
    label="De hulp loopt en haar effect is nog niet te beoordelen. Spreek een termijn af waarbinnen het effect merkbaar moet zijn, volg de veiligheid en beantwoord afweging 5 na die termijn; stopt de onveiligheid niet of herhaalt zij zich, meld dan (alsnog) bij Veilig Thuis.",
    toelichting="Afweging 5 wordt in de tijd beantwoord: NJi vraagt of de hulp 'binnen de gewenste termijn' tot resultaat leidt. Tot dan blijven de beslissingen onbepaald, met dit advies in plaats van 'raadpleeg Veilig Thuis'.")
AFSLUITEN = Regel("actie_afsluiten", ACTIE, "afsluiten_en_vastleggen", Is("vermoeden", NEE),
    NJI.bij("Nee: afsluiten en vastleggen in dossier."),
    label="Geen vermoeden: sluit de meldcode af en leg dat vast (de meldcode kan op elk moment opnieuw worden gestart).")
COLLEGIAAL_OVERLEG = Regel("signalering_collegiaal_overleg_ontbreekt", SIGNALERING, "collegiaal_overleg_ontbreekt", Is("collegiaal_overleg", NEE),
    RIJKSOVERHEID_STAPPEN.bij("Stap 2: Overleggen met een collega. En eventueel raadplegen van Veilig Thuis."),
    label="Stap 2 is nog niet gezet: overleg met een collega of de aandachtsfunctionaris.")
GESPREK_ONTBREEKT = Regel("signalering_gesprek_ontbreekt", SIGNALERING, "gesprek_ontbreekt", Is("gesprek_gevoerd", NEE) & Is("gesprek_overgeslagen_met_reden", NEE),
    SIGNALENKAART.bij("Het doen van een melding zonder dat de signalen zijn besproken met de cliënt, is alleen mogelijk als: Er concrete aanwijzingen zijn dat de veiligheid van de cliënt, die van u zelf, of die van een ander in het geding is, of zou kunnen zijn; Als u goede redenen hebt om te veronderstellen dat de cliënt door dit gesprek het contact met u zal verbreken."),
    label="Stap 3: het gesprek met de betrokkene(n) is niet gevoerd en er is geen reden vastgelegd om het over te slaan (gevaar voor de veiligheid van de cliënt, uzelf of een ander, of goede redenen om aan te nemen dat de cliënt het contact verbreekt).")

ACTIES_2019 = (
    Regel("actie_melden", ACTIE, "melden_bij_veilig_thuis", Is(MELDEN, "ja"),
        BASISDOCUMENT.bij("Beslissing 1: Is melden noodzakelijk?"),
        label="Meld bij Veilig Thuis (0800-2000). Een melding draagt de zorg niet over: blijf betrokken."),
    Regel("actie_melding_bespreken", ACTIE, "melding_bespreken_met_betrokkenen", Is(MELDEN, "ja") & ~EERGERELATEERD_SIGNAAL,
        AUGEO_VT.bij("Professionals bespreken in principe altijd met de cliënt dat zij een melding gaan doen (parafrase)."),
        label="Bespreek de zorgen en het voornemen om te melden met de betrokkene(n), tenzij de veiligheid dat niet toelaat."),
    Regel("actie_afwegingen_met_veilig_thuis", ACTIE, "afwegingen_3_5_met_veilig_thuis", Is(HULP, "met_veilig_thuis"),
        NJI.bij("De afwegingen 3 tot en met 5 worden samen met Veilig Thuis doorlopen."),
        label="Doorloop na de melding samen met Veilig Thuis de afwegingen over hulp (3 tot en met 5)."),
    Regel("actie_hulp_bieden", ACTIE, "hulp_bieden_en_effect_volgen", V & VEILIG_GENOEG & P & M,
        NJI.bij("Ja: hulp bieden of organiseren, ga verder met afweging 5."),
        label="Bied of organiseer de hulp en volg of die binnen de gewenste termijn tot veiligheid leidt (afweging 5)."),
    Regel("actie_hulp_afsluiten_en_monitoren", ACTIE, "hulp_afsluiten_en_monitoren", Is(HULP, "ja"),
        NJI.bij("Ja: hulp afsluiten met afspraken over het volgen van toekomstige (on)veiligheid met betrokkenen en samenwerkingspartners."),
        label="Sluit de hulp af met afspraken over het volgen van de (on)veiligheid."),
    AFSLUITEN,
    VEILIG_THUIS_RAADPLEGEN,
    AFWEGING_5_NA_TERMIJN,
    DESKUNDIGE,
    VASTLEGGEN,
    COLLEGIAAL_OVERLEG,
    GESPREK_ONTBREEKT,
)

OPEN_VRAGEN_2019 = (
    OpenVraag("plaats_van_de_afwegingen", "Horen de vijf afwegingen bij stap 4, bij stap 5 of bij beide?",
        ("vermoeden", "acute_onveiligheid", "structurele_onveiligheid"),
        "De bronnen verschillen (Basisdocument: stap 4 en 5; KNMG: stap 5; Haaglanden: stap 4). De beslissingen hangen er niet van af."),
    OpenVraag("structurele_onveiligheid_criteria", "Welke officiële criteria gelden voor structurele onveiligheid, en over welke periode telt herhaling?",
        ("structureel_herhaling_vastgelegd", "signalering_herhaling_wegen", "structurele_onveiligheid"),
        "Er is geen officiële criterialijst gevonden, alleen 'herhaling of het voortduren' en de voorbeelden van de KNMG (Bijlage 6); geen bron noemt een aantal keren of een termijn. De bibliotheek leidt structurele onveiligheid daarom alleen af uit wat de professional als herhaling of voortduren vastlegt, en signaleert signalen op meer dan één datum als iets om te wegen."),
    OpenVraag("onthulling_in_het_model", "Rekent het VWS-model een onthulling (disclosure) tot acute onveiligheid, en bij wie?",
        ("signalering_onthulling_wegen", "acute_onveiligheid"),
        "De tekst van het Basisdocument hierover is niet gevonden. Het gezamenlijke kader rekent een onthulling door kinderen en/of volwassenen tot acute onveiligheid, regionale protocollen een onthulling door kinderen of zorgafhankelijke volwassenen, de KNMG alleen een onthulling (ook door de ouder/pleger) van ernstige vormen die acuut gevaar kunnen opleveren. Het model leidt daarom niets af: de sectorkaders die het zeggen doen het met hun eigen voorwaarden, en elders vraagt signalering_onthulling_wegen de professional het te wegen.",
        STRUCTUREEL.bij("‘Disclosure’ (onthulling) wordt ook gezien als vorm van acute onveiligheid. Hiervan is sprake als kinderen (of zorgafhankelijke volwassenen) uit zichzelf een professional om hulp vragen bij kindermishandeling of huiselijk geweld.")),
    OpenVraag("gesprek_overslaan_basismodel", "Noemt het Basismodel meldcode zelf, naast gevaar voor de veiligheid, een verwachte contactbreuk als reden om het gesprek (stap 3) over te slaan?",
        ("signalering_gesprek_ontbreekt",),
        "De tekst van het Basismodel is niet gezien; signalenkaart.nl (bij stap 3) en de meldcode bij eergerelateerd geweld noemen beide redenen. De bibliotheek aanvaardt beide als vastgelegde reden (reden_geen_gesprek)."),
    OpenVraag("vermoeden_uit_signalen", "Wanneer leveren signalen zelf een vermoeden op?",
        ("vermoeden",),
        "Het kader legt het vermoeden bij de professional (na stap 1 tot en met 3). De bibliotheek leidt het vermoeden daarom niet af: zonder antwoord blijft het onbekend en is de beslissing onbepaald."),
    OpenVraag("recentheid_acute_onveiligheid", "Wanneer betekent een eerder signaal van lichamelijk of seksueel geweld 'direct fysiek gevaar'?",
        ("acute_onveiligheid",),
        "De definitie noemt fysiek of seksueel geweld, maar geen termijn. De bibliotheek leidt acute onveiligheid alleen af uit signalen met een kenmerk uit de vragenlijst; het oordeel over andere signalen ligt bij de professional.",
        VRAGENLIJST.bij("Van acute onveiligheid is sprake als een persoon in direct fysiek gevaar verkeert en de veiligheid nu en de komende dagen niet gegarandeerd is.")),
    OpenVraag("altijd_melden_categorieen", "Maakt een kader vrouwelijke genitale verminking, eergerelateerd geweld of ouderenmishandeling tot een categorie die altijd gemeld moet worden?",
        ("acuut_dreiging", "actie_deskundige_raadplegen"),
        "Niet gevonden. Deze vormen staan in de vragenlijst voor acute onveiligheid (als acute dreiging); bij eergerelateerd geweld (waaronder vrouwelijke genitale verminking en huwelijksdwang) moet altijd een deskundige worden geraadpleegd (actie_deskundige_raadplegen). Er is geen aparte altijd-melden-regel."),
    OpenVraag("artikeltekst_besluit", "Wat is de artikeltekst van het Besluit verplichte meldcode (Stb. 2013, 324) en van de wijziging (Stb. 2017, 291)?",
        toelichting="Niet gevonden; de bibliotheek verwijst naar de Staatsbladnummers, niet naar artikelnummers."),
)

VRAGEN_2019 = (
    (
        "vermoeden",
        "Heb ik op basis van de stappen 1 tot en met 4 van de meldcode een vermoeden van "
        "(dreiging van) huiselijk geweld en/of kindermishandeling?",
    ),
    (
        "acute_onveiligheid",
        "Schat ik op basis van de stappen 1 tot en met 4 van de meldcode in dat er sprake is van "
        "acute onveiligheid?",
    ),
    (
        "structurele_onveiligheid",
        "Schat ik op basis van de stappen 1 tot en met 4 van de meldcode in dat er sprake is van "
        "structurele onveiligheid?",
    ),
    (
        "passende_hulp",
        "Ben ik in staat effectieve hulp te bieden of organiseren om dreiging van (toekomstig) "
        "huiselijk geweld en/of kindermishandeling af te wenden?",
    ),
    (
        "medewerking",
        "Aanvaarden de betrokkenen hulp om dreiging van (toekomstig) huiselijk geweld en/of "
        "kindermishandeling af te wenden en zijn zij bereid zich hiervoor in te zetten?",
    ),
    (
        "duurzame_veiligheid",
        "Leidt de hulp binnen de gewenste termijn tot de noodzakelijke resultaten ten aanzien van "
        "de veiligheid en/of het welzijn (herstel) van alle betrokkenen?",
    ),
)

VERSIE_2019 = KaderVersie(
    versie="2019",
    geldig_van=date(2019, 1, 1),
    geldig_tot=None,
    bron=BASISDOCUMENT.bij("Het afwegingskader ondersteunt stap 4 en 5 met twee beslissingen."),
    regels=(
        *ACUUT,
        *STRUCTUREEL_REGELS,
        *WEGEN,
        *HULPVOORWAARDEN_2019,
        *BESLISREGELS_2019,
        *ACTIES_2019,
        *KINDCHECK_REGELS,
    ),
    afwegingsvragen=VRAGEN_2019,
    open_vragen=OPEN_VRAGEN_2019,
    wijzigingen="De verbeterde meldcode: stap 5 wordt twee losse beslissingen (is melden "
    "noodzakelijk; is zelf hulp bieden of organiseren (ook) mogelijk). Melden is de "
    "professionele norm bij acute of structurele onveiligheid. De keuze tussen hulpverlenen óf "
    "melden vervalt.",
)

# -- versie 2013: hulp organiseren óf melden ---------------------------------------------------

HULP_OF_MELDEN = STAPPENPLAN_2013.bij("Stap 5: Beslissen: hulp organiseren of melden?")

VERSIE_2013 = KaderVersie(
    versie="2013",
    geldig_van=date(2013, 7, 1),
    geldig_tot=date(2018, 12, 31),
    bron=HULP_OF_MELDEN,
    regels=(
        Regel("hulp_buiten_competentie", "passende_hulp", NEE, Niet(Feit("hulp_binnen_competentie")),
            GRONINGEN.bij("Houdt u hierbij goed voor ogen of u zelf beschikt over de juiste deskundigheid, professionele grenzen en capaciteit.")),
        Regel("duurzaam_onveiligheid_houdt_aan", "duurzame_veiligheid", NEE, Feit("hulp_onveiligheid_houdt_aan"),
            HULP_EN_EFFECTEN_2013.bij("Hulp organiseren en effecten volgen; alsnog melden bij nieuwe of aanhoudende signalen (parafrase).")),
        Regel("melden_2013_geen_eigen_hulp", MELDEN, "ja", V & ~P, HULP_OF_MELDEN),
        Regel("melden_2013_geweld_houdt_aan", MELDEN, "ja", V & ~D,
            HULP_EN_EFFECTEN_2013.bij("Alsnog melden als het geweld niet stopt of opnieuw begint (parafrase).")),
        Regel("niet_melden_geen_vermoeden", MELDEN, "nee", ~V,
            STAPPENPLAN_2013.bij("Stap 4: wegen van het (vermoeden van) geweld.")),
        Regel("niet_melden_2013_hulp_organiseren", MELDEN, "nee", P & D, HULP_OF_MELDEN),
        Regel("hulp_niet_van_toepassing", HULP, "niet_van_toepassing", ~V,
            STAPPENPLAN_2013.bij("Stap 4: wegen van het (vermoeden van) geweld.")),
        Regel("hulp_2013_organiseren", HULP, "ja", V & P & D, HULP_OF_MELDEN),
        Regel("hulp_2013_melden_in_plaats_van_hulp", HULP, "nee", V & (~P | ~D), HULP_OF_MELDEN),
        Regel("actie_melden", ACTIE, "melden_bij_veilig_thuis", Is(MELDEN, "ja"),
            HULP_OF_MELDEN,
            label="Meld het vermoeden (tot 2015 bij het AMK of het Steunpunt Huiselijk Geweld, daarna bij Veilig Thuis) en bespreek dat met de cliënt."),
        Regel("actie_hulp_organiseren", ACTIE, "hulp_organiseren_en_effecten_volgen", V & P & ~Is("duurzame_veiligheid", NEE),
            HULP_EN_EFFECTEN_2013.bij("Hulp organiseren en effecten volgen (parafrase)."),
            label="Organiseer de nodige hulp en volg de effecten; meld alsnog als het geweld niet stopt of opnieuw begint."),
        AFSLUITEN,
        VEILIG_THUIS_RAADPLEGEN,
        VASTLEGGEN,
        COLLEGIAAL_OVERLEG,
        GESPREK_ONTBREEKT,
        Regel("signalering_meldnorm_2019", SIGNALERING, "meldnorm_2019", V & ONVEILIG,
            BASISDOCUMENT.bij("De keuze tussen hulpverlenen óf melden in stap 5 vervalt."),
            label="Er is acute of structurele onveiligheid. In deze versie (vóór 2019) was melden een keuze; onder de verbeterde meldcode is melden dan de norm."),
        Regel("signalering_medewerking_2013", SIGNALERING, "medewerking_niet_gewogen", V & (Is("medewerking", NEE) | Is("hulp_aanvaard", NEE) | Is("hulp_inzet", NEE)),
            NJI.bij("Aanvaarden de betrokkenen hulp ... en zijn zij bereid zich hiervoor in te zetten? Nee: melden."),
            label="De betrokkenen werken niet mee (volgens het antwoord of de gegevens over de hulp). De meldcode van vóór 2019 noemt medewerking niet als aparte voorwaarde; weeg of hulp zonder medewerking volstaat.",
            toelichting="Leest de hulpgegevens rechtstreeks: de versie van vóór 2019 leidt geen afweging medewerking af, maar een hulp die niet aanvaard wordt of waarvoor de betrokkenen zich niet inzetten, wordt wel gesignaleerd."),
        *KINDCHECK_REGELS,
    ),
    afwegingsvragen=(
        (
            "vermoeden",
            "Stap 4: is er, na het wegen van de signalen, een vermoeden van huiselijk "
            "geweld of kindermishandeling?",
        ),
        ("acute_onveiligheid", "(Geen aparte afweging in deze versie.) Is er acute onveiligheid?"),
        (
            "structurele_onveiligheid",
            "(Geen aparte afweging in deze versie.) Is er structurele onveiligheid?",
        ),
        (
            "passende_hulp",
            "Stap 5: kan ik zelf hulp organiseren, gelet op mijn deskundigheid, "
            "professionele grenzen en capaciteit?",
        ),
        ("medewerking", "(Geen aparte afweging in deze versie.) Werken de betrokkenen mee?"),
        ("duurzame_veiligheid", "Stap 5: leidt de georganiseerde hulp ertoe dat het geweld stopt?"),
    ),
    open_vragen=(
        OpenVraag("twijfel_in_stap_5_voor_2019", "Wat schreef het basismodel van 2013 voor als de professional twijfelt of hij voldoende kan beschermen?",
            ("melden_2013_geen_eigen_hulp",),
            "De letterlijke tekst van stap 5 uit het basismodel is niet gevonden, alleen parafrasen. Een onbekend antwoord leidt daarom tot 'onbepaald' met het advies Veilig Thuis te raadplegen, niet tot een aangenomen melding."),
        OpenVraag("kindcheck_2013", "Sinds wanneer hoort de kindcheck bij de meldcode?",
            ("actie_kindcheck",),
            "Augeo: de overheid breidde de Wet verplichte meldcode in 2013 uit met de kindcheck. De artikeltekst van het Besluit (Stb. 2013, 324) is niet gezien; de bibliotheek past de kindcheck toe in elke versie vanaf 1 juli 2013.",
            AUGEO_KINDCHECK_2013.bij("... breidde de overheid de Wet Verplichte meldcode in 2013 uit met de kindcheck.")),
        OpenVraag("medewerking_voor_2019", "Telde de medewerking van de betrokkenen vóór 2019 mee in de keuze tussen hulp en melden?",
            ("medewerking",),
            "Niet als aparte voorwaarde gevonden. De bibliotheek gebruikt het antwoord niet in de beslissing van deze versie en signaleert een 'nee'."),
    ),
    wijzigingen="De meldcode van de Wet verplichte meldcode (1 juli 2013; Besluit van 16 juli "
    "2013, Stb. 2013, 324): vijf stappen, stap 5 is één keuze tussen hulp organiseren en melden.",
)

KADER = Kader(
    id="basis",
    naam="Basismodel meldcode met het voorbeeld-afwegingskader (VWS)",
    sectoren=SECTOREN,
    beroepsgroepen=(),
    versies=(VERSIE_2013, VERSIE_2019),
    uitgever="Ministerie van VWS",
    omschrijving="Het model waarop elke beroepsgroep haar eigen afwegingskader baseert; de "
    "wettelijke norm die sectorkaders uitbreiden en nooit verzwakken. Het is zelf geen "
    "afwegingskader van een beroepsgroep.",
)
