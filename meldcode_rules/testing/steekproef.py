"""The sampled part of a kader check: casussen drawn with hypothesis, for what is not finite.

:mod:`meldcode_rules.analysis` proves the invariants over the finite answer space; the
casus as a whole (signalen over time, betrokkenen) is not finite. :class:`HypothesisSteekproef`
draws casussen for a version and checks the per-casus invariants on each
(:func:`~meldcode_rules.testing.invariants.schendingen`), shrinking a failure to the
smallest casus. :func:`analyseer_met_steekproef` is the whole check, as ``meldcode check``
and :func:`~meldcode_rules.testing.check_kader` run it.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from meldcode_rules.analysis import (
    Rapport,
    Tegenvoorbeeld,
    Uitslag,
    VersieRapport,
    analyseer,
)
from meldcode_rules.analysis.invarianten import (
    BRON,
    DETERMINISME,
    MONOTOON,
    ONBEKEND_NOOIT_NEE,
)
from meldcode_rules.testing.invariants import schendingen

if TYPE_CHECKING:
    from meldcode_rules.analysis import Methode
    from meldcode_rules.casus import Casus, Signaal
    from meldcode_rules.kader import Kader, ResolvedKader
    from meldcode_rules.registry import Registry

__all__ = ["HypothesisSteekproef", "analyseer_met_steekproef", "hypothesis_beschikbaar"]

_STEEKPROEF: Final = (DETERMINISME, BRON, MONOTOON, ONBEKEND_NOOIT_NEE)
"""The invariants also checked on sampled casussen."""


def _peildatum(effectief: ResolvedKader) -> date:
    """A date inside the version (and its base version): its end, or three years in."""
    van = effectief.versie.geldig_van
    einden = [effectief.versie.geldig_tot]
    if effectief.basis is not None:
        van = max(van, effectief.basis.versie.geldig_van)
        einden.append(effectief.basis.versie.geldig_tot)
    return min([t for t in einden if t is not None] + [van + timedelta(days=3 * 365)])


def _steekproef(effectief: ResolvedKader, voorbeelden: int) -> Tegenvoorbeeld | None:
    """Sample casussen with hypothesis; the shrunk counterexample, or ``None``."""
    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415 - optional dependency

    from meldcode_rules.testing.strategies import (  # noqa: PLC0415 - needs hypothesis
        beschrijf_casus,
        casussen,
        signalen,
    )

    peildatum = _peildatum(effectief)
    gevonden: list[tuple[Casus, Tegenvoorbeeld]] = []

    class _Gevonden(Exception):
        pass

    @settings(
        max_examples=voorbeelden,
        database=None,
        derandomize=True,
        deadline=None,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        casus=casussen(kader=effectief.kader, peildatum=peildatum),
        extra=signalen(peildatum=peildatum, max_size=1).map(lambda s: s[0] if s else None),
    )
    def probeer(casus: Casus, extra: Signaal | None) -> None:
        fouten = schendingen(effectief, casus, peildatum, extra)
        if fouten:
            f = fouten[0]
            gevonden.append(
                (
                    casus,
                    Tegenvoorbeeld(
                        f.invariant,
                        (),
                        f.verwacht,
                        f.werkelijk,
                        (),
                        f.toelichting,
                        tuple(beschrijf_casus(casus, peildatum)),
                    ),
                )
            )
            raise _Gevonden

    try:
        probeer()
    except _Gevonden:
        return gevonden[-1][1]
    return None


def hypothesis_beschikbaar() -> bool:
    """Whether hypothesis is installed (the ``test`` extra)."""
    return importlib.util.find_spec("hypothesis") is not None


def _met_steekproef(
    rapport: VersieRapport, voorbeeld: Tegenvoorbeeld | None, voorbeelden: int
) -> VersieRapport:
    uitslagen: list[Uitslag] = []
    for u in rapport.uitslagen:
        if u.invariant not in _STEEKPROEF or u.status in ("geschonden", "niet_van_toepassing"):
            uitslagen.append(u)
            continue
        methode = f"{u.methode}; steekproef: {voorbeelden} casussen (hypothesis)"
        if voorbeeld is not None and voorbeeld.invariant is u.invariant:
            uitslagen.append(Uitslag(u.invariant, "geschonden", methode, voorbeeld))
        else:
            uitslagen.append(Uitslag(u.invariant, u.status, methode))
    return VersieRapport(
        rapport.kader,
        rapport.versie,
        rapport.geldig_van,
        rapport.geldig_tot,
        rapport.basis,
        tuple(uitslagen),
    )


@dataclass(frozen=True, slots=True)
class HypothesisSteekproef:
    """Per version, ``voorbeelden`` casussen drawn with hypothesis (deterministic)."""

    voorbeelden: int

    @property
    def beschrijving(self) -> str:
        """How the sample runs, in Dutch."""
        return f"steekproef: {self.voorbeelden} casussen per versie (hypothesis)"

    def zoek(self, effectief: ResolvedKader) -> Tegenvoorbeeld | None:
        """The shrunk casus of the first per-casus violation found, or ``None``."""
        return _steekproef(effectief, self.voorbeelden)

    def __call__(self, effectief: ResolvedKader, rapport: VersieRapport) -> VersieRapport:
        """The version's report with the sampled invariants added."""
        return _met_steekproef(rapport, self.zoek(effectief), self.voorbeelden)


def analyseer_met_steekproef(
    kader: str | Kader,
    registry: Registry | None = None,
    *,
    voorbeelden: int = 60,
    uitputtend: bool = False,
    methode: Methode = "auto",
) -> Rapport:
    """The whole check of a kader: the proofs, then sampled casussen.

    Args:
        kader: a kader id or a :class:`~meldcode_rules.kader.Kader` object.
        registry: where the kader and the kader it extends are looked up.
        voorbeelden: how many casussen hypothesis samples per version; ``0`` skips the
            sampled part (it is skipped too when hypothesis is not installed).
        uitputtend: see :func:`meldcode_rules.analysis.analyseer`.
        methode: see :func:`meldcode_rules.analysis.analyseer`.

    Raises:
        KaderError: the kader is unknown or extends an unknown kader.
    """
    if voorbeelden > 0 and hypothesis_beschikbaar():
        return analyseer(
            kader,
            registry,
            methode=methode,
            uitputtend=uitputtend,
            steekproef=HypothesisSteekproef(voorbeelden),
        )
    rapport = analyseer(kader, registry, methode=methode, uitputtend=uitputtend)
    reden = (
        "steekproef overgeslagen: hypothesis is niet geïnstalleerd"
        if voorbeelden > 0
        else "steekproef overgeslagen op verzoek"
    )
    return replace(rapport, steekproef=reden)
