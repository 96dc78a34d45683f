"""Where the shipped beroepsgroepen register lives.

``meldcode_rules`` finds it through the entry-point group ``meldcode_rules.beroepsgroepen``
(see ``pyproject.toml``), as it finds the kaders: it never imports this package by name.
Another distribution can register its own file (same format) the same way.
"""

from pathlib import Path
from typing import Final

__all__ = ["BEROEPSGROEPEN"]

BEROEPSGROEPEN: Final = Path(__file__).with_name("beroepsgroepen.toml")
"""The register of beroepsgroepen, the kader each uses, and the source that says so."""
