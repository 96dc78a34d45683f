"""``meldcode kaders [--format json|text] [--beroepsgroep NAAM [--sector SECTOR]]``.

Without ``--beroepsgroep``: every registered kader, and the broken ones. With it: which
kader the beroepsgroep uses and why; or, when that kader is known but not encoded, the
reason and what to do meanwhile; or, for a group outside the Wet verplichte meldcode,
that it has no meldcode kader, why, and where signals go. All three end with exit 0 and
name the status (``gecodeerd``, ``bekend_niet_gecodeerd``, ``geen_meldcodekader``). An
unknown or ambiguous name ends with exit 2 and the closest names or the candidates.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from meldcode_rules.beroepsgroepen import (
    REGISTER_SECTOREN,
    BeroepsgroepError,
    KaderChoice,
    kader_for,
)
from meldcode_rules.cli._common import EXIT_OK, Stop
from meldcode_rules.registry import Registry, default_registry

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from meldcode_rules.kader import Kader

__all__ = ["registreer"]


def _kader_json(registry: Registry, kader: Kader) -> dict[str, object]:
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    return {
        "id": kader.id,
        "naam": kader.naam,
        "uitgever": kader.uitgever,
        "sectoren": list(kader.sectoren),
        "beroepsgroepen": list(kader.beroepsgroepen),
        "breidt_uit": kader.breidt_uit,
        "distributie": registry.distribution(kader.id),
        "bron": {"titel": versies[-1].bron.titel, "adres": versies[-1].bron.adres},
        "versies": [
            {
                "versie": v.versie,
                "geldig_van": v.geldig_van.isoformat(),
                "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else None,
            }
            for v in versies
        ],
    }


def _kader_tekst(kader: Kader) -> str:
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    reeks = ", ".join(
        f"{v.versie} ({v.geldig_van.isoformat()} t/m "
        f"{v.geldig_tot.isoformat() if v.geldig_tot else 'heden'})"
        for v in versies
    )
    regels = [f"{kader.id}: {kader.naam}", f"  sectoren: {', '.join(kader.sectoren)}"]
    if kader.beroepsgroepen:
        regels.append(f"  beroepsgroepen: {', '.join(kader.beroepsgroepen)}")
    if kader.breidt_uit:
        regels.append(f"  breidt uit: {kader.breidt_uit}")
    regels.append(f"  bron: {versies[-1].bron.titel} — {versies[-1].bron.adres}")
    regels.append(f"  versies: {reeks}")
    return "\n".join(regels)


def kies_kader(naam: str, sector: str | None) -> KaderChoice:
    """Look a beroepsgroep up for the CLI: a clear one-line error (exit 2) when it fails."""
    try:
        return kader_for(naam, sector)
    except BeroepsgroepError as fout:
        msg = f"meldcode: fout: --beroepsgroep: {fout}"
        raise Stop(msg) from None


def _keuze_json(keuze: KaderChoice) -> dict[str, object]:
    b = keuze.beroepsgroep
    return {
        "beroepsgroep": b.naam,
        "sector": b.sector,
        "namen": list(b.namen),
        "status": b.status,
        "kader": keuze.kader,
        "kader_naam": b.kader_naam,
        "waarom": keuze.waarom,
        "bron": {"uitgever": b.bron.uitgever, "titel": b.bron.titel, "adres": b.bron.adres},
        "reden": b.reden or None,
        "advies": b.advies or None,
        "toelichting": b.toelichting or None,
    }


def _keuze_tekst(keuze: KaderChoice, registry: Registry) -> str:
    b = keuze.beroepsgroep
    regels = [f"beroepsgroep: {b.naam} ({b.sector.replace('_', ' ')})"]
    if b.status == "geen_meldcodekader":
        regels += [
            f"kader: geen meldcodekader — {b.kader_naam}",
            f"reden: {b.reden}",
            f"advies: {b.advies}",
        ]
    elif keuze.kader is None:
        regels += [
            f"kader: {b.kader_naam} — bekend, niet gecodeerd",
            f"reden: {b.reden}",
            f"advies: {b.advies}",
        ]
    else:
        regels.append(f"kader: {keuze.kader} — {registry.kader(keuze.kader).naam}")
    regels.append(f"bron: {b.bron.titel} — {b.bron.adres}")
    if b.toelichting:
        regels.append(f"toelichting: {b.toelichting}")
    return "\n".join(regels) + "\n"


def _kaders(args: argparse.Namespace, uit: TextIO) -> int:
    registry: Registry = default_registry()
    if args.beroepsgroep is not None:
        keuze = kies_kader(args.beroepsgroep, args.sector)
        if args.format == "json":
            uit.write(json.dumps(_keuze_json(keuze), ensure_ascii=False, indent=2) + "\n")
        else:
            uit.write(_keuze_tekst(keuze, registry))
        return EXIT_OK
    gebroken = registry.broken()
    if args.format == "json":
        gegevens = {
            "kaders": [_kader_json(registry, k) for k in registry.kaders()],
            "gebroken": [
                {"naam": g.naam, "distributie": g.distributie, "reden": g.reden} for g in gebroken
            ],
        }
        uit.write(json.dumps(gegevens, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    uit.writelines(_kader_tekst(kader) + "\n" for kader in registry.kaders())
    for g in gebroken:
        sys.stderr.write(
            f"meldcode: waarschuwing: kader {g.naam} ({g.distributie}) is overgeslagen: {g.reden}\n"
        )
    return EXIT_OK


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``kaders`` to the ``meldcode`` command."""
    kd = sub.add_parser("kaders", help="toon alle geregistreerde afwegingskaders")
    kd.add_argument("--format", choices=("json", "text"), default="text")
    kd.add_argument(
        "--beroepsgroep",
        metavar="NAAM",
        help="welk afwegingskader geldt voor deze beroepsgroep (naam of afkorting)",
    )
    kd.add_argument(
        "--sector",
        choices=REGISTER_SECTOREN,
        help="kies tussen beroepsgroepen met dezelfde naam",
    )
    kd.set_defaults(functie=_kaders)
