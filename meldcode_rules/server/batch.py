"""JSON Lines in, JSON Lines out: the batch endpoint, on the library's JSON Lines reader.

The request body is read as it arrives; every complete line is read by
:mod:`meldcode_rules.stroom` (the reader of ``meldcode evaluate``), evaluated through
:func:`meldcode_rules.evaluate_many` (``als_json=True``, the library's fast path) and its
result written out before the rest of the body has arrived, so memory stays flat on a
batch of any length. As in ``meldcode evaluate FILE.jsonl``, every input line gives one
output line, in order: the outcome, or the error record of the JSON contract
(``{"lijn": N, "casus_id": ..., "fouten": [...]}``) in its place.

The only thing done here that the reader does not do is cutting an asynchronous body
into lines (:class:`_Splitser`); everything about one line is the reader's.
"""

from __future__ import annotations

import io
import json
from datetime import date  # noqa: TC003 - used at runtime by callers' annotations
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel  # noqa: TC002 - a runtime argument of the reader

from meldcode_rules import InputError, evaluate_many
from meldcode_rules.server.modellen import VeldfoutInfo
from meldcode_rules.stroom import Casusregel, Limieten, casussen, fout_record, lees_object

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable, Iterable

__all__ = ["TeGroot", "evalueer_regels", "lees_body", "stroom", "veldfouten"]


class TeGroot(Exception):
    """The request body passed its size limit (raised by the limit's ``receive``)."""


def veldfouten(fout: InputError) -> list[VeldfoutInfo]:
    """The fields at fault, as the CLI reports them."""
    return [VeldfoutInfo(veld=f.veld, code=f.code, bericht=f.bericht) for f in fout.fouten]


def lees_body(body: bytes, model: type[BaseModel]) -> dict[str, Any]:
    """One JSON object from a request body, read strictly by the library's reader.

    Raises:
        InputError: not UTF-8, not JSON, not one object, a duplicate key, ... (stable codes).
    """
    return lees_object(body, model=model)


def _record(fout: InputError, lijn: int, casus_id: str | None = None) -> bytes:
    return json.dumps(fout_record(fout, lijn, casus_id), ensure_ascii=False).encode() + b"\n"


def evalueer_regels(  # noqa: PLR0917 - called through run_in_threadpool, positionally
    regels: Iterable[tuple[int, bytes]],
    kader: str,
    peildatum: date,
    engine: Literal["native", "durable"],
    max_regel: int,
    bronnen: Literal["verwijzing", "volledig"] = "verwijzing",
) -> bytes:
    """Evaluate consecutive numbered lines; their output lines (outcomes and error records)."""
    regels = list(regels)
    if not regels:
        return b""
    eerste = regels[0][0] - 1
    # The reader numbers the lines it is given from 1; shift them to the body's numbers.
    gelezen = list(
        casussen(io.BytesIO(b"".join(t + b"\n" for _, t in regels)), Limieten(regel=max_regel))
    )
    geldig = [r.casus for r in gelezen if isinstance(r, Casusregel)]
    resultaten = evaluate_many(geldig, kader, peildatum, engine, als_json=True, bronnen=bronnen)
    uit: list[bytes] = []
    for r in gelezen:
        if not isinstance(r, Casusregel):
            uit.append(_record(r.fout, r.lijn + eerste, r.casus_id))
            continue
        resultaat = next(resultaten)
        if isinstance(resultaat, InputError):
            uit.append(_record(resultaat, r.lijn + eerste, r.casus.id))
        else:
            uit.append(resultaat.encode() + b"\n")
    return b"".join(uit)


def _te_lang(nummer: int, maximum: int) -> bytes:
    return _record(
        InputError.enkel("<regel>", "te_lang", f"regel langer dan {maximum} bytes"), nummer
    )


def _te_groot(nummer: int, maximum: int) -> bytes:
    bericht = f"de batch is groter dan {maximum} bytes; de rest is niet gelezen"
    return _record(InputError.enkel("<invoer>", "te_lang", bericht), nummer)


class _Splitser:
    """Cuts chunks into numbered lines; a line longer than ``max_regel`` is dropped as it comes."""

    def __init__(self, max_regel: int) -> None:
        self.max_regel = max_regel
        self.rest = bytearray()
        self.nummer = 0
        self.overslaan = False  # inside a line that is too long

    def voeg_toe(self, stuk: bytes) -> list[tuple[int, bytes | None]]:
        """The lines ``stuk`` completes: ``(number, bytes)``, or ``(number, None)`` if too long."""
        self.rest += stuk
        delen = self.rest.split(b"\n")
        self.rest = bytearray(delen.pop())
        regels: list[tuple[int, bytes | None]] = []
        for deel in delen:
            self.nummer += 1
            te_lang = self.overslaan or len(deel) > self.max_regel
            self.overslaan = False
            regels.append((self.nummer, None if te_lang else bytes(deel)))
        if len(self.rest) > self.max_regel:
            self.overslaan = True
            self.rest.clear()
        return regels

    def einde(self) -> list[tuple[int, bytes | None]]:
        """The last line, if the body does not end with a newline."""
        if self.overslaan:
            return [(self.nummer + 1, None)]
        return [(self.nummer + 1, bytes(self.rest))] if self.rest else []


async def stroom(
    stukken: AsyncIterator[bytes],
    verwerk: Callable[[list[tuple[int, bytes]]], Awaitable[bytes]],
    max_regel: int,
    max_batch: int,
) -> AsyncIterator[bytes]:
    """Split a body into numbered lines as it arrives and yield ``verwerk``'s output per chunk.

    ``verwerk`` is an async callable taking a list of ``(line number, bytes)``. A line
    longer than ``max_regel`` becomes an error record (its bytes are skipped, not kept);
    a body that passes the batch limit ends with one error record at the next line.
    """
    splitser = _Splitser(max_regel)

    async def uitvoer(regels: list[tuple[int, bytes | None]]) -> bytes:
        uit: list[bytes] = []
        klaar: list[tuple[int, bytes]] = []
        for nummer, tekst in regels:
            if tekst is not None:
                klaar.append((nummer, tekst))
                continue
            if klaar:
                uit.append(await verwerk(klaar))
                klaar = []
            uit.append(_te_lang(nummer, max_regel))
        if klaar:
            uit.append(await verwerk(klaar))
        return b"".join(uit)

    try:
        async for stuk in stukken:
            if stuk:
                uit = await uitvoer(splitser.voeg_toe(stuk))
                if uit:
                    yield uit
    except TeGroot:
        yield _te_groot(splitser.nummer + 1, max_batch)
        return
    laatste = await uitvoer(splitser.einde())
    if laatste:
        yield laatste
