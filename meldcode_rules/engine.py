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
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, cast

from meldcode_rules.feiten import Feiten, afleiden
from meldcode_rules.logica import JA, NEE, ONBEKEND, Richting, Waarde, beschermend, niet
from meldcode_rules.regels import (
    ACTIE,
    AFWEGINGEN,
    HULP,
    MELDEN,
    SIGNALERING,
    Altijd,
    Bron,
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
    HulpBeslissing,
    KaderInfo,
    MeldBeslissing,
    RegelSpoor,
    Signalering,
    Uitkomst,
)

if TYPE_CHECKING:
    from datetime import date

    from meldcode_rules.casus import Casus
    from meldcode_rules.registry import EffectieveVersie

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


def _verwijzing(bron: Bron) -> BronVerwijzing:
    return BronVerwijzing(
        uitgever=bron.uitgever,
        titel=bron.titel,
        versie=bron.versie,
        datum=bron.datum,
        adres=bron.adres,
        passage=bron.passage,
    )


@dataclass(frozen=True, slots=True)
class _Regel:
    regel: Regel
    toets: Toets
    feiten: tuple[str, ...]
    tekst: str
    bron: BronVerwijzing

    def spoor(self, resultaat: Waarde, env: Feiten, kader: str, versie: str) -> RegelSpoor:
        return RegelSpoor(
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


def vingerafdruk(effectief: EffectieveVersie) -> str:
    """A stable hash of a resolved kader version's rule tree (for auditors)."""
    h = hashlib.sha256()
    h.update(f"{effectief.kader.id}\n{effectief.versie.versie}\n".encode())
    if effectief.basis is not None:
        h.update(f"basis {effectief.basis.kader.id} {effectief.basis.versie.versie}\n".encode())
    for r in effectief.regels:
        b = r.bron
        regel = (
            f"{r.id}|{r.doel}|{r.conclusie}|{r.als}|{b.uitgever}|{b.titel}|{b.versie}|"
            f"{b.datum}|{b.adres}|{b.passage}\n"
        )
        h.update(regel.encode())
    return h.hexdigest()[:16]


class GecompileerdeVersie:
    """A resolved kader version compiled into closures; evaluation is a pure function."""

    def __init__(self, effectief: EffectieveVersie) -> None:
        """Compile every rule of ``effectief`` once."""
        self.effectief = effectief
        self.kader_id = effectief.kader.id
        self.versie = effectief.versie.versie
        gecompileerd = [
            _Regel(
                r,
                _compileer_voorwaarde(r.als),
                tuple(sorted(r.als.feiten())),
                str(r.als),
                _verwijzing(r.bron),
            )
            for r in effectief.regels
        ]
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
    def evalueer(self, casus: Casus, peildatum: date, engine: str = "native") -> Uitkomst:
        """Evaluate a validated casus on a peildatum."""
        env = afleiden(casus, peildatum)
        signaleringen: list[Signalering] = []
        antwoorden = casus.antwoorden
        afwegingen: dict[str, AfwegingUitkomst] = {}
        for naam in AFWEGINGEN:
            uitkomst = self._afweging(naam, getattr(antwoorden, naam), env, signaleringen)
            afwegingen[naam] = uitkomst
        for naam, uitkomst in afwegingen.items():
            env[naam] = uitkomst.waarde
        beslissingen = {d: self._beslissing(d, env, signaleringen) for d in (MELDEN, HULP)}
        for doel, beslissing in beslissingen.items():
            env[doel] = beslissing.waarde
            if beslissing.waarde == "onbepaald":
                vragen = "; ".join(f"{a}: {self.vragen[a]}" for a in beslissing.hangt_af_van)
                signaleringen.append(
                    Signalering(
                        code="onbepaald",
                        omschrijving=f"Beslissing {doel} is onbepaald: die hangt af van afwegingen "
                        f"die onbekend zijn ({vragen or 'geen regel is van toepassing'}). "
                        "Beantwoord ze; bij twijfel: raadpleeg Veilig Thuis.",
                    )
                )
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
        signaleringen.extend(
            Signalering(code=g.regel.conclusie, omschrijving=g.regel.label, regel=g.regel.id)
            for g in self.signaleringen
            if g.toets(env) is JA
        )
        return Uitkomst(
            casus_id=casus.id,
            peildatum=peildatum,
            kader=self.info,
            engine="durable" if engine == "durable" else "native",
            melden=cast("MeldBeslissing", beslissingen[MELDEN].waarde),
            hulp=cast("HulpBeslissing", beslissingen[HULP].waarde),
            afwegingen=afwegingen,
            beslissingen=beslissingen,
            acties=tuple(acties),
            signaleringen=tuple(signaleringen),
        )


_CACHE: dict[tuple[str, str, str, int], GecompileerdeVersie] = {}
_CACHE_LOCK: Final = threading.Lock()


def compileer(effectief: EffectieveVersie) -> GecompileerdeVersie:
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
