"""How a set of answers is written in a decision-table cell or on a flowchart arrow."""

from __future__ import annotations

from typing import Final

__all__ = ["CEL", "CEL_WAARDEN"]

CEL: Final[dict[frozenset[str], str]] = {
    frozenset({"ja"}): "ja",
    frozenset({"nee"}): "nee",
    frozenset({"onbekend"}): "onbekend",
    frozenset({"ja", "onbekend"}): "ja of onbekend",
    frozenset({"nee", "onbekend"}): "nee of onbekend",
    frozenset({"ja", "nee"}): "ja of nee",
    frozenset({"ja", "nee", "onbekend"}): "—",
}
"""How a set of answer values is written in a decision-table cell."""
CEL_WAARDEN: Final[dict[str, frozenset[str]]] = {v: k for k, v in CEL.items()}
"""The inverse of the cell notation (for readers of the rendered table, and the tests)."""
