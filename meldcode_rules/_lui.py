"""Lazy public names for a package: a name is imported from its module on first use.

Shared by ``meldcode_rules`` and ``meldcode_rules.testing``, whose ``__getattr__`` hands each
unknown attribute to :func:`laad`, so that importing the package costs nothing until a name
is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, MutableMapping

__all__ = ["laad"]


def laad(
    pakket: str, herkomst: Mapping[str, str], naamruimte: MutableMapping[str, object], naam: str
) -> object:
    """Import ``naam`` from the module of ``pakket`` that ``herkomst`` names, and keep it.

    Args:
        pakket: the package's ``__name__``.
        herkomst: each public name and the submodule (relative to the package) it lives in.
        naamruimte: the package's ``globals()``; the name is stored there, so the next use
            does not come back here.
        naam: the attribute asked for.

    Raises:
        AttributeError: ``naam`` is not one of the package's lazy names.
    """
    module = herkomst.get(naam)
    if module is None:
        msg = f"module {pakket!r} has no attribute {naam!r}"
        raise AttributeError(msg)
    waarde = getattr(importlib.import_module(f"{pakket}.{module}"), naam)
    naamruimte[naam] = waarde
    return waarde
