"""Fixtures for the documentation tests: one site build per session, a browser, a server.

The site is built once per test session with ``mkdocs build --strict`` (about 25 s) and
shared by every test that needs it, also across pytest-xdist workers: the first worker
to get the lock builds, the others wait and reuse the result (or its failure).
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
from typing import TYPE_CHECKING

import pytest
from bouwen import ROOT, bouw

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from kijker import Chromium


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "docs_build: needs the documentation site built with mkdocs (about 25 s, once per "
        "session); runs in CI, deselect locally with -m 'not docs_build'",
    )


@pytest.fixture(scope="session")
def gebouwde_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of this worktree, built once per session (shared by the xdist workers)."""
    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip("the [docs] extra is not installed")
    gedeeld = tmp_path_factory.getbasetemp().parent
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        gedeeld = tmp_path_factory.getbasetemp()
    site, fout, klaar = gedeeld / "site", gedeeld / "site.fout", gedeeld / "site.klaar"
    with (gedeeld / "site.lock").open("w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if not klaar.exists() and not fout.exists():
            proc = bouw(ROOT / "mkdocs.yml", site)
            if proc.returncode == 0:
                klaar.touch()
            else:
                fout.write_text(proc.stderr[-5000:], encoding="utf-8")
    if fout.exists():
        pytest.fail("mkdocs build --strict faalde:\n" + fout.read_text(encoding="utf-8"))
    return site


@pytest.fixture(scope="session")
def chromium() -> Iterator[Chromium]:
    """Debian's Chromium, headless (skips when it is not installed; CI installs it)."""
    from kijker import Chromium, chromium_pad  # noqa: PLC0415 - only where a browser is used

    pad = chromium_pad()
    if pad is None:
        pytest.skip(
            "chromium not installed (apt-get install chromium): the browser tests need "
            "Debian's chromium; .ci/run installs it"
        )
    with Chromium(pad) as browser:
        yield browser


@pytest.fixture(scope="session")
def site_adres(gebouwde_site: Path) -> Iterator[str]:
    """The built site served on localhost."""
    from kijker import serveer  # noqa: PLC0415 - only where a browser is used

    with serveer(gebouwde_site) as adres:
        yield adres
