"""A kader version as z3 terms: the decision semantics of :mod:`meldcode_rules.besluit`.

Every input of a casus becomes a solver variable: the six answers (three-valued), every count
of the casus (an integer, supplied per source or not at all) and every three-valued fact
(supplied or not, ``ja``/``nee``/``onbekend``), tied together by the facts' own constraints
(:data:`meldcode_rules.feiten.BEPERKINGEN`), so that a model of the solver is a *real* casus.
On these the layers of :mod:`meldcode_rules.besluit` are built as terms, exactly as the
decision core computes them:

- a three-valued value is a pair of booleans (``ja``, ``nee``; neither is ``onbekend``), and
  ``en``/``of``/``niet`` are Kleene's; a fact that is not supplied reads as ``onbekend``;
- an afweging: each rule whose condition is ``ja`` contributes its conclusion; a rule whose
  condition is ``onbekend`` contributes ``onbekend`` only when every fact it reads is
  supplied and its conclusion is the protective one (the "silent rule" rule); the
  derivation is the protective merge of the contributions, and the value that counts is the
  protective merge of the derivation and the answer (the answer alone when no rule speaks);
- a beslissing is the most protective conclusion of its rules that hold, ``onbepaald`` when
  none holds; an actie fires when its rule's condition is ``ja``.

:mod:`meldcode_rules.analysis.bewijs` asks the solver for a casus that breaks an invariant;
``unsat`` is the proof for all inputs at once.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final, NamedTuple

import z3

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, BESLISSING, BESLISSINGEN
from meldcode_rules.besluit import LAGEN
from meldcode_rules.casus import Casus
from meldcode_rules.feiten import BEPERKINGEN, CATALOGUS, Deel, Feiten, Samen, Vereist, afleiden
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde
from meldcode_rules.regels import Altijd, En, Feit, Is, Minstens, Niet, Of, Voorwaarde

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from meldcode_rules.besluit import Beslisvorm

__all__ = [
    "AANTALLEN",
    "BRONNEN",
    "DRIEWAARDIG",
    "FEITEN",
    "Drie",
    "Evaluatie",
    "Invoer",
    "en",
    "of",
]

BRONNEN: Final = ("signalen", "betrokkenen", "stappen", "hulp", "antwoorden")
"""The parts of a casus that facts come from (afwegingen and beslissingen excluded)."""
FEITEN: Final = tuple(n for n, i in CATALOGUS.items() if i.bron in BRONNEN)
"""Every casus fact, in catalogue order."""
AANTALLEN: Final = tuple(n for n in FEITEN if CATALOGUS[n].soort == "getal")
"""The counts: supplied together per source."""
DRIEWAARDIG: Final = tuple(n for n in FEITEN if CATALOGUS[n].soort == "waarde")
"""The three-valued facts: each supplied or not."""
_TELBRONNEN: Final = tuple(sorted({CATALOGUS[n].bron for n in AANTALLEN}))
_ONVEILIGHEID: Final = ("acute_onveiligheid", "structurele_onveiligheid")
_ALTIJD: Final[dict[str, Waarde]] = {
    n: w
    for n, w in afleiden(Casus(id="analyse"), date.min).items()
    if n in DRIEWAARDIG and isinstance(w, Waarde)
}
"""The three-valued facts an empty casus already has, with their value."""

WAAR: Final = z3.BoolVal(val=True)
ONWAAR: Final = z3.BoolVal(val=False)


def of(termen: Iterable[z3.BoolRef]) -> z3.BoolRef:
    """Disjunction of boolean terms (``False`` for none)."""
    lijst = list(termen)
    if not lijst:
        return ONWAAR
    return lijst[0] if len(lijst) == 1 else z3.Or(lijst)


def en(termen: Iterable[z3.BoolRef]) -> z3.BoolRef:
    """Conjunction of boolean terms (``True`` for none)."""
    lijst = list(termen)
    if not lijst:
        return WAAR
    return lijst[0] if len(lijst) == 1 else z3.And(lijst)


class Drie(NamedTuple):
    """A three-valued term: ``ja`` and ``nee`` never both; neither is ``onbekend``."""

    ja: z3.BoolRef
    nee: z3.BoolRef

    @property
    def onbekend(self) -> z3.BoolRef:
        """Neither ``ja`` nor ``nee``."""
        return z3.And(z3.Not(self.ja), z3.Not(self.nee))

    def is_(self, waarde: str) -> z3.BoolRef:
        """Whether the value is exactly ``waarde`` (a two-valued term)."""
        if waarde == JA:
            return self.ja
        if waarde == NEE:
            return self.nee
        if waarde == ONBEKEND:
            return self.onbekend
        return ONWAAR

    def waarde(self, model: z3.ModelRef) -> Waarde:
        """The value in a model."""
        if z3.is_true(model.eval(self.ja, model_completion=True)):
            return JA
        if z3.is_true(model.eval(self.nee, model_completion=True)):
            return NEE
        return ONBEKEND


def _drie(naam: str) -> Drie:
    return Drie(z3.Bool(f"{naam}=ja"), z3.Bool(f"{naam}=nee"))


class Invoer:
    """The inputs of one casus as solver variables, with the constraints every casus meets."""

    def __init__(self, naam: str) -> None:
        """Create the variables; ``naam`` keeps two copies apart (``x``, ``y``)."""
        self.naam = naam
        self.antwoord: dict[str, Drie] = {a: _drie(f"{naam}.antwoord.{a}") for a in AFWEGINGEN}
        self.bron: dict[str, z3.BoolRef] = {b: z3.Bool(f"{naam}.{b}") for b in _TELBRONNEN}
        """Per source of counts: whether it is supplied."""
        self.getal: dict[str, z3.ArithRef] = {n: z3.Int(f"{naam}.{n}") for n in AANTALLEN}
        self.drie: dict[str, Drie] = {n: _drie(f"{naam}.{n}") for n in DRIEWAARDIG}
        self.gegeven: dict[str, z3.BoolRef] = {
            n: z3.Bool(f"{naam}.{n}.aangeleverd") for n in DRIEWAARDIG
        }
        """Per three-valued fact: whether it is supplied."""

    def aanwezig(self, feit: str) -> z3.BoolRef:
        """Whether a casus fact is supplied (not ``None``)."""
        if feit in self.getal:
            return self.bron[CATALOGUS[feit].bron]
        return self.gegeven[feit]

    def bekend(self, feit: str) -> z3.BoolRef:
        """Whether a casus fact is supplied and not ``onbekend``."""
        if feit in self.getal:
            return self.aanwezig(feit)
        d = self.drie[feit]
        return z3.Or(d.ja, d.nee)

    def beperkingen(self) -> list[tuple[str, z3.BoolRef]]:
        """Every constraint on the variables, each with a Dutch description.

        The well-formedness of the encoding first (a value is never both ``ja`` and ``nee``;
        a fact that is not supplied has no value; a count is at least 0, and 0 when its
        source is not supplied), then :data:`meldcode_rules.feiten.BEPERKINGEN`.
        """
        uit: list[tuple[str, z3.BoolRef]] = []
        for a, d in self.antwoord.items():
            uit.append((f"antwoord {a}", z3.Not(z3.And(d.ja, d.nee))))
        for n, d in self.drie.items():
            uit.append((n, z3.Not(z3.And(d.ja, d.nee))))
            uit.append((n, z3.Implies(z3.Not(self.gegeven[n]), d.onbekend)))
        for n, x in self.getal.items():
            uit.append((n, x >= 0))
            uit.append((n, z3.Implies(z3.Not(self.aanwezig(n)), x == 0)))
        # Twijfel is about an afweging the professional leaves open: its answer is onbekend
        # (the casus is refused otherwise, error code twijfel_met_antwoord).
        open_onveilig = of(self.antwoord[a].onbekend for a in _ONVEILIGHEID)
        uit.append(
            (
                "twijfel over onveiligheid laat die afweging open",
                z3.Implies(self.drie["twijfel_onveiligheid"].ja, open_onveilig),
            )
        )
        open_ander = of(d.onbekend for a, d in self.antwoord.items() if a not in _ONVEILIGHEID)
        alleen_ander = z3.And(self.drie["twijfel"].ja, z3.Not(self.drie["twijfel_onveiligheid"].ja))
        uit.append(("twijfel laat een afweging open", z3.Implies(alleen_ander, open_ander)))
        omgeving = Omgeving(self)
        for b in BEPERKINGEN:
            if isinstance(b, Deel):
                alle = (*b.delen, b.geheel)
                som = z3.Sum([self.getal[d] for d in b.delen])
                rel = som == self.getal[b.geheel] if b.gelijk else som <= self.getal[b.geheel]
                uit.append((b.omschrijving, z3.Implies(en(self.aanwezig(f) for f in alle), rel)))
            elif isinstance(b, Vereist):
                als, dan = toets(b.als, omgeving), toets(b.dan, omgeving)
                uit.append((b.omschrijving, z3.Implies(als.ja, dan.ja)))
            elif isinstance(b, Samen):
                uit.append((b.omschrijving, of(self._rij(b.feiten, rij) for rij in b.rijen)))
        return uit

    def _rij(self, feiten: Sequence[str], rij: Sequence[Waarde | None]) -> z3.BoolRef:
        delen = []
        for feit, waarde in zip(feiten, rij, strict=True):
            if waarde is None:
                delen.append(z3.Not(self.gegeven[feit]))
            else:
                delen.append(z3.And(self.gegeven[feit], self.drie[feit].is_(waarde)))
        return en(delen)

    def kosten(self) -> tuple[z3.ArithRef, z3.ArithRef, z3.ArithRef, z3.ArithRef]:
        """How much a casus says: what it gives, how much of it is facts, how many signalen.

        The four terms: answers known plus parts supplied; the parts supplied alone (an
        answer reads more plainly than a fact); the sum of the counts; which counts are used
        (the first of the catalogue preferred, lichamelijk geweld over mensenhandel). The
        solver minimises these in this order, so a counterexample is the smallest casus:
        fewest given answers and facts, then the fewest facts, then the fewest signalen, then
        the plainest ones.
        """
        antwoorden = [z3.Or(d.ja, d.nee) for d in self.antwoord.values()]
        feiten = [*self.bron.values(), *self.gegeven.values()]
        # A fact every casus has (no twijfel, no hulp running) says something only when it
        # differs from an empty casus.
        feiten += [z3.Not(self.drie[n].is_(w)) for n, w in _ALTIJD.items()]
        feiten += [x > 0 for x in self.getal.values()]
        return (
            z3.Sum([z3.If(t, 1, 0) for t in (*antwoorden, *feiten)]),
            z3.Sum([z3.If(t, 1, 0) for t in feiten]),
            z3.Sum(list(self.getal.values())),
            z3.Sum([z3.If(x > 0, i, 0) for i, x in enumerate(self.getal.values())]),
        )

    def lees(self, model: z3.ModelRef) -> tuple[dict[str, Waarde], Feiten]:
        """The answers and the facts (as :func:`~meldcode_rules.feiten.afleiden` gives them)."""
        antwoorden = {a: d.waarde(model) for a, d in self.antwoord.items()}
        feiten: Feiten = {}
        for n in FEITEN:
            if not z3.is_true(model.eval(self.aanwezig(n), model_completion=True)):
                feiten[n] = None
            elif n in self.getal:
                feiten[n] = model.eval(self.getal[n], model_completion=True).as_long()
            else:
                feiten[n] = self.drie[n].waarde(model)
        for n, info in CATALOGUS.items():
            if info.bron not in BRONNEN:
                feiten.setdefault(n, None)
        return antwoorden, feiten


class Omgeving:
    """What a condition may read: the casus facts, then the afwegingen, then the beslissingen."""

    def __init__(self, invoer: Invoer) -> None:
        """Only the casus facts; the layers add the rest."""
        self.invoer = invoer
        self.waarden: dict[str, Drie] = {}
        self.keuzes: dict[str, dict[str, z3.BoolRef]] = {}


def toets(v: Voorwaarde, omg: Omgeving) -> Drie:  # noqa: PLR0911 - one branch per node type
    """A condition as a three-valued term (Kleene; a fact not supplied reads as ``onbekend``)."""
    if isinstance(v, Altijd):
        return Drie(WAAR, ONWAAR)
    if isinstance(v, Feit):
        if v.naam in AFWEGING:
            return omg.waarden[v.naam]
        return omg.invoer.drie[v.naam]
    if isinstance(v, Is):
        if v.naam in BESLISSING:
            gelijk = omg.keuzes[v.naam].get(v.waarde, ONWAAR)
            return Drie(gelijk, z3.Not(gelijk))
        if v.naam in AFWEGING:
            gelijk = omg.waarden[v.naam].is_(v.waarde)
            return Drie(gelijk, z3.Not(gelijk))
        aanwezig = omg.invoer.aanwezig(v.naam)
        gelijk = omg.invoer.drie[v.naam].is_(v.waarde)
        return Drie(z3.And(aanwezig, gelijk), z3.And(aanwezig, z3.Not(gelijk)))
    if isinstance(v, Minstens):
        aanwezig = omg.invoer.aanwezig(v.naam)
        x = omg.invoer.getal[v.naam]
        return Drie(z3.And(aanwezig, x >= v.aantal), z3.And(aanwezig, x < v.aantal))
    if isinstance(v, En):
        delen = [toets(d, omg) for d in v.onderdelen]
        return Drie(en(d.ja for d in delen), of(d.nee for d in delen))
    if isinstance(v, Of):
        delen = [toets(d, omg) for d in v.onderdelen]
        return Drie(of(d.ja for d in delen), en(d.nee for d in delen))
    if isinstance(v, Niet):
        binnen = toets(v.deel, omg)
        return Drie(binnen.nee, binnen.ja)
    msg = f"onbekend soort voorwaarde: {type(v).__name__}"
    raise TypeError(msg)


class Evaluatie:
    """One resolved version evaluated symbolically on one :class:`Invoer`: every layer as terms."""

    def __init__(self, vorm: Beslisvorm, invoer: Invoer) -> None:
        """Build the terms of every rule, afweging, beslissing and actie."""
        self.vorm = vorm
        self.invoer = invoer
        omg = Omgeving(invoer)
        afweginglaag, beslislaag, gevolglaag = LAGEN
        self.resultaat: dict[int, Drie] = {}
        for regel in vorm.per_laag[afweginglaag]:
            self.resultaat[regel.index] = toets(regel.regel.als, omg)
        self.waarde: dict[str, Drie] = {a: self._afweging(a) for a in AFWEGINGEN}
        omg.waarden = self.waarde
        for regel in vorm.per_laag[beslislaag]:
            self.resultaat[regel.index] = toets(regel.regel.als, omg)
        self.keuze: dict[str, dict[str, z3.BoolRef]] = {
            d: self._beslissing(d) for d in BESLISSINGEN
        }
        omg.keuzes = self.keuze
        for regel in vorm.per_laag[gevolglaag]:
            self.resultaat[regel.index] = toets(regel.regel.als, omg)

    def _afweging(self, naam: str) -> Drie:
        info = AFWEGING[naam]
        beschermt = info.beschermend
        hard: list[z3.BoolRef] = []
        open_: list[z3.BoolRef] = []
        mild: list[z3.BoolRef] = []
        for regel in self.vorm.per_doel[naam]:
            r = self.resultaat[regel.index]
            if Waarde(regel.regel.conclusie) is beschermt:
                hard.append(r.ja)
                aangeleverd = en(self.invoer.aanwezig(f) for f in regel.feiten)
                open_.append(z3.And(r.onbekend, aangeleverd))
            else:
                mild.append(r.ja)
        afleiding_hard = of(hard)
        afleiding_mild = z3.And(z3.Not(afleiding_hard), z3.Not(of(open_)), of(mild))
        stil = z3.Not(of((*hard, *open_, *mild)))
        antwoord = self.invoer.antwoord[naam]
        a_hard, a_mild = (
            (antwoord.ja, antwoord.nee) if beschermt is JA else (antwoord.nee, antwoord.ja)
        )
        waarde_hard = z3.Or(a_hard, afleiding_hard)
        waarde_mild = z3.And(a_mild, z3.Or(stil, afleiding_mild))
        return Drie(waarde_hard, waarde_mild) if beschermt is JA else Drie(waarde_mild, waarde_hard)

    def _beslissing(self, doel: str) -> dict[str, z3.BoolRef]:
        info = BESLISSING[doel]
        volgorde = [w for w in info.waarden if w != "onbepaald"]
        geldt = {
            w: of(
                self.resultaat[r.index].ja
                for r in self.vorm.per_doel[doel]
                if r.regel.conclusie == w
            )
            for w in volgorde
        }
        keuze: dict[str, z3.BoolRef] = {}
        eerder: list[z3.BoolRef] = []
        for w in volgorde:
            keuze[w] = z3.And(geldt[w], z3.Not(of(eerder)))
            eerder.append(geldt[w])
        keuze["onbepaald"] = z3.Not(of(eerder))
        return keuze

    def geldt(self, doel: str, waarde: str) -> z3.BoolRef:
        """Whether the beslissing ``doel`` has ``waarde``."""
        return self.keuze[doel].get(waarde, ONWAAR)

    def rang(self, doel: str) -> z3.ArithRef:
        """The position of the beslissing in its protective order (0 protects most)."""
        info = BESLISSING[doel]
        return z3.Sum([z3.If(t, info.rang(w), 0) for w, t in self.keuze[doel].items()])

    def afweging_rang(self, naam: str) -> z3.ArithRef:
        """The position of the afweging's value in its protective order (0 protects most)."""
        d = self.waarde[naam]
        hard, mild = (d.ja, d.nee) if AFWEGING[naam].beschermend is JA else (d.nee, d.ja)
        return z3.If(hard, 0, z3.If(mild, 2, 1))


def antwoord_rang(naam: str, d: Drie) -> z3.ArithRef:
    """The position of an answer in the protective order of its afweging (0 protects most)."""
    hard, mild = (d.ja, d.nee) if AFWEGING[naam].beschermend is JA else (d.nee, d.ja)
    return z3.If(hard, 0, z3.If(mild, 2, 1))
