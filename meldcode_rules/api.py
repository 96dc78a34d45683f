"""The Python API: evaluate a casus, list, load and compile kaders."""

from __future__ import annotations

import functools
import threading
import weakref
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, overload

from pydantic import ValidationError

from meldcode_rules.casus import Casus
from meldcode_rules.engine import CompiledKader, compileer
from meldcode_rules.errors import InputError
from meldcode_rules.registry import Registry, default_registry
from meldcode_rules.stroom import lees_object
from meldcode_rules.tijd import peildatum_vandaag

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping
    from datetime import date

    from meldcode_rules.contract import KaderBronnen
    from meldcode_rules.kader import Kader, ResolvedKader
    from meldcode_rules.uitkomst import Bronnen, Engine, Uitkomst

_T = TypeVar("_T")

__all__ = [
    "compile_kader",
    "evaluate",
    "evaluate_many",
    "list_bronnen",
    "list_kaders",
    "load_kader",
    "validate_casus",
]


@functools.cache
def _snelle_casus() -> Callable[..., Casus | None]:
    """The fast path of validation, imported on first use (it reads the models)."""
    from meldcode_rules.snelle_validatie import snelle_casus  # noqa: PLC0415

    return snelle_casus


def validate_casus(gegevens: Casus | Mapping[str, Any] | str | bytes) -> Casus:
    """Validate a casus given as a model, a mapping or JSON text.

    Raises:
        InputError: naming every invalid field, never its value.
    """
    if isinstance(gegevens, Casus):
        return gegevens
    uit_json = isinstance(gegevens, str | bytes)
    if isinstance(gegevens, str | bytes):
        # Strict JSON first (contract edge, meldcode_rules.stroom): a key given twice is
        # an error, not "the last one wins"; huge integers and deep nesting are InputError.
        gegevens = lees_object(gegevens, model=Casus)
    # An answers-only casus is built without pydantic's round trip; anything else (and
    # every error) is the model's (meldcode_rules.snelle_validatie).
    snel = _snelle_casus()(gegevens, uit_json=uit_json)
    if snel is not None:
        return snel
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


def list_kaders(registry: Registry | None = None) -> list[Kader]:
    """Every registered kader, sorted by id."""
    return (registry or default_registry()).kaders()


def list_bronnen(
    kader: str | Kader = "basis",
    peildatum: date | None = None,
    registry: Registry | None = None,
    *,
    versie: str | None = None,
) -> KaderBronnen:
    """The texts a compact outcome leaves out: each rule's passage and each question.

    An outcome's JSON names, for every rule in its trace, the kader, the version and the
    rule id (``bronnen``: ``verwijzing``, the default); this gives the passages of that
    version by rule id, and the afwegingsvragen, with the version's fingerprint (which
    covers them) to match against the outcome's ``kader.vingerafdruk``.

    Args:
        kader: a kader id or a :class:`Kader`.
        peildatum: the date whose version is meant (default today); or give ``versie``.
        registry: the registry to look kaders up in.
        versie: the version by name (``kader.versie`` of a stored outcome).

    Raises:
        ValueError: both ``versie`` and ``peildatum`` are given.
        KaderError: the kader or the version is unknown.
        PeildatumError: no version holds on the peildatum.
    """
    from meldcode_rules.contract import kader_bronnen  # noqa: PLC0415 - loads the registry

    reg = registry or default_registry()
    if versie is not None:
        if peildatum is not None:
            msg = "kies een versie of een peildatum, niet allebei"
            raise ValueError(msg)
        k = reg.kader(kader) if isinstance(kader, str) else kader
        peildatum = k.versie_genaamd(versie).geldig_van
    return kader_bronnen(load_kader(kader, peildatum, reg))


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
    datum = peildatum or peildatum_vandaag()
    reg = registry or default_registry()
    sleutel = (kader if isinstance(kader, str) else id(kader), datum, engine)
    per_register = _GECOMPILEERD.get(reg)
    if per_register is not None:
        bekend = per_register.get(sleutel)
        if bekend is not None and (isinstance(kader, str) or bekend[0] is kader):
            return bekend[1]
    motor = compileer(load_kader(kader, datum, reg), engine)
    with _GECOMPILEERD_LOCK:
        per_register = _GECOMPILEERD.setdefault(reg, {})
        if len(per_register) >= _MAX_GECOMPILEERD:
            per_register.clear()
        per_register[sleutel] = (kader, motor)
    return motor


_GECOMPILEERD: Final[
    weakref.WeakKeyDictionary[
        Registry, dict[tuple[object, date, str], tuple[str | Kader, CompiledKader]]
    ]
] = weakref.WeakKeyDictionary()
"""Per registry: the compiled version for (kader, peildatum, engine), so a call that names
the same kader on the same day skips the lookup. A registry's kaders are fixed once it
has loaded them (:class:`Registry`), so an entry stays right for the registry's life."""
_GECOMPILEERD_LOCK: Final = threading.Lock()
_MAX_GECOMPILEERD: Final = 256
"""Entries per registry (kaders times dates); a full table is emptied."""


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
        registry: the registry to look kaders up in; default: every installed kader.

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
    bronnen: Bronnen = ...,
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
    bronnen: Bronnen = ...,
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
    bronnen: Bronnen = ...,
) -> Iterator[Uitkomst | InputError] | Iterator[str | InputError]: ...


def evaluate_many(
    casussen: Iterable[Casus | Mapping[str, Any] | str | bytes],
    kader: str | Kader = "basis",
    peildatum: date | None = None,
    engine: Engine = "native",
    registry: Registry | None = None,
    *,
    als_json: bool = False,
    bronnen: Bronnen = "verwijzing",
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
        registry: the registry to look kaders up in.
        als_json: yield each outcome as its JSON text (byte-identical to
            ``uitkomst.als_json(bronnen)``), the fast path for JSON Lines output.
        bronnen: the JSON form with ``als_json``: ``verwijzing`` (compact, the default:
            passages and questions are looked up with :func:`list_bronnen`) or
            ``volledig`` (written out in every result).

    Yields:
        Per casus, its :class:`Uitkomst` (or its JSON text) or its :class:`InputError`.
    """
    datum = peildatum or peildatum_vandaag()
    motor = compile_kader(kader, datum, engine, registry)
    if als_json:
        evaluate_json = motor.evaluate_json
        return _stroom(lambda c, d: evaluate_json(c, d, bronnen), casussen, datum)
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
