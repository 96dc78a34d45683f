"""Every worked case of every case file runs as a test (new files are picked up automatically).

The cases are found the way ``meldcode casuistiek`` finds them: beside the module of
every registered kader (``<package>/casuistiek/<kader_id>.yaml``). A case whose
expected outcome the engine does not give fails with the Dutch mismatch report.
"""

from __future__ import annotations

from typing import Any

import pytest

from meldcode_rules import casuistiek
from meldcode_rules.logica import JA, NEE, ONBEKEND
from meldcode_rules.registry import default_registry


def _verzamel() -> tuple[list[Any], list[Any]]:
    casussen: list[Any] = []
    bestanden: list[Any] = []
    for pad in casuistiek.bestanden():
        try:
            bestand = casuistiek.laad_bestand(pad)
        except casuistiek.CasuistiekFout as fout:
            casussen.append(pytest.param(None, 0, str(fout), id=f"{pad.name}:laden"))
            bestanden.append(pytest.param(None, id=pad.name))
            continue
        bestanden.append(pytest.param(bestand, id=bestand.kader_id))
        casussen.extend(
            pytest.param(bestand, nummer, None, id=f"{bestand.kader_id}:{nummer}")
            for nummer in range(1, len(bestand.casussen) + 1)
        )
    return casussen, bestanden


CASUSSEN, BESTANDEN = _verzamel()


def test_er_is_casuistiek() -> None:
    assert any(p.id == "basis" for p in BESTANDEN)


@pytest.mark.parametrize(("bestand", "nummer", "laadfout"), CASUSSEN)
def test_casus(bestand: casuistiek.Casusbestand | None, nummer: int, laadfout: str | None) -> None:
    if bestand is None:
        pytest.fail(laadfout or "casusbestand niet geladen", pytrace=False)
    casus = bestand.casussen[nummer - 1]
    resultaat = casuistiek.draai(
        casus, bestand.kader_id, default_registry(), bestand=bestand.naam, nummer=nummer
    )
    if not resultaat.in_orde:
        pytest.fail(casuistiek.rapport([resultaat]), pytrace=False)
    if not resultaat.klopt:
        # The case declares a known deviation (reported, kept as written): xfail with it.
        pytest.xfail(casuistiek.rapport([resultaat]))


@pytest.mark.parametrize("bestand", BESTANDEN)
def test_dekking(bestand: casuistiek.Casusbestand | None) -> None:
    """Together the cases of a kader cover the branches a trainer needs (issue 8)."""
    if bestand is None:
        pytest.fail("casusbestand niet geladen (zie test_casus)", pytrace=False)
    verwacht = [c.verwacht for c in bestand.casussen]
    ontbreekt: list[str] = []
    if len(verwacht) < 5:
        ontbreekt.append("ten minste vijf casussen")
    ontbreekt.extend(
        f"de nee-tak van {afweging}"
        for afweging in ("vermoeden", "passende_hulp", "medewerking", "duurzame_veiligheid")
        if not any(v.afwegingen.get(afweging) is NEE for v in verwacht)
    )
    if not any(
        v.afwegingen.get("acute_onveiligheid") is NEE
        and v.afwegingen.get("structurele_onveiligheid") is NEE
        for v in verwacht
    ):
        ontbreekt.append("de nee-tak van afweging 2 (acuut en structureel allebei nee)")
    ontbreekt.extend(
        f"een casus met {soort} ja"
        for soort in ("acute_onveiligheid", "structurele_onveiligheid")
        if not any(v.afwegingen.get(soort) is JA for v in verwacht)
    )
    if not any(
        ONBEKEND in v.afwegingen.values() and "onbepaald" in (v.melden, v.hulp) for v in verwacht
    ):
        ontbreekt.append("een onbekend antwoord dat tot onbepaald leidt")
    if not any(c.dilemma is not None for c in bestand.casussen):
        ontbreekt.append("een dilemma uit het veld")
    kader = default_registry().kader(bestand.kader_id)
    if kader.breidt_uit is not None:
        eigen = {
            r.conclusie
            for v in kader.versies
            for r in (*v.regels, *v.aanscherpingen)
            if r.doel == "actie"
        }
        if not any(set(v.acties) & eigen for v in verwacht):
            ontbreekt.append("een eigen actie of procedure van het sectorkader")
    assert not ontbreekt, f"{bestand.naam} mist: " + "; ".join(ontbreekt)
