"""The results of an analysis: per invariant its status, method and smallest counterexample."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from meldcode_rules.analysis.invarianten import Invariant

__all__ = ["Rapport", "Status", "Tegenvoorbeeld", "Uitslag", "VersieRapport"]

Status = Literal["bewezen", "steekproef", "geschonden", "niet_van_toepassing"]
"""``bewezen``: holds on the whole finite space; ``steekproef``: held on every sampled
casus; ``geschonden``: a counterexample was found; ``niet_van_toepassing``: the property
does not apply to this version (the meldnorm before 2019, *nooit zwakker* without a base)."""


@dataclass(frozen=True, slots=True)
class Tegenvoorbeeld:
    """The smallest input found that violates an invariant, described without input text."""

    invariant: Invariant
    invoer: tuple[tuple[str, str], ...]
    """The afwegingen and facts (names and codes, counts, ja/nee/onbekend) of the input."""
    verwacht: str
    werkelijk: str
    regels: tuple[str, ...] = ()
    """The rules involved (that gave the actual decision, or the rule at fault)."""
    toelichting: str = ""
    casus: tuple[str, ...] = ()
    """For a sampled casus: its description in Dutch, one line per part."""

    def beschrijving(self) -> str:
        """The counterexample in readable Dutch, several lines."""
        regels = [f"Invariant: {self.invariant.naam} — {self.invariant.titel}"]
        if self.casus:
            regels.append("Casus (kleinste gevonden, na verkleinen):")
            regels.extend(f"  {r}" for r in self.casus)
        if self.invoer:
            regels.append("Invoer (kleinste gevonden):")
            regels.extend(f"  {naam} = {waarde}" for naam, waarde in self.invoer)
        if self.toelichting:
            regels.append(f"Wat er gebeurde: {self.toelichting}")
        regels.append(f"Verwacht: {self.verwacht}")
        regels.append(f"Werkelijk: {self.werkelijk}")
        if self.regels:
            regels.append(f"Betrokken regels: {', '.join(self.regels)}")
        regels.append(f"Uitleg: {self.invariant.uitleg}")
        regels.append(
            f"Grondslag: {self.invariant.grondslag.tekst} ({self.invariant.grondslag.adres})"
        )
        return "\n".join(regels)


@dataclass(frozen=True, slots=True)
class Uitslag:
    """The result of one invariant on one kader version."""

    invariant: Invariant
    status: Status
    methode: str
    """How it was established, in Dutch (``uitputtend: 729 antwoordcombinaties ...``)."""
    tegenvoorbeeld: Tegenvoorbeeld | None = None

    @property
    def naam(self) -> str:
        """The invariant's name."""
        return self.invariant.naam

    @property
    def uitleg(self) -> str:
        """The invariant's Dutch explanation."""
        return self.invariant.uitleg

    @property
    def grondslag(self) -> str:
        """The invariant's legal ground, with its address."""
        g = self.invariant.grondslag
        return f"{g.tekst} ({g.adres})"


@dataclass(frozen=True, slots=True)
class VersieRapport:
    """Every invariant on one resolved version of a kader."""

    kader: str
    versie: str
    geldig_van: date
    geldig_tot: date | None
    basis: str | None
    """``kader versie`` of the base it was resolved against, if any."""
    uitslagen: tuple[Uitslag, ...]

    @property
    def ok(self) -> bool:
        """Whether no invariant was violated."""
        return all(u.status != "geschonden" for u in self.uitslagen)

    def uitslag(self, naam: str) -> Uitslag:
        """The result of the invariant with this name."""
        for u in self.uitslagen:
            if u.invariant.naam == naam:
                return u
        raise KeyError(naam)


@dataclass(frozen=True, slots=True)
class Rapport:
    """The analysis of a whole kader: one report per (resolved) version."""

    kader: str
    versies: tuple[VersieRapport, ...]
    steekproef: str = ""
    """How the sampled part ran (or why it did not), in Dutch."""
    bewijzer: str = ""
    """What proved the versions, in Dutch (``symbolisch met z3 4.x`` or the enumeration)."""
    seconden: float = 0.0
    """How long the check of the whole kader took (wall clock)."""

    @property
    def ok(self) -> bool:
        """Whether every version keeps every invariant."""
        return all(v.ok for v in self.versies)

    def schendingen(self) -> list[tuple[VersieRapport, Uitslag]]:
        """Every violated invariant, with its version."""
        return [(v, u) for v in self.versies for u in v.uitslagen if u.status == "geschonden"]
