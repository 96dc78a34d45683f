"""The register of beroepsgroepen as a name index, for the search box of "Welk afwegingskader?".

The site's search box must find a beroepsgroep the way :func:`meldcode_rules.kader_for`
and ``meldcode kaders --beroepsgroep`` do: case, accents, spaces, punctuation and word
order do not matter, and every abbreviation in the register counts. So the index is
made here, with the library's own :func:`~meldcode_rules.beroepsgroepen.normaliseer` and
:func:`~meldcode_rules.beroepsgroepen.woordvolgorde`; the browser only normalises the
query the same way and looks it up, first in ``sleutels``, then in ``volgorde``. One
entry found is the answer; several are the candidates (as
:class:`~meldcode_rules.beroepsgroepen.AmbiguousBeroepsgroep`); none is an unknown
name. The test suite searches the page for every name in the register and compares
with :func:`~meldcode_rules.kader_for`.

Format ``meldcode-register/1``::

    {
      "formaat": "meldcode-register/1",
      "sectoren": {sector: title},
      "statussen": {status: text},
      "beroepsgroepen": [{"naam", "sector", "andere_sectoren", "namen", "status", "kader",
                          "kader_titel", "kader_naam", "reden", "advies", "toelichting",
                          "bron": {"uitgever", "titel", "adres", "passage"}}, ...],
      "sleutels": {normaliseer(name): [index in beroepsgroepen, ...]},
      "volgorde": {woordvolgorde(name): [index in beroepsgroepen, ...]}
    }

The entries keep the order of :func:`~meldcode_rules.beroepsgroepen.beroepsgroepen`
(the order :func:`kader_for` lists candidates in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from meldcode_rules.beroepsgroepen import (
    BUITEN_DE_WET,
    REGISTER_SECTOREN,
    beroepsgroepen,
    normaliseer,
    woordvolgorde,
)

if TYPE_CHECKING:
    from pathlib import Path

    from meldcode_rules.registry import Registry

__all__ = ["FORMAAT", "SECTOR_TEKST", "STATUS_TEKST", "register_index", "sector_tekst"]

FORMAAT: Final = "meldcode-register/1"

STATUS_TEKST: Final[dict[str, str]] = {
    "gecodeerd": "gecodeerd",
    "bekend_niet_gecodeerd": "bekend, niet gecodeerd",
    "geen_meldcodekader": "geen meldcodekader",
}
"""How each status is written for readers."""

SECTOR_TEKST: Final[dict[str, str]] = {BUITEN_DE_WET: "Buiten de Wet verplichte meldcode"}
"""Sector titles that are not the sector id with spaces and a capital."""


def sector_tekst(sector: str) -> str:
    """The title of a sector for readers (``maatschappelijke_ondersteuning`` → ``Maatschap…``)."""
    return SECTOR_TEKST.get(sector, sector.replace("_", " ").capitalize())


def register_index(registry: Registry | None = None, pad: Path | None = None) -> dict[str, Any]:
    """The register of beroepsgroepen with its normalised name index (format :data:`FORMAAT`).

    Args:
        registry: the kaders, to give each encoded entry its kader's name (optional).
        pad: another register file; default the shipped one (as for ``kader_for``).
    """
    groepen = beroepsgroepen(pad)
    sleutels: dict[str, list[int]] = {}
    volgorde: dict[str, list[int]] = {}
    rijen: list[dict[str, Any]] = []
    for i, b in enumerate(groepen):
        for naam in b.namen:
            lijst = sleutels.setdefault(normaliseer(naam), [])
            if i not in lijst:
                lijst.append(i)
            lijst = volgorde.setdefault(woordvolgorde(naam), [])
            if i not in lijst:
                lijst.append(i)
        titel = ""
        if b.kader is not None and registry is not None:
            titel = registry.kader(b.kader).naam
        rijen.append(
            {
                "naam": b.naam,
                "sector": b.sector,
                "andere_sectoren": list(b.andere_sectoren),
                "namen": list(b.namen),
                "status": b.status,
                "kader": b.kader,
                "kader_titel": titel,
                "kader_naam": b.kader_naam,
                "reden": b.reden,
                "advies": b.advies,
                "toelichting": b.toelichting,
                "bron": {
                    "uitgever": b.bron.uitgever,
                    "titel": b.bron.titel,
                    "adres": b.bron.adres,
                    "passage": b.bron.passage,
                },
            }
        )
    return {
        "formaat": FORMAAT,
        "sectoren": {s: sector_tekst(s) for s in REGISTER_SECTOREN},
        "statussen": dict(STATUS_TEKST),
        "beroepsgroepen": rijen,
        "sleutels": sleutels,
        "volgorde": volgorde,
    }
