"""The six afwegingen and the two beslissingen, each described once.

Every part of the library that needs to know something about an afweging (its
number in the afwegingskader, its title, which answer protects) or about a
beslissing (its values from most to least protective) reads it here: the decision
core, the registry's checks, the analysis, the documentation and the narrative.

The protective order is the one rule of the library that no kader spells out
(ARCHITECTURE, "Three-valued logic"): for vermoeden and the two onveiligheid
questions ``ja`` protects, for the three hulp conditions ``nee`` does; for the
beslissingen the values are ordered from most to least protective.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

from meldcode_rules.logica import JA, NEE, ONBEKEND, Richting, Waarde

__all__ = [
    "AFWEGING",
    "AFWEGINGEN",
    "ANTWOORDEN",
    "BESLISSING",
    "BESLISSINGEN",
    "HULP",
    "MELDEN",
    "Afweging",
    "AfwegingNaam",
    "Beslissing",
]

ANTWOORDEN: Final[tuple[Waarde, Waarde, Waarde]] = (JA, NEE, ONBEKEND)
"""The three answers, in the one order every enumeration of the answer space uses."""


@dataclass(frozen=True, slots=True)
class Afweging:
    """One afweging of the afwegingskader."""

    naam: str
    """The id used everywhere (``acute_onveiligheid``): answers, facts, rules, output."""
    nummer: int
    """Its number in the afwegingskader (both onveiligheid questions are afweging 2)."""
    titel: str
    """A short Dutch title (``Acute onveiligheid``)."""
    kort: str
    """A column header (``Acuut onveilig``)."""
    label: str
    """The question in a few words (``Acute onveiligheid?``), for a flowchart node."""
    richting: Richting
    """Which answer protects."""

    @property
    def beschermend(self) -> Waarde:
        """The protective answer: ``ja`` or ``nee``."""
        return JA if self.richting is Richting.JA_BESCHERMT else NEE

    def rang(self, waarde: Waarde) -> int:
        """Position in the protective order: 0 is the most protective answer."""
        if waarde is ONBEKEND:
            return 1
        return 0 if waarde is self.beschermend else 2

    def stap(self, waarde: Waarde) -> Waarde | None:
        """The answer one step more protective than ``waarde`` (``None`` at the top)."""
        if waarde is self.beschermend:
            return None
        return self.beschermend if waarde is ONBEKEND else ONBEKEND


@dataclass(frozen=True, slots=True)
class Beslissing:
    """One of the two beslissingen of stap 5."""

    naam: str
    """``melden`` or ``hulp``."""
    nummer: int
    vraag: str
    """The question of the beslissing, in Dutch."""
    waarden: tuple[str, ...]
    """Its values, from the most to the least protective."""
    beschermend: frozenset[str]
    """The values that protect; a rule that concludes one of the others is lenient."""
    kort: tuple[tuple[str, str], ...]
    """A short Dutch text per value (a flowchart leaf, a table cell)."""
    tekst: tuple[tuple[str, str], ...]
    """A sentence per value, for professionals."""
    vervangend: frozenset[str] = frozenset()
    """Values that replace the meldcode's route for the casus (a statutory route of the
    sector, such as the meld-, overleg- en aangifteplicht for a suspected medewerker): a rule
    that concludes one sets the meldcode's own conclusions aside, without a contradiction."""

    def rang(self, waarde: str) -> int:
        """Position in the protective order: 0 is the most protective value."""
        return self.waarden.index(waarde)

    def beschermendste(self, waarden: set[str] | list[str]) -> str:
        """The most protective of several values."""
        return min(waarden, key=self.waarden.index)

    def kort_voor(self, waarde: str) -> str:
        """The short text of one value."""
        return dict(self.kort)[waarde]

    def tekst_voor(self, waarde: str) -> str:
        """The sentence of one value."""
        return dict(self.tekst)[waarde]


AFWEGING: Final[dict[str, Afweging]] = {
    a.naam: a
    for a in (
        Afweging(
            "vermoeden",
            1,
            "Vermoeden",
            "Vermoeden",
            "Vermoeden van huiselijk geweld of kindermishandeling?",
            Richting.JA_BESCHERMT,
        ),
        Afweging(
            "acute_onveiligheid",
            2,
            "Acute onveiligheid",
            "Acuut onveilig",
            "Acute onveiligheid?",
            Richting.JA_BESCHERMT,
        ),
        Afweging(
            "structurele_onveiligheid",
            2,
            "Structurele onveiligheid",
            "Structureel onveilig",
            "Structurele onveiligheid?",
            Richting.JA_BESCHERMT,
        ),
        Afweging(
            "passende_hulp",
            3,
            "Passende hulp",
            "Passende hulp",
            "Passende hulp mogelijk?",
            Richting.NEE_BESCHERMT,
        ),
        Afweging(
            "medewerking",
            4,
            "Medewerking (aanvaarden en inzetten)",
            "Medewerking",
            "Werken de betrokkenen mee?",
            Richting.NEE_BESCHERMT,
        ),
        Afweging(
            "duurzame_veiligheid",
            5,
            "Duurzame veiligheid (resultaat van de hulp)",
            "Duurzaam veilig",
            "Leidt de hulp tot duurzame veiligheid?",
            Richting.NEE_BESCHERMT,
        ),
    )
}
"""The six afwegingen by name, in the order of the flow."""

AFWEGINGEN: Final[tuple[str, ...]] = tuple(AFWEGING)
"""The names of the six afwegingen, in the order of the flow."""

AfwegingNaam = Literal[
    "vermoeden",
    "acute_onveiligheid",
    "structurele_onveiligheid",
    "passende_hulp",
    "medewerking",
    "duurzame_veiligheid",
]
"""The name of an afweging, as a type (for models and JSON Schema)."""
if get_args(AfwegingNaam) != AFWEGINGEN:  # pragma: no cover - guards the two spellings
    msg = "AfwegingNaam en AFWEGING noemen niet dezelfde afwegingen"
    raise RuntimeError(msg)

MELDEN: Final = "melden"
"""Beslissing 1: is melden bij Veilig Thuis noodzakelijk?"""
HULP: Final = "hulp"
"""Beslissing 2: is zelf hulp bieden of organiseren (ook) mogelijk?"""

_ONBEPAALD_TEKST: Final = "onbepaald: de beslissing hangt af van een onbekend antwoord"
_BUITEN_TEKST: Final = (
    "buiten de meldcode: voor deze verdachte geldt de wettelijke route van de sector (zie de "
    "acties), niet stap 5"
)

BESLISSING: Final[dict[str, Beslissing]] = {
    MELDEN: Beslissing(
        MELDEN,
        1,
        "Is melden bij Veilig Thuis noodzakelijk?",
        ("buiten_meldcode", "ja", "onbepaald", "nee"),
        frozenset({"ja", "buiten_meldcode"}),
        (
            ("ja", "ja"),
            ("nee", "nee"),
            ("onbepaald", "onbepaald"),
            ("buiten_meldcode", "wettelijke route buiten de meldcode"),
        ),
        (
            ("ja", "ja, melden bij Veilig Thuis is noodzakelijk"),
            ("nee", "nee, melden is niet noodzakelijk"),
            ("onbepaald", _ONBEPAALD_TEKST),
            ("buiten_meldcode", _BUITEN_TEKST),
        ),
        frozenset({"buiten_meldcode"}),
    ),
    HULP: Beslissing(
        HULP,
        2,
        "Is zelf hulp bieden of organiseren (ook) mogelijk?",
        ("buiten_meldcode", "met_veilig_thuis", "nee", "onbepaald", "ja", "niet_van_toepassing"),
        frozenset({"buiten_meldcode", "met_veilig_thuis", "nee"}),
        (
            ("ja", "ja"),
            ("nee", "nee"),
            ("onbepaald", "onbepaald"),
            ("met_veilig_thuis", "samen met Veilig Thuis"),
            ("niet_van_toepassing", "niet van toepassing"),
            ("buiten_meldcode", "wettelijke route buiten de meldcode"),
        ),
        (
            ("ja", "ja, zelf hulp bieden of organiseren is (ook) mogelijk"),
            ("nee", "nee, zelf hulp bieden of organiseren volstaat niet"),
            ("onbepaald", _ONBEPAALD_TEKST),
            ("met_veilig_thuis", "samen met Veilig Thuis bepalen (na de melding)"),
            ("niet_van_toepassing", "niet van toepassing (geen vermoeden)"),
            ("buiten_meldcode", _BUITEN_TEKST),
        ),
        frozenset({"buiten_meldcode"}),
    ),
}
"""The two beslissingen by name."""

BESLISSINGEN: Final[tuple[str, str]] = (MELDEN, HULP)
"""The names of the two beslissingen, in order."""
