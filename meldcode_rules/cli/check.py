"""``meldcode check ID`` / ``--file PATH.py`` / ``--alle``: is a kader consistent with the law?

Exit 0 with a short Dutch report of what was proved (symbolically, with z3, for all inputs
at once) and what was sampled (hypothesis), and how long it took; exit 1 with the smallest
counterexample in Dutch (the input, the expected and the actual decision, the invariant and
its legal ground); exit 2 for bad input (an unknown kader, a file that declares no kader).
A kader whose declarations do not load (a field of the wrong type) is a counterexample of
``geldige_declaraties``, not bad input: the author sees it in the same report.
"""

from __future__ import annotations

import importlib.util
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meldcode_rules.cli._common import EXIT_GEVONDEN, EXIT_OK, Stop

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator
    from typing import TextIO

    from meldcode_rules.analysis import Rapport, VersieRapport
    from meldcode_rules.kader import Kader

__all__ = ["rapport_tekst", "registreer"]

_STATUS = {
    "bewezen": "bewezen",
    "steekproef": "alleen gesteekproefd",
    "geschonden": "GESCHONDEN",
    "niet_van_toepassing": "niet van toepassing",
}


def _periode(v: VersieRapport) -> str:
    if v.versie == "*":
        return "de declaraties van het kader"
    tot = v.geldig_tot.isoformat() if v.geldig_tot else "heden"
    basis = f", op {v.basis}" if v.basis else ""
    return f"versie {v.versie} ({v.geldig_van.isoformat()} t/m {tot}{basis})"


def _seconden(seconden: float) -> str:
    return f"{seconden:.1f} s".replace(".", ",")


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
    if rapport.bewijzer:
        regels.append(f"  {rapport.bewijzer}; {_seconden(rapport.seconden)}")
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
    from meldcode_rules.registry import default_registry  # noqa: PLC0415

    if sum((args.kader is not None, args.file is not None, args.alle)) != 1:
        msg = "meldcode: fout: geef een kader-id, --file PAD.py of --alle (precies één)"
        raise Stop(msg)
    if args.voorbeelden < 0:
        msg = "meldcode: fout: --voorbeelden: verwacht een getal van 0 of meer"
        raise Stop(msg)
    if args.alle:
        kaders: list[str | Kader] = [k.id for k in default_registry().kaders()]
    elif args.file is not None:
        kaders = [kader_uit_bestand(Path(args.file))]
    else:
        kaders = [args.kader]
    with _hypothesis_buiten_de_werkmap(args.voorbeelden):
        return _controleer(kaders, args, uit)


@contextmanager
def _hypothesis_buiten_de_werkmap(voorbeelden: int) -> Iterator[None]:
    """The sample writes nothing in the working directory: hypothesis's cache goes to a temp dir."""
    if voorbeelden == 0 or importlib.util.find_spec("hypothesis") is None:
        yield
        return
    from hypothesis import configuration  # noqa: PLC0415 - optional dependency

    vorige = getattr(configuration, "__hypothesis_home_directory", None)
    with tempfile.TemporaryDirectory(prefix="meldcode-check-") as tijdelijk:
        configuration.set_hypothesis_home_dir(tijdelijk)
        try:
            yield
        finally:
            configuration.set_hypothesis_home_dir(vorige)


def _controleer(kaders: list[str | Kader], args: argparse.Namespace, uit: TextIO) -> int:
    from meldcode_rules.testing.steekproef import analyseer_met_steekproef  # noqa: PLC0415

    ok = True
    totaal = 0.0
    for i, kader in enumerate(kaders):
        rapport = analyseer_met_steekproef(
            kader, voorbeelden=args.voorbeelden, uitputtend=args.uitputtend
        )
        ok &= rapport.ok
        totaal += rapport.seconden
        uit.write(("\n" if i else "") + rapport_tekst(rapport) + "\n")
    if len(kaders) > 1:
        oordeel = "alle kaders consistent" if ok else "NIET alle kaders consistent"
        uit.write(f"\nmeldcode check: {len(kaders)} kaders, {oordeel}; {_seconden(totaal)}\n")
    return EXIT_OK if ok else EXIT_GEVONDEN


def registreer(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``check`` to the ``meldcode`` command."""
    ck = sub.add_parser(
        "check",
        help="controleer of een afwegingskader zich aan de wettelijke invarianten houdt",
        description="Bewijst de invarianten symbolisch (z3) voor alle antwoorden en feiten "
        "tegelijk, controleert de versies, bronpassages en de eigen casuïstiek, en neemt een "
        "steekproef van casussen (hypothesis). Exit 0: consistent; exit 1: een "
        "tegenvoorbeeld; exit 2: ongeldige invoer.",
    )
    ck.add_argument("kader", nargs="?", help="het id van een geregistreerd kader")
    ck.add_argument(
        "--file", metavar="PAD.py", help="een Python-bestand dat een Kader declareert (KADER)"
    )
    ck.add_argument("--alle", action="store_true", help="controleer elk geregistreerd kader")
    ck.add_argument(
        "--voorbeelden",
        type=int,
        default=0,
        help="voeg per versie een steekproef van zoveel casussen toe (hypothesis), naast de "
        "bewijzen (standaard 0: alleen de bewijzen)",
    )
    ck.add_argument(
        "--uitputtend",
        action="store_true",
        help="tel de feitgebieden af (tot 2^20 per laag) in plaats van symbolisch te bewijzen: "
        "de onafhankelijke controle van de bewijzen; trager (KNMG 2023: minuten)",
    )
    ck.set_defaults(functie=_check)
