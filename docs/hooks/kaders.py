"""Generate the kader pages at build time from the declarations the engines run.

For every registered kader (entry-point group ``meldcode_rules.kaders``) this hook adds,
as virtual files that are never committed:

- ``kaders/<id>/index.md``: the kader's identity and its version history;
- ``kaders/<id>/<versie>.md``: per version the afwegingsvragen, the walk-through, the
  Mermaid flowchart, the decision table, the sector's particulars, every rule with its
  source, the open questions and the invariants checked (all from
  :mod:`meldcode_rules.render`);
- ``kaders/<id>/<versie>.doorloop.json``: the walk-through export of that version
  (:func:`meldcode_rules.render.doorloop`), which ``assets/javascripts/meldcode.js``
  turns into the interactive walk-through on the version's page;
- ``beroepsgroepen.json``: the register with its normalised name index
  (:func:`meldcode_rules.render.register_index`), for the search box of "Welk
  afwegingskader?".

It puts those pages in the navigation under "Afwegingskaders", and replaces markers in
the hand-written pages::

    <!-- kader:vergelijking -->                 all kaders side by side
    <!-- kader:stroomschema basis 2019 -->      one version's flowchart
    <!-- kader:beslistabel basis 2019 -->       one version's decision table
    <!-- kader:casuistiek -->                   training pages (meldcode_rules.casuistiek)
    <!-- kader:beroepsgroepen -->               "Welk afwegingskader?" (beroepsgroepen)

An unknown marker, an unknown kader or version, a broken kader, or a dangling reference
in a kader stops the build (``strict: true``).
"""

from __future__ import annotations

import html
import importlib
import json
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from meldcode_rules import render
from meldcode_rules.beroepsgroepen import normaliseer
from meldcode_rules.errors import MeldcodeError
from meldcode_rules.registry import Registry
from meldcode_rules.render import beroepsregister as render_register

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from meldcode_rules.kader import Kader, KaderVersie, ResolvedKader

log = logging.getLogger("mkdocs.hooks.kaders")

MARKER = re.compile(r"<!--\s*kader:([a-z_]+)((?:\s+[A-Za-z0-9_.-]+)*)\s*-->")
NAV_SECTIE = "Afwegingskaders"
CASUISTIEK_SECTIE = "Casuïstiek"
REGISTER_JSON = "beroepsgroepen.json"
"""The register's name index (:func:`meldcode_rules.render.register_index`), for its search box."""

_staat: dict[str, Any] = {}


def _register() -> Registry:
    reg = _staat.get("register")
    if reg is None:
        reg = Registry()
        gebroken = reg.broken()
        if gebroken:
            namen = "; ".join(f"{g.naam} ({g.distributie}): {g.reden}" for g in gebroken)
            msg = f"kaders overgeslagen bij het laden: {namen}"
            raise PluginError(msg)
        _staat["register"] = reg
    return reg


def _register_index() -> dict[str, Any]:
    index = _staat.get("register_index")
    if index is None:
        index = render.register_index(_register())
        _staat["register_index"] = index
    return index


def _versies(kader: Kader) -> list[KaderVersie]:
    return sorted(kader.versies, key=lambda v: v.geldig_van)


def _invarianten(effectief: ResolvedKader) -> list[render.Invariant]:
    return render.invarianten(effectief, _register())


# -- hooks -----------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _staat.clear()
    reg = _register()
    nav = config.nav or []
    for item in nav:
        if isinstance(item, dict) and NAV_SECTIE in item:
            sectie = item[NAV_SECTIE]
            for kader in reg.kaders():
                paginas = [{"Overzicht": f"kaders/{kader.id}/index.md"}]
                paginas += [
                    {f"Versie {v.versie}": f"kaders/{kader.id}/{v.versie}.md"}
                    for v in reversed(_versies(kader))
                ]
                sectie.append({kader.id.replace("_", " "): paginas})
            break
    else:
        msg = f"mkdocs.yml: de navigatie mist de sectie {NAV_SECTIE!r}"
        raise PluginError(msg)
    _staat["casuistiek"] = _casuistiek_ids()
    for item in nav:
        if isinstance(item, dict) and CASUISTIEK_SECTIE in item:
            item[CASUISTIEK_SECTIE].extend(
                {reg.kader(i).id.replace("_", " "): f"casuistiek/{i}.md"}
                for i in _staat["casuistiek"]
            )
            break
    else:
        msg = f"mkdocs.yml: de navigatie mist de sectie {CASUISTIEK_SECTIE!r}"
        raise PluginError(msg)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    reg = _register()
    for kader in reg.kaders():
        inhoud = render.kader_overzicht(kader, distributie=reg.distribution(kader.id))
        files.append(File.generated(config, f"kaders/{kader.id}/index.md", content=inhoud))
        for v in _versies(kader):
            effectief = reg.resolve(kader, v.geldig_van)
            export = f"{v.versie}.doorloop.json"
            try:
                pagina = render.versie_pagina(effectief, _invarianten(effectief), doorloop=export)
                doorloop = render.doorloop_json(effectief)
            except MeldcodeError as fout:
                raise PluginError(str(fout)) from None
            files.append(File.generated(config, f"kaders/{kader.id}/{v.versie}.md", content=pagina))
            files.append(File.generated(config, f"kaders/{kader.id}/{export}", content=doorloop))
    inhoud = json.dumps(_register_index(), ensure_ascii=False, separators=(",", ":"))
    files.append(File.generated(config, REGISTER_JSON, content=inhoud))
    for kader_id in _staat.get("casuistiek", []):
        pagina = _casuistiek_pagina(kader_id)
        files.append(File.generated(config, f"casuistiek/{kader_id}.md", content=pagina))
    return files


def _kader_versie(args: list[str], marker: str) -> ResolvedKader:
    if len(args) != 2:
        msg = f"marker kader:{marker} verwacht KADER VERSIE"
        raise PluginError(msg)
    reg = _register()
    try:
        kader = reg.kader(args[0])
    except MeldcodeError as fout:
        msg = f"marker kader:{marker}: {fout}"
        raise PluginError(msg) from None
    versie = kader.versie(args[1])
    if versie is None:
        msg = f"marker kader:{marker}: kader {kader.id} heeft geen versie {args[1]}"
        raise PluginError(msg)
    return reg.resolve(kader, versie.geldig_van)


def _casuistiek_ids() -> list[str]:
    """The kaders that ship a casuïstiek file (none when meldcode_rules.casuistiek is absent)."""
    try:
        casuistiek = importlib.import_module("meldcode_rules.casuistiek")
    except ImportError:
        return []
    bekend = {k.id for k in _register().kaders()}
    ids = sorted(Path(str(f.name)).stem for f in casuistiek.bestanden())
    for kader_id in ids:
        if kader_id not in bekend:
            msg = f"casuïstiek voor onbekend kader {kader_id}"
            raise PluginError(msg)
    return ids


def _casuistiek_pagina(kader_id: str) -> str:
    casuistiek = importlib.import_module("meldcode_rules.casuistiek")
    try:
        return str(casuistiek.render_markdown(kader_id, _register()))
    except MeldcodeError as fout:
        raise PluginError(str(fout)) from None


def _casuistiek(_args: list[str]) -> str:
    ids = _staat.get("casuistiek", [])
    if not ids:
        return '!!! note "Nog niet beschikbaar"\n    Er is nog geen casuïstiek opgenomen.\n'
    reg = _register()
    return "\n".join(f"- [{reg.kader(i).naam}]({i}.md) (`{i}`)" for i in ids)


def _html(tekst: str) -> str:
    return html.escape(tekst, quote=True)


def _adres(doel: str, page: Page, files: Files) -> str:
    """The URL of the page with source ``doel`` relative to ``page`` (for raw HTML links)."""
    bestand = files.get_file_from_path(doel)
    if bestand is None:
        msg = f"{doel} bestaat niet"
        raise PluginError(msg)
    return get_relative_url(bestand.url, page.url)


def _register_rij(i: int, rij: dict[str, Any], adressen: dict[str, str]) -> str:
    namen = [n for n in rij["namen"] if n != rij["naam"]]
    ook = f'<span class="mr-ook">ook: {_html(", ".join(namen))}</span>' if namen else ""
    status = (
        f'<span class="mr-status mr-status--{rij["status"]}">'
        f"{_html(render_register.STATUS_TEKST[rij['status']])}</span>"
    )
    if rij["kader"]:
        kader = (
            f'<a href="{_html(adressen[rij["kader"]])}">{_html(rij["kader_titel"])}</a> '
            f"<code>{_html(rij['kader'])}</code>"
        )
    else:
        kader = _html(rij["kader_naam"] or "—")
    bron = f'<a href="{_html(rij["bron"]["adres"])}">{_html(rij["bron"]["titel"])}</a>'
    return (
        f'<tr data-register-rij="{i}">'
        f'<td data-kop="Beroepsgroep"><strong>{_html(rij["naam"])}</strong>{ook}</td>'
        f'<td data-kop="Afwegingskader">{kader} {status}</td>'
        f'<td data-kop="Bron">{bron}</td></tr>'
    )


def _beroepsgroepen(_args: list[str], page: Page, files: Files) -> str:
    index = _register_index()
    bekend = {k.id for k in _register().kaders()}
    adressen: dict[str, str] = {}
    for rij in index["beroepsgroepen"]:
        if rij["kader"]:
            if rij["kader"] not in bekend:
                msg = f"beroepsgroep {rij['naam']}: onbekend kader {rij['kader']}"
                raise PluginError(msg)
            adressen[rij["kader"]] = _adres(f"kaders/{rij['kader']}/index.md", page, files)
    statussen = list(render_register.STATUS_TEKST)
    sectoren = list(index["sectoren"])
    volgorde = sorted(
        range(len(index["beroepsgroepen"])),
        key=lambda i: (
            sectoren.index(index["beroepsgroepen"][i]["sector"]),
            statussen.index(index["beroepsgroepen"][i]["status"]),
            normaliseer(index["beroepsgroepen"][i]["naam"]),
        ),
    )
    regels = [
        (
            f'<div class="meldcode-register" data-kader-adressen="{_html(json.dumps(adressen))}" '
            'markdown="1">'
        ),
        "",
        '<form class="mr-zoek" role="search" hidden onsubmit="return false">',
        '<label for="mr-zoekveld">Zoek uw beroep of functie</label>',
        (
            '<input id="mr-zoekveld" type="search" data-register-zoek autocomplete="off" '
            'spellcheck="false" placeholder="bijvoorbeeld: huisarts, IB\'er, pm\'er, wijkagent" '
            'aria-describedby="mr-zoekuitleg">'
        ),
        (
            '<p id="mr-zoekuitleg" class="mr-uitleg">Zoekt zoals <code>meldcode kaders '
            "--beroepsgroep</code>: hoofdletters, accenten, leestekens, afkortingen en de volgorde "
            "van de woorden maken niet uit. De tabel hieronder toont wat bij uw zoekterm past.</p>"
        ),
        "</form>",
        "",
        '<div class="mr-resultaat" data-register-resultaat aria-live="polite"></div>',
        "",
        f"[Het register als JSON]({REGISTER_JSON}){{ data-register-bron }}",
        "",
        "</div>",
        "",
    ]
    uitleg: dict[str, list[str]] = {s: [] for s in statussen}
    per_sector: dict[str, list[int]] = {}
    for i in volgorde:
        per_sector.setdefault(index["beroepsgroepen"][i]["sector"], []).append(i)
    for sector, groep in per_sector.items():
        regels += [
            f'<div class="mr-sector" data-register-sector="{sector}" markdown="1">',
            "",
            f"### {index['sectoren'][sector]}",
            "",
            '<table class="mr-tabel">',
            "<thead><tr><th>Beroepsgroep</th><th>Afwegingskader</th><th>Bron</th></tr></thead>",
            "<tbody>",
            *(_register_rij(i, index["beroepsgroepen"][i], adressen) for i in groep),
            "</tbody></table>",
            "",
            "</div>",
            "",
        ]
        for i in groep:
            rij = index["beroepsgroepen"][i]
            if rij["kader"]:
                if rij["toelichting"]:
                    uitleg["gecodeerd"].append(
                        f"- **{rij['naam']}** (`{rij['kader']}`): {rij['toelichting']}"
                    )
                continue
            bron = rij["bron"]
            uitleg[rij["status"]].append(
                f"- **{rij['naam']}** ({rij['sector'].replace('_', ' ')}): "
                f"{rij['reden']} *Advies:* {rij['advies']} "
                f"*Bron:* [{bron['titel']}]({bron['adres']}): “{bron['passage']}”"
                + (f" *Toelichting:* {rij['toelichting']}" if rij["toelichting"] else "")
            )
    koppen = {
        "gecodeerd": "Toelichting bij gecodeerde beroepsgroepen",
        "bekend_niet_gecodeerd": "Bekend, niet gecodeerd: waarom, en wat te doen in de tussentijd",
        "geen_meldcodekader": "Geen meldcodekader: waarom niet, en waar signalen heen gaan",
    }
    for status, kop in koppen.items():
        if uitleg[status]:
            regels += [f"### {kop}", "", *uitleg[status], ""]
    return "\n".join(regels)


def _vervanger(page: Page, files: Files) -> Callable[[re.Match[str]], str]:
    def vervang(match: re.Match[str]) -> str:
        naam, args = match.group(1), match.group(2).split()
        if naam == "vergelijking":
            return render.vergelijking(_register())
        if naam == "kenmerken":
            return render.kenmerken_overzicht(_register())
        if naam == "stroomschema":
            return "```mermaid\n" + render.stroomschema(_kader_versie(args, naam)) + "\n```"
        if naam == "beslistabel":
            return render.beslistabel_markdown(render.beslistabel(_kader_versie(args, naam)))
        if naam == "casuistiek":
            return _casuistiek(args)
        if naam == "beroepsgroepen":
            return _beroepsgroepen(args, page, files)
        msg = f"onbekende marker kader:{naam}"
        raise PluginError(msg)

    return vervang


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        uit = MARKER.sub(_vervanger(page, files), markdown)
    except PluginError as fout:
        msg = f"{page.file.src_uri}: {fout}"
        raise PluginError(msg) from None
    if "<!-- kader:" in uit or "<!--kader:" in uit:
        msg = f"{page.file.src_uri}: onleesbare kader-marker"
        raise PluginError(msg)
    return uit
