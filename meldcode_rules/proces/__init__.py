"""The meldcode as a process: per casus, the five steps over days or weeks.

A case-management system feeds events as they happen (:class:`Gebeurtenis`: signaal
vastgelegd, collega geraadpleegd, gesprek gevoerd or niet gevoerd with the reason,
afweging vastgelegd, besluit genomen, melding gedaan, hulp gestart, monitoring,
evaluatie, afgesloten, each with a date). The process answers, per casus: the current
step, what each step still lacks, which termijnen (set by the organisation) are
overdue, and whether a closed ronde was closed correctly::

    >>> from datetime import date
    >>> from meldcode_rules.proces import Proces
    >>> p = Proces()
    >>> _ = p.verwerk({"casus_id": "c1", "soort": "signaal_vastgelegd", "datum": "2024-03-01"})
    >>> _ = p.verwerk({"casus_id": "c1", "soort": "besluit_genomen", "datum": "2024-03-04",
    ...                "melden": "ja"})
    >>> [g.code for g in p.overzicht("c1", date(2024, 3, 5)).ontbreekt]
    ['overleg_ontbreekt', 'gesprek_ontbreekt', 'afweging_ontbreekt', 'melding_ontbreekt']

An event that cannot follow (out of order, impossible) raises :class:`ProcesError` and
changes nothing. States go through a store (:class:`GeheugenOpslag`,
:class:`SqliteOpslag`, or your own :class:`Opslag`), so a restarted process resumes
every casus exactly where it was.

The process logic is one statechart with two interpreters, as the evaluation has two
engines. ``Proces()`` (``engine="native"``) runs
:mod:`meldcode_rules.proces.statechart`, a pure function of the stored state and the
event; it needs nothing beyond the core install and runs wherever the library runs (also
on Python 3.13). ``Proces(engine="durable")`` lets a durable-rules statechart
(:mod:`meldcode_rules.proces.durable`) decide every transition; it needs the extra
``meldcode-rules[durable]`` (Python 3.11 and 3.12). Both give the same states and the
same refusals (proved by ``tests/proces/test_durable_proces.py``); the bookkeeping and
the store are shared, so a store written by one can be continued by the other.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from meldcode_rules.errors import EngineUnavailable, InputError
from meldcode_rules.proces.model import (
    Afsluiting,
    Gebeurtenis,
    Gebrek,
    Overschrijding,
    Overzicht,
    ProcesStaat,
    Soort,
    Stap,
    Termijnen,
)
from meldcode_rules.proces.opslag import GeheugenOpslag, Opslag, SqliteOpslag
from meldcode_rules.proces.statechart import (
    ProcesError,
    bijwerken,
    gebreken,
    overschrijdingen,
    toepassen,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from meldcode_rules.proces.durable import DurableChart
    from meldcode_rules.uitkomst import Engine
from meldcode_rules.uitkomst import ENGINES

__all__ = [
    "Afsluiting",
    "Gebeurtenis",
    "Gebrek",
    "GeheugenOpslag",
    "Opslag",
    "Overschrijding",
    "Overzicht",
    "Proces",
    "ProcesError",
    "ProcesStaat",
    "Soort",
    "SqliteOpslag",
    "Stap",
    "Termijnen",
    "validate_gebeurtenis",
]


def validate_gebeurtenis(gegevens: Gebeurtenis | Mapping[str, Any] | str | bytes) -> Gebeurtenis:
    """Validate an event given as a model, a mapping or JSON text.

    Raises:
        InputError: naming every invalid field, never its value.
    """
    if isinstance(gegevens, Gebeurtenis):
        return gegevens
    try:
        if isinstance(gegevens, str | bytes):
            return Gebeurtenis.model_validate_json(gegevens)
        return Gebeurtenis.model_validate(gegevens)
    except ValidationError as fout:
        invoerfout = InputError.uit_validatie(fout, model=Gebeurtenis)
    raise invoerfout


class Proces:
    """The process of every casus in one store.

    Thread-safe: events are applied one at a time per ``Proces`` object, and the store's
    compare-and-set catches a second process writing the same casus.
    """

    def __init__(
        self,
        opslag: Opslag | None = None,
        termijnen: Termijnen | None = None,
        *,
        engine: Engine = "native",
    ) -> None:
        """A process on ``opslag`` (default: a fresh in-memory store).

        Args:
            opslag: where the states live.
            termijnen: the organisation's termijnen (default: none, so nothing is overdue).
            engine: ``"native"`` (default) or ``"durable"`` (a durable-rules statechart
                decides each transition; needs ``meldcode-rules[durable]``).

        Raises:
            EngineUnavailable: an unknown ``engine``, or ``engine="durable"`` without
                durable-rules (as :func:`meldcode_rules.evaluate`).
        """
        if engine not in ENGINES:
            raise EngineUnavailable.onbekend(ENGINES)
        self.engine = engine
        self._chart: DurableChart | None = None
        if engine == "durable":
            from meldcode_rules.proces.durable import durable_chart  # noqa: PLC0415

            self._chart = durable_chart()
        self.opslag: Opslag = opslag if opslag is not None else GeheugenOpslag()
        self.termijnen = termijnen or Termijnen()
        self._slot = threading.Lock()

    def verwerk(self, gebeurtenis: Gebeurtenis | Mapping[str, Any] | str | bytes) -> ProcesStaat:
        """Apply one event to its casus and store the new state.

        Returns:
            The new state of the casus.

        Raises:
            InputError: the event is invalid (names fields, never values).
            ProcesError: the event cannot follow the casus' state; nothing changed.
        """
        g = validate_gebeurtenis(gebeurtenis)
        with self._slot:
            oud = self.opslag.laad(g.casus_id)
            if self._chart is None:
                nieuw = toepassen(oud, g, self.termijnen)
            else:
                nieuw = bijwerken(oud, g, self._chart.toets(oud, g), self.termijnen)
            self.opslag.bewaar(nieuw, oud.versie if oud is not None else 0)
        return nieuw

    def staat(self, casus_id: str) -> ProcesStaat | None:
        """The stored state of a casus (``None``: no event seen yet)."""
        return self.opslag.laad(casus_id)

    def overzicht(self, casus_id: str, peildatum: date | None = None) -> Overzicht:
        """Where a casus stands on ``peildatum`` (default today).

        Raises:
            ProcesError: the store has no state for this casus.
        """
        staat = self.opslag.laad(casus_id)
        if staat is None:
            code, msg = "onbekende_casus", "van deze casus is geen gebeurtenis bekend"
            raise ProcesError(code, msg)
        dag = peildatum or date.today()
        return Overzicht(
            casus_id=staat.casus_id,
            peildatum=dag,
            ronde=staat.ronde,
            stap=staat.stap,
            ontbreekt=() if staat.afgesloten else tuple(gebreken(staat)),
            te_laat=tuple(overschrijdingen(staat, dag, self.termijnen)),
            afsluiting=staat.afsluitingen[-1] if staat.afgesloten else None,
            staat=staat,
        )

    def casussen(self) -> list[str]:
        """The ids of every casus in the store."""
        return self.opslag.casus_ids()
