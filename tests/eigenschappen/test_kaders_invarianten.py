"""Every registered kader keeps every invariant: the CI face of `meldcode check`.

The symbolic part proves the invariants of each version for all answers and facts at once;
the sampled part runs hypothesis over casussen (signalen over time). New kaders are picked
up automatically: the test iterates over the register.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import find, given
from hypothesis.errors import InvalidArgument

from meldcode_rules import load_kader
from meldcode_rules.analysis import invarianten_rapport
from meldcode_rules.casus import Casus
from meldcode_rules.cli import main
from meldcode_rules.registry import default_registry
from meldcode_rules.testing import INVARIANTEN, STRUCTUUR, casussen, schendingen, signalen
from meldcode_rules.testing.steekproef import analyseer_met_steekproef

KADERS = [k.id for k in default_registry().kaders()]
PEIL = date(2024, 6, 1)


def test_the_register_is_not_empty_and_nothing_was_skipped() -> None:
    assert "basis" in KADERS
    assert default_registry().broken() == []


@pytest.mark.parametrize("kader", KADERS)
def test_every_registered_kader_passes_meldcode_check(kader: str) -> None:
    rapport = analyseer_met_steekproef(kader, voorbeelden=10)
    fouten = [
        f"{v.versie}: {u.tegenvoorbeeld.beschrijving() if u.tegenvoorbeeld else u.naam}"
        for v, u in rapport.schendingen()
    ]
    assert rapport.ok, "\n\n".join(fouten)
    for versie in rapport.versies:
        namen = [u.naam for u in versie.uitslagen]
        assert namen == [i.naam for i in (*INVARIANTEN, *STRUCTUUR)]
        assert versie.uitslag("meldnorm").status in ("bewezen", "niet_van_toepassing")
        assert versie.uitslag("hulpvoorwaarden").status == "bewezen"
        assert versie.uitslag("volledigheid").status == "bewezen"
        assert {u.status for u in versie.uitslagen} <= {"bewezen", "niet_van_toepassing"}


def test_meldcode_check_basis_exits_0_with_a_short_report(capsys) -> None:
    code = main(["check", "basis", "--voorbeelden", "5"])
    uit, _ = capsys.readouterr()
    assert code == 0
    assert "kader basis — consistent" in uit
    assert "bewezen (symbolisch (z3" in uit
    assert "symbolisch bewezen met z3" in uit
    assert "alleen gesteekproefd" not in uit
    assert "steekproef: 5 casussen" in uit
    assert "niet van toepassing" in uit  # the meldnorm for the 2013 version


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "basis", "--file", "x.py"],
        ["check", "bestaat_niet"],
        ["check", "--file", "/geen/bestand.py"],
        ["check", "basis", "--voorbeelden", "-1"],
    ],
)
def test_meldcode_check_bad_input_exits_2(args: list[str], capsys) -> None:
    assert main(args) == 2
    _, fout = capsys.readouterr()
    assert fout.startswith("meldcode: fout:")
    assert "Traceback" not in fout


def test_check_file_without_a_kader_exits_2(tmp_path, capsys) -> None:
    leeg = tmp_path / "leeg.py"
    leeg.write_text("X = 1\n", encoding="utf-8")
    kapot = tmp_path / "kapot.py"
    kapot.write_text("raise RuntimeError('geheim-Qx7')\n", encoding="utf-8")
    assert main(["check", "--file", str(leeg)]) == 2
    assert main(["check", "--file", str(kapot)]) == 2
    _, fout = capsys.readouterr()
    assert "geen Kader" in fout
    assert "geheim-Qx7" not in fout


def test_invarianten_rapport_for_the_docs() -> None:
    uitslagen = invarianten_rapport("basis", "2019")
    assert [u.naam for u in uitslagen] == [i.naam for i in (*INVARIANTEN, *STRUCTUUR)]
    for u in uitslagen:
        assert u.uitleg
        assert "https://" in u.grondslag
        assert u.status in ("bewezen", "niet_van_toepassing")
    assert {
        u.naam for u in invarianten_rapport("basis", "2013") if u.status == "niet_van_toepassing"
    } >= {"meldnorm"}


def test_every_invariant_has_a_dutch_paragraph_and_a_legal_ground() -> None:
    for inv in (*INVARIANTEN, *STRUCTUUR):
        assert len(inv.uitleg) > 150
        assert inv.grondslag.tekst
        assert inv.grondslag.adres.startswith("https://")


# -- sampled: signalen over time ------------------------------------------------------------


BASIS = load_kader("basis", PEIL)


@given(casus=casussen(kader="basis", peildatum=PEIL), extra=signalen(peildatum=PEIL, max_size=1))
def test_per_casus_invariants_hold_on_sampled_casussen(casus: Casus, extra) -> None:
    # The other kaders are sampled inside test_every_registered_kader_passes_meldcode_check.
    assert schendingen(BASIS, casus, PEIL, extra[0] if extra else None) == []


def test_strategies_reach_the_edge_cases() -> None:
    geen = find(signalen(peildatum=PEIL), lambda s: len(s) == 0)
    assert geen == ()
    een_dag = find(
        signalen(peildatum=PEIL),
        lambda s: len(s) >= 5 and len({x.datum for x in s}) == 1 and s[0].datum is not None,
    )
    assert een_dag[0].datum is not None
    over_jaren = find(
        signalen(peildatum=PEIL),
        lambda s: len({x.datum.year for x in s if x.datum is not None}) >= 4,
    )
    assert len(over_jaren) >= 4


@given(casussen(kader="basis", peildatum=PEIL))
def test_generated_casussen_are_valid_and_round_trip(casus: Casus) -> None:
    assert Casus.model_validate_json(casus.model_dump_json()) == casus


def test_strategies_validate_their_arguments() -> None:
    with pytest.raises(InvalidArgument):
        casussen(peildatum="2024-01-01").example()  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        signalen(vormen="lichamelijk_geweld").example()  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        casussen(kader=3).example()  # type: ignore[arg-type]
