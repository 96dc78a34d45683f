"""Build the documentation site with ``mkdocs build --strict`` (for the fixtures and tests)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from testhulp import WORTEL, draai

if TYPE_CHECKING:
    import subprocess
    from pathlib import Path

ROOT = WORTEL


def bouw(config: Path, doel: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``config`` into ``doel``."""
    return draai(
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        "-f",
        config,
        "-d",
        doel,
        cwd=ROOT,
        env={"NO_MKDOCS_2_WARNING": "1"},
    )
