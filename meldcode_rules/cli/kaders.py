"""``meldcode kaders [--format json|text]``: every registered kader, and the broken ones."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from meldcode_rules.cli._common import EXIT_OK
from meldcode_rules.registry import Register, standaard_register

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from meldcode_rules.kader import Kader

__all__ = ["registreer"]


def _kader_json(register: Register, kader: Kader) -> dict[str, object]:
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    return {
        "id": kader.id,
        "naam": kader.naam,
        "uitgever": kader.uitgever,
        "sectoren": list(kader.sectoren),
        "beroepsgroepen": list(kader.beroepsgroepen),
        "breidt_uit": kader.breidt_uit,
        "distributie": register.distributie(kader.id),
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


def _kaders(args: argparse.Namespace, uit: TextIO) -> int:
    register: Register = standaard_register()
    gebroken = register.gebroken()
    if args.format == "json":
        gegevens = {
            "kaders": [_kader_json(register, k) for k in register.kaders()],
            "gebroken": [
                {"naam": g.naam, "distributie": g.distributie, "reden": g.reden} for g in gebroken
            ],
        }
        uit.write(json.dumps(gegevens, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    uit.writelines(_kader_tekst(kader) + "\n" for kader in register.kaders())
    for g in gebroken:
        sys.stderr.write(
            f"meldcode: waarschuwing: kader {g.naam} ({g.distributie}) is overgeslagen: {g.reden}\n"
        )
    return EXIT_OK


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``kaders`` to the ``meldcode`` command."""
    kd = sub.add_parser("kaders", help="toon alle geregistreerde afwegingskaders")
    kd.add_argument("--format", choices=("json", "text"), default="text")
    kd.set_defaults(functie=_kaders)
