"""The package root re-exports exactly its public API, lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

import meldcode_rules


def test_all_names_resolve_and_match_the_lazy_map() -> None:
    assert set(meldcode_rules.__all__) == set(meldcode_rules._HERKOMST)
    for naam in meldcode_rules.__all__:
        assert getattr(meldcode_rules, naam) is not None
    assert sorted(meldcode_rules.__all__) == meldcode_rules.__all__


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="bestaat_niet"):
        meldcode_rules.bestaat_niet  # noqa: B018


def test_star_import_and_dir() -> None:
    namespace: dict[str, object] = {}
    exec("from meldcode_rules import *", namespace)
    assert {"evaluate", "Casus", "Uitkomst", "kader_for"} <= set(namespace)
    assert "evaluate" in dir(meldcode_rules)


def test_importing_the_package_loads_no_models_or_engine() -> None:
    code = (
        "import sys, meldcode_rules; "
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'meldcode_rules.'))))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "[]"
