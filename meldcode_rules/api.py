"""The Python API: evaluate a casus, list and load kaders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

from pydantic import ValidationError

from meldcode_rules.casus import Casus
from meldcode_rules.engine import GecompileerdeVersie, compileer
from meldcode_rules.errors import EngineUnavailable, InputError
from meldcode_rules.registry import ResolvedKader, Registry, default_registry
from meldcode_rules.stroom import lees_object
from meldcode_rules.tijd import peildatum_vandaag
from meldcode_rules.uitkomst import ENGINES

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from datetime import date

    from meldcode_rules.kader import Kader
    from meldcode_rules.uitkomst import Engine, Uitkomst

__all__ = ["evaluate", "evaluate_many", "kaders", "load_kader", "validate_casus"]


def validate_casus(gegevens: Casus | Mapping[str, Any] | str | bytes) -> Casus:
    """Validate a casus given as a model, a mapping or JSON text.

    Raises:
        InputError: naming every invalid field, never its value.
    """
    if isinstance(gegevens, Casus):
        return gegevens
    if isinstance(gegevens, str | bytes):
        # Strict JSON first (contract edge, meldcode_rules.stroom): a key given twice is
        # an error, not "the last one wins"; huge integers and deep nesting are InputError.
        gegevens = lees_object(gegevens, model=Casus)
    try:
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
    """The resolved version of a kader that holds on ``peildatum`` (default: today, in the NL).

    Today is the date in Europe/Amsterdam (:func:`meldcode_rules.tijd.peildatum_vandaag`),
    whatever the host's time zone.

    Raises:
        KaderError: the kader is unknown (with the closest ids) or broken.
        PeildatumError: no version holds on the peildatum.
    """
    reg = registry or default_registry()
    return reg.resolve(kader, peildatum or peildatum_vandaag())


def kaders(registry: Registry | None = None) -> list[Kader]:
    """Every registered kader, sorted by id."""
    return (registry or default_registry()).kaders()


class _Motor(Protocol):
    def evalueer(self, casus: Casus, peildatum: date, engine: str = ...) -> Uitkomst: ...


def _motor(versie: ResolvedKader, engine: str) -> GecompileerdeVersie | _Motor:
    if engine == "native":
        return compileer(versie)
    if engine == "durable":
        # durable-rules is an optional extra: imported only here, only when asked for.
        from meldcode_rules.durable import compileer_durable  # noqa: PLC0415

        return compileer_durable(versie)
    raise EngineUnavailable.onbekend(ENGINES)


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
            default today in the Netherlands (Europe/Amsterdam).
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
    datum = peildatum or peildatum_vandaag()
    versie = load_kader(kader, datum, registry)
    return _motor(versie, engine).evalueer(geldig, datum, engine)


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
    datum = peildatum or peildatum_vandaag()
    motor = _motor(load_kader(kader, datum, registry), engine)
    if als_json:
        return _stroom_json(motor, casussen, datum, engine)
    return _stroom(motor, casussen, datum, engine)


def _stroom(
    motor: GecompileerdeVersie | _Motor,
    casussen: Iterable[Casus | Mapping[str, Any] | str | bytes],
    datum: date,
    engine: str,
) -> Iterator[Uitkomst | InputError]:
    for gegevens in casussen:
        try:
            geldig = validate_casus(gegevens)
        except InputError as fout:
            yield fout
            continue
        yield motor.evalueer(geldig, datum, engine)


def _stroom_json(
    motor: GecompileerdeVersie | _Motor,
    casussen: Iterable[Casus | Mapping[str, Any] | str | bytes],
    datum: date,
    engine: str,
) -> Iterator[str | InputError]:
    naar_json = getattr(motor, "evalueer_json", None)
    for gegevens in casussen:
        try:
            geldig = validate_casus(gegevens)
        except InputError as fout:
            yield fout
            continue
        if naar_json is not None:
            yield naar_json(geldig, datum, engine)
        else:
            yield motor.evalueer(geldig, datum, engine).model_dump_json()
