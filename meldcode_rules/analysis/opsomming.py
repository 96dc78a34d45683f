"""The enumeration of a kader version over its fact regions: the independent cross-check.

Each version is compiled once (:mod:`meldcode_rules.engine.native`) and its decision
table enumerated over the 729 answer combinations (:mod:`meldcode_rules.ruimte`) times the
fact regions its beslisregels distinguish (:mod:`meldcode_rules.analysis.gebieden`); each
afweging over the regions of the facts its rules read. On these the invariants of
:mod:`meldcode_rules.analysis.invarianten` are checked, with the smallest counterexample
for each violation.

This was the checker before the symbolic proofs (:mod:`meldcode_rules.analysis.bewijs`);
it stays as their independent cross-check (the test suite holds the two to the same
verdicts) and as the fallback of ``meldcode check`` when z3 is not installed. It knows
nothing of the facts' own constraints: every region counts, also one no casus can reach.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, ANTWOORDEN, BESLISSING, HULP, MELDEN
from meldcode_rules.analysis.gebieden import (
    Gebied,
    drempels_van,
    feitgebieden,
)
from meldcode_rules.analysis.invarianten import (
    BEREIKBAAR,
    BRON,
    CONSISTENT,
    DETERMINISME,
    GEEN_VERMOEDEN,
    HULPVOORWAARDEN,
    INVARIANTEN,
    MELDNORM,
    MONOTOON,
    NOOIT_ZWAKKER,
    ONBEKEND_NOOIT_NEE,
    SLUITEN,
    VOLLEDIG,
    Invariant,
    eigen_regels,
    geldt_na_2019,
    hulpvoorwaarden,
    niet_van_toepassing,
)
from meldcode_rules.analysis.rapport import Status, Tegenvoorbeeld, Uitslag, VersieRapport
from meldcode_rules.casus import Casus
from meldcode_rules.engine import native
from meldcode_rules.engine.native import NativeKader
from meldcode_rules.feiten import CATALOGUS, Feiten, Feitwaarde, afleiden, twijfel_past
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde
from meldcode_rules.norm import SLUITEND_VEREIST
from meldcode_rules.regels import ACTIE, SIGNALERING, Regel
from meldcode_rules.ruimte import combinaties

if TYPE_CHECKING:
    from collections.abc import Sequence

    from meldcode_rules.kader import ResolvedKader

__all__ = ["OPGESOMD", "opsomming_versie"]


# -- the decision table ------------------------------------------------------------------------


@dataclass(slots=True)
class _Rij:
    antwoorden: tuple[Waarde, ...]
    gebied: Gebied
    env: Feiten
    melden: str
    hulp: str
    regels: dict[str, tuple[str, ...]]
    """Per beslissing, the rules that held."""
    tegenstrijdig: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per beslissing with two different conclusions, the rules that gave them."""

    @property
    def sleutel(self) -> tuple[tuple[Waarde, ...], Gebied]:
        return (self.antwoorden, self.gebied)


def _grootte(antwoorden: Sequence[Waarde], gebied: Gebied) -> tuple[int, int]:
    """How much an input says: fewer given answers and facts, and smaller counts, first."""
    gegeven = sum(w is not ONBEKEND for w in antwoorden)
    gegeven += sum(v is not None and v is not ONBEKEND for _, v in gebied)
    aantallen = sum(v for _, v in gebied if isinstance(v, int))
    return gegeven, aantallen


def _invoer(antwoorden: Sequence[Waarde], gebied: Gebied) -> tuple[tuple[str, str], ...]:
    uit = [(n, w.value) for n, w in zip(AFWEGINGEN, antwoorden, strict=True)]
    uit += [
        (n, "niet aangeleverd" if v is None else str(v.value if isinstance(v, Waarde) else v))
        for n, v in gebied
    ]
    return tuple(uit)


def _leeg(effectief: ResolvedKader) -> Feiten:
    return afleiden(Casus(id="analyse"), effectief.versie.geldig_van)


def _beslis_tabel(
    motor: NativeKader, effectief: ResolvedKader, gebieden: list[Gebied]
) -> list[_Rij]:
    leeg = _leeg(effectief)
    rijen: list[_Rij] = []
    for gebied in gebieden:
        basis_env = dict(leeg)
        basis_env.update(gebied)
        for antwoorden in combinaties():
            env = dict(basis_env)
            env.update(zip(AFWEGINGEN, antwoorden, strict=True))
            if not twijfel_past(dict(zip(AFWEGINGEN, antwoorden, strict=True)), env):
                continue  # not a casus: a doubted afweging has an answer
            regels: dict[str, tuple[str, ...]] = {}
            tegen: dict[str, tuple[str, ...]] = {}
            waarden: dict[str, str] = {}
            for doel in (MELDEN, HULP):
                gelden = [g for g in motor.vorm.per_doel[doel] if motor.toets(g, env) is JA]
                regels[doel] = tuple(g.regel.id for g in gelden)
                conclusies = {g.regel.conclusie for g in gelden}
                if len(conclusies) > 1 and not conclusies & BESLISSING[doel].vervangend:
                    tegen[doel] = regels[doel]
                waarde = motor.beslissing(doel, env).waarde
                waarden[doel] = waarde
                env[doel] = waarde
            rijen.append(
                _Rij(antwoorden, gebied, env, waarden[MELDEN], waarden[HULP], regels, tegen)
            )
    return rijen


# -- the checks --------------------------------------------------------------------------------


class _Kleinste:
    """Keeps the smallest counterexample per invariant."""

    def __init__(self) -> None:
        self.gevonden: dict[str, tuple[tuple[int, int], Tegenvoorbeeld]] = {}

    def zie(  # noqa: PLR0917 - private helper
        self,
        invariant: Invariant,
        antwoorden: Sequence[Waarde],
        gebied: Gebied,
        verwacht: str,
        werkelijk: str,
        regels: Sequence[str] = (),
        toelichting: str = "",
    ) -> None:
        grootte = _grootte(antwoorden, gebied)
        bekend = self.gevonden.get(invariant.naam)
        if bekend is not None and bekend[0] <= grootte:
            return
        voorbeeld = Tegenvoorbeeld(
            invariant,
            _invoer(antwoorden, gebied),
            verwacht,
            werkelijk,
            tuple(regels),
            toelichting,
        )
        self.gevonden[invariant.naam] = (grootte, voorbeeld)

    def zonder_invoer(self, invariant: Invariant, voorbeeld: Tegenvoorbeeld) -> None:
        self.gevonden.setdefault(invariant.naam, ((0, 0), voorbeeld))

    def __getitem__(self, naam: str) -> Tegenvoorbeeld | None:
        bekend = self.gevonden.get(naam)
        return bekend[1] if bekend else None


def _rang(doel: str, waarde: str) -> int:
    return BESLISSING[doel].rang(waarde)


def _afweging_rang(naam: str, w: Waarde) -> int:
    return AFWEGING[naam].rang(w)


def _controleer_normen(effectief: ResolvedKader, rijen: list[_Rij], k: _Kleinste) -> None:
    """Meldnorm, hulpvoorwaarden, geen vermoeden, volledigheid, contradictions, sources."""
    na_2019 = geldt_na_2019(effectief)
    voorwaarden = [AFWEGINGEN.index(n) for n in hulpvoorwaarden(effectief)]
    v, a, s = 0, 1, 2
    for rij in rijen:
        w = rij.antwoorden
        doe = (rij.antwoorden, rij.gebied)
        melders = rij.regels[MELDEN]
        # A statutory route of the sector (buiten_meldcode) is a stronger duty than the meldnorm.
        gemeld = rij.melden in BESLISSING[MELDEN].beschermend
        if na_2019 and w[v] is JA and JA in (w[a], w[s]) and not gemeld:
            k.zie(MELDNORM, *doe, "melden = ja", f"melden = {rij.melden}", melders)
        if w[v] is JA and any(w[i] is NEE for i in voorwaarden) and not gemeld:
            k.zie(HULPVOORWAARDEN, *doe, "melden = ja", f"melden = {rij.melden}", melders)
        if rij.hulp == "ja" and (w[v] is not JA or any(w[i] is not JA for i in voorwaarden)):
            k.zie(
                HULPVOORWAARDEN,
                *doe,
                "hulp ≠ ja (niet alle hulpvoorwaarden zijn ja)",
                "hulp = ja",
                rij.regels[HULP],
            )
        if w[v] is NEE and rij.melden != "nee":
            k.zie(GEEN_VERMOEDEN, *doe, "melden = nee", f"melden = {rij.melden}", melders)
        alles_bekend = ONBEKEND not in w and all(
            x is not None and x is not ONBEKEND for _, x in rij.gebied
        )
        if alles_bekend:
            for doel, waarde in ((MELDEN, rij.melden), (HULP, rij.hulp)):
                if waarde == "onbepaald":
                    k.zie(
                        VOLLEDIG,
                        *doe,
                        f"een beslissing over {doel}",
                        f"{doel} = onbepaald",
                        toelichting="alle afwegingen en feiten zijn bekend",
                    )
        for doel, regels in rij.tegenstrijdig.items():
            k.zie(
                CONSISTENT,
                *doe,
                f"één conclusie voor {doel}",
                f"verschillende conclusies voor {doel}",
                regels,
            )
        for doel, waarde in ((MELDEN, rij.melden), (HULP, rij.hulp)):
            if waarde != "onbepaald" and not rij.regels[doel]:
                k.zie(BRON, *doe, f"{doel} met de regel die het gaf", f"{doel} zonder regel")


def _posities(rij: _Rij) -> list[int]:
    """Indexes of the onbekend inputs: afwegingen 0-5, then the facts of the region."""
    uit = [i for i, w in enumerate(rij.antwoorden) if w is ONBEKEND]
    uit += [len(AFWEGINGEN) + i for i, (_, x) in enumerate(rij.gebied) if x is ONBEKEND]
    return uit


def _met(rij: _Rij, wijzigingen: dict[int, Feitwaarde]) -> tuple[tuple[Waarde, ...], Gebied]:
    antwoorden = list(rij.antwoorden)
    gebied = list(rij.gebied)
    for i, waarde in wijzigingen.items():
        if i < len(AFWEGINGEN):
            assert isinstance(waarde, Waarde)  # only afwegingen are changed at these indexes
            antwoorden[i] = waarde
        else:
            naam, _ = gebied[i - len(AFWEGINGEN)]
            gebied[i - len(AFWEGINGEN)] = (naam, waarde)
    return tuple(antwoorden), tuple(gebied)


def _naam(rij: _Rij, i: int) -> str:
    return AFWEGINGEN[i] if i < len(AFWEGINGEN) else rij.gebied[i - len(AFWEGINGEN)][0]


def _controleer_onbekend(rijen: list[_Rij], k: _Kleinste) -> None:
    index = {r.sleutel: r for r in rijen}
    for rij in rijen:
        posities = _posities(rij)
        if not posities:
            continue
        for doel, waarde in ((MELDEN, rij.melden), (HULP, rij.hulp)):
            if waarde == "onbepaald":
                continue
            # One input at a time first (the clearest counterexample), then all together.
            enkel = [((i,), (w,)) for i in posities for w in (JA, NEE)]
            samen = [
                (tuple(posities), c) for c in itertools.product((JA, NEE), repeat=len(posities))
            ]
            for plekken, invulling in (*enkel, *samen):
                ander = index.get(_met(rij, dict(zip(plekken, invulling, strict=True))))
                if ander is None:
                    continue
                andere_waarde = ander.melden if doel == MELDEN else ander.hulp
                if _rang(doel, waarde) > _rang(doel, andere_waarde):
                    wat = ", ".join(
                        f"{_naam(rij, i)} = {w.value}"
                        for i, w in zip(plekken, invulling, strict=True)
                    )
                    k.zie(
                        ONBEKEND_NOOIT_NEE,
                        rij.antwoorden,
                        rij.gebied,
                        f"{doel} = onbepaald (de beslissing hangt af van wat onbekend is)",
                        f"{doel} = {waarde}, maar {andere_waarde} als {wat}",
                        rij.regels[doel],
                    )
                    break


def _controleer_monotoon(
    rijen: list[_Rij], gebieden: list[Gebied], drempels: dict[str, set[int]], k: _Kleinste
) -> None:
    index = {r.sleutel: r for r in rijen}
    for rij in rijen:
        stappen: list[tuple[str, tuple[tuple[Waarde, ...], Gebied]]] = []
        for i, naam in enumerate(AFWEGINGEN):
            volgende = AFWEGING[naam].stap(rij.antwoorden[i])
            if volgende is not None:
                stappen.append((f"{naam} wordt {volgende.value}", _met(rij, {i: volgende})))
        for j, (naam, x) in enumerate(rij.gebied):
            if isinstance(x, int):
                hoger = [t for t in sorted({0, *drempels.get(naam, set())}) if t > x]
                if hoger:
                    stappen.append(
                        (
                            f"{naam} wordt {hoger[0]} (meer signalen)",
                            _met(rij, {len(AFWEGINGEN) + j: hoger[0]}),
                        )
                    )
        for wat, sleutel in stappen:
            ander = index.get(sleutel)
            if (
                ander is not None
                and rij.melden not in BESLISSING[MELDEN].vervangend
                and _rang(MELDEN, ander.melden) > _rang(MELDEN, rij.melden)
            ):
                k.zie(
                    MONOTOON,
                    rij.antwoorden,
                    rij.gebied,
                    f"melden blijft {rij.melden} (of wordt beschermender)",
                    f"melden = {ander.melden}",
                    ander.regels[MELDEN],
                    f"na de wijziging '{wat}'",
                )
    del gebieden


def _controleer_bronnen(effectief: ResolvedKader, k: _Kleinste) -> None:
    for regel in effectief.regels:
        b = regel.bron
        if not (b.uitgever and b.titel and b.adres and b.passage):
            k.zonder_invoer(
                BRON,
                Tegenvoorbeeld(
                    BRON,
                    (),
                    "een volledige bron (uitgever, titel, adres, passage)",
                    "een onvolledige bron",
                    (regel.id,),
                ),
            )


def _controleer_sluiten(motor: NativeKader, rijen: list[_Rij], k: _Kleinste) -> None:
    """Closing actions only when the afwegingen they rest on are known (on the table's rows)."""
    for g in motor.vorm.per_doel[ACTIE]:
        vereist = SLUITEND_VEREIST.get(g.regel.conclusie)
        if vereist is None:
            continue
        for rij in rijen:
            onbekend = [a for a in vereist if rij.env[a] is ONBEKEND]
            if onbekend and motor.toets(g, rij.env) is JA:
                k.zie(
                    SLUITEN,
                    rij.antwoorden,
                    rij.gebied,
                    f"actie {g.regel.conclusie} pas als {' en '.join(vereist)} bekend is",
                    f"actie {g.regel.conclusie} terwijl {' en '.join(onbekend)} onbekend is",
                    (g.regel.id,),
                )


def _bereikbaar_beslis(motor: NativeKader, rijen: list[_Rij]) -> set[str]:
    gevonden: set[str] = set()
    for doel in (MELDEN, HULP):
        for g in motor.vorm.per_doel[doel]:
            if any(motor.toets(g, r.env) is JA for r in rijen):
                gevonden.add(g.regel.id)
    for g in (*motor.vorm.per_doel[ACTIE], *motor.vorm.per_doel[SIGNALERING]):
        extra = [f for f in g.feiten if CATALOGUS[f].bron not in ("afweging", "beslissing")]
        if not extra:
            if any(motor.toets(g, r.env) is JA for r in rijen):
                gevonden.add(g.regel.id)
            continue
        eigen, _ = feitgebieden(extra, (g.regel,))
        for gebied in eigen:
            if any(motor.toets(g, {**r.env, **dict(gebied)}) is JA for r in rijen):
                gevonden.add(g.regel.id)
                break
    return gevonden


# -- the afweging layer ------------------------------------------------------------------------


def _afweging_waarden(
    motor: NativeKader, naam: str, gebieden: list[Gebied], leeg: Feiten
) -> dict[tuple[Waarde, Gebied], Waarde]:
    uit: dict[tuple[Waarde, Gebied], Waarde] = {}
    for gebied in gebieden:
        env = {**leeg, **dict(gebied)}
        for antwoord in ANTWOORDEN:
            uit[antwoord, gebied] = motor.afweging(naam, antwoord, env).waarde
    return uit


def _met_feit(gebied: Gebied, naam: str, waarde: Feitwaarde) -> Gebied:
    return tuple((n, waarde if n == naam else x) for n, x in gebied)


def _afweging_antwoorden(naam: str, antwoord: Waarde) -> tuple[Waarde, ...]:
    return tuple(antwoord if n == naam else ONBEKEND for n in AFWEGINGEN)


def _controleer_afweging(  # noqa: PLR0917 - private helper
    motor: NativeKader,
    naam: str,
    gebieden: list[Gebied],
    waarden: dict[tuple[Waarde, Gebied], Waarde],
    drempels: dict[str, set[int]],
    k: _Kleinste,
) -> set[str]:
    """Contradictions, count monotonicity and onbekend for one afweging; the rules reached."""
    bereikt: set[str] = set()
    for gebied in gebieden:
        env = dict(gebied)
        gelden = [g for g in motor.vorm.per_doel[naam] if motor.toets(g, {**_GEEN, **env}) is JA]
        bereikt.update(g.regel.id for g in gelden)
        if len({g.regel.conclusie for g in gelden}) > 1:
            k.zie(
                CONSISTENT,
                _afweging_antwoorden(naam, ONBEKEND),
                gebied,
                f"één conclusie voor {naam}",
                f"{naam} = ja én {naam} = nee",
                tuple(g.regel.id for g in gelden),
            )
        for antwoord in ANTWOORDEN:
            waarde = waarden[antwoord, gebied]
            for feit, x in gebied:
                if isinstance(x, int):
                    hoger = [t for t in sorted({0, *drempels.get(feit, set())}) if t > x]
                    ander = (
                        waarden.get((antwoord, _met_feit(gebied, feit, hoger[0])))
                        if hoger
                        else None
                    )
                    if ander is not None and _afweging_rang(naam, ander) > _afweging_rang(
                        naam, waarde
                    ):
                        k.zie(
                            MONOTOON,
                            _afweging_antwoorden(naam, antwoord),
                            gebied,
                            f"{naam} blijft {waarde.value} (of wordt beschermender)",
                            f"{naam} = {ander.value}",
                            toelichting=f"na de wijziging '{feit} wordt {hoger[0]}'",
                        )
            if waarde is ONBEKEND:
                continue
            onbekend = [f for f, x in gebied if x is ONBEKEND]
            varianten: list[tuple[str, tuple[Waarde, Gebied]]] = []
            if antwoord is ONBEKEND:
                varianten += [(f"antwoord {naam} = {w.value}", (w, gebied)) for w in (JA, NEE)]
            for feit in onbekend:
                varianten += [
                    (f"{feit} = {w.value}", (antwoord, _met_feit(gebied, feit, w)))
                    for w in (JA, NEE)
                ]
            for wat, sleutel in varianten:
                ander = waarden.get(sleutel)
                if ander is not None and _afweging_rang(naam, waarde) > _afweging_rang(naam, ander):
                    k.zie(
                        ONBEKEND_NOOIT_NEE,
                        _afweging_antwoorden(naam, antwoord),
                        gebied,
                        f"{naam} = onbekend (de afweging hangt af van wat onbekend is)",
                        f"{naam} = {waarde.value}, maar {ander.value} als {wat}",
                    )
                    break
    return bereikt


_GEEN: Final[Feiten] = dict.fromkeys(CATALOGUS)


def _afweging_laag(
    effectief: ResolvedKader,
    motor: NativeKader,
    basismotor: NativeKader | None,
    k: _Kleinste,
) -> tuple[set[str], bool, int]:
    """Every afweging over its fact regions; returns reached rules, completeness, size."""
    bereikt: set[str] = set()
    volledig = True
    grootte = 0
    leeg = _leeg(effectief)
    for naam in AFWEGINGEN:
        regels = [g.regel for g in motor.vorm.per_doel[naam]]
        if basismotor is not None:
            regels += [g.regel for g in basismotor.vorm.per_doel[naam]]
        feiten = {f for r in regels for f in r.als.feiten()}
        drempels = drempels_van(regels)
        gebieden, compleet = feitgebieden(feiten, regels)
        volledig &= compleet
        grootte += len(gebieden) * len(ANTWOORDEN)
        waarden = _afweging_waarden(motor, naam, gebieden, leeg)
        bereikt |= _controleer_afweging(motor, naam, gebieden, waarden, drempels, k)
        if basismotor is None:
            continue
        basis = _afweging_waarden(basismotor, naam, gebieden, leeg)
        for (antwoord, gebied), waarde in waarden.items():
            norm = basis[antwoord, gebied]
            if _afweging_rang(naam, waarde) > _afweging_rang(naam, norm):
                k.zie(
                    NOOIT_ZWAKKER,
                    _afweging_antwoorden(naam, antwoord),
                    gebied,
                    f"{naam} = {norm.value} (zoals in de basis)",
                    f"{naam} = {waarde.value}",
                    tuple(g.regel.id for g in motor.vorm.per_doel[naam]),
                )
    return bereikt, volledig, grootte


# -- one version -------------------------------------------------------------------------------


def _beslisfeiten(*motoren: NativeKader | None) -> tuple[set[str], list[Regel]]:
    feiten: set[str] = set()
    regels: list[Regel] = []
    for motor in motoren:
        if motor is None:
            continue
        for doel in (MELDEN, HULP):
            for g in motor.vorm.per_doel[doel]:
                feiten.update(g.feiten)
                regels.append(g.regel)
    return feiten, regels


def _methode(aantal_gebieden: int, *, volledig: bool) -> str:
    ruimte = f"{3 ** len(AFWEGINGEN)} antwoordcombinaties"
    if aantal_gebieden > 1:
        ruimte += f" × {aantal_gebieden} feitgebieden"
    woord = "uitputtend" if volledig else "steekproef (ruimte te groot)"
    return f"{woord}: {ruimte}"


def opsomming_versie(effectief: ResolvedKader) -> VersieRapport:
    """Check the invariants of :data:`OPGESOMD` on one resolved version by enumeration.

    Proved (``bewezen``) where the regions were enumerated completely, sampled
    (``steekproef``) where a layer has more regions than the limit in force
    (:data:`~meldcode_rules.analysis.gebieden.GRENS`).
    """
    motor = native(effectief)
    basismotor = native(effectief.basis) if effectief.basis is not None else None
    k = _Kleinste()
    feiten, regels = _beslisfeiten(motor, basismotor)
    gebieden, volledig = feitgebieden(feiten, regels)
    drempels = drempels_van(regels)
    rijen = _beslis_tabel(motor, effectief, gebieden)

    _controleer_normen(effectief, rijen, k)
    _controleer_onbekend(rijen, k)
    _controleer_monotoon(rijen, gebieden, drempels, k)
    _controleer_bronnen(effectief, k)
    _controleer_sluiten(motor, rijen, k)
    opnieuw = _beslis_tabel(NativeKader(effectief), effectief, gebieden)
    for een, twee in zip(rijen, opnieuw, strict=True):
        if (een.melden, een.hulp) != (twee.melden, twee.hulp):
            k.zie(
                DETERMINISME,
                een.antwoorden,
                een.gebied,
                f"melden = {een.melden}, hulp = {een.hulp}",
                f"melden = {twee.melden}, hulp = {twee.hulp} na opnieuw compileren",
            )
            break
    if basismotor is not None and effectief.basis is not None:
        norm = _beslis_tabel(basismotor, effectief.basis, gebieden)
        for rij, basis in zip(rijen, norm, strict=True):
            for doel, waarde, normwaarde in (
                (MELDEN, rij.melden, basis.melden),
                (HULP, rij.hulp, basis.hulp),
            ):
                if _rang(doel, waarde) > _rang(doel, normwaarde):
                    k.zie(
                        NOOIT_ZWAKKER,
                        rij.antwoorden,
                        rij.gebied,
                        f"{doel} = {normwaarde} (zoals in {effectief.basis.kader.id} "
                        f"{effectief.basis.versie.versie})",
                        f"{doel} = {waarde}",
                        rij.regels[doel],
                    )

    bereikt, afweging_volledig, afweging_grootte = _afweging_laag(effectief, motor, basismotor, k)
    bereikt |= _bereikbaar_beslis(motor, rijen)
    eigen = eigen_regels(effectief)
    for regel in effectief.regels:
        if regel.id in eigen and regel.id not in bereikt:
            k.zonder_invoer(
                BEREIKBAAR,
                Tegenvoorbeeld(
                    BEREIKBAAR,
                    (),
                    f"regel {regel.id} geldt bij ten minste één invoer",
                    f"de voorwaarde '{regel.als}' is bij geen enkele invoer ja",
                    (regel.id,),
                    toelichting=f"regel {regel.id} ({regel.doel} = {regel.conclusie}) kan nooit "
                    "gelden",
                ),
            )
    woord = "uitputtend" if afweging_volledig else "steekproef (ruimte te groot)"
    return _rapport(
        effectief,
        k,
        (_methode(len(gebieden), volledig=volledig), volledig),
        (
            f"afwegingen {woord}: {afweging_grootte} combinaties van antwoord en feiten",
            volledig and afweging_volledig,
        ),
    )


OPGESOMD: Final = (*INVARIANTEN, VOLLEDIG, BEREIKBAAR, CONSISTENT)
"""The invariants of a version the enumeration checks (the others are checks of the kader)."""

_BESLISLAAG: Final = (
    MELDNORM,
    HULPVOORWAARDEN,
    GEEN_VERMOEDEN,
    VOLLEDIG,
    DETERMINISME,
    BRON,
    SLUITEN,
)
"""Invariants decided by the decision table alone."""


def _rapport(
    effectief: ResolvedKader,
    k: _Kleinste,
    beslislaag: tuple[str, bool],
    afweginglaag: tuple[str, bool],
) -> VersieRapport:
    beslis, afweging = beslislaag[0], afweginglaag[0]
    uitslagen: list[Uitslag] = []
    for inv in OPGESOMD:
        voorbeeld = k[inv.naam]
        reden = niet_van_toepassing(inv, effectief)
        if reden is not None:
            uitslagen.append(Uitslag(inv, "niet_van_toepassing", reden))
            continue
        methode = beslis
        if inv in (ONBEKEND_NOOIT_NEE, MONOTOON, NOOIT_ZWAKKER, CONSISTENT, BEREIKBAAR):
            methode = f"{beslis}; {afweging}"
        if inv is BRON:
            methode = f"elke regel van de versie; {beslis}"
        volledig = beslislaag[1] if inv in _BESLISLAAG else afweginglaag[1]
        status: Status = "bewezen" if volledig else "steekproef"
        if voorbeeld is not None:
            status = "geschonden"
        uitslagen.append(Uitslag(inv, status, methode, voorbeeld))
    basis = (
        f"{effectief.basis.kader.id} {effectief.basis.versie.versie}" if effectief.basis else None
    )
    v = effectief.versie
    return VersieRapport(
        effectief.kader.id, v.versie, v.geldig_van, v.geldig_tot, basis, tuple(uitslagen)
    )
