"""Importing code from other distributions (entry points) without letting it end the process.

A plugin is Python code and runs in this process when it is imported. The library cannot
stop a hostile plugin (``os._exit`` ends any process), but it contains the accidents and
the simple attacks: a module that calls ``sys.exit`` or raises any ``BaseException`` on
import (``KeyboardInterrupt`` excepted: that is the user's), or that replaces
``sys.stdout``, ``sys.stderr`` or ``sys.stdin`` to hide what the command says, is
reported as broken with the *type* of what it did (never a message: it may carry
anything) and the streams are put back.
"""

from __future__ import annotations

import importlib
import re
import sys
from functools import partial
from typing import TYPE_CHECKING, Final, TextIO, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib import metadata
    from types import ModuleType

_T = TypeVar("_T")

__all__ = [
    "EIGEN_DISTRIBUTIE",
    "PluginFout",
    "distributie",
    "importeer",
    "is_eigen",
    "laad_entry_point",
]

EIGEN_DISTRIBUTIE: Final = "meldcode-rules"
"""The distribution of this project (normalised as in PEP 503)."""

_SCHEIDING: Final = re.compile(r"[-_.]+")


class PluginFout(Exception):
    """A plugin could not be imported; the message is the reason (no traceback, no text)."""


def distributie(ep: metadata.EntryPoint) -> str:
    """The name of the distribution that declares ``ep``, as its metadata spells it."""
    dist = ep.dist
    return dist.name if dist is not None and dist.name else "?"


def _normaal(naam: str) -> str:
    return _SCHEIDING.sub("-", naam).lower()


def is_eigen(naam: str) -> bool:
    """Whether a distribution name is this project's (``meldcode-rules``, however spelt)."""
    return _normaal(naam) == EIGEN_DISTRIBUTIE


def laad_entry_point(ep: metadata.EntryPoint) -> object:
    """Import the object an entry point names, keeping the process and its streams.

    Raises:
        PluginFout: the import raised (``SystemExit`` included), or it replaced a standard
            stream (which is then put back).
        KeyboardInterrupt: passed on, as always.
    """
    return veilig(ep.load)


def importeer(module: str) -> ModuleType:
    """Import a plugin's module the same way (see :func:`laad_entry_point`)."""
    return veilig(partial(importlib.import_module, module))


def veilig(laad: Callable[[], _T]) -> _T:
    """Run ``laad`` (an import of outside code) the same way (see :func:`laad_entry_point`)."""
    stromen = (sys.stdin, sys.stdout, sys.stderr)
    try:
        gevonden = laad()
    except KeyboardInterrupt:
        raise
    except BaseException as fout:  # noqa: BLE001 - SystemExit from a plugin must not end us
        _herstel(stromen)
        msg = f"laden mislukt: {type(fout).__name__}"
        raise PluginFout(msg) from None
    if _herstel(stromen):
        msg = "laden mislukt: de module verving een standaardstroom (stdin, stdout of stderr)"
        raise PluginFout(msg)
    return gevonden


def _herstel(stromen: tuple[TextIO, TextIO, TextIO]) -> bool:
    """Put the standard streams back; whether any had been replaced."""
    nu = (sys.stdin, sys.stdout, sys.stderr)
    vervangen = any(a is not b for a, b in zip(nu, stromen, strict=True))
    if vervangen:
        sys.stdin, sys.stdout, sys.stderr = stromen
    return vervangen
