"""A user's own folders called ``kaders/`` or ``meldcode_rules/`` never change what loads.

The shipped kaders install under the import name ``meldcode_kaders`` (the repository
folder stays ``kaders/``); an organisation that keeps its own kaders in a folder
called ``kaders/`` next to its scripts must still get the shipped kaders, from the
CLI and from the API.
"""

from __future__ import annotations

import json
import subprocess
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

CASUS = {"id": "c1", "antwoorden": {"vermoeden": "ja", "acute_onveiligheid": "ja"}}

SCRIPT = """
import json
from datetime import date
import meldcode_rules
u = meldcode_rules.evaluate({casus}, kader="knmg", peildatum=date(2024, 6, 1))
print(json.dumps([u.kader.id, u.melden, sorted(k.id for k in meldcode_rules.list_kaders())]))
"""


@pytest.fixture
def gebruikersmap(tmp_path: Path) -> Path:
    """A working folder with the user's own ``kaders/`` and ``meldcode_rules/`` folders."""
    for naam in ("kaders", "meldcode_rules", "meldcode_kaders"):
        (tmp_path / naam).mkdir()
        (tmp_path / naam / "basis.py").write_text("raise SystemExit('niet laden')\n")
    (tmp_path / "kaders" / "__init__.py").write_text("")
    (tmp_path / "casus.json").write_text(json.dumps(CASUS))
    return tmp_path


def _draai(opdracht: list[str], map_: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        opdracht, cwd=map_, capture_output=True, text=True, timeout=120, check=False
    )


def test_cli_uses_the_shipped_kaders_next_to_a_user_kaders_folder(
    geinstalleerd: Path, gebruikersmap: Path
) -> None:
    meldcode = str(geinstalleerd.parent / "meldcode")
    uit = _draai(
        [meldcode, "evaluate", "casus.json", "--kader", "basis", "--peildatum", "2024-06-01"],
        gebruikersmap,
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stderr == ""
    assert json.loads(uit.stdout)["melden"] == "ja"
    lijst = _draai([meldcode, "kaders", "--format", "json"], gebruikersmap)
    assert lijst.returncode == 0
    assert lijst.stderr == ""
    ids = {k["id"] for k in json.loads(lijst.stdout)["kaders"]}
    assert {"basis", "knmg", "onderwijs", "kinderopvang", "gezamenlijk_kader"} <= ids


def test_api_uses_the_shipped_kaders_from_a_script_beside_user_folders(
    geinstalleerd: Path, gebruikersmap: Path
) -> None:
    (gebruikersmap / "script.py").write_text(SCRIPT.format(casus=CASUS))
    uit = _draai([str(geinstalleerd), "script.py"], gebruikersmap)
    assert uit.returncode == 0, uit.stderr
    kader, melden, ids = json.loads(uit.stdout)
    assert (kader, melden) == ("knmg", "ja")
    assert {"basis", "knmg", "onderwijs", "kinderopvang", "gezamenlijk_kader"} <= set(ids)
    # The same from `python -c` with the folder as working directory ('' first on sys.path).
    uit = _draai([str(geinstalleerd), "-c", SCRIPT.format(casus=CASUS)], gebruikersmap)
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout)[:2] == ["knmg", "ja"]
