"""The Python API: evaluate a casus, list and load kaders."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from pydantic import ValidationError

from meldcode_rules.casus import Casus
from meldcode_rules.engine import CompiledKader, compileer
from meldcode_rules.errors import InputError
from meldcode_rules.registry import Registry, default_registry

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from meldcode_rules.kader import ResolvedKader, Kader
    from meldcode_rules.uitkomst import Engine, Uitkomst

_T = TypeVar("_T")

__all__ = [
    "compile_kader",
    "evaluate",
    "evaluate_many",
    "kaders",
    "load_kader",
    "validate_casus",
]


def validate_casus(gegevens: Casus | Mapping[str, Any] | str | bytes) -> Casus:
    """Validate a casus given as a model, a mapping or JSON text.

    Raises:
        InputError: naming every invalid field, never its value.
    """
    if isinstance(gegevens, Casus):
        return gegevens
    try:
        if isinstance(gegevens, str | bytes):
            return Casus.model_validate_json(gegevens)
        return Casus.model_validate(gegevens)
    except ValidationError as fout:
        invoerfout = InputError.uit_validatie(fout, model=Casus)
    # Raised outside the except block: the pydantic error (which may name the caller's
    # unknown keys) is not even kept as __context__ for error trackers to pick up.
    raise invoerfout


def load_kader(
    kader: str | Kader = "basis",
    peildatum: date | None = None,
    registry: Registry | None = None,
) -> ResolvedKader:
    """The resolved version of a kader that holds on ``peildatum`` (default: today).

    Raises:
        KaderError: the kader is unknown (with the closest ids) or broken.
        PeildatumError: no version holds on the peildatum.
    """
    reg = registry or default_registry()
    return reg.resolve(kader, peildatum or date.today())


def kaders(registry: Registry | None = None) -> list[Kader]:
    """Every registered kader, sorted by id."""
    return (registry or default_registry()).kaders()


def compile_kader(
    kader: str | Kader = "basis",
    peildatum: date | None = None,
    engine: Engine = "native",
    registry: Registry | None = None,
) -> CompiledKader:
    """The kader version that holds on ``peildatum``, compiled by an engine (cached).

    Use it to evaluate many casussen against one version without looking it up each
    time: ``compile_kader("knmg").evaluate(casus, peildatum)``.

    Raises:
        KaderError: the kader is unknown (with the closest ids) or broken.
        PeildatumError: no version holds on the peildatum.
        EngineUnavailable: the engine cannot run here.
    """
    return compileer(load_kader(kader, peildatum, registry), engine)


def evaluate(
    casus: Casus | Mapping[str, Any] | str | bytes,
    kader: str | Kader = "basis",
    peildatum: date | None = None,
    engine: Engine = "native",
    registry: Registry | None = None,
) -> Uitkomst:
    """Evaluate one casus against the kader version that holds on ``peildatum``.

    Args:
        casus: a :class:`Casus`, a mapping or JSON text (validated here).
        kader: a kader id (found through the entry points) or a :class:`Kader` object.
        peildatum: the date whose kader version applies and up to which signalen count;
            default today.
        engine: ``native`` (default) or ``durable``.
        registry: the register to look kaders up in; default: every installed kader.

    Returns:
        The two beslissingen, the six afwegingen with their trace, the acties and the
        signaleringen.

    Raises:
        InputError: the casus is invalid (the message names fields, never values).
        KaderError: unknown kader or no version on the peildatum.
        EngineUnavailable: the requested engine cannot run here.
    """
    geldig = validate_casus(casus)
    datum = peildatum or date.today()
    return compile_kader(kader, datum, engine, registry).evaluate(geldig, datum)


@overload
def evaluate_many(
    casussen: Iterable[Casus | Mapping[str, Any] | str | bytes],
    kader: str | Kader = ...,
    peildatum: date | None = ...,
    engine: Engine = ...,
    registry: Registry | None = ...,
    *,
    als_json: Literal[False] = ...,
) -> Iterator[Uitkomst | InputError]: ...


@overload
def evaluate_many(
    casussen: Iterable[Casus | Mapping[str, Any] | str | bytes],
    kader: str | Kader = ...,
    peildatum: date | None = ...,
    engine: Engine = ...,
    registry: Registry | None = ...,
    *,
    als_json: Literal[True],
) -> Iterator[str | InputError]: ...


@overload
def evaluate_many(
    casussen: Iterable[Casus | Mapping[str, Any] | str | bytes],
    kader: str | Kader = ...,
    peildatum: date | None = ...,
    engine: Engine = ...,
    registry: Registry | None = ...,
    *,
    als_json: bool,
) -> Iterator[Uitkomst | InputError] | Iterator[str | InputError]: ...


def evaluate_many(
    casussen: Iterable[Casus | Mapping[str, Any] | str | bytes],
    kader: str | Kader = "basis",
    peildatum: date | None = None,
    engine: Engine = "native",
    registry: Registry | None = None,
    *,
    als_json: bool = False,
) -> Iterator[Uitkomst | InputError] | Iterator[str | InputError]:
    """Evaluate a stream of casussen lazily: an iterator in, an iterator out.

    The kader version is looked up and compiled once; each casus is read, validated,
    evaluated and handed out before the next one is read, so memory stays flat on a
    stream of any length (JSON Lines from a file or a socket, rows from a database).
    An invalid casus yields its :class:`InputError` in place of an outcome, so the
    stream goes on and positions stay aligned.

    Args:
        casussen: casussen as models, mappings or JSON text (one casus per item).
        kader: a kader id or a :class:`Kader` object.
        peildatum: as for :func:`evaluate`; one date for the whole stream.
        engine: ``native`` (default) or ``durable``.
        registry: the register to look kaders up in.
        als_json: yield each outcome as its JSON text (byte-identical to
            ``uitkomst.model_dump_json()``), the fast path for JSON Lines output.

    Yields:
        Per casus, its :class:`Uitkomst` (or its JSON text) or its :class:`InputError`.
    """
    datum = peildatum or date.today()
    motor = compile_kader(kader, datum, engine, registry)
    if als_json:
        return _stroom(motor.evaluate_json, casussen, datum)
    return _stroom(motor.evaluate, casussen, datum)


def _stroom(
    evalueer: Callable[[Casus, date], _T],
    casussen: Iterable[Casus | Mapping[str, Any] | str | bytes],
    datum: date,
) -> Iterator[_T | InputError]:
    for gegevens in casussen:
        try:
            geldig = validate_casus(gegevens)
        except InputError as fout:
            yield fout
            continue
        yield evalueer(geldig, datum)
