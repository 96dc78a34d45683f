"""Write ``golden_basis.jsonl.gz``: seeded basis cases with the Uitkomst JSON the engine gives.

Run from the repository root when the basis kader's rules change on purpose (the
golden test then names the changed fingerprint)::

    python tests/betrouwbaarheid/golden_maken.py

The file pins the engine's output byte for byte in both JSON forms (``uitkomst``: the
compact default, ``volledig``: with every passage), so a performance change to
``meldcode_rules/engine`` cannot alter an outcome or its trace unnoticed.

Before it writes, the script compares every new outcome with the file it replaces:
the decisions (melden, hulp, every afweging's value and origin, the acties, the
signaleringen, the rules in every trace) must be unchanged, or it stops and names the
first case that differs. Only ``--regels-gewijzigd`` (the basis rules changed on purpose)
writes differing decisions.
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
from pathlib import Path
from typing import Any

WORTEL = Path(__file__).resolve().parents[2]
BESTAND = Path(__file__).with_name("golden_basis.jsonl.gz")


def gevallen() -> list[tuple[str, dict[str, object]]]:
    """(peildatum, casus) pairs over both basis versions, answers-only and signal-rich."""
    sys.path.insert(0, str(WORTEL))
    from benchmarks import cases  # noqa: PLC0415 - a script, run from the repository root
    from meldcode_rules.regels import AFWEGINGEN  # noqa: PLC0415

    uit: list[tuple[str, dict[str, object]]] = []
    for peildatum, seed in ((cases.PEILDATUM_2019, 11), (cases.PEILDATUM_2013, 13)):
        dag = peildatum.isoformat()
        uit += [(dag, c) for c in cases.genereer("answers", 100, seed, peildatum)]
        uit += [(dag, c) for c in cases.genereer("signals", 150, seed + 1, peildatum)]
        # Every ja/nee combination of the six answers, so each beslissing value occurs.
        for nummer, keuzes in enumerate(itertools.product(("ja", "nee"), repeat=6)):
            uit.append(
                (
                    dag,
                    {"id": f"v{nummer}", "antwoorden": dict(zip(AFWEGINGEN, keuzes, strict=True))},
                )
            )
    return uit


def beslissingen(uitkomst: dict[str, Any]) -> dict[str, object]:
    """What an outcome decides, in either JSON form (no texts, no form)."""

    def spoor(sporen: list[dict[str, Any]]) -> list[tuple[object, ...]]:
        return [(s["regel"], s["resultaat"], json.dumps(s["gebruikt"])) for s in sporen]

    return {
        "melden": uitkomst["melden"],
        "hulp": uitkomst["hulp"],
        "afwegingen": {
            n: (a["waarde"], a["antwoord"], a["afleiding"], a["herkomst"], spoor(a["spoor"]))
            for n, a in uitkomst["afwegingen"].items()
        },
        "beslissingen": {
            n: (b["waarde"], b["hangt_af_van"], spoor(b["spoor"]))
            for n, b in uitkomst["beslissingen"].items()
        },
        "acties": [(a["code"], a["regel"]) for a in uitkomst["acties"]],
        "signaleringen": [(s["code"], s["regel"]) for s in uitkomst["signaleringen"]],
        "kader": uitkomst["kader"],
    }


def _vorige() -> dict[tuple[str, str], dict[str, Any]]:
    if not BESTAND.exists():
        return {}
    with gzip.open(BESTAND, "rt", encoding="utf-8") as f:
        oud = [json.loads(regel) for regel in f if regel.strip()]
    return {(g["peildatum"], json.dumps(g["casus"], sort_keys=True)): g for g in oud}


def main() -> None:
    from datetime import date  # noqa: PLC0415

    from meldcode_rules import evaluate  # noqa: PLC0415

    vorige = _vorige()
    regels_gewijzigd = "--regels-gewijzigd" in sys.argv[1:]
    regels = []
    for dag, casus in gevallen():
        uitkomst = evaluate(casus, "basis", date.fromisoformat(dag))
        compact, volledig = uitkomst.als_json(), uitkomst.als_json("volledig")
        oud = vorige.get((dag, json.dumps(casus, sort_keys=True)))
        if oud is not None and not regels_gewijzigd:
            oud_volledig = json.loads(oud.get("volledig", oud["uitkomst"]))
            for vorm in (compact, volledig):
                if beslissingen(json.loads(vorm)) != beslissingen(oud_volledig):
                    msg = f"een beslissing is veranderd ({dag}, {casus}); niets geschreven"
                    raise SystemExit(msg)
        regels.append(
            json.dumps(
                {"peildatum": dag, "casus": casus, "uitkomst": compact, "volledig": volledig},
                ensure_ascii=False,
                sort_keys=True,
            )
        )
    with gzip.open(BESTAND, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(regels) + "\n")
    print(f"{len(regels)} gevallen geschreven naar {BESTAND.name}")


if __name__ == "__main__":
    main()
