"""Seeded generator of benchmark cases (plain JSON-ready dicts, never personal data).

Three kinds:

- *answers-only*: only ``id`` and some of the six ``antwoorden`` (the professional's
  own weighing, the cheapest path through the engine);
- *signal-rich*: betrokkenen, a handful of dated signalen with kenmerken, stappen,
  hulp and partial answers (every fact source of :mod:`meldcode_rules.feiten` set);
- *dossier*: what a real dossier holds (:func:`dossier`): one to six dated signalen of
  mixed vormen with kenmerken, a household of betrokkenen with the kindcheck facts, the
  steps taken, the hulp facts and all six answers.

The same seed gives the same cases on every machine and Python version
(``random.Random`` with an integer seed is stable), so runs compare.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final

from meldcode_rules.casus import (
    GesprekStatus,
    Herkomst,
    HulpEffect,
    Kenmerk,
    Leeftijd,
    Oudersignaal,
    RedenGeenGesprek,
    Rol,
    Vorm,
)
from meldcode_rules.regels import AFWEGINGEN

if TYPE_CHECKING:
    from collections.abc import Iterator

PEILDATUM_2019 = date(2024, 6, 1)
"""A peildatum on which every 2019 version applies."""
PEILDATUM_2013 = date(2017, 6, 1)
"""A peildatum on which the 2013 version of basis applies."""

_WAARDEN = ("ja", "nee", "onbekend")
_VORMEN = tuple(v.value for v in Vorm)
_KENMERKEN = tuple(k.value for k in Kenmerk)
_ROLLEN = tuple(r.value for r in Rol)
_LEEFTIJDEN = tuple(leeftijd.value for leeftijd in Leeftijd)


def antwoorden(rng: random.Random, kans: float = 0.8) -> dict[str, str]:
    """Some of the six answers (each present with probability ``kans``)."""
    return {a: rng.choice(_WAARDEN) for a in AFWEGINGEN if rng.random() < kans}


def answers_only(rng: random.Random, nummer: int) -> dict[str, Any]:
    """A casus with only an id and (some of) the professional's answers."""
    return {"id": f"a{nummer}", "antwoorden": antwoorden(rng)}


def _betrokkenen(rng: random.Random) -> list[dict[str, Any]]:
    uit: list[dict[str, Any]] = [
        {"id": "k1", "rol": "kind", "leeftijd": rng.choice(_LEEFTIJDEN[:4])},
        {"id": "o1", "rol": "ouder_verzorger", "leeftijd": "18_64"},
    ]
    for i in range(rng.randint(0, 3)):
        b: dict[str, Any] = {"id": f"b{i}", "rol": rng.choice(_ROLLEN)}
        if rng.random() < 0.7:
            b["leeftijd"] = rng.choice(_LEEFTIJDEN)
        if rng.random() < 0.2:
            b["zorgafhankelijk"] = True
        if rng.random() < 0.3:
            b["oudersignalen"] = rng.sample([o.value for o in Oudersignaal], rng.randint(1, 2))
            b["zorgt_voor_minderjarigen"] = rng.choice(_WAARDEN)
        uit.append(b)
    return uit


def signalen(
    rng: random.Random, aantal: int, ids: list[str], peildatum: date
) -> list[dict[str, Any]]:
    """``aantal`` signalen about the betrokkenen ``ids``, dated around ``peildatum``."""
    uit: list[dict[str, Any]] = []
    for _ in range(aantal):
        s: dict[str, Any] = {"vorm": rng.choice(_VORMEN)}
        if rng.random() < 0.9:
            # Mostly in the past, sometimes after the peildatum (then not counted).
            s["datum"] = (peildatum - timedelta(days=rng.randint(-30, 700))).isoformat()
        if ids and rng.random() < 0.8:
            s["over"] = rng.choice(ids)
        if ids and rng.random() < 0.5:
            s["door"] = rng.choice(ids)
        if rng.random() < 0.3:
            s["herkomst"] = Herkomst.GEMELD.value
        if rng.random() < 0.35:
            s["kenmerken"] = rng.sample(_KENMERKEN, rng.randint(1, 2))
        uit.append(s)
    return uit


def signal_rich(
    rng: random.Random, nummer: int, peildatum: date = PEILDATUM_2019
) -> dict[str, Any]:
    """A casus with betrokkenen, signalen, stappen, hulp and partial answers."""
    betrokkenen = _betrokkenen(rng)
    ids = [b["id"] for b in betrokkenen]
    casus: dict[str, Any] = {
        "id": f"s{nummer}",
        "betrokkenen": betrokkenen,
        "signalen": signalen(rng, rng.randint(0, 8), ids, peildatum),
        "antwoorden": antwoorden(rng, 0.4),
    }
    if rng.random() < 0.8:
        gesprek = rng.choice([None, *(g.value for g in GesprekStatus)])
        stappen: dict[str, Any] = {
            "collegiaal_overleg": rng.choice(_WAARDEN),
            "veilig_thuis_geraadpleegd": rng.choice(_WAARDEN),
        }
        if gesprek is not None:
            stappen["gesprek"] = gesprek
            if gesprek == GesprekStatus.NIET_GEVOERD.value and rng.random() < 0.5:
                stappen["reden_geen_gesprek"] = rng.choice([r.value for r in RedenGeenGesprek])
        casus["stappen"] = stappen
    if rng.random() < 0.8:
        hulp = {
            k: rng.choice(_WAARDEN)
            for k in ("binnen_competentie", "aangeboden", "aanvaard", "inzet")
            if rng.random() < 0.8
        }
        if rng.random() < 0.7:
            hulp["effect"] = rng.choice([e.value for e in HulpEffect])
        casus["hulp"] = hulp
    return casus


_VORMEN_KIND: Final = (
    Vorm.LICHAMELIJK_GEWELD.value,
    Vorm.PSYCHISCH_GEWELD.value,
    Vorm.VERWAARLOZING.value,
    Vorm.GETUIGE_HUISELIJK_GEWELD.value,
    Vorm.SEKSUEEL_GEWELD.value,
)
_OUDERSIGNALEN: Final = tuple(o.value for o in Oudersignaal)


def _huishouden(rng: random.Random) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """One to three children, one or two parents (with the kindcheck facts), maybe an ex."""
    betrokkenen: list[dict[str, Any]] = []
    kinderen = [f"k{i}" for i in range(1, rng.randint(1, 3) + 1)]
    for kind in kinderen:
        b: dict[str, Any] = {"id": kind, "rol": "kind", "leeftijd": rng.choice(_LEEFTIJDEN[1:4])}
        if rng.random() < 0.15:
            b["zorgafhankelijk"] = True
        betrokkenen.append(b)
    volwassenen = [f"o{i}" for i in range(1, rng.randint(1, 2) + 1)]
    for ouder in volwassenen:
        o: dict[str, Any] = {"id": ouder, "rol": "ouder_verzorger", "leeftijd": "18_64"}
        if rng.random() < 0.5:
            o["oudersignalen"] = rng.sample(_OUDERSIGNALEN, rng.randint(1, 3))
            o["zorgt_voor_minderjarigen"] = rng.choice(("ja", "ja", "onbekend", "nee"))
        betrokkenen.append(o)
    if rng.random() < 0.3:
        betrokkenen.append({"id": "x1", "rol": "ex_partner", "leeftijd": "18_64"})
        volwassenen.append("x1")
    return betrokkenen, kinderen, volwassenen


def dossier(rng: random.Random, nummer: int, peildatum: date = PEILDATUM_2019) -> dict[str, Any]:
    """A casus as a dossier holds it: every part of the casus model filled.

    One to six signalen, each of a vorm (mostly the ones about children, sometimes any
    other), dated within two years before the peildatum (one in twenty after it, so not
    counted), about a child, mostly by a parent, a third of them reported rather than
    observed, and with zero to three kenmerken; a household of one to three children and
    one or two parents, half of them with oudersignalen and the kindcheck answer; the
    steps (overleg, Veilig Thuis, the gesprek and, when it was skipped, often a reason);
    the hulp facts; all six answers.
    """
    betrokkenen, kinderen, volwassenen = _huishouden(rng)
    signalen: list[dict[str, Any]] = []
    for _ in range(rng.randint(1, 6)):
        vorm = rng.choice(_VORMEN_KIND) if rng.random() < 0.8 else rng.choice(_VORMEN)
        dagen = rng.randint(-30, -1) if rng.random() < 0.05 else rng.randint(0, 730)
        s: dict[str, Any] = {
            "vorm": vorm,
            "datum": (peildatum - timedelta(days=dagen)).isoformat(),
            "over": rng.choice(kinderen),
        }
        if rng.random() < 0.8:
            s["door"] = rng.choice(volwassenen)
        if rng.random() < 0.35:
            s["herkomst"] = Herkomst.GEMELD.value
        aantal = rng.choice((0, 0, 1, 1, 2, 3))
        if aantal:
            s["kenmerken"] = rng.sample(_KENMERKEN, aantal)
        signalen.append(s)
    gesprek = rng.choice([g.value for g in GesprekStatus])
    stappen: dict[str, Any] = {
        "collegiaal_overleg": rng.choice(("ja", "ja", "nee", "onbekend")),
        "veilig_thuis_geraadpleegd": rng.choice(_WAARDEN),
        "gesprek": gesprek,
    }
    if gesprek == GesprekStatus.NIET_GEVOERD.value and rng.random() < 0.6:
        stappen["reden_geen_gesprek"] = rng.choice([r.value for r in RedenGeenGesprek])
    hulp = {
        k: rng.choice(_WAARDEN) for k in ("binnen_competentie", "aangeboden", "aanvaard", "inzet")
    }
    hulp["effect"] = rng.choice([e.value for e in HulpEffect])
    return {
        "id": f"d{nummer}",
        "betrokkenen": betrokkenen,
        "signalen": signalen,
        "stappen": stappen,
        "hulp": hulp,
        "antwoorden": {a: rng.choice(_WAARDEN) for a in AFWEGINGEN},
    }


SOORTEN: Final = ("answers", "signals", "dossiers")
"""The kinds of case :func:`genereer` makes."""


def reeks(
    soort: str, aantal: int, seed: int = 2019, peildatum: date = PEILDATUM_2019
) -> Iterator[dict[str, Any]]:
    """``aantal`` cases of one kind (see :data:`SOORTEN`), one at a time, reproducible by ``seed``."""
    if soort not in SOORTEN:
        msg = f"unknown kind of case: {soort}"
        raise ValueError(msg)
    rng = random.Random(seed)
    for i in range(aantal):
        if soort == "answers":
            yield answers_only(rng, i)
        elif soort == "signals":
            yield signal_rich(rng, i, peildatum)
        else:
            yield dossier(rng, i, peildatum)


def genereer(
    soort: str, aantal: int, seed: int = 2019, peildatum: date = PEILDATUM_2019
) -> list[dict[str, Any]]:
    """``aantal`` cases of one kind (see :data:`SOORTEN`), reproducible by ``seed``."""
    return list(reeks(soort, aantal, seed, peildatum))


def met_signalen(aantal: int, seed: int = 7) -> dict[str, Any]:
    """One casus with ``aantal`` signalen (for the size checks)."""
    rng = random.Random(seed)
    betrokkenen = _betrokkenen(rng)
    ids = [b["id"] for b in betrokkenen]
    return {
        "id": f"groot{aantal}",
        "betrokkenen": betrokkenen,
        "signalen": signalen(rng, aantal, ids, PEILDATUM_2019),
    }
