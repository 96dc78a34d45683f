"""The package list in pyproject.toml names every package on disk (it is explicit, see there)."""

from __future__ import annotations

import tomllib
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[2]


def test_every_package_on_disk_is_in_the_wheel() -> None:
    setuptools = tomllib.loads((WORTEL / "pyproject.toml").read_text())["tool"]["setuptools"]
    mappen = {naam: WORTEL / pad for naam, pad in setuptools["package-dir"].items()}
    op_schijf = set()
    for naam, map_ in mappen.items():
        for init in map_.rglob("__init__.py"):
            deel = init.parent.relative_to(map_).parts
            op_schijf.add(".".join((naam, *deel)))
    assert set(setuptools["packages"]) == op_schijf
