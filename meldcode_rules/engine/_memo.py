"""The native engine's speed layer: memoised parts of outcomes, and JSON assembled from them.

Nothing here decides anything: every part is made by :mod:`meldcode_rules.besluit`
from rule results of the compiled conditions. What this layer adds is reuse. Each
layer's result is a pure function of the values of the facts its rules read (and, for
an afweging, the answer), so the trace entries, afwegingen, beslissingen and acties are
memoised in bounded tables and shared between outcomes as immutable parts, each
keeping its JSON text. The output is byte-identical to the plain composition
(``tests/betrouwbaarheid/test_golden.py`` and ``test_determinisme.py``).
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TypeVar, cast

from meldcode_rules.afwegingen import AFWEGINGEN, BESLISSINGEN, HULP, MELDEN
from meldcode_rules.besluit import (
    GEVOLG_LAAG,
    Beslisvorm,
    Besluit,
    Besluitregel,
    afweging,
    beslissing,
    gevolgen,
    onbepaald,
    spoor,
)
from meldcode_rules.casus import Antwoorden, Casus
from meldcode_rules.feiten import Feiten, afleiden
from meldcode_rules.regels import ACTIE, SIGNALERING
from meldcode_rules.uitkomst import (
    Actie,
    AfwegingUitkomst,
    BeslissingUitkomst,
    RegelSpoor,
    Signalering,
    Uitkomst,
    context,
)

if TYPE_CHECKING:
    from datetime import date

    from meldcode_rules.logica import Waarde
    from meldcode_rules.uitkomst import Bronnen

__all__ = ["Snelweg"]

_K = TypeVar("_K")
_V = TypeVar("_V")

_MAX_GEHEUGEN: Final = 1024
"""Entries per memo table of small parts; a full table is emptied (memory stays flat).

Distinct dossiers keep finding new parts (their counts differ), so the tables fill over the
whole stream: at 4,096 entries a stream of distinct dossiers still grew by 40% in peak RSS
between 10,000 and 200,000 lines, at 2,048 by 25%, at 1,024 by 5%, for 3% more CPU
(measured 2026-12-02). A run that repeats more distinct signal-rich casussen than this
holds (the benchmark's engine rows repeat 10,000) loses about 12% against 4,096."""
_MAX_UITKOMSTEN: Final = 1024
"""Entries in the memo of whole outcomes (each may hold its JSON text)."""
_MAX_ANTWOORDOBJECTEN: Final = 8192
"""Entries in the table of answers objects (each a reference to a shared text): as many as
the validation's own table of answers seen (``snelle_validatie``), so a stream that cycles
through more distinct answer dicts than :data:`_MAX_UITKOMSTEN` does not empty it."""

_ANTWOORDEN: Final = operator.attrgetter(*AFWEGINGEN)
"""The professional's six answers of a casus, in the order of :data:`AFWEGINGEN`."""

_UITKOMST_VELDEN: Final = frozenset(Uitkomst.model_fields)
_GEWOON_ID: Final = re.compile(r"[A-Za-z0-9_.:-]*").fullmatch
"""An id that JSON writes as it is (what json.dumps would escape is none of these)."""
_VOLLEDIG: Final = context("volledig")


def _onthoud(tabel: dict[_K, _V], sleutel: _K, waarde: _V, maximum: int | None = None) -> _V:
    """Store ``waarde`` under ``sleutel`` in a bounded memo table and return it.

    Thread-safe enough by construction: entries are immutable and equal for equal
    keys, so a race at worst computes one entry twice.
    """
    if len(tabel) >= (_MAX_GEHEUGEN if maximum is None else maximum):
        tabel.clear()
    tabel[sleutel] = waarde
    return waarde


def _waarden(namen: tuple[str, ...]) -> Callable[[Feiten], tuple[object, ...]]:
    """A fast getter of the values of ``namen`` in an env, always as a tuple."""
    if not namen:
        return lambda _env: ()
    if len(namen) == 1:
        naam = namen[0]
        return lambda env: (env[naam],)
    return cast("Callable[[Feiten], tuple[object, ...]]", operator.itemgetter(*namen))


@dataclass(slots=True)
class _Deel:
    """A memoised part of an Uitkomst with the signaleringen it adds, and their JSON."""

    waarde: AfwegingUitkomst | BeslissingUitkomst | tuple[Actie, ...] | None
    signaleringen: tuple[Signalering, ...]
    json: str | None = None
    """The compact JSON of ``waarde`` (filled on first use)."""
    json_volledig: str | None = None
    """The full JSON of ``waarde`` (filled on first use)."""
    json_signaleringen: tuple[str, ...] | None = None

    def als_json(self, volledig: bool) -> str:  # noqa: FBT001 - hot path, positional
        if volledig:
            if self.json_volledig is None:
                self.json_volledig = self._dump(_VOLLEDIG)
            return self.json_volledig
        if self.json is None:
            self.json = self._dump(None)
        return self.json

    def _dump(self, context: dict[str, str] | None) -> str:
        w = self.waarde
        if isinstance(w, tuple):
            return "[" + ",".join(a.model_dump_json(context=context) for a in w) + "]"
        return "null" if w is None else w.model_dump_json(context=context)

    def signaleringen_json(self) -> tuple[str, ...]:
        if self.json_signaleringen is None:
            self.json_signaleringen = tuple(s.model_dump_json() for s in self.signaleringen)
        return self.json_signaleringen


@dataclass(slots=True)
class _Delen:
    """A memoised decision (shared, read-only) and the parts its JSON is assembled from."""

    besluit: Besluit
    onderdelen: tuple[_Deel, ...]
    """The six afwegingen, the two beslissingen, the onbepaald-signaleringen and the
    acties, in this order: the JSON is assembled from their memoised JSON."""
    staart: str | None = None
    """The compact JSON of these parts, from ``"melden"`` to the end (kept once reused)."""
    staart_volledig: str | None = None
    """The same in the full form."""
    hergebruikt: bool = False
    """Whether the memo handed these parts out more than once."""

    def als_json(self, volledig: bool) -> str:  # noqa: FBT001 - hot path, positional
        """The JSON from ``"melden"`` to the end, assembled from the parts' JSON."""
        bekend = self.staart_volledig if volledig else self.staart
        if bekend is not None:
            return bekend
        d = self.onderdelen
        afwegingen = ",".join(
            f'"{naam}":{deel.als_json(volledig)}' for naam, deel in zip(AFWEGINGEN, d, strict=False)
        )
        signaleringen = ",".join(j for deel in d for j in deel.signaleringen_json())
        staart = (
            f'"melden":{json.dumps(self.besluit.melden)},"hulp":{json.dumps(self.besluit.hulp)},'
            f'"afwegingen":{{{afwegingen}}},'
            f'"beslissingen":{{"melden":{d[6].als_json(volledig)},'
            f'"hulp":{d[7].als_json(volledig)}}},'
            f'"acties":{d[-1].als_json(volledig)},"signaleringen":[{signaleringen}]}}'
        )
        if self.hergebruikt:
            # Only parts that recur keep their text: memory stays small on unique cases.
            if volledig:
                self.staart_volledig = staart
            else:
                self.staart = staart
        return staart


@dataclass(frozen=True, slots=True)
class _Sporen:
    """Trace entries memoised per rule by (result, values of the facts it read)."""

    vorm: Beslisvorm
    waarden: tuple[Callable[[Feiten], tuple[object, ...]], ...]
    tabellen: tuple[dict[tuple[object, ...], RegelSpoor], ...]

    @classmethod
    def voor(cls, vorm: Beslisvorm) -> _Sporen:
        return cls(
            vorm,
            tuple(_waarden(r.feiten) for r in vorm.regels),
            tuple({} for _ in vorm.regels),
        )

    def __call__(self, regel: Besluitregel, resultaat: Waarde, env: Feiten) -> RegelSpoor:
        sleutel = (resultaat, self.waarden[regel.index](env))
        tabel = self.tabellen[regel.index]
        bekend = tabel.get(sleutel)
        if bekend is not None:
            return bekend
        return _onthoud(tabel, sleutel, spoor(self.vorm, regel, resultaat, env))


class Snelweg:
    """The memoised evaluation of one compiled version (see the module docstring)."""

    def __init__(self, vorm: Beslisvorm, toetsen: tuple[Callable[[Feiten], Waarde], ...]) -> None:
        """Prepare the memo tables for ``vorm`` with its compiled conditions ``toetsen``."""
        self.vorm = vorm
        self.toetsen = toetsen
        self.sporen = _Sporen.voor(vorm)
        self._invoerwaarden = _waarden(vorm.invoer)
        self._leest = {doel: _waarden(namen) for doel, namen in vorm.leest.items()}
        self._delen: dict[tuple[object, ...], _Delen] = {}
        self._memo: dict[str, dict[tuple[object, ...], _Deel]] = {
            laag: {} for laag in (*AFWEGINGEN, *BESLISSINGEN, GEVOLG_LAAG, "onbepaald")
        }
        """Memo of the layers (afwegingen, beslissingen, acties and signaleringen), a table
        per layer: one whose keys vary from casus to casus (the acties and signaleringen of
        signal-rich casussen) does not empty the others."""
        self._gevolgen: dict[tuple[Waarde, ...], _Deel] = {}
        """The acties and signaleringen by the results of their rules: the part is a function
        of those alone, so casussen whose facts differ share it (and its JSON)."""
        self._leeg: tuple[Feiten, tuple[object, ...]] | None = None
        self._kader_json = vorm.info.model_dump_json()
        self._snel_bouwen: bool | None = None
        """Whether an Uitkomst may be assembled without re-validation (checked once)."""
        self._per_onderdelen: dict[tuple[int, ...], _Delen] = {}
        """The outcomes by the identity of their parts (see :meth:`_delen_met`)."""
        self._per_antwoorden: dict[int, tuple[Antwoorden, tuple[date, Bronnen], bytes]] = {}
        """The JSON after the id of an answers-only casus, by its answers object (the
        validation hands out one object per distinct set of answers it has seen)."""
        self._per_waarden: dict[tuple[object, ...], bytes] = {}
        """The same JSON by the answers' values, peildatum and form: answers objects with
        the same values (given in another order, or some left out as ``onbekend``) share
        one text, so the table above holds references, not copies."""
        self._standaard: tuple[Feiten, tuple[object, ...]] | None = None
        """The facts of a casus with only an id and answers (and their memo key)."""
        self._na_id: dict[tuple[date, Bronnen], str] = {}
        """The JSON after the casus id, per peildatum and form."""
        self._json_klopt: dict[Bronnen, bool] = {}
        """Per form: whether JSON assembled from memoised parts equals pydantic's (checked once)."""

    def _uitslagen(self, doel: str, env: Feiten) -> list[Waarde]:
        return [self.toetsen[r.index](env) for r in self.vorm.per_doel[doel]]

    def _bereken(self, antwoorden: tuple[Waarde, ...], invoer: Feiten) -> _Delen:
        """Layers 2 to 4 on the derived facts, each layer memoised by what its rules read."""
        vorm = self.vorm
        memo = self._memo
        env = dict(invoer)
        onderdelen: list[_Deel] = []
        afwegingen: dict[str, AfwegingUitkomst] = {}
        sleutel: tuple[object, ...]
        for naam, antwoord in zip(AFWEGINGEN, antwoorden, strict=True):
            tabel = memo[naam]
            sleutel = (antwoord, self._leest[naam](env))
            deel = tabel.get(sleutel)
            if deel is None:
                a, sig = afweging(
                    vorm, naam, antwoord, self._uitslagen(naam, env), env, self.sporen
                )
                deel = _onthoud(tabel, sleutel, _Deel(a, sig))
            onderdelen.append(deel)
            afwegingen[naam] = cast("AfwegingUitkomst", deel.waarde)
            env[naam] = afwegingen[naam].waarde
        beslissingen: dict[str, BeslissingUitkomst] = {}
        for doel in BESLISSINGEN:
            tabel = memo[doel]
            sleutel = self._leest[doel](env)
            deel = tabel.get(sleutel)
            if deel is None:
                b, sig = beslissing(vorm, doel, self._uitslagen(doel, env), env, self.sporen)
                deel = _onthoud(tabel, sleutel, _Deel(b, sig))
            onderdelen.append(deel)
            beslissingen[doel] = cast("BeslissingUitkomst", deel.waarde)
        for doel, b in beslissingen.items():
            env[doel] = b.waarde
            if b.waarde == "onbepaald":
                onderdelen.append(self._onbepaald(doel, b.hangt_af_van))
        deel = self._gevolg(env)
        onderdelen.append(deel)
        besluit = Besluit(
            melden=beslissingen[MELDEN].waarde,
            hulp=beslissingen[HULP].waarde,
            afwegingen=afwegingen,
            beslissingen=beslissingen,
            acties=cast("tuple[Actie, ...]", deel.waarde),
            signaleringen=tuple(s for d in onderdelen for s in d.signaleringen),
        )
        return _Delen(besluit, tuple(onderdelen))

    def _gevolg(self, env: Feiten) -> _Deel:
        """Layer 4: by the values its rules read, else by the results of its rules."""
        tabel = self._memo[GEVOLG_LAAG]
        sleutel = self._leest[GEVOLG_LAAG](env)
        deel = tabel.get(sleutel)
        if deel is not None:
            return deel
        acties = self._uitslagen(ACTIE, env)
        signaleringen = self._uitslagen(SIGNALERING, env)
        uitslagen = (*acties, *signaleringen)
        deel = self._gevolgen.get(uitslagen)
        if deel is None:
            deel = _onthoud(
                self._gevolgen, uitslagen, _Deel(*gevolgen(self.vorm, acties, signaleringen))
            )
        return _onthoud(tabel, sleutel, deel)

    def _onbepaald(self, doel: str, hangt_af_van: tuple[str, ...]) -> _Deel:
        tabel = self._memo["onbepaald"]
        sleutel = (doel, hangt_af_van)
        bekend = tabel.get(sleutel)
        if bekend is not None:
            return bekend
        signalering = onbepaald(self.vorm, doel, hangt_af_van)
        return _onthoud(tabel, sleutel, _Deel(None, (signalering,)))

    def _feiten(self, casus: Casus, peildatum: date) -> tuple[Feiten, tuple[object, ...]]:
        """The derived facts and the memo key's fact values (shared for a casus without facts)."""
        if (
            casus.signalen is None
            and casus.betrokkenen is None
            and casus.stappen is None
            and casus.hulp is None
            and not casus.antwoorden.twijfel
        ):
            if self._leeg is None:
                env = afleiden(casus, peildatum)
                self._leeg = (env, self._invoerwaarden(env))
            return self._leeg
        env = afleiden(casus, peildatum)
        return env, self._invoerwaarden(env)

    def _delen_van(self, casus: Casus, peildatum: date) -> _Delen:
        env, waarden = self._feiten(casus, peildatum)
        return self._delen_met(_ANTWOORDEN(casus.antwoorden), env, waarden)

    def _delen_met(
        self, antwoorden: tuple[Waarde, ...], env: Feiten, waarden: tuple[object, ...]
    ) -> _Delen:
        sleutel = (antwoorden, waarden)
        delen = self._delen.get(sleutel)
        if delen is not None:
            delen.hergebruikt = True
            return delen
        delen = self._bereken(antwoorden, env)
        # Casussen with other facts often come to the same parts (the layers' memos hand
        # out the same objects): one _Delen per combination of parts, so its JSON is
        # assembled once. The parts are kept in the entry, so their ids stay theirs.
        delen_sleutel = tuple(map(id, delen.onderdelen))
        bekend = self._per_onderdelen.get(delen_sleutel)
        if bekend is not None and all(
            a is b for a, b in zip(bekend.onderdelen, delen.onderdelen, strict=True)
        ):
            bekend.hergebruikt = True
            delen = bekend
        else:
            _onthoud(self._per_onderdelen, delen_sleutel, delen, _MAX_UITKOMSTEN)
        return _onthoud(self._delen, sleutel, delen, _MAX_UITKOMSTEN)

    def _bouw(self, casus_id: str, peildatum: date, delen: _Delen) -> Uitkomst:
        velden = delen.besluit.uitkomst_velden(casus_id, peildatum, self.vorm.info, "native")
        if self._snel_bouwen is None:
            self._snel_bouwen = _snel_bouwen_klopt(velden)
        if not self._snel_bouwen:
            return Uitkomst(**velden)
        return _zonder_validatie(velden)

    def uitkomst(self, casus: Casus, peildatum: date) -> Uitkomst:
        """The outcome of a validated casus on a peildatum."""
        return self._bouw(casus.id, peildatum, self._delen_van(casus, peildatum))

    def json_antwoorden(
        self, casus_id: str, antwoorden: Antwoorden, peildatum: date, bronnen: Bronnen
    ) -> tuple[bytes, bytes] | None:
        """The UTF-8 JSON of an answers-only casus from its id and answers, in two parts.

        The parts joined are byte for byte :meth:`json` of ``Casus(id=casus_id,
        antwoorden=antwoorden)``, encoded: the head up to and with the id, and the rest,
        which is shared by every casus with the same answers object (so a stream can write
        it without copying). ``None`` until :meth:`json` has checked the assembled JSON
        against pydantic's for this form, for an id JSON would escape, or for answers with
        ``twijfel``.
        """
        if _GEWOON_ID(casus_id) is None:
            return None
        kop = b'{"casus_id":"' + casus_id.encode()
        bekend = self._per_antwoorden.get(id(antwoorden))
        if bekend is not None and bekend[0] is antwoorden and bekend[1] == (peildatum, bronnen):
            return kop, bekend[2]
        if not self._json_klopt.get(bronnen) or antwoorden.twijfel:
            # Doubt is a fact of its own (the facts below are those of no doubt).
            return None
        leeg = self._standaard
        if leeg is None:
            # The facts of a casus with only an id and answers: the model's defaults.
            env = afleiden(Casus.model_validate({"id": "x"}), peildatum)
            leeg = self._standaard = (env, self._invoerwaarden(env))
        waarden = _ANTWOORDEN(antwoorden)
        sleutel = (waarden, peildatum, bronnen)
        rest = self._per_waarden.get(sleutel)
        if rest is None:
            delen = self._delen_met(waarden, leeg[0], leeg[1])
            na_id = self._kop("", peildatum, bronnen)[len('{"casus_id":""') - 1 :]
            rest = (na_id + delen.als_json(bronnen == "volledig")).encode()
            # At most one entry per combination of answers (729 with three values each).
            _onthoud(self._per_waarden, sleutel, rest, _MAX_UITKOMSTEN)
        if len(self._per_antwoorden) >= _MAX_ANTWOORDOBJECTEN:
            self._per_antwoorden.clear()
        self._per_antwoorden[id(antwoorden)] = (antwoorden, (peildatum, bronnen), rest)
        return kop, rest

    def json(self, casus: Casus, peildatum: date, bronnen: Bronnen = "verwijzing") -> str:
        """The outcome's JSON, byte-identical to ``uitkomst(...).als_json(bronnen)``."""
        delen = self._delen_van(casus, peildatum)
        volledig = bronnen == "volledig"
        kop = self._kop(casus.id, peildatum, bronnen)
        klopt = self._json_klopt.get(bronnen)
        if klopt is None:
            # Once per compiled version and form: the assembled JSON must be pydantic's.
            pydantic = self._bouw(casus.id, peildatum, delen).als_json(bronnen)
            klopt = self._json_klopt[bronnen] = kop + delen.als_json(volledig) == pydantic
        if not klopt:
            return self._bouw(casus.id, peildatum, delen).als_json(bronnen)
        return kop + delen.als_json(volledig)

    def _kop(self, casus_id: str, peildatum: date, bronnen: Bronnen) -> str:
        na_id = self._na_id.get((peildatum, bronnen))
        if na_id is None:
            if len(self._na_id) >= _MAX_GEHEUGEN:
                self._na_id.clear()
            na_id = self._na_id[peildatum, bronnen] = (
                f',"peildatum":"{peildatum.isoformat()}","kader":{self._kader_json},'
                f'"engine":"native","bronnen":"{bronnen}",'
            )
        if _GEWOON_ID(casus_id) is None:
            return f'{{"casus_id":{json.dumps(casus_id, ensure_ascii=False)}' + na_id
        return '{"casus_id":"' + casus_id + '"' + na_id


def _zonder_validatie(velden: dict[str, object]) -> Uitkomst:
    """Assemble an Uitkomst from parts that are already valid, as ``model_construct`` does.

    Four times faster than ``model_construct`` on this model; whether it gives the same
    JSON as validation is checked once per compiled version (:func:`_snel_bouwen_klopt`).
    """
    uitkomst = Uitkomst.__new__(Uitkomst)
    object.__setattr__(uitkomst, "__dict__", velden)
    object.__setattr__(uitkomst, "__pydantic_fields_set__", set(_UITKOMST_VELDEN))
    object.__setattr__(uitkomst, "__pydantic_extra__", None)
    object.__setattr__(uitkomst, "__pydantic_private__", None)
    return uitkomst


def _snel_bouwen_klopt(velden: dict[str, object]) -> bool:
    """Whether the fast assembly gives exactly what validation gives (guards a pydantic change)."""
    try:
        snel = _zonder_validatie(dict(velden))
        return (
            snel == Uitkomst(**velden)
            and snel.model_dump_json() == Uitkomst(**velden).model_dump_json()
        )
    except Exception:  # noqa: BLE001 - any doubt means: validate every time
        return False
