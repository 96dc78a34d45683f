"""The durable engine: the same rule tree as durable-rules rulesets, the same Uitkomst.

Each resolved kader version is translated once into one durable-rules ruleset on a
host of this library's own. Per evaluation the facts of each layer are asserted as a
durable *fact* (facts, unlike events, are not consumed: every matching rule fires),
and the rules that fire are the rule results this engine hands to the decision core,
:mod:`meldcode_rules.besluit`, exactly as the native engine hands it its own. Only the
rule firing happens in durable-rules; the output is byte-identical JSON to the native
engine's except for ``"engine": "durable"``, which the agreement tests in
``tests/durable/`` prove for every registered kader version.

Translation (Kleene, three-valued, on a two-valued matcher). durable-rules matches a
fact against boolean expressions, so every condition ``C`` of a rule becomes two
mutually exclusive expressions, ``ja(C)`` and ``nee(C)``, built recursively; a
condition for which neither fires is ``onbekend``:

- ``Feit(f)``: ``f == "ja"`` / ``f == "nee"``;
- ``Is(f, w)``: ``f == w`` / ``f`` present and ``!= w``;
- ``Minstens(f, n)``: ``f >= n`` / ``f`` present and ``< n``;
- ``En``: all parts ja / some part nee; ``Of``: some part ja / all parts nee;
- ``Niet``: ja and nee swapped; ``Altijd``: always ja, never nee.

A fact that is ``None`` (the casus does not supply its section) is left out of the
asserted durable fact, so it is *absent* to the matcher and no comparison on it holds.
Each rule thus has two durable rules, gated by the layer (afweging, beslissing, gevolg)
the asserted fact belongs to; if both fired the engine raises :class:`RuntimeError` (a
translation defect, never an input problem).

Two things the matcher does that shaped this: an explicit ``onbekend`` expression
(``not ja and not nee``, pushed down through the tree) exceeds durable-rules'
expression limits for the model kader's beslisregels (``create_ruleset`` fails with
error code 113), hence "neither fired" is ``onbekend``; and a rule whose expression
holds an ``$or`` fires once per matching branch, so only the *set* of fired results
counts.

durable-rules under threads (measured on 2.0.28, CPython 3.11, this machine):

- ``durable.engine.Host()`` starts two daemon ``threading.Timer`` chains that poll
  every ruleset (``dispatch`` and ``dispatch_timers``) forever. With those pollers
  running, eight threads asserting facts into one ruleset crashed the interpreter
  with a segmentation fault in two of two runs (1,500 facts per thread); one thread
  with the pollers, and eight threads without them, ran clean. The library's host
  (:func:`host`) is a subclass whose ``_run`` starts no pollers: evaluation needs no
  timers, and actions run synchronously inside ``assert_fact``.
- Upstream issue #291 reports intermittent failures of concurrent ``post`` calls.
  Whatever the cause, every call into durable-rules from this library (this module and
  :mod:`meldcode_rules.proces`) goes through one process-wide lock, :data:`SLOT`:
  the native engine underneath is shared by all hosts, so a per-host lock would not do.
  Eight threads on this engine therefore run one evaluation at a time (correct, not
  parallel); use the native engine for throughput.
- More than 1,024 live session ids raise ``MemoryError`` (measured: the 1,024th
  distinct ``sid`` fails). Every evaluation uses a fresh ``sid`` and deletes its state
  in a ``finally`` block, so the number of live sessions is at most one.
- A fact no rule matches raises ``MessageNotHandledException``: every ruleset has a
  catch-all rule that matches every fact and does nothing.
- Ruleset names are process-global in durable's design (``durable.lang`` keeps one
  module-global host and a module-global name table). This module never touches
  ``durable.lang``'s host or its ruleset stack: it uses ``durable.lang.m`` only to build
  expressions (pure objects) and gives every ruleset a process-unique name.
- An exception inside an action is swallowed by durable-rules (stored in the session
  state), so actions here only append to a list.

durable-rules is an optional extra (``pip install meldcode-rules[durable]``); 2.0.28 is
its last release and it does not import on CPython 3.13. Nothing outside this module
and :mod:`meldcode_rules.proces` imports it, and only when the durable engine is asked
for; without it :class:`DurableKader` raises
:class:`~meldcode_rules.errors.EngineUnavailable` naming the extra.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import operator
import threading
import warnings
from typing import TYPE_CHECKING, Any, Final, cast

from meldcode_rules.besluit import LAGEN, Beslisvorm, beslis
from meldcode_rules.errors import EngineUnavailable
from meldcode_rules.feiten import afleiden
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde
from meldcode_rules.regels import Altijd, En, Feit, Is, Minstens, Niet, Of, Voorwaarde
from meldcode_rules.uitkomst import Uitkomst

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import date
    from types import ModuleType

    from meldcode_rules.casus import Casus
    from meldcode_rules.feiten import Feiten
    from meldcode_rules.kader import ResolvedKader
    from meldcode_rules.uitkomst import Bronnen, KaderInfo

__all__ = ["EXTRA", "SLOT", "DurableKader", "expressies", "host", "laad_durable", "stil"]

EXTRA: Final = (
    "de durable-engine vraagt de optionele extra 'durable' "
    "(pip install meldcode-rules[durable]); durable-rules draait op Python 3.11 en 3.12, "
    "niet op 3.13 of later"
)
"""The message of :class:`EngineUnavailable` when durable-rules cannot be imported."""

SLOT: Final = threading.RLock()
"""The one lock around every call into durable-rules in this process (see the docstring)."""

_NAMEN: Final = itertools.count()
_SESSIES: Final = itertools.count()


def laad_durable() -> ModuleType:
    """Import ``durable.engine`` (only when asked for).

    Raises:
        EngineUnavailable: durable-rules is not installed or does not import here.
    """
    try:
        from durable import engine  # noqa: PLC0415 - the optional extra, only on demand
    except Exception:  # noqa: BLE001 - ImportError, or OSError/undefined symbol on 3.13
        raise EngineUnavailable(EXTRA) from None
    return cast("ModuleType", engine)


_HOST: list[Any] = []


def host() -> Any:  # noqa: ANN401 - durable-rules is untyped
    """The library's own durable-rules host (never ``durable.lang``'s global host)."""
    with SLOT:
        if not _HOST:
            engine = laad_durable()

            class _Host(engine.Host):  # type: ignore[misc,name-defined]
                """A host without the background pollers (they crash under threads)."""

                def _run(self) -> None:
                    return

            _HOST.append(_Host())
        return _HOST[0]


def expressies() -> Any:  # noqa: ANN401 - durable-rules is untyped
    """``durable.lang.m``: builds match expressions (pure objects; the global host is untouched)."""
    from durable.lang import m  # noqa: PLC0415 - the optional extra, only on demand

    return m


# -- translation ----------------------------------------------------------------------------
_Uitdr = Any
"""A ``durable.lang`` value expression, or ``None`` for "never"."""


def _en(*delen: _Uitdr) -> _Uitdr:
    if any(d is None for d in delen):
        return None
    return functools.reduce(operator.and_, delen)


def _of(*delen: _Uitdr) -> _Uitdr:
    echt = [d for d in delen if d is not None]
    if not echt:
        return None
    return functools.reduce(operator.or_, echt)


def _veld(naam: str) -> str:
    return f"f_{naam}"


def _vertaal(v: Voorwaarde, m: Any) -> tuple[_Uitdr, _Uitdr]:  # noqa: ANN401, PLR0911
    """The durable expressions for ``v`` being ``ja`` and being ``nee`` (``None``: never)."""
    if isinstance(v, Altijd):
        return (m.t == 1, None)
    if isinstance(v, Niet):
        ja, nee = _vertaal(v.deel, m)
        return (nee, ja)
    if isinstance(v, En | Of):
        delen = [_vertaal(d, m) for d in v.onderdelen]
        ja_s = [d[0] for d in delen]
        nee_s = [d[1] for d in delen]
        if isinstance(v, En):
            return (_en(*ja_s), _of(*nee_s))
        return (_of(*ja_s), _en(*nee_s))
    if isinstance(v, Feit | Is | Minstens):
        veld = _veld(v.naam)
        if isinstance(v, Feit):
            return (getattr(m, veld) == JA.value, getattr(m, veld) == NEE.value)
        if isinstance(v, Is):
            return (
                getattr(m, veld) == v.waarde,
                +getattr(m, veld) & (getattr(m, veld) != v.waarde),
            )
        return (getattr(m, veld) >= v.aantal, +getattr(m, veld) & (getattr(m, veld) < v.aantal))
    msg = f"onbekend soort voorwaarde: {type(v).__name__}"
    raise TypeError(msg)


def _fact_waarde(w: object) -> object:
    return w.value if isinstance(w, Waarde) else w


class DurableKader:
    """A resolved kader version as one durable-rules ruleset; the rules fire in durable-rules."""

    engine: Final = "durable"

    def __init__(self, effectief: ResolvedKader) -> None:
        """Translate every rule of ``effectief`` into durable rules (once).

        Raises:
            EngineUnavailable: durable-rules is not installed or does not import here.
        """
        laad_durable()
        m = expressies()
        self.effectief = effectief
        self.vorm = Beslisvorm(effectief)
        self._gevuurd: dict[str, dict[int, set[Waarde]]] = {}
        definitie: dict[str, dict[str, Any]] = {}
        for laag in LAGEN:
            poort = m.laag == LAGEN.index(laag)
            for regel in self.vorm.per_laag[laag]:
                for resultaat, uitdr in zip((JA, NEE), _vertaal(regel.regel.als, m), strict=True):
                    if uitdr is None:
                        continue
                    definitie[f"r{regel.index}_{resultaat.value}"] = {
                        "all": [{"m": (poort & uitdr).define()}],
                        "run": self._actie(regel.index, resultaat),
                    }
        # The catch-all: a fact no rule matches would raise MessageNotHandledException.
        definitie["vangnet"] = {"all": [{"m": (m.t == 1).define()}], "run": _niets}
        self.naam = f"meldcode_{next(_NAMEN)}"
        with SLOT:
            host().register_rulesets({self.naam: definitie})

    @property
    def info(self) -> KaderInfo:
        """Which kader version this is, with its fingerprint."""
        return self.vorm.info

    def _actie(self, index: int, resultaat: Waarde) -> Callable[[Any], None]:
        gevuurd = self._gevuurd

        def actie(c: Any) -> None:  # noqa: ANN401 - a durable-rules closure
            gevuurd[c.s.sid].setdefault(index, set()).add(resultaat)

        return actie

    def _vuur(self, sid: str, laag: str, env: Feiten) -> dict[int, Waarde]:
        """Assert the facts of one layer; the results of that layer's rules, by index."""
        feit: dict[str, object] = {"sid": sid, "id": laag, "t": 1, "laag": LAGEN.index(laag)}
        for naam in self.vorm.leest[laag]:
            w = env[naam]
            if w is not None:
                feit[_veld(naam)] = _fact_waarde(w)
        gevuurd: dict[int, set[Waarde]] = {}
        self._gevuurd[sid] = gevuurd
        host().assert_fact(self.naam, feit)
        uit: dict[int, Waarde] = {}
        for regel in self.vorm.per_laag[laag]:
            # A disjunction fires once per matching branch: only the set counts.
            resultaten = gevuurd.get(regel.index, set())
            if len(resultaten) > 1:  # pragma: no cover - a translation defect
                msg = f"durable-engine: regel {regel.regel.id} vuurde zowel ja als nee"
                raise RuntimeError(msg)
            # Kleene: a condition that is neither ja nor nee is onbekend.
            uit[regel.index] = resultaten.pop() if resultaten else ONBEKEND
        return uit

    def evaluate(self, casus: Casus, peildatum: date) -> Uitkomst:
        """Evaluate a validated casus on a peildatum; the rules fire in durable-rules."""
        feiten = afleiden(casus, peildatum)
        antwoorden = {naam: getattr(casus.antwoorden, naam) for naam in self.vorm.vragen}
        sid = f"e{next(_SESSIES)}"
        with SLOT, stil():
            try:
                besluit = beslis(
                    self.vorm, antwoorden, feiten, lambda laag, env: self._vuur(sid, laag, env)
                )
            finally:
                self._gevuurd.pop(sid, None)
                host().delete_state(self.naam, sid)
        return Uitkomst(**besluit.uitkomst_velden(casus.id, peildatum, self.info, "durable"))

    def evaluate_json(self, casus: Casus, peildatum: date, bronnen: Bronnen = "verwijzing") -> str:
        """The JSON text of :meth:`evaluate` in a form (compact by default)."""
        return self.evaluate(casus, peildatum).als_json(bronnen)


@contextlib.contextmanager
def stil() -> Iterator[None]:
    """Silence durable-rules' own DeprecationWarning (``datetime.utcfromtimestamp`` on 3.12).

    Under ``-W error`` it would otherwise abort every evaluation from inside durable-rules.
    Only that module's DeprecationWarnings are ignored, and only while :data:`SLOT` is held.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"durable\.")
        yield


def _niets(_c: Any) -> None:  # noqa: ANN401 - a durable-rules closure
    return
