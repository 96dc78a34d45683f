"""Which afwegingskader applies to my beroepsgroep? The register and its lookup.

Since 1 January 2019 each professional uses the afwegingskader of their own
beroepsgroep. The register is *data* (``kaders/beroepsgroepen.toml``): each
beroepsgroep with its sector, its common names and abbreviations, the kader it uses
and the source that says so; or, where no published kader text was found to base rules
on, the status ``bekend_niet_gecodeerd`` with the reason and what to do meanwhile.

:func:`kader_for` looks a beroepsgroep up by any of its names. Case, accents, spaces
and punctuation do not matter (``IB'er`` = ``ib er`` = ``IBER``). A name that fits
several beroepsgroepen raises :class:`AmbiguousBeroepsgroep` with the candidates
(pass ``sector`` to choose); an unknown name raises :class:`UnknownBeroepsgroep`
with the closest known names. Neither ever guesses, and neither echoes the name given.

:func:`tabel_rijen` returns the full table for the documentation page "Welk
afwegingskader?".
"""

from __future__ import annotations

import difflib
import logging
import threading
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Final, Literal

from meldcode_rules.errors import KaderError
from meldcode_rules.kader import SECTOREN

__all__ = [
    "ADVIES_NIET_GECODEERD",
    "SECTOREN",
    "Beroepsgroep",
    "BeroepsgroepError",
    "AmbiguousBeroepsgroep",
    "KaderChoice",
    "UnknownBeroepsgroep",
    "RegisterBron",
    "beroepsgroepen",
    "kader_for",
    "normaliseer",
    "tabel_rijen",
]

ADVIES_NIET_GECODEERD: Final = (
    "Gebruik de meldcode van je eigen organisatie (als zelfstandige: je eigen meldcode) met het "
    "afwegingskader van je beroepsgroep; raadpleeg bij twijfel Veilig Thuis (0800-2000)."
)
"""What a professional does meanwhile when their kader is known but not encoded."""

GECODEERD: Final = "gecodeerd"
NIET_GECODEERD: Final = "bekend_niet_gecodeerd"


@dataclass(frozen=True, slots=True)
class RegisterBron:
    """The source that says which kader a beroepsgroep uses."""

    uitgever: str
    titel: str
    adres: str
    passage: str


@dataclass(frozen=True, slots=True)
class Beroepsgroep:
    """One entry of the register."""

    naam: str
    sector: str
    namen: tuple[str, ...]
    """Every name and abbreviation the beroepsgroep goes by (the first is ``naam``)."""
    status: Literal["gecodeerd", "bekend_niet_gecodeerd"]
    kader: str | None
    """The id of the kader (entry point), or ``None`` when not encoded."""
    bron: RegisterBron
    kader_naam: str = ""
    """For a not-encoded entry: the name of the kader that is known to exist (or 'onbekend')."""
    reden: str = ""
    """For a not-encoded entry: why it is not encoded."""
    advies: str = ""
    """For a not-encoded entry: what to do meanwhile."""
    toelichting: str = ""
    andere_sectoren: tuple[str, ...] = ()
    """Other sectors the beroepsgroep works in (they also select it in :func:`kader_for`)."""

    @property
    def gecodeerd(self) -> bool:
        """Whether the beroepsgroep's kader is encoded in a registered kader module."""
        return self.status == GECODEERD


@dataclass(frozen=True, slots=True)
class KaderChoice:
    """The answer of :func:`kader_for`: the beroepsgroep found, its kader, and why."""

    beroepsgroep: Beroepsgroep
    kader: str | None
    waarom: str
    """One Dutch sentence: which entry matched, which kader, on which source."""

    @property
    def gecodeerd(self) -> bool:
        """Whether a kader module can be evaluated for this beroepsgroep."""
        return self.kader is not None


class BeroepsgroepError(KaderError):
    """A beroepsgroep name that does not lead to exactly one entry."""


class UnknownBeroepsgroep(BeroepsgroepError):
    """No entry has this name; ``suggesties`` holds the closest known names."""

    def __init__(self, suggesties: tuple[str, ...]) -> None:
        """Build the message from the closest known names (never from the name given)."""
        self.suggesties = suggesties
        extra = f"; bedoelt u: {', '.join(suggesties)}?" if suggesties else ""
        super().__init__(f"onbekende beroepsgroep{extra}")


class AmbiguousBeroepsgroep(BeroepsgroepError):
    """Several entries have this name; ``kandidaten`` lists them (choose with ``sector``)."""

    def __init__(self, kandidaten: tuple[Beroepsgroep, ...]) -> None:
        """Build the message from the candidates."""
        self.kandidaten = kandidaten
        lijst = "; ".join(
            f"{b.naam} ({b.sector}, kader {b.kader or 'niet gecodeerd'})" for b in kandidaten
        )
        super().__init__(f"meerdere beroepsgroepen passen: {lijst}; kies met de sector")


def normaliseer(naam: str) -> str:
    """The form names are compared in: lower case, no accents, only letters and digits."""
    zonder = unicodedata.normalize("NFKD", naam)
    return "".join(c for c in zonder.casefold() if c.isalnum() and not unicodedata.combining(c))


_LOG: Final = logging.getLogger(__name__)

BEROEPSGROEPEN_GROUP: Final = "meldcode_rules.beroepsgroepen"
"""The entry-point group through which register files are found (each names a ``Path``)."""


def _standaard_paden() -> tuple[Path, ...]:
    paden: list[Path] = []
    for ep in sorted(metadata.entry_points(group=BEROEPSGROEPEN_GROUP), key=lambda e: e.name):
        try:
            pad = ep.load()
        except Exception as fout:  # noqa: BLE001 - a broken plugin must not stop the shipped register
            _LOG.warning(
                "beroepsgroepenregister %s overgeslagen: laden mislukt (%s)",
                ep.name,
                type(fout).__name__,
            )
            continue
        if isinstance(pad, Path | str):
            paden.append(Path(pad))
    return tuple(paden)


def _bron(bronnen: dict[str, RegisterBron], sleutel: object, naam: str) -> RegisterBron:
    if not isinstance(sleutel, str) or sleutel not in bronnen:
        msg = f"beroepsgroepenregister: beroepsgroep {naam} noemt geen bekende bron"
        raise KaderError(msg)
    return bronnen[sleutel]


def _lees(pad: Path) -> tuple[Beroepsgroep, ...]:
    try:
        with pad.open("rb") as bestand:
            gegevens = tomllib.load(bestand)
    except (OSError, tomllib.TOMLDecodeError) as fout:
        msg = f"beroepsgroepenregister kan niet gelezen worden ({type(fout).__name__})"
        raise KaderError(msg) from None
    bronnen = {
        sleutel: RegisterBron(
            uitgever=str(b["uitgever"]),
            titel=str(b["titel"]),
            adres=str(b["adres"]),
            passage=str(b["passage"]),
        )
        for sleutel, b in gegevens.get("bronnen", {}).items()
    }
    uit: list[Beroepsgroep] = []
    for rij in gegevens.get("beroepsgroep", []):
        naam = str(rij["naam"])
        status = str(rij.get("status", GECODEERD))
        sector = str(rij["sector"])
        if sector not in SECTOREN:
            msg = f"beroepsgroepenregister: beroepsgroep {naam} heeft een onbekende sector"
            raise KaderError(msg)
        if status == GECODEERD:
            kader: str | None = str(rij["kader"])
        elif status == NIET_GECODEERD:
            kader = None
        else:
            msg = f"beroepsgroepenregister: beroepsgroep {naam} heeft een onbekende status"
            raise KaderError(msg)
        namen = tuple(dict.fromkeys((naam, *(str(n) for n in rij.get("namen", ())))))
        andere = tuple(str(a) for a in rij.get("andere_sectoren", ()))
        if not set(andere) <= set(SECTOREN):
            msg = f"beroepsgroepenregister: beroepsgroep {naam} heeft een onbekende sector"
            raise KaderError(msg)
        uit.append(
            Beroepsgroep(
                naam=naam,
                sector=sector,
                namen=namen,
                status="gecodeerd" if kader is not None else "bekend_niet_gecodeerd",
                kader=kader,
                bron=_bron(bronnen, rij.get("bron"), naam),
                kader_naam=str(rij.get("kader_naam", "")),
                reden=str(rij.get("reden", "")),
                advies=str(rij.get("advies", ADVIES_NIET_GECODEERD if kader is None else "")),
                toelichting=str(rij.get("toelichting", "")),
                andere_sectoren=andere,
            )
        )
    return tuple(uit)


_CACHE: dict[tuple[Path, ...], tuple[Beroepsgroep, ...]] = {}
_LOCK: Final = threading.Lock()


def beroepsgroepen(pad: Path | None = None) -> tuple[Beroepsgroep, ...]:
    """Every entry of the register, in the order of the data file.

    Args:
        pad: another register file (same format); default every file registered in the
            entry-point group ``meldcode_rules.beroepsgroepen`` (the shipped one is
            ``kaders/beroepsgroepen.toml``).

    Raises:
        KaderError: the file cannot be read or an entry is malformed.
    """
    bestanden = (pad,) if pad is not None else _standaard_paden()
    with _LOCK:
        bekend = _CACHE.get(bestanden)
        if bekend is None:
            bekend = tuple(rij for bestand in bestanden for rij in _lees(bestand))
            _CACHE[bestanden] = bekend
    return bekend


def kader_for(
    beroepsgroep: str, sector: str | None = None, *, pad: Path | None = None
) -> KaderChoice:
    """The afwegingskader for a beroepsgroep, found by any of its names or abbreviations.

    Args:
        beroepsgroep: a name such as ``"huisarts"``, ``"IB'er"`` or ``"pm'er"``; case,
            accents, spaces and punctuation do not matter.
        sector: one of :data:`SECTOREN`, to choose between beroepsgroepen with the same name.
        pad: another register file; default the shipped one.

    Returns:
        The entry, the kader id (``None`` when the kader is known but not encoded: the
        entry then carries ``reden`` and ``advies``) and one sentence saying why.

    Raises:
        UnknownBeroepsgroep: no entry has this name (with the closest names).
        AmbiguousBeroepsgroep: several entries have it (with the candidates).
    """
    registry = beroepsgroepen(pad)
    sleutel = normaliseer(beroepsgroep)
    gevonden = tuple(b for b in registry if sleutel in {normaliseer(n) for n in b.namen})
    if sector is not None:
        in_sector = tuple(b for b in gevonden if sector in (b.sector, *b.andere_sectoren))
        gevonden = in_sector or gevonden
    if not gevonden:
        per_sleutel: dict[str, tuple[str, Beroepsgroep]] = {}
        for b in registry:
            for n in b.namen:
                per_sleutel.setdefault(normaliseer(n), (n, b))
        dichtst = difflib.get_close_matches(sleutel, list(per_sleutel), n=12, cutoff=0.6)
        namen: dict[str, str] = {}  # one name per beroepsgroep, closest first
        for d in dichtst:
            n, b = per_sleutel[d]
            namen.setdefault(b.naam, n)
        raise UnknownBeroepsgroep(tuple(namen.values())[:3])
    if len(gevonden) > 1:
        raise AmbiguousBeroepsgroep(gevonden)
    gekozen = gevonden[0]
    if gekozen.kader is None:
        waarom = (
            f"Beroepsgroep {gekozen.naam} ({gekozen.sector}) gebruikt {gekozen.kader_naam}; dat "
            f"kader is bekend maar niet gecodeerd: {gekozen.reden}"
        )
    else:
        waarom = (
            f"Beroepsgroep {gekozen.naam} ({gekozen.sector}) gebruikt kader {gekozen.kader}, "
            f"volgens {gekozen.bron.titel} ({gekozen.bron.adres})."
        )
    return KaderChoice(beroepsgroep=gekozen, kader=gekozen.kader, waarom=waarom)


def tabel_rijen(pad: Path | None = None) -> list[dict[str, str]]:
    """The rows of the "Welk afwegingskader?" table, one per beroepsgroep, sorted by sector.

    Each row has the keys ``sector``, ``beroepsgroep``, ``namen`` (comma-separated),
    ``kader`` (the kader id, empty when not encoded), ``kader_naam`` (for a not-encoded
    entry the kader known to exist), ``status`` (``gecodeerd`` or
    ``bekend_niet_gecodeerd``), ``bron_titel``, ``bron_adres``, ``bron_passage``,
    ``reden``, ``advies`` and ``toelichting``; all values are plain Dutch text.
    """
    rijen = [
        {
            "sector": b.sector,
            "beroepsgroep": b.naam,
            "namen": ", ".join(b.namen),
            "kader": b.kader or "",
            "kader_naam": b.kader_naam,
            "status": b.status,
            "bron_titel": b.bron.titel,
            "bron_adres": b.bron.adres,
            "bron_passage": b.bron.passage,
            "reden": b.reden,
            "advies": b.advies,
            "toelichting": b.toelichting,
        }
        for b in beroepsgroepen(pad)
    ]
    return sorted(
        rijen, key=lambda r: (SECTOREN.index(r["sector"]), r["status"], r["beroepsgroep"])
    )
