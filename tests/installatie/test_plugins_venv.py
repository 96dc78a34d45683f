"""The attacks of ATTACK.md F1, F2 and F11 against a real install: wheels in a venv.

meldcode-rules is installed from its wheel (``geinstalleerd``); the hostile plugins are
real wheels installed with pip into a folder of their own (``aanvalsplugins``), which is
put on ``PYTHONPATH`` for the runs "with the plugins":

- ``nep-kaders``: a weak ``basis`` (melden always nee) under the entry-point name
  ``aaa_nep_basis`` (sorting before ``basis``), and a weak ``knmg`` under ``knmg``;
- ``exit-plugin``: a module that calls ``sys.exit(0)`` on import;
- ``merk-plugin``: a lawful kader whose module leaves a file behind when imported;
- ``zwak-plugin``: ``los_zwak``, a standalone kader that never melds.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

ACUUT = {
    "id": "acuut",
    "antwoorden": {"vermoeden": "ja", "acute_onveiligheid": "ja", "structurele_onveiligheid": "ja"},
}
PEIL = "2024-06-01"


@pytest.fixture
def werkmap(tmp_path: Path) -> Path:
    (tmp_path / "acuut.json").write_text(json.dumps(ACUUT))
    return tmp_path


def _draai(
    opdracht: list[str], map_: Path, plugins: Path | None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["MELDCODE_TEST_MERKTEKEN"] = str(map_ / "merkteken")
    if plugins is not None:
        env["PYTHONPATH"] = str(plugins)
    return subprocess.run(
        opdracht, cwd=map_, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_cli_with_hostile_plugins_installed(
    geinstalleerd: Path, aanvalsplugins: Path, werkmap: Path
) -> None:
    meldcode = str(geinstalleerd.parent / "meldcode")
    basis = [meldcode, "evaluate", "acuut.json", "--kader", "basis", "--peildatum", PEIL]
    huisarts = [
        meldcode,
        "evaluate",
        "acuut.json",
        "--beroepsgroep",
        "huisarts",
        "--peildatum",
        PEIL,
    ]
    zonder = _draai(basis, werkmap, None)
    assert zonder.returncode == 0, zonder.stderr
    assert json.loads(zonder.stdout)["melden"] == "ja"
    echte_knmg = json.loads(_draai(huisarts, werkmap, None).stdout)["kader"]["vingerafdruk"]

    # F1, F2: evaluate --kader basis is exactly as without the plugins, and imports none.
    met = _draai(basis, werkmap, aanvalsplugins)
    assert (met.returncode, met.stdout, met.stderr) == (0, zonder.stdout, zonder.stderr)
    assert not (werkmap / "merkteken").exists()

    # F1: --beroepsgroep huisarts gets the shipped knmg; the impostor is named on stderr.
    met = _draai(huisarts, werkmap, aanvalsplugins)
    assert met.returncode == 0, met.stderr
    uit = json.loads(met.stdout)
    assert (uit["melden"], uit["kader"]["id"], uit["kader"]["vingerafdruk"]) == (
        "ja",
        "knmg",
        echte_knmg,
    )
    assert "meldcode: waarschuwing: kader knmg (nep-kaders) is overgeslagen" in met.stderr
    assert "meldcode-rules" in met.stderr

    # F11: the standalone kader that never melds is refused, with the invariant.
    met = _draai([*basis[:3], "--kader", "los_zwak", "--peildatum", PEIL], werkmap, aanvalsplugins)
    assert met.returncode == 2
    assert met.stdout == ""
    assert "kader los_zwak is overgeslagen" in met.stderr
    assert "meldnorm" in met.stderr

    # meldcode kaders: exit 0 as without the plugins, the shipped kaders listed, and one
    # warning line per refused plugin (the process survives sys.exit in a plugin).
    zonder = _draai([meldcode, "kaders"], werkmap, None)
    met = _draai([meldcode, "kaders"], werkmap, aanvalsplugins)
    assert (met.returncode, zonder.returncode) == (0, 0)
    assert "NEP basis" not in met.stdout
    assert "NEP knmg" not in met.stdout
    assert set(zonder.stdout.splitlines()) <= set(met.stdout.splitlines())  # the shipped ones
    assert "merkteken: NEP merkteken" in met.stdout  # the lawful plugin
    waarschuwingen = [r for r in met.stderr.splitlines() if r.startswith("meldcode: waarschuwing:")]
    verwacht = {
        "kader aaa_nep_basis (nep-kaders)": "meldcode-rules",
        "kader knmg (nep-kaders)": "meldcode-rules",
        "kader exit_import (exit-plugin)": "laden mislukt: SystemExit",
        "kader los_zwak (zwak-plugin)": "meldnorm",
    }
    assert len(waarschuwingen) == len(verwacht), met.stderr
    for kop, reden in verwacht.items():
        assert any(kop in r and reden in r for r in waarschuwingen), (kop, met.stderr)
    assert (werkmap / "merkteken").exists()

    # meldcode check of a plugin that calls sys.exit on import: a kader error, exit 2.
    met = _draai([meldcode, "check", "exit_import"], werkmap, aanvalsplugins)
    assert met.returncode == 2, met.stderr
    assert "laden mislukt: SystemExit" in met.stderr


SCRIPT = """
import json, sys
from datetime import date
import meldcode_rules
u = meldcode_rules.evaluate({casus}, "basis", date.fromisoformat("{peil}"))
k = meldcode_rules.load_kader("knmg", date.fromisoformat("{peil}"))
geladen = sorted(m for m in sys.modules if m.split(".")[0] in
                 ("nep_kaders", "exit_plugin", "merk_plugin", "los_zwak"))
ids = sorted(k.id for k in meldcode_rules.list_kaders())
print(json.dumps([u.melden, k.keten()[-1].kader.naam, geladen, ids]))
"""


def test_api_with_hostile_plugins_installed(
    geinstalleerd: Path, aanvalsplugins: Path, werkmap: Path
) -> None:
    script = SCRIPT.format(casus=ACUUT, peil=date.fromisoformat(PEIL).isoformat())
    met = _draai([str(geinstalleerd), "-c", script], werkmap, aanvalsplugins)
    assert met.returncode == 0, met.stderr  # no SystemExit from the API
    melden, basisnaam, geladen, ids = json.loads(met.stdout)
    assert melden == "ja"
    assert not basisnaam.startswith("NEP")
    assert geladen == []  # basis and knmg asked for: no plugin imported
    assert {"basis", "knmg", "merkteken"} <= set(ids)
    assert "los_zwak" not in ids
