"""README.md keeps its promises: two set-up commands, the test command is what CI runs,
and its Python example runs as written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from meldcode_rules import Registry, list_kaders

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blokken(taal: str) -> list[str]:
    return re.findall(rf"```{taal}\n(.*?)```", README, flags=re.DOTALL)


def test_exactly_two_setup_commands_under_set_up() -> None:
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)```", setup, flags=re.DOTALL)
    assert len(commands) == 2
    installeren, testen = (c.strip() for c in commands)
    assert "meldcode evaluate voorbeelden/casus.json" in installeren
    assert "pytest" in testen
    assert (ROOT / "voorbeelden" / "casus.json").is_file()


def test_ci_runs_the_readme_test_command() -> None:
    setup = README.split("## Set-up", 1)[1]
    testen = re.findall(r"```bash\n(.*?)```", setup, flags=re.DOTALL)[1].strip()
    assert testen in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_python_example_runs() -> None:
    [voorbeeld] = [b for b in _blokken("python") if "evaluate(" in b][:1]
    code = "\n".join(
        r for r in voorbeeld.splitlines() if not r.lstrip().startswith("#") and r.strip()
    )
    # Lines that are bare expressions followed by a "# 'value'" comment are checked.
    namespace: dict = {}
    exec(compile(voorbeeld, "README.md", "exec"), namespace)
    for regel in voorbeeld.splitlines():
        m = re.match(r"^(uitkomst\.[\w\[\]\"\.0-9]+)\s+# (.+)$", regel)
        if m:
            assert repr(eval(m.group(1), namespace)) == m.group(2).strip()
    assert code


def test_organisation_example_loads_as_an_extension() -> None:
    [voorbeeld] = [b for b in _blokken("python") if "jeugdhulp_de_brug" in b]
    namespace: dict = {}
    exec(compile(voorbeeld, "README.md", "exec"), namespace)
    registry = Registry([*list_kaders(), namespace["KADER"]])
    assert "jeugdhulp_de_brug" in [k.id for k in registry.kaders()]
    assert registry.broken() == []


def test_process_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The process example runs as written (in a temporary folder: it makes a SQLite file)."""
    [voorbeeld] = [b for b in _blokken("python") if "Proces(" in b]
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(voorbeeld, "README.md", "exec"), namespace)
    gecontroleerd = 0
    for regel in voorbeeld.splitlines():
        m = re.match(r"^(\S.*?)\s+# (.+)$", regel)
        if m and not regel.startswith("proces"):
            assert repr(eval(m.group(1), namespace)) == m.group(2).strip()
            gecontroleerd += 1
    assert gecontroleerd == 2
    assert (tmp_path / "meldcode.sqlite").is_file()
    namespace["proces"].opslag.sluit()


def test_every_subcommand_is_in_the_readme() -> None:
    from meldcode_rules.cli import OPDRACHTEN  # noqa: PLC0415

    for naam in OPDRACHTEN:
        assert f"meldcode {naam} " in README, naam
