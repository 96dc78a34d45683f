"""The symbolic check of one kader version: every invariant proved with z3, for all inputs at once.

For each invariant the solver is asked for a *real* casus (the answers and facts of
:mod:`meldcode_rules.analysis.symbolisch`, within the facts' own constraints) that breaks
it. ``unsat`` proves the invariant over the whole input space; ``sat`` gives a model, which
is minimised (fewest given answers and facts, then the fewest signalen) and then *replayed on
the native engine*: the counterexample is described from the engine's own outcome, and an
outcome that does not break the invariant is a defect of this translation
(:class:`SolverOneens`), never a report.

Properties of two inputs (``onbekend_nooit_nee``: a decision against the same casus with an
unknown filled in; ``monotoon_naar_veiligheid``: against a more protective casus;
``nooit_zwakker_dan_basis``: the extension against its base on the same casus) are asked over
two copies of the inputs at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Final

import z3

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, BESLISSING, BESLISSINGEN, HULP, MELDEN
from meldcode_rules.analysis.invarianten import (
    BEREIKBAAR,
    CONSISTENT,
    GEEN_VERMOEDEN,
    HULPVOORWAARDEN,
    MELDNORM,
    MONOTOON,
    NOOIT_ZWAKKER,
    ONBEKEND_NOOIT_NEE,
    SLUITEN,
    VOLLEDIG,
    eigen_regels,
    geldt_na_2019,
    hulpvoorwaarden,
)
from meldcode_rules.analysis.rapport import Tegenvoorbeeld
from meldcode_rules.analysis.symbolisch import (
    AANTALLEN,
    DRIEWAARDIG,
    FEITEN,
    Evaluatie,
    Invoer,
    antwoord_rang,
    en,
    of,
)
from meldcode_rules.besluit import Besluit
from meldcode_rules.casus import Casus
from meldcode_rules.engine import native
from meldcode_rules.feiten import CATALOGUS, Feiten, afleiden
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde
from meldcode_rules.norm import SLUITEND_VEREIST
from meldcode_rules.regels import ACTIE

_GEMELD: Final = BESLISSING[MELDEN].beschermend
"""Values of melden that meet the meldnorm: ja, or a statutory route outside the meldcode."""
_VERVANGEND: Final = BESLISSING[MELDEN].vervangend
"""Values of melden that set the meldcode aside (outside its protective order for monotony)."""

if TYPE_CHECKING:
    from collections.abc import Callable

    from meldcode_rules.analysis.invarianten import Invariant
    from meldcode_rules.engine.native import NativeKader
    from meldcode_rules.kader import ResolvedKader

__all__ = ["SolverOneens", "Zoeker", "z3_versie"]

_OPTIMALISEER_MS: Final = 20_000
"""Time for minimising one counterexample; past it, the first model found is shown."""


def z3_versie() -> str:
    """The version of the z3 solver in use."""
    return str(z3.get_version_string())


class SolverOneens(RuntimeError):
    """The solver's counterexample, replayed on the native engine, does not break the invariant.

    A defect of the symbolic translation (it no longer says what :mod:`meldcode_rules.besluit`
    does), never of the kader.
    """


@dataclass(frozen=True, slots=True)
class _Geval:
    """One decoded input, decided by the native engine."""

    antwoorden: dict[str, Waarde]
    feiten: Feiten
    besluit: Besluit
    env: Feiten

    def waarde(self, naam: str) -> Waarde:
        return self.besluit.afwegingen[naam].waarde

    def beslissing(self, doel: str) -> str:
        return self.besluit.melden if doel == MELDEN else self.besluit.hulp

    def regels(self, doel: str) -> tuple[str, ...]:
        return tuple(s.regel for s in self.besluit.beslissingen[doel].spoor if s.resultaat is JA)

    def afwegingsregels(self, naam: str) -> tuple[str, ...]:
        return tuple(s.regel for s in self.besluit.afwegingen[naam].spoor)


def _geval(motor: NativeKader, antwoorden: dict[str, Waarde], feiten: Feiten) -> _Geval:
    besluit = motor.besluit(antwoorden, feiten)
    env = dict(feiten)
    env.update({a: besluit.afwegingen[a].waarde for a in AFWEGINGEN})
    env[MELDEN] = besluit.melden
    env[HULP] = besluit.hulp
    return _Geval(antwoorden, feiten, besluit, env)


def _tekst(waarde: object) -> str:
    if waarde is None:
        return "niet aangeleverd"
    return str(waarde.value if isinstance(waarde, Waarde) else waarde)


_STANDAARD: Final[Feiten] = {
    n: w for n, w in afleiden(Casus(id="analyse"), date.min).items() if w is not None
}
"""Facts an empty casus already has (never absent: no twijfel, no hulp running)."""


def _invoer(g: _Geval) -> tuple[tuple[str, str], ...]:
    """The answers, then every fact the casus supplies (counts of 0 and defaults left out)."""
    uit = [(a, g.antwoorden[a].value) for a in AFWEGINGEN]
    bronnen: dict[str, list[tuple[str, str]]] = {}
    for n in FEITEN:
        w = g.feiten[n]
        if w is None or (n in _STANDAARD and w == _STANDAARD[n]):
            continue
        lijst = bronnen.setdefault(CATALOGUS[n].bron, [])
        if isinstance(w, int) and not isinstance(w, bool) and w == 0:
            continue
        lijst.append((n, _tekst(w)))
    for bron, lijst in bronnen.items():
        if not lijst:
            eerste = next(n for n in AANTALLEN if CATALOGUS[n].bron == bron)
            lijst.append((eerste, "0"))
        uit += lijst
    return tuple(uit)


def _afgeleid(g: _Geval) -> str:
    """The afwegingen whose value differs from the answer (derived from the facts)."""
    delen = [f"{a} = {g.waarde(a).value}" for a in AFWEGINGEN if g.waarde(a) is not g.antwoorden[a]]
    if not delen:
        return ""
    return "de afwegingen zoals ze tellen (met wat het kader uit de feiten afleidt): " + ", ".join(
        delen
    )


def _tegen(
    invariant: Invariant, g: _Geval, verwacht: str, werkelijk: str, regels: tuple[str, ...]
) -> Tegenvoorbeeld:
    """The counterexample ``g``, with the afwegingen the kader derived from its facts."""
    return Tegenvoorbeeld(invariant, _invoer(g), verwacht, werkelijk, regels, _afgeleid(g))


def _melden_anders(invariant: Invariant, g: _Geval, verwacht: str) -> Tegenvoorbeeld:
    """``melden`` should be ``verwacht`` on ``g``: what it is, and the rules that gave it."""
    return _tegen(
        invariant, g, f"melden = {verwacht}", f"melden = {g.besluit.melden}", g.regels(MELDEN)
    )


def _zelfde_antwoord(x: Invoer, y: Invoer, naam: str) -> z3.BoolRef:
    """The two copies give the same answer to afweging ``naam``."""
    xa, ya = x.antwoord[naam], y.antwoord[naam]
    return z3.And(xa.ja == ya.ja, xa.nee == ya.nee)


def _zelfde_feit(x: Invoer, y: Invoer, naam: str) -> z3.BoolRef:
    """The two copies give (or leave out) the same three-valued fact ``naam``."""
    xd, yd = x.drie[naam], y.drie[naam]
    return z3.And(x.gegeven[naam] == y.gegeven[naam], xd.ja == yd.ja, xd.nee == yd.nee)


def _rang(doel: str, waarde: str) -> int:
    return BESLISSING[doel].rang(waarde)


def _arang(naam: str, waarde: Waarde) -> int:
    return AFWEGING[naam].rang(waarde)


def _sterkere_beslissing(hoog: _Geval, laag: _Geval, *, alleen_bepaald: bool = False) -> str | None:
    """The first beslissing more protective on ``hoog`` than on ``laag`` (decided on ``hoog``)."""
    for d in BESLISSINGEN:
        w = hoog.beslissing(d)
        if alleen_bepaald and w == "onbepaald":
            continue
        if _rang(d, w) > _rang(d, laag.beslissing(d)):
            return d
    return None


def _sterkere_afweging(hoog: _Geval, laag: _Geval, *, alleen_bekend: bool = False) -> str | None:
    """The first afweging more protective on ``hoog`` than on ``laag`` (known on ``hoog``)."""
    for a in AFWEGINGEN:
        w = hoog.waarde(a)
        if alleen_bekend and w is ONBEKEND:
            continue
        if _arang(a, w) > _arang(a, laag.waarde(a)):
            return a
    return None


def _wijzigingen(x: _Geval, y: _Geval, woord: str) -> str:
    """The inputs that differ between two cases, in Dutch (``vermoeden = ja``)."""
    delen = [
        f"{a} {woord} {y.antwoorden[a].value}"
        for a in AFWEGINGEN
        if x.antwoorden[a] is not y.antwoorden[a]
    ]
    delen += [f"{n} {woord} {_tekst(y.feiten[n])}" for n in FEITEN if x.feiten[n] != y.feiten[n]]
    return ", ".join(delen)


class Zoeker:
    """One resolved version (and its base) as z3 terms; asks the solver for counterexamples."""

    def __init__(self, effectief: ResolvedKader) -> None:
        """Translate ``effectief`` (and its base, if any) once."""
        self.effectief = effectief
        self.motor = native(effectief)
        self.basismotor = native(effectief.basis) if effectief.basis is not None else None
        self.x = Invoer("x")
        self.ex = Evaluatie(self.motor.vorm, self.x)
        self.bx = Evaluatie(self.basismotor.vorm, self.x) if self.basismotor is not None else None
        self._beperkingen = [t for _, t in self.x.beperkingen()]
        self.enkel = z3.Solver()
        self.enkel.add(self._beperkingen)
        self._paar: tuple[Invoer, Evaluatie, z3.Solver, list[z3.BoolRef]] | None = None

    # -- asking ------------------------------------------------------------------------------

    def paar(self) -> tuple[Invoer, Evaluatie, z3.Solver]:
        """A second copy of the inputs, its evaluation, and a solver over both copies."""
        if self._paar is None:
            y = Invoer("y")
            ey = Evaluatie(self.motor.vorm, y)
            beperkingen = [*self._beperkingen, *(t for _, t in y.beperkingen())]
            s = z3.Solver()
            s.add(beperkingen)
            self._paar = (y, ey, s, beperkingen)
        return self._paar[0], self._paar[1], self._paar[2]

    def zoek(
        self, schending: z3.BoolRef, *, paar: bool = False, verschil: z3.ArithRef | None = None
    ) -> z3.ModelRef | None:
        """The smallest model of ``schending`` within the constraints, or ``None`` (a proof)."""
        if paar:
            s = self.paar()[2]
            assert self._paar is not None  # made by paar()
            beperkingen = self._paar[3]
        else:
            s, beperkingen = self.enkel, self._beperkingen
        s.push()
        s.add(schending)
        uitslag = s.check()
        model = s.model() if uitslag == z3.sat else None
        s.pop()
        if uitslag == z3.unsat:
            return None
        if model is None:  # pragma: no cover - z3 gives up only on non-linear terms
            msg = f"z3 kon het niet beslissen ({s.reason_unknown()})"
            raise SolverOneens(msg)
        o = z3.Optimize()
        o.set(timeout=_OPTIMALISEER_MS)
        o.add(beperkingen)
        o.add(schending)
        gegeven, feiten, aantallen, volgorde = self.x.kosten()
        o.minimize(gegeven)
        if verschil is not None:
            o.minimize(verschil)
        o.minimize(feiten)
        o.minimize(aantallen)
        o.minimize(volgorde)
        if paar:
            assert self._paar is not None  # made by paar()
            _, _, y_aantallen, y_volgorde = self._paar[0].kosten()
            o.minimize(y_aantallen)
            o.minimize(y_volgorde)
        if o.check() == z3.sat:
            return o.model()
        return model  # pragma: no cover - minimising timed out: the first model still counts

    def geval(self, model: z3.ModelRef, invoer: Invoer | None = None) -> _Geval:
        """The input of a model, decided by the native engine."""
        antwoorden, feiten = (invoer or self.x).lees(model)
        return _geval(self.motor, antwoorden, feiten)

    def geldt_ooit(self, voorwaarde: z3.BoolRef) -> z3.ModelRef | None:
        """A model of ``voorwaarde`` (not minimised), or ``None``."""
        self.enkel.push()
        self.enkel.add(voorwaarde)
        uitslag = self.enkel.check()
        model = self.enkel.model() if uitslag == z3.sat else None
        self.enkel.pop()
        return model

    def zoek_geval(self, schending: z3.BoolRef) -> _Geval | None:
        """The smallest input that satisfies ``schending``, decided, or ``None`` (a proof)."""
        model = self.zoek(schending)
        return None if model is None else self.geval(model)

    def zoek_paar(
        self, verband: list[z3.BoolRef], doelen: list[z3.BoolRef], verschil: list[z3.BoolRef]
    ) -> tuple[_Geval, _Geval] | None:
        """The smallest pair of inputs related by all of ``verband`` that meets one of ``doelen``.

        Smallest with the fewest ``verschil`` terms true; both inputs decided, or ``None``
        (a proof).
        """
        y = self.paar()[0]
        model = self.zoek(
            z3.And(en(verband), of(doelen)),
            paar=True,
            verschil=z3.Sum([z3.If(t, 1, 0) for t in verschil]),
        )
        if model is None:
            return None
        return self.geval(model), self.geval(model, y)

    def bewijzen(self) -> tuple[tuple[Invariant, Callable[[], Tegenvoorbeeld | None]], ...]:
        """Each invariant this class proves, with the method that proves it."""
        return (
            (MELDNORM, self.meldnorm),
            (HULPVOORWAARDEN, self.hulpvoorwaarden),
            (GEEN_VERMOEDEN, self.geen_vermoeden),
            (ONBEKEND_NOOIT_NEE, self.onbekend_nooit_nee),
            (MONOTOON, self.monotoon),
            (NOOIT_ZWAKKER, self.nooit_zwakker),
            (SLUITEN, self.sluiten),
            (VOLLEDIG, self.volledig),
            (BEREIKBAAR, self.bereikbaar),
            (CONSISTENT, self.tegenstrijdig),
        )

    # -- the invariants ----------------------------------------------------------------------

    def _oneens(self, invariant: Invariant, g: _Geval) -> SolverOneens:
        return SolverOneens(
            f"{self.effectief.kader.id} {self.effectief.versie.versie}: de solver vond een "
            f"schending van {invariant.naam} die de engine niet geeft (invoer: {_invoer(g)})"
        )

    def _gemeld(self) -> z3.BoolRef:
        """Melden ja, or a statutory route outside the meldcode (a stronger duty)."""
        return of(self.ex.geldt(MELDEN, w) for w in sorted(_GEMELD))

    def meldnorm(self) -> Tegenvoorbeeld | None:
        """From 2019: vermoeden and acute or structurele onveiligheid give melden ja."""
        if not geldt_na_2019(self.effectief):
            return None
        v, a, s = (self.ex.waarde[n] for n in AFWEGINGEN[:3])
        g = self.zoek_geval(z3.And(v.ja, z3.Or(a.ja, s.ja), z3.Not(self._gemeld())))
        if g is None:
            return None
        if not (
            g.waarde("vermoeden") is JA
            and JA in (g.waarde("acute_onveiligheid"), g.waarde("structurele_onveiligheid"))
            and g.besluit.melden not in _GEMELD
        ):
            raise self._oneens(MELDNORM, g)
        return _melden_anders(MELDNORM, g, "ja")

    def hulpvoorwaarden(self) -> Tegenvoorbeeld | None:
        """A hulp condition nee gives melden ja; hulp ja only when every condition is ja."""
        namen = hulpvoorwaarden(self.effectief)
        v = self.ex.waarde["vermoeden"]
        voorwaarden = [self.ex.waarde[n] for n in namen]
        g = self.zoek_geval(z3.And(v.ja, of(h.nee for h in voorwaarden), z3.Not(self._gemeld())))
        if g is not None:
            if not (
                g.waarde("vermoeden") is JA
                and any(g.waarde(n) is NEE for n in namen)
                and g.besluit.melden not in _GEMELD
            ):
                raise self._oneens(HULPVOORWAARDEN, g)
            return _melden_anders(HULPVOORWAARDEN, g, "ja")
        niet_alle = z3.Or(z3.Not(v.ja), of(z3.Not(h.ja) for h in voorwaarden))
        g = self.zoek_geval(z3.And(self.ex.geldt(HULP, "ja"), niet_alle))
        if g is None:
            return None
        if g.besluit.hulp != "ja" or all(g.waarde(n) is JA for n in ("vermoeden", *namen)):
            raise self._oneens(HULPVOORWAARDEN, g)
        return _tegen(
            HULPVOORWAARDEN,
            g,
            "hulp ≠ ja (niet alle hulpvoorwaarden zijn ja)",
            "hulp = ja",
            g.regels(HULP),
        )

    def geen_vermoeden(self) -> Tegenvoorbeeld | None:
        """Vermoeden nee gives melden nee."""
        v = self.ex.waarde["vermoeden"]
        g = self.zoek_geval(z3.And(v.nee, z3.Not(self.ex.geldt(MELDEN, "nee"))))
        if g is None:
            return None
        if g.waarde("vermoeden") is not NEE or g.besluit.melden == "nee":
            raise self._oneens(GEEN_VERMOEDEN, g)
        return _melden_anders(GEEN_VERMOEDEN, g, "nee")

    def volledig(self) -> Tegenvoorbeeld | None:
        """All afwegingen and the facts the beslisregels read known: both beslissingen decided."""
        vorm = self.motor.vorm
        feiten = sorted(
            {f for d in BESLISSINGEN for f in vorm.leest[d] if CATALOGUS[f].bron in _CASUS}
        )
        bekend = en(
            [
                *(z3.Not(w.onbekend) for w in self.ex.waarde.values()),
                *(self.x.bekend(f) for f in feiten),
            ]
        )
        onbepaald = z3.Or([self.ex.geldt(d, "onbepaald") for d in BESLISSINGEN])
        g = self.zoek_geval(z3.And(bekend, onbepaald))
        if g is None:
            return None
        doel = next((d for d in BESLISSINGEN if g.beslissing(d) == "onbepaald"), None)
        if doel is None or any(g.waarde(a) is ONBEKEND for a in AFWEGINGEN):
            raise self._oneens(VOLLEDIG, g)
        return Tegenvoorbeeld(
            VOLLEDIG,
            _invoer(g),
            f"een beslissing over {doel}",
            f"{doel} = onbepaald",
            toelichting="alle afwegingen en feiten zijn bekend"
            + (f"; {_afgeleid(g)}" if _afgeleid(g) else ""),
        )

    def _geldt(self, doel: str, waarde: str) -> z3.BoolRef:
        return of(
            self.ex.resultaat[r.index].ja
            for r in self.motor.vorm.per_doel[doel]
            if r.regel.conclusie == waarde
        )

    def tegenstrijdig(self) -> Tegenvoorbeeld | None:
        """No two rules of one afweging or beslissing conclude differently on one input."""
        doelen: list[z3.BoolRef] = []
        for doel in (*AFWEGINGEN, *BESLISSINGEN):
            # A statutory route outside the meldcode sets the meldcode's conclusions aside.
            vervangend = BESLISSING[doel].vervangend if doel in BESLISSING else frozenset()
            waarden = sorted(
                {r.regel.conclusie for r in self.motor.vorm.per_doel[doel]} - vervangend
            )
            opzij = of(self._geldt(doel, w) for w in sorted(vervangend))
            for i, w1 in enumerate(waarden):
                doelen.extend(
                    z3.And(self._geldt(doel, w1), self._geldt(doel, w2), z3.Not(opzij))
                    for w2 in waarden[i + 1 :]
                )
        g = self.zoek_geval(of(doelen))
        if g is None:
            return None
        for doel in (*AFWEGINGEN, *BESLISSINGEN):
            gelden = [r for r in self.motor.vorm.per_doel[doel] if self.motor.toets(r, g.env) is JA]
            conclusies = {r.regel.conclusie for r in gelden}
            if doel in BESLISSING and conclusies & BESLISSING[doel].vervangend:
                continue
            if len(conclusies) > 1:
                werkelijk = (
                    f"{doel} = ja én {doel} = nee"
                    if doel in AFWEGING
                    else f"verschillende conclusies voor {doel}"
                )
                return _tegen(
                    CONSISTENT,
                    g,
                    f"één conclusie voor {doel}",
                    werkelijk,
                    tuple(r.regel.id for r in gelden),
                )
        raise self._oneens(CONSISTENT, g)

    def onbekend_nooit_nee(self) -> Tegenvoorbeeld | None:
        """A decision taken under an unknown is never less protective than with it filled in."""
        x, ex = self.x, self.ex
        y, ey, _ = self.paar()
        antwoord = {a: _zelfde_antwoord(x, y, a) for a in AFWEGINGEN}
        feit = {n: _zelfde_feit(x, y, n) for n in DRIEWAARDIG}
        # An answer or fact given as onbekend in x may be anything in y; the rest is equal.
        verband = [z3.Implies(z3.Not(x.antwoord[a].onbekend), antwoord[a]) for a in AFWEGINGEN]
        verband += [
            z3.If(z3.And(x.gegeven[n], x.drie[n].onbekend), y.gegeven[n], feit[n])
            for n in DRIEWAARDIG
        ]
        verschil = [z3.Not(t) for t in (*antwoord.values(), *feit.values())]
        verband += [x.bron[b] == y.bron[b] for b in x.bron]
        verband += [x.getal[n] == y.getal[n] for n in AANTALLEN]
        doelen = [
            z3.And(z3.Not(ex.geldt(d, "onbepaald")), ex.rang(d) > ey.rang(d)) for d in BESLISSINGEN
        ]
        doelen += [
            z3.And(z3.Not(ex.waarde[a].onbekend), ex.afweging_rang(a) > ey.afweging_rang(a))
            for a in AFWEGINGEN
        ]
        gevallen = self.zoek_paar(verband, doelen, verschil)
        if gevallen is None:
            return None
        gx, gy = gevallen
        wat = _wijzigingen(gx, gy, "=")
        d = _sterkere_beslissing(gx, gy, alleen_bepaald=True)
        if d is not None:
            return _tegen(
                ONBEKEND_NOOIT_NEE,
                gx,
                f"{d} = onbepaald (de beslissing hangt af van wat onbekend is)",
                f"{d} = {gx.beslissing(d)}, maar {gy.beslissing(d)} als {wat}",
                gx.regels(d),
            )
        a = _sterkere_afweging(gx, gy, alleen_bekend=True)
        if a is not None:
            return Tegenvoorbeeld(
                ONBEKEND_NOOIT_NEE,
                _invoer(gx),
                f"{a} = onbekend (de afweging hangt af van wat onbekend is)",
                f"{a} = {gx.waarde(a).value}, maar {gy.waarde(a).value} als {wat}",
                gx.afwegingsregels(a),
            )
        raise self._oneens(ONBEKEND_NOOIT_NEE, gx)

    def monotoon(self) -> Tegenvoorbeeld | None:
        """A more protective answer or more signalen never make a decision less protective."""
        x, ex = self.x, self.ex
        y, ey, _ = self.paar()
        verband = [
            antwoord_rang(a, y.antwoord[a]) <= antwoord_rang(a, x.antwoord[a]) for a in AFWEGINGEN
        ]
        verschil = [z3.Not(_zelfde_antwoord(x, y, a)) for a in AFWEGINGEN]
        verband += [_zelfde_feit(x, y, n) for n in DRIEWAARDIG]
        verband += [x.bron[b] == y.bron[b] for b in x.bron]
        verband += [y.getal[n] >= x.getal[n] for n in AANTALLEN]
        verschil += [y.getal[n] != x.getal[n] for n in AANTALLEN]
        # buiten_meldcode stands outside the meldcode's order: a signaal about another pleger
        # brings the meldcode back for that part, and the statutory route stays as an actie.
        buiten = of(ex.geldt(MELDEN, w) for w in sorted(_VERVANGEND))
        doelen = [z3.And(ey.rang(MELDEN) > ex.rang(MELDEN), z3.Not(buiten))]
        doelen += [ey.afweging_rang(a) > ex.afweging_rang(a) for a in AFWEGINGEN]
        gevallen = self.zoek_paar(verband, doelen, verschil)
        if gevallen is None:
            return None
        gx, gy = gevallen
        na = f"na de wijziging '{_wijzigingen(gx, gy, 'wordt')}'"
        mx, my = gx.besluit.melden, gy.besluit.melden
        if _rang(MELDEN, my) > _rang(MELDEN, mx) and mx not in _VERVANGEND:
            verwacht = f"melden blijft {mx} (of wordt beschermender)"
            return Tegenvoorbeeld(
                MONOTOON, _invoer(gx), verwacht, f"melden = {my}", gy.regels(MELDEN), na
            )
        a = _sterkere_afweging(gy, gx)
        if a is not None:
            verwacht = f"{a} blijft {gx.waarde(a).value} (of wordt beschermender)"
            werkelijk = f"{a} = {gy.waarde(a).value}"
            return Tegenvoorbeeld(
                MONOTOON, _invoer(gx), verwacht, werkelijk, gy.afwegingsregels(a), na
            )
        raise self._oneens(MONOTOON, gx)

    def nooit_zwakker(self) -> Tegenvoorbeeld | None:
        """On every input the extension is at least as protective as its base."""
        bx, basis, basismotor = self.bx, self.effectief.basis, self.basismotor
        if bx is None or basis is None or basismotor is None:
            return None
        ex = self.ex
        doelen = [ex.rang(d) > bx.rang(d) for d in BESLISSINGEN]
        doelen += [ex.afweging_rang(a) > bx.afweging_rang(a) for a in AFWEGINGEN]
        g = self.zoek_geval(of(doelen))
        if g is None:
            return None
        b = _geval(basismotor, g.antwoorden, g.feiten)
        naam = f"{basis.kader.id} {basis.versie.versie}"
        d = _sterkere_beslissing(g, b)
        if d is not None:
            return _tegen(
                NOOIT_ZWAKKER,
                g,
                f"{d} = {b.beslissing(d)} (zoals in {naam})",
                f"{d} = {g.beslissing(d)}",
                g.regels(d),
            )
        a = _sterkere_afweging(g, b)
        if a is not None:
            return Tegenvoorbeeld(
                NOOIT_ZWAKKER,
                _invoer(g),
                f"{a} = {b.waarde(a).value} (zoals in {naam})",
                f"{a} = {g.waarde(a).value}",
                tuple(r.regel.id for r in self.motor.vorm.per_doel[a]),
            )
        raise self._oneens(NOOIT_ZWAKKER, g)

    def bereikbaar(self) -> Tegenvoorbeeld | None:
        """Every rule holds for at least one real casus."""
        eigen = eigen_regels(self.effectief)
        open_ = [r for r in self.motor.vorm.regels if r.regel.id in eigen]
        while open_:
            regel = open_.pop(0)
            model = self.geldt_ooit(self.ex.resultaat[regel.index].ja)
            if model is None:
                return Tegenvoorbeeld(
                    BEREIKBAAR,
                    (),
                    f"regel {regel.regel.id} geldt bij ten minste één echte casus",
                    f"de voorwaarde '{regel.voorwaarde}' is bij geen enkele echte casus ja",
                    (regel.regel.id,),
                    toelichting=f"regel {regel.regel.id} ({regel.regel.doel} = "
                    f"{regel.regel.conclusie}) kan nooit gelden" + self._waarom(regel.index),
                )
            # Every other rule that holds in this model is reachable too.
            open_ = [
                r
                for r in open_
                if not z3.is_true(model.eval(self.ex.resultaat[r.index].ja, model_completion=True))
            ]
        return None

    def _waarom(self, index: int) -> str:
        """The constraints of the facts that make a rule unreachable (an unsat core), if any."""
        s = z3.Solver()
        labels: dict[str, str] = {}
        for i, (omschrijving, term) in enumerate(self.x.beperkingen()):
            label = z3.Bool(f"beperking{i}")
            labels[str(label)] = omschrijving
            s.add(z3.Implies(label, term))
        s.add(self.ex.resultaat[index].ja)
        if s.check(*(z3.Bool(k) for k in labels)) != z3.unsat:  # pragma: no cover
            return ""
        kern = sorted(
            {labels[str(k)] for k in s.unsat_core() if not labels[str(k)].startswith(_INTERN)}
        )
        kern = [k for k in kern if k not in FEITEN]
        if not kern:
            return ""
        return "; voor een echte casus geldt: " + "; ".join(kern)

    def sluiten(self) -> Tegenvoorbeeld | None:
        """A closing action fires only when the afwegingen it rests on are known."""
        doelen: list[z3.BoolRef] = []
        for regel in self.motor.vorm.per_doel[ACTIE]:
            vereist = SLUITEND_VEREIST.get(regel.regel.conclusie)
            if vereist is None:
                continue
            open_ = of(self.ex.waarde[a].onbekend for a in vereist)
            doelen.append(z3.And(self.ex.resultaat[regel.index].ja, open_))
        if not doelen:
            return None
        g = self.zoek_geval(of(doelen))
        if g is None:
            return None
        for regel in self.motor.vorm.per_doel[ACTIE]:
            vereist = SLUITEND_VEREIST.get(regel.regel.conclusie, ())
            onbekend = [a for a in vereist if g.waarde(a) is ONBEKEND]
            if onbekend and self.motor.toets(regel, g.env) is JA:
                code = regel.regel.conclusie
                return _tegen(
                    SLUITEN,
                    g,
                    f"actie {code} pas als {' en '.join(vereist)} bekend is",
                    f"actie {code} terwijl {' en '.join(onbekend)} onbekend is",
                    (regel.regel.id,),
                )
        raise self._oneens(SLUITEN, g)


_CASUS: Final = frozenset({"signalen", "betrokkenen", "stappen", "hulp"})
_INTERN: Final = "antwoord "
