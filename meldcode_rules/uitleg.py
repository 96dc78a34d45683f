"""The Dutch narrative of one decision, fit for the dossier (``meldcode explain``).

Stap 5 of the meldcode asks the professional to record the weighing. This module
turns an :class:`~meldcode_rules.uitkomst.Uitkomst` into that record: which
afwegingsvragen were asked, the answer that counts and where it came from (the
professional, or a named rule of the kader with its source passage), why each
beslissing follows, which kader version decided and from which source, the acties,
and what is still to be recorded.

Privacy: the text is built from the outcome and from the derived facts only
(counts, ``ja``/``nee``/``onbekend``, closed vocabularies). It never contains the
casus id, betrokkene ids or any other input text.

The walk through the afwegingsvragen (:func:`doorloop`) is shared with the training
pages of :mod:`meldcode_rules.casuistiek`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, BESLISSING, BESLISSINGEN, HULP, MELDEN
from meldcode_rules.engine.native import compileer_voorwaarde
from meldcode_rules.feiten import afleiden
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde
from meldcode_rules.uitkomst import BronVerwijzing

if TYPE_CHECKING:
    from datetime import date

    from meldcode_rules.casus import Casus
    from meldcode_rules.feiten import Feiten
    from meldcode_rules.kader import ResolvedKader
    from meldcode_rules.regels import Regel
    from meldcode_rules.uitkomst import AfwegingUitkomst, RegelSpoor, Uitkomst

__all__ = ["Stap", "doorloop", "gewogen_afwegingen", "herkomst_tekst", "uitleg"]

_ONBEKEND: Final = (
    "Onbekend: een beslissing die hiervan afhangt blijft onbepaald. Zoek het uit; bij twijfel: "
    "raadpleeg Veilig Thuis."
)


def herkomst_tekst(afweging: AfwegingUitkomst) -> str:
    """Where the answer that counts came from, in Dutch, naming the kader rules."""
    regels = _regels_tekst(afweging.spoor)
    if afweging.herkomst == "geen":
        return "nog niet beantwoord, en het kader leidt het niet af uit de feiten"
    if afweging.herkomst == "antwoord":
        if afweging.afleiding is None:
            return "het antwoord van de professional (het kader leidt hier niets af)"
        return (
            f"het antwoord van de professional; het kader leidt {afweging.afleiding.value} af "
            f"({regels}), het antwoord is beschermender en telt"
        )
    if afweging.herkomst == "kader":
        return (
            f"afgeleid door het kader ({regels}); het antwoord van de professional was "
            f"{afweging.antwoord.value}, de meest beschermende waarde telt"
        )
    return f"het antwoord van de professional, en het kader leidt hetzelfde af ({regels})"


def _regels_tekst(spoor: tuple[RegelSpoor, ...]) -> str:
    if not spoor:
        return "geen regel"
    delen = [f"regel {s.regel}: {s.label or _passage(s)}" for s in spoor]
    return "; ".join(delen)


def gewogen_afwegingen(effectief: ResolvedKader) -> tuple[str, ...]:
    """The afwegingen the version's beslisregels read (the others are not weighed in it).

    The model of 2013, for example, has no separate question about acute or
    structurele onveiligheid: its beslisregels read only vermoeden, passende hulp
    and duurzame veiligheid.
    """
    gelezen: set[str] = set()
    for regel in effectief.regels:
        if regel.doel in (MELDEN, HULP):
            gelezen.update(regel.als.feiten())
    return tuple(a for a in AFWEGINGEN if a in gelezen)


@dataclass(frozen=True, slots=True)
class Stap:
    """One afwegingsvraag on the walk: the question, the answer that counts, what follows."""

    afweging: str
    nummer: int
    titel: str
    vraag: str
    waarde: Waarde
    herkomst: str
    gevolg: str
    met_veilig_thuis: bool = False
    """Reached only after a melding: answered together with Veilig Thuis."""


def _bepaald_bij(
    regel: Regel, gebruikt: dict[str, Waarde | int | str | None], gewogen: tuple[str, ...]
) -> str | None:
    """The afweging at which a rule that held was settled.

    That is the first step of the walk after which its condition is ``ja`` with every
    later afweging still unanswered.
    """
    toets = compileer_voorwaarde(regel.als)
    for i, naam in enumerate(gewogen):
        if naam not in gebruikt:
            continue
        env: dict[str, Waarde | int | str | None] = dict(gebruikt)
        env.update({later: ONBEKEND for later in gewogen[i + 1 :] if later in env})
        if toets(env) is JA:
            return naam
    return None


def _gevolgen(
    uitkomst: Uitkomst, effectief: ResolvedKader, gewogen: tuple[str, ...]
) -> dict[str, list[tuple[str, RegelSpoor]]]:
    """Per afweging, the beslisregels that held and were settled at that step (from the trace)."""
    uit: dict[str, list[tuple[str, RegelSpoor]]] = {}
    for doel in BESLISSINGEN:
        for s in uitkomst.beslissingen[doel].spoor:
            regel = effectief.regel(s.regel)
            if s.resultaat is not JA or regel is None:
                continue
            stap = _bepaald_bij(regel, s.gebruikt, gewogen)
            if stap is not None:
                uit.setdefault(stap, []).append((doel, s))
    return uit


def doorloop(uitkomst: Uitkomst, effectief: ResolvedKader) -> list[Stap]:
    """The walk through the afwegingsvragen in the order of the afwegingskader.

    Each step shows the question in the kader's own words, the answer that counts and
    what follows from it: the beslisregels of the kader that held and were settled at
    that step, with their source passage, taken from the trace of the decision. The walk
    stops where the decision was complete (after ``nee`` on vermoeden, after the first
    answer that settles melden and hulp), except when hulp is decided together with
    Veilig Thuis: the hulp questions then follow, marked as gone through with Veilig
    Thuis. An ``onbekend`` answer settles nothing, so the walk goes on. Afwegingen the
    version does not weigh are left out.
    """
    gewogen = gewogen_afwegingen(effectief)
    gevolgen = _gevolgen(uitkomst, effectief, gewogen)
    bepaald: set[str] = set()
    stappen: list[Stap] = []
    vt_na: int | None = None
    """The number of the afweging after which hulp is decided with Veilig Thuis."""
    for naam in gewogen:
        a = uitkomst.afwegingen[naam]
        met_vt = vt_na is not None and AFWEGING[naam].nummer > vt_na
        hier = gevolgen.get(naam, [])
        if a.waarde is ONBEKEND:
            gevolg = _VT_ONBEKEND if met_vt else _ONBEKEND
        elif hier:
            gevolg = "Hieruit volgt: " + "; ".join(
                f"{doel}: {BESLISSING[doel].kort_voor(s.conclusie)} (regel {s.regel}: "
                f"{s.label or _passage(s)})"
                for doel, s in hier
            )
        else:
            gevolg = "Hieruit volgt nog geen beslissing; verder met de volgende vraag."
        stappen.append(
            Stap(
                afweging=naam,
                nummer=AFWEGING[naam].nummer,
                titel=AFWEGING[naam].titel,
                vraag=a.vraag or effectief.vraag(naam),
                waarde=a.waarde,
                herkomst=herkomst_tekst(a),
                gevolg=gevolg,
                met_veilig_thuis=met_vt,
            )
        )
        bepaald.update(doel for doel, _ in hier)
        if vt_na is None and any(d == HULP and s.conclusie == "met_veilig_thuis" for d, s in hier):
            vt_na = AFWEGING[naam].nummer
        if bepaald >= set(BESLISSINGEN) and vt_na is None:
            break
    return stappen


_VT_ONBEKEND: Final = (
    "Nog te beantwoorden, samen met Veilig Thuis; de melding hangt er niet van af."
)


# -- the dossier narrative -----------------------------------------------------------------------

_VORM_TEKST: Final = {
    "lichamelijk_geweld": "lichamelijk geweld",
    "psychisch_geweld": "psychisch geweld",
    "seksueel_geweld": "seksueel geweld",
    "verwaarlozing": "verwaarlozing",
    "getuige_huiselijk_geweld": "getuige van huiselijk geweld",
    "ouderenmishandeling": "ouderenmishandeling",
    "eergerelateerd_geweld": "eergerelateerd geweld",
    "vrouwelijke_genitale_verminking": "vrouwelijke genitale verminking",
    "huwelijksdwang": "huwelijksdwang",
    "mensenhandel": "mensenhandel",
}


def _w(waarde: object) -> str:
    if waarde is None:
        return "niet opgegeven"
    if isinstance(waarde, Waarde):
        return waarde.value
    return str(waarde)


_OPZOEKEN: Final = "zie de bronnen van deze kaderversie (meldcode kaders --bronnen)"
"""Said for a passage an outcome in the compact form does not hold."""


def _passage(s: RegelSpoor) -> str:
    return s.bron.passage if s.bron is not None else _OPZOEKEN


def _bron_tekst(bron: BronVerwijzing | None) -> str:
    if bron is None:
        return _OPZOEKEN
    datum = f", {bron.datum.isoformat()}" if bron.datum else ""
    passage = f' — "{bron.passage}"' if bron.passage else ""
    return f"{bron.uitgever}, {bron.titel} (versie {bron.versie}{datum}){passage}; {bron.adres}"


_STAP2: Final = (
    ("collegiaal overleg", "collegiaal_overleg"),
    ("Veilig Thuis om advies gevraagd", "veilig_thuis_geraadpleegd"),
)
_STAP3: Final = (("gesprek met de betrokkene(n) gevoerd", "gesprek_gevoerd"),)
_HULP: Final = (
    ("binnen de eigen competenties en grenzen", "hulp_binnen_competentie"),
    ("aangeboden of georganiseerd", "hulp_aangeboden"),
    ("aanvaard", "hulp_aanvaard"),
    ("inzet van de betrokkenen", "hulp_inzet"),
    ("tot nu toe tot veiligheid geleid", "hulp_veiligheid_hersteld"),
)
"""Per line of the facts: what it says of each fact, and the fact."""


def _opgave(feiten: Feiten, kop: str, velden: tuple[tuple[str, str], ...]) -> str:
    """``- kop: what: value; what: value.`` over some facts."""
    return f"- {kop}: " + "; ".join(f"{wat}: {_w(feiten[naam])}" for wat, naam in velden) + "."


def _feiten_tekst(feiten: Feiten) -> list[str]:
    regels: list[str] = []
    if feiten["aantal_signalen"] is None:
        regels.append("- Signalen (stap 1): niet opgegeven in de casus.")
    elif feiten["aantal_signalen"] == 0:
        regels.append("- Signalen (stap 1): geen tot en met de peildatum.")
    else:
        totaal = feiten["aantal_signalen"]
        data = feiten["aantal_signaaldata"]
        regels.append(
            f"- Signalen (stap 1): {totaal} tot en met de peildatum, op "
            f"{data} {'datum' if data == 1 else 'verschillende data'}; "
            f"{feiten['aantal_waargenomen']} "
            f"zelf waargenomen, {feiten['aantal_gemeld']} aan de professional verteld."
        )
        vormen = [
            f"{tekst} ({feiten[f'aantal_{code}']})"
            for code, tekst in _VORM_TEKST.items()
            if feiten.get(f"aantal_{code}")
        ]
        if vormen:
            regels.append(f"  Vormen: {', '.join(vormen)}.")
    if feiten["collegiaal_overleg"] is None and feiten["gesprek_gevoerd"] is None:
        regels.append("- Stap 2 en 3: niet opgegeven in de casus.")
    else:
        regels.append(_opgave(feiten, "Stap 2", _STAP2))
        gesprek = feiten["gesprek_gevoerd"]
        if gesprek is NEE:
            reden = feiten["gesprek_overgeslagen_met_reden"]
            regels.append(
                "- Stap 3: het gesprek met de betrokkene(n) is niet gevoerd; een veiligheidsreden "
                f"om het over te slaan is vastgelegd: {_w(reden)}."
            )
        else:
            regels.append(_opgave(feiten, "Stap 3", _STAP3))
    if feiten["hulp_aangeboden"] is None and feiten["hulp_binnen_competentie"] is None:
        regels.append("- Hulp: geen gegevens over hulp in de casus.")
    else:
        regels.append(_opgave(feiten, "Hulp", _HULP))
    return regels


def _beslissing_tekst(uitkomst: Uitkomst, doel: str) -> list[str]:
    beslissing = uitkomst.beslissingen[doel]
    vraag = BESLISSING[doel].vraag
    tekst = BESLISSING[doel].tekst_voor(beslissing.waarde)
    regels = [f"{vraag}", f"  Beslissing: {tekst}."]
    if beslissing.waarde == "onbepaald":
        open_ = ", ".join(AFWEGING[a].titel.lower() for a in beslissing.hangt_af_van)
        regels.append(
            "  Waarom: de beslissing hangt af van een afweging die nog onbekend is"
            + (f" ({open_})" if open_ else "")
            + ". Onbekend is niet hetzelfde als nee: beantwoord de vraag eerst; bij twijfel "
            "raadpleegt u Veilig Thuis (zo nodig anoniem)."
        )
        return regels
    for s in beslissing.spoor:
        gebruikt = ", ".join(f"{n} = {_w(v)}" for n, v in s.gebruikt.items())
        regels.append(f"  Waarom: regel {s.regel} — {s.label or _passage(s)}")
        if gebruikt:
            regels.append(f"    Gebruikt: {gebruikt}.")
        regels.append(f"    Bron: {_bron_tekst(s.bron)}")
    return regels


def _nog_vastleggen(uitkomst: Uitkomst, feiten: Feiten, gewogen: tuple[str, ...]) -> list[str]:
    punten = ["De datum van deze afweging, en wie bij het overleg betrokken waren."]
    open_: list[str] = []
    for doel in (MELDEN, HULP):
        open_.extend(a for a in uitkomst.beslissingen[doel].hangt_af_van if a not in open_)
    punten.extend(
        f"Uw antwoord op afweging {AFWEGING[a].nummer} ({AFWEGING[a].titel.lower()}) en uw "
        "overwegingen daarbij; "
        "die is nu nog onbekend."
        for a in open_
        if a in gewogen
    )
    if feiten["collegiaal_overleg"] is not JA:
        punten.append(
            "Met wie u over de signalen overlegde (stap 2), of waarom dat nog niet is gebeurd."
        )
    if feiten["gesprek_gevoerd"] is not JA:
        punten.append(
            "Of het gesprek met de betrokkene(n) (stap 3) is gevoerd, en zo niet: welke reden van "
            "veiligheid het overslaan rechtvaardigt."
        )
    if uitkomst.melden == "ja":
        punten.append(
            "Wanneer u bij Veilig Thuis meldde, en of u de melding vooraf met de betrokkene(n) "
            "besprak (en zo niet, waarom niet)."
        )
    if uitkomst.hulp == "met_veilig_thuis":
        punten.append("De afspraken met Veilig Thuis over de afwegingen 3 tot en met 5.")
    if uitkomst.hulp == "ja" or any(a.code.startswith("hulp_") for a in uitkomst.acties):
        punten.append(
            "Welke hulp u biedt of organiseert, de afgesproken termijn en resultaten, en hoe u de "
            "veiligheid blijft volgen."
        )
    if uitkomst.afwegingen["vermoeden"].waarde is NEE:
        punten.append(
            "Dat u de meldcode afsluit en waarom; u kunt haar op elk moment opnieuw starten."
        )
    return punten


def uitleg(uitkomst: Uitkomst, effectief: ResolvedKader, casus: Casus, peildatum: date) -> str:
    """The Dutch narrative of one outcome, fit for the dossier.

    Args:
        uitkomst: the outcome of evaluating ``casus`` against ``effectief``.
        effectief: the resolved kader version that gave it.
        casus: the casus (only its derived facts are described, never its text or ids).
        peildatum: the peildatum of the evaluation.

    Returns:
        Plain text in Dutch, with numbered sections.
    """
    k = uitkomst.kader
    versie = effectief.versie
    feiten = afleiden(casus, peildatum)
    tot = k.geldig_tot.isoformat() if k.geldig_tot else "heden"
    regels = [
        "Verslag van de afweging volgens de meldcode (stap 4 en 5)",
        "",
        (
            f"Kader: {k.naam} ({k.id}), versie {k.versie}, geldig van {k.geldig_van.isoformat()} "
            f"t/m {tot}."
        ),
        f"Bron van deze versie: {_bron_tekst(BronVerwijzing.van(versie.bron))}",
    ]
    if effectief.basis is not None:
        b = effectief.basis
        regels.append(
            f"Dit kader breidt {b.kader.naam} ({b.kader.id}) versie {b.versie.versie} uit; "
            "regels daaruit gelden hier ook."
        )
    regels += [
        (
            f"Peildatum: {peildatum.isoformat()}. Vingerafdruk van de regels: {k.vingerafdruk} "
            f"(engine: {uitkomst.engine})."
        ),
        (
            "De professional is verantwoordelijk voor de weging; het kader helpt. Waar zowel de "
            "professional als het kader een vraag beantwoordt, telt het meest beschermende "
            "antwoord."
        ),
        "",
        "1. Wat bekend was",
        *_feiten_tekst(feiten),
        "",
        "2. De afwegingsvragen",
    ]
    for stap in doorloop(uitkomst, effectief):
        vt = " (samen met Veilig Thuis, na de melding)" if stap.met_veilig_thuis else ""
        regels += [
            f"Afweging {stap.nummer} — {stap.titel}{vt}",
            f"  Vraag: {stap.vraag}",
            f"  Antwoord: {stap.waarde.value}.",
            f"  Herkomst: {stap.herkomst}.",
            f"  Gevolg: {stap.gevolg}",
        ]
        a = uitkomst.afwegingen[stap.afweging]
        regels.extend(f"  Bron: {_bron_tekst(s.bron)}" for s in a.spoor)
    gewogen = gewogen_afwegingen(effectief)
    niet_gewogen = [AFWEGING[a].titel.lower() for a in AFWEGINGEN if a not in gewogen]
    if niet_gewogen:
        regels.append(f"Deze versie van het kader weegt niet apart: {', '.join(niet_gewogen)}.")
    regels += ["", "3. De beslissingen (stap 5)"]
    regels += _beslissing_tekst(uitkomst, MELDEN)
    regels += _beslissing_tekst(uitkomst, HULP)
    regels += ["", "4. Wat nu"]
    if uitkomst.acties:
        for actie in uitkomst.acties:
            regels.append(f"- {actie.omschrijving}")
            regels.append(f"  (regel {actie.regel}; bron: {_bron_tekst(actie.bron)})")
    else:
        regels.append("- Geen acties.")
    andere = [s for s in uitkomst.signaleringen if s.code != "onbepaald"]
    if andere:
        regels += ["", "5. Let op"]
        regels.extend(f"- {s.omschrijving}" for s in andere)
    regels += ["", f"{6 if andere else 5}. Nog vast te leggen in het dossier"]
    regels.extend(f"- {p}" for p in _nog_vastleggen(uitkomst, feiten, gewogen))
    return "\n".join(regels) + "\n"
