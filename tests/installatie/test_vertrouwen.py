"""Trust boundaries, in process: no plugin can replace, weaken or silence a shipped kader.

The attacks of ATTACK.md F1 (an impostor ``basis`` or ``knmg``), F2 (``sys.exit`` on
import), F11 (a standalone kader that never melds) and F14 (a broken or duplicating
beroepsgroepen register), each with a distribution laid out on ``sys.path`` as pip would
(:mod:`pluginpakketten`). ``test_plugins_venv.py`` repeats the main ones against a real
install in a venv.
"""

from __future__ import annotations

import importlib
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

import pytest
from pluginpakketten import (
    EXIT,
    STDOUT_WEG,
    als_geinstalleerd,
    distributie,
    hulp_zwak,
    merkteken,
    wettig,
    zwak,
)

from meldcode_rules import (
    KaderError,
    Registry,
    beroepsgroepen,
    evaluate,
    kader_for,
    list_kaders,
    load_kader,
)
from meldcode_rules import registry as registry_module
from meldcode_rules.beroepsgroepen import BEROEPSGROEPEN_GROUP, UnknownBeroepsgroep
from meldcode_rules.cli import main
from meldcode_rules.kader import vingerafdruk
from meldcode_rules.registry import ENTRY_POINT_GROUP

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

PEIL = date(2024, 6, 1)
SHIPPED = {"basis", "gezamenlijk_kader", "kinderopvang", "knmg", "onderwijs"}
ACUUT = {
    "id": "acuut",
    "antwoorden": {"vermoeden": "ja", "acute_onveiligheid": "ja", "structurele_onveiligheid": "ja"},
}


class Site:
    """A folder on ``sys.path`` to install distributions into, as pip would."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad
        self.bronnen = pad.parent / "bronnen"

    def installeer(
        self,
        naam: str,
        modules: dict[str, str],
        kaders: dict[str, str] | None = None,
        registry: dict[str, str] | None = None,
    ) -> None:
        entry_points = {ENTRY_POINT_GROUP: kaders or {}, BEROEPSGROEPEN_GROUP: registry or {}}
        entry_points = {groep: punten for groep, punten in entry_points.items() if punten}
        als_geinstalleerd(distributie(self.bronnen, naam, modules, entry_points), self.pad)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    pad = tmp_path / "site"
    pad.mkdir()
    monkeypatch.syspath_prepend(str(pad))
    # The CLI and the API's defaults use the process-wide register: a fresh one here.
    monkeypatch.setattr(registry_module, "_STANDAARD", None)
    voor = set(sys.modules)
    yield Site(pad)
    for naam in set(sys.modules) - voor:  # the plugin modules of this test only
        if str(pad) in str(getattr(sys.modules[naam], "__file__", "") or ""):
            del sys.modules[naam]


def _geladen(pakket: str) -> bool:
    return any(m == pakket or m.startswith(f"{pakket}.") for m in sys.modules)


# -- F1: a shipped id always belongs to the shipped kader ------------------------------------


def test_an_impostor_basis_under_an_earlier_name_never_replaces_the_shipped_basis(
    site: Site,
) -> None:
    echt = vingerafdruk(Registry().resolve("basis", PEIL))
    site.installeer(
        "nep-kaders",
        {"nep_vroeg/basis.py": zwak("basis")},
        {"aaa_nep_basis": "nep_vroeg.basis:KADER"},
    )
    registry = Registry()
    # Asked for by id: the shipped kader; the plugin is not even imported.
    assert registry.distribution("basis") == "meldcode-rules"
    u = evaluate(ACUUT, "basis", PEIL, registry=registry)
    assert (u.melden, u.kader.vingerafdruk) == ("ja", echt)
    assert not _geladen("nep_vroeg")
    # Every shipped sector kader extends the shipped basis.
    for kader_id in SHIPPED - {"basis"}:
        effectief = registry.resolve(kader_id, PEIL)
        assert effectief.basis is not None
        assert effectief.keten()[-1].kader is registry.kader("basis")
        assert evaluate(ACUUT, kader_id, PEIL, registry=registry).melden == "ja"
    # Loading everything imports the impostor and refuses it, naming both distributions.
    assert {k.id for k in registry.kaders()} >= SHIPPED
    (g,) = [g for g in registry.broken() if g.distributie == "nep-kaders"]
    assert g.naam == "aaa_nep_basis"
    assert "basis" in g.reden
    assert "meldcode-rules" in g.reden
    assert "nep-kaders" in g.reden
    assert registry.distribution("basis") == "meldcode-rules"
    with pytest.raises(KaderError, match="overgeslagen"):
        registry.kader("aaa_nep_basis")


def test_a_plugin_registering_a_shipped_id_is_refused_loudly_and_not_imported(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    echt = vingerafdruk(Registry().resolve("knmg", PEIL))
    site.installeer(
        "nep-kaders",
        {"nep_zelfde/basis.py": zwak("basis"), "nep_zelfde/knmg.py": zwak("knmg")},
        {"basis": "nep_zelfde.basis:KADER", "knmg": "nep_zelfde.knmg:KADER"},
    )
    registry = Registry()
    assert registry.distribution("knmg") == "meldcode-rules"
    assert kader_for("huisarts").kader == "knmg"
    u = evaluate(ACUUT, "knmg", PEIL, registry=registry)
    assert (u.melden, u.kader.vingerafdruk) == ("ja", echt)
    # knmg and the basis it extends were asked for: both refusals are known without
    # loading anything else, and the impostors were never imported.
    gebroken = registry.broken(load_all=False)
    assert {(g.naam, g.distributie) for g in gebroken} == {
        ("basis", "nep-kaders"),
        ("knmg", "nep-kaders"),
    }
    assert all("meldcode-rules" in g.reden and "nep-kaders" in g.reden for g in gebroken)
    assert not _geladen("nep_zelfde")

    # The CLI: the real knmg through --beroepsgroep, and a warning line naming both.
    casus = tmp_path / "acuut.json"
    casus.write_text(json.dumps(ACUUT))
    argv = ["evaluate", str(casus), "--beroepsgroep", "huisarts", "--peildatum", "2024-06-01"]
    assert main(argv) == 0
    uit = capsys.readouterr()
    resultaat = json.loads(uit.out)
    assert (resultaat["melden"], resultaat["kader"]["id"]) == ("ja", "knmg")
    assert resultaat["kader"]["vingerafdruk"] == echt
    waarschuwing = [r for r in uit.err.splitlines() if r.startswith("meldcode: waarschuwing:")]
    assert any("knmg (nep-kaders)" in r and "meldcode-rules" in r for r in waarschuwing)


def test_one_id_from_two_plugins_is_refused_for_both(site: Site) -> None:
    site.installeer("orga-a", {"orga_a.py": wettig("eigen")}, {"eigen": "orga_a:KADER"})
    site.installeer("orga-b", {"orga_b.py": wettig("eigen")}, {"eigen": "orga_b:KADER"})
    site.installeer(
        "orga-c",
        {"orga_c.py": wettig("eigen_uitbreiding", "eigen")},
        {"eigen_uitbreiding": "orga_c:KADER"},
    )
    registry = Registry()
    with pytest.raises(KaderError) as fout:
        registry.kader("eigen")
    assert "orga-a" in str(fout.value)
    assert "orga-b" in str(fout.value)
    assert not _geladen("orga_a")
    assert not _geladen("orga_b")
    # What extends it cannot silently pick one of them either.
    with pytest.raises(KaderError, match=r"eigen.*overgeslagen"):
        registry.kader("eigen_uitbreiding")
    gebroken = [g for g in registry.broken() if g.naam == "eigen"]
    assert {g.distributie for g in gebroken} == {"orga-a", "orga-b"}
    assert {k.id for k in registry.kaders()} >= SHIPPED


def test_an_entry_point_must_be_named_after_its_kader(site: Site) -> None:
    site.installeer("orga-a", {"naam_a.py": wettig("eigen")}, {"eigen": "naam_a:KADER"})
    site.installeer("orga-z", {"naam_z.py": wettig("eigen")}, {"zzz_eigen": "naam_z:KADER"})
    registry = Registry()
    assert registry.distribution("eigen") == "orga-a"  # the owner of the name
    gebroken = {g.naam: g for g in registry.broken()}
    assert gebroken["zzz_eigen"].distributie == "orga-z"
    assert "orga-a" in gebroken["zzz_eigen"].reden
    assert registry.distribution("eigen") == "orga-a"


def test_extensions_in_a_cycle_are_refused(site: Site) -> None:
    site.installeer(
        "kring",
        {"kring/a.py": wettig("kring_a", "kring_b"), "kring/b.py": wettig("kring_b", "kring_a")},
        {"kring_a": "kring.a:KADER", "kring_b": "kring.b:KADER"},
    )
    registry = Registry()
    with pytest.raises(KaderError, match="overgeslagen"):
        registry.kader("kring_a")
    redenen = " ".join(g.reden for g in registry.broken())
    assert "kringverwijzing" in redenen
    assert {k.id for k in registry.kaders()} >= SHIPPED


# -- F2: a plugin cannot end the process or hide its output ----------------------------------


def test_a_plugin_that_exits_or_takes_stdout_on_import_is_reported(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.installeer(
        "exit-plugin",
        {"aanval_exit/weg.py": EXIT, "aanval_exit/stil.py": STDOUT_WEG},
        {"exit_import": "aanval_exit.weg:KADER", "stil": "aanval_exit.stil:KADER"},
    )
    stdout = sys.stdout
    assert {k.id for k in list_kaders()} >= SHIPPED  # no SystemExit
    assert sys.stdout is stdout
    gebroken = {g.naam: g for g in registry_module.default_registry().broken()}
    assert gebroken["exit_import"].reden == "laden mislukt: SystemExit"
    assert gebroken["exit_import"].distributie == "exit-plugin"
    assert "standaardstroom" in gebroken["stil"].reden
    with pytest.raises(KaderError, match="SystemExit"):
        load_kader("exit_import", PEIL)
    assert evaluate(ACUUT, "basis", PEIL).melden == "ja"

    capsys.readouterr()
    assert main(["kaders"]) == 0
    uit = capsys.readouterr()
    assert "basis:" in uit.out
    assert "kader exit_import (exit-plugin) is overgeslagen: laden mislukt: SystemExit" in uit.err


def test_asking_for_one_kader_imports_only_its_own_chain(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    merk = tmp_path / "merkteken"
    monkeypatch.setenv("MELDCODE_TEST_MERKTEKEN", str(merk))
    site.installeer(
        "merk-plugin",
        {"aanval_merk/merk.py": merkteken("merkteken"), "aanval_merk/weg.py": EXIT},
        {"merkteken": "aanval_merk.merk:KADER", "exit_import": "aanval_merk.weg:KADER"},
    )
    assert load_kader("basis", PEIL).kader.id == "basis"
    assert evaluate(ACUUT, "knmg", PEIL).melden == "ja"
    assert not merk.exists()
    assert not _geladen("aanval_merk")
    # ... and listing every kader does load it (so the test above means something).
    assert "merkteken" in {k.id for k in list_kaders()}
    assert merk.exists()


# -- F11: every kader meets the law on load ------------------------------------------------


@pytest.mark.parametrize(
    ("module", "invariant"), [(zwak, "meldnorm"), (hulp_zwak, "hulpvoorwaarden")]
)
def test_a_standalone_kader_that_breaks_the_law_is_refused(
    site: Site, module: Callable[[str], str], invariant: str
) -> None:
    naam = f"los_{invariant}"
    site.installeer(
        "wet-plugin",
        {f"{naam}.py": module(naam), "los_wettig.py": wettig("los_wettig")},
        {naam: f"{naam}:KADER", "los_wettig": "los_wettig:KADER"},
    )
    registry = Registry()
    with pytest.raises(KaderError) as fout:
        registry.kader(naam)
    assert invariant in str(fout.value)
    assert "bij vermoeden=" in str(fout.value)  # the answer combination
    (g,) = [g for g in registry.broken() if g.naam == naam]
    assert g.distributie == "wet-plugin"
    assert registry.kader("los_wettig").id == "los_wettig"  # a lawful one loads
    # The same for a kader given to a Registry directly (the shipped ones pass).
    zelf = Registry([*(registry.kader(k) for k in SHIPPED), importlib.import_module(naam).KADER])
    assert [(g.naam, g.distributie) for g in zelf.broken()] == [(naam, "(gegeven)")]
    assert invariant in zelf.broken()[0].reden


# -- F14: the beroepsgroepen register --------------------------------------------------------

_REGISTER = """
[bronnen.nep]
uitgever = "Aanvaller"
titel = "Nep"
adres = "https://example.org/nep"
passage = "p"

[[beroepsgroep]]
naam = "huisarts"
sector = "gezondheidszorg"
namen = ["huisarts", "dokter"]
kader = "basis"
bron = "nep"

[[beroepsgroep]]
naam = "wijkregisseur"
sector = "maatschappelijke_ondersteuning"
kader = "basis"
bron = "nep"
"""

_PAD = "from pathlib import Path\n\nPAD = Path(__file__).with_name('register.toml')\n"


def test_a_broken_register_plugin_leaves_the_shipped_register_working(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    site.installeer(
        "kapot-register",
        {"kapot_reg/__init__.py": _PAD, "kapot_reg/register.toml": "[[beroepsgroep]\nnaam = "},
        registry={"kapot": "kapot_reg:PAD"},
    )
    site.installeer("exit-register", {"exit_reg/__init__.py": EXIT}, registry={"weg": "exit_reg:X"})
    assert kader_for("leraar").kader == "onderwijs"
    assert kader_for("huisarts").kader == "knmg"
    assert "kapot (kapot-register) is overgeslagen" in caplog.text
    assert "TOMLDecodeError" in caplog.text
    assert "weg (exit-register) is overgeslagen: laden mislukt: SystemExit" in caplog.text


def test_a_register_plugin_cannot_shadow_a_shipped_entry(
    site: Site,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site.installeer(
        "dubbel-register",
        {"dubbel_reg/__init__.py": _PAD, "dubbel_reg/register.toml": _REGISTER},
        registry={"dubbel": "dubbel_reg:PAD"},
    )
    assert kader_for("huisarts").kader == "knmg"
    assert kader_for("huisarts", "gezondheidszorg").kader == "knmg"
    assert kader_for("dokter").kader == "knmg"
    # The plugin's own, new entry is used.
    assert kader_for("wijkregisseur").beroepsgroep.naam == "wijkregisseur"
    assert "dubbel (dubbel-register) is overgeslagen" in caplog.text
    with pytest.raises(UnknownBeroepsgroep):
        kader_for("GEHEIM-CANARY-12345")
    assert "CANARY" not in caplog.text

    # The CLI says so on standard error, as a warning line, and still answers.
    monkeypatch.setattr(beroepsgroepen, "_STANDAARD", {})
    capsys.readouterr()
    assert main(["kaders", "--beroepsgroep", "huisarts", "--format", "json"]) == 0
    uit = capsys.readouterr()
    assert json.loads(uit.out)["kader"] == "knmg"
    assert uit.err.startswith(
        "meldcode: waarschuwing: beroepsgroepenregister dubbel (dubbel-register)"
    )


def test_keyboard_interrupt_from_a_plugin_is_the_users(site: Site) -> None:
    site.installeer(
        "ki-plugin", {"ki_plugin.py": "raise KeyboardInterrupt\n"}, {"ki": "ki_plugin:KADER"}
    )
    with pytest.raises(KeyboardInterrupt):
        Registry().kader("ki")


def test_a_shipped_kader_only_extends_a_shipped_kader(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Defence in depth: were a shipped extension ever to meet a base from elsewhere (the
    # id rules above make that impossible through entry points), it is refused, not
    # loaded without the exhaustive checks shipped kaders skip.
    site.installeer(
        "orga-a", {"orga_basis.py": wettig("eigen_basis")}, {"eigen_basis": "orga_basis:KADER"}
    )
    site.installeer(
        "orga-b",
        {"orga_ext.py": wettig("eigen_ext", "eigen_basis")},
        {"eigen_ext": "orga_ext:KADER"},
    )
    echte = registry_module._entry_points()

    def vermomd() -> dict[str, list[registry_module._Aanmelding]]:
        uit = dict(echte)
        (ext,) = uit["eigen_ext"]
        uit["eigen_ext"] = [registry_module._Aanmelding(ext.naam, "meldcode-rules", ext.laad)]
        return uit

    monkeypatch.setattr(registry_module, "_entry_points", vermomd)
    with pytest.raises(KaderError, match="breidt alleen een meegeleverd kader uit"):
        Registry().kader("eigen_ext")
