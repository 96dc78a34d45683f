"""Without durable-rules (the optional extra missing, or Python 3.13) the rest works.

These tests run everywhere: they hide durable-rules from the import system.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

import pytest
from testhulp import geladen_modules

from meldcode_rules import evaluate
from meldcode_rules.cli import main
from meldcode_rules.errors import EngineUnavailable

if TYPE_CHECKING:
    from pathlib import Path

DAG = date(2024, 3, 1)


@pytest.fixture
def zonder_durable(monkeypatch: pytest.MonkeyPatch) -> None:
    """durable-rules cannot be imported, and nothing of it is cached."""
    import meldcode_rules.engine as e  # noqa: PLC0415
    import meldcode_rules.engine.durable as d  # noqa: PLC0415
    import meldcode_rules.proces.durable as pd  # noqa: PLC0415

    monkeypatch.setattr(pd, "_CHART", [])
    for naam in ("durable", "durable.engine", "durable.lang", "durable_rules_engine"):
        monkeypatch.setitem(sys.modules, naam, None)
    monkeypatch.setattr(e, "_CACHE", {})
    monkeypatch.setattr(d, "_HOST", [])


@pytest.mark.usefixtures("zonder_durable")
def test_api_noemt_de_extra() -> None:
    with pytest.raises(EngineUnavailable, match=r"meldcode-rules\[durable\]"):
        evaluate({"id": "c1"}, "basis", DAG, engine="durable")
    # The native engine is untouched.
    assert evaluate({"id": "c1"}, "basis", DAG).engine == "native"


@pytest.mark.usefixtures("zonder_durable")
def test_cli_exit_2_zonder_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = tmp_path / "casus.json"
    bestand.write_text('{"id": "geheim-123"}', encoding="utf-8")
    code = main(["evaluate", str(bestand), "--engine", "durable", "--peildatum", "2024-03-01"])
    fout = capsys.readouterr().err
    assert code == 2
    assert "meldcode-rules[durable]" in fout
    assert "Traceback" not in fout
    assert "geheim-123" not in fout


@pytest.mark.usefixtures("zonder_durable")
def test_proces_durable_noemt_de_extra() -> None:
    from meldcode_rules.proces import Proces  # noqa: PLC0415

    with pytest.raises(EngineUnavailable, match=r"meldcode-rules\[durable\]"):
        Proces(engine="durable")
    # The native process is untouched.
    staat = Proces().verwerk(
        {"casus_id": "c1", "soort": "signaal_vastgelegd", "datum": "2024-03-01"}
    )
    assert staat.versie == 1


@pytest.mark.usefixtures("zonder_durable")
def test_cli_proces_durable_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = tmp_path / "events.jsonl"
    bestand.write_text(
        '{"casus_id": "geheim-9", "soort": "signaal_vastgelegd", "datum": "2024-03-01"}\n',
        encoding="utf-8",
    )
    code = main(["proces", str(bestand), "--engine", "durable"])
    fout = capsys.readouterr().err
    assert code == 2
    assert "meldcode-rules[durable]" in fout
    assert "Traceback" not in fout
    assert "geheim-9" not in fout


def test_geen_import_van_durable_op_moduleniveau() -> None:
    """Importing the package, its CLI, the process and the native engine loads no durable."""
    script = (
        "import datetime\n"
        "import meldcode_rules, meldcode_rules.api, meldcode_rules.cli, meldcode_rules.engine.durable\n"
        "import meldcode_rules.proces, meldcode_rules.cli.proces\n"
        "from meldcode_rules import evaluate\n"
        "evaluate({'id': 'c'}, 'basis', datetime.date(2024, 3, 1))\n"
        "from meldcode_rules.cli import main\n"
        "main(['kaders', '--format', 'json'])\n"
    )
    assert geladen_modules(script, ("durable", "durable_rules_engine")) == []
