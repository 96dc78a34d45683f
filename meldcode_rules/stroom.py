r"""Reading JSON Lines (and single JSON documents) from bytes, safely and with limits.

The input edge of every batch: the ``meldcode`` command reads its files and standard
input through this module, and a service can read a request body through it. Bytes
go in; per line comes out either the parsed object (:class:`Regel`, or for casussen
the validated :class:`~meldcode_rules.casus.Casus` in a :class:`Casusregel`) or a
:class:`Foutregel` with the line number, the casus id where one could be read, and an
:class:`~meldcode_rules.errors.InputError` with stable codes. Nothing stops the
stream: invalid UTF-8, a byte-order mark, invalid JSON, an array, two objects on one
line, a blank line, an integer of thousands of digits, nesting too deep, a duplicate
key or a line over the limit is each one :class:`Foutregel` for its own line, and the
next line is read as usual. Lines are separated by ``\n`` only (a ``\r`` before it is
dropped), so line *N* of the input is always record *N* of the output.

Memory is bounded by :class:`Limieten`: a line longer than ``regel`` bytes is skipped
without being held (its error is reported at once), a single document longer than
``document`` bytes is refused, and a casus with more than ``signalen`` signalen or
betrokkenen is refused before it is validated.

    >>> import io
    >>> from meldcode_rules.stroom import Casusregel, casussen
    >>> data = b'{"id": "c1"}\n\n{"id": "c2", "id": "c3"}\n'
    >>> [(r.lijn, type(r).__name__) for r in casussen(io.BytesIO(data))]
    [(1, 'Casusregel'), (2, 'Foutregel'), (3, 'Foutregel')]

Errors never repeat input values: a message names the field (only names of known
fields; any other key is ``<veld>``) and the line, never what was in it.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Protocol

from pydantic import BaseModel

from meldcode_rules.casus import Casus
from meldcode_rules.errors import CODES, FieldError, InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = [
    "BOM",
    "INVOER",
    "JSON",
    "REGEL",
    "Bron",
    "Casusregel",
    "Foutregel",
    "Limieten",
    "Regel",
    "Stuk",
    "blokken",
    "casus_id",
    "casusregel",
    "casussen",
    "fout_record",
    "lees_document",
    "lees_json",
    "lees_object",
    "objecten",
    "regels",
    "snel_laden_bytes",
    "snel_object",
    "stukken",
    "te_lange_regel",
]

BOM: Final = b"\xef\xbb\xbf"
"""The UTF-8 byte-order mark (Windows tools write it); dropped at the start of a line."""

_MiB: Final = 1024 * 1024

REGEL: Final = "<regel>"
"""The error path of a line as a whole (blank, too long, not UTF-8)."""
JSON: Final = "<json>"
"""The error path of the JSON value as a whole (invalid JSON, not an object, ...)."""
INVOER: Final = "<invoer>"
"""The error path of a whole single document."""


@dataclass(frozen=True, slots=True)
class Limieten:
    """The limits of one read; each is configurable (the CLI: ``--max-*`` flags)."""

    regel: int = 4 * _MiB
    """Bytes in one line of JSON Lines (without its line end)."""
    document: int = 16 * _MiB
    """Bytes in a single JSON document (one casus in a file, or on standard input)."""
    signalen: int = 10_000
    """Signalen in one casus, and betrokkenen in one casus (each counted on its own)."""

    def __post_init__(self) -> None:
        for naam in ("regel", "document", "signalen"):
            if getattr(self, naam) < 1:
                msg = f"limiet {naam} moet minstens 1 zijn"
                raise ValueError(msg)


class Bron(Protocol):
    """What is read from: a binary stream (``sys.stdin.buffer``, ``open(..., "rb")``, BytesIO)."""

    def readline(self, size: int = -1, /) -> bytes:
        """At most ``size`` bytes, up to and including the next line end."""
        ...

    def read(self, size: int = -1, /) -> bytes:
        """At most ``size`` bytes."""
        ...


@dataclass(frozen=True, slots=True)
class Regel:
    """A line that holds one JSON object (not yet validated against a model)."""

    lijn: int
    """The line number, from 1."""
    gegevens: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Casusregel:
    """A line that holds a valid casus."""

    lijn: int
    casus: Casus


@dataclass(frozen=True, slots=True)
class Foutregel:
    """A line that could not be used, and why."""

    lijn: int
    fout: InputError
    casus_id: str | None = None
    """The casus id, when the line held a valid one (the caller's own key)."""

    def record(self) -> dict[str, object]:
        """The error record of the JSON contract (schema: ``meldcode schema foutregel``)."""
        return fout_record(self.fout, self.lijn, self.casus_id)

    def als_json(self) -> str:
        """The error record as one line of JSON (UTF-8 text, no line end)."""
        return json.dumps(self.record(), ensure_ascii=False)


def fout_record(fout: InputError, lijn: int | None, casus_id: str | None) -> dict[str, object]:
    """The error record: ``{"lijn": N, "casus_id": ..., "fouten": [{"veld", "code", "bericht"}]}``.

    ``lijn`` is the line number (``null`` for a single document); ``casus_id`` the id when
    one could be read; each of ``fouten`` names a field path, a stable code (see
    :data:`meldcode_rules.errors.CODES`) and a Dutch message, never a value.
    """
    return {
        "lijn": lijn,
        "casus_id": casus_id,
        "fouten": [{"veld": f.veld, "code": f.code, "bericht": f.bericht} for f in fout.fouten],
    }


_ID: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
_VEILIG: Final = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


@functools.cache
def _veldnamen(model: type[BaseModel]) -> frozenset[str]:
    """Every field name in ``model`` and the models it holds (names safe to repeat)."""
    namen: set[str] = set()
    open_: list[type[BaseModel]] = [model]
    gezien: set[type[BaseModel]] = set()
    while open_:
        huidig = open_.pop()
        if huidig in gezien:
            continue
        gezien.add(huidig)
        for naam, veld in huidig.model_fields.items():
            namen.add(naam)
            open_.extend(_modellen(veld.annotation))
    return frozenset(namen)


def _modellen(annotatie: object) -> list[type[BaseModel]]:
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return [annotatie]
    uit: list[type[BaseModel]] = []
    for arg in getattr(annotatie, "__args__", ()):
        uit.extend(_modellen(arg))
    return uit


class _Object(dict[str, Any]):
    """A JSON object that saw a key twice (found after parsing, to name its path)."""

    __slots__ = ("dubbel",)

    dubbel: str


def _pad_van_dubbel(waarde: object, bekend: frozenset[str]) -> str | None:
    """The path of the first duplicate key, with unknown names as ``<veld>``."""
    stapel: list[tuple[object, str]] = [(waarde, "")]
    while stapel:
        huidig, pad = stapel.pop()
        if isinstance(huidig, _Object):
            naam = huidig.dubbel if huidig.dubbel in bekend else "<veld>"
            return f"{pad}.{naam}" if pad else naam
        if isinstance(huidig, dict):
            for sleutel, kind in reversed(list(huidig.items())):
                naam = sleutel if sleutel in bekend and _VEILIG.match(sleutel) else "<veld>"
                stapel.append((kind, f"{pad}.{naam}" if pad else naam))
        elif isinstance(huidig, list):
            stapel.extend((kind, f"{pad}[{i}]") for i, kind in reversed(list(enumerate(huidig))))
    return None


def _weiger_constante(_: str) -> float:
    raise ValueError(_GEEN_CONSTANTE)


_GEEN_CONSTANTE: Final = "NaN/Infinity"


class _Teller(threading.local):
    """Per thread: how many objects with a duplicate key the current parse saw."""

    dubbel: int = 0


_TELLER: Final = _Teller()


def _paren(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(paren)
    if len(obj) == len(paren):
        return obj
    _TELLER.dubbel += 1
    dubbel = _Object(obj)
    sleutels: set[str] = set()
    for sleutel, _ in paren:
        if sleutel in sleutels:
            dubbel.dubbel = sleutel
            break
        sleutels.add(sleutel)
    return dubbel


_DECODER: Final = json.JSONDecoder(object_pairs_hook=_paren, parse_constant=_weiger_constante)
"""One decoder for every parse (building one per call costs more than the parse)."""

_SNEL_DECODER: Final = json.JSONDecoder(parse_constant=_weiger_constante)
"""The decoder of the fast path: the C scanner with no hook per object."""


def _laad_orjson() -> Callable[[str | bytes], Any] | None:
    """Orjson's parser, when the optional extra ``meldcode-rules[snel]`` installed it."""
    try:
        import orjson  # noqa: PLC0415 - optional
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    return orjson.loads


_SNEL_LADEN: Final = _laad_orjson() or _SNEL_DECODER.decode
"""The fast path's parser: orjson when installed (about three times the standard library's
speed), else the standard library without the per-object hook; the same values either way."""


def _bytes_laden(ruw: bytes) -> Any:  # noqa: ANN401 - JSON
    return _SNEL_DECODER.decode(ruw.decode("utf-8"))


_BYTES_LADEN: Final[Callable[[bytes], Any]] = _laad_orjson() or _bytes_laden
snel_laden_bytes: Final = _BYTES_LADEN
"""Parse one line of UTF-8 JSON on the fast path (no check for duplicate keys: the caller's)."""


def _laad_orjson_dumps() -> Callable[[Any], bytes] | None:
    try:
        import orjson  # noqa: PLC0415 - optional
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    return orjson.dumps


def _json_bytes(waarde: Any) -> bytes:  # noqa: ANN401 - JSON
    return json.dumps(waarde).encode()


_SNEL_SCHRIJVEN: Final[Callable[[Any], bytes]] = _laad_orjson_dumps() or _json_bytes


_LANG_GETAL: Final = re.compile("[0-9]{19}")
_LANG_GETAL_BYTES: Final = re.compile(b"[0-9]{19}")
"""Nineteen digits in a row: an integer orjson may read as a float (past 64 bits), so the
strict parser reads it."""


def snel_object(
    tekst: str | bytes, *, getallen: bool = True, geladen: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """A JSON object parsed on the fast path, or ``None``: then parse with :func:`lees_json`.

    The fast path gives a value only when the strict parser would give the same one: the
    text is standard JSON (orjson when installed, else the standard library's C scanner;
    either refuses ``NaN``), it holds no backslash, and no key occurs twice in one object.
    For that last check the strings are counted: without backslashes every ``"`` in the
    text opens or closes a string, and written out again the parsed value has a ``"`` only
    there too; a key given twice is a string more in the text than in the value, so the
    quotes of the two must be as many. A text with nineteen digits in a row is left out
    too (orjson reads an integer past 64 bits as a float), unless ``getallen`` is false: for
    a caller that reads the text again strictly whenever the value is refused (a casus has
    no numbers, so any number makes it invalid). Anything else, valid or not, is left to
    the strict parser, which names the error. ``geladen``: the object ``_BYTES_LADEN`` gave
    for these bytes already (a caller that parsed the line on the fast path), so it is not
    parsed again; the checks are the same.
    """
    try:
        if isinstance(tekst, bytes):
            if b"\\" in tekst or tekst.startswith(BOM):
                return None
            if getallen and _LANG_GETAL_BYTES.search(tekst):
                return None
            waarde = _BYTES_LADEN(tekst) if geladen is None else geladen
            aanhalingstekens = tekst.count(b'"')
        else:
            if (
                "\\" in tekst
                or tekst.startswith("\ufeff")
                or (getallen and _LANG_GETAL.search(tekst))
            ):
                return None
            waarde = _SNEL_LADEN(tekst)
            aanhalingstekens = tekst.count('"')
        if type(waarde) is not dict or aanhalingstekens != _SNEL_SCHRIJVEN(waarde).count(b'"'):
            return None
    except (ValueError, TypeError, RecursionError):  # orjson's error is a ValueError too
        return None
    return waarde


def lees_json(tekst: str, *, bekend: frozenset[str] = frozenset()) -> Any:  # noqa: ANN401 - JSON
    """Parse JSON text strictly: standard JSON only, every key once.

    Args:
        tekst: the JSON text (one line, or a whole document).
        bekend: field names that may be repeated in an error (others become ``<veld>``).

    Raises:
        InputError: invalid JSON (``ongeldige_json``, with line and column), more than one
            value (``meerdere_waarden``), ``NaN``/``Infinity`` (``ongeldige_json``), an
            integer over Python's digit limit (``getal_te_groot``), nesting too deep
            (``te_diep_genest``) or a key twice in one object (``dubbele_sleutel``,
            naming the path).
    """
    _TELLER.dubbel = 0
    try:
        waarde = _DECODER.decode(tekst)
    except json.JSONDecodeError as fout:
        if fout.msg == "Extra data":
            raise InputError.enkel(JSON, "meerdere_waarden") from None
        plek = f"kolom {fout.colno}"
        if fout.lineno > 1:
            plek = f"regel {fout.lineno}, {plek}"
        raise InputError.enkel(JSON, "ongeldige_json", f"ongeldige JSON ({plek})") from None
    except RecursionError:
        raise InputError.enkel(JSON, "te_diep_genest") from None
    except ValueError as fout:
        if str(fout) == _GEEN_CONSTANTE:
            bericht = "ongeldige JSON (NaN en Infinity bestaan niet in JSON)"
            raise InputError.enkel(JSON, "ongeldige_json", bericht) from None
        raise InputError.enkel(JSON, "getal_te_groot") from None
    if _TELLER.dubbel:
        pad = _pad_van_dubbel(waarde, bekend) or JSON
        raise InputError.enkel(pad, "dubbele_sleutel")
    return waarde


def _tekst(ruw: bytes, veld: str = INVOER) -> str:
    """Decode one line or document: UTF-8 strictly, a leading BOM dropped."""
    ruw = ruw.removeprefix(BOM)
    try:
        return ruw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError.enkel(veld, "geen_utf8") from None


def regels(
    bron: Bron, limieten: Limieten | None = None
) -> Iterator[tuple[int, bytes | InputError]]:
    """Split a binary stream into numbered lines (no line ends), each at most ``regel`` bytes.

    A longer line is read on to its end without being kept and yields an
    :class:`InputError` (``te_lang``) in its place, so memory stays bounded whatever
    comes in (also a stream without any line end). A last line without a line end
    counts; an empty stream has no lines.
    """
    grens = (limieten or Limieten()).regel
    lijn = 0
    while True:
        ruw = bron.readline(grens + 1)
        if not ruw:
            return
        lijn += 1
        if ruw.endswith(b"\n"):
            yield lijn, ruw[:-1].removesuffix(b"\r")
        elif len(ruw) <= grens:
            yield lijn, ruw.removesuffix(b"\r")  # the last line, without a line end
        else:
            yield lijn, te_lange_regel(grens)
            while True:
                rest = bron.readline(64 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break


def lees_object(tekst: str | bytes, *, model: type[BaseModel] | None = None) -> dict[str, Any]:
    """One JSON object from text or UTF-8 bytes, strictly (as :func:`lees_json`).

    Raises:
        InputError: not UTF-8, not JSON, not an object, a duplicate key, ...
    """
    snel = snel_object(tekst)
    if snel is not None:
        return snel
    bekend = _veldnamen(model) if model is not None else frozenset()
    if isinstance(tekst, bytes):
        tekst = _tekst(tekst)
    waarde = lees_json(tekst.removeprefix("\ufeff"), bekend=bekend)
    if not isinstance(waarde, dict):
        raise InputError.enkel(JSON, "geen_object")
    return waarde


def _object(ruw: bytes, bekend: frozenset[str]) -> dict[str, Any]:
    snel = snel_object(ruw)
    if snel is not None:
        return snel
    return _strikt_object(ruw, bekend)


def _strikt_object(ruw: bytes, bekend: frozenset[str]) -> dict[str, Any]:
    tekst = _tekst(ruw, REGEL)
    if not tekst.strip():
        raise InputError.enkel(REGEL, "lege_regel")
    waarde = lees_json(tekst, bekend=bekend)
    if not isinstance(waarde, dict):
        raise InputError.enkel(JSON, "geen_object")
    return waarde


def objecten(
    bron: Bron,
    limieten: Limieten | None = None,
    *,
    model: type[BaseModel] | None = None,
) -> Iterator[Regel | Foutregel]:
    """Per line of JSON Lines: the JSON object, or why there is none.

    Args:
        bron: the binary stream.
        limieten: the limits (default :class:`Limieten`).
        model: the model the objects are for; its field names may appear in error paths.
    """
    bekend = _veldnamen(model) if model is not None else frozenset()
    for lijn, ruw in regels(bron, limieten):
        if isinstance(ruw, InputError):
            yield Foutregel(lijn, ruw)
            continue
        try:
            yield Regel(lijn, _object(ruw, bekend))
        except InputError as fout:
            yield Foutregel(lijn, fout)


def casus_id(gegevens: object, id_veld: str = "id") -> str | None:
    """The id of a parsed casus (or event), when it is a valid id; else ``None``."""
    if isinstance(gegevens, dict):
        waarde = gegevens.get(id_veld)
        if isinstance(waarde, str) and _ID.match(waarde):
            return waarde
    return None


def _binnen_limieten(gegevens: dict[str, Any], limieten: Limieten) -> None:
    for veld in ("signalen", "betrokkenen"):
        lijst = gegevens.get(veld)
        if isinstance(lijst, list) and len(lijst) > limieten.signalen:
            bericht = f"te veel elementen (hoogstens {limieten.signalen}; zie --max-signalen)"
            raise InputError.enkel(veld, "te_veel_elementen", bericht)


@functools.cache
def _validatie() -> tuple[Callable[[Any], Casus], Callable[..., Casus | None]]:
    from meldcode_rules.api import validate_casus  # noqa: PLC0415 - the API imports this module
    from meldcode_rules.snelle_validatie import snelle_casus  # noqa: PLC0415 - as above

    return validate_casus, snelle_casus


def casusregel(
    lijn: int,
    ruw: bytes | InputError,
    grenzen: Limieten,
    *,
    geladen: dict[str, Any] | None = None,
) -> Casusregel | Foutregel:
    """One line of JSON Lines (without its line end) as a valid casus, or its error record.

    What :func:`casussen` does per line: the line's bytes (or the error :func:`regels`
    gave it) in, the :class:`Casusregel` or the :class:`Foutregel` out. ``geladen``: the
    JSON object :func:`meldcode_rules.snelle_validatie.snel_gelezen` parsed from these
    bytes, if any (the line is then not parsed again; every check still runs).
    """
    validate_casus, snelle_casus = _validatie()
    if isinstance(ruw, InputError):
        return Foutregel(lijn, ruw)
    # A casus holds no numbers: the fast parse may skip its check of long integers, as
    # long as a refused casus is read again strictly (so the error is the strict one).
    gegevens = snel_object(ruw, getallen=False, geladen=geladen)
    if gegevens is not None:
        snel = snelle_casus(gegevens, uit_json=True)
        if snel is not None:
            return Casusregel(lijn, snel)
        try:
            _binnen_limieten(gegevens, grenzen)
            return Casusregel(lijn, validate_casus(gegevens))
        except InputError:
            pass
    try:
        gegevens = _strikt_object(ruw, _veldnamen(Casus))
    except InputError as fout:
        return Foutregel(lijn, fout)
    try:
        _binnen_limieten(gegevens, grenzen)
        return Casusregel(lijn, validate_casus(gegevens))
    except InputError as fout:
        return Foutregel(lijn, fout, casus_id(gegevens))


def casussen(bron: Bron, limieten: Limieten | None = None) -> Iterator[Casusregel | Foutregel]:
    """Per line of JSON Lines: the valid :class:`Casus`, or the error record of the line.

    Lazy: a line is read, parsed and validated when the next item is asked for, so a
    consumer that answers each line before asking for the next (the CLI, a service)
    answers line 1 before line 2 has arrived.
    """
    grenzen = limieten or Limieten()
    for lijn, ruw in regels(bron, grenzen):
        yield casusregel(lijn, ruw, grenzen)


@dataclass(frozen=True, slots=True)
class Stuk:
    r"""Whole lines of a stream as one text, not yet split: what one read gave.

    ``tekst`` holds ``aantal`` lines joined by ``\n`` (their ``\r`` still on), the first
    numbered ``eerste``; when ``te_lang`` is set, the last of them is a line over the limit
    of which only an empty placeholder is in ``tekst``. :meth:`regels` numbers and checks
    them; a worker process can do that instead of the reader (:mod:`meldcode_rules.jsonl`).
    """

    eerste: int
    tekst: bytes
    aantal: int
    te_lang: bool = False

    def regels(self, grens: int) -> list[tuple[int, bytes | InputError]]:
        r"""The numbered lines, each at most ``grens`` bytes (else ``te_lang``), ``\r`` dropped."""
        fout = te_lange_regel(grens)
        blok: list[tuple[int, bytes | InputError]] = [
            (lijn, fout if len(deel) > grens else deel.removesuffix(b"\r"))
            for lijn, deel in enumerate(self.tekst.split(b"\n"), self.eerste)
        ]
        if self.te_lang:
            blok[-1] = (blok[-1][0], fout)
        return blok


def te_lange_regel(grens: int) -> InputError:
    """The error of a line longer than ``grens`` bytes (``te_lang``, about ``<regel>``)."""
    return InputError.enkel(REGEL, "te_lang", f"regel langer dan {grens} bytes (zie --max-regel)")


def stukken(
    bron: Bron, limieten: Limieten | None = None, *, grootte: int = 1 << 16
) -> Iterator[Stuk]:
    r"""The whole lines of a stream, as they arrive: one :class:`Stuk` per read that ends one.

    The stream is read with ``read1`` (what has arrived, at most ``grootte`` bytes); the
    lines are only counted here, not split. A line over the ``regel`` limit is not kept:
    once the part not yet ended is over the limit it is a ``te_lang`` line, and the rest of
    it is skipped as it comes, so memory stays bounded whatever comes in. A last line
    without a line end counts. A stream without ``read1`` is read with ``read``, which may
    wait for a whole ``grootte`` (:func:`blokken` reads such a stream a line at a time).
    """
    grens = (limieten or Limieten()).regel
    lees1: Callable[[int], bytes] = getattr(bron, "read1", None) or bron.read
    rest = b""
    lijn = 0
    overslaan = False  # inside a line that is too long (its error is out already)
    while True:
        stuk = lees1(grootte)
        if not stuk:
            break
        if overslaan:
            einde = stuk.find(b"\n")
            if einde < 0:
                continue
            stuk = stuk[einde + 1 :]
            overslaan = False
        if rest:
            stuk = rest + stuk
        laatste = stuk.rfind(b"\n")
        tekst, rest = (stuk[:laatste], stuk[laatste + 1 :]) if laatste >= 0 else (b"", stuk)
        aantal = tekst.count(b"\n") + 1 if laatste >= 0 else 0
        te_lang = len(rest) > grens
        if te_lang:
            # Too long already: say so now (an empty placeholder line), skip the rest of it.
            tekst = tekst + b"\n" if aantal else b""
            aantal += 1
            rest = b""
            overslaan = True
        if aantal:
            yield Stuk(lijn + 1, tekst, aantal, te_lang)
            lijn += aantal
    if rest:
        yield Stuk(lijn + 1, rest, 1)


def blokken(
    bron: Bron, limieten: Limieten | None = None, *, grootte: int = 1 << 16
) -> Iterator[list[tuple[int, bytes | InputError]]]:
    r"""The numbered lines of a stream, a block at a time: every line that has arrived.

    As :func:`regels` (the same numbers, the same errors for a line over the limit, ``\r``
    dropped before ``\n``, a last line without a line end), but read with ``read1`` when
    the stream has it (:func:`stukken`): each block holds the complete lines of what one
    read gave, so a consumer that answers a block before asking for the next answers
    every line that has arrived before it waits for more. A stream without ``read1`` is
    read a line at a time.
    """
    grenzen = limieten or Limieten()
    if getattr(bron, "read1", None) is None:
        for regel in regels(bron, grenzen):
            yield [regel]
        return
    for stuk in stukken(bron, grenzen, grootte=grootte):
        yield stuk.regels(grenzen.regel)


def lees_document(
    bron: Bron, limieten: Limieten | None = None, *, model: type[BaseModel] | None = None
) -> dict[str, Any]:
    """Read one JSON object (possibly over many lines) of at most ``document`` bytes.

    Raises:
        InputError: too long (``te_lang``), empty (``lege_regel``), not UTF-8, not one
            JSON object, a duplicate key, ... (as :func:`lees_json`); for a casus also
            more signalen than the limit.
    """
    grenzen = limieten or Limieten()
    ruw = bron.read(grenzen.document + 1)
    if len(ruw) > grenzen.document:
        bericht = f"invoer groter dan {grenzen.document} bytes (zie --max-bestand)"
        raise InputError.enkel(INVOER, "te_lang", bericht)
    tekst = _tekst(ruw)
    if not tekst.strip():
        raise InputError.enkel(INVOER, "lege_regel", "de invoer is leeg")
    try:
        waarde = lees_json(tekst, bekend=_veldnamen(model) if model is not None else frozenset())
    except InputError as fout:
        if fout.fouten[0].code == "meerdere_waarden":
            bericht = f"{CODES['meerdere_waarden']}; gebruik --format jsonl voor JSON Lines"
            raise InputError([FieldError("<json>", "meerdere_waarden", bericht)]) from None
        raise
    if not isinstance(waarde, dict):
        raise InputError.enkel(JSON, "geen_object", "verwacht een JSON-object (een casus)")
    _binnen_limieten(waarde, grenzen)
    return waarde
