"""The documentation site builds with ``mkdocs build --strict`` (marked: it takes ~15 s)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.docs_build,
    pytest.mark.skipif(
        importlib.util.find_spec("mkdocs") is None, reason="the [docs] extra is not installed"
    ),
]


def _bouw(tmp_path: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(config),
            "-d",
            str(tmp_path / "site"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    proc = _bouw(tmp_path, ROOT / "mkdocs.yml")
    assert proc.returncode == 0, proc.stderr[-3000:]
    site = tmp_path / "site"
    versie = (site / "kaders" / "basis" / "2019" / "index.html").read_text(encoding="utf-8")
    assert '<pre class="mermaid"><code>flowchart TD' in versie
    assert "acuut_direct_levensgevaar" in versie
    assert (site / "assets" / "javascripts" / "mermaid.min.js").stat().st_size > 1_000_000
    assert "unpkg.com" not in versie
    index = (site / "kaders" / "index.html").read_text(encoding="utf-8")
    assert "Aanscherpingen van het model" in index
    if importlib.util.find_spec("fastapi") is not None:
        # The service's OpenAPI document is published, generated from the service itself.
        from meldcode_rules.server import maak_app  # noqa: PLC0415 - the extra

        document = json.loads((site / "openapi.json").read_text(encoding="utf-8"))
        assert document == json.loads(json.dumps(maak_app().openapi()))
        assert document["openapi"].startswith("3.1")
        assert 'href="../openapi.json"' in (site / "server" / "index.html").read_text(
            encoding="utf-8"
        )
    assert "<!-- kader:" not in index


def test_unknown_marker_fails_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# x\n\n<!-- kader:beslistabel basis 1999 -->\n")
    (docs / "kaders").mkdir()
    (docs / "kaders" / "index.md").write_text("# k\n")
    (docs / "casuistiek").mkdir()
    (docs / "casuistiek" / "index.md").write_text("# c\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: t\nstrict: true\n"
        f"docs_dir: {docs}\n"
        f"hooks:\n  - {ROOT / 'docs' / 'hooks' / 'kaders.py'}\n"
        "nav:\n  - index.md\n  - Afwegingskaders:\n      - kaders/index.md\n"
        "  - Casuïstiek:\n      - casuistiek/index.md\n"
    )
    proc = _bouw(tmp_path, config)
    assert proc.returncode != 0
    assert "geen versie 1999" in proc.stderr
