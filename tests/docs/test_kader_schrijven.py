"""The authoring guide's example kader runs as written, in the one authoring import, and holds.

``docs/kader-schrijven.md`` is what a kader author copies first: its module must load, use
only ``meldcode_rules.authoring`` (as the shipped kaders do), and pass the checker.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from meldcode_rules.authoring import Kader
from meldcode_rules.testing import check_kader

GIDS = Path(__file__).resolve().parents[2] / "docs" / "kader-schrijven.md"


def _module() -> str:
    blokken = re.findall(r"```python\n(.*?)```", GIDS.read_text(encoding="utf-8"), re.DOTALL)
    [module] = [b for b in blokken if "KADER = Kader(" in b]
    return module


def test_the_example_module_uses_the_one_authoring_import() -> None:
    boom = ast.parse(_module())
    bronnen = {n.module for n in boom.body if isinstance(n, ast.ImportFrom)}
    assert bronnen == {"datetime", "meldcode_rules.authoring"}


def test_the_example_kader_loads_and_passes_the_checker() -> None:
    naamruimte: dict[str, object] = {"__name__": "voorbeeld_uit_de_gids"}
    exec(compile(_module(), str(GIDS), "exec"), naamruimte)  # our own docs, run as written
    kader = naamruimte["KADER"]
    assert isinstance(kader, Kader)
    check_kader(kader, voorbeelden=0)
