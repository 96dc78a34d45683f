"""Testing tools for kader authors: strategies, invariants, one-line kader checks, a pytest plugin.

A kader author's whole test, in their own repository::

    from meldcode_rules.testing import check_kader

    def test_mijn_kader():
        check_kader("mijn_kader")          # a registered id, a Kader object, or a .py path

or with the pytest plugin's fixture (the plugin is installed with meldcode-rules)::

    def test_mijn_kader(meldcode_kader_controle):
        meldcode_kader_controle("mijn_kader")

Both prove every invariant of :data:`INVARIANTEN` exhaustively where the input space is
finite and sample casussen with hypothesis where it is not; a violation fails the test
with the smallest counterexample in Dutch.

Names are imported lazily, so ``import meldcode_rules.testing`` costs nothing until a
strategy (which needs hypothesis) or a check is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from meldcode_rules._lui import laad

if TYPE_CHECKING:
    from meldcode_rules.testing.controle import InconsistentKader, check_kader
    from meldcode_rules.testing.invariants import (
        INVARIANTEN,
        STRUCTUUR,
        Grondslag,
        Invariant,
        Schending,
        invariant,
        schendingen,
    )
    from meldcode_rules.testing.strategies import (
        antwoorden,
        beschrijf_casus,
        betrokkenen,
        casussen,
        hulpfeiten,
        signalen,
        stappen,
        waarden,
    )

__all__ = [
    "INVARIANTEN",
    "STRUCTUUR",
    "Grondslag",
    "InconsistentKader",
    "Invariant",
    "Schending",
    "antwoorden",
    "beschrijf_casus",
    "betrokkenen",
    "casussen",
    "check_kader",
    "hulpfeiten",
    "invariant",
    "schendingen",
    "signalen",
    "stappen",
    "waarden",
]

_WAAR: Final[dict[str, str]] = {
    "InconsistentKader": "controle",
    "check_kader": "controle",
    "INVARIANTEN": "invariants",
    "STRUCTUUR": "invariants",
    "Grondslag": "invariants",
    "Invariant": "invariants",
    "Schending": "invariants",
    "invariant": "invariants",
    "schendingen": "invariants",
    "antwoorden": "strategies",
    "beschrijf_casus": "strategies",
    "betrokkenen": "strategies",
    "casussen": "strategies",
    "hulpfeiten": "strategies",
    "signalen": "strategies",
    "stappen": "strategies",
    "waarden": "strategies",
}


def __getattr__(naam: str) -> object:
    """Import a public name from its module on first use."""
    return laad(__name__, _WAAR, globals(), naam)


def __dir__() -> list[str]:
    return sorted(__all__)
