"""JSON Lines in, JSON Lines out: a stream of casussen evaluated at full speed, on all cores.

:func:`evaluate_jsonl` is what ``meldcode evaluate FILE.jsonl`` runs: it reads a binary
stream a block at a time (:func:`meldcode_rules.stroom.blokken`: every line that has
arrived), reads each line strictly (:func:`meldcode_rules.stroom.casusregel`: the
fast paths where they apply, the model for the rest), evaluates it on the compiled
version, writes one output line per input line, in order, and flushes before it waits
for more input, so a client that sends one line and waits for its answer gets it.

With ``jobs`` above 1 the blocks go to that many worker processes, each holding the
compiled version; this process only reads and counts lines (:func:`meldcode_rules.stroom.stukken`),
the workers split and check them. The workers write their blocks' output themselves, in input order
(a block waits for the one before it has been written), so the output is the same bytes
as with one process: line N out answers line N in, error records in place.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections import deque
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Protocol

from meldcode_rules.api import compile_kader
from meldcode_rules.engine.native import NativeKader
from meldcode_rules.kader import Kader
from meldcode_rules.registry import Registry
from meldcode_rules.snelle_validatie import snel_gelezen
from meldcode_rules.stroom import (
    Casusregel,
    Foutregel,
    Limieten,
    Stuk,
    blokken,
    casusregel,
    stukken,
)
from meldcode_rules.tijd import peildatum_vandaag
from meldcode_rules.uitkomst import Bronnen, Engine

if TYPE_CHECKING:
    from collections.abc import Callable

    from meldcode_rules.engine import CompiledKader
    from meldcode_rules.errors import InputError
    from meldcode_rules.stroom import Bron

__all__ = ["Doel", "Verslag", "evaluate_jsonl"]

_STUK: Final = 1 << 18
"""Bytes read at a time for the worker processes: one block (its whole lines) per read.

Large enough that handing a block over costs little next to evaluating it (about 2,500
answers-only lines), small enough that input that arrives slowly goes out as it comes."""


class Doel(Protocol):
    """Where the output goes: a binary stream (``sys.stdout.buffer``, a file, BytesIO)."""

    def write(self, data: bytes, /) -> int | None:
        """Write bytes."""
        ...

    def flush(self) -> None:
        """Hand what was written on."""
        ...


@dataclass(slots=True)
class Verslag:
    """What a stream came to: lines read, casussen evaluated, lines refused."""

    regels: int = 0
    uitkomsten: int = 0
    fouten: int = 0


@dataclass(frozen=True, slots=True)
class _Taak:
    kader: str | Kader
    datum: date
    engine: Engine
    registry: Registry | None
    bronnen: Bronnen
    grenzen: Limieten


def _verwerk(
    motor: CompiledKader, taak: _Taak, blok: list[tuple[int, bytes | InputError]]
) -> tuple[list[bytes], list[Foutregel]]:
    """One block: its output (outcomes and error records, each line ended) and its refusals.

    The output is a list of byte strings to be written one after the other; the part of
    an outcome shared with others (the same answers) is not copied.
    """
    evaluate_json = motor.evaluate_json
    # The common line (only an id and answers) goes from bytes to JSON in one step.
    antwoorden_json = motor.evaluate_json_antwoorden if isinstance(motor, NativeKader) else None
    datum, bronnen, grenzen = taak.datum, taak.bronnen, taak.grenzen
    uit: list[bytes] = []
    schrijf = uit.append
    fouten: list[Foutregel] = []
    for lijn, ruw in blok:
        geladen: dict[str, Any] | None = None
        if antwoorden_json is not None and type(ruw) is bytes:
            snel = snel_gelezen(ruw)
            if isinstance(snel, tuple):
                delen = antwoorden_json(snel[0], snel[1], datum, bronnen)
                if delen is not None:
                    schrijf(delen[0])
                    schrijf(delen[1])
                    schrijf(b"\n")
                    continue
            else:
                geladen = snel  # parsed already: casusregel does not parse it again
        item = casusregel(lijn, ruw, grenzen, geladen=geladen)
        if type(item) is Casusregel:
            schrijf((evaluate_json(item.casus, datum, bronnen) + "\n").encode())
        else:
            assert isinstance(item, Foutregel)
            fouten.append(item)
            schrijf((item.als_json() + "\n").encode())
    return uit, fouten


_IOV_MAX: Final = 1024
"""Buffers per ``writev`` call (the POSIX minimum of IOV_MAX)."""


def _schrijf_fd(fd: int, delen: list[bytes]) -> None:
    """Write the buffers in order to a file descriptor, without joining them first."""
    for begin in range(0, len(delen), _IOV_MAX):
        stuk = delen[begin : begin + _IOV_MAX]
        totaal = sum(map(len, stuk))
        geschreven = os.writev(fd, stuk)
        if geschreven < totaal:  # a pipe took part: write the rest plainly
            rest = memoryview(b"".join(stuk))[geschreven:]
            while rest:
                rest = rest[os.write(fd, rest) :]


def _schrijver(doel: Doel) -> Callable[[list[bytes]], None]:
    """How a block's buffers go to ``doel``: ``writev`` on its file, or joined and written."""
    fd = _fd(doel)
    if fd is not None and hasattr(os, "writev"):

        def naar_fd(delen: list[bytes]) -> None:
            _schrijf_fd(fd, delen)

        return naar_fd

    def gewoon(delen: list[bytes]) -> None:
        doel.write(b"".join(delen))
        doel.flush()

    return gewoon


def evaluate_jsonl(  # noqa: PLR0917 - the options, in evaluate_many's order
    bron: Bron,
    doel: Doel,
    kader: str | Kader = "basis",
    peildatum: date | None = None,
    engine: Engine = "native",
    registry: Registry | None = None,
    *,
    bronnen: Bronnen = "verwijzing",
    limieten: Limieten | None = None,
    jobs: int = 1,
    bij_fout: Callable[[Foutregel], None] | None = None,
) -> Verslag:
    """Evaluate a JSON Lines stream into a JSON Lines stream, one output line per input line.

    Args:
        bron: the binary input (``sys.stdin.buffer``, ``open(path, "rb")``, BytesIO).
        doel: the binary output; flushed whenever the input has no more lines ready.
        kader: a kader id or a :class:`Kader` (with ``jobs`` above 1: an id).
        peildatum: as for :func:`meldcode_rules.evaluate`; one date for the whole stream.
        engine: ``native`` (default) or ``durable``.
        registry: where kaders are looked up (with ``jobs`` above 1: the default one).
        bronnen: the JSON form of the outcomes (``verwijzing``, compact, or ``volledig``).
        limieten: the limits of a line and a casus.
        jobs: worker processes (1: this process). The output is the same bytes. The
            durable engine always runs in this process.
        bij_fout: called (in this process) for each refused line, in input order.

    Returns:
        The counts; the exit status of the CLI is 1 when ``fouten`` is not 0.

    Raises:
        KaderError: the kader is unknown, or has no version on the peildatum.
        EngineUnavailable: the engine cannot run here.
    """
    datum = peildatum or peildatum_vandaag()
    motor = compile_kader(kader, datum, engine, registry)  # errors before any line is read
    taak = _Taak(kader, datum, engine, registry, bronnen, limieten or Limieten())
    verslag = Verslag()
    # durable-rules runs one call at a time in a host of its own: no worker processes.
    if jobs > 1 and engine == "native":
        if not isinstance(kader, str) or registry is not None:
            msg = "jobs > 1 needs a kader id from the default registry"
            raise ValueError(msg)
        _parallel(bron, doel, taak, jobs, verslag, bij_fout)
        return verslag
    doel.flush()
    schrijf = _schrijver(doel)
    for blok in blokken(bron, taak.grenzen):
        uit, fouten = _verwerk(motor, taak, blok)
        schrijf(uit)
        _tel(verslag, len(blok), fouten, bij_fout)
    return verslag


def _tel(
    verslag: Verslag,
    regels: int,
    fouten: list[Foutregel],
    bij_fout: Callable[[Foutregel], None] | None,
) -> None:
    verslag.regels += regels
    verslag.fouten += len(fouten)
    verslag.uitkomsten += regels - len(fouten)
    if bij_fout is not None:
        for fout in fouten:
            bij_fout(fout)


# -- worker processes ----------------------------------------------------------------------

_WERKER: dict[str, Any] = {}
"""In a worker process: the task, its compiled version, the output and the turn to write."""


def _start_werker(taak: _Taak, fd: int | None, beurt: Any, wachten: Any) -> None:  # noqa: ANN401
    _WERKER["taak"] = taak
    _WERKER["motor"] = compile_kader(taak.kader, taak.datum, taak.engine)
    _WERKER["fd"] = fd
    _WERKER["beurt"] = beurt
    _WERKER["wachten"] = wachten


def _werk(nummer: int, stuk: Stuk) -> tuple[bytes, list[Foutregel]]:
    """Evaluate block ``nummer``; write it when its turn comes (or hand it back).

    The worker splits and checks the lines itself (:meth:`Stuk.regels`): the reading
    process only counts them, so it keeps up with the workers.
    """
    taak: _Taak = _WERKER["taak"]
    blok = stuk.regels(taak.grenzen.regel)
    fd = _WERKER["fd"]
    if fd is None:
        uit, fouten = _verwerk(_WERKER["motor"], taak, blok)
        return b"".join(uit), fouten
    beurt, wachten = _WERKER["beurt"], _WERKER["wachten"]
    uit = []
    try:
        uit, fouten = _verwerk(_WERKER["motor"], taak, blok)
    finally:
        # The turn passes on even if this block failed: the others must not wait forever.
        with wachten:
            while beurt.value != nummer:
                wachten.wait()
            _schrijf_fd(fd, uit)
            beurt.value = nummer + 1
            wachten.notify_all()
    return b"", fouten


def _fd(doel: Doel) -> int | None:
    """The file descriptor to write to directly, when ``doel`` is a plain binary file."""
    if not isinstance(doel, io.BufferedWriter | io.FileIO):
        return None
    try:
        return doel.fileno()
    except (OSError, ValueError):
        return None


def _context() -> multiprocessing.context.BaseContext:
    # fork where the platform has it: a worker starts with the compiled version at hand.
    methoden = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methoden else "spawn")


def _parallel(  # noqa: PLR0917 - internal
    bron: Bron,
    doel: Doel,
    taak: _Taak,
    jobs: int,
    verslag: Verslag,
    bij_fout: Callable[[Foutregel], None] | None,
) -> None:
    fd = _fd(doel)
    doel.flush()
    ctx = _context()
    beurt = ctx.Value("q", 0, lock=False)
    wachten = ctx.Condition()
    open_: deque[tuple[int, Any]] = deque()

    def afhandelen(resultaat: Any) -> None:  # noqa: ANN401 - an AsyncResult
        uit, fouten = resultaat[1].get()
        if uit:
            doel.write(uit)
            doel.flush()
        _tel(verslag, resultaat[0], fouten, bij_fout)

    with ctx.Pool(jobs, _start_werker, (taak, fd, beurt, wachten)) as pool:
        for nummer, stuk in enumerate(stukken(bron, taak.grenzen, grootte=_STUK)):
            open_.append((stuk.aantal, pool.apply_async(_werk, (nummer, stuk))))
            # At most two blocks per worker under way: memory stays flat.
            while len(open_) > 2 * jobs or (open_ and open_[0][1].ready()):
                afhandelen(open_.popleft())
        while open_:
            afhandelen(open_.popleft())
