"""The checker checks itself: every deliberately broken kader is caught by the right invariant."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from meldcode_rules.analysis import analyseer, kader_uit_bestand
from meldcode_rules.casus import Antwoorden, Casus
from meldcode_rules.cli import main
from meldcode_rules.logica import JA, ONBEKEND
from meldcode_rules.registry import default_registry
from meldcode_rules.testing import InconsistentKader, check_kader, schendingen
from meldcode_rules.testing.steekproef import HypothesisSteekproef

HIER = Path(__file__).parent
KAPOT = sorted(p for p in HIER.glob("*.py") if not p.name.startswith(("_", "test_")))


def _verwacht(pad: Path) -> str:
    for regel in pad.read_text(encoding="utf-8").splitlines():
        if regel.startswith("VERWACHT = "):
            return regel.split('"')[1]
    raise AssertionError(pad)


def test_all_five_broken_kaders_are_here() -> None:
    assert {_verwacht(p) for p in KAPOT} == {
        "meldnorm",
        "bereikbaarheid",
        "tegenstrijdigheid",
        "nooit_zwakker_dan_basis",
        "onbekend_nooit_nee",
    }


@pytest.mark.parametrize("pad", KAPOT, ids=lambda p: p.stem)
def test_broken_kader_is_caught_by_its_invariant(pad: Path) -> None:
    rapport = analyseer(kader_uit_bestand(pad))
    geschonden = {u.naam for _, u in rapport.schendingen()}
    assert not rapport.ok
    assert _verwacht(pad) in geschonden
    _, uitslag = next((v, u) for v, u in rapport.schendingen() if u.naam == _verwacht(pad))
    voorbeeld = uitslag.tegenvoorbeeld
    assert voorbeeld is not None
    tekst = voorbeeld.beschrijving()
    assert "Verwacht:" in tekst
    assert "Werkelijk:" in tekst
    assert "Grondslag:" in tekst
    assert voorbeeld.verwacht != voorbeeld.werkelijk


@pytest.mark.parametrize("pad", KAPOT, ids=lambda p: p.stem)
def test_meldcode_check_file_exits_1_with_a_dutch_counterexample(pad: Path, capsys) -> None:
    code = main(["check", "--file", str(pad), "--voorbeelden", "0"])
    uit, fout = capsys.readouterr()
    assert code == 1, fout
    assert "NIET consistent" in uit
    assert f"Invariant: {_verwacht(pad)}" in uit
    assert "Grondslag:" in uit


def test_weakened_meldnorm_counterexample_is_the_smallest() -> None:
    rapport = analyseer(kader_uit_bestand(HIER / "zwakke_meldnorm.py"))
    uitslag = rapport.versies[0].uitslag("meldnorm")
    assert uitslag.tegenvoorbeeld is not None
    invoer = dict(uitslag.tegenvoorbeeld.invoer)
    # The smallest violating input: vermoeden and structurele onveiligheid ja, the rest onbekend.
    assert invoer["vermoeden"] == "ja"
    assert invoer["structurele_onveiligheid"] == "ja"
    assert invoer["acute_onveiligheid"] != "ja"
    assert sum(w != "onbekend" for w in invoer.values()) == 2
    assert uitslag.tegenvoorbeeld.werkelijk != "melden = ja"


def test_controleer_kader_raises_an_assertion_with_the_counterexample() -> None:
    with pytest.raises(InconsistentKader) as fout:
        check_kader(HIER / "onbekend_wordt_nee.py", voorbeelden=0)
    assert isinstance(fout.value, AssertionError)
    assert "onbekend_nooit_nee" in str(fout.value)


def test_per_casus_check_finds_the_silent_nee() -> None:
    (effectief,) = default_registry().resolved_versions(
        kader_uit_bestand(HIER / "onbekend_wordt_nee.py")
    )
    casus = Casus(
        id="c1",
        antwoorden=Antwoorden(
            vermoeden=JA,
            acute_onveiligheid=ONBEKEND,
            structurele_onveiligheid=ONBEKEND,
            passende_hulp=JA,
            medewerking=JA,
            duurzame_veiligheid=JA,
        ),
    )
    gevonden = schendingen(effectief, casus, date(2024, 6, 1))
    assert [s.invariant.naam for s in gevonden] == ["onbekend_nooit_nee"]


def test_sampling_reports_a_shrunk_casus_for_a_per_casus_violation() -> None:
    (effectief,) = default_registry().resolved_versions(
        kader_uit_bestand(HIER / "onbekend_wordt_nee.py")
    )
    voorbeeld = HypothesisSteekproef(400).zoek(effectief)
    assert voorbeeld is not None
    assert voorbeeld.invariant.naam == "onbekend_nooit_nee"
    assert voorbeeld.casus  # described in Dutch
    assert any(r.startswith("antwoorden:") for r in voorbeeld.casus)
    # Shrunk: nothing but the answers is supplied.
    assert "signalen: niet aangeleverd" in voorbeeld.casus
