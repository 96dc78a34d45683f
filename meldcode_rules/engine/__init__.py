"""The engines: a resolved kader version compiled into something that evaluates casussen.

Both engines only produce rule results; what follows from them is decided in one place,
:mod:`meldcode_rules.besluit`:

- ``native`` (:class:`~meldcode_rules.engine.native.NativeKader`): conditions compiled
  into closures; the default, fast, with no dependencies.
- ``durable`` (:class:`~meldcode_rules.engine.durable.DurableKader`): the same rules as a
  durable-rules ruleset; an independent second implementation, and the engine for users
  who run the meldcode as a live process. durable-rules is the optional extra
  ``meldcode-rules[durable]`` and is imported only when this engine is asked for.

:func:`compileer` gives the compiled form of a resolved version, built once and
cached; both engines answer :class:`CompiledKader`.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Final, Protocol

from meldcode_rules.engine.native import NativeKader
from meldcode_rules.errors import EngineUnavailable
from meldcode_rules.uitkomst import ENGINES

if TYPE_CHECKING:
    from datetime import date

    from meldcode_rules.besluit import Beslisvorm
    from meldcode_rules.casus import Casus
    from meldcode_rules.kader import ResolvedKader
    from meldcode_rules.uitkomst import Bronnen, Engine, KaderInfo, Uitkomst

__all__ = ["CompiledKader", "NativeKader", "compileer", "native"]


class CompiledKader(Protocol):
    """A kader version compiled by an engine: evaluate casussen against it."""

    @property
    def engine(self) -> str:
        """``native`` or ``durable``."""
        ...

    @property
    def effectief(self) -> ResolvedKader:
        """The resolved version it was compiled from."""
        ...

    @property
    def vorm(self) -> Beslisvorm:
        """The version's rules as the decision core sees them."""
        ...

    @property
    def info(self) -> KaderInfo:
        """Which kader version this is, with its fingerprint."""
        ...

    def evaluate(self, casus: Casus, peildatum: date) -> Uitkomst:
        """Evaluate a validated casus on a peildatum."""
        ...

    def evaluate_json(self, casus: Casus, peildatum: date, bronnen: Bronnen = "verwijzing") -> str:
        """Evaluate and return the outcome's JSON text in a form (compact by default)."""
        ...


_CACHE: dict[tuple[str, str, str, str, int], CompiledKader] = {}
_CACHE_LOCK: Final = threading.Lock()


def compileer(effectief: ResolvedKader, engine: Engine = "native") -> CompiledKader:
    """The compiled form of a resolved version on an engine, built once and cached.

    Raises:
        EngineUnavailable: the engine is unknown, or cannot run here (durable-rules
            not installed, or Python 3.13 or later).
    """
    if engine not in ENGINES:
        raise EngineUnavailable.onbekend(ENGINES)
    sleutel = (engine, *effectief.sleutel, id(effectief.kader))
    with _CACHE_LOCK:
        bekend = _CACHE.get(sleutel)
        if bekend is not None and bekend.effectief.kader is effectief.kader:
            return bekend
        nieuw: CompiledKader
        if engine == "durable":
            # durable-rules is an optional extra: imported only here, only when asked for.
            from meldcode_rules.engine.durable import DurableKader  # noqa: PLC0415

            nieuw = DurableKader(effectief)
        else:
            nieuw = NativeKader(effectief)
        _CACHE[sleutel] = nieuw
        return nieuw


def native(effectief: ResolvedKader) -> NativeKader:
    """The native compiled form of a resolved version (cached, as :func:`compileer`)."""
    motor = compileer(effectief, "native")
    assert isinstance(motor, NativeKader)  # what compileer builds for "native"
    return motor
