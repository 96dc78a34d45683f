"""meldcode-rules: the Dutch meldcode as executable, explainable, tested rules.

The Meldcode huiselijk geweld en kindermishandeling, with the afwegingskaders of the
beroepsgroepen, as rules a case-management system can import.

Hand the library a casus and get the two stap-5 beslissingen back, with the reasons::

    from meldcode_rules import evaluate

    uitkomst = evaluate({"id": "c1", "antwoorden": {"vermoeden": "ja",
                                                     "acute_onveiligheid": "ja"}})
    uitkomst.melden      # 'ja'
"""

from meldcode_rules.api import evaluate, evaluate_many, kaders, load_kader, valideer_casus
from meldcode_rules.beroepsgroepen import KaderKeuze, kader_voor
from meldcode_rules.casus import (
    Antwoorden,
    Betrokkene,
    Casus,
    Hulp,
    Signaal,
    Stappen,
)
from meldcode_rules.errors import (
    EngineNietBeschikbaar,
    InvoerFout,
    KaderFout,
    MeldcodeFout,
    PeildatumFout,
)
from meldcode_rules.kader import Kader, KaderVersie
from meldcode_rules.logica import Waarde
from meldcode_rules.registry import EffectieveVersie, Register
from meldcode_rules.schema import json_schema
from meldcode_rules.uitkomst import Uitkomst

__all__ = [
    "Antwoorden",
    "Betrokkene",
    "Casus",
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
    "evaluate",
    "evaluate_many",
    "json_schema",
    "kader_voor",
    "kaders",
    "load_kader",
    "valideer_casus",
]

__version__ = "0.1.0"
