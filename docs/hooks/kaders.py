"""Generate the kader pages at build time from the declarations the engines run.

For every registered kader (entry-point group ``meldcode_rules.kaders``) this hook adds,
as virtual files that are never committed:

- ``kaders/<id>/index.md``: the kader's identity and its version history;
- ``kaders/<id>/<versie>.md``: per version the afwegingsvragen, the Mermaid flowchart,
  the decision table, the sector's particulars, every rule with its source, the open
  questions and the invariants checked (all from :mod:`meldcode_rules.render`).

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

import importlib
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from meldcode_rules import render
from meldcode_rules.errors import MeldcodeError
from meldcode_rules.registry import Registry

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from meldcode_rules.kader import ResolvedKader, Kader, KaderVersie

log = logging.getLogger("mkdocs.hooks.kaders")

MARKER = re.compile(r"<!--\s*kader:([a-z_]+)((?:\s+[A-Za-z0-9_.-]+)*)\s*-->")
NAV_SECTIE = "Afwegingskaders"
CASUISTIEK_SECTIE = "Casuïstiek"

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
            try:
                pagina = render.versie_pagina(effectief, _invarianten(effectief))
            except MeldcodeError as fout:
                raise PluginError(str(fout)) from None
            files.append(File.generated(config, f"kaders/{kader.id}/{v.versie}.md", content=pagina))
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


_STATUS_TEKST = {
    "gecodeerd": "gecodeerd",
    "bekend_niet_gecodeerd": "bekend, niet gecodeerd",
    "geen_meldcodekader": "geen meldcodekader",
}
_SECTOR_TEKST = {"buiten_de_wet": "Buiten de Wet verplichte meldcode"}


def _cel(tekst: str) -> str:
    return tekst.replace("|", "\\|")


def _beroepsgroepen(_args: list[str]) -> str:
    try:
        module = importlib.import_module("meldcode_rules.beroepsgroepen")
    except ImportError:
        return (
            '!!! note "Nog niet beschikbaar"\n    Het register van beroepsgroepen is nog niet in '
            "deze versie opgenomen.\n"
        )
    bekend = {k.id for k in _register().kaders()}
    rijen = module.tabel_rijen()
    per_sector: dict[str, list[dict[str, str]]] = {}
    for rij in rijen:  # already in sector order
        per_sector.setdefault(rij["sector"], []).append(rij)
    regels: list[str] = []
    uitleg: dict[str, list[str]] = {
        "gecodeerd": [],
        "bekend_niet_gecodeerd": [],
        "geen_meldcodekader": [],
    }
    for sector, groep in per_sector.items():
        titel = _SECTOR_TEKST.get(sector, sector.replace("_", " ").capitalize())
        regels += [
            f"### {titel}",
            "",
            "| Beroepsgroep | Ook genoemd | Afwegingskader | Status | Bron |",
            "|:--|:--|:--|:--|:--|",
        ]
        for rij in groep:
            if rij["kader"]:
                if rij["kader"] not in bekend:
                    msg = f"beroepsgroep {rij['beroepsgroep']}: onbekend kader {rij['kader']}"
                    raise PluginError(msg)
                kader = f"[`{rij['kader']}`](kaders/{rij['kader']}/index.md)"
                if rij["toelichting"]:
                    uitleg["gecodeerd"].append(
                        f"- **{rij['beroepsgroep']}** (`{rij['kader']}`): {rij['toelichting']}"
                    )
            else:
                kader = rij["kader_naam"] or "—"
                uitleg.setdefault(rij["status"], []).append(
                    f"- **{rij['beroepsgroep']}** ({rij['sector'].replace('_', ' ')}): "
                    f"{rij['reden']} *Advies:* {rij['advies']} "
                    f"*Bron:* [{rij['bron_titel']}]({rij['bron_adres']}): “{rij['bron_passage']}”"
                    + (f" *Toelichting:* {rij['toelichting']}" if rij["toelichting"] else "")
                )
            cellen = [
                rij["beroepsgroep"],
                rij["namen"],
                kader,
                _STATUS_TEKST.get(rij["status"], rij["status"]),
                f"[{rij['bron_titel']}]({rij['bron_adres']})",
            ]
            regels.append("| " + " | ".join(_cel(c) for c in cellen) + " |")
        regels.append("")
    if uitleg["gecodeerd"]:
        regels += ["### Toelichting bij gecodeerde beroepsgroepen", "", *uitleg["gecodeerd"], ""]
    if uitleg["bekend_niet_gecodeerd"]:
        regels += [
            "### Bekend, niet gecodeerd: waarom, en wat te doen in de tussentijd",
            "",
            *uitleg["bekend_niet_gecodeerd"],
            "",
        ]
    if uitleg["geen_meldcodekader"]:
        regels += [
            "### Geen meldcodekader: waarom niet, en waar signalen heen gaan",
            "",
            *uitleg["geen_meldcodekader"],
            "",
        ]
    return "\n".join(regels)


def _vervang(match: re.Match[str]) -> str:
    naam, args = match.group(1), match.group(2).split()
    if naam == "vergelijking":
        return render.vergelijking(_register())
    if naam == "stroomschema":
        return "```mermaid\n" + render.stroomschema(_kader_versie(args, naam)) + "\n```"
    if naam == "beslistabel":
        return render.beslistabel_markdown(render.beslistabel(_kader_versie(args, naam)))
    if naam == "casuistiek":
        return _casuistiek(args)
    if naam == "beroepsgroepen":
        return _beroepsgroepen(args)
    msg = f"onbekende marker kader:{naam}"
    raise PluginError(msg)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        uit = MARKER.sub(_vervang, markdown)
    except PluginError as fout:
        msg = f"{page.file.src_uri}: {fout}"
        raise PluginError(msg) from None
    if "<!-- kader:" in uit or "<!--kader:" in uit:
        msg = f"{page.file.src_uri}: onleesbare kader-marker"
        raise PluginError(msg)
    return uit
