"""The durable engine: the same rule tree as durable-rules rulesets, the same Uitkomst.

Each resolved kader version is translated once into one durable-rules ruleset on a
host of this library's own. Per evaluation the facts of each layer are asserted as a
durable *fact* (facts, unlike events, are not consumed: every matching rule fires),
the rules that fire are collected, and the Uitkomst is assembled with exactly the
glue the native engine uses (:mod:`meldcode_rules.engine`, module docstring). Only
the rule firing happens in durable-rules; the output is byte-identical JSON to the
native engine's except for ``"engine": "durable"``, which the agreement tests in
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
Each rule thus has two durable rules, gated by the layer (afweging, beslissing, actie)
the asserted fact belongs to; if both fired the engine raises :class:`RuntimeError` (a
translation defect, never an input problem). The "silent rule" semantics (an
``onbekend`` rule counts only when every fact it reads was supplied) and the
protective merge are applied to the fired results exactly as the native engine does.

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
  (:func:`_host`) is a subclass whose ``_run`` starts no pollers: evaluation needs no
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
for; without it :func:`compileer_durable` raises
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

from meldcode_rules.engine import BESCHERMING, RICHTING, vingerafdruk
from meldcode_rules.errors import EngineUnavailable
from meldcode_rules.feiten import afleiden
from meldcode_rules.logica import JA, NEE, ONBEKEND, Richting, Waarde, beschermend
from meldcode_rules.regels import (
    ACTIE,
    AFWEGINGEN,
    HULP,
    MELDEN,
    SIGNALERING,
    Altijd,
    En,
    Feit,
    Is,
    Minstens,
    Niet,
    Of,
    Regel,
    Voorwaarde,
)
from meldcode_rules.uitkomst import (
    Actie,
    AfwegingUitkomst,
    BeslissingUitkomst,
    BronVerwijzing,
    KaderInfo,
    RegelSpoor,
    Signalering,
    Uitkomst,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import date
    from types import ModuleType

    from meldcode_rules.casus import Casus
    from meldcode_rules.feiten import Feiten
    from meldcode_rules.registry import ResolvedKader

__all__ = ["EXTRA", "SLOT", "DurableVersie", "compileer_durable", "laad_durable"]

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

# The layers, asserted in this order. The registry lets a beoordelingsregel read input
# facts only, a beslisregel also the afwegingen, an actie- or signaleringsregel also the
# beslissingen: so one durable fact per layer carries everything its rules read.
_AFWEGING: Final = "afweging"
_BESLISSING: Final = "beslissing"
_LAGEN: Final[tuple[str, ...]] = (_AFWEGING, _BESLISSING, ACTIE)


def _laag_van(doel: str) -> str:
    if doel in AFWEGINGEN:
        return _AFWEGING
    if doel in (MELDEN, HULP):
        return _BESLISSING
    return ACTIE


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


def _host() -> Any:  # noqa: ANN401 - durable-rules is untyped
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


def _m() -> Any:  # noqa: ANN401 - durable-rules is untyped
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


class DurableVersie:
    """A resolved kader version as one durable-rules ruleset; ``evalueer`` as the native engine."""

    def __init__(self, effectief: ResolvedKader) -> None:
        """Translate every rule of ``effectief`` into durable rules (once).

        Raises:
            EngineUnavailable: durable-rules is not installed or does not import here.
        """
        laad_durable()
        m = _m()
        self.effectief = effectief
        self.kader_id = effectief.kader.id
        self.versie = effectief.versie.versie
        self.regels: tuple[Regel, ...] = effectief.regels
        self._feiten = tuple(tuple(sorted(r.als.feiten())) for r in self.regels)
        self._teksten = tuple(str(r.als) for r in self.regels)
        self._bronnen = tuple(BronVerwijzing.van(r.bron) for r in self.regels)
        self._laag = tuple(_laag_van(r.doel) for r in self.regels)
        self._leest = {
            laag: tuple(
                sorted(
                    {f for i, f_s in enumerate(self._feiten) if self._laag[i] == laag for f in f_s}
                )
            )
            for laag in _LAGEN
        }
        self.vragen = {a: effectief.vraag(a) for a in AFWEGINGEN}
        self.info = KaderInfo(
            id=effectief.kader.id,
            naam=effectief.kader.naam,
            versie=effectief.versie.versie,
            geldig_van=effectief.versie.geldig_van,
            geldig_tot=effectief.versie.geldig_tot,
            vingerafdruk=vingerafdruk(effectief),
        )
        self._gevuurd: dict[str, dict[int, set[Waarde]]] = {}
        definitie: dict[str, dict[str, Any]] = {}
        for i, regel in enumerate(self.regels):
            poort = m.laag == _LAGEN.index(self._laag[i])
            for resultaat, uitdr in zip((JA, NEE), _vertaal(regel.als, m), strict=True):
                if uitdr is None:
                    continue
                definitie[f"r{i}_{resultaat.value}"] = {
                    "all": [{"m": (poort & uitdr).define()}],
                    "run": self._actie(i, resultaat),
                }
        # The catch-all: a fact no rule matches would raise MessageNotHandledException.
        definitie["vangnet"] = {"all": [{"m": (m.t == 1).define()}], "run": _niets}
        self.naam = f"meldcode_{next(_NAMEN)}"
        with SLOT:
            _host().register_rulesets({self.naam: definitie})

    def _actie(self, index: int, resultaat: Waarde) -> Callable[[Any], None]:
        gevuurd = self._gevuurd

        def actie(c: Any) -> None:  # noqa: ANN401 - a durable-rules closure
            gevuurd[c.s.sid].setdefault(index, set()).add(resultaat)

        return actie

    # -- rule firing in durable-rules ---------------------------------------------------------
    def _vuur(self, sid: str, laag: str, env: Feiten) -> dict[int, Waarde]:
        """Assert the facts of one layer; the results of that layer's rules, by index."""
        feit: dict[str, object] = {"sid": sid, "id": laag, "t": 1, "laag": _LAGEN.index(laag)}
        for naam in self._leest[laag]:
            w = env[naam]
            if w is not None:
                feit[_veld(naam)] = _fact_waarde(w)
        gevuurd: dict[int, set[Waarde]] = {}
        self._gevuurd[sid] = gevuurd
        _host().assert_fact(self.naam, feit)
        uit: dict[int, Waarde] = {}
        for i, lg in enumerate(self._laag):
            if lg != laag:
                continue
            # A disjunction fires once per matching branch: only the set counts.
            resultaten = gevuurd.get(i, set())
            if len(resultaten) > 1:  # pragma: no cover - a translation defect
                msg = f"durable-engine: regel {self.regels[i].id} vuurde zowel ja als nee"
                raise RuntimeError(msg)
            # Kleene: a condition that is neither ja nor nee is onbekend.
            uit[i] = resultaten.pop() if resultaten else ONBEKEND
        return uit

    def _van(self, uit: dict[int, Waarde], doel: str) -> dict[int, Waarde]:
        """The results of the rules for ``doel``, in rule order."""
        return {i: r for i, r in uit.items() if self.regels[i].doel == doel}

    def _spoor(self, i: int, resultaat: Waarde, env: Feiten) -> RegelSpoor:
        r = self.regels[i]
        return RegelSpoor(
            regel=r.id,
            label=r.label,
            conclusie=r.conclusie,
            resultaat=resultaat,
            voorwaarde=self._teksten[i],
            gebruikt={n: env[n] for n in self._feiten[i]},
            kader=self.kader_id,
            versie=self.versie,
            bron=self._bronnen[i],
        )

    def _afweging(
        self,
        naam: str,
        antwoord: Waarde,
        env: Feiten,
        uit: dict[int, Waarde],
        signaleringen: list[Signalering],
    ) -> AfwegingUitkomst:
        richting = RICHTING[naam]
        beschermt = JA if richting is Richting.JA_BESCHERMT else NEE
        afleiding: Waarde | None = None
        spoor: list[RegelSpoor] = []
        conclusies: set[str] = set()
        for i in sorted(uit):
            regel, r = self.regels[i], uit[i]
            if r is JA:
                bijdrage = Waarde(regel.conclusie)
                conclusies.add(regel.conclusie)
            elif r is ONBEKEND and all(env[f] is not None for f in self._feiten[i]):
                if regel.conclusie != beschermt:
                    continue
                bijdrage = ONBEKEND
            else:
                continue
            spoor.append(self._spoor(i, r, env))
            afleiding = (
                bijdrage if afleiding is None else beschermend(afleiding, bijdrage, richting)
            )
        if len(conclusies) > 1:
            signaleringen.append(
                Signalering(
                    code="tegenstrijdige_regels",
                    omschrijving=f"Regels van het kader concluderen zowel ja als nee voor {naam}; "
                    "de meest beschermende waarde telt.",
                    afweging=naam,
                )
            )
        if afleiding is None:
            waarde = antwoord
            herkomst = "geen" if antwoord is ONBEKEND else "antwoord"
        else:
            waarde = beschermend(antwoord, afleiding, richting)
            if antwoord == afleiding:
                herkomst = "beide"
            elif waarde == afleiding:
                herkomst = "kader"
            else:
                herkomst = "antwoord"
            if antwoord != afleiding:
                regels = ", ".join(s.regel for s in spoor)
                signaleringen.append(
                    Signalering(
                        code="verschil_antwoord_kader",
                        omschrijving=f"Afweging {naam}: het antwoord is {antwoord.value}, "
                        f"het kader leidt {afleiding.value} af ({regels}); de meest "
                        f"beschermende waarde ({waarde.value}) telt.",
                        afweging=naam,
                        regel=spoor[0].regel if spoor else None,
                    )
                )
        return AfwegingUitkomst(
            waarde=waarde,
            antwoord=antwoord,
            afleiding=afleiding,
            herkomst=herkomst,
            vraag=self.vragen[naam],
            spoor=tuple(spoor),
        )

    def _beslissing(
        self, doel: str, env: Feiten, uit: dict[int, Waarde], signaleringen: list[Signalering]
    ) -> BeslissingUitkomst:
        gevonden: list[str] = []
        spoor: list[RegelSpoor] = []
        open_: set[str] = set()
        for i in sorted(uit):
            r = uit[i]
            if r is NEE:
                continue
            spoor.append(self._spoor(i, r, env))
            if r is JA:
                if self.regels[i].conclusie not in gevonden:
                    gevonden.append(self.regels[i].conclusie)
            else:
                open_.update(f for f in self._feiten[i] if env[f] is ONBEKEND or env[f] is None)
        if not gevonden:
            hangt_af = tuple(a for a in AFWEGINGEN if a in open_)
            return BeslissingUitkomst(waarde="onbepaald", spoor=tuple(spoor), hangt_af_van=hangt_af)
        orde = BESCHERMING[doel]
        waarde = min(gevonden, key=orde.index)
        if len(gevonden) > 1:
            signaleringen.append(
                Signalering(
                    code="tegenstrijdige_regels",
                    omschrijving=f"Regels van het kader geven voor {doel} zowel "
                    f"{' als '.join(gevonden)}; de meest beschermende waarde ({waarde}) telt.",
                )
            )
        return BeslissingUitkomst(waarde=waarde, spoor=tuple(s for s in spoor if s.resultaat is JA))

    def _onbepaald(self, doel: str, hangt_af_van: tuple[str, ...]) -> Signalering:
        vragen = "; ".join(f"{a}: {self.vragen[a]}" for a in hangt_af_van)
        return Signalering(
            code="onbepaald",
            omschrijving=f"Beslissing {doel} is onbepaald: die hangt af van afwegingen "
            f"die onbekend zijn ({vragen or 'geen regel is van toepassing'}). "
            "Beantwoord ze; bij twijfel: raadpleeg Veilig Thuis.",
        )

    def _evalueer_in(self, sid: str, casus: Casus, env: Feiten) -> dict[str, Any]:
        signaleringen: list[Signalering] = []
        afwegingen: dict[str, AfwegingUitkomst] = {}
        uit = self._vuur(sid, _AFWEGING, env)
        for naam in AFWEGINGEN:
            antwoord = Waarde(getattr(casus.antwoorden, naam))
            eigen = self._van(uit, naam)
            afwegingen[naam] = self._afweging(naam, antwoord, env, eigen, signaleringen)
        for naam in AFWEGINGEN:
            env[naam] = afwegingen[naam].waarde
        uit = self._vuur(sid, _BESLISSING, env)
        beslissingen: dict[str, BeslissingUitkomst] = {}
        for doel in (MELDEN, HULP):
            beslissingen[doel] = self._beslissing(doel, env, self._van(uit, doel), signaleringen)
        for doel, beslissing in beslissingen.items():
            env[doel] = beslissing.waarde
            if beslissing.waarde == "onbepaald":
                signaleringen.append(self._onbepaald(doel, beslissing.hangt_af_van))
        uit = self._vuur(sid, ACTIE, env)
        acties: list[Actie] = []
        codes: set[str] = set()
        for i in sorted(uit):
            regel = self.regels[i]
            if uit[i] is not JA:
                continue
            if regel.doel == ACTIE and regel.conclusie not in codes:
                codes.add(regel.conclusie)
                acties.append(
                    Actie(
                        code=regel.conclusie,
                        omschrijving=regel.label,
                        regel=regel.id,
                        bron=self._bronnen[i],
                    )
                )
        signaleringen.extend(
            Signalering(
                code=self.regels[i].conclusie,
                omschrijving=self.regels[i].label,
                regel=self.regels[i].id,
            )
            for i in sorted(uit)
            if self.regels[i].doel == SIGNALERING and uit[i] is JA
        )
        return {
            "melden": beslissingen[MELDEN].waarde,
            "hulp": beslissingen[HULP].waarde,
            "afwegingen": afwegingen,
            "beslissingen": beslissingen,
            "acties": tuple(acties),
            "signaleringen": tuple(signaleringen),
        }

    def evalueer(self, casus: Casus, peildatum: date, engine: str = "durable") -> Uitkomst:
        """Evaluate a validated casus on a peildatum; the rules fire in durable-rules.

        ``engine`` is accepted for the interface of the native engine; the outcome
        always says ``durable``.
        """
        del engine
        env = dict(afleiden(casus, peildatum))
        sid = f"e{next(_SESSIES)}"
        with SLOT, _stil():
            try:
                delen = self._evalueer_in(sid, casus, env)
            finally:
                self._gevuurd.pop(sid, None)
                _host().delete_state(self.naam, sid)
        return Uitkomst(
            casus_id=casus.id,
            peildatum=peildatum,
            kader=self.info,
            engine="durable",
            **delen,
        )

    def evalueer_json(self, casus: Casus, peildatum: date, engine: str = "durable") -> str:
        """The JSON text of :meth:`evalueer`."""
        return self.evalueer(casus, peildatum, engine).model_dump_json()


@contextlib.contextmanager
def _stil() -> Iterator[None]:
    """Silence durable-rules' own DeprecationWarning (``datetime.utcfromtimestamp`` on 3.12).

    Under ``-W error`` it would otherwise abort every evaluation from inside durable-rules.
    Only that module's DeprecationWarnings are ignored, and only while :data:`SLOT` is held.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"durable\.")
        yield


def _niets(_c: Any) -> None:  # noqa: ANN401 - a durable-rules closure
    return


_CACHE: dict[tuple[str, str, str, int], DurableVersie] = {}
_CACHE_LOCK: Final = threading.Lock()


def compileer_durable(effectief: ResolvedKader) -> DurableVersie:
    """The durable ruleset of a resolved version, built once per version and cached.

    Raises:
        EngineUnavailable: durable-rules is not installed or does not import here.
    """
    sleutel = (*effectief.sleutel, id(effectief.kader))
    with _CACHE_LOCK:
        bekend = _CACHE.get(sleutel)
        if bekend is not None and bekend.effectief.kader is effectief.kader:
            return bekend
        nieuw = DurableVersie(effectief)
        _CACHE[sleutel] = nieuw
        return nieuw
