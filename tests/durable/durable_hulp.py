"""Shared helpers of the durable tests: whether durable-rules imports, registered versions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

import pytest

from meldcode_rules.registry import default_registry


def _durable_importeert() -> bool:
    try:
        import durable.engine  # noqa: F401, PLC0415 - the probe itself
    except Exception:  # noqa: BLE001 - ImportError, or the undefined symbol on 3.13
        return False
    return True


DURABLE: Final = _durable_importeert()
nodig: Final = pytest.mark.skipif(
    not DURABLE,
    reason="durable-rules importeert hier niet (optionele extra 'durable'; niet op Python 3.13)",
)


def versies() -> list[tuple[str, str, date]]:
    """Every registered kader version with a peildatum inside it (read at collection)."""
    uit = []
    for kader in default_registry().kaders():
        for versie in kader.versies:
            dag = versie.geldig_van + timedelta(days=30)
            if versie.geldig_tot is not None and dag > versie.geldig_tot:
                dag = versie.geldig_van
            uit.append((kader.id, versie.versie, dag))
    return uit


def gelijk(native: str, durable: str) -> bool:
    """Whether two outcome JSON texts are byte-identical once the engine field is normalised."""
    return native == durable.replace('"engine":"durable"', '"engine":"native"', 1)
