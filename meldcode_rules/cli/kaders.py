"""``meldcode kaders [--format json|text] [--beroepsgroep NAAM [--sector S] | --beroepsgroepen]``.

Without ``--beroepsgroep``: every registered kader, and the broken ones (JSON:
``meldcode schema kaders``), each broken one also as a warning line on standard error
with its distribution and the reason (a plugin that claims a shipped id, collides with
another plugin, fails to import or breaks the law). With ``--beroepsgroepen``: the whole
beroepsgroep register with its sectors (JSON: ``meldcode schema beroepsgroepen``). With
``--beroepsgroep``: which kader the beroepsgroep uses and why; or, when that kader is
known but not encoded, the reason and what to do meanwhile; or, for a group outside the
Wet verplichte meldcode, that it has no meldcode kader, why, and where signals go. All
three end with exit 0 and name the status (``gecodeerd``, ``bekend_niet_gecodeerd``,
``geen_meldcodekader``). An unknown or ambiguous name ends with exit 2 and the closest
names or the candidates.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from meldcode_rules.api import list_bronnen
from meldcode_rules.beroepsgroepen import (
    REGISTER_SECTOREN,
    BeroepsgroepError,
    KaderChoice,
    kader_for,
)
from meldcode_rules.cli._common import (
    EXIT_OK,
    Stop,
    peildatum,
    versie_opties,
    waarschuw_gebroken,
)
from meldcode_rules.contract import kader_lijst, register_lijst
from meldcode_rules.errors import KaderError, PeildatumError
from meldcode_rules.registry import Registry, default_registry

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from meldcode_rules.kader import Kader

__all__ = ["registreer"]


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


def _bronnen(args: argparse.Namespace, uit: TextIO) -> int:
    try:
        datum = peildatum(args.peildatum) if args.peildatum else None
        document = list_bronnen(args.bronnen, datum, versie=args.versie)
    except (KaderError, PeildatumError) as fout:
        msg = f"meldcode: fout: --bronnen: {fout}"
        raise Stop(msg) from None
    if args.format == "json":
        uit.write(document.model_dump_json(indent=2) + "\n")
        return EXIT_OK
    k = document.kader
    uit.write(f"{k.id} versie {k.versie} (vingerafdruk {k.vingerafdruk})\n\nVragen:\n")
    uit.writelines(f"  {naam}: {vraag}\n" for naam, vraag in document.vragen.items())
    uit.write("\nRegels:\n")
    for r in document.regels:
        b = r.bron
        uit.write(f"  {r.regel} ({r.kader}): {b.passage}\n    {b.titel} ({b.versie}); {b.adres}\n")
    return EXIT_OK


def _kaders(args: argparse.Namespace, uit: TextIO) -> int:
    if args.bronnen is not None:
        return _bronnen(args, uit)
    registry: Registry = default_registry()
    if args.beroepsgroep is not None:
        keuze = kies_kader(args.beroepsgroep, args.sector)
        if args.format == "json":
            uit.write(json.dumps(_keuze_json(keuze), ensure_ascii=False, indent=2) + "\n")
        else:
            uit.write(_keuze_tekst(keuze, registry))
        return EXIT_OK
    if args.beroepsgroepen:
        lijst = register_lijst(registry)
        if args.format == "json":
            uit.write(lijst.model_dump_json(indent=2) + "\n")
        else:
            uit.writelines(
                f"{b.naam} ({b.sector.replace('_', ' ')}): {b.kader or b.kader_naam} "
                f"[{b.status}; {', '.join(b.namen)}]\n"
                for b in lijst.beroepsgroepen
            )
        return EXIT_OK
    if args.format == "json":
        uit.write(kader_lijst(registry).model_dump_json(indent=2) + "\n")
    else:
        uit.writelines(_kader_tekst(kader) + "\n" for kader in registry.kaders())
    waarschuw_gebroken(registry, alles=True)
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
    kd.add_argument(
        "--beroepsgroepen",
        action="store_true",
        help="toon het hele beroepsgroepenregister (met --format json: machineleesbaar)",
    )
    kd.add_argument(
        "--bronnen",
        metavar="KADER",
        help="de bronpassages per regel en de afwegingsvragen van een kaderversie: wat een "
        "compacte uitkomst (bronnen: verwijzing) niet herhaalt (JSON: meldcode schema bronnen)",
    )
    versie_opties(kd, bij="bij --bronnen: ")
    kd.set_defaults(functie=_kaders)
