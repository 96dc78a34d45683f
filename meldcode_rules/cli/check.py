"""``meldcode check ID`` / ``meldcode check --file PATH.py``: is a kader consistent with the law?

Exit 0 with a short Dutch report of what was proved (exhaustively) and what was sampled
(hypothesis); exit 1 with the smallest counterexample in Dutch (the input, the expected
and the actual decision, the invariant and its legal ground); exit 2 for bad input (an
unknown kader, a file that declares no valid kader).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from meldcode_rules.cli._common import EXIT_GEVONDEN, EXIT_OK, Stop

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from meldcode_rules.analysis import Rapport, VersieRapport

__all__ = ["rapport_tekst", "registreer"]

_STATUS = {
    "bewezen": "bewezen",
    "steekproef": "alleen gesteekproefd",
    "geschonden": "GESCHONDEN",
    "niet_van_toepassing": "niet van toepassing",
}


def _periode(v: VersieRapport) -> str:
    tot = v.geldig_tot.isoformat() if v.geldig_tot else "heden"
    basis = f", op {v.basis}" if v.basis else ""
    return f"versie {v.versie} ({v.geldig_van.isoformat()} t/m {tot}{basis})"


def rapport_tekst(rapport: Rapport) -> str:
    """The Dutch report of a check: per version, each invariant with status and method."""
    oordeel = "consistent" if rapport.ok else "NIET consistent"
    regels = [f"meldcode check: kader {rapport.kader} — {oordeel}"]
    for versie in rapport.versies:
        regels.append(f"  {_periode(versie)}")
        groepen: dict[tuple[str, str], list[str]] = {}
        for u in versie.uitslagen:
            groepen.setdefault((u.status, u.methode), []).append(u.naam)
        for (status, methode), namen in groepen.items():
            regels.append(f"    {_STATUS[status]} ({methode}):")
            regels.append(f"      {', '.join(namen)}")
    regels.append(f"  {rapport.steekproef}")
    if not rapport.ok:
        for versie, uitslag in rapport.schendingen():
            if uitslag.tegenvoorbeeld is None:
                continue
            regels.append("")
            regels.append(f"Tegenvoorbeeld in {_periode(versie)}:")
            regels.extend(f"  {r}" for r in uitslag.tegenvoorbeeld.beschrijving().splitlines())
    return "\n".join(regels)


def _check(args: argparse.Namespace, uit: TextIO) -> int:
    from meldcode_rules.analysis import kader_uit_bestand  # noqa: PLC0415 - lazy
    from meldcode_rules.testing.steekproef import analyseer_met_steekproef  # noqa: PLC0415

    if (args.kader is None) == (args.file is None):
        msg = "meldcode: fout: geef een kader-id of --file PAD.py (niet allebei)"
        raise Stop(msg)
    if args.voorbeelden < 0:
        msg = "meldcode: fout: --voorbeelden: verwacht een getal van 0 of meer"
        raise Stop(msg)
    kader = kader_uit_bestand(Path(args.file)) if args.file is not None else args.kader
    rapport = analyseer_met_steekproef(
        kader, voorbeelden=args.voorbeelden, uitputtend=args.uitputtend
    )
    uit.write(rapport_tekst(rapport) + "\n")
    return EXIT_OK if rapport.ok else EXIT_GEVONDEN


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``check`` to the ``meldcode`` command."""
    ck = sub.add_parser(
        "check",
        help="controleer of een afwegingskader zich aan de wettelijke invarianten houdt",
        description="Bewijst de invarianten uitputtend over alle antwoordcombinaties en "
        "feitgebieden, en neemt een steekproef van casussen (hypothesis). Exit 0: consistent; "
        "exit 1: een tegenvoorbeeld; exit 2: ongeldige invoer.",
    )
    ck.add_argument("kader", nargs="?", help="het id van een geregistreerd kader")
    ck.add_argument(
        "--file", metavar="PAD.py", help="een Python-bestand dat een Kader declareert (KADER)"
    )
    ck.add_argument(
        "--voorbeelden",
        type=int,
        default=60,
        help="aantal casussen per versie in de steekproef (0: alleen het uitputtende deel)",
    )
    ck.add_argument(
        "--uitputtend",
        action="store_true",
        help="bewijs ook grote eindige feitruimten (tot 2^20 gebieden per laag) in plaats van "
        "ze te steekproeven; trager (KNMG 2023: ongeveer 40 seconden)",
    )
    ck.set_defaults(functie=_check)
