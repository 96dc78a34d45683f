"""The site in a real browser (Debian's headless Chromium), tested as a person would use it.

- The walk-through of every shipped kader version: all 729 answer combinations are
  clicked through on the page (one in-page script per version clicks the radio buttons
  and reads what the page shows after each click) and every shown beslissing, the rules
  listed under it and the acties equal :func:`meldcode_rules.evaluate`. Also keyboard
  only, and on a phone.
- Every flowchart text is at least 12 px on screen at 1300 px.
- The register's search box answers every name of ``kaders/beroepsgroepen.toml`` (and
  other spellings, and real job titles) as :func:`meldcode_rules.kader_for` does, and
  its tables fit at 1300 and 390 px.
- Every page kind at both widths without a console error, with screenshots
  (``browser_check.bekijk``).

The site is built once per session (``gebouwde_site``); without chromium these tests
skip with the reason (CI installs it).
"""

from __future__ import annotations

import itertools
import json
import tomllib
from typing import TYPE_CHECKING, Any

import browser_check
import kijker
import pytest
from bouwen import ROOT

from meldcode_rules import evaluate, kader_for
from meldcode_rules.afwegingen import AFWEGINGEN
from meldcode_rules.beroepsgroepen import (
    AmbiguousBeroepsgroep,
    BeroepsgroepError,
    beroepsgroepen,
)
from meldcode_rules.registry import default_registry

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date
    from pathlib import Path

pytestmark = [pytest.mark.docs_build]

WAARDEN = ("ja", "nee", "onbekend")


def _versies() -> list[tuple[str, str]]:
    return [(k.id, v.versie) for k in default_registry().kaders() for v in k.versies]


def _geldig_van(kader_id: str, versie: str) -> date:
    kv = default_registry().kader(kader_id).versie(versie)
    assert kv is not None
    return kv.geldig_van


@pytest.fixture
def open_pagina(chromium: kijker.Chromium, site_adres: str) -> Iterator[Any]:
    """Open a page of the site at a width; closed (and checked for errors) afterwards."""
    tabs: list[kijker.Tab] = []

    def open_(pad: str, breedte: int = kijker.DESKTOP) -> kijker.Tab:
        hoogte = 844 if breedte == kijker.TELEFOON else 900
        tab = chromium.tab(f"{site_adres}/{pad}", breedte, hoogte)
        tabs.append(tab)
        return tab

    yield open_
    fouten = [f"{t.adres}: {f}" for t in tabs for f in t.fouten()]
    for t in tabs:
        t.sluit()
    assert not fouten, "console errors:\n" + "\n".join(fouten)


# -- the walk-through ----------------------------------------------------------------------

ALLE_COMBINATIES_JS = """
((namen, waarden) => {
  const toon = naam => document.querySelector(`[data-beslissing="${naam}"]`).textContent;
  const regels = naam => Array.from(document.querySelectorAll(
      `[data-uitleg-voor="${naam}"] [data-regel]`)).map(e => e.getAttribute('data-regel'));
  const lees = antwoorden => ({
    antwoorden: antwoorden,
    melden: toon('melden'),
    hulp: toon('hulp'),
    regels: {melden: regels('melden'), hulp: regels('hulp')},
    acties: Array.from(document.querySelectorAll('[data-actie]')).map(
      e => e.getAttribute('data-actie')),
    signaleringen: Array.from(document.querySelectorAll('[data-signalering]')).map(
      e => e.getAttribute('data-signalering')),
  });
  const uit = [lees(null)];  // nothing answered yet: every answer counts as onbekend
  const n = namen.length;
  for (let i = 0; i < waarden.length ** n; i++) {
    const antwoorden = [];
    for (let k = 0, rest = i; k < n; k++, rest = Math.floor(rest / waarden.length)) {
      antwoorden[n - 1 - k] = waarden[rest % waarden.length];
    }
    namen.forEach((naam, k) => {
      const knop = document.querySelector(
        `input[data-afweging="${naam}"][value="${antwoorden[k]}"]`);
      if (!knop.checked) knop.click();
    });
    uit.push(lees(antwoorden));
  }
  return uit;
})
"""


def _verwacht(kader_id: str, peildatum: date, antwoorden: dict[str, str]) -> dict[str, Any]:
    u = evaluate({"id": "b", "antwoorden": antwoorden}, kader=kader_id, peildatum=peildatum)
    return {
        "melden": u.melden,
        "hulp": u.hulp,
        "regels": {d: [s.regel for s in u.beslissingen[d].spoor] for d in ("melden", "hulp")},
        "acties": [a.code for a in u.acties],
        "signaleringen": [s.code for s in u.signaleringen],
    }


@pytest.mark.parametrize(("kader_id", "versie"), _versies())
def test_walk_through_clicked_through_all_729_combinations_agrees_with_evaluate(
    open_pagina: Any, kader_id: str, versie: str
) -> None:
    peildatum = _geldig_van(kader_id, versie)
    effectief = default_registry().resolve(kader_id, peildatum)
    tab = open_pagina(f"kaders/{kader_id}/{versie}/")
    # The questions in the kader's own words, three answers each.
    for naam in AFWEGINGEN:
        vraag = tab.js(
            f"document.querySelector('fieldset[data-vraag={naam}] .mr-vraag-tekst').textContent"
        )
        assert vraag == effectief.vraag(naam)
        waarden = tab.js(
            f"Array.from(document.querySelectorAll('input[data-afweging={naam}]'))"
            ".map(e => e.value)"
        )
        assert waarden == list(WAARDEN)
    getoond = tab.js(
        f"{ALLE_COMBINATIES_JS}({json.dumps(list(AFWEGINGEN))}, {json.dumps(WAARDEN)})"
    )
    assert len(getoond) == 1 + 3 ** len(AFWEGINGEN)
    leeg = getoond[0]
    assert {k: leeg[k] for k in ("melden", "hulp")} == {
        k: _verwacht(kader_id, peildatum, {})[k] for k in ("melden", "hulp")
    }
    verschillen = []
    for rij, combinatie in zip(
        getoond[1:], itertools.product(WAARDEN, repeat=len(AFWEGINGEN)), strict=True
    ):
        assert rij["antwoorden"] == list(combinatie)
        antwoorden = dict(zip(AFWEGINGEN, combinatie, strict=True))
        verwacht = _verwacht(kader_id, peildatum, antwoorden)
        del rij["antwoorden"]
        if rij != verwacht:
            verschillen.append((combinatie, rij, verwacht))
    assert not verschillen, f"{len(verschillen)} of 729 differ, e.g. {verschillen[:2]}"


def test_walk_through_by_keyboard_only(open_pagina: Any) -> None:
    tab = open_pagina("kaders/knmg/2023/")
    tab.js("document.querySelector('#doorlopen .headerlink').focus()")
    for _ in range(10):
        tab.toets("Tab")
        if tab.js("document.activeElement.getAttribute('data-afweging')") == "vermoeden":
            break
    else:
        pytest.fail("Tab never reached the first answer control")
    tab.toets("Space")  # vermoeden: ja
    tab.toets("Tab")
    assert tab.js("document.activeElement.getAttribute('data-afweging')") == "acute_onveiligheid"
    tab.toets("ArrowRight")  # acute onveiligheid: nee
    tab.toets("Tab")
    tab.toets("Space")  # structurele onveiligheid: ja
    gekozen = tab.js(
        "Object.fromEntries(Array.from(document.querySelectorAll('input[data-afweging]:checked'))"
        ".map(e => [e.getAttribute('data-afweging'), e.value]))"
    )
    assert gekozen == {
        "vermoeden": "ja",
        "acute_onveiligheid": "nee",
        "structurele_onveiligheid": "ja",
    }
    verwacht = _verwacht("knmg", _geldig_van("knmg", "2023"), gekozen)
    getoond = tab.js(
        "['melden', 'hulp'].map(n => document.querySelector(`[data-beslissing=${n}]`).textContent)"
    )
    assert getoond == [verwacht["melden"], verwacht["hulp"]]
    # The focus is visible (an outline on the chosen answer's label).
    assert tab.js("getComputedStyle(document.activeElement.closest('label')).outlineStyle") not in (
        "none",
        "",
    )


def test_walk_through_on_a_phone(open_pagina: Any) -> None:
    tab = open_pagina("kaders/basis/2019/", kijker.TELEFOON)
    assert browser_check.overloop(tab) == []
    tab.js(
        "document.querySelector('fieldset[data-vraag=passende_hulp]').scrollIntoView();"
        "document.querySelector('[data-afweging=vermoeden][value=ja]').click();"
        "document.querySelector('[data-afweging=acute_onveiligheid][value=ja]').click()"
    )
    # While answering further down, the two beslissingen stay in sight (sticky summary).
    zichtbaar = tab.js(
        "(() => { const r = document.querySelector('.mr-samenvatting').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth; })()"
    )
    assert zichtbaar
    assert tab.js("document.querySelector('[data-beslissing=melden]').textContent") == "ja"
    # Each answer is a target a thumb can hit (at least 40 px high).
    assert (
        tab.js(
            "Math.min(...Array.from(document.querySelectorAll('.mr-keuze'))"
            ".map(e => e.getBoundingClientRect().height))"
        )
        >= 40
    )


# -- the flowchart ---------------------------------------------------------------------------


@pytest.mark.parametrize(("kader_id", "versie"), _versies())
def test_flowchart_text_is_legible_at_1300_px(open_pagina: Any, kader_id: str, versie: str) -> None:
    tab = open_pagina(f"kaders/{kader_id}/{versie}/")
    assert browser_check.leesbaarheid(tab) == []
    (schema,) = tab.js(browser_check.LEESBAARHEID_JS)
    teksten = " ".join(t for t, _ in schema["teksten"])
    assert "Vermoeden van huiselijk geweld" in teksten
    assert "raadpleeg Veilig Thuis" in teksten
    assert min(px for _, px in schema["teksten"]) >= browser_check.MIN_PX
    # Wider than its window: it pans (scrolls) instead of shrinking below legibility.
    assert schema["schaal"] >= 0.75
    # The zoom buttons change the size; "100%" gives the natural size back.
    tab.js("document.querySelector('.mr-knop[aria-label=Inzoomen]').click()")
    (groter,) = tab.js(browser_check.LEESBAARHEID_JS)
    assert groter["schaal"] > schema["schaal"]
    tab.js("document.querySelector('.mr-knop[aria-label=\"Ware grootte\"]').click()")
    (ware,) = tab.js(browser_check.LEESBAARHEID_JS)
    assert abs(ware["schaal"] - 1) < 0.02


# -- the register ----------------------------------------------------------------------------


def _zoekvragen() -> list[str]:
    namen = [n for b in beroepsgroepen() for n in b.namen]
    titels = tomllib.loads((ROOT / "tests" / "beroepstitels.toml").read_text("utf-8"))
    vragen = list(namen)
    vragen += [n.upper() for n in namen]
    vragen += [" ".join(reversed(n.replace("-", " ").split())) for n in namen if " " in n]
    vragen += [t["titel"] for t in titels["titels"]]
    vragen += ["Orthopédagoog", "ib-er", "p.m.'er", "huisartss", "constructor", "__proto__"]
    return list(dict.fromkeys(vragen))


def test_register_search_answers_every_name_like_kader_voor(open_pagina: Any) -> None:
    tab = open_pagina("welk-kader/")
    vragen = _zoekvragen()
    assert len(vragen) > 300
    getoond = browser_check.zoek(tab, vragen)
    fouten = []
    for rij in getoond:
        vraag = rij["vraag"]
        namen = [a["naam"] for a in rij["antwoorden"]]
        try:
            keuze = kader_for(vraag)
        except AmbiguousBeroepsgroep as fout:
            kandidaten = [b.naam for b in fout.kandidaten]
            if (rij["uitkomst"], namen) != ("dubbelzinnig", kandidaten):
                fouten.append((vraag, rij["uitkomst"], namen, kandidaten))
            continue
        except BeroepsgroepError:
            if rij["uitkomst"] != "onbekend":
                fouten.append((vraag, rij["uitkomst"], namen, "onbekend"))
            continue
        (antwoord,) = rij["antwoorden"] or [{}]
        b = keuze.beroepsgroep
        verwacht = {"naam": b.naam, "status": b.status, "kader": b.kader or ""}
        if rij["uitkomst"] != "gevonden" or {k: antwoord.get(k) for k in verwacht} != verwacht:
            fouten.append((vraag, rij["uitkomst"], antwoord, verwacht))
            continue
        # The answer says what kader_for says: the reason and the advice when not encoded.
        if b.status != "gecodeerd" and (
            b.reden not in antwoord["tekst"] or b.advies not in antwoord["tekst"]
        ):
            fouten.append((vraag, "reden of advies ontbreekt", antwoord["tekst"][:200]))
    assert not fouten, f"{len(fouten)} of {len(getoond)} differ, e.g. {fouten[:3]}"


def test_register_filters_the_table_and_clears(open_pagina: Any) -> None:
    tab = open_pagina("welk-kader/")
    alle, arts, leeg = browser_check.zoek(tab, ["", "arts", ""])
    assert alle["uitkomst"] == "leeg"
    assert alle["rijen"] == len(beroepsgroepen())
    assert 0 < arts["rijen"] < alle["rijen"]
    assert leeg["rijen"] == alle["rijen"]


@pytest.mark.parametrize("breedte", [kijker.DESKTOP, kijker.TELEFOON])
def test_register_fits_the_width(open_pagina: Any, breedte: int) -> None:
    tab = open_pagina("welk-kader/", breedte)
    assert browser_check.overloop(tab) == []
    browser_check.zoek(tab, ["psycholoog"])  # several answers, long texts
    assert browser_check.overloop(tab) == []


# -- every page kind -------------------------------------------------------------------------


def test_every_page_kind_at_both_widths(
    chromium: kijker.Chromium, site_adres: str, gebouwde_site: Path
) -> None:
    """No console error, nothing wider than the screen; screenshots of each (browser_check)."""
    uit = gebouwde_site / "browser-check"
    assert browser_check.bekijk(site_adres, chromium, uit) == []
    for soort in browser_check.SOORTEN:
        for breedte in (kijker.DESKTOP, kijker.TELEFOON):
            assert (uit / f"{soort}-{breedte}.png").stat().st_size > 1000
