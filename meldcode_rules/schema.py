"""JSON Schema export of the case and outcome models, for systems in other languages."""

from __future__ import annotations

from typing import Any, Final, Literal

from meldcode_rules.casus import Casus
from meldcode_rules.uitkomst import Uitkomst

__all__ = ["SCHEMAS", "json_schema"]

SCHEMAS: Final = ("casus", "uitkomst")


def json_schema(naam: Literal["casus", "uitkomst"]) -> dict[str, Any]:
    """The JSON Schema of ``Casus`` (input, as accepted) or ``Uitkomst`` (output, as produced)."""
    if naam == "casus":
        schema = Casus.model_json_schema(mode="validation")
    else:
        schema = Uitkomst.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
