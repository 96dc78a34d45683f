"""Look at the built documentation site as a person would, in headless Chromium.

Serves a built site (``mkdocs build --strict -d SITE``) on localhost and opens one page
of each kind in Debian's ``chromium`` (see :mod:`kijker`), at a desktop width (1300 px)
and a phone width (390 px). For every page it asserts:

- no console error, uncaught exception or failed load, and no horizontal overflow of
  the page (everything fits the width; wide flowcharts pan inside their own window);
- a version page: the flowchart is drawn as an SVG at its natural size, every text in it
  at least :data:`MIN_PX` px on screen; the walk-through has three answer controls per
  afweging and shows both beslissingen, which change when answered;
- the register: the search box finds ``IB'er`` (onderwijs) and the tables fit the width.

It saves screenshots of each page kind at each width, and of the walk-through, the
flowchart and a register search, as ``OUT/<soort>-<breedte>.png`` (default
``SITE/browser-check``; CI keeps ``build/site/browser-check`` as its artifacts).

Usage::

    python tests/docs/browser_check.py SITE [--uit OUT] [--chromium PATH]

Exit 0 when every check holds, 1 with a Dutch message per failed check, 2 when the site
or chromium is missing. The exhaustive checks (all 729 answer combinations of every
version, every name of the register) are the pytest tests in ``test_browser.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import kijker

MIN_PX = 12.0
"""The smallest font size, in CSS px on screen at 1300 px, allowed in a flowchart."""

SOORTEN: dict[str, str] = {
    "start": "",
    "kaders": "kaders/",
    "kader": "kaders/basis/",
    "versie": "kaders/basis/2019/",
    "register": "welk-kader/",
    "casuistiek": "casuistiek/basis/",
}
"""One page of each kind the site has, by name."""

LEESBAARHEID_JS = """
(() => Array.from(document.querySelectorAll('[data-stroomschema]')).map(figuur => {
  const svg = figuur.querySelector('svg');
  if (!svg) return {svg: false};
  const vak = svg.viewBox.baseVal;
  const schaal = svg.getBoundingClientRect().width / vak.width;
  const lezer = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  const teksten = [];
  for (let n = lezer.nextNode(); n; n = lezer.nextNode()) {
    if (!n.nodeValue.trim()) continue;
    const px = parseFloat(getComputedStyle(n.parentElement).fontSize) * schaal;
    teksten.push([n.nodeValue.trim(), Math.round(px * 100) / 100]);
  }
  const venster = figuur.querySelector('.mr-schema-venster');
  return {
    svg: true,
    schaal: schaal,
    breedte: vak.width,
    knopen: svg.querySelectorAll('.node').length,
    teksten: teksten,
    vensterBreedte: venster.clientWidth,
    figuurRechts: figuur.getBoundingClientRect().right,
  };
}))()
"""
"""Per flowchart on the page: its scale on screen and every text with its size in px."""

OVERLOOP_JS = """
(() => ({
  pagina: document.documentElement.scrollWidth,
  venster: window.innerWidth,
  tabellen: Array.from(document.querySelectorAll('table.mr-tabel'))
    .filter(t => t.offsetParent !== null)
    .map(t => [t.scrollWidth, t.clientWidth, Math.round(t.getBoundingClientRect().right)]),
  inhoudRechts: Math.round(document.querySelector('.md-content').getBoundingClientRect().right),
}))()
"""


def leesbaarheid(tab: kijker.Tab) -> list[str]:
    """The failed legibility checks of the flowcharts on a page (empty: all good)."""
    fouten: list[str] = []
    schemas: list[dict[str, Any]] = tab.js(LEESBAARHEID_JS)
    if not schemas:
        return ["geen stroomschema getekend"]
    for i, s in enumerate(schemas):
        if not s["svg"]:
            fouten.append(f"stroomschema {i + 1}: geen SVG getekend")
            continue
        if s["knopen"] < 3 or not s["teksten"]:
            fouten.append(f"stroomschema {i + 1}: te weinig knopen getekend ({s['knopen']})")
        te_klein = [(t, px) for t, px in s["teksten"] if px < MIN_PX]
        if te_klein:
            fouten.append(
                f"stroomschema {i + 1}: tekst kleiner dan {MIN_PX} px (schaal "
                f"{s['schaal']:.2f}): {te_klein[:5]}"
            )
    return fouten


def overloop(tab: kijker.Tab) -> list[str]:
    """The page and its register tables fit the viewport width (empty: all good)."""
    m: dict[str, Any] = tab.js(OVERLOOP_JS)
    fouten: list[str] = []
    if m["pagina"] > m["venster"]:
        fouten.append(f"de pagina is breder ({m['pagina']} px) dan het venster ({m['venster']})")
    for scroll, client, rechts in m["tabellen"]:
        if scroll > client + 1 or rechts > m["inhoudRechts"] + 1:
            fouten.append(f"een registertabel past niet ({scroll} px in {client} px)")
    return fouten


def doorloop_werkt(tab: kijker.Tab) -> list[str]:
    """The walk-through has its controls and shows both beslissingen, also after answering."""
    telling = tab.js(
        "({controls: document.querySelectorAll('input[data-afweging]').length,"
        " melden: document.querySelectorAll('[data-beslissing=melden]').length,"
        " hulp: document.querySelectorAll('[data-beslissing=hulp]').length})"
    )
    if telling != {"controls": 18, "melden": 1, "hulp": 1}:
        return [f"de doorloop mist onderdelen: {telling}"]
    voor = tab.js("document.querySelector('[data-beslissing=melden]').textContent")
    tab.js(
        "document.querySelector('[data-afweging=vermoeden][value=ja]').click();"
        "document.querySelector('[data-afweging=acute_onveiligheid][value=ja]').click()"
    )
    na = tab.js("document.querySelector('[data-beslissing=melden]').textContent")
    if (voor, na) != ("onbepaald", "ja"):
        return [f"de doorloop toont melden {voor!r} en na vermoeden ja, acuut ja {na!r}"]
    return []


def zoek(tab: kijker.Tab, vragen: list[str]) -> list[dict[str, Any]]:
    """Type each query in the register's search field; return what the page shows."""
    script = f"""
    (() => {{
      const veld = document.querySelector('[data-register-zoek]');
      const resultaat = document.querySelector('[data-register-resultaat]');
      return {json.dumps(vragen)}.map(vraag => {{
        veld.value = vraag;
        veld.dispatchEvent(new Event('input', {{bubbles: true}}));
        return {{
          vraag: vraag,
          uitkomst: resultaat.getAttribute('data-register-uitkomst'),
          antwoorden: Array.from(resultaat.querySelectorAll('[data-beroepsgroep]')).map(a => ({{
            naam: a.getAttribute('data-beroepsgroep'),
            status: a.getAttribute('data-status'),
            kader: a.getAttribute('data-kader'),
            tekst: a.textContent,
          }})),
          rijen: document.querySelectorAll('tr[data-register-rij]:not([hidden])').length,
        }};
      }});
    }})()
    """
    uit: list[dict[str, Any]] = tab.js(script)
    return uit


def bekijk(site_adres: str, browser: kijker.Chromium, uit: Path) -> list[str]:
    """Every page kind at both widths: the checks above, and the screenshots in ``uit``."""
    fouten: list[str] = []
    for soort, pad in SOORTEN.items():
        for breedte in (kijker.DESKTOP, kijker.TELEFOON):
            adres = f"{site_adres}/{pad}"
            hoogte = 844 if breedte == kijker.TELEFOON else 900
            try:
                tab = browser.tab(adres, breedte, hoogte)
            except kijker.ChromiumFout as fout:
                fouten.append(str(fout))
                continue
            try:
                eigen = overloop(tab)
                if soort == "versie":
                    if breedte == kijker.DESKTOP:
                        eigen += leesbaarheid(tab)
                    tab.schermafdruk(uit / f"stroomschema-{breedte}.png", "[data-stroomschema]")
                    eigen += doorloop_werkt(tab)
                    tab.schermafdruk(uit / f"doorloop-{breedte}.png", ".meldcode-doorloop")
                if soort == "register":
                    (gezocht,) = zoek(tab, ["IB'er"])
                    antwoorden = [(a["naam"], a["kader"]) for a in gezocht["antwoorden"]]
                    if gezocht["uitkomst"] != "gevonden" or antwoorden[0][1] != "onderwijs":
                        eigen.append(f"zoeken naar IB'er gaf {gezocht['uitkomst']}: {antwoorden}")
                    eigen += overloop(tab)
                    tab.schermafdruk(uit / f"register-zoek-{breedte}.png", ".meldcode-register")
                tab.js("window.scrollTo(0, 0)")
                tab.schermafdruk(uit / f"{soort}-{breedte}.png")
                eigen += tab.fouten()
            finally:
                tab.sluit()
            fouten += [f"{adres} ({breedte} px): {f}" for f in eigen]
    return fouten


def main(argv: list[str] | None = None) -> int:
    """Run the browser check; see the module docstring."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", type=Path, help="de map van de gebouwde site")
    parser.add_argument("--uit", type=Path, help="map voor de schermafdrukken")
    parser.add_argument("--chromium", help="het programma chromium (standaard: uit PATH)")
    args = parser.parse_args(argv)
    if not (args.site / "kaders" / "basis" / "2019" / "index.html").is_file():
        sys.stderr.write(f"browser-check: {args.site} is geen gebouwde site; bouw eerst\n")
        return 2
    binary = args.chromium or kijker.chromium_pad()
    if binary is None:
        sys.stderr.write("browser-check: chromium niet gevonden (apt-get install chromium)\n")
        return 2
    uit = args.uit or args.site / "browser-check"
    begin = time.monotonic()
    with kijker.serveer(args.site) as adres, kijker.Chromium(binary) as browser:
        fouten = bekijk(adres, browser, uit)
    for fout in fouten:
        sys.stderr.write(f"browser-check: {fout}\n")
    if not fouten:
        sys.stdout.write(
            f"browser-check: {len(SOORTEN)} soorten pagina's op 1300 en 390 px in orde "
            f"({time.monotonic() - begin:.0f} s); schermafdrukken in {uit}\n"
        )
    return 1 if fouten else 0


if __name__ == "__main__":
    raise SystemExit(main())
