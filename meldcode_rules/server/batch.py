"""JSON Lines in, JSON Lines out: the batch endpoint's reader and evaluator.

The request body is read as it arrives; every complete line is evaluated through
:func:`meldcode_rules.evaluate_many` (``als_json=True``, the library's fast path) and its
result written out before the rest of the body has arrived, so memory stays flat on a
batch of any length. As in ``meldcode evaluate FILE.jsonl``, a bad line yields
``{"regel": N, "fouten": [...]}`` in its place, so the output stays aligned with the
input (blank lines are skipped but counted).

:func:`lees_regel` is the one place that turns a line into a casus or its error; it is
kept small so the shared JSON Lines reader of the library can replace it.
"""

from __future__ import annotations

import json
from datetime import date  # noqa: TC003 - used at runtime by callers' annotations
from typing import TYPE_CHECKING, Any, Final, Literal

from meldcode_rules import InvoerFout, evaluate_many
from meldcode_rules.server.modellen import VeldfoutInfo

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable, Iterable

__all__ = [
    "JsonFout",
    "TeGroot",
    "evalueer_regels",
    "fout_regel",
    "lees_json",
    "lees_regel",
    "stroom",
    "veldfouten",
]

_LEEG: Final = frozenset({b"", b"\r"})


class TeGroot(Exception):
    """The request body passed its size limit (raised by the limit's ``receive``)."""


class JsonFout(ValueError):
    """A body or line that is not one JSON object (names line and column, never text)."""

    def __init__(self, code: str, bericht: str, veld: str = "<json>") -> None:
        self.fouten = (VeldfoutInfo(veld=veld, code=code, bericht=bericht),)
        super().__init__(bericht)


def veldfouten(fout: InvoerFout | JsonFout) -> list[VeldfoutInfo]:
    """The fields at fault, as the CLI reports them."""
    if isinstance(fout, JsonFout):
        return list(fout.fouten)
    return [VeldfoutInfo(veld=f.veld, code=f.code, bericht=f.bericht) for f in fout.fouten]


def lees_json(tekst: bytes, regel: int | None = None) -> dict[str, Any]:
    """Parse one JSON object, as the CLI does: errors name the line and column, never text.

    Raises:
        JsonFout: not JSON, not UTF-8, too deeply nested, or not an object.
    """
    try:
        waarde = json.loads(tekst)
    except json.JSONDecodeError as fout:
        bericht = (
            f"ongeldige JSON (regel {fout.lineno if regel is None else regel}, kolom {fout.colno})"
        )
    except UnicodeDecodeError:
        bericht = "geen geldige UTF-8-tekst"
    except RecursionError:
        bericht = "ongeldige JSON: te diep genest"
    else:
        if isinstance(waarde, dict):
            return waarde
        bericht = "verwacht een JSON-object (een casus)"
        raise JsonFout(code="model_type", bericht=bericht)
    raise JsonFout(code="json_invalid", bericht=bericht)


def lees_regel(tekst: bytes, regel: int) -> dict[str, Any] | JsonFout:
    """One line of a batch: the parsed casus, or the error in its place."""
    try:
        return lees_json(tekst, regel)
    except JsonFout as fout:
        return fout


def fout_regel(fout: InvoerFout | JsonFout, regel: int) -> bytes:
    """The error record of a bad line, as ``meldcode evaluate`` writes it."""
    record = {"regel": regel, "fouten": [f.model_dump() for f in veldfouten(fout)]}
    return json.dumps(record, ensure_ascii=False).encode() + b"\n"


def evalueer_regels(
    regels: Iterable[tuple[int, bytes]],
    kader: str,
    peildatum: date,
    engine: Literal["native", "durable"],
) -> bytes:
    """Evaluate numbered lines; the output lines (results and error records), joined."""
    uit: list[bytes] = []
    plekken: list[int] = []
    geldig: list[dict[str, Any]] = []
    # Results and errors must stay in input order: collect the valid lines, evaluate them
    # in one stream, and merge the error records back in at their places.
    fouten: dict[int, bytes] = {}
    for nummer, tekst in regels:
        if tekst in _LEEG or not tekst.strip():
            continue
        gegevens = lees_regel(tekst, nummer)
        if isinstance(gegevens, JsonFout):
            fouten[nummer] = fout_regel(gegevens, nummer)
            plekken.append(nummer)
            continue
        plekken.append(nummer)
        geldig.append(gegevens)
    resultaten = evaluate_many(geldig, kader, peildatum, engine, als_json=True)
    for nummer in plekken:
        record = fouten.get(nummer)
        if record is not None:
            uit.append(record)
            continue
        resultaat = next(resultaten)
        if isinstance(resultaat, InvoerFout):
            uit.append(fout_regel(resultaat, nummer))
        else:
            uit.append(resultaat.encode() + b"\n")
    return b"".join(uit)


def _te_lang(nummer: int, maximum: int) -> bytes:
    return fout_regel(JsonFout("te_lang", f"regel langer dan {maximum} bytes"), nummer)


def _te_groot(nummer: int) -> bytes:
    bericht = "de batch is groter dan de ingestelde grens; de rest is niet gelezen"
    return fout_regel(JsonFout("te_groot", bericht, "<invoer>"), nummer)


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
        return [(self.nummer + 1, bytes(self.rest))] if self.rest.strip() else []


async def stroom(
    stukken: AsyncIterator[bytes],
    verwerk: Callable[[list[tuple[int, bytes]]], Awaitable[bytes]],
    max_regel: int,
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
        yield _te_groot(splitser.nummer + 1)
        return
    laatste = await uitvoer(splitser.einde())
    if laatste:
        yield laatste
