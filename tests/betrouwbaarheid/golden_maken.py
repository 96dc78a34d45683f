"""Write ``golden_basis.jsonl.gz``: seeded basis cases with the Uitkomst JSON the engine gives.

Run from the repository root when the basis kader's rules change on purpose (the
golden test then names the changed fingerprint)::

    python tests/betrouwbaarheid/golden_maken.py

The file pins the engine's output byte for byte, so a performance change to
``meldcode_rules/engine.py`` cannot alter an outcome or its trace unnoticed.
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
from pathlib import Path

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


def main() -> None:
    from datetime import date  # noqa: PLC0415

    from meldcode_rules import evaluate  # noqa: PLC0415

    regels = []
    for dag, casus in gevallen():
        uitkomst = evaluate(casus, "basis", date.fromisoformat(dag))
        regels.append(
            json.dumps(
                {"peildatum": dag, "casus": casus, "uitkomst": uitkomst.model_dump_json()},
                ensure_ascii=False,
                sort_keys=True,
            )
        )
    with gzip.open(BESTAND, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(regels) + "\n")
    print(f"{len(regels)} gevallen geschreven naar {BESTAND.name}")


if __name__ == "__main__":
    main()
