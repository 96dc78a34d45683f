"""The seams of the package hold (issue 15): what may import what.

- no module imports another module's private names (``_name``), and a private module
  (``_plugins``, ``cli._common``, ``engine._memo``) is imported only from inside its own package;
- ``analysis`` does not build on ``testing`` (testing builds on analysis, not the reverse);
- the core (evaluate, the CLI's evaluate path) imports none of the optional extras.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

import pytest
from testhulp import WORTEL, geladen_modules

if TYPE_CHECKING:
    from pathlib import Path

BRONNEN = [
    *sorted((WORTEL / "meldcode_rules").rglob("*.py")),
    *sorted((WORTEL / "kaders").glob("*.py")),
    *sorted((WORTEL / "benchmarks").glob("*.py")),
    *sorted((WORTEL / "docs" / "hooks").glob("*.py")),
]
EIGEN = ("meldcode_rules", "meldcode_kaders")
EXTRAS = (
    "durable",
    "z3",
    "fastapi",
    "uvicorn",
    "psycopg",
    "hypothesis",
    "mkdocs",
    "zen",
    "schemathesis",
    "starlette",
    "yaml",
)
"""The packages of the optional extras (and of the tests and docs), by their import name."""


def _module(pad: Path) -> str:
    deel = pad.relative_to(WORTEL).with_suffix("").parts
    if deel[0] == "kaders":
        deel = ("meldcode_kaders", *deel[1:])
    if deel[-1] == "__init__":
        deel = deel[:-1]
    return ".".join(deel)


def _imports(pad: Path) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line, module, names) for every import of this project's modules, lazy ones included."""
    uit: list[tuple[int, str, tuple[str, ...]]] = []
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            if knoop.module.startswith(EIGEN):
                uit.append((knoop.lineno, knoop.module, tuple(a.name for a in knoop.names)))
        elif isinstance(knoop, ast.Import):
            uit += [(knoop.lineno, a.name, ()) for a in knoop.names if a.name.startswith(EIGEN)]
    return uit


def _prive(naam: str) -> bool:
    return naam.startswith("_") and not naam.startswith("__")


@pytest.mark.parametrize("pad", BRONNEN, ids=lambda p: str(p.relative_to(WORTEL)))
def test_no_private_names_across_modules(pad: Path) -> None:
    hier = _module(pad)
    fouten = []
    for regel, module, namen in _imports(pad):
        fouten += [f"{regel}: {module}.{n}" for n in namen if _prive(n)]
        delen = module.split(".")
        for i, deel in enumerate(delen):
            if _prive(deel):
                pakket = ".".join(delen[:i])
                if not (hier == pakket or hier.startswith(pakket + ".")):
                    fouten.append(f"{regel}: {module} is private to {pakket}")
    assert fouten == []


def test_analysis_does_not_import_testing() -> None:
    fouten = [
        f"{pad.relative_to(WORTEL)}:{regel} {module}"
        for pad in (WORTEL / "meldcode_rules" / "analysis").rglob("*.py")
        for regel, module, _ in _imports(pad)
        if module.startswith("meldcode_rules.testing")
    ]
    assert fouten == []


def test_the_core_imports_no_optional_extra() -> None:
    script = (
        "from datetime import date\n"
        "import meldcode_rules\n"
        "from meldcode_rules.cli import main\n"
        "meldcode_rules.evaluate({'id': 'c', 'antwoorden': {'vermoeden': 'ja'}}, 'knmg',"
        " date(2024, 6, 1))\n"
    )
    assert geladen_modules(script, EXTRAS) == []
