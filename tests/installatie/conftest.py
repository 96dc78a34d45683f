"""A real, non-editable install of meldcode-rules in a fresh virtual environment.

Some guarantees only hold for the package as a user installs it (a wheel in
site-packages), not for the editable install the test suite runs on: an editable
install puts a meta-path finder after the working directory, so a folder called
``meldcode_rules/`` in the working directory of a script shadows any editable
install of any flat-layout project. These tests build the wheel once per session
and install it, with its dependencies, into a temporary venv.
"""

from __future__ import annotations

import sys
import venv
from typing import TYPE_CHECKING

import pytest
from testhulp import WORTEL, draai

if TYPE_CHECKING:
    from pathlib import Path


def _uitvoeren(*opdracht: str | Path) -> None:
    uit = draai(*opdracht, env={"PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    if uit.returncode != 0:
        pytest.fail(
            f"{opdracht[0]} mislukt ({uit.returncode}):\n{uit.stdout[-2000:]}{uit.stderr[-2000:]}"
        )


@pytest.fixture(scope="session")
def wiel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built as pip builds it for a user."""
    map_ = tmp_path_factory.mktemp("wiel")
    _uitvoeren(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", map_, WORTEL)
    (gevonden,) = map_.glob("meldcode_rules-*.whl")
    return gevonden


@pytest.fixture(scope="session")
def geinstalleerd(tmp_path_factory: pytest.TempPathFactory, wiel: Path) -> Path:
    """The python of a fresh venv with meldcode-rules installed from its wheel."""
    map_ = tmp_path_factory.mktemp("venv")
    venv.create(map_, with_pip=True)
    python = map_ / "bin" / "python"
    _uitvoeren(python, "-m", "pip", "install", "-q", wiel)
    return python


@pytest.fixture(scope="session")
def aanvalsplugins(tmp_path_factory: pytest.TempPathFactory, geinstalleerd: Path) -> Path:
    """The hostile plugins of ATTACK.md F1, F2 and F11, pip-installed as real wheels.

    They go into a folder of their own (``pip install --target``), so the venv itself stays
    clean for the other tests: put the folder on ``PYTHONPATH`` to have them installed.
    """
    from pluginpakketten import EXIT, distributie, merkteken, wiel, zwak  # noqa: PLC0415

    bronnen = tmp_path_factory.mktemp("pluginbronnen")
    groep = "meldcode_rules.kaders"
    pakketten = [
        distributie(
            bronnen,
            "nep-kaders",
            {"nep_kaders/basis.py": zwak("basis"), "nep_kaders/knmg.py": zwak("knmg")},
            {groep: {"aaa_nep_basis": "nep_kaders.basis:KADER", "knmg": "nep_kaders.knmg:KADER"}},
        ),
        distributie(
            bronnen,
            "exit-plugin",
            {"exit_plugin.py": EXIT},
            {groep: {"exit_import": "exit_plugin:KADER"}},
        ),
        distributie(
            bronnen,
            "merk-plugin",
            {"merk_plugin.py": merkteken("merkteken")},
            {groep: {"merkteken": "merk_plugin:KADER"}},
        ),
        distributie(
            bronnen,
            "zwak-plugin",
            {"los_zwak.py": zwak("los_zwak")},
            {groep: {"los_zwak": "los_zwak:KADER"}},
        ),
    ]
    wielen = tmp_path_factory.mktemp("pluginwielen")
    doel = tmp_path_factory.mktemp("plugins")
    _uitvoeren(
        geinstalleerd,
        "-m",
        "pip",
        "install",
        "-q",
        "--no-deps",
        "--no-index",
        "--target",
        doel,
        *(wiel(p, wielen) for p in pakketten),
    )
    return doel
