"""A kader reads like the kader: each shipped rule is short, and nothing but the rule says it.

The compact form (``Regel(id, doel, conclusie, als, bron)``, one import from
``meldcode_rules.authoring``) keeps a rule to its condition, its conclusion and its cited
passage; a label only where it adds something (the text of an action or signalering).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KADERS = sorted((Path(__file__).resolve().parents[2] / "kaders").glob("*.py"))


def _regels(pad: Path) -> list[ast.Call]:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    return [
        n
        for n in ast.walk(boom)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "Regel"
    ]


def test_a_shipped_rule_is_at_most_five_lines_on_average() -> None:
    aantallen = [r.end_lineno - r.lineno + 1 for pad in KADERS for r in _regels(pad)]
    assert len(aantallen) > 50
    assert sum(aantallen) / len(aantallen) <= 5


@pytest.mark.parametrize("pad", [p for p in KADERS if _regels(p)], ids=lambda p: p.stem)
def test_kader_modules_use_the_one_authoring_import(pad: Path) -> None:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    bronnen = {
        n.module
        for n in boom.body
        if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("meldcode_rules")
    }
    assert bronnen == {"meldcode_rules.authoring"}


@pytest.mark.parametrize("pad", [p for p in KADERS if _regels(p)], ids=lambda p: p.stem)
def test_no_module_grows_its_own_rule_factory(pad: Path) -> None:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    eigen = [
        f.name
        for f in boom.body
        if isinstance(f, ast.FunctionDef)
        and any(
            isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Regel" for n in ast.walk(f)
        )
    ]
    assert eigen == []


@pytest.mark.parametrize("pad", [p for p in KADERS if _regels(p)], ids=lambda p: p.stem)
def test_every_rule_a_module_declares_is_in_a_version(pad: Path) -> None:
    """A rule written but left out of every version is a source passage silently dropped."""
    import importlib  # noqa: PLC0415 - only this test imports the modules themselves

    from meldcode_rules.regels import Regel  # noqa: PLC0415

    module = importlib.import_module(f"meldcode_kaders.{pad.stem}")
    gedeclareerd: set[str] = set()
    for waarde in vars(module).values():
        reeks = waarde if isinstance(waarde, tuple) else (waarde,)
        gedeclareerd |= {r.id for r in reeks if isinstance(r, Regel)}
    gebruikt = {r.id for v in module.KADER.versies for r in (*v.regels, *v.aanscherpingen)}
    assert sorted(gedeclareerd - gebruikt) == []
