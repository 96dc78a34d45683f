"""De eigen meldcode van Jeugdhulp De Brug (verzonnen voorbeeld), op het gezamenlijke kader.

Een organisatie bouwt haar eigen meldcode in een paar regels: een naam, contacten
(functies, nooit namen), een eigen signaal en een aanscherping van een regel van het kader
dat zij uitbreidt. Aanscherpen kan alleen door de id van die regel te noemen, en alleen
strenger: een beschermende regel wordt ruimer (``basisregel.als | extra``).
"""

from __future__ import annotations

from datetime import date

from meldcode_rules.authoring import ACTIE, Bron, Contact, Kader, KaderVersie, Regel, signaal

EIGEN = Bron("Jeugdhulp De Brug (verzonnen)", "Meldcode huiselijk geweld en kindermishandeling van De Brug",
             "2024", date(2024, 1, 1), "https://example.org/de-brug/meldcode")

REGELS = (
    Regel("brug_aandachtsfunctionaris_bij_getuige", ACTIE, "aandachtsfunctionaris_inschakelen", signaal("getuige_huiselijk_geweld"),
          EIGEN.bij("Bij een kind dat getuige is van huiselijk geweld: altijd de aandachtsfunctionaris inschakelen."),
          label="Schakel de aandachtsfunctionaris in."),
)

# An aanscherping names the rule of the kader it tightens by its id, and may only widen a
# protective rule: basisregel.als | extra.
AANSCHERPINGEN = (
    Regel("structureel_voortduren", "structurele_onveiligheid", "ja", signaal("voortdurend") | signaal("stelselmatig_getuige"),
          EIGEN.bij("Ook een kind dat stelselmatig getuige is geldt bij ons als structureel onveilig.")),
)

KADER = Kader(
    id="jeugdhulp_de_brug",
    naam="Meldcode van Jeugdhulp De Brug",
    sectoren=("jeugdhulp",),
    beroepsgroepen=("jeugd- en gezinsprofessional",),
    uitgever="Jeugdhulp De Brug",
    breidt_uit="gezamenlijk_kader",
    contacten=(Contact("aandachtsfunctionaris", "werkdagen 9-17 uur, via de teamleider"),),
    versies=(
        KaderVersie("2024", date(2024, 1, 1), None, EIGEN.bij("Vastgesteld door de directie op 1 januari 2024."),
                    regels=REGELS, aanscherpingen=AANSCHERPINGEN),
    ),
)
