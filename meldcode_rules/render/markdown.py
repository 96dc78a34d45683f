"""Render a kader version as Markdown: questions, flowchart, decision table, rules, sources.

Every function here is pure: it reads the same declarations the engines run (a resolved
:class:`~meldcode_rules.kader.ResolvedKader`) and returns text. The mkdocs hook
(``docs/hooks/kaders.py``) builds the documentation site from these pages at build
time, and ``meldcode docs KADER`` prints them, so the documentation cannot drift from
the rules. The decision table and the flowchart show the beslissingen for a casus that
supplies only the answers: a beslisregel that also reads a casus fact sees that fact as
unknown, and the page says so.

Nothing rendered here holds casus data: pages describe rules, never cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, BESLISSING, HULP, MELDEN
from meldcode_rules.analysis.beslistabel import Beslistabel, beslistabel
from meldcode_rules.errors import KaderError
from meldcode_rules.feiten import CATALOGUS
from meldcode_rules.kader import ResolvedKader, vingerafdruk
from meldcode_rules.kenmerken import KENMERKEN, lezingen
from meldcode_rules.regels import ACTIE, SIGNALERING, Altijd, Bron, OpenVraag, Regel
from meldcode_rules.render.cel import CEL
from meldcode_rules.render.mermaid import stroomschema

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from meldcode_rules.kader import Bijzonderheid, Kader, KaderVersie
    from meldcode_rules.registry import Registry

__all__ = [
    "Invariant",
    "RenderError",
    "beslistabel_markdown",
    "invarianten",
    "kader_document",
    "kader_overzicht",
    "kenmerken_overzicht",
    "vergelijking",
    "versie_pagina",
]

_DOEL_TEKST: Final[dict[str, str]] = {
    MELDEN: "beslissing 1 (melden)",
    HULP: "beslissing 2 (hulp)",
    ACTIE: "een actie",
    SIGNALERING: "een signalering",
}


class RenderError(KaderError):
    """A kader cannot be rendered: a dangling reference or an unknown marker."""


def _cel(tekst: str) -> str:
    return tekst.replace("|", "\\|").replace("\n", " ")


def beslistabel_markdown(tabel: Beslistabel) -> str:
    """The decision table as a Markdown table (one row per :class:`Rij`)."""
    koppen = [*(AFWEGING[a].kort for a in AFWEGINGEN), "**Melden**", "**Hulp**"]
    regels = [
        "| " + " | ".join(koppen) + " |",
        "|" + "|".join([":-:"] * len(AFWEGINGEN) + [":--", ":--"]) + "|",
    ]
    for rij in tabel.rijen:
        cellen = [CEL[s] for s in rij.waarden]
        cellen += [
            f"**{BESLISSING[MELDEN].kort_voor(rij.melden)}**",
            f"**{BESLISSING[HULP].kort_voor(rij.hulp)}**",
        ]
        regels.append("| " + " | ".join(cellen) + " |")
    return "\n".join(regels)


# -- invariants --------


@dataclass(frozen=True, slots=True)
class Invariant:
    """One invariant a kader version was checked against, for the page."""

    naam: str
    omschrijving: str
    status: str
    """``bewezen``, ``steekproef``, ``geschonden`` or ``niet_van_toepassing``."""
    methode: str = ""
    """How the result was established (exhaustively over 729 combinations, ...)."""
    grondslag: str = ""
    """The legal ground of the invariant, if stated."""
    toelichting: str = ""
    """For ``geschonden``: the counterexample, in Dutch."""


def invarianten(effectief: ResolvedKader, registry: Registry | None = None) -> list[Invariant]:
    """The invariants one version was proved against (:mod:`meldcode_rules.analysis`), per page.

    Exhaustive only (no hypothesis sampling), so it is fast enough for a docs build.
    """
    from meldcode_rules.analysis import invarianten_rapport  # noqa: PLC0415 - loaded on demand

    uit: list[Invariant] = []
    for u in invarianten_rapport(effectief.kader, effectief.versie.versie, registry):
        tegen = u.tegenvoorbeeld
        uit.append(
            Invariant(
                naam=u.naam,
                omschrijving=f"{u.invariant.titel} {u.uitleg}",
                status=u.status,
                methode=u.methode,
                grondslag=u.grondslag,
                toelichting=tegen.beschrijving().replace("\n", "; ") if tegen else "",
            )
        )
    return uit


# -- Markdown pages --------


def _datum(bron: Bron) -> str:
    return bron.datum.isoformat() if bron.datum else "zonder datum"


def _bron_md(bron: Bron, *, passage: bool = True) -> list[str]:
    uit = [
        f"[{bron.titel}]({bron.adres}) — {bron.uitgever}, versie {bron.versie} ({_datum(bron)})."
    ]
    if passage and bron.passage:
        uit += ["", f"> {bron.passage}"]
    return uit


def _periode(versie: KaderVersie) -> str:
    tot = versie.geldig_tot.isoformat() if versie.geldig_tot else "heden"
    return f"{versie.geldig_van.isoformat()} t/m {tot}"


@dataclass(frozen=True, slots=True)
class _Context:
    effectief: ResolvedKader
    niveau: int
    koppelingen: bool

    def kop(self, diepte: int, tekst: str, anker: str | None = None) -> str:
        attr = f" {{ #{anker} }}" if anker and self.koppelingen else ""
        return f"{'#' * (self.niveau + diepte)} {tekst}{attr}"

    def regel_ref(self, regel_id: str) -> str:
        return f"[`{regel_id}`](#{regel_id})" if self.koppelingen else f"`{regel_id}`"


def _herkomst(effectief: ResolvedKader, regel: Regel) -> str:
    eigen = effectief.versie
    if any(r.id == regel.id for r in eigen.aanscherpingen):
        basis = effectief.basis
        naam = f"{basis.kader.id} {basis.versie.versie}" if basis else "het basiskader"
        return f"aanscherping door dit kader van de regel uit {naam}"
    if any(r.id == regel.id for r in eigen.regels):
        return "eigen regel van dit kader"
    b = effectief.basis
    while b is not None:
        if any(r.id == regel.id for r in (*b.versie.regels, *b.versie.aanscherpingen)):
            return f"overgenomen uit {b.kader.id} {b.versie.versie}"
        b = b.basis
    return "overgenomen"  # pragma: no cover - every effective rule comes from some version


def _wanneer(regel: Regel) -> list[str]:
    voorwaarde = f"`{regel.als}`"
    if isinstance(regel.als, Altijd):
        return ["- **Ja:** altijd; deze regel geldt in elke casus.", "- **Nee / onbekend:** —"]
    if regel.doel in AFWEGINGEN:
        beschermt = AFWEGING[regel.doel].beschermend.value
        conclusie = regel.conclusie
        onbekend = (
            f"draagt de regel *onbekend* bij aan {regel.doel}, maar alleen als de casus alle "
            "gelezen feiten aanlevert: het meest beschermende antwoord blijft dan mogelijk"
            if conclusie == beschermt
            else "zegt de regel niets: een onbekend feit maakt het minder beschermende antwoord "
            "nooit waar"
        )
        return [
            (
                f"- **Ja** (de voorwaarde {voorwaarde} geldt): de regel leidt *{regel.doel} = "
                f"{conclusie}* af. Met het antwoord van de professional telt de meest beschermende "
                "waarde."
            ),
            "- **Nee:** de regel zegt niets over deze afweging.",
            (
                f"- **Onbekend:** {onbekend}. Levert de casus een gelezen feit niet aan, "
                "dan zwijgt de regel."
            ),
        ]
    if regel.doel in (MELDEN, HULP):
        waarde = BESLISSING[regel.doel].kort_voor(regel.conclusie)
        return [
            (
                f"- **Ja** (de voorwaarde {voorwaarde} geldt): {_DOEL_TEKST[regel.doel]} is "
                f"*{waarde}*. Geven twee regels iets anders, dan telt de meest beschermende waarde "
                "en volgt een signalering."
            ),
            "- **Nee:** de regel geldt niet; een andere regel kan de beslissing geven.",
            (
                "- **Onbekend:** de regel geldt niet. Geeft geen enkele regel de beslissing, "
                "dan is die *onbepaald*, met de afwegingen waarvan zij afhangt."
            ),
        ]
    return [
        (
            f"- **Ja** (de voorwaarde {voorwaarde} geldt): {_DOEL_TEKST[regel.doel]} volgt "
            f"(`{regel.conclusie}`)."
        ),
        "- **Nee / onbekend:** deze "
        + ("actie" if regel.doel == ACTIE else "signalering")
        + " volgt niet uit deze regel.",
    ]


def _open_vragen(effectief: ResolvedKader) -> list[tuple[OpenVraag, str]]:
    """Every open question of the version: its own and those of the kaders it extends."""
    uit = [
        (v, f"{effectief.kader.id} {effectief.versie.versie}") for v in effectief.versie.open_vragen
    ]
    b = effectief.basis
    while b is not None:
        uit += [(v, f"{b.kader.id} {b.versie.versie}") for v in b.versie.open_vragen]
        b = b.basis
    return uit


def _controleer_verwijzingen(effectief: ResolvedKader) -> None:
    bekend = {r.id for r in effectief.regels} | set(AFWEGINGEN) | {MELDEN, HULP}
    for vraag, herkomst in _open_vragen(effectief):
        for ref in vraag.betreft:
            if ref not in bekend:
                msg = (
                    f"kader {effectief.kader.id} versie {effectief.versie.versie}: open vraag "
                    f"{vraag.id} (uit {herkomst}) verwijst naar onbekende regel of afweging {ref}"
                )
                raise RenderError(msg)


def _ref(ctx: _Context, ref: str) -> str:
    if ref in AFWEGINGEN or ref in (MELDEN, HULP):
        return f"*{ref.replace('_', ' ')}*"
    return ctx.regel_ref(ref)


def _regel_md(ctx: _Context, regel: Regel, vragen: list[tuple[OpenVraag, str]]) -> list[str]:
    doel = regel.doel.replace("_", " ") if regel.doel in AFWEGINGEN else _DOEL_TEKST[regel.doel]
    uit = [
        ctx.kop(2, regel.id, regel.id),
        "",
        *([f"*{regel.label}*", ""] if regel.label else []),
        ctx.kop(3, "Wat de regel vraagt"),
        "",
        f"Als `{regel.als}`, dan **{doel}: {regel.conclusie.replace('_', ' ')}**.",
        "",
        f"Herkomst: {_herkomst(ctx.effectief, regel)}.",
    ]
    if regel.toelichting:
        uit += ["", f"Toelichting: {regel.toelichting}"]
    uit += ["", ctx.kop(3, "Bron"), "", *_bron_md(regel.bron)]
    uit += ["", ctx.kop(3, "Wanneer ja / nee / onbekend"), "", *_wanneer(regel)]
    betrokken = [v for v, _ in vragen if regel.id in v.betreft or regel.doel in v.betreft]
    uit += ["", ctx.kop(3, "Open vragen"), ""]
    if betrokken:
        uit += [
            f"- [{v.vraag}](#open-{v.id})" if ctx.koppelingen else f"- {v.vraag}" for v in betrokken
        ]
    else:
        uit.append("Geen.")
    return [*uit, ""]


_GROEPEN: Final[tuple[tuple[str, str], ...]] = (
    ("vermoeden", "Afweging: vermoeden"),
    ("acute_onveiligheid", "Afweging: acute onveiligheid"),
    ("structurele_onveiligheid", "Afweging: structurele onveiligheid"),
    ("passende_hulp", "Afweging: passende hulp"),
    ("medewerking", "Afweging: medewerking"),
    ("duurzame_veiligheid", "Afweging: duurzame veiligheid"),
    (MELDEN, "Beslissing 1: is melden noodzakelijk?"),
    (HULP, "Beslissing 2: is zelf hulp bieden of organiseren (ook) mogelijk?"),
    (ACTIE, "Acties"),
    (SIGNALERING, "Signaleringen"),
)

_SOORT: Final[dict[str, str]] = {
    "stap": "Extra stappen",
    "procedure": "Procedures buiten de meldcode",
    "bijzonderheid": "Overige bijzonderheden",
}


def _bijzonderheden(effectief: ResolvedKader) -> list[Bijzonderheid]:
    uit = list(effectief.versie.bijzonderheden)
    b = effectief.basis
    while b is not None:
        uit += list(b.versie.bijzonderheden)
        b = b.basis
    return uit


def _sector_md(ctx: _Context) -> list[str]:
    e = ctx.effectief
    uit = [ctx.kop(1, "Bijzonderheden van de sector"), ""]
    eigen = [*e.versie.aanscherpingen, *e.versie.regels]
    if e.basis is not None:
        uit.append(
            f"Dit kader breidt **{e.basis.kader.id} {e.basis.versie.versie}** uit. Wat het aan "
            "het model toevoegt:"
        )
        uit.append("")
        if not eigen:
            uit.append("- geen eigen regels: het kader volgt de regels van het model.")
        for doel, titel in _GROEPEN:
            regels = [r for r in eigen if r.doel == doel]
            if regels:
                refs = ", ".join(ctx.regel_ref(r.id) for r in regels)
                uit.append(f"- {titel}: {refs}")
        uit.append("")
    items = _bijzonderheden(e)
    if not items:
        uit += ["Geen bijzonderheden vastgelegd.", ""]
        return uit
    for soort, titel in _SOORT.items():
        groep = [b for b in items if b.soort == soort]
        groep += [b for b in items if b.soort not in _SOORT and soort == "bijzonderheid"]
        if not groep:
            continue
        uit += [ctx.kop(2, titel), ""]
        for b in groep:
            uit += [f"**{b.titel}** — {b.omschrijving}", ""]
            uit += ["Bron: " + _bron_md(b.bron, passage=False)[0], ""]
            if b.bron.passage:
                uit += [f"> {b.bron.passage}", ""]
    return uit


_KINDCHECK_FEITEN: Final = frozenset(
    {"aantal_volwassenen_met_oudersignalen", "zorgt_voor_minderjarigen"}
)
_MEDEWERKER_FEITEN: Final = frozenset(
    n for n in CATALOGUS if "door_medewerker" in n or "door_houder" in n
)


def _regels_met(ctx: _Context, feiten: frozenset[str]) -> list[Regel]:
    return [r for r in ctx.effectief.regels if r.als.feiten() & feiten]


def _regellijst_md(ctx: _Context, regels: Sequence[Regel]) -> list[str]:
    uit: list[str] = []
    for r in regels:
        tekst = r.label or f"{r.doel} = {r.conclusie}"
        uit.append(f"- {ctx.regel_ref(r.id)}: {tekst}")
    return [*uit, ""]


def _kindcheck_md(ctx: _Context) -> list[str]:
    """Stap 1: the kindcheck this version gives (inherited from the model or its own)."""
    uit = [ctx.kop(1, "De kindcheck (stap 1)"), ""]
    regels = _regels_met(ctx, _KINDCHECK_FEITEN)
    if not regels:
        return [
            *uit,
            (
                "Deze versie kent geen kindcheck: die is pas sinds 1 juli 2013 in elke meldcode "
                "verplicht."
            ),
            "",
        ]
    uit += [
        (
            "Heeft een volwassen cliënt een omstandigheid die om de kindcheck vraagt "
            "(oudersignalen zoals ernstige psychische problemen, verslaving of huiselijk "
            "geweld), dan gaat de professional na of hij zorgt voor minderjarige kinderen en of "
            "die veilig zijn:"
        ),
        "",
    ]
    return uit + _regellijst_md(ctx, regels)


def _medewerker_md(ctx: _Context) -> list[str]:
    """The route outside the meldcode for a suspected medewerker, where the kader has one."""
    regels = _regels_met(ctx, _MEDEWERKER_FEITEN)
    buiten = [r for r in ctx.effectief.regels if r.conclusie == "buiten_meldcode"]
    if not regels and not buiten:
        return []
    uit = [ctx.kop(1, "Een vermoeden over een medewerker"), ""]
    if buiten:
        uit += [
            (
                "Gaan alle signalen over een medewerker (of de houder), dan vervangt een "
                "wettelijke route van de sector stap 5: beide beslissingen zijn dan "
                "`buiten_meldcode`, niet melden bij Veilig Thuis en niet bespreken met de "
                "betrokkenen. Zijn er ook signalen over iemand anders, dan loopt de meldcode "
                "daarvoor wel."
            ),
            "",
        ]
    ids = {r.id for r in regels}
    return uit + _regellijst_md(ctx, [*regels, *(r for r in buiten if r.id not in ids)])


_HERKOMST: Final = {
    "algemeen": "gedeelde vraag of definitie",
    "onthulling": "onthulling (bronnen verschillen)",
    "knmg": "voorbeeld uit de KNMG-meldcode",
}


def _kenmerken_md(ctx: _Context) -> list[str]:
    """The marker table: every marker, its meaning and source, and how this version reads it."""
    uit = [
        ctx.kop(1, "Kenmerken van signalen"),
        "",
        (
            "Elk kenmerk dat een professional bij een signaal kan vastleggen, met de passage "
            "waar het vandaan komt en wat deze versie ermee doet: een afweging afleiden, of een "
            "signalering die vraagt het te wegen."
            + (
                " Zie ook [het overzicht over alle kaders](../kenmerken.md)."
                if ctx.koppelingen
                else ""
            )
        ),
        "",
        "| Kenmerk | Betekenis | Soort | Bron | In deze versie |",
        "|:--|:--|:--|:--|:--|",
    ]
    for kenmerk, lezing in lezingen(ctx.effectief).items():
        info = KENMERKEN[kenmerk]
        cel = "; ".join(f"{lz.zin()} ({ctx.regel_ref(lz.regel)})" for lz in lezing)
        uit.append(
            f"| `{kenmerk.value}` | {_cel(info.betekenis)} | {_HERKOMST[info.herkomst]} | "
            f"[{_cel(info.bron)}]({info.adres}) | {_cel(cel) if cel else 'niet gelezen'} |"
        )
    return [*uit, ""]


def kenmerken_overzicht(registry: Registry, kaders: Sequence[Kader] | None = None) -> str:
    """The marker table across kaders (current version of each): how each kader reads a marker.

    Returns Markdown: a row per marker with its meaning, kind and source (with the passage),
    and a column per kader with the rules that read it.
    """
    lijst = list(kaders) if kaders is not None else registry.kaders()
    kolommen = [(k, registry.resolve(k, _versies(k)[-1].geldig_van)) for k in lijst]
    per_kader = [lezingen(e) for _, e in kolommen]
    koppen = "| Kenmerk | Betekenis | Bron | " + " | ".join(
        f"[{k.id}]({k.id}/index.md)" for k, _ in kolommen
    )
    uit = [koppen + " |", "|:--|:--|:--|" + "|".join(":--" for _ in kolommen) + "|"]
    for kenmerk, info in KENMERKEN.items():
        bron = f"{_HERKOMST[info.herkomst]}: [{info.bron}]({info.adres}), «{info.passage}»"
        cellen = []
        for lz in per_kader:
            tekst = "; ".join(f"{x.zin()} (`{x.regel}`)" for x in lz[kenmerk])
            cellen.append(_cel(tekst) if tekst else "niet gelezen")
        uit.append(
            f"| `{kenmerk.value}` | {_cel(info.betekenis)} | {_cel(bron)} | "
            + " | ".join(cellen)
            + " |"
        )
    return "\n".join(uit)


def _vragen_md(ctx: _Context) -> list[str]:
    e = ctx.effectief
    eigen = {n for n, _ in e.versie.afwegingsvragen}
    uit = [
        ctx.kop(1, "Afwegingsvragen"),
        "",
        (
            "De afwegingen in de woorden van het kader. Elke vraag wordt beantwoord met *ja*, "
            "*nee* of *onbekend*."
        ),
        "",
        "| Afweging | Vraag | Herkomst |",
        "|:--|:--|:--|",
    ]
    for a in AFWEGINGEN:
        herkomst = "dit kader" if a in eigen else ("model" if e.basis is not None else "—")
        uit.append(f"| {a.replace('_', ' ')} | {_cel(e.vraag(a))} | {herkomst} |")
    return [*uit, ""]


def _invarianten_md(ctx: _Context, invarianten: Sequence[Invariant]) -> list[str]:
    uit = [ctx.kop(1, "Gecontroleerde invarianten"), ""]
    if not invarianten:
        return [*uit, "Voor deze versie zijn bij het bouwen geen invarianten gecontroleerd.", ""]
    uit += [
        "Bij het bouwen van deze pagina gecontroleerd op de regels van deze versie:",
        "",
        "| Invariant | Wat wordt gecontroleerd | Uitkomst | Hoe |",
        "|:--|:--|:--|:--|",
    ]
    for inv in invarianten:
        uitkomst = _STATUS.get(inv.status, inv.status)
        if inv.status == "geschonden" and inv.toelichting:
            uitkomst += f": {_cel(inv.toelichting)}"
        wat = _cel(inv.omschrijving) + (
            f" Grondslag: {_cel(inv.grondslag)}" if inv.grondslag else ""
        )
        uit.append(f"| `{inv.naam}` | {wat} | {uitkomst} | {_cel(inv.methode) or '—'} |")
    if any(inv.status == "steekproef" for inv in invarianten):
        uit += [
            "",
            (
                "*Gehouden in een steekproef*: deze pagina is gebouwd zonder de solver z3, en "
                "een feitruimte van deze versie is te groot om af te tellen, dus is een dekkende "
                "steekproef genomen (nooit als bewijs gemeld). Met z3 (`pip install "
                f"'meldcode-rules[check]'`) bewijst `meldcode check {ctx.effectief.kader.id}` "
                "haar symbolisch; de CI van meldcode-rules doet dat voor elk meegeleverd kader."
            ),
        ]
    return [*uit, ""]


_STATUS: Final[dict[str, str]] = {
    "bewezen": "bewezen",
    "steekproef": "gehouden in een steekproef",
    "geschonden": "**geschonden**",
    "niet_van_toepassing": "niet van toepassing",
}


DOORLOOP_KLASSE: Final = "meldcode-doorloop"
"""The class of the block the site's script turns into the walk-through."""


def _doorloop_md(ctx: _Context, bron: str | None) -> list[str]:
    """The walk-through block: a placeholder the site's script fills from the export at ``bron``.

    The export (:func:`meldcode_rules.render.doorloop.doorloop`) holds the questions in
    the kader's own words and the outcome of every answer combination. No block without
    an export (plain Markdown output).
    """
    if bron is None:
        return []
    return [
        ctx.kop(1, "Doorlopen", "doorlopen"),
        "",
        (
            "Beantwoord de afwegingsvragen met *ja*, *nee* of *weet ik niet* en zie meteen de "
            "twee beslissingen, de regels die ze geven met hun bron, en de acties. Een vraag "
            "die u (nog) niet beantwoordt, telt als *weet ik niet*. Er wordt niets verstuurd "
            "of bewaard: alles gebeurt in uw browser."
        ),
        "",
        f'<div class="{DOORLOOP_KLASSE}" markdown="1">',
        "",
        (
            '<noscript><p>De doorloop heeft JavaScript nodig. De <a href="#beslistabel">'
            "beslistabel</a> hieronder geeft dezelfde uitkomsten.</p></noscript>"
        ),
        "",
        f"[Alle uitkomsten van deze versie als JSON]({bron}){{ data-doorloop-bron }}",
        "",
        "</div>",
        "",
    ]


def versie_pagina(
    effectief: ResolvedKader,
    invarianten: Sequence[Invariant] = (),
    *,
    niveau: int = 1,
    koppelingen: bool = True,
    doorloop: str | None = None,
) -> str:
    """The page of one kader version.

    Args:
        effectief: the resolved version (inherited rules included).
        invarianten: the invariants it was checked against (shown in a table).
        niveau: the heading level of the page title (2 to nest it in a larger document).
        koppelingen: write in-page links and heading ids (off for plain Markdown output).
        doorloop: the link (relative to the page's source file) of the version's
            walk-through export (:func:`meldcode_rules.render.doorloop.doorloop_json`);
            when given, the page gets the interactive walk-through (the site only).

    Raises:
        RenderError: an open question names a rule or afweging that does not exist.
    """
    _controleer_verwijzingen(effectief)
    ctx = _Context(effectief, niveau, koppelingen)
    k, v = effectief.kader, effectief.versie
    uit = [
        ctx.kop(0, f"{k.naam} — versie {v.versie}"),
        "",
        (
            f"Geldig: **{_periode(v)}**. Kader `{k.id}`, vingerafdruk van de regels "
            f"`{vingerafdruk(effectief)}`."
        ),
        "",
        "Bron van deze versie: " + _bron_md(v.bron, passage=False)[0],
        "",
    ]
    if effectief.basis is not None:
        b = effectief.basis
        uit += [f"Breidt uit: `{b.kader.id}` versie {b.versie.versie}.", ""]
    if v.wijzigingen:
        uit += [f"Wijzigingen: {v.wijzigingen}", ""]
    uit += _vragen_md(ctx)
    uit += _doorloop_md(ctx, doorloop)
    tabel = beslistabel(effectief)
    uit += [
        ctx.kop(1, "Stroomschema"),
        "",
        (
            "Van het vermoeden naar de twee beslissingen. Volg bij elke vraag uw antwoord: *ja* "
            "of *nee*. Een vraag staat er alleen waar het antwoord de uitkomst verandert. "
            "*Weet ik niet* staat één keer per vraag: leidt het niet naar dezelfde plek als *ja* "
            "of *nee*, dan geldt wat bij *ja* én bij *nee* gelijk uitkomt, en blijft de rest "
            "*onbepaald*: raadpleeg dan Veilig Thuis."
        ),
        "",
        "```mermaid",
        stroomschema(effectief),
        "```",
        "",
        ctx.kop(1, "Beslistabel"),
        "",
        (
            f"Alle {3 ** len(AFWEGINGEN)} combinaties van antwoorden, samengevat in "
            f"{len(tabel.rijen)} rijen; elke combinatie staat in precies één rij. "
            "`—` betekent: elk antwoord. De waarden zijn die na het samenvoegen van het antwoord "
            "van de professional met wat het kader afleidt."
        ),
        "",
    ]
    if tabel.extra_feiten:
        namen = ", ".join(f"`{f}`" for f in tabel.extra_feiten)
        uit += [
            (
                f"De beslisregels lezen ook gegevens uit de casus ({namen}); de tabel toont de "
                "beslissingen als die gegevens ontbreken."
            ),
            "",
        ]
    uit += [beslistabel_markdown(tabel), ""]
    uit += _sector_md(ctx)
    uit += _kindcheck_md(ctx)
    uit += _medewerker_md(ctx)
    uit += _kenmerken_md(ctx)
    vragen = _open_vragen(effectief)
    uit += [ctx.kop(1, "Regels"), ""]
    for doel, titel in _GROEPEN:
        regels = [r for r in effectief.regels if r.doel == doel]
        if not regels:
            continue
        uit += [f"**{titel}**: " + ", ".join(ctx.regel_ref(r.id) for r in regels), ""]
    for doel, _ in _GROEPEN:
        for regel in (r for r in effectief.regels if r.doel == doel):
            uit += _regel_md(ctx, regel, vragen)
    uit += [ctx.kop(1, "Open vragen"), ""]
    if not vragen:
        uit += ["Geen.", ""]
    for vraag, herkomst in vragen:
        uit += [ctx.kop(2, vraag.vraag, f"open-{vraag.id}"), ""]
        uit += [f"Uit {herkomst}."]
        if vraag.betreft:
            uit += ["Betreft: " + ", ".join(_ref(ctx, r) for r in vraag.betreft) + "."]
        if vraag.toelichting:
            uit += ["", vraag.toelichting]
        if vraag.bron is not None:
            uit += ["", "Bron: ", *_bron_md(vraag.bron)]
        uit.append("")
    uit += _invarianten_md(ctx, invarianten)
    return "\n".join(uit)


def _versies(kader: Kader) -> list[KaderVersie]:
    return sorted(kader.versies, key=lambda v: v.geldig_van)


def kader_overzicht(
    kader: Kader, *, niveau: int = 1, koppelingen: bool = True, distributie: str = ""
) -> str:
    """The overview page of a kader: identity, sectors, and the version history with dates."""
    h = "#" * niveau
    uit = [f"{h} {kader.naam}", ""]
    if kader.omschrijving:
        uit += [kader.omschrijving, ""]
    uit += [f"- Kader: `{kader.id}`"]
    if kader.uitgever:
        uit.append(f"- Uitgever: {kader.uitgever}")
    if kader.sectoren:
        uit.append(f"- Sectoren: {', '.join(s.replace('_', ' ') for s in kader.sectoren)}")
    if kader.beroepsgroepen:
        uit.append(f"- Beroepsgroepen: {', '.join(kader.beroepsgroepen)}")
    if kader.breidt_uit:
        ref = (
            f"[`{kader.breidt_uit}`](../{kader.breidt_uit}/index.md)"
            if koppelingen
            else (f"`{kader.breidt_uit}`")
        )
        uit.append(f"- Breidt uit: {ref}")
    if distributie:
        uit.append(f"- Geleverd door: distributie `{distributie}`")
    for c in kader.contacten:
        extra = f" ({c.bereikbaarheid})" if c.bereikbaarheid else ""
        uit.append(f"- Contact: {c.functie}{extra}")
    uit += ["", f"{h}# Versiegeschiedenis", "", "| Versie | Geldig | Bron | Wijzigingen |"]
    uit.append("|:--|:--|:--|:--|")
    for v in reversed(_versies(kader)):
        naam = f"[{v.versie}]({v.versie}.md)" if koppelingen else v.versie
        bron = f"[{_cel(v.bron.titel)}]({v.bron.adres}) ({_datum(v.bron)})"
        uit.append(f"| {naam} | {_periode(v)} | {bron} | {_cel(v.wijzigingen) or '—'} |")
    return "\n".join([*uit, ""])


def kader_document(
    registry: Registry,
    kader: Kader,
    versies: Sequence[KaderVersie] | None = None,
    invarianten: Callable[[ResolvedKader], Sequence[Invariant]] | None = None,
) -> str:
    """One kader as a single Markdown document: the overview and the chosen versions.

    Used by ``meldcode docs``; links between pages are left out.
    """
    delen = [kader_overzicht(kader, koppelingen=False, distributie=registry.distribution(kader.id))]
    for v in versies if versies is not None else _versies(kader):
        effectief = registry.resolve(kader, v.geldig_van)
        inv = invarianten(effectief) if invarianten is not None else ()
        delen.append(versie_pagina(effectief, inv, niveau=2, koppelingen=False))
    return "\n".join(delen)


def vergelijking(registry: Registry, kaders: Sequence[Kader] | None = None) -> str:
    """A side-by-side comparison of kaders (current version of each): what each adds to the model.

    Returns Markdown: one table with a column per kader and a row per aspect, with
    links to the kader pages (``<id>/index.md``, relative to the kaders index page).
    """
    lijst = list(kaders) if kaders is not None else registry.kaders()
    kolommen: list[tuple[Kader, ResolvedKader]] = []
    for k in lijst:
        laatste = _versies(k)[-1]
        kolommen.append((k, registry.resolve(k, laatste.geldig_van)))
    rijen: list[tuple[str, list[str]]] = []

    def rij(naam: str, waarde: Callable[[Kader, ResolvedKader], str]) -> None:
        rijen.append((naam, [_cel(waarde(k, e)) for k, e in kolommen]))

    def eigen(e: ResolvedKader, doelen: Iterable[str]) -> int:
        return sum(1 for r in e.versie.regels if r.doel in set(doelen))

    rij(
        "Versies",
        lambda k, _e: ", ".join(f"[{v.versie}]({k.id}/{v.versie}.md)" for v in _versies(k)),
    )
    rij("Huidige versie geldig", lambda _k, e: _periode(e.versie))
    rij("Sectoren", lambda k, _e: ", ".join(s.replace("_", " ") for s in k.sectoren) or "—")
    rij("Breidt uit", lambda k, _e: f"`{k.breidt_uit}`" if k.breidt_uit else "— (het model)")
    rij("Regels in totaal", lambda _k, e: str(len(e.regels)))
    rij("Eigen regels over de afwegingen", lambda _k, e: str(eigen(e, AFWEGINGEN)))
    rij("Eigen beslisregels (melden, hulp)", lambda _k, e: str(eigen(e, (MELDEN, HULP))))
    rij("Eigen acties", lambda _k, e: str(eigen(e, (ACTIE,))))
    rij("Eigen signaleringen", lambda _k, e: str(eigen(e, (SIGNALERING,))))
    rij("Aanscherpingen van het model", lambda _k, e: str(len(e.versie.aanscherpingen)))
    rij(
        "Eigen afwegingsvragen",
        lambda _k, e: str(len(e.versie.afwegingsvragen)) if e.basis else "—",
    )
    rij("Extra stappen", lambda _k, e: str(sum(b.soort == "stap" for b in e.versie.bijzonderheden)))
    rij(
        "Procedures buiten de meldcode",
        lambda _k, e: str(sum(b.soort == "procedure" for b in e.versie.bijzonderheden)),
    )
    rij("Open vragen (eigen)", lambda _k, e: str(len(e.versie.open_vragen)))
    rij("Rijen in de beslistabel", lambda _k, e: str(len(beslistabel(e).rijen)))
    koppen = "| | " + " | ".join(f"[{k.id}]({k.id}/index.md)" for k, _ in kolommen) + " |"
    uit = [koppen, "|:--|" + "|".join(":--" for _ in kolommen) + "|"]
    uit += [f"| {naam} | " + " | ".join(cellen) + " |" for naam, cellen in rijen]
    return "\n".join(uit)
