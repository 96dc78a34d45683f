"""meldcode-rules: the Dutch meldcode as executable, explainable, tested rules.

The Meldcode huiselijk geweld en kindermishandeling, with the afwegingskaders of the
beroepsgroepen, as rules a case-management system can import.

Hand the library a casus and get the two stap-5 beslissingen back, with the reasons::

    from meldcode_rules import evaluate

    uitkomst = evaluate({"id": "c1", "antwoorden": {"vermoeden": "ja",
                                                     "acute_onveiligheid": "ja"}})
    uitkomst.melden      # 'ja'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from meldcode_rules.api import (
        compile_kader,
        evaluate,
        evaluate_many,
        list_bronnen,
        list_kaders,
        load_kader,
        validate_casus,
    )
    from meldcode_rules.beroepsgroepen import KaderChoice, kader_for
    from meldcode_rules.casus import (
        Antwoorden,
        Betrokkene,
        Casus,
        Hulp,
        Signaal,
        Stappen,
    )
    from meldcode_rules.engine import CompiledKader
    from meldcode_rules.errors import (
        EngineUnavailable,
        InputError,
        KaderError,
        MeldcodeError,
        PeildatumError,
    )
    from meldcode_rules.kader import Kader, KaderVersie, ResolvedKader
    from meldcode_rules.logica import Waarde
    from meldcode_rules.registry import Registry
    from meldcode_rules.schema import json_schema
    from meldcode_rules.uitkomst import Uitkomst

# Public names load on first use (PEP 562), so `import meldcode_rules` stays cheap for a
# case-management system or a CLI call that needs only part of the library.
_HERKOMST: Final[dict[str, str]] = {
    "compile_kader": "api",
    "evaluate": "api",
    "evaluate_many": "api",
    "list_bronnen": "api",
    "list_kaders": "api",
    "load_kader": "api",
    "validate_casus": "api",
    "KaderChoice": "beroepsgroepen",
    "kader_for": "beroepsgroepen",
    "Antwoorden": "casus",
    "Betrokkene": "casus",
    "Casus": "casus",
    "Hulp": "casus",
    "Signaal": "casus",
    "Stappen": "casus",
    "EngineUnavailable": "errors",
    "InputError": "errors",
    "KaderError": "errors",
    "MeldcodeError": "errors",
    "PeildatumError": "errors",
    "Kader": "kader",
    "KaderVersie": "kader",
    "Waarde": "logica",
    "CompiledKader": "engine",
    "ResolvedKader": "kader",
    "Registry": "registry",
    "json_schema": "schema",
    "Uitkomst": "uitkomst",
}


def __getattr__(naam: str) -> object:
    """Import a public name from its module on first use."""
    # Here, not at the top: importing the package itself loads no submodule at all.
    from meldcode_rules._lui import laad  # noqa: PLC0415

    return laad(__name__, _HERKOMST, globals(), naam)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Antwoorden",
    "Betrokkene",
    "Casus",
    "CompiledKader",
    "EngineUnavailable",
    "Hulp",
    "InputError",
    "Kader",
    "KaderChoice",
    "KaderError",
    "KaderVersie",
    "MeldcodeError",
    "PeildatumError",
    "Registry",
    "ResolvedKader",
    "Signaal",
    "Stappen",
    "Uitkomst",
    "Waarde",
    "compile_kader",
    "evaluate",
    "evaluate_many",
    "json_schema",
    "kader_for",
    "list_bronnen",
    "list_kaders",
    "load_kader",
    "validate_casus",
]

__version__ = "0.1.0"
