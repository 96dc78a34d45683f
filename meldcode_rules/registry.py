"""Finding kaders through the entry-point group ``meldcode_rules.kaders``.

The engine never imports ``kaders`` by name: the shipped kaders are registered in
this project's ``pyproject.toml`` exactly as any other distribution registers its
own. Each entry point names a :class:`~meldcode_rules.kader.Kader` object. Every kader
is validated when it is loaded (fact names and types, conclusions, sources, dates,
unique ids); a kader that fails to import or to validate is reported by name with
the reason and skipped, and the others keep working.

**Extensions may add and tighten, never weaken.** A kader that ``breidt_uit`` another
(a sector kader extending ``basis``, an organisation's own meldcode extending a sector
kader) is checked twice when it is loaded:

- *structurally* (:func:`verzwakking`): an ``aanscherping`` keeps the doel and the
  conclusie of the rule it replaces, and a rule whose conclusion protects (``melden
  ja``, ``acute_onveiligheid ja``, ``passende_hulp nee``, an actie...) may only fire in
  more cases (write ``basisregel.als | extra``), a rule whose conclusion is lenient
  (``melden nee``, ``hulp ja``, ``medewerking ja``...) only in fewer (``basisregel.als &
  extra``); a new rule of the extension never concludes leniently on an afweging or a
  beslissing;
- *exhaustively* (:func:`norm_schendingen`): over all 3^6 = 729 answer combinations,
  the extension's ``melden`` and ``hulp`` are never less protective than its base's, in
  the order of :data:`meldcode_rules.engine.BESCHERMING` (so never ``nee`` where the
  base says ``onbepaald``, always ``ja`` where the base says ``ja``).

A kader that fails either check is reported as broken with a message naming the rule,
and skipped. The exhaustive check runs for every kader from another distribution (and
for kaders given to :class:`Registry` directly); the kaders shipped with this project
are held to the same check by their tests, so loading them costs nothing.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from typing import Final

from meldcode_rules.casus import Casus
from meldcode_rules.errors import KaderError, PeildatumError, suggesties
from meldcode_rules.feiten import CATALOGUS, HULP_WAARDEN, MELDEN_WAARDEN, afleiden
from meldcode_rules.kader import SECTOREN, Kader, KaderVersie
from meldcode_rules.logica import Waarde
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
    Of,
    Regel,
    Voorwaarde,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "ResolvedKader",
    "BrokenKader",
    "Registry",
    "controleer_norm",
    "norm_schendingen",
    "default_registry",
    "valideer_kader",
    "verzwakking",
]

EIGEN_DISTRIBUTIE: Final = "meldcode-rules"
"""The distribution of this project: its kaders are checked by their tests, not on load."""

ENTRY_POINT_GROUP: Final = "meldcode_rules.kaders"
"""The entry-point group through which every kader is found."""

_FEITBRONNEN: Final = frozenset({"signalen", "betrokkenen", "stappen", "hulp"})


@dataclass(frozen=True, slots=True)
class BrokenKader:
    """A kader that could not be loaded, with the reason (no traceback)."""

    naam: str
    distributie: str
    reden: str


@dataclass(frozen=True, slots=True)
class ResolvedKader:
    """A kader version with the rules of the kader it extends resolved in.

    This is what the engines, the analysis and the renderer work on.
    """

    kader: Kader
    versie: KaderVersie
    basis: ResolvedKader | None
    """The resolved version of the extended kader, if any."""
    regels: tuple[Regel, ...]
    """Every rule that holds: inherited (possibly tightened) and own."""
    vragen: tuple[tuple[str, str], ...]
    """The afwegingsvragen, the most specific wording first."""

    @property
    def sleutel(self) -> tuple[str, str, str]:
        """A key that identifies this resolved version (kader, version, base version)."""
        basis = self.basis.versie.versie if self.basis else ""
        return (self.kader.id, self.versie.versie, basis)

    def vraag(self, afweging: str) -> str:
        """The question for ``afweging`` in the most specific wording available."""
        for naam, tekst in self.vragen:
            if naam == afweging:
                return tekst
        return afweging.replace("_", " ")

    def regel(self, regel_id: str) -> Regel | None:
        """The effective rule with this id."""
        for regel in self.regels:
            if regel.id == regel_id:
                return regel
        return None


def _bladeren(voorwaarde: Voorwaarde) -> list[Voorwaarde]:
    delen = voorwaarde.delen()
    if not delen:
        return [voorwaarde]
    return [blad for deel in delen for blad in _bladeren(deel)]


def _valideer_voorwaarde(regel: Regel, toegestaan: frozenset[str]) -> None:
    for blad in _bladeren(regel.als):
        if isinstance(blad, Altijd):
            continue
        if not isinstance(blad, Feit | Is | Minstens):
            msg = f"regel {regel.id}: onbekend soort voorwaarde {type(blad).__name__}"
            raise KaderError(msg)
        info = CATALOGUS.get(blad.naam)
        if info is None:
            hint = suggesties(blad.naam, CATALOGUS)
            extra = f" (bedoelt u: {', '.join(hint)}?)" if hint else ""
            msg = f"regel {regel.id}: onbekend feit {blad.naam}{extra}"
            raise KaderError(msg)
        if info.bron not in toegestaan:
            msg = f"regel {regel.id}: {regel.doel} mag {blad.naam} ({info.bron}) niet lezen"
            raise KaderError(msg)
        if isinstance(blad, Minstens) and info.soort != "getal":
            msg = f"regel {regel.id}: {blad.naam} is geen aantal"
            raise KaderError(msg)
        if isinstance(blad, Feit) and info.soort != "waarde":
            msg = f"regel {regel.id}: {blad.naam} is geen ja/nee/onbekend-feit"
            raise KaderError(msg)
        if isinstance(blad, Is):
            keuzes = info.keuzes or ("ja", "nee", "onbekend")
            if info.soort == "getal" or blad.waarde not in keuzes:
                msg = f"regel {regel.id}: {blad.naam} kan niet {blad.waarde} zijn"
                raise KaderError(msg)


def _valideer_regel(regel: Regel) -> None:
    if regel.doel in AFWEGINGEN:
        conclusies: tuple[str, ...] = ("ja", "nee")
        toegestaan = _FEITBRONNEN
    elif regel.doel == MELDEN:
        conclusies, toegestaan = MELDEN_WAARDEN[:2], _FEITBRONNEN | {"afweging"}
    elif regel.doel == HULP:
        conclusies = tuple(w for w in HULP_WAARDEN if w != "onbepaald")
        toegestaan = _FEITBRONNEN | {"afweging"}
    elif regel.doel in (ACTIE, SIGNALERING):
        conclusies, toegestaan = (), _FEITBRONNEN | {"afweging", "beslissing"}
    else:
        hint = suggesties(regel.doel, (*AFWEGINGEN, MELDEN, HULP, ACTIE, SIGNALERING))
        extra = f" (bedoelt u: {', '.join(hint)}?)" if hint else ""
        msg = f"regel {regel.id}: onbekend doel {regel.doel}{extra}"
        raise KaderError(msg)
    if conclusies and regel.conclusie not in conclusies:
        msg = f"regel {regel.id}: conclusie {regel.conclusie} past niet bij {regel.doel}"
        raise KaderError(msg)
    if not conclusies and not regel.conclusie.replace("_", "").isalnum():
        msg = f"regel {regel.id}: de code van een actie of signalering is snake_case"
        raise KaderError(msg)
    b = regel.bron
    if not isinstance(b, Bron) or not (b.uitgever and b.titel and b.adres and b.passage):
        msg = (
            f"regel {regel.id}: bron onvolledig (uitgever, titel, adres en passage zijn verplicht)"
        )
        raise KaderError(msg)
    if not regel.label:
        msg = f"regel {regel.id}: label ontbreekt"
        raise KaderError(msg)
    _valideer_voorwaarde(regel, toegestaan)


def valideer_kader(kader: object) -> None:
    """Check a kader's declarations; raise :class:`KaderError` naming the offending rule."""
    if not isinstance(kader, Kader):
        msg = "het entry point verwijst niet naar een Kader"
        raise KaderError(msg)
    if not kader.versies:
        msg = f"kader {kader.id}: geen versies"
        raise KaderError(msg)
    onbekend = [s for s in kader.sectoren if s not in SECTOREN]
    if onbekend:
        msg = f"kader {kader.id}: onbekende sector (kies uit: {', '.join(SECTOREN)})"
        raise KaderError(msg)
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    for eerder, later in itertools.pairwise(versies):
        if eerder.geldig_tot is None or eerder.geldig_tot >= later.geldig_van:
            msg = f"kader {kader.id}: versies {eerder.versie} en {later.versie} overlappen"
            raise KaderError(msg)
    for versie in kader.versies:
        _valideer_versie(kader, versie)


def _valideer_versie(kader: Kader, versie: KaderVersie) -> None:
    if versie.geldig_tot is not None and versie.geldig_tot < versie.geldig_van:
        msg = f"kader {kader.id} versie {versie.versie}: geldig_tot ligt voor geldig_van"
        raise KaderError(msg)
    ids: set[str] = set()
    alle: tuple[object, ...] = (*versie.regels, *versie.aanscherpingen)
    for regel in alle:
        if not isinstance(regel, Regel):
            msg = f"kader {kader.id} versie {versie.versie}: geen Regel in de regels"
            raise KaderError(msg)
        if regel.id in ids:
            msg = f"kader {kader.id} versie {versie.versie}: regel-id {regel.id} dubbel"
            raise KaderError(msg)
        ids.add(regel.id)
        _valideer_regel(regel)
    for naam, _ in versie.afwegingsvragen:
        if naam not in AFWEGINGEN:
            msg = f"kader {kader.id}: afwegingsvraag voor onbekende afweging {naam}"
            raise KaderError(msg)
    if kader.breidt_uit is None and versie.aanscherpingen:
        msg = f"kader {kader.id}: aanscherpingen zonder een kader om uit te breiden"
        raise KaderError(msg)


class Registry:
    """A set of kaders, loaded from entry points (or given), validated, resolved and cached."""

    def __init__(self, kaders: list[Kader] | None = None) -> None:
        """Create a register; without ``kaders`` it loads the entry-point group lazily."""
        self._lock = threading.RLock()
        self._kaders: dict[str, Kader] | None = None
        self._herkomst: dict[str, str] = {}
        self._gebroken: list[BrokenKader] = []
        self._effectief: dict[tuple[str, str, str], ResolvedKader] = {}
        if kaders is not None:
            self._kaders = {}
            for kader in kaders:
                self._voeg_toe(kader, "(gegeven)")
            self._controleer_uitbreidingen()

    def _voeg_toe(self, kader: object, distributie: str) -> None:
        assert self._kaders is not None
        try:
            valideer_kader(kader)
        except KaderError as fout:
            naam = getattr(kader, "id", "?")
            self._gebroken.append(BrokenKader(str(naam), distributie, str(fout)))
            return
        assert isinstance(kader, Kader)  # valideer_kader checked it
        if kader.id in self._kaders:
            self._gebroken.append(
                BrokenKader(kader.id, distributie, f"id {kader.id} is al geregistreerd")
            )
            return
        self._kaders[kader.id] = kader
        self._herkomst[kader.id] = distributie

    def _controleer_uitbreidingen(self) -> None:
        assert self._kaders is not None
        gewijzigd = True
        while gewijzigd:
            gewijzigd = False
            for kader in list(self._kaders.values()):
                reden = self._uitbreiding_fout(kader)
                if reden is not None:
                    del self._kaders[kader.id]
                    self._gebroken.append(
                        BrokenKader(kader.id, self._herkomst.get(kader.id, "?"), reden)
                    )
                    gewijzigd = True

    def _uitbreiding_fout(self, kader: Kader) -> str | None:  # noqa: PLR0911 - one reason each
        assert self._kaders is not None
        if kader.breidt_uit is None:
            return None
        basis = self._kaders.get(kader.breidt_uit)
        if basis is None:
            return f"kader {kader.id} breidt onbekend kader {kader.breidt_uit} uit"
        for versie in kader.versies:
            basisversie = basis.versie_op(versie.geldig_van)
            if basisversie is None:
                return (
                    f"kader {kader.id} versie {versie.versie}: {basis.id} heeft geen versie "
                    f"op {versie.geldig_van.isoformat()}"
                )
            try:
                geerfd = {r.id for r in self._resolveer(basis, basisversie).regels}
            except KaderError as fout:
                return str(fout)
            for regel in versie.aanscherpingen:
                if regel.id not in geerfd:
                    return (
                        f"kader {kader.id} versie {versie.versie}: aanscherping {regel.id} "
                        f"noemt geen regel van {basis.id}"
                    )
            for regel in versie.regels:
                if regel.id in geerfd:
                    return (
                        f"kader {kader.id} versie {versie.versie}: regel {regel.id} bestaat al in "
                        f"{basis.id}; een regel van de basis wijzigen kan alleen als aanscherping"
                    )
            reden = self._structuur_fout(kader, versie, basis, basisversie)
            if reden is not None:
                return reden
        if self._herkomst.get(kader.id) != EIGEN_DISTRIBUTIE:
            return self._norm_fout(kader, basis)
        return None

    def _structuur_fout(
        self, kader: Kader, versie: KaderVersie, basis: Kader, basisversie: KaderVersie
    ) -> str | None:
        geerfd = {r.id: r for r in self._resolveer(basis, basisversie).regels}
        for regel in versie.aanscherpingen:
            reden = verzwakking(geerfd[regel.id], regel)
            if reden is not None:
                return f"kader {kader.id} versie {versie.versie}: aanscherping {regel.id} {reden}"
        for regel in versie.regels:
            if not _beschermt(regel):
                return (
                    f"kader {kader.id} versie {versie.versie}: regel {regel.id} concludeert "
                    f"{regel.doel} = {regel.conclusie}, de minst beschermende kant; een "
                    "uitbreiding "
                    "mag de wettelijke norm niet verzwakken"
                )
        return None

    def _norm_fout(self, kader: Kader, basis: Kader) -> str | None:
        for versie in kader.versies:
            for basisversie in basis.versies:
                if not _overlappen(versie, basisversie):
                    continue
                datum = max(versie.geldig_van, basisversie.geldig_van)
                try:
                    schendingen = norm_schendingen(self._resolveer(kader, versie, datum))
                except KaderError as fout:
                    return str(fout)
                if schendingen:
                    return schendingen[0]
        return None

    def _laad(self) -> dict[str, Kader]:
        with self._lock:
            if self._kaders is not None:
                return self._kaders
            self._kaders = {}
            for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
                distributie = ep.dist.name if ep.dist is not None else "?"
                try:
                    kader = ep.load()
                except Exception as fout:  # noqa: BLE001 - a broken plugin must not stop the rest
                    reden = f"laden mislukt: {type(fout).__name__}"
                    self._gebroken.append(BrokenKader(ep.name, distributie, reden))
                    continue
                self._voeg_toe(kader, distributie)
            self._controleer_uitbreidingen()
            return self._kaders

    def kaders(self) -> list[Kader]:
        """Every valid kader, sorted by id."""
        return sorted(self._laad().values(), key=lambda k: k.id)

    def gebroken(self) -> list[BrokenKader]:
        """The kaders that could not be loaded, with the reason."""
        self._laad()
        return list(self._gebroken)

    def distributie(self, kader_id: str) -> str:
        """The distribution a kader came from."""
        self._laad()
        return self._herkomst.get(kader_id, "?")

    def kader(self, kader_id: str) -> Kader:
        """The kader with this id; :class:`KaderError` with suggestions when unknown."""
        kaders = self._laad()
        gevonden = kaders.get(kader_id)
        if gevonden is None:
            for gebroken in self._gebroken:
                if gebroken.naam == kader_id:
                    msg = f"kader {kader_id} is overgeslagen: {gebroken.reden}"
                    raise KaderError(msg)
            hint = suggesties(kader_id, kaders)
            extra = f"; bedoelt u: {', '.join(hint)}?" if hint else ""
            bekend = ", ".join(sorted(kaders))
            msg = f"onbekend kader{extra} (bekend: {bekend})"
            raise KaderError(msg)
        return gevonden

    def versie(self, kader: str | Kader, peildatum: date) -> ResolvedKader:
        """The resolved version of a kader on a peildatum."""
        k = self.kader(kader) if isinstance(kader, str) else kader
        versie = k.versie_op(peildatum)
        if versie is None:
            reeks = ", ".join(
                f"{v.versie} ({v.geldig_van.isoformat()} t/m "
                f"{v.geldig_tot.isoformat() if v.geldig_tot else 'heden'})"
                for v in k.versies
            )
            msg = f"kader {k.id} heeft geen versie op de peildatum (versies: {reeks})"
            raise PeildatumError(msg)
        return self._resolveer(k, versie, peildatum)

    def _resolveer(
        self, kader: Kader, versie: KaderVersie, peildatum: date | None = None
    ) -> ResolvedKader:
        datum = peildatum or versie.geldig_van
        basis: ResolvedKader | None = None
        if kader.breidt_uit is not None:
            basiskader = self.kader(kader.breidt_uit)
            basis = self.versie(basiskader, max(datum, versie.geldig_van))
        sleutel = (kader.id, versie.versie, basis.versie.versie if basis else "")
        with self._lock:
            bekend = self._effectief.get(sleutel)
            if bekend is not None and bekend.kader is kader:
                return bekend
        regels: list[Regel] = []
        vragen = list(versie.afwegingsvragen)
        if basis is not None:
            vervangen = {r.id: r for r in versie.aanscherpingen}
            regels.extend(vervangen.get(r.id, r) for r in basis.regels)
            eigen = {naam for naam, _ in vragen}
            vragen.extend((n, t) for n, t in basis.vragen if n not in eigen)
        regels.extend(versie.regels)
        effectief = ResolvedKader(kader, versie, basis, tuple(regels), tuple(vragen))
        with self._lock:
            self._effectief[sleutel] = effectief
        return effectief


# -- never weaker than the norm ------------------------------------------------------------------

_BESCHERMEND: Final[dict[str, frozenset[str]]] = {
    "vermoeden": frozenset({"ja"}),
    "acute_onveiligheid": frozenset({"ja"}),
    "structurele_onveiligheid": frozenset({"ja"}),
    "passende_hulp": frozenset({"nee"}),
    "medewerking": frozenset({"nee"}),
    "duurzame_veiligheid": frozenset({"nee"}),
    MELDEN: frozenset({"ja"}),
    HULP: frozenset({"met_veilig_thuis", "nee"}),
}
"""Per afweging and beslissing, the conclusions that protect (the others are lenient)."""

_SLUITEND: Final = frozenset({"afsluiten_en_vastleggen", "hulp_afsluiten_en_monitoren"})
"""Actions that close the meldcode or the hulp: firing them more often is lenient."""


def _beschermt(regel: Regel) -> bool:
    if regel.doel in (ACTIE, SIGNALERING):
        return regel.conclusie not in _SLUITEND
    return regel.conclusie in _BESCHERMEND.get(regel.doel, frozenset())


def verzwakking(oud: Regel, nieuw: Regel) -> str | None:
    """Why replacing ``oud`` by ``nieuw`` would weaken the kader, or ``None`` when it tightens.

    A protective rule may only fire in more cases (``nieuw.als`` is ``oud.als`` or
    ``Of(oud.als, ...)``); a lenient rule only in fewer (``oud.als`` or ``En(oud.als, ...)``).
    Doel and conclusie stay the same. This is a sufficient, purely structural test: it
    never needs to evaluate anything.
    """
    if nieuw.doel != oud.doel or nieuw.conclusie != oud.conclusie:
        return (
            f"wijzigt doel of conclusie ({oud.doel} = {oud.conclusie}); een aanscherping "
            "houdt beide gelijk"
        )
    if nieuw.als == oud.als:
        return None
    if _beschermt(oud):
        if isinstance(nieuw.als, Of) and oud.als in nieuw.als.onderdelen:
            return None
        return (
            "zou minder vaak gelden dan de regel die zij vervangt; een beschermende regel "
            "aanscherpen gaat met `basisregel.als | extra`"
        )
    if isinstance(nieuw.als, En) and oud.als in nieuw.als.onderdelen:
        return None
    return (
        "zou vaker gelden dan de regel die zij vervangt; een regel die de meldcode afsluit "
        "of hulp toestaat aanscherpen gaat met `basisregel.als & extra`"
    )


def _overlappen(a: KaderVersie, b: KaderVersie) -> bool:
    einde_a = a.geldig_tot or date.max
    einde_b = b.geldig_tot or date.max
    return a.geldig_van <= einde_b and b.geldig_van <= einde_a


_ANTWOORDEN: Final = (Waarde.JA, Waarde.NEE, Waarde.ONBEKEND)
_BESLIS_CACHE: dict[tuple[str, str, str, int], tuple[tuple[str, str], ...]] = {}
_BESLIS_LOCK: Final = threading.Lock()


def _beslissingen(effectief: ResolvedKader) -> tuple[tuple[str, str], ...]:
    """(melden, hulp) for every answer combination, in itertools.product order."""
    from meldcode_rules.engine import compileer  # noqa: PLC0415 - the engine needs this module

    sleutel = (*effectief.sleutel, id(effectief.kader))
    with _BESLIS_LOCK:
        bekend = _BESLIS_CACHE.get(sleutel)
    if bekend is not None:
        return bekend
    motor = compileer(effectief)
    leeg = afleiden(Casus(id="norm"), effectief.versie.geldig_van)
    # With no casus facts an afweging depends only on its own answer: 18 evaluations.
    tabel = {
        (naam, w): motor._afweging(naam, w, leeg, []).waarde  # noqa: SLF001 - same package
        for naam in AFWEGINGEN
        for w in _ANTWOORDEN
    }
    uit: list[tuple[str, str]] = []
    for combinatie in itertools.product(_ANTWOORDEN, repeat=len(AFWEGINGEN)):
        env = dict(leeg)
        for naam, w in zip(AFWEGINGEN, combinatie, strict=True):
            env[naam] = tabel[naam, w]
        melden = motor._beslissing(MELDEN, env, []).waarde  # noqa: SLF001 - same package
        env[MELDEN] = melden
        uit.append((melden, motor._beslissing(HULP, env, []).waarde))  # noqa: SLF001
    resultaat = tuple(uit)
    with _BESLIS_LOCK:
        _BESLIS_CACHE[sleutel] = resultaat
    return resultaat


def norm_schendingen(effectief: ResolvedKader, maximum: int = 3) -> list[str]:
    """Where an extension is less protective than its base, over all 729 answer combinations.

    Compares ``melden`` and ``hulp`` of ``effectief`` with those of ``effectief.basis``
    using the native engine. Deterministic (the combinations are enumerated in a fixed
    order) and fast (the afwegingen are evaluated once per answer, the beslissingen once
    per combination, and results are cached per resolved version).

    Args:
        effectief: a resolved version of a kader that extends another.
        maximum: stop after this many violations.

    Returns:
        One Dutch message per violation (empty when the extension never weakens its base);
        each names the decision, the two values, the answer combination (no casus data)
        and the rules of the extension that can be the cause.
    """
    from meldcode_rules.engine import BESCHERMING  # noqa: PLC0415 - the engine needs this module

    if effectief.basis is None:
        return []
    eigen = effectief.versie
    verdacht = [r.id for r in (*eigen.aanscherpingen, *eigen.regels) if r.doel != ACTIE]
    meldingen: list[str] = []
    combinaties = itertools.product(_ANTWOORDEN, repeat=len(AFWEGINGEN))
    paren = zip(_beslissingen(effectief), _beslissingen(effectief.basis), strict=True)
    for combinatie, (uitbreiding, basis) in zip(combinaties, paren, strict=True):
        for doel, waarde, norm in zip((MELDEN, HULP), uitbreiding, basis, strict=True):
            orde = BESCHERMING[doel]
            if orde.index(waarde) <= orde.index(norm):
                continue
            antwoorden = ", ".join(
                f"{n}={w.value}" for n, w in zip(AFWEGINGEN, combinatie, strict=True)
            )
            regels = ", ".join(verdacht) or "(geen eigen regels)"
            meldingen.append(
                f"kader {effectief.kader.id} versie {eigen.versie} verzwakt de norm van "
                f"{effectief.basis.kader.id} {effectief.basis.versie.versie}: {doel} is {waarde} "
                f"waar de basis {norm} geeft (bij {antwoorden}); betrokken regel(s): {regels}"
            )
            if len(meldingen) >= maximum:
                return meldingen
    return meldingen


def controleer_norm(effectief: ResolvedKader) -> None:
    """Raise :class:`KaderError` naming the rule when ``effectief`` weakens its base."""
    schendingen = norm_schendingen(effectief, maximum=1)
    if schendingen:
        raise KaderError(schendingen[0])


_STANDAARD: Registry | None = None
_STANDAARD_LOCK: Final = threading.Lock()


def default_registry() -> Registry:
    """The process-wide register of every kader installed through entry points."""
    global _STANDAARD  # noqa: PLW0603 - one lazily created default, guarded by a lock
    with _STANDAARD_LOCK:
        if _STANDAARD is None:
            _STANDAARD = Registry()
        return _STANDAARD
