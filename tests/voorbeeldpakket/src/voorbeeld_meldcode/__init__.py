"""De eigen meldcode van Jeugdhulp De Brug (verzonnen voorbeeld), op het gezamenlijke kader.

Een organisatie bouwt haar eigen meldcode in een paar regels: een naam, contacten
(functies, nooit namen), een eigen signaal en een aanscherping van een regel van het kader
dat zij uitbreidt. Aanscherpen kan alleen door de id van die regel te noemen, en alleen
strenger: een beschermende regel wordt ruimer (``basisregel.als | extra``).
"""

from __future__ import annotations

from datetime import date

from meldcode_kaders.basis import VERSIE_2019 as BASIS_2019
from meldcode_rules.kader import Contact, Kader, KaderVersie
from meldcode_rules.regels import ACTIE, Bron, Minstens, Regel

EIGEN = Bron(
    uitgever="Jeugdhulp De Brug (verzonnen)",
    titel="Meldcode huiselijk geweld en kindermishandeling van De Brug",
    versie="2024",
    datum=date(2024, 1, 1),
    adres="https://example.org/de-brug/meldcode",
)

_basisregel = next(r for r in BASIS_2019.regels if r.id == "structureel_herhaling")

KADER = Kader(
    id="jeugdhulp_de_brug",
    naam="Meldcode van Jeugdhulp De Brug",
    sectoren=("jeugdhulp",),
    beroepsgroepen=("jeugd- en gezinsprofessional",),
    uitgever="Jeugdhulp De Brug",
    breidt_uit="gezamenlijk_kader",
    contacten=(Contact("aandachtsfunctionaris", "werkdagen 9-17 uur, via de teamleider"),),
    versies=(
        KaderVersie(
            versie="2024",
            geldig_van=date(2024, 1, 1),
            geldig_tot=None,
            bron=EIGEN.bij("Vastgesteld door de directie op 1 januari 2024."),
            regels=(
                Regel(
                    id="brug_aandachtsfunctionaris_bij_getuige",
                    doel=ACTIE,
                    conclusie="aandachtsfunctionaris_inschakelen",
                    als=Minstens("aantal_getuige_huiselijk_geweld", 1),
                    bron=EIGEN.bij(
                        "Bij een kind dat getuige is van huiselijk geweld: altijd de "
                        "aandachtsfunctionaris inschakelen."
                    ),
                    label="Schakel de aandachtsfunctionaris in.",
                ),
            ),
            aanscherpingen=(
                Regel(
                    id="structureel_herhaling",
                    doel=_basisregel.doel,
                    conclusie=_basisregel.conclusie,
                    als=_basisregel.als | Minstens("aantal_stelselmatig_getuige", 1),
                    bron=EIGEN.bij(
                        "Ook een kind dat stelselmatig getuige is geldt bij ons als "
                        "structureel onveilig."
                    ),
                    label="Herhaling, of een kind dat stelselmatig getuige is: structurele "
                    "onveiligheid.",
                ),
            ),
        ),
    ),
)
