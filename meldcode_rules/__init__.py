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

import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from meldcode_rules.api import (
        compile_kader,
        evaluate,
        evaluate_many,
        kaders,
        load_kader,
        valideer_casus,
    )
    from meldcode_rules.beroepsgroepen import KaderKeuze, kader_voor
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
        EngineNietBeschikbaar,
        InvoerFout,
        KaderFout,
        MeldcodeFout,
        PeildatumFout,
    )
    from meldcode_rules.kader import EffectieveVersie, Kader, KaderVersie
    from meldcode_rules.logica import Waarde
    from meldcode_rules.registry import Register
    from meldcode_rules.schema import json_schema
    from meldcode_rules.uitkomst import Uitkomst

# Public names load on first use (PEP 562), so `import meldcode_rules` stays cheap for a
# case-management system or a CLI call that needs only part of the library.
_HERKOMST: Final[dict[str, str]] = {
    "compile_kader": "api",
    "evaluate": "api",
    "evaluate_many": "api",
    "kaders": "api",
    "load_kader": "api",
    "valideer_casus": "api",
    "KaderKeuze": "beroepsgroepen",
    "kader_voor": "beroepsgroepen",
    "Antwoorden": "casus",
    "Betrokkene": "casus",
    "Casus": "casus",
    "Hulp": "casus",
    "Signaal": "casus",
    "Stappen": "casus",
    "EngineNietBeschikbaar": "errors",
    "InvoerFout": "errors",
    "KaderFout": "errors",
    "MeldcodeFout": "errors",
    "PeildatumFout": "errors",
    "Kader": "kader",
    "KaderVersie": "kader",
    "Waarde": "logica",
    "CompiledKader": "engine",
    "EffectieveVersie": "kader",
    "Register": "registry",
    "json_schema": "schema",
    "Uitkomst": "uitkomst",
}


def __getattr__(naam: str) -> object:
    """Import a public name from its module on first use."""
    module = _HERKOMST.get(naam)
    if module is None:
        msg = f"module 'meldcode_rules' has no attribute {naam!r}"
        raise AttributeError(msg)
    waarde = getattr(importlib.import_module(f"meldcode_rules.{module}"), naam)
    globals()[naam] = waarde
    return waarde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Antwoorden",
    "Betrokkene",
    "Casus",
    "CompiledKader",
    "EffectieveVersie",
    "EngineNietBeschikbaar",
    "Hulp",
    "InvoerFout",
    "Kader",
    "KaderFout",
    "KaderKeuze",
    "KaderVersie",
    "MeldcodeFout",
    "PeildatumFout",
    "Register",
    "Signaal",
    "Stappen",
    "Uitkomst",
    "Waarde",
    "compile_kader",
    "evaluate",
    "evaluate_many",
    "json_schema",
    "kader_voor",
    "kaders",
    "load_kader",
    "valideer_casus",
]

__version__ = "0.1.0"
