"""The native engine: compile a kader version once into closures, evaluate a casus purely.

Evaluation runs in four layers, each reading the named values of the layer before:

1. *feiten* are derived from the casus (:func:`meldcode_rules.feiten.afleiden`);
2. the kader's *beoordelingsregels* derive each afweging from the facts, and the
   derivation is merged with the professional's answer (the more protective value
   counts, every difference becomes a signalering);
3. the *beslisregels* give ``melden`` and ``hulp`` from the afwegingen; a decision
   that no rule settles is ``onbepaald``, with the afwegingen it hangs on;
4. *actie-* and *signaleringsregels* say what follows.

Semantics (the glue the kaders do not spell out, kept here in one place):

- A rule whose condition is ``ja`` concludes. A rule whose condition is
  ``onbekend`` counts only when every fact it reads was supplied: then its
  conclusion is *possible*, which matters only for the protective conclusion
  (``ja`` for vermoeden and the onveiligheid questions, ``nee`` for the hulp
  conditions). A rule over facts the casus does not supply stays silent.
- The derivation of an afweging is the protective merge of what its rules
  conclude; ``None`` when they are silent.
- A beslissing is the conclusion of its rules that hold; when none holds it is
  ``onbepaald`` (for ``melden`` and ``hulp`` alike). Two rules that conclude
  differently are a defect of the kader: the more protective wins and a
  signalering names both.

Speed (see ``benchmarks/``): a version is compiled once; each layer's result is a
pure function of the values of the facts its rules read (and, for an afweging, the
answer), so the trace entries, afwegingen, beslissingen and acties are memoised in
bounded tables and shared between outcomes as immutable parts, each keeping its JSON.
The output is byte-identical to building everything afresh
(``tests/betrouwbaarheid/test_golden.py``).
"""

from __future__ import annotations

import hashlib
import json
import operator
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, TypeVar, cast

from meldcode_rules.feiten import CATALOGUS, Feiten, afleiden
from meldcode_rules.logica import JA, NEE, ONBEKEND, Richting, Waarde, beschermend, niet
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
    from datetime import date

    from meldcode_rules.casus import Casus
    from meldcode_rules.registry import ResolvedKader

__all__ = ["RICHTING", "GecompileerdeVersie", "compileer", "vingerafdruk"]

RICHTING: Final[dict[str, Richting]] = {
    "vermoeden": Richting.JA_BESCHERMT,
    "acute_onveiligheid": Richting.JA_BESCHERMT,
    "structurele_onveiligheid": Richting.JA_BESCHERMT,
    "passende_hulp": Richting.NEE_BESCHERMT,
    "medewerking": Richting.NEE_BESCHERMT,
    "duurzame_veiligheid": Richting.NEE_BESCHERMT,
}
"""For each afweging, which answer is the protective one."""

BESCHERMING: Final[dict[str, tuple[str, ...]]] = {
    MELDEN: ("ja", "onbepaald", "nee"),
    HULP: ("met_veilig_thuis", "nee", "onbepaald", "ja", "niet_van_toepassing"),
}
"""For each beslissing, its values from most to least protective."""

Toets = Callable[[Feiten], Waarde]


def _compileer_voorwaarde(v: Voorwaarde) -> Toets:  # noqa: C901, PLR0911 - one branch per node type
    if isinstance(v, Altijd):
        return lambda _env: JA
    if isinstance(v, Feit):
        naam = v.naam

        def feit(env: Feiten) -> Waarde:
            w = env[naam]
            return ONBEKEND if w is None else cast("Waarde", w)

        return feit
    if isinstance(v, Is):
        naam_is, gezocht = v.naam, v.waarde

        def is_(env: Feiten) -> Waarde:
            w = env[naam_is]
            if w is None:
                return ONBEKEND
            return JA if w == gezocht else NEE

        return is_
    if isinstance(v, Minstens):
        naam_m, drempel = v.naam, v.aantal

        def minstens(env: Feiten) -> Waarde:
            w = env[naam_m]
            if w is None:
                return ONBEKEND
            return JA if cast("int", w) >= drempel else NEE

        return minstens
    if isinstance(v, En):
        delen_en = tuple(_compileer_voorwaarde(d) for d in v.onderdelen)

        def en_(env: Feiten) -> Waarde:
            uit = JA
            for deel in delen_en:
                r = deel(env)
                if r is NEE:
                    return NEE
                if r is ONBEKEND:
                    uit = ONBEKEND
            return uit

        return en_
    if isinstance(v, Of):
        delen_of = tuple(_compileer_voorwaarde(d) for d in v.onderdelen)

        def of_(env: Feiten) -> Waarde:
            uit = NEE
            for deel in delen_of:
                r = deel(env)
                if r is JA:
                    return JA
                if r is ONBEKEND:
                    uit = ONBEKEND
            return uit

        return of_
    if isinstance(v, Niet):
        binnen = _compileer_voorwaarde(v.deel)
        return lambda env: niet(binnen(env))
    msg = f"onbekend soort voorwaarde: {type(v).__name__}"
    raise TypeError(msg)


_K = TypeVar("_K")
_V = TypeVar("_V")

_MAX_GEHEUGEN: Final = 4096
"""Entries per memo table of small parts; a full table is emptied (memory stays flat)."""
_MAX_UITKOMSTEN: Final = 1024
"""Entries in the memo of whole outcomes (each may hold its JSON text)."""


def _onthoud(tabel: dict[_K, _V], sleutel: _K, waarde: _V, maximum: int | None = None) -> _V:
    """Store ``waarde`` under ``sleutel`` in a bounded memo table and return it.

    Thread-safe enough by construction: entries are immutable and equal for equal
    keys, so a race at worst computes one entry twice.
    """
    if len(tabel) >= (_MAX_GEHEUGEN if maximum is None else maximum):
        tabel.clear()
    tabel[sleutel] = waarde
    return waarde


@dataclass(frozen=True, slots=True)
class _Regel:
    regel: Regel
    toets: Toets
    feiten: tuple[str, ...]
    tekst: str
    bron: BronVerwijzing
    waarden: Callable[[Feiten], tuple[object, ...]]
    """The values of ``feiten`` in ``env``, as a tuple (the trace's memo key)."""
    sporen: dict[tuple[object, ...], RegelSpoor] = field(default_factory=dict)

    def spoor(self, resultaat: Waarde, env: Feiten, kader: str, versie: str) -> RegelSpoor:
        sleutel = (resultaat, self.waarden(env))
        bekend = self.sporen.get(sleutel)
        if bekend is not None:
            return bekend
        spoor = RegelSpoor(
            regel=self.regel.id,
            label=self.regel.label,
            conclusie=self.regel.conclusie,
            resultaat=resultaat,
            voorwaarde=self.tekst,
            gebruikt={n: env[n] for n in self.feiten},
            kader=kader,
            versie=versie,
            bron=self.bron,
        )
        return _onthoud(self.sporen, sleutel, spoor)


def _waarden(namen: tuple[str, ...]) -> Callable[[Feiten], tuple[object, ...]]:
    """A fast getter of the values of ``namen`` in an env, always as a tuple."""
    if not namen:
        return lambda _env: ()
    if len(namen) == 1:
        naam = namen[0]
        return lambda env: (env[naam],)
    return cast("Callable[[Feiten], tuple[object, ...]]", operator.itemgetter(*namen))


_ANTWOORDEN: Final = operator.attrgetter(*AFWEGINGEN)
"""The professional's six answers of a casus, in the order of :data:`AFWEGINGEN`."""

_AFGELEID: Final = frozenset({"afweging", "beslissing"})

_UITKOMST_VELDEN: Final = frozenset(Uitkomst.model_fields)


@dataclass(slots=True)
class _Deel:
    """A memoised part of an Uitkomst with the signaleringen it adds, and their JSON."""

    waarde: AfwegingUitkomst | BeslissingUitkomst | tuple[Actie, ...] | None
    signaleringen: tuple[Signalering, ...]
    json: str | None = None
    """The JSON of ``waarde`` (filled on first use)."""
    json_signaleringen: tuple[str, ...] | None = None

    def als_json(self) -> str:
        if self.json is None:
            w = self.waarde
            if isinstance(w, tuple):
                self.json = "[" + ",".join(a.model_dump_json() for a in w) + "]"
            else:
                self.json = "null" if w is None else w.model_dump_json()
        return self.json

    def signaleringen_json(self) -> tuple[str, ...]:
        if self.json_signaleringen is None:
            self.json_signaleringen = tuple(s.model_dump_json() for s in self.signaleringen)
        return self.json_signaleringen


@dataclass(slots=True)
class _Delen:
    """Everything of an Uitkomst but casus_id, peildatum and engine (shared, read-only)."""

    melden: str
    hulp: str
    afwegingen: dict[str, AfwegingUitkomst]
    beslissingen: dict[str, BeslissingUitkomst]
    acties: tuple[Actie, ...]
    signaleringen: tuple[Signalering, ...]
    onderdelen: tuple[_Deel, ...]
    """The six afwegingen, the two beslissingen, the onbepaald-signaleringen and the
    acties, in this order: the JSON is assembled from their memoised JSON."""
    staart: str | None = None
    """The JSON of these parts, from ``"melden"`` to the end (kept once reused)."""
    hergebruikt: bool = False
    """Whether the memo handed these parts out more than once."""

    def als_json(self) -> str:
        """The JSON from ``"melden"`` to the end, assembled from the parts' JSON."""
        if self.staart is not None:
            return self.staart
        d = self.onderdelen
        afwegingen = ",".join(
            f'"{naam}":{deel.als_json()}' for naam, deel in zip(AFWEGINGEN, d, strict=False)
        )
        signaleringen = ",".join(j for deel in d for j in deel.signaleringen_json())
        staart = (
            f'"melden":{json.dumps(self.melden)},"hulp":{json.dumps(self.hulp)},'
            f'"afwegingen":{{{afwegingen}}},'
            f'"beslissingen":{{"melden":{d[6].als_json()},"hulp":{d[7].als_json()}}},'
            f'"acties":{d[-1].als_json()},"signaleringen":[{signaleringen}]}}'
        )
        if self.hergebruikt:
            # Only parts that recur keep their text: memory stays small on unique cases.
            self.staart = staart
        return staart


def vingerafdruk(effectief: ResolvedKader) -> str:
    """A stable hash of a resolved kader version's rule tree (for auditors).

    It covers every rule's id, target, conclusion, condition, label (the text of an
    action or signalering) and source, so any change to what a rule decides or says
    changes the fingerprint.
    """
    h = hashlib.sha256()
    h.update(f"{effectief.kader.id}\n{effectief.versie.versie}\n".encode())
    if effectief.basis is not None:
        h.update(f"basis {effectief.basis.kader.id} {effectief.basis.versie.versie}\n".encode())
    for r in effectief.regels:
        b = r.bron
        regel = (
            f"{r.id}|{r.doel}|{r.conclusie}|{r.als}|{r.label}|{b.uitgever}|{b.titel}|"
            f"{b.versie}|{b.datum}|{b.adres}|{b.passage}\n"
        )
        h.update(regel.encode())
    return h.hexdigest()[:16]


class GecompileerdeVersie:
    """A resolved kader version compiled into closures; evaluation is a pure function."""

    def __init__(self, effectief: ResolvedKader) -> None:
        """Compile every rule of ``effectief`` once."""
        self.effectief = effectief
        self.kader_id = effectief.kader.id
        self.versie = effectief.versie.versie
        gecompileerd = []
        for r in effectief.regels:
            feiten = tuple(sorted(r.als.feiten()))
            gecompileerd.append(
                _Regel(
                    r,
                    _compileer_voorwaarde(r.als),
                    feiten,
                    str(r.als),
                    BronVerwijzing.van(r.bron),
                    _waarden(feiten),
                )
            )
        self.beoordeling: dict[str, tuple[_Regel, ...]] = {
            a: tuple(g for g in gecompileerd if g.regel.doel == a) for a in AFWEGINGEN
        }
        self.beslis: dict[str, tuple[_Regel, ...]] = {
            d: tuple(g for g in gecompileerd if g.regel.doel == d) for d in (MELDEN, HULP)
        }
        self.acties = tuple(g for g in gecompileerd if g.regel.doel == ACTIE)
        self.signaleringen = tuple(g for g in gecompileerd if g.regel.doel == SIGNALERING)
        self.vragen = {a: effectief.vraag(a) for a in AFWEGINGEN}
        self.info = KaderInfo(
            id=effectief.kader.id,
            naam=effectief.kader.naam,
            versie=effectief.versie.versie,
            geldig_van=effectief.versie.geldig_van,
            geldig_tot=effectief.versie.geldig_tot,
            vingerafdruk=vingerafdruk(effectief),
        )
        # Memo of whole outcomes. The parts of an Uitkomst are a pure function of the six
        # answers and the values of the input facts the rules read (feiten.py derives
        # every fact from the casus sections and the peildatum, never from id or answers).
        invoer = sorted(
            {f for g in gecompileerd for f in g.feiten if CATALOGUS[f].bron not in _AFGELEID}
        )
        self._invoerwaarden = _waarden(tuple(invoer))
        self._delen: dict[tuple[object, ...], _Delen] = {}
        self._memo: dict[tuple[object, ...], _Deel] = {}
        """Memo of the layers: afwegingen, beslissingen, acties and signaleringen."""
        self._leest = {
            doel: _waarden(tuple(sorted({f for g in regels for f in g.feiten})))
            for doel, regels in (
                *self.beoordeling.items(),
                *self.beslis.items(),
                (ACTIE, (*self.acties, *self.signaleringen)),
            )
        }
        self._leeg: tuple[Feiten, tuple[object, ...]] | None = None
        self._kader_json = self.info.model_dump_json()
        self._snel_bouwen: bool | None = None
        self._json_klopt: bool | None = None
        """Whether JSON assembled from memoised parts equals pydantic's (checked once)."""
        """Whether an Uitkomst may be assembled without re-validation (checked once)."""

    # -- layer 2: afwegingen -------------------------------------------------------------
    def _afweging(
        self, naam: str, antwoord: Waarde, env: Feiten, signaleringen: list[Signalering]
    ) -> AfwegingUitkomst:
        richting = RICHTING[naam]
        beschermt = JA if richting is Richting.JA_BESCHERMT else NEE
        afleiding: Waarde | None = None
        spoor: list[RegelSpoor] = []
        conclusies: set[str] = set()
        for g in self.beoordeling[naam]:
            r = g.toets(env)
            if r is JA:
                bijdrage = Waarde(g.regel.conclusie)
                conclusies.add(g.regel.conclusie)
            elif r is ONBEKEND and all(env[f] is not None for f in g.feiten):
                if g.regel.conclusie != beschermt:
                    continue
                bijdrage = ONBEKEND
            else:
                continue
            spoor.append(g.spoor(r, env, self.kader_id, self.versie))
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

    # -- layer 3: beslissingen -----------------------------------------------------------
    def _beslissing(
        self, doel: str, env: Feiten, signaleringen: list[Signalering]
    ) -> BeslissingUitkomst:
        gevonden: list[str] = []
        spoor: list[RegelSpoor] = []
        open_: set[str] = set()
        for g in self.beslis[doel]:
            r = g.toets(env)
            if r is NEE:
                continue
            spoor.append(g.spoor(r, env, self.kader_id, self.versie))
            if r is JA:
                if g.regel.conclusie not in gevonden:
                    gevonden.append(g.regel.conclusie)
            else:
                open_.update(f for f in g.feiten if env[f] is ONBEKEND or env[f] is None)
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
        spoor_ja = tuple(s for s in spoor if s.resultaat is JA)
        return BeslissingUitkomst(waarde=waarde, spoor=spoor_ja)

    # -- the whole evaluation ------------------------------------------------------------
    def _bereken(self, antwoorden: tuple[Waarde, ...], invoer: Feiten) -> _Delen:
        """Layers 2 to 4 on the derived facts: the parts of an Uitkomst.

        Each layer is memoised by the values of the facts its rules read (and, for an
        afweging, the professional's answer): the rule results, the trace and the
        signaleringen are a pure function of exactly these.
        """
        env = dict(invoer)
        onderdelen: list[_Deel] = []
        afwegingen: dict[str, AfwegingUitkomst] = {}
        sleutel: tuple[object, ...]
        for naam, antwoord in zip(AFWEGINGEN, antwoorden, strict=True):
            sleutel = (naam, antwoord, self._leest[naam](env))
            deel = self._memo.get(sleutel)
            if deel is None:
                eigen: list[Signalering] = []
                uitkomst = self._afweging(naam, antwoord, env, eigen)
                deel = _onthoud(self._memo, sleutel, _Deel(uitkomst, tuple(eigen)))
            onderdelen.append(deel)
            afwegingen[naam] = cast("AfwegingUitkomst", deel.waarde)
            env[naam] = afwegingen[naam].waarde
        beslissingen: dict[str, BeslissingUitkomst] = {}
        for doel in (MELDEN, HULP):
            sleutel = (doel, self._leest[doel](env))
            deel = self._memo.get(sleutel)
            if deel is None:
                eigen = []
                beslissing = self._beslissing(doel, env, eigen)
                deel = _onthoud(self._memo, sleutel, _Deel(beslissing, tuple(eigen)))
            onderdelen.append(deel)
            beslissingen[doel] = cast("BeslissingUitkomst", deel.waarde)
        for doel, beslissing in beslissingen.items():
            env[doel] = beslissing.waarde
            if beslissing.waarde == "onbepaald":
                onderdelen.append(self._onbepaald(doel, beslissing.hangt_af_van))
        sleutel = (ACTIE, self._leest[ACTIE](env))
        deel = self._memo.get(sleutel)
        if deel is None:
            deel = _onthoud(self._memo, sleutel, self._acties_en_signaleringen(env))
        onderdelen.append(deel)
        return _Delen(
            melden=beslissingen[MELDEN].waarde,
            hulp=beslissingen[HULP].waarde,
            afwegingen=afwegingen,
            beslissingen=beslissingen,
            acties=cast("tuple[Actie, ...]", deel.waarde),
            signaleringen=tuple(s for d in onderdelen for s in d.signaleringen),
            onderdelen=tuple(onderdelen),
        )

    def _onbepaald(self, doel: str, hangt_af_van: tuple[str, ...]) -> _Deel:
        sleutel = ("onbepaald", doel, hangt_af_van)
        bekend = self._memo.get(sleutel)
        if bekend is not None:
            return bekend
        vragen = "; ".join(f"{a}: {self.vragen[a]}" for a in hangt_af_van)
        signalering = Signalering(
            code="onbepaald",
            omschrijving=f"Beslissing {doel} is onbepaald: die hangt af van afwegingen "
            f"die onbekend zijn ({vragen or 'geen regel is van toepassing'}). "
            "Beantwoord ze; bij twijfel: raadpleeg Veilig Thuis.",
        )
        return _onthoud(self._memo, sleutel, _Deel(None, (signalering,)))

    def _acties_en_signaleringen(self, env: Feiten) -> _Deel:
        """Layer 4: the acties and the signaleringen of the kader's rules."""
        acties: list[Actie] = []
        codes: set[str] = set()
        for g in self.acties:
            if g.toets(env) is JA and g.regel.conclusie not in codes:
                codes.add(g.regel.conclusie)
                acties.append(
                    Actie(
                        code=g.regel.conclusie,
                        omschrijving=g.regel.label,
                        regel=g.regel.id,
                        bron=g.bron,
                    )
                )
        signaleringen = tuple(
            Signalering(code=g.regel.conclusie, omschrijving=g.regel.label, regel=g.regel.id)
            for g in self.signaleringen
            if g.toets(env) is JA
        )
        return _Deel(tuple(acties), signaleringen)

    def _feiten(self, casus: Casus, peildatum: date) -> tuple[Feiten, tuple[object, ...]]:
        """The derived facts and the memo key's fact values (shared for a casus without facts)."""
        if (
            casus.signalen is None
            and casus.betrokkenen is None
            and casus.stappen is None
            and casus.hulp is None
        ):
            if self._leeg is None:
                env = afleiden(casus, peildatum)
                self._leeg = (env, self._invoerwaarden(env))
            return self._leeg
        env = afleiden(casus, peildatum)
        return env, self._invoerwaarden(env)

    def _delen_van(self, casus: Casus, peildatum: date) -> _Delen:
        env, waarden = self._feiten(casus, peildatum)
        antwoorden = cast("tuple[Waarde, ...]", _ANTWOORDEN(casus.antwoorden))
        sleutel = (antwoorden, waarden)
        delen = self._delen.get(sleutel)
        if delen is not None:
            delen.hergebruikt = True
        else:
            delen = _onthoud(self._delen, sleutel, self._bereken(antwoorden, env), _MAX_UITKOMSTEN)
        return delen

    def _bouw(self, casus_id: str, peildatum: date, engine: str, delen: _Delen) -> Uitkomst:
        velden = {
            "casus_id": casus_id,
            "peildatum": peildatum,
            "kader": self.info,
            "engine": "durable" if engine == "durable" else "native",
            "melden": delen.melden,
            "hulp": delen.hulp,
            # Fresh top-level dicts: a caller who mutates one outcome touches no other.
            "afwegingen": dict(delen.afwegingen),
            "beslissingen": dict(delen.beslissingen),
            "acties": delen.acties,
            "signaleringen": delen.signaleringen,
        }
        if self._snel_bouwen is None:
            self._snel_bouwen = _snel_bouwen_klopt(velden)
        if not self._snel_bouwen:
            return Uitkomst(**velden)
        return _zonder_validatie(velden)

    def evalueer(self, casus: Casus, peildatum: date, engine: str = "native") -> Uitkomst:
        """Evaluate a validated casus on a peildatum.

        Outcomes with the same answers and the same values of the facts the rules read
        share their (immutable) parts; each call returns its own :class:`Uitkomst`.
        """
        return self._bouw(casus.id, peildatum, engine, self._delen_van(casus, peildatum))

    def evalueer_json(self, casus: Casus, peildatum: date, engine: str = "native") -> str:
        """Evaluate and return the JSON text, byte-identical to ``evalueer(...).model_dump_json()``.

        Every memoised part keeps its JSON, and the JSON of an outcome is assembled from
        them, so a stream costs little more than its validation and the facts.
        """
        delen = self._delen_van(casus, peildatum)
        motor = "durable" if engine == "durable" else "native"
        kop = self._kop(casus.id, peildatum, motor)
        if self._json_klopt is None:
            # Once per compiled version: the assembled JSON must be what pydantic writes.
            volledig = self._bouw(casus.id, peildatum, engine, delen).model_dump_json()
            self._json_klopt = kop + delen.als_json() == volledig
        if not self._json_klopt:
            return self._bouw(casus.id, peildatum, engine, delen).model_dump_json()
        return kop + delen.als_json()

    def _kop(self, casus_id: str, peildatum: date, motor: str) -> str:
        return (
            f'{{"casus_id":{json.dumps(casus_id, ensure_ascii=False)},'
            f'"peildatum":"{peildatum.isoformat()}","kader":{self._kader_json},'
            f'"engine":"{motor}",'
        )


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


_CACHE: dict[tuple[str, str, str, int], GecompileerdeVersie] = {}
_CACHE_LOCK: Final = threading.Lock()


def compileer(effectief: ResolvedKader) -> GecompileerdeVersie:
    """The compiled form of a resolved version, built once and cached."""
    sleutel = (*effectief.sleutel, id(effectief.kader))
    with _CACHE_LOCK:
        bekend = _CACHE.get(sleutel)
        if bekend is not None and bekend.effectief.kader is effectief.kader:
            return bekend
    nieuw = GecompileerdeVersie(effectief)
    with _CACHE_LOCK:
        _CACHE[sleutel] = nieuw
    return nieuw
