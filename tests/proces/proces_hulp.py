"""Shared helpers of the process tests: an event builder, a complete history, the engines."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

import pytest

from meldcode_rules.engine.durable import laad_durable
from meldcode_rules.errors import EngineUnavailable


def _durable_importeert() -> bool:
    try:
        laad_durable()
    except EngineUnavailable:
        return False
    return True


nodig_durable: Final = pytest.mark.skipif(
    not _durable_importeert(),
    reason="durable-rules importeert hier niet (optionele extra 'durable'; niet op 3.13)",
)
ENGINES: Final = ("native", pytest.param("durable", marks=nodig_durable))
"""Both interpreters of the statechart, for ``pytest.mark.parametrize``."""


def ev(casus: str, soort: str, dag: int, **velden: Any) -> dict[str, Any]:
    """An event on day ``dag`` after 2024-03-01."""
    datum = date(2024, 3, 1) + timedelta(days=dag)
    return {"casus_id": casus, "soort": soort, "datum": datum.isoformat(), **velden}


def volledig(casus: str = "c1") -> list[dict[str, Any]]:
    """Every step, a melding and hulp with evaluatie, then a correct closure."""
    return [
        ev(casus, "signaal_vastgelegd", 0),
        ev(casus, "signaal_vastgelegd", 2),
        ev(casus, "collega_geraadpleegd", 3),
        ev(casus, "veilig_thuis_geraadpleegd", 4),
        ev(casus, "gesprek_gevoerd", 6),
        ev(casus, "afweging_vastgelegd", 7),
        ev(casus, "besluit_genomen", 7, melden="ja", hulp="met_veilig_thuis"),
        ev(casus, "melding_gedaan", 8),
        ev(casus, "hulp_gestart", 12),
        ev(casus, "monitoring", 30),
        ev(casus, "evaluatie", 60),
        ev(casus, "afgesloten", 61),
    ]
