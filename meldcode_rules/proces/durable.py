"""The same statechart as a durable-rules statechart (``Proces(engine="durable")``).

The transition table of :mod:`meldcode_rules.proces.statechart` (which event may follow in
which step, to which step, and why not) is translated once into one durable-rules
``statechart`` on the library's own host (see :mod:`meldcode_rules.engine.durable`). Its states
are the steps, plus ``begin`` (the start state) and ``nieuw`` (no event yet). Per event:

1. a fresh session is put into the stored step by a ``herstel`` event (``begin`` has one
   transition to every state): the store, not durable-rules' memory, is the truth, so a
   restarted process resumes exactly and the 1,024-session limit never applies;
2. the event is posted with the facts of the stored state its guards need (is the date
   before the previous one, is there a besluit, a gesprek held, a melding or hulp, hulp);
3. the transition that fires says *accepted, to step X* or *refused, with code C*; the
   session is deleted.

The bookkeeping of an accepted event (dates, counts, the closure verdict) is the shared
:func:`~meldcode_rules.proces.statechart.bijwerken`; only the decision comes from
durable-rules. Every state's transitions are mutually exclusive and exhaustive over valid
events (validation rules out any other), so every event is handled. There is no catch-all
transition: in a durable-rules statechart a transition matching "an event without
``soort``" loops forever once the state is re-entered (seen with 2.0.28). Should an event
nevertheless find no transition (durable-rules then keeps it unconsumed, or raises
``MessageNotHandledException``), no transition reported a verdict: that is a refusal with
code ``geen_overgang``, and the state is not changed. The tests in
``tests/proces/test_durable_proces.py`` prove both interpreters give the same states and
the same refusals, exhaustively over what the guards read.

durable-rules is the optional extra: constructing :class:`DurableChart` without it raises
:class:`~meldcode_rules.errors.EngineUnavailable` naming the extra.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from typing import TYPE_CHECKING, Any, Final

from meldcode_rules.engine.durable import SLOT, expressies, host, laad_durable, stil
from meldcode_rules.proces.model import Soort, Stap
from meldcode_rules.proces.statechart import DOELSTAP, VOLGORDE, fout, verder

if TYPE_CHECKING:
    from collections.abc import Callable

    from meldcode_rules.proces.model import Gebeurtenis, ProcesStaat

__all__ = ["DurableChart", "durable_chart"]

_NIEUW: Final = "nieuw"
_BEGIN: Final = "begin"
_OPEN: Final[tuple[Stap, ...]] = tuple(s for s in VOLGORDE if s is not Stap.AFGESLOTEN)
_SESSIES: Final = itertools.count()
_NAMEN: Final = itertools.count()

# For each kind of event with a guard: the fact it needs and the code when that fact is 0.
_WACHTERS: Final[dict[Soort, tuple[str, str]]] = {
    Soort.GESPREK_NIET_GEVOERD: ("nog_geen_gesprek", "gesprek_al_gevoerd"),
    Soort.MELDING_GEDAAN: ("besluit", "besluit_ontbreekt"),
    Soort.HULP_GESTART: ("besluit", "besluit_ontbreekt"),
    Soort.MONITORING: ("gevolgd", "niets_te_volgen"),
    Soort.EVALUATIE: ("hulp", "geen_hulp"),
}


class DurableChart:
    """The process statechart in durable-rules; :meth:`beslis` is its one question."""

    def __init__(self) -> None:
        """Translate the statechart once (on the library's own durable-rules host).

        Raises:
            EngineUnavailable: durable-rules is not installed or does not import here.
        """
        laad_durable()
        self._uitslag: dict[str, tuple[str, str]] = {}
        self.naam = f"meldcode_proces_{next(_NAMEN)}"
        with SLOT:
            host().register_rulesets({f"{self.naam}$state": self._definitie()})

    def _noteer(self, uitslag: str, doel: str) -> Callable[[Any], None]:
        verzameling = self._uitslag

        def actie(c: Any) -> None:  # noqa: ANN401 - a durable-rules closure
            verzameling[c.s.sid] = (uitslag, doel)

        return actie

    def _definitie(self) -> dict[str, dict[str, Any]]:
        m = expressies()
        chart: dict[str, dict[str, Any]] = {
            _BEGIN: {
                f"herstel_{doel}": {"all": [{"m": (m.herstel == doel).define()}], "to": doel}
                for doel in (_NIEUW, *(s.value for s in VOLGORDE))
            }
        }
        signaal = Soort.SIGNAAL_VASTGELEGD.value
        chart[_NIEUW] = {
            "signaal": {
                "all": [{"m": (m.soort == signaal).define()}],
                "to": Stap.STAP_1.value,
                "run": self._noteer("ok", Stap.STAP_1.value),
            },
            "geen_begin": {
                "all": [{"m": (m.soort != signaal).define()}],
                "to": _NIEUW,
                "run": self._noteer("geen_begin", _NIEUW),
            },
        }
        dicht = Stap.AFGESLOTEN.value
        chart[dicht] = {
            "terug": {
                "all": [{"m": (m.terug == 1).define()}],
                "to": dicht,
                "run": self._noteer("datum_terug", dicht),
            },
            "signaal": {
                "all": [{"m": ((m.terug == 0) & (m.soort == signaal)).define()}],
                "to": Stap.STAP_1.value,
                "run": self._noteer("ok", Stap.STAP_1.value),
            },
            "afgesloten": {
                "all": [{"m": ((m.terug == 0) & (m.soort != signaal)).define()}],
                "to": dicht,
                "run": self._noteer("afgesloten", dicht),
            },
        }
        for stap in _OPEN:
            hier = stap.value
            overgangen: dict[str, Any] = {
                "terug": {
                    "all": [{"m": (m.terug == 1).define()}],
                    "to": hier,
                    "run": self._noteer("datum_terug", hier),
                }
            }
            for soort in Soort:
                doel = verder(stap, DOELSTAP[soort]).value
                basis = (m.terug == 0) & (m.soort == soort.value)
                wachter = _WACHTERS.get(soort)
                if wachter is None:
                    toe = basis
                else:
                    feit, code = wachter
                    toe = basis & (getattr(m, feit) == 1)
                    weiger = (m.terug == 0) & (m.soort == soort.value) & (getattr(m, feit) == 0)
                    overgangen[f"{soort.value}_geweigerd"] = {
                        "all": [{"m": weiger.define()}],
                        "to": hier,
                        "run": self._noteer(code, hier),
                    }
                overgangen[soort.value] = {
                    "all": [{"m": toe.define()}],
                    "to": doel,
                    "run": self._noteer("ok", doel),
                }
            chart[hier] = overgangen
        return chart

    def beslis(self, staat: ProcesStaat | None, g: Gebeurtenis) -> tuple[str | None, Stap | None]:
        """Whether ``g`` may follow ``staat``: ``(None, step)`` or ``(code, None)``."""
        if staat is None:
            herstel = _NIEUW
            feiten = {"terug": 0, "besluit": 0, "nog_geen_gesprek": 1, "gevolgd": 0, "hulp": 0}
        else:
            herstel = staat.stap.value
            terug = staat.laatste_datum is not None and g.datum < staat.laatste_datum
            feiten = {
                "terug": int(terug),
                "besluit": int(staat.besluit is not None),
                "nog_geen_gesprek": int(staat.gesprek != "gevoerd"),
                "gevolgd": int(staat.melding is not None or staat.hulp is not None),
                "hulp": int(staat.hulp is not None),
            }
        sid = f"p{next(_SESSIES)}"
        durable_host = host()
        with SLOT, stil():
            try:
                with contextlib.suppress(laad_durable().MessageNotHandledException):
                    durable_host.post(self.naam, {"sid": sid, "id": "herstel", "herstel": herstel})
                    durable_host.post(
                        self.naam, {"sid": sid, "id": "e", "soort": g.soort.value, **feiten}
                    )
            finally:
                uitslag, doel = self._uitslag.pop(sid, ("geen_overgang", ""))
                durable_host.delete_state(self.naam, sid)
        if uitslag == "ok":
            return None, Stap(doel)
        return uitslag, None

    def toets(self, staat: ProcesStaat | None, g: Gebeurtenis) -> Stap:
        """The step ``g`` leads to.

        Raises:
            ProcesError: durable-rules refused the event.
        """
        code, stap = self.beslis(staat, g)
        if code is not None or stap is None:
            raise fout(code or "geen_overgang", g.soort)
        return stap


_CHART: list[DurableChart] = []
_CHART_LOCK: Final = threading.Lock()


def durable_chart() -> DurableChart:
    """The process statechart in durable-rules, built once per process.

    Raises:
        EngineUnavailable: durable-rules is not installed or does not import here.
    """
    with _CHART_LOCK:
        if not _CHART:
            _CHART.append(DurableChart())
        return _CHART[0]
