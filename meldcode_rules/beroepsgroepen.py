"""Which afwegingskader applies to my beroepsgroep? The register and its lookup.

Since 1 January 2019 each professional uses the afwegingskader of their own
beroepsgroep. The register is *data* (``kaders/beroepsgroepen.toml``): each
beroepsgroep with its sector, its common names and abbreviations, the source that
says what applies, and one of three statuses (:data:`Status`, part of the public
result):

``gecodeerd``
    The beroepsgroep uses a kader that is encoded here: ``kader`` is its id.
``bekend_niet_gecodeerd``
    The beroepsgroep is under the Wet verplichte meldcode, but its kader is not
    encoded: no published kader text was found to base rules on, or no kader of its
    own was found at all. ``kader`` is ``None``; ``kader_naam``, ``reden`` and
    ``advies`` say which kader, why, and what to do meanwhile.
``geen_meldcodekader``
    The group has no meldcode kader: it is outside the Wet verplichte meldcode (its
    sector is :data:`BUITEN_DE_WET`). ``reden`` says why, with the source; ``advies``
    says where signals go instead (Veilig Thuis, 0800-2000).

:func:`kader_for` looks a beroepsgroep up by any of its names. Case, accents, spaces
and punctuation do not matter (``IB'er`` = ``ib er`` = ``IBER``), nor does the order
of the words (``arts spoedeisende hulp`` = ``spoedeisende hulp arts``). A name that
fits several beroepsgroepen raises :class:`AmbiguousBeroepsgroep` with the
candidates (pass ``sector`` to choose); an unknown name, a typo included, raises
:class:`UnknownBeroepsgroep` with the closest known names. Neither ever guesses, and
neither echoes the name given.

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
from typing import Final, Literal, get_args

from meldcode_rules._plugins import PluginFout, distributie, is_eigen, laad_entry_point
from meldcode_rules.errors import KaderError
from meldcode_rules.kader import SECTOREN

__all__ = [
    "ADVIES_GEEN_KADER",
    "ADVIES_NIET_GECODEERD",
    "BUITEN_DE_WET",
    "REGISTER_SECTOREN",
    "SECTOREN",
    "STATUSSEN",
    "AmbiguousBeroepsgroep",
    "Beroepsgroep",
    "BeroepsgroepError",
    "KaderChoice",
    "RegisterBron",
    "Status",
    "UnknownBeroepsgroep",
    "beroepsgroepen",
    "kader_for",
    "normaliseer",
    "tabel_rijen",
    "woordvolgorde",
]

ADVIES_NIET_GECODEERD: Final = (
    "Gebruik de meldcode van je eigen organisatie (als zelfstandige: je eigen meldcode) met het "
    "afwegingskader van je beroepsgroep; raadpleeg bij twijfel Veilig Thuis (0800-2000)."
)
"""What a professional does meanwhile when their kader is known but not encoded."""

ADVIES_GEEN_KADER: Final = (
    "Zorgen over huiselijk geweld of kindermishandeling? Bel Veilig Thuis (0800-2000), ook "
    "voor anoniem advies; bij acuut gevaar 112. Iedere professional mag Veilig Thuis informeren "
    "(meldrecht, Wmo 2015 art. 5.2.6), ook zonder meldcode."
)
"""What someone in a group without a meldcode kader does with signals."""

Status = Literal["gecodeerd", "bekend_niet_gecodeerd", "geen_meldcodekader"]
"""The kind of answer for a beroepsgroep (see the module docstring)."""

STATUSSEN: Final[tuple[Status, ...]] = get_args(Status)
"""Every :data:`Status`, in the order the documentation table uses."""

GECODEERD: Final = "gecodeerd"
NIET_GECODEERD: Final = "bekend_niet_gecodeerd"
GEEN_KADER: Final = "geen_meldcodekader"

BUITEN_DE_WET: Final = "buiten_de_wet"
"""The sector of a ``geen_meldcodekader`` entry: none of the six sectors of the Wet."""

REGISTER_SECTOREN: Final[tuple[str, ...]] = (*SECTOREN, BUITEN_DE_WET)
"""The sectors an entry of the register can have: the six of the Wet, then ``buiten_de_wet``."""


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
    status: Status
    """``gecodeerd``, ``bekend_niet_gecodeerd`` or ``geen_meldcodekader``."""
    kader: str | None
    """The id of the kader (entry point); ``None`` unless the status is ``gecodeerd``."""
    bron: RegisterBron
    kader_naam: str = ""
    """Not encoded: the kader known to exist (or 'onbekend'); no kader: what exists instead."""
    reden: str = ""
    """Not encoded: why not; no kader: why the group has none."""
    advies: str = ""
    """Not encoded: what to do meanwhile; no kader: where signals go."""
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

    @property
    def status(self) -> Status:
        """The status of the entry found (see :data:`Status`)."""
        return self.beroepsgroep.status


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
        lijst = "; ".join(f"{b.naam} ({b.sector}, {_kort(b)})" for b in kandidaten)
        sectoren = [b.sector for b in kandidaten]
        keuze = "de sector" if len(set(sectoren)) == len(sectoren) else "een preciezere naam"
        super().__init__(f"meerdere beroepsgroepen passen: {lijst}; kies met {keuze}")


def _kort(b: Beroepsgroep) -> str:
    if b.kader is not None:
        return f"kader {b.kader}"
    if b.status == GEEN_KADER:
        return "geen meldcodekader"
    return "kader niet gecodeerd"


def normaliseer(naam: str) -> str:
    """The form names are compared in: lower case, no accents, only letters and digits."""
    zonder = unicodedata.normalize("NFKD", naam)
    return "".join(c for c in zonder.casefold() if c.isalnum() and not unicodedata.combining(c))


def woordvolgorde(naam: str) -> str:
    """The form in which word order does not matter: the normalised words, sorted.

    ``"arts spoedeisende hulp"`` and ``"Spoedeisende-hulp arts"`` give the same form.
    """
    zonder = unicodedata.normalize("NFKD", naam)
    schoon = "".join(
        c if c.isalnum() else " " for c in zonder.casefold() if not unicodedata.combining(c)
    )
    return " ".join(sorted(schoon.split()))


_LOG: Final = logging.getLogger(__name__)

BEROEPSGROEPEN_GROUP: Final = "meldcode_rules.beroepsgroepen"
"""The entry-point group through which register files are found (each names a ``Path``)."""


@dataclass(frozen=True, slots=True)
class _Registerbron:
    """One entry point of the register group (metadata only: nothing imported yet)."""

    naam: str
    waarde: str
    distributie: str


def _registerbronnen() -> tuple[tuple[_Registerbron, metadata.EntryPoint], ...]:
    """The register entry points: this project's first, then the others by name."""
    gevonden = [
        (_Registerbron(ep.name, ep.value, distributie(ep)), ep)
        for ep in metadata.entry_points(group=BEROEPSGROEPEN_GROUP)
    ]
    return tuple(
        sorted(gevonden, key=lambda b: (not is_eigen(b[0].distributie), b[0].naam, b[0].waarde))
    )


def _overgeslagen(bron: _Registerbron, reden: str) -> None:
    # The distribution and the entry point, never a name that was looked up.
    _LOG.warning(
        "beroepsgroepenregister %s (%s) is overgeslagen: %s", bron.naam, bron.distributie, reden
    )


def _standaard_register(
    bronnen: tuple[tuple[_Registerbron, metadata.EntryPoint], ...],
) -> tuple[Beroepsgroep, ...]:
    """The shipped register with every plugin's entries that do not collide with it.

    A plugin's register file that cannot be loaded or read is skipped with a warning (the
    shipped one keeps working); so is a plugin's entry with a name of a shipped entry
    (it would shadow it, or make every lookup of that name ambiguous). A broken shipped
    register still raises :class:`KaderError`.
    """
    rijen: list[Beroepsgroep] = []
    eigen_namen: set[str] = set()
    for bron, ep in bronnen:
        eigen = is_eigen(bron.distributie)
        try:
            pad = laad_entry_point(ep)
        except PluginFout as fout:
            if eigen:
                msg = f"beroepsgroepenregister: {fout}"
                raise KaderError(msg) from None
            _overgeslagen(bron, str(fout))
            continue
        if not isinstance(pad, Path | str):
            if eigen:
                msg = "beroepsgroepenregister: het entry point noemt geen bestand"
                raise KaderError(msg)
            _overgeslagen(bron, "het entry point noemt geen bestand")
            continue
        try:
            gelezen = _lees(Path(pad))
        except KaderError as fout:
            if eigen:
                raise
            _overgeslagen(bron, str(fout).removeprefix("beroepsgroepenregister: "))
            continue
        for rij in gelezen:
            vormen = {v for n in rij.namen for v in (normaliseer(n), woordvolgorde(n))}
            if eigen:
                eigen_namen |= vormen
            elif vormen & eigen_namen:
                _overgeslagen(
                    bron,
                    f"beroepsgroep {rij.naam} draagt een naam van het meegeleverde register "
                    "en wordt niet gebruikt",
                )
                continue
            rijen.append(rij)
    return tuple(rijen)


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
    return tuple(_rij(rij, bronnen) for rij in gegevens.get("beroepsgroep", []))


def _status(rij: dict[str, object], naam: str) -> Status:
    status = rij.get("status", GECODEERD)
    for bekend in STATUSSEN:
        if status == bekend:
            return bekend
    msg = f"beroepsgroepenregister: beroepsgroep {naam} heeft een onbekende status"
    raise KaderError(msg)


def _rij(rij: dict[str, object], bronnen: dict[str, RegisterBron]) -> Beroepsgroep:
    naam = str(rij["naam"])
    status = _status(rij, naam)
    sector = str(rij["sector"])
    andere = tuple(str(a) for a in _lijst(rij.get("andere_sectoren")))
    # An entry without a meldcode kader is outside the six sectors, and only such an entry.
    toegestaan = (BUITEN_DE_WET,) if status == GEEN_KADER else SECTOREN
    if sector not in toegestaan or not set(andere) <= set(SECTOREN):
        msg = f"beroepsgroepenregister: beroepsgroep {naam} heeft een onbekende sector"
        raise KaderError(msg)
    kader = str(rij["kader"]) if "kader" in rij else None
    if (status == GECODEERD) != (kader is not None):
        msg = f"beroepsgroepenregister: beroepsgroep {naam}: alleen een gecodeerde noemt een kader"
        raise KaderError(msg)
    if status != GECODEERD and not (rij.get("reden") and rij.get("kader_naam")):
        msg = f"beroepsgroepenregister: beroepsgroep {naam} mist kader_naam of reden"
        raise KaderError(msg)
    standaard = {
        GECODEERD: "",
        NIET_GECODEERD: ADVIES_NIET_GECODEERD,
        GEEN_KADER: ADVIES_GEEN_KADER,
    }
    return Beroepsgroep(
        naam=naam,
        sector=sector,
        namen=tuple(dict.fromkeys((naam, *(str(n) for n in _lijst(rij.get("namen")))))),
        status=status,
        kader=kader,
        bron=_bron(bronnen, rij.get("bron"), naam),
        kader_naam=str(rij.get("kader_naam", "")),
        reden=str(rij.get("reden", "")),
        advies=str(rij.get("advies", standaard[status])),
        toelichting=str(rij.get("toelichting", "")),
        andere_sectoren=andere,
    )


def _lijst(waarde: object) -> list[object]:
    return list(waarde) if isinstance(waarde, list | tuple) else []


_CACHE: dict[Path, tuple[Beroepsgroep, ...]] = {}
_STANDAARD: dict[tuple[_Registerbron, ...], tuple[Beroepsgroep, ...]] = {}
_LOCK: Final = threading.Lock()


def beroepsgroepen(pad: Path | None = None) -> tuple[Beroepsgroep, ...]:
    """Every entry of the register, in the order of the data file.

    Args:
        pad: another register file (same format); default every file registered in the
            entry-point group ``meldcode_rules.beroepsgroepen``: the shipped one
            (``kaders/beroepsgroepen.toml``) first, then those of other distributions. A
            plugin's file that cannot be read, and a plugin's entry with a name of a
            shipped entry, are skipped with a logged warning naming the distribution.

    Raises:
        KaderError: the file (for the default: the shipped file) cannot be read or an
            entry is malformed.
    """
    if pad is not None:
        with _LOCK:
            bekend = _CACHE.get(pad)
            if bekend is None:
                bekend = _CACHE[pad] = _lees(pad)
        return bekend
    bronnen = _registerbronnen()
    sleutel = tuple(b for b, _ in bronnen)
    with _LOCK:
        bekend = _STANDAARD.get(sleutel)
        if bekend is None:
            bekend = _STANDAARD[sleutel] = _standaard_register(bronnen)
    return bekend


def kader_for(
    beroepsgroep: str, sector: str | None = None, *, pad: Path | None = None
) -> KaderChoice:
    """The afwegingskader for a beroepsgroep, found by any of its names or abbreviations.

    Args:
        beroepsgroep: a name such as ``"huisarts"``, ``"IB'er"`` or ``"pm'er"``; case,
            accents, spaces, punctuation and word order do not matter.
        sector: one of :data:`REGISTER_SECTOREN`, to choose between beroepsgroepen with
            the same name.
        pad: another register file; default the shipped one.

    Returns:
        The entry, its :data:`Status`, the kader id (``None`` unless the status is
        ``gecodeerd``: the entry then carries ``kader_naam``, ``reden`` and ``advies``)
        and one sentence saying why.

    Raises:
        UnknownBeroepsgroep: no entry has this name (with the closest names).
        AmbiguousBeroepsgroep: several entries have it (with the candidates).
    """
    registry = beroepsgroepen(pad)
    sleutel = normaliseer(beroepsgroep)
    gevonden = tuple(b for b in registry if sleutel in {normaliseer(n) for n in b.namen})
    if not gevonden:
        volgorde = woordvolgorde(beroepsgroep)
        gevonden = tuple(b for b in registry if volgorde in {woordvolgorde(n) for n in b.namen})
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
    if gekozen.status == GEEN_KADER:
        waarom = (
            f"Beroepsgroep {gekozen.naam} heeft geen meldcodekader: {gekozen.reden} "
            f"(bron: {gekozen.bron.titel}, {gekozen.bron.adres})."
        )
    elif gekozen.kader is None:
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
    ``kader`` (the kader id, empty unless encoded), ``kader_naam`` (for a not-encoded
    entry the kader known to exist; for an entry without a kader what exists instead),
    ``status`` (a :data:`Status`), ``bron_titel``, ``bron_adres``, ``bron_passage``,
    ``reden``, ``advies`` and ``toelichting``; all values are plain Dutch text. Rows are
    sorted by sector (:data:`REGISTER_SECTOREN`), then status (:data:`STATUSSEN`), then name.
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
    volgorde: dict[str, int] = {s: i for i, s in enumerate(STATUSSEN)}
    return sorted(
        rijen,
        key=lambda r: (
            REGISTER_SECTOREN.index(r["sector"]),
            volgorde[r["status"]],
            normaliseer(r["beroepsgroep"]),
        ),
    )
