"""Het Afwegingskader Meldcode van zestien beroepsorganisaties (afwegingskadermeldcode.nl).

Kader: ``gezamenlijk_kader`` — "Afwegingskader Meldcode", het gezamenlijke kader voor
psychologen, (ortho)pedagogen, psycho- en vaktherapeuten, sociaal werkers en jeugd- en
gezinsprofessionals, met een interactieve vragenlijst en de app "Meldcode".
Uitgever: NVO, NIP, BPSW, NVP, LVVP, NVGzP, VGCt, NVVS, VKJP, VPeP, NVRG, EMDR Nederland,
BVjong, Present, BCMB en FVB.
Versies:
  - ``2019`` (vanaf 1 januari 2019; de site is niet gedateerd, zie open vraag
    ``gezamenlijk_versie``).
Bron: https://afwegingskadermeldcode.nl/vragenlijst?showtemplate=1

Het kader volgt het model nauw. Eigen zijn: afweging 1 kijkt terug op de stappen 1 tot en met 3
en vraagt ook of er sprake *is* van geweld; afweging 2 vraagt of er een vermoeden *of* sprake is
van acute of structurele onveiligheid; wie er niet uitkomt, raadpleegt een collega, de
aandachtsfunctionaris of Veilig Thuis. De definities van acute onveiligheid en onthulling van
deze site gebruikt het model al (``basis``).
"""

from __future__ import annotations

from datetime import date

from .bronnen import GEZAMENLIJK_VRAGENLIJST, TUCHTRECHT_2025
from meldcode_rules.authoring import ACTIE, HULP, JA, MELDEN, Bijzonderheid, Is, Kader, KaderVersie, OpenVraag, Regel, signaal

__all__ = ["KADER"]


ONTHULLING = Regel("gezamenlijk_acuut_onthulling", "acute_onveiligheid", JA, signaal("onthulling") | signaal("onthulling_acuut_gevaar"),
    GEZAMENLIJK_VRAGENLIJST.bij("Een specifieke vorm van acute onveiligheid is ‘disclosure’ (ook wel onthulling genoemd). Hierbij vragen slachtoffers, kinderen en/of volwassenen, uit zichzelf een professional ..."),
    toelichting="Het kader noemt een onthulling door slachtoffers, kinderen en/of volwassenen, zonder verdere voorwaarde (het vervolg van de zin is niet gezien).")

KOM_JE_ER_NIET_UIT = Regel("gezamenlijk_actie_collega_of_aandachtsfunctionaris", ACTIE, "collega_of_aandachtsfunctionaris_raadplegen", Is(MELDEN, "onbepaald") | Is(HULP, "onbepaald"),
    GEZAMENLIJK_VRAGENLIJST.bij("Kom je er niet uit, raadpleeg dan een collega, de aandachtsfunctionaris in je organisatie of bel anoniem Veilig Thuis."),
    label="Kom je er niet uit: raadpleeg een collega of de aandachtsfunctionaris in je organisatie, of bel anoniem Veilig Thuis (0800-2000).")

VRAGEN = (
    (
        "vermoeden",
        "Heb ik op basis van de stappen 1 tot en met 3 van de meldcode een vermoeden van of is er "
        "sprake van huiselijk geweld en/of kindermishandeling?",
    ),
    (
        "acute_onveiligheid",
        "Heb ik een vermoeden van of is er sprake van acute of structurele onveiligheid?",
    ),
    (
        "structurele_onveiligheid",
        "Heb ik een vermoeden van of is er sprake van acute of structurele onveiligheid?",
    ),
)

BIJZONDERHEDEN = (
    Bijzonderheid("gezamenlijk_afsluiten_en_herstarten", "Afsluiten en opnieuw starten kan altijd",
        "In alle stappen kan de meldcode worden afgesloten en op ieder moment opnieuw gestart; de bevindingen gaan in het dossier. In de praktijk lopen stappen en afwegingen vaak door elkaar.",
        GEZAMENLIJK_VRAGENLIJST.bij("In alle stappen van de meldcode is het mogelijk deze af te sluiten. Ook is het op ieder moment mogelijk de meldcode opnieuw te starten."),
        "stap"),
    Bijzonderheid("gezamenlijk_gezaghebbende_informeren", "De gezaghebbende ouder concreet informeren",
        "Een gz-psycholoog kreeg een berisping omdat zij meldde zonder de gezaghebbende vader concreet te vertellen wat haar zorgen waren en dat zij wilde melden. Bespreek zorgen en voornemen concreet en leg dat vast.",
        TUCHTRECHT_2025.bij("Melding zonder de gezaghebbende ouder concreet over de zorgen en het voornemen te informeren: berisping (parafrase)."),
        "bijzonderheid"),
)

OPEN_VRAGEN = (
    OpenVraag("gezamenlijk_vragen_3_tot_5", "Hoe luiden afwegingsvragen 3 tot en met 5 op afwegingskadermeldcode.nl?",
        ("passende_hulp", "medewerking", "duurzame_veiligheid"),
        "Niet gezien; de bewoording van het model wordt getoond."),
    OpenVraag("gezamenlijk_vermoeden_van_onveiligheid", "Betekent 'een vermoeden van acute of structurele onveiligheid' dat een onzeker oordeel al tot melden leidt?",
        ("acute_onveiligheid", "structurele_onveiligheid"),
        "De tekst zegt het niet. Een vermoeden is een antwoord 'ja' van de professional; 'onbekend' blijft onbekend en de beslissing onbepaald.",
        GEZAMENLIJK_VRAGENLIJST),
    OpenVraag("gezamenlijk_versie", "Sinds wanneer staat deze tekst online, en is hij sindsdien gewijzigd?",
        toelichting="De site is niet gedateerd; de versie geldt vanaf de verplichting van 1 januari 2019."),
)

VERSIE_2019 = KaderVersie(
    versie="2019",
    geldig_van=date(2019, 1, 1),
    geldig_tot=None,
    bron=GEZAMENLIJK_VRAGENLIJST.bij("Afwegingskader Meldcode: vijf afwegingsvragen in stap 4 en 5."),
    regels=(ONTHULLING, KOM_JE_ER_NIET_UIT),
    afwegingsvragen=VRAGEN,
    open_vragen=OPEN_VRAGEN,
    bijzonderheden=BIJZONDERHEDEN,
    wijzigingen="Het gezamenlijke kader bij de verbeterde meldcode.",
)

KADER = Kader(
    id="gezamenlijk_kader",
    naam="Afwegingskader Meldcode (gezamenlijk kader van 16 beroepsorganisaties)",
    sectoren=("jeugdhulp", "gezondheidszorg", "maatschappelijke_ondersteuning"),
    beroepsgroepen=(
        "psycholoog",
        "gz-psycholoog",
        "orthopedagoog",
        "psychotherapeut",
        "systeemtherapeut",
        "vaktherapeut",
        "sociaal werker",
        "jeugd- en gezinsprofessional",
    ),
    versies=(VERSIE_2019,),
    uitgever="NVO, NIP, BPSW, NVP, LVVP, NVGzP, VGCt, NVVS, VKJP, VPeP, NVRG, EMDR Nederland, "
    "BVjong, Present, BCMB, FVB",
    breidt_uit="basis",
    omschrijving="Het gezamenlijke afwegingskader van psychologen, pedagogen, therapeuten, "
    "sociaal werkers en jeugd- en gezinsprofessionals; volgt het model, met eigen bewoording van "
    "afweging 1 en 2.",
)
