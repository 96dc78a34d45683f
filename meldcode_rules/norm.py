"""Extensions may add and tighten, never weaken: the checks the registry runs on load.

A kader that ``breidt_uit`` another (a sector kader extending ``basis``, an
organisation's own meldcode extending a sector kader) is checked twice:

- *structurally* (:func:`verzwakking`, :func:`structuur_fout`): an ``aanscherping`` keeps
  the doel and the conclusie of the rule it replaces, and a rule whose conclusion
  protects (``melden ja``, ``acute_onveiligheid ja``, ``passende_hulp nee``, an actie...)
  may only fire in more cases (write ``basisregel.als | extra``), a rule whose conclusion
  is lenient (``melden nee``, ``hulp ja``, ``medewerking ja``...) only in fewer
  (``basisregel.als & extra``); a new rule of the extension never concludes leniently on
  an afweging or a beslissing;
- *exhaustively* (:func:`norm_schendingen`): over all 729 answer combinations
  (:mod:`meldcode_rules.ruimte`), the extension's ``melden`` and ``hulp`` are never less
  protective than its base's, in the order of :data:`meldcode_rules.afwegingen.BESLISSING`.

Every kader, extension or not, must meet the law itself: :func:`wet_schendingen` checks
the meldnorm, the hulpvoorwaarden and "geen vermoeden, geen melding" over the same 729
combinations (cheap; the full proofs are :mod:`meldcode_rules.analysis`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, BESLISSING, BESLISSINGEN, MELDEN
from meldcode_rules.engine import native
from meldcode_rules.errors import KaderError
from meldcode_rules.logica import JA, NEE
from meldcode_rules.regels import ACTIE, SIGNALERING, En, Of, Regel
from meldcode_rules.ruimte import beslissingen, combinaties

if TYPE_CHECKING:
    from meldcode_rules.kader import Kader, KaderVersie, ResolvedKader

__all__ = [
    "MELDNORM_VANAF",
    "SLUITEND",
    "SLUITEND_VEREIST",
    "beschermt",
    "controleer_norm",
    "geldt_na_2019",
    "hulpvoorwaarden",
    "norm_schendingen",
    "structuur_fout",
    "verzwakking",
    "wet_schendingen",
]

MELDNORM_VANAF: Final = date(2019, 1, 1)
"""The verbeterde meldcode (Besluit van 23 juni 2017, Stb. 2017, 291) applies from this date."""

SLUITEND_VEREIST: Final[dict[str, tuple[str, ...]]] = {
    "afsluiten_en_vastleggen": ("vermoeden",),
    "hulp_afsluiten_en_monitoren": ("vermoeden", "duurzame_veiligheid"),
}
"""Actions that close or de-escalate, with the afwegingen that must be known when they fire.

Closing the meldcode ("geen vermoeden: afsluiten en vastleggen") is only right once the
vermoeden is known to be ``nee``; closing the hulp once the hulp has led to duurzame
veiligheid. While such an afweging is ``onbekend`` the kader must not close anything: the
invariant ``sluiten_alleen_als_bekend`` (:mod:`meldcode_rules.analysis`) proves it."""

SLUITEND: Final = frozenset(SLUITEND_VEREIST)
"""Actions that close the meldcode or the hulp: firing them more often is lenient."""


def geldt_na_2019(effectief: ResolvedKader) -> bool:
    """Whether the version holds on some day from 1 January 2019 (the verbeterde meldcode)."""
    tot = effectief.versie.geldig_tot
    return tot is None or tot >= MELDNORM_VANAF


def hulpvoorwaarden(effectief: ResolvedKader) -> tuple[str, ...]:
    """The hulp conditions that hold for a version: three from 2019, two before.

    A version that holds on any day from 1 January 2019 gets the three conditions of the
    verbeterde meldcode (passende hulp, medewerking, duurzame veiligheid); a version that
    ends before that date gets the two of the earlier stap 5.
    """
    if geldt_na_2019(effectief):
        return ("passende_hulp", "medewerking", "duurzame_veiligheid")
    return ("passende_hulp", "duurzame_veiligheid")


def beschermt(regel: Regel) -> bool:
    """Whether a rule's conclusion is the protective side (firing more often is safe)."""
    if regel.doel in (ACTIE, SIGNALERING):
        return regel.conclusie not in SLUITEND
    if regel.doel in AFWEGING:
        return regel.conclusie == AFWEGING[regel.doel].beschermend
    if regel.doel in BESLISSING:
        return regel.conclusie in BESLISSING[regel.doel].beschermend
    return False


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
    if beschermt(oud):
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


def structuur_fout(kader: Kader, versie: KaderVersie, basis: ResolvedKader) -> str | None:
    """The first structural weakening of ``versie`` against its resolved ``basis``, or ``None``."""
    geerfd = {r.id: r for r in basis.regels}
    for regel in versie.aanscherpingen:
        reden = verzwakking(geerfd[regel.id], regel)
        if reden is not None:
            return f"kader {kader.id} versie {versie.versie}: aanscherping {regel.id} {reden}"
    for regel in versie.regels:
        if regel.doel in (*AFWEGINGEN, *BESLISSINGEN) and not beschermt(regel):
            return (
                f"kader {kader.id} versie {versie.versie}: regel {regel.id} concludeert "
                f"{regel.doel} = {regel.conclusie}, de minst beschermende kant; een "
                "uitbreiding mag de wettelijke norm niet verzwakken"
            )
        if regel.doel == ACTIE and not beschermt(regel):
            return (
                f"kader {kader.id} versie {versie.versie}: regel {regel.id} voegt een actie toe "
                "die de meldcode of de hulp afsluit; een uitbreiding mag de wettelijke norm niet "
                "verzwakken"
            )
    return None


def _antwoorden(combinatie: tuple[object, ...]) -> str:
    return ", ".join(
        f"{n}={getattr(w, 'value', w)}" for n, w in zip(AFWEGINGEN, combinatie, strict=True)
    )


def norm_schendingen(effectief: ResolvedKader, maximum: int = 3) -> list[str]:
    """Where an extension is less protective than its base, over all 729 answer combinations.

    Compares ``melden`` and ``hulp`` of ``effectief`` with those of ``effectief.basis``.
    Deterministic (the combinations are enumerated in the one order of
    :mod:`meldcode_rules.ruimte`) and cached per compiled version.

    Args:
        effectief: a resolved version of a kader that extends another.
        maximum: stop after this many violations.

    Returns:
        One Dutch message per violation (empty when the extension never weakens its base);
        each names the decision, the two values, the answer combination (no casus data)
        and the rules of the extension that can be the cause.
    """
    if effectief.basis is None:
        return []
    eigen = effectief.versie
    verdacht = [r.id for r in (*eigen.aanscherpingen, *eigen.regels) if r.doel != ACTIE]
    meldingen: list[str] = []
    paren = zip(beslissingen(native(effectief)), beslissingen(native(effectief.basis)), strict=True)
    for combinatie, (uitbreiding, basis) in zip(combinaties(), paren, strict=True):
        for doel, waarde, norm in zip(BESLISSINGEN, uitbreiding, basis, strict=True):
            if BESLISSING[doel].rang(waarde) <= BESLISSING[doel].rang(norm):
                continue
            regels = ", ".join(verdacht) or "(geen eigen regels)"
            meldingen.append(
                f"kader {effectief.kader.id} versie {eigen.versie} verzwakt de norm van "
                f"{effectief.basis.kader.id} {effectief.basis.versie.versie}: {doel} is {waarde} "
                f"waar de basis {norm} geeft (bij {_antwoorden(combinatie)}); betrokken "
                f"regel(s): {regels}"
            )
            if len(meldingen) >= maximum:
                return meldingen
    return meldingen


def controleer_norm(effectief: ResolvedKader) -> None:
    """Raise :class:`KaderError` naming the rule when ``effectief`` weakens its base."""
    schendingen = norm_schendingen(effectief, maximum=1)
    if schendingen:
        raise KaderError(schendingen[0])


def wet_schendingen(effectief: ResolvedKader, maximum: int = 3) -> list[str]:
    """Where a version breaks the law on the 729 answer combinations (a cheap check on load).

    Checked: the meldnorm (from 2019: a vermoeden with acute or structurele onveiligheid
    gives ``melden ja``), the hulpvoorwaarden (a vermoeden with a hulp condition ``nee``
    gives ``melden ja``; ``hulp ja`` only when every condition is ``ja``) and "geen
    vermoeden, geen melding" (vermoeden ``nee`` gives ``melden nee``).

    Returns:
        One Dutch message per violation, naming the invariant and the answer combination.
    """
    na_2019 = geldt_na_2019(effectief)
    voorwaarden = [AFWEGINGEN.index(n) for n in hulpvoorwaarden(effectief)]
    v, a, s = (AFWEGINGEN.index(n) for n in AFWEGINGEN[:3])
    meldingen: list[str] = []
    naam = f"kader {effectief.kader.id} versie {effectief.versie.versie}"
    for w, (melden, hulp) in zip(combinaties(), beslissingen(native(effectief)), strict=True):
        fout = ""
        gemeld = melden in BESLISSING[MELDEN].beschermend
        if na_2019 and w[v] is JA and JA in (w[a], w[s]) and not gemeld:
            fout = f"meldnorm: melden is {melden} bij vermoeden en onveiligheid"
        elif w[v] is JA and any(w[i] is NEE for i in voorwaarden) and not gemeld:
            fout = f"hulpvoorwaarden: melden is {melden} terwijl een hulpvoorwaarde nee is"
        elif hulp == "ja" and (w[v] is not JA or any(w[i] is not JA for i in voorwaarden)):
            fout = "hulpvoorwaarden: hulp is ja terwijl niet elke hulpvoorwaarde ja is"
        elif w[v] is NEE and melden != "nee":
            fout = f"geen_vermoeden_geen_melding: melden is {melden} zonder vermoeden"
        if fout:
            meldingen.append(f"{naam} breekt de wet ({fout}; bij {_antwoorden(w)})")
            if len(meldingen) >= maximum:
                break
    return meldingen
