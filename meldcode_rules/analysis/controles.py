"""The check of a kader: every invariant of every version, proved for all inputs at once.

Each resolved version is translated into z3 terms (:mod:`meldcode_rules.analysis.symbolisch`)
and every invariant proved symbolically (:mod:`meldcode_rules.analysis.bewijs`); beside it run
the checks of the kader as a whole (:mod:`meldcode_rules.analysis.kadercontroles`: valid
declarations, versions without gaps, real source passages, its own casuïstiek).

Without z3 (``pip install 'meldcode-rules[check]'``) the version is enumerated over its fact
regions instead (:mod:`meldcode_rules.analysis.opsomming`), and the report says so; the
enumeration also stays as the independent cross-check of the proofs in the test suite.
"""

from __future__ import annotations

import importlib.util
import time
from datetime import date
from typing import TYPE_CHECKING, Final, Literal, Protocol

from meldcode_rules.analysis.gebieden import GRENS, MAX_GEBIEDEN, MAX_UITPUTTEND
from meldcode_rules.analysis.invarianten import (
    AANEENGESLOTEN,
    BRON,
    CASUISTIEK,
    DECLARATIES,
    DETERMINISME,
    INVARIANTEN,
    PASSAGES,
    STRUCTUUR,
    niet_van_toepassing,
)
from meldcode_rules.analysis.kadercontroles import (
    casuistiek,
    casusbestanden,
    declaratie_fout,
    gaten,
    passage_fout,
)
from meldcode_rules.analysis.laden import bestand_van, zoek_kader
from meldcode_rules.analysis.opsomming import opsomming_versie
from meldcode_rules.analysis.rapport import Rapport, Status, Tegenvoorbeeld, Uitslag, VersieRapport
from meldcode_rules.engine import native
from meldcode_rules.engine.native import NativeKader
from meldcode_rules.errors import EngineUnavailable, KaderError
from meldcode_rules.registry import Registry, default_registry
from meldcode_rules.ruimte import beslissingen

if TYPE_CHECKING:
    from pathlib import Path

    from meldcode_rules.casuistiek import Casusbestand
    from meldcode_rules.kader import Kader, ResolvedKader

__all__ = [
    "Methode",
    "Steekproef",
    "analyseer",
    "analyseer_versie",
    "invarianten_rapport",
    "z3_beschikbaar",
]

Methode = Literal["auto", "z3", "opsomming"]
"""How the invariants of a version are established: ``z3`` (symbolic proofs), ``opsomming``
(enumeration of the fact regions), ``auto`` (z3 when it is installed)."""

EXTRA: Final = "pip install 'meldcode-rules[check]'"
"""How to install the solver."""


def z3_beschikbaar() -> bool:
    """Whether the z3 solver is installed (the ``check`` extra)."""
    return importlib.util.find_spec("z3") is not None


def _kies(methode: Methode) -> Literal["z3", "opsomming"]:
    if methode == "opsomming":
        return "opsomming"
    if z3_beschikbaar():
        return "z3"
    if methode == "z3":
        msg = f"de symbolische controle vraagt z3: {EXTRA}"
        raise EngineUnavailable(msg)
    return "opsomming"


# -- the symbolic proofs of one version ---------------------------------------------------------


def _symbolisch(effectief: ResolvedKader) -> dict[str, Uitslag]:
    from meldcode_rules.analysis.bewijs import Zoeker, z3_versie  # noqa: PLC0415 - needs z3

    zoeker = Zoeker(effectief)
    methode = f"symbolisch (z3 {z3_versie()}): alle antwoorden en alle feiten van een echte casus"
    uit: dict[str, Uitslag] = {}
    for inv, bewijs in zoeker.bewijzen():
        reden = niet_van_toepassing(inv, effectief)
        if reden is not None:
            uit[inv.naam] = Uitslag(inv, "niet_van_toepassing", reden)
            continue
        voorbeeld = bewijs()
        uit[inv.naam] = Uitslag(inv, "geschonden" if voorbeeld else "bewezen", methode, voorbeeld)
    uit[DETERMINISME.naam] = _determinisme(effectief)
    uit[BRON.naam] = _bronnen(effectief)
    return uit


def _determinisme(effectief: ResolvedKader) -> Uitslag:
    """The rules are data and the decision a function of the facts; recompiled, it agrees."""
    methode = (
        "de beslissing is een functie van de feiten (symbolisch vertaald); opnieuw "
        "gecompileerd en vergeleken op de 729 antwoordcombinaties"
    )
    if beslissingen(native(effectief)) == beslissingen(NativeKader(effectief)):
        return Uitslag(DETERMINISME, "bewezen", methode)
    voorbeeld = Tegenvoorbeeld(
        DETERMINISME,
        (),
        "dezelfde beslissingen na opnieuw compileren",
        "andere beslissingen na opnieuw compileren",
    )
    return Uitslag(DETERMINISME, "geschonden", methode, voorbeeld)


def _bronnen(effectief: ResolvedKader) -> Uitslag:
    """Every rule names a complete source; a beslissing always names the rules that gave it."""
    methode = "elke regel van de versie; een beslissing bestaat alleen uit de regels die gelden"
    for regel in effectief.regels:
        b = regel.bron
        if not (b.uitgever and b.titel and b.adres and b.passage):
            voorbeeld = Tegenvoorbeeld(
                BRON,
                (),
                "een volledige bron (uitgever, titel, adres, passage)",
                "een onvolledige bron",
                (regel.id,),
            )
            return Uitslag(BRON, "geschonden", methode, voorbeeld)
    return Uitslag(BRON, "bewezen", methode)


# -- the checks of the kader as a whole ---------------------------------------------------------


def _kader_uitslagen(effectief: ResolvedKader, bestanden: list[Casusbestand]) -> dict[str, Uitslag]:
    kader, versie = effectief.kader, effectief.versie
    uit = {
        DECLARATIES.naam: Uitslag(
            DECLARATIES, "bewezen", "bij het laden: elk veld van elke regel, voorwaarde en versie"
        )
    }
    gat = gaten(kader).get(versie.versie)
    methode = (
        "alle versies van het kader, dag voor dag"
        if len(kader.versies) > 1
        else "het kader heeft één versie"
    )
    uit[AANEENGESLOTEN.naam] = Uitslag(
        AANEENGESLOTEN, "geschonden" if gat else "bewezen", methode, gat
    )
    passage = passage_fout(versie)
    uit[PASSAGES.naam] = Uitslag(
        PASSAGES,
        "geschonden" if passage else "bewezen",
        "elke bronpassage van de versie (regels, bron, bijzonderheden)",
        passage,
    )
    aantal, afwijking = casuistiek(effectief, bestanden)
    status: Status = "geschonden" if afwijking else "bewezen"
    if aantal == 0:
        status = "niet_van_toepassing"
    if aantal:
        methode = f"elke casus uit de eigen casuïstiek in deze periode ({aantal})"
    elif bestanden:
        methode = "de casuïstiek heeft geen casus in deze periode"
    else:
        methode = f"geen casuïstiek gevonden (casuistiek/{kader.id}.yaml naast het kader)"
    uit[CASUISTIEK.naam] = Uitslag(CASUISTIEK, status, methode, afwijking)
    return uit


def _casuistiek_map(kader: Kader, casuistiek_map: Path | None) -> Path | None:
    if casuistiek_map is not None:
        return casuistiek_map
    bestand = bestand_van(kader)
    return bestand.parent / "casuistiek" if bestand is not None else None


def analyseer_versie(
    effectief: ResolvedKader,
    *,
    methode: Methode = "auto",
    casussen: list[Casusbestand] | None = None,
) -> VersieRapport:
    """Every invariant of one resolved version: proved symbolically (or enumerated).

    Args:
        effectief: the resolved version.
        methode: see :data:`Methode`.
        casussen: the kader's casuïstiek (default: beside its file, else the installed one).

    Raises:
        EngineUnavailable: ``methode="z3"`` without z3 installed.
    """
    if _kies(methode) == "z3":
        uitslagen = _symbolisch(effectief)
    else:
        uitslagen = {u.naam: u for u in opsomming_versie(effectief).uitslagen}
    if casussen is None:
        casussen = casusbestanden(effectief.kader, _casuistiek_map(effectief.kader, None))
    uitslagen.update(_kader_uitslagen(effectief, casussen))
    basis = (
        f"{effectief.basis.kader.id} {effectief.basis.versie.versie}" if effectief.basis else None
    )
    v = effectief.versie
    return VersieRapport(
        effectief.kader.id,
        v.versie,
        v.geldig_van,
        v.geldig_tot,
        basis,
        tuple(uitslagen[i.naam] for i in (*INVARIANTEN, *STRUCTUUR)),
    )


# -- the whole kader ---------------------------------------------------------------------------


class Steekproef(Protocol):
    """A sampled check added to the proofs (see :mod:`meldcode_rules.testing`)."""

    @property
    def beschrijving(self) -> str:
        """How the sample ran (or why it did not), in Dutch, for the report."""
        ...

    def __call__(self, effectief: ResolvedKader, rapport: VersieRapport) -> VersieRapport:
        """The version's report with the sampled invariants added."""
        ...


def _ongeldig(kader: Kader, voorbeeld: Tegenvoorbeeld, begin: float) -> Rapport:
    """The report of a kader whose declarations do not load."""
    naam = kader.id if isinstance(kader.id, str) else "?"
    data = [
        v.geldig_van
        for v in (kader.versies if isinstance(kader.versies, tuple) else ())
        if isinstance(v, object) and isinstance(getattr(v, "geldig_van", None), date)
    ]
    versie = VersieRapport(
        naam,
        "*",
        min(data, default=date.min),
        None,
        None,
        (Uitslag(voorbeeld.invariant, "geschonden", "bij het laden van het kader", voorbeeld),),
    )
    return Rapport(
        naam,
        (versie,),
        "niet gecontroleerd: het kader laadt niet",
        "het kader laadt niet; de regels zijn niet bewezen",
        time.perf_counter() - begin,
    )


def _bewijzer(gekozen: str, *, uitputtend: bool) -> str:
    if gekozen == "z3":
        from meldcode_rules.analysis.bewijs import z3_versie  # noqa: PLC0415 - needs z3

        return f"symbolisch bewezen met z3 {z3_versie()} (alle invoer tegelijk)"
    if uitputtend:
        return "opgesomd over de feitgebieden (--uitputtend: tot 2^20 gebieden per laag)"
    if z3_beschikbaar():
        return "opgesomd over de feitgebieden (op verzoek, zonder z3)"
    return (
        "opgesomd over de feitgebieden: z3 is niet geïnstalleerd, dus grote feitruimten zijn "
        f"alleen gesteekproefd ({EXTRA} voor de symbolische bewijzen)"
    )


def analyseer(
    kader: str | Kader,
    registry: Registry | None = None,
    *,
    methode: Methode = "auto",
    uitputtend: bool = False,
    steekproef: Steekproef | None = None,
    casuistiek_map: Path | None = None,
) -> Rapport:
    """Check every version of a kader: the symbolic proofs, the kader checks, optionally a sample.

    Args:
        kader: a kader id (from the register, or its entry point when the register
            skipped it) or a :class:`~meldcode_rules.kader.Kader` object (for example
            from :func:`kader_uit_bestand`).
        registry: where the kader and the kader it extends are looked up; default: every
            installed kader.
        methode: ``auto`` proves with z3 when it is installed and enumerates otherwise;
            ``z3`` or ``opsomming`` force one.
        uitputtend: enumerate (instead of proving) with fact spaces of up to
            :data:`~meldcode_rules.analysis.gebieden.MAX_UITPUTTEND` regions per layer: the
            independent cross-check of the proofs (minutes for a large kader).
        steekproef: a sampled check to add per version (the testing tools give one that
            draws casussen with hypothesis); ``None``: the proofs only.
        casuistiek_map: the folder with ``<kader id>.yaml`` (default: ``casuistiek/`` beside
            the file a kader was read from, else the installed casuïstiek).

    Returns:
        One :class:`VersieRapport` per version (per overlapping base version for an
        extension), with the smallest counterexample for every violated invariant; how long
        it took; and what proved it.

    Raises:
        KaderError: the kader is unknown, or extends an unknown kader (bad input, not a
            counterexample).
        EngineUnavailable: ``methode="z3"`` without z3 installed.
    """
    begin = time.perf_counter()
    reg = registry or default_registry()
    k = zoek_kader(kader, reg) if isinstance(kader, str) else kader
    fout = declaratie_fout(k)
    if fout is not None:
        return _ongeldig(k, fout, begin)
    gekozen = "opsomming" if uitputtend else _kies(methode)
    bestanden = casusbestanden(k, _casuistiek_map(k, casuistiek_map))
    versies: list[VersieRapport] = []
    token = GRENS.set(MAX_UITPUTTEND if uitputtend else MAX_GEBIEDEN)
    try:
        for effectief in reg.resolved_versions(k):
            rapport = analyseer_versie(effectief, methode=gekozen, casussen=bestanden)
            if steekproef is not None:
                rapport = steekproef(effectief, rapport)
            versies.append(rapport)
    finally:
        GRENS.reset(token)
    toelichting = steekproef.beschrijving if steekproef is not None else "geen steekproef"
    return Rapport(
        k.id,
        tuple(versies),
        toelichting,
        _bewijzer(gekozen, uitputtend=uitputtend),
        time.perf_counter() - begin,
    )


def invarianten_rapport(
    kader: str | Kader, versie: str, registry: Registry | None = None
) -> tuple[Uitslag, ...]:
    """For the docs: the invariants one version of a kader was proved against, with results.

    Each :class:`Uitslag` gives the invariant's ``naam``, its Dutch ``uitleg``, its legal
    ``grondslag``, the ``status`` (``bewezen``, ``geschonden``, ``niet_van_toepassing``)
    and the ``methode``. The proofs only (symbolic with z3, enumerated without), no
    sample. For an extension with several overlapping base versions, the results are those
    of the latest base version.

    Raises:
        KaderError: unknown kader or version, or an invalid kader.
    """
    reg = registry or default_registry()
    k = zoek_kader(kader, reg) if isinstance(kader, str) else kader
    gekozen = [e for e in reg.resolved_versions(k) if e.versie.versie == versie]
    if not gekozen:
        bekend = ", ".join(v.versie for v in k.versies)
        msg = f"kader {k.id} heeft geen versie met die naam (versies: {bekend})"
        raise KaderError(msg)
    return analyseer_versie(gekozen[-1]).uitslagen
