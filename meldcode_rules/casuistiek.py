"""Casuïstiek: worked cases per kader that run as tests and read as training.

Professionals learn the meldcode from cases. A kader distribution ships them as
YAML files beside its kader modules, one file per kader, in the style of OpenFisca's
YAML tests: ``<package>/casuistiek/<kader_id>.yaml``, where ``<package>`` is the
package of the module its entry point names (for the shipped kaders:
``kaders/casuistiek/basis.yaml``). Each file is a list of cases::

    - naam: Een kind vertelt de pedagogisch medewerker dat papa mama heeft geslagen.
      peildatum: 2024-03-01
      situatie: Optional narrative for the training page (invented, never real people).
      casus:            # the facts in the Casus format (``id`` may be left out)
        signalen: [{vorm: getuige_huiselijk_geweld, kenmerken: [onthulling]}]
        antwoorden: {vermoeden: ja}
      verwacht:
        versie: "2019"              # optional: the kader version the peildatum selects
        melden: ja                  # ja | nee | onbepaald
        hulp: met_veilig_thuis      # ja | nee | onbepaald | met_veilig_thuis | niet_van_toepassing
        afwegingen: {vermoeden: ja, acute_onveiligheid: ja}   # the ones that matter
        acties: [melden_bij_veilig_thuis]                     # optional, must be among them
        signaleringen: []                                     # optional, must be among them
      les: One paragraph of Dutch.
      dilemma: {soort: werkrelatie, toelichting: ...}         # optional
      bron: {titel: ..., adres: https://...}                  # where based on a published case

The expected outcome is written from the kader's published flow, not copied from the
engine: a case that fails is a finding (about the kader, the engine or the case).

Loading validates every case and reports errors naming the file, the case number and
its ``naam`` and the field path (:class:`CasuistiekFout`). :func:`draai` runs one case
and lists its mismatches in Dutch; :func:`render_markdown` gives the training page of
a kader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import yaml
from pydantic import Field, ValidationError

from meldcode_rules._plugins import PluginFout, importeer
from meldcode_rules.afwegingen import AFWEGING, AFWEGINGEN, BESLISSING, HULP, MELDEN, AfwegingNaam
from meldcode_rules.casus import Casus, Model
from meldcode_rules.engine import compileer
from meldcode_rules.errors import InputError, MeldcodeError
from meldcode_rules.logica import Waarde
from meldcode_rules.regels import ACTIE, SIGNALERING
from meldcode_rules.registry import ENTRY_POINT_GROUP, Registry, default_registry
from meldcode_rules.uitkomst import HulpBeslissing, MeldBeslissing, Uitkomst
from meldcode_rules.uitleg import doorloop

if TYPE_CHECKING:
    from collections.abc import Iterable
    from importlib.resources.abc import Traversable

    from meldcode_rules.engine import CompiledKader
    from meldcode_rules.kader import ResolvedKader

__all__ = [
    "CasuistiekFout",
    "Casusbestand",
    "Dilemma",
    "DilemmaSoort",
    "Oefencasus",
    "Resultaat",
    "Verwacht",
    "beschikbaar",
    "bestanden",
    "draai",
    "draai_bestand",
    "draai_versie",
    "laad",
    "laad_bestand",
    "rapport",
    "render_markdown",
]

MAP: Final = "casuistiek"
"""The folder, inside a kader package, that holds the case files."""


class DilemmaSoort(StrEnum):
    """The dilemmas professionals report (the 2019 call of about 1,300 cases, project seeds)."""

    WERKRELATIE = "werkrelatie"
    """Angst de werkrelatie te verliezen, of de relatie onder druk na een melding."""
    COLLEGA_ONEENS = "collega_oneens"
    """Collega's zijn het oneens over de signalen."""
    BOZE_REACTIE = "boze_reactie"
    """Angst voor boze reacties in het gesprek."""
    INFORMATIE_DELEN = "informatie_delen"
    """Wie deelt welke informatie (beroepsgeheim, toestemming, meldrecht)."""
    VEILIGHEID_INSCHATTEN = "veiligheid_inschatten"
    """Inschatten of de veiligheid in het geding is, of het geweld structureel is."""


DILEMMA_TEKST: Final = {
    DilemmaSoort.WERKRELATIE: "angst de werkrelatie te verliezen",
    DilemmaSoort.COLLEGA_ONEENS: "collega's zijn het oneens over de signalen",
    DilemmaSoort.BOZE_REACTIE: "angst voor een boze reactie",
    DilemmaSoort.INFORMATIE_DELEN: "wie deelt welke informatie",
    DilemmaSoort.VEILIGHEID_INSCHATTEN: "inschatten of de veiligheid in het geding is",
}


class Dilemma(Model):
    """The dilemma a case puts before the professional."""

    soort: DilemmaSoort
    """Which of the dilemmas the field reports."""
    toelichting: str = Field(min_length=1)
    """The dilemma in this case, in one or two Dutch sentences."""


class Bronvermelding(Model):
    """The published case (ruling, report) a case is based on."""

    titel: str = Field(min_length=1)
    """What it is: body, year, subject."""
    adres: str = Field(pattern=r"^https?://\S+$")
    """Where it was read."""
    toelichting: str = ""
    """What the case takes from it, and what is invented."""


class Verwacht(Model):
    """The expected outcome, written from the kader's published flow."""

    versie: str | None = None
    """The kader version the peildatum should select (optional)."""
    melden: MeldBeslissing
    hulp: HulpBeslissing
    afwegingen: dict[AfwegingNaam, Waarde] = Field(default_factory=dict)
    """The values that count for the afwegingen that matter in this case."""
    acties: tuple[str, ...] = ()
    """Action codes that must be among the acties."""
    signaleringen: tuple[str, ...] = ()
    """Signalering codes that must be among the signaleringen."""


class Oefencasus(Model):
    """One worked case."""

    naam: str = Field(min_length=1)
    """The case in one sentence."""
    peildatum: date
    """The date the case is judged on (selects the kader version)."""
    situatie: str | None = None
    """An optional narrative for the training page (invented details only)."""
    casus: Casus
    """The facts, in the Casus format."""
    verwacht: Verwacht
    les: str = Field(min_length=1)
    """The lesson, one paragraph of Dutch."""
    dilemma: Dilemma | None = None
    bron: Bronvermelding | None = None
    bekende_afwijking: str | None = None
    """Set when the engine is known to disagree with a case believed right: why the case
    is right, and where the deviation was reported. The case stays as written; the runner
    reports it as known, and fails once the engine agrees (so the note is removed)."""


@dataclass(frozen=True, slots=True)
class Casusbestand:
    """The cases of one kader, read from one file."""

    kader_id: str
    naam: str
    """The file name (for messages)."""
    casussen: tuple[Oefencasus, ...]


class CasuistiekFout(MeldcodeError, ValueError):
    """A case file that cannot be read or a case that does not validate.

    The message names the file, the case (number and ``naam``) and the field paths.
    """


# -- finding and loading ---------------------------------------------------------------------


def _pakketmappen() -> list[Traversable]:
    """The ``casuistiek`` folders of the packages whose modules register kaders."""
    mappen: list[Traversable] = []
    gezien: set[str] = set()
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        pakket = ep.module.rpartition(".")[0] or ep.module
        if pakket in gezien:
            continue
        gezien.add(pakket)
        # The folder beside the kader module itself (not ``files(pakket)``): a namespace
        # folder of the same name elsewhere on sys.path must not hide it.
        try:
            module = importeer(ep.module)  # SystemExit on import included
        except PluginFout:
            continue  # a broken kader is reported by the registry
        bestand = getattr(module, "__file__", None)
        if bestand is None:
            continue
        map_ = Path(bestand).parent / MAP
        if map_.is_dir():
            mappen.append(map_)
    return mappen


def bestanden(map_: Path | None = None) -> list[Traversable]:
    """Every case file: in ``map_`` if given, else beside every registered kader module."""
    mappen: list[Traversable] = [map_] if map_ is not None else _pakketmappen()
    gevonden = [f for m in mappen for f in m.iterdir() if f.is_file() and f.name.endswith(".yaml")]
    return sorted(gevonden, key=lambda f: f.name)


def beschikbaar(map_: Path | None = None) -> list[str]:
    """The ids of the kaders that have a case file (for the docs hook: one page each)."""
    return [f.name.removesuffix(".yaml") for f in bestanden(map_)]


def _lees(bestand: Traversable) -> object:
    try:
        tekst = bestand.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        msg = f"{bestand.name}: geen geldige UTF-8-tekst"
        raise CasuistiekFout(msg) from None
    except OSError:
        msg = f"{bestand.name}: bestand kan niet gelezen worden"
        raise CasuistiekFout(msg) from None
    try:
        return yaml.safe_load(tekst)
    except yaml.MarkedYAMLError as fout:
        plek = ""
        if fout.problem_mark is not None:
            plek = f" (regel {fout.problem_mark.line + 1}, kolom {fout.problem_mark.column + 1})"
        msg = f"{bestand.name}: geen geldige YAML{plek}: {fout.problem or 'syntaxfout'}"
        raise CasuistiekFout(msg) from None
    except yaml.YAMLError:
        msg = f"{bestand.name}: geen geldige YAML"
        raise CasuistiekFout(msg) from None


def laad_bestand(bestand: Traversable | Path) -> Casusbestand:
    """Read and validate one case file; the kader id is the file name without ``.yaml``.

    Raises:
        CasuistiekFout: naming the file, the case and every invalid field.
    """
    kader_id = bestand.name.removesuffix(".yaml")
    gegevens = _lees(bestand)
    if not isinstance(gegevens, list) or not gegevens:
        msg = f"{bestand.name}: verwacht een lijst van casussen (elk begint met '- naam:')"
        raise CasuistiekFout(msg)
    casussen: list[Oefencasus] = []
    namen: set[str] = set()
    for nummer, element in enumerate(gegevens, start=1):
        ruw = element
        naam = ruw.get("naam") if isinstance(ruw, dict) else None
        wie = f"{bestand.name}, casus {nummer}" + (f" ({naam!r})" if isinstance(naam, str) else "")
        if not isinstance(ruw, dict):
            msg = f"{wie}: verwacht een casus (naam, peildatum, casus, verwacht, les)"
            raise CasuistiekFout(msg)
        ruw_casus = ruw.get("casus")
        if isinstance(ruw_casus, dict) and "id" not in ruw_casus:
            ruw = {**ruw, "casus": {"id": f"{kader_id}-{nummer}", **ruw_casus}}
        try:
            casus = Oefencasus.model_validate(ruw)
        except ValidationError as fout:
            velden = InputError.uit_validatie(fout, model=Oefencasus).fouten
            details = "; ".join(str(v) for v in velden)
            msg = f"{wie}: {details}"
            raise CasuistiekFout(msg) from None
        if casus.naam in namen:
            msg = f"{wie}: deze naam komt al eerder voor in het bestand"
            raise CasuistiekFout(msg)
        namen.add(casus.naam)
        casussen.append(casus)
    return Casusbestand(kader_id=kader_id, naam=bestand.name, casussen=tuple(casussen))


def laad(kader_id: str | None = None, map_: Path | None = None) -> list[Casusbestand]:
    """Load every case file (or the one of ``kader_id``).

    Raises:
        CasuistiekFout: a file is invalid, or there is no file for ``kader_id``.
    """
    gevonden = bestanden(map_)
    if kader_id is not None:
        bekend = sorted(f.name.removesuffix(".yaml") for f in gevonden)
        gevonden = [f for f in gevonden if f.name == f"{kader_id}.yaml"]
        if not gevonden:
            # The name given is not repeated (it is an argument, possibly typed in error).
            wel = f" (wel voor: {', '.join(bekend)})" if bekend else ""
            msg = f"geen casuïstiek gevonden voor dit kader{wel}"
            raise CasuistiekFout(msg)
    return [laad_bestand(f) for f in gevonden]


# -- running -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resultaat:
    """One case run against the engine: the outcome and the mismatches (empty when it agrees)."""

    bestand: str
    nummer: int
    casus: Oefencasus
    uitkomst: Uitkomst | None
    afwijkingen: tuple[str, ...] = field(default=())

    @property
    def klopt(self) -> bool:
        """Whether the engine agrees with the case."""
        return not self.afwijkingen

    @property
    def in_orde(self) -> bool:
        """Agrees, or deviates exactly where the case declares a known deviation."""
        return self.klopt != (self.casus.bekende_afwijking is not None)


def _codes(effectief: ResolvedKader, doel: str) -> set[str]:
    return {r.conclusie for r in effectief.regels if r.doel == doel}


def _vergelijk(verwacht: Verwacht, uitkomst: Uitkomst, effectief: ResolvedKader) -> list[str]:
    afwijkingen: list[str] = []
    if verwacht.versie is not None and verwacht.versie != uitkomst.kader.versie:
        afwijkingen.append(
            f"kaderversie: verwacht {verwacht.versie}, de peildatum kiest {uitkomst.kader.versie}"
        )
    if uitkomst.melden != verwacht.melden:
        extra = _hangt_af(uitkomst, "melden")
        afwijkingen.append(
            f"melden: verwacht {verwacht.melden}, het kader geeft {uitkomst.melden}{extra}"
        )
    if uitkomst.hulp != verwacht.hulp:
        extra = _hangt_af(uitkomst, "hulp")
        afwijkingen.append(
            f"hulp: verwacht {verwacht.hulp}, het kader geeft {uitkomst.hulp}{extra}"
        )
    for naam, waarde in verwacht.afwegingen.items():
        a = uitkomst.afwegingen[naam]
        if a.waarde != waarde:
            regels = ", ".join(s.regel for s in a.spoor) or "geen regel"
            afwijkingen.append(
                f"afweging {naam}: verwacht {waarde.value}, het kader geeft {a.waarde.value} "
                f"(antwoord {a.antwoord.value}, afgeleid "
                f"{a.afleiding.value if a.afleiding else 'niets'}; regels: {regels})"
            )
    for soort, verwachte, gegeven, bekend in (
        ("actie", verwacht.acties, {a.code for a in uitkomst.acties}, _codes(effectief, ACTIE)),
        (
            "signalering",
            verwacht.signaleringen,
            {s.code for s in uitkomst.signaleringen},
            _codes(effectief, SIGNALERING) | {"onbepaald", "verschil_antwoord_kader"},
        ),
    ):
        for code in verwachte:
            if code not in bekend:
                afwijkingen.append(
                    f"{soort} {code}: dit kader kent deze code niet "
                    f"(bekend: {', '.join(sorted(bekend))})"
                )
            elif code not in gegeven:
                afwijkingen.append(
                    f"{soort} {code}: verwacht, maar het kader geeft haar niet "
                    f"(wel: {', '.join(sorted(gegeven)) or 'geen'})"
                )
    return afwijkingen


def _hangt_af(uitkomst: Uitkomst, doel: str) -> str:
    open_ = uitkomst.beslissingen[doel].hangt_af_van
    if open_:
        return f" (hangt af van: {', '.join(open_)})"
    regels = ", ".join(s.regel for s in uitkomst.beslissingen[doel].spoor)
    return f" (regels: {regels})" if regels else ""


def draai(
    casus: Oefencasus,
    kader_id: str,
    registry: Registry | None = None,
    *,
    bestand: str = "",
    nummer: int = 0,
) -> Resultaat:
    """Run one case against the kader version its peildatum selects.

    A kader that is unknown, broken, or has no version on the peildatum is a mismatch
    too (with the reason), never an exception: a trainer sees every case.
    """
    reg = registry or default_registry()
    try:
        effectief = reg.resolve(kader_id, casus.peildatum)
    except MeldcodeError as fout:
        return Resultaat(bestand, nummer, casus, None, (f"kader: {fout}",))
    return draai_versie(casus, compileer(effectief), bestand=bestand, nummer=nummer)


def draai_versie(
    casus: Oefencasus, motor: CompiledKader, *, bestand: str = "", nummer: int = 0
) -> Resultaat:
    """Run one case against one compiled version (for a kader that is not registered).

    ``meldcode check`` runs a kader's own casuïstiek this way, also for a kader read from a
    file.
    """
    uitkomst = motor.evaluate(casus.casus, casus.peildatum)
    afwijkingen = _vergelijk(casus.verwacht, uitkomst, motor.effectief)
    return Resultaat(bestand, nummer, casus, uitkomst, tuple(afwijkingen))


def draai_bestand(bestand: Casusbestand, registry: Registry | None = None) -> list[Resultaat]:
    """Run every case of one file."""
    return [
        draai(c, bestand.kader_id, registry, bestand=bestand.naam, nummer=n)
        for n, c in enumerate(bestand.casussen, start=1)
    ]


def rapport(resultaten: Iterable[Resultaat]) -> str:
    """A Dutch report of a run: one line per case, the mismatches under it, a total."""
    regels: list[str] = []
    goed = fout = bekend = 0
    vorig = None
    for r in resultaten:
        if r.bestand != vorig:
            if vorig is not None:
                regels.append("")
            regels.append(f"{r.bestand}")
            vorig = r.bestand
        if r.klopt and r.in_orde:
            goed += 1
            regels.append(f"  ok      {r.nummer}. {r.casus.naam}")
        elif r.klopt:
            fout += 1
            regels.append(f"  OPGELOST {r.nummer}. {r.casus.naam}")
            regels.append(
                "      - het kader geeft nu de verwachte uitkomst: haal 'bekende_afwijking' weg"
            )
        elif r.in_orde:
            bekend += 1
            regels.append(f"  BEKEND  {r.nummer}. {r.casus.naam}")
            regels.extend(f"      - {a}" for a in r.afwijkingen)
            regels.append(f"      (bekende afwijking: {r.casus.bekende_afwijking})")
        else:
            fout += 1
            regels.append(f"  AFWIJKING {r.nummer}. {r.casus.naam}")
            regels.extend(f"      - {a}" for a in r.afwijkingen)
    totaal = goed + fout + bekend
    regels.append("")
    if bekend:
        regels.append(
            f"{bekend} van de {totaal} casussen wijken bekend af: de casus volgt het gepubliceerde "
            "kader, het kader of de engine nog niet."
        )
    if fout:
        regels.append(
            f"{fout} van de {totaal} casussen wijken af van wat het kader geeft. Een afwijking is "
            "een bevinding: controleer de casus aan de hand van het gepubliceerde kader, en meld "
            "een fout in het kader of de engine."
        )
    elif not bekend:
        regels.append(f"Alle {totaal} casussen geven de verwachte uitkomst.")
    return "\n".join(regels) + "\n"


# -- training pages ----------------------------------------------------------------------------

_ROL: Final = {
    "kind": "een kind",
    "ouder_verzorger": "een ouder of verzorger",
    "partner": "een partner",
    "ex_partner": "een ex-partner",
    "gezinslid": "een gezinslid",
    "client": "een cliënt",
    "mantelzorger": "een mantelzorger",
    "medewerker": "een medewerker van de eigen organisatie",
    "houder": "de houder",
    "overig": "een andere betrokkene",
}
_LEEFTIJD: Final = {
    "ongeboren": "ongeboren",
    "0_3": "0 tot 4 jaar",
    "4_11": "4 tot 12 jaar",
    "12_17": "12 tot 18 jaar",
    "18_64": "volwassen",
    "65_plus": "65 jaar of ouder",
}


def _w(waarde: Any) -> str:  # noqa: ANN401 - any enum or None
    return "niet opgegeven" if waarde is None else str(getattr(waarde, "value", waarde))


def _feiten_md(casus: Casus) -> list[str]:
    """The facts of an (invented) training case, as Markdown bullets."""
    regels: list[str] = []
    rollen = {b.id: b.rol.value for b in casus.betrokkenen or ()}
    if casus.betrokkenen:
        delen = []
        for b in casus.betrokkenen:
            tekst = _ROL[b.rol.value]
            extra = [_LEEFTIJD[b.leeftijd.value]] if b.leeftijd else []
            if b.zorgafhankelijk:
                extra.append("zorgafhankelijk")
            if b.oudersignalen:
                aanleiding = ", ".join(o.value.replace("_", " ") for o in sorted(b.oudersignalen))
                extra.append(f"aanleiding kindcheck: {aanleiding}")
            if b.zorgt_voor_minderjarigen is not None:
                extra.append(f"zorgt voor minderjarigen: {b.zorgt_voor_minderjarigen.value}")
            delen.append(tekst + (f" ({', '.join(extra)})" if extra else ""))
        regels.append(f"- Betrokkenen: {'; '.join(delen)}.")
    for s in casus.signalen or ():
        wie = []
        if s.over:
            wie.append(f"over {_ROL[rollen[s.over]]}")
        if s.door:
            wie.append(f"door {_ROL[rollen[s.door]]}")
        kenmerken = ", ".join(k.value.replace("_", " ") for k in sorted(s.kenmerken))
        regels.append(
            f"- Signaal{f' van {s.datum.isoformat()}' if s.datum else ''}: "
            f"{s.vorm.value.replace('_', ' ')}"
            + (f" ({' '.join(wie)})" if wie else "")
            + f", {'zelf waargenomen' if s.herkomst.value == 'waargenomen' else 'verteld'}"
            + (f"; kenmerken: {kenmerken}" if kenmerken else "")
            + "."
        )
    if casus.stappen:
        st = casus.stappen
        gesprek = _w(st.gesprek).replace("_", " ")
        reden = (
            f" (reden: {_w(st.reden_geen_gesprek).replace('_', ' ')})"
            if st.reden_geen_gesprek
            else ""
        )
        regels.append(
            f"- Stappen: collegiaal overleg {_w(st.collegiaal_overleg)}; Veilig Thuis om advies "
            f"gevraagd {_w(st.veilig_thuis_geraadpleegd)}; gesprek {gesprek}{reden}."
        )
    if casus.hulp:
        h = casus.hulp
        regels.append(
            f"- Hulp: binnen eigen competentie {_w(h.binnen_competentie)}; aangeboden "
            f"{_w(h.aangeboden)}; aanvaard {_w(h.aanvaard)}; inzet {_w(h.inzet)}; in staat "
            f"zich in te zetten {_w(h.in_staat)}; effect "
            f"{_w(h.effect).replace('_', ' ')}."
        )
    a = casus.antwoorden
    gegeven = {n: getattr(a, n) for n in AFWEGINGEN if getattr(a, n) is not Waarde.ONBEKEND}
    if gegeven:
        antwoorden = ", ".join(
            f"{AFWEGING[n].titel.lower()}: {w.value}" for n, w in gegeven.items()
        )
        regels.append(f"- Antwoorden van de professional: {antwoorden}.")
    if a.twijfel:
        twijfel = ", ".join(AFWEGING[n].titel.lower() for n in AFWEGINGEN if n in a.twijfel)
        regels.append(f"- De professional twijfelt uitdrukkelijk over: {twijfel}.")
    return regels or ["- (Geen feiten opgegeven.)"]


def _casus_md(
    nummer: int, c: Oefencasus, effectief: ResolvedKader | None, uitkomst: Uitkomst | None
) -> list[str]:
    regels = [f"## {nummer}. {c.naam}", ""]
    meta = [f"Peildatum {c.peildatum.isoformat()}"]
    if uitkomst is not None:
        meta.append(f"kaderversie {uitkomst.kader.versie}")
    if c.bron is not None:
        meta.append(f"gebaseerd op: [{c.bron.titel}]({c.bron.adres})")
    regels += [f"*{' · '.join(meta)}*", ""]
    if c.situatie:
        regels += [f"**De situatie.** {c.situatie.strip()}", ""]
    regels += ["**Wat er bekend is.**", "", *_feiten_md(c.casus), ""]
    regels += [
        (
            "**De vraag.** Is melden bij Veilig Thuis noodzakelijk? En is zelf hulp bieden of "
            "organiseren (ook) mogelijk? Loop de afwegingsvragen door voordat u verder leest."
        ),
        "",
    ]
    if c.dilemma is not None:
        regels += [
            f"**Het dilemma ({DILEMMA_TEKST[c.dilemma.soort]}).** {c.dilemma.toelichting.strip()}",
            "",
        ]
    if effectief is None or uitkomst is None:
        regels += ["*Het kader van deze casus is niet geïnstalleerd.*", ""]
        return regels
    regels += ["**De afwegingen, stap voor stap.**", ""]
    for i, stap in enumerate(doorloop(uitkomst, effectief), start=1):
        vt = " *(samen met Veilig Thuis)*" if stap.met_veilig_thuis else ""
        regels += [
            f"{i}. *Afweging {stap.nummer}: {stap.titel}*{vt} — {stap.vraag}",
            f"    **{stap.waarde.value}** — {stap.herkomst}. {stap.gevolg}",
        ]
    regels += [
        "",
        "**De uitkomst.**",
        "",
        f"- Melden: {BESLISSING[MELDEN].tekst_voor(uitkomst.melden)}.",
        f"- Zelf hulp: {BESLISSING[HULP].tekst_voor(uitkomst.hulp)}.",
    ]
    regels.extend(f"- Wat nu: {a.omschrijving}" for a in uitkomst.acties)
    regels.extend(
        f"- Let op: {s.omschrijving}" for s in uitkomst.signaleringen if s.code != "onbepaald"
    )
    afwijkingen = _vergelijk(c.verwacht, uitkomst, effectief)
    if afwijkingen:
        regels += ["", '!!! warning "Het kader geeft hier iets anders dan de casus verwacht"', ""]
        regels.extend(f"    - {a}" for a in afwijkingen)
        if c.bekende_afwijking:
            regels += ["", f"    Bekende afwijking: {c.bekende_afwijking.strip()}"]
    regels += ["", f"**De les.** {c.les.strip()}", ""]
    return regels


def render_markdown(
    kader_id: str, registry: Registry | None = None, map_: Path | None = None
) -> str:
    """The training page of one kader: every case with the question, the walk, the outcome.

    Raises:
        CasuistiekFout: there is no (valid) case file for ``kader_id``.
    """
    reg = registry or default_registry()
    (bestand,) = laad(kader_id, map_)
    try:
        naam = reg.kader(kader_id).naam
    except MeldcodeError:
        naam = kader_id
    regels = [
        f"# Casuïstiek: {naam}",
        "",
        (
            f"Uitgewerkte casussen bij het kader `{kader_id}`. Lees per casus de situatie en de "
            "feiten, beantwoord zelf de afwegingsvragen, en vergelijk dan met de uitwerking. De "
            "casussen zijn verzonnen (ook waar ze op een gepubliceerde uitspraak gebaseerd zijn) "
            "en draaien als test: wijkt het kader af van de uitwerking, dan staat dat bij de casus."
        ),
        "",
    ]
    for nummer, c in enumerate(bestand.casussen, start=1):
        try:
            effectief = reg.resolve(kader_id, c.peildatum)
        except MeldcodeError:
            regels += _casus_md(nummer, c, None, None)
            continue
        uitkomst = compileer(effectief).evaluate(c.casus, c.peildatum)
        regels += _casus_md(nummer, c, effectief, uitkomst)
    return "\n".join(regels).rstrip() + "\n"
