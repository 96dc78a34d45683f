"""The documentation site builds with ``mkdocs build --strict`` (marked: it takes ~25 s)."""

from __future__ import annotations

import importlib.util
import json
from typing import TYPE_CHECKING

import pytest
from bouwen import ROOT, bouw

from meldcode_rules.casus import Kenmerk
from meldcode_rules.registry import default_registry

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [pytest.mark.docs_build]


def test_mkdocs_build_strict(gebouwde_site: Path) -> None:
    site = gebouwde_site
    versie = (site / "kaders" / "basis" / "2019" / "index.html").read_text(encoding="utf-8")
    assert '<pre class="meldcode-stroomschema"><code>flowchart TD' in versie
    assert '<pre class="mermaid">' not in versie  # drawn by meldcode.js, not mkdocs-material
    assert "acuut_direct_levensgevaar" in versie
    assert '<a data-doorloop-bron href="../2019.doorloop.json">' in versie
    assert (site / "assets" / "javascripts" / "mermaid.min.js").stat().st_size > 1_000_000
    assert (site / "assets" / "javascripts" / "meldcode.js").is_file()
    assert (site / "assets" / "stylesheets" / "meldcode.css").is_file()
    assert "unpkg.com" not in versie
    assert "fonts.googleapis.com" not in versie  # nothing from other hosts
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


def test_every_version_has_its_walk_through_export(gebouwde_site: Path) -> None:
    for kader in default_registry().kaders():
        for v in kader.versies:
            export = gebouwde_site / "kaders" / kader.id / f"{v.versie}.doorloop.json"
            gegevens = json.loads(export.read_text(encoding="utf-8"))
            assert gegevens["formaat"] == "meldcode-doorloop/1"
            assert (gegevens["kader"]["id"], gegevens["kader"]["versie"]) == (kader.id, v.versie)


def test_the_register_page_has_its_search_box_and_index(gebouwde_site: Path) -> None:
    pagina = (gebouwde_site / "welk-kader" / "index.html").read_text(encoding="utf-8")
    assert "data-register-zoek" in pagina
    assert '<a data-register-bron href="../beroepsgroepen.json">' in pagina
    index = json.loads((gebouwde_site / "beroepsgroepen.json").read_text(encoding="utf-8"))
    assert index["formaat"] == "meldcode-register/1"
    assert pagina.count("<tr data-register-rij=") == len(index["beroepsgroepen"])


def test_the_marker_page_has_a_row_per_marker_and_links_every_kader(gebouwde_site: Path) -> None:
    pagina = (gebouwde_site / "kaders" / "kenmerken" / "index.html").read_text(encoding="utf-8")
    for kenmerk in Kenmerk:
        assert f'<td style="text-align: left;"><code>{kenmerk.value}</code></td>' in pagina
    for kader in default_registry().kaders():
        assert f'href="../{kader.id}/"' in pagina
    versie = (gebouwde_site / "kaders" / "onderwijs" / "2018" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Kenmerken van signalen" in versie
    assert "Een vermoeden over een medewerker" in versie
    assert "De kindcheck (stap 1)" in versie


def test_unknown_marker_fails_the_build(tmp_path: Path) -> None:
    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip("the [docs] extra is not installed")
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
    proc = bouw(config, tmp_path / "site")
    assert proc.returncode != 0
    assert "geen versie 1999" in proc.stderr
