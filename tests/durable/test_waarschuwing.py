"""durable-rules' own DeprecationWarning (Python 3.12) must not break an evaluation under -W error.

No module-level warning filter here on purpose: the suite's ``filterwarnings = error`` holds.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from durable_hulp import nodig

from meldcode_rules import evaluate

if TYPE_CHECKING:
    import pytest

pytestmark = nodig

DAG = date(2024, 3, 1)


def test_deprecationwarning_van_durable_breekt_niets(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Python 3.12 durable-rules warns (utcfromtimestamp); under -W error it must not break."""
    import warnings  # noqa: PLC0415

    import durable.engine  # noqa: PLC0415

    echt = durable.engine._unix_now

    def waarschuwt() -> float:
        warnings.warn_explicit(
            "utcfromtimestamp is deprecated", DeprecationWarning, "engine.py", 17, "durable.engine"
        )
        return float(echt())

    monkeypatch.setattr(durable.engine, "_unix_now", waarschuwt)
    uit = evaluate({"id": "c", "antwoorden": {"vermoeden": "ja"}}, "basis", DAG, engine="durable")
    assert uit.engine == "durable"
