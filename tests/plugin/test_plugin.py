"""The pytest plugin, run through pytester: a kader author's one-line test, options, failures."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("pytester",)

KAPOT = Path(__file__).parent.parent / "kapot"


def test_one_line_test_with_controleer_kader_passes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        from meldcode_rules.testing import check_kader

        def test_mijn_kader():
            check_kader("basis", voorbeelden=3)
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_fixture_uses_the_meldcode_options(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_mijn_kader(meldcode_kader_controle):
            rapport = meldcode_kader_controle("basis")
            assert rapport.ok
            assert rapport.steekproef == "steekproef overgeslagen op verzoek"
        """
    )
    uitslag = pytester.runpytest("-p", "no:cacheprovider", "--meldcode-voorbeelden", "0")
    uitslag.assert_outcomes(passed=1)


def test_uitputtend_option_reaches_the_check(pytester: pytest.Pytester) -> None:
    """``--meldcode-uitputtend`` raises the enumeration limit (seen through a patched check)."""
    pytester.makeconftest(
        """
        import meldcode_rules.testing.controle as controle

        GEZIEN = []
        _echt = controle.check_kader

        def _spion(kader, **opties):
            GEZIEN.append(opties["uitputtend"])
            return _echt(kader, **{**opties, "uitputtend": False})

        controle.check_kader = _spion
        """
    )
    pytester.makepyfile(
        """
        from conftest import GEZIEN

        def test_mijn_kader(meldcode_kader_controle):
            assert meldcode_kader_controle("basis").ok
            assert GEZIEN == [True]
        """
    )
    uitslag = pytester.runpytest(
        "-p", "no:cacheprovider", "--meldcode-voorbeelden", "0", "--meldcode-uitputtend"
    )
    uitslag.assert_outcomes(passed=1)


def test_fixture_fails_a_broken_kader_with_the_dutch_counterexample(
    pytester: pytest.Pytester,
) -> None:
    pad = KAPOT / "zwakke_meldnorm.py"
    pytester.makepyfile(
        f"""
        def test_kapot(meldcode_kader_controle):
            meldcode_kader_controle({str(pad)!r})
        """
    )
    uitslag = pytester.runpytest("-p", "no:cacheprovider", "--meldcode-voorbeelden", "0")
    uitslag.assert_outcomes(failed=1)
    uitslag.stdout.fnmatch_lines(
        ["*Invariant: meldnorm*", "*Verwacht: melden = ja*", "*Grondslag:*"]
    )


def test_meldcode_kader_option_adds_a_test_without_writing_one(pytester: pytest.Pytester) -> None:
    pad = KAPOT / "tegenstrijdig.py"
    uitslag = pytester.runpytest(
        "-p",
        "no:cacheprovider",
        "--meldcode-voorbeelden",
        "0",
        "--meldcode-kader",
        "basis",
        "--meldcode-kader",
        str(pad),
    )
    uitslag.assert_outcomes(passed=1, failed=1)
    uitslag.stdout.fnmatch_lines(["*Invariant: tegenstrijdigheid*"])


def test_negative_example_count_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_x():\n    pass\n")
    uitslag = pytester.runpytest("-p", "no:cacheprovider", "--meldcode-voorbeelden", "-1")
    assert uitslag.ret == pytest.ExitCode.USAGE_ERROR


def test_plugin_is_registered_and_imports_lazily(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import sys

        def test_lazy(pytestconfig):
            assert pytestconfig.pluginmanager.has_plugin("meldcode")
            assert "meldcode_rules.analysis" not in sys.modules
            assert "meldcode_rules.testing.strategies" not in sys.modules
        """
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
