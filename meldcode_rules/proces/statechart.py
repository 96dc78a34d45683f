"""The statechart of the five steps: which event may follow which, and what it changes.

One pure function, :func:`toepassen`, takes the state of a casus and an event and
returns the new state, or raises :class:`ProcesError` and changes nothing. Together with
:func:`gebreken` and :func:`overschrijdingen` it is the whole process logic; the stores
only keep states.

What the sources settle, and therefore what is an error here (see
``/docs`` and ``shared/domain/MELDCODE.md``, "The five steps"):

- a casus starts with a signaal (stap 1); the steps happen over days or weeks, so an
  event dated before the previous one is out of order;
- the order of steps 1 to 4 is not binding (the KNMG meldcode says so; every meldcode
  lets the professional go back to consult or talk again), so an earlier step's event
  is always accepted while the casus is open; the current step is the furthest one
  reached;
- a gesprek may be skipped only for safety, with the reason recorded; once held, it
  cannot be "not held" in the same ronde;
- a melding and hulp follow a besluit (stap 5); monitoring follows a melding or hulp,
  an evaluatie follows hulp;
- the meldcode can be closed at any step and restarted at any time: after
  ``afgesloten`` only a new signaal is accepted, and it opens a new ronde.

What a step still lacks is not an error but a :class:`~meldcode_rules.proces.model.Gebrek`
(a besluit without a recorded afweging, no gesprek and no reason to skip it...): the
host system records what happened, the process says what is missing.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from meldcode_rules.errors import MeldcodeError
from meldcode_rules.proces.model import (
    Afsluiting,
    Gebeurtenis,
    Gebrek,
    Overschrijding,
    ProcesStaat,
    Soort,
    Stap,
    Termijnen,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "BERICHTEN",
    "DOELSTAP",
    "VOLGORDE",
    "ProcesError",
    "bijwerken",
    "fout",
    "gebreken",
    "overschrijdingen",
    "toepassen",
    "verder",
    "volgende_stap",
    "weigering",
]


class ProcesError(MeldcodeError, ValueError):
    """An event that cannot follow the state of its casus; nothing was changed.

    ``code`` names the reason for systems; the message is Dutch for people. Neither
    repeats an input value (no casus id).
    """

    def __init__(self, code: str, bericht: str) -> None:
        self.code = code
        super().__init__(bericht)


VOLGORDE: Final[tuple[Stap, ...]] = tuple(Stap)
"""The steps in order; the current step only moves forward within a ronde."""

DOELSTAP: Final[dict[Soort, Stap]] = {
    Soort.SIGNAAL_VASTGELEGD: Stap.STAP_1,
    Soort.COLLEGA_GERAADPLEEGD: Stap.STAP_2,
    Soort.VEILIG_THUIS_GERAADPLEEGD: Stap.STAP_2,
    Soort.GESPREK_GEVOERD: Stap.STAP_3,
    Soort.GESPREK_NIET_GEVOERD: Stap.STAP_3,
    Soort.AFWEGING_VASTGELEGD: Stap.STAP_4,
    Soort.BESLUIT_GENOMEN: Stap.STAP_5,
    Soort.MELDING_GEDAAN: Stap.VERVOLG,
    Soort.HULP_GESTART: Stap.VERVOLG,
    Soort.MONITORING: Stap.VERVOLG,
    Soort.EVALUATIE: Stap.VERVOLG,
    Soort.AFGESLOTEN: Stap.AFGESLOTEN,
}
"""The step each kind of event belongs to (the statechart's target state)."""


def verder(huidig: Stap, doel: Stap) -> Stap:
    """The step after an event that belongs to ``doel``: never back, only forward."""
    return doel if VOLGORDE.index(doel) > VOLGORDE.index(huidig) else huidig


BERICHTEN: Final[dict[str, str]] = {
    "geen_begin": "een casus begint met signaal_vastgelegd (stap 1)",
    "datum_terug": "de datum ligt vóór die van de vorige gebeurtenis van deze casus",
    "afgesloten": "de meldcode is voor deze casus afgesloten; "
    "alleen een nieuw signaal start hem opnieuw",
    "gesprek_al_gevoerd": "het gesprek is in deze ronde al gevoerd",
    "besluit_ontbreekt": "eerst besluit_genomen (stap 5: is melden noodzakelijk, is hulp mogelijk)",
    "niets_te_volgen": "volgt op een melding of op gestarte hulp",
    "geen_hulp": "volgt op hulp_gestart",
    "geen_overgang": "de statechart kent geen overgang voor deze gebeurtenis in deze stap",
}
"""Why an event cannot follow, per code (Dutch; no input values)."""


def fout(code: str, soort: Soort) -> ProcesError:
    """The error for an event of ``soort`` refused with ``code``."""
    return ProcesError(code, f"{soort.value}: {BERICHTEN[code]}")


def weigering(staat: ProcesStaat | None, g: Gebeurtenis) -> str | None:  # noqa: PLR0911 - one each
    """The code of why ``g`` cannot follow ``staat`` (``None``: it can). Pure."""
    s = g.soort
    if staat is None:
        return None if s is Soort.SIGNAAL_VASTGELEGD else "geen_begin"
    if staat.laatste_datum is not None and g.datum < staat.laatste_datum:
        return "datum_terug"
    if staat.afgesloten is not None:
        return None if s is Soort.SIGNAAL_VASTGELEGD else "afgesloten"
    if s is Soort.GESPREK_NIET_GEVOERD and staat.gesprek == "gevoerd":
        return "gesprek_al_gevoerd"
    if s in (Soort.MELDING_GEDAAN, Soort.HULP_GESTART) and staat.besluit is None:
        return "besluit_ontbreekt"
    if s is Soort.MONITORING and staat.melding is None and staat.hulp is None:
        return "niets_te_volgen"
    if s is Soort.EVALUATIE and staat.hulp is None:
        return "geen_hulp"
    return None


def volgende_stap(staat: ProcesStaat | None, g: Gebeurtenis) -> Stap:
    """The step after an accepted ``g``: the furthest reached (a new ronde starts at 1)."""
    if staat is None or staat.afgesloten is not None:
        return DOELSTAP[g.soort]
    return verder(staat.stap, DOELSTAP[g.soort])


def toepassen(
    staat: ProcesStaat | None, g: Gebeurtenis, termijnen: Termijnen | None = None
) -> ProcesStaat:
    """The state after ``g``.

    Raises:
        ProcesError: ``g`` cannot follow ``staat`` (out of order or impossible); nothing
            changes, the caller keeps the old state.
    """
    code = weigering(staat, g)
    if code is not None:
        raise fout(code, g.soort)
    return bijwerken(staat, g, volgende_stap(staat, g), termijnen)


def bijwerken(  # noqa: C901, PLR0912 - one branch per kind of event
    staat: ProcesStaat | None, g: Gebeurtenis, stap: Stap, termijnen: Termijnen | None
) -> ProcesStaat:
    """The bookkeeping of an accepted event: the new state, given the step it leads to."""
    s, d = g.soort, g.datum
    if staat is None:
        staat = ProcesStaat(casus_id=g.casus_id)
    elif staat.afgesloten is not None:
        # A new signaal after closure restarts the meldcode: a new ronde.
        staat = ProcesStaat(
            casus_id=staat.casus_id,
            versie=staat.versie,
            ronde=staat.ronde + 1,
            afsluitingen=staat.afsluitingen,
        )
    w: dict[str, object] = {"versie": staat.versie + 1, "laatste_datum": d, "stap": stap}
    if s is Soort.SIGNAAL_VASTGELEGD:
        w["signalen"] = staat.signalen + 1
        if staat.eerste_signaal is None:
            w["eerste_signaal"] = d
    elif s is Soort.COLLEGA_GERAADPLEEGD:
        w["collega"] = staat.collega or d
    elif s is Soort.VEILIG_THUIS_GERAADPLEEGD:
        w["veilig_thuis"] = staat.veilig_thuis or d
    elif s is Soort.GESPREK_GEVOERD:
        w.update(gesprek="gevoerd", gesprek_datum=d, reden_geen_gesprek=None)
    elif s is Soort.GESPREK_NIET_GEVOERD:
        w.update(gesprek="niet_gevoerd", gesprek_datum=d, reden_geen_gesprek=g.reden)
    elif s is Soort.AFWEGING_VASTGELEGD:
        w["afweging"] = d
    elif s is Soort.BESLUIT_GENOMEN:
        w.update(
            besluit=d,
            besluit_melden=g.melden,
            besluit_hulp=g.hulp,
            besluit_zonder_afweging=staat.afweging is None,
        )
    elif s is Soort.MELDING_GEDAAN:
        w["melding"] = d
    elif s is Soort.HULP_GESTART:
        w.update(hulp=staat.hulp or d, evaluatie_na_hulp=False)
    elif s in (Soort.MONITORING, Soort.EVALUATIE):
        w["opvolging"] = d
        if s is Soort.EVALUATIE:
            w["evaluatie_na_hulp"] = True
    nieuw = staat.model_copy(update=w)
    if s is Soort.AFGESLOTEN:
        # What the steps lacked when it was closed (the state before closure).
        ontbreekt = [b.code for b in gebreken(staat)]
        # Timeliness at closure: the closure itself and a melding that was due. (A termijn
        # of a step the ronde never needed, e.g. the gesprek when closing at stap 1
        # without a vermoeden, does not make the closure wrong.)
        ontbreekt += [
            f"te_laat_{o.termijn}"
            for o in overschrijdingen(nieuw, d, termijnen)
            if o.termijn in ("afsluiten", "melding")
        ]
        afsluiting = Afsluiting(datum=d, correct=not ontbreekt, gebreken=tuple(ontbreekt))
        nieuw = nieuw.model_copy(
            update={"afgesloten": d, "afsluitingen": (*staat.afsluitingen, afsluiting)}
        )
    # Re-validate once: model_copy does not, and a stored state must be a valid one.
    return ProcesStaat.model_validate(nieuw.model_dump())


def _voorbij(staat: ProcesStaat, stap: Stap) -> bool:
    return VOLGORDE.index(staat.stap) >= VOLGORDE.index(stap)


def gebreken(staat: ProcesStaat) -> list[Gebrek]:
    """What the steps reached so far in this ronde still lack."""
    uit: list[Gebrek] = []
    gewogen = _voorbij(staat, Stap.STAP_4)
    if gewogen and staat.collega is None and staat.veilig_thuis is None:
        uit.append(
            Gebrek(
                stap=Stap.STAP_2,
                code="overleg_ontbreekt",
                omschrijving="Geen collegiaal overleg en geen advies van Veilig Thuis vastgelegd.",
            )
        )
    if gewogen and staat.gesprek is None:
        uit.append(
            Gebrek(
                stap=Stap.STAP_3,
                code="gesprek_ontbreekt",
                omschrijving="Geen gesprek met de betrokkene(n) gevoerd en geen reden "
                "vastgelegd om het over te slaan.",
            )
        )
    if staat.besluit is not None and staat.besluit_zonder_afweging:
        uit.append(
            Gebrek(
                stap=Stap.STAP_4,
                code="afweging_ontbreekt",
                omschrijving="Er is besloten zonder vastgelegde afweging.",
            )
        )
    if staat.besluit_melden == "ja" and staat.melding is None:
        uit.append(
            Gebrek(
                stap=Stap.STAP_5,
                code="melding_ontbreekt",
                omschrijving="Besloten is dat melden noodzakelijk is, maar er is geen "
                "melding vastgelegd.",
            )
        )
    if staat.hulp is not None and not staat.evaluatie_na_hulp:
        uit.append(
            Gebrek(
                stap=Stap.VERVOLG,
                code="evaluatie_ontbreekt",
                omschrijving="Hulp is gestart maar het effect is nog niet geëvalueerd "
                "(afweging 5: leidt de hulp tot duurzame veiligheid?).",
            )
        )
    return uit


def _termijnen(staat: ProcesStaat) -> Iterator[tuple[str, date | None, date | None]]:
    """Per termijn: the day it starts and the day it was met (``None``: not yet)."""
    yield "overleg", staat.eerste_signaal, staat.collega or staat.veilig_thuis
    yield "gesprek", staat.eerste_signaal, staat.gesprek_datum
    yield "afweging", staat.eerste_signaal, staat.afweging
    yield "besluit", staat.eerste_signaal, staat.besluit
    yield "melding", staat.besluit if staat.besluit_melden == "ja" else None, staat.melding
    if staat.hulp is not None:
        yield "evaluatie", max(staat.hulp, staat.opvolging or staat.hulp), None
    yield "afsluiten", staat.eerste_signaal, None


def overschrijdingen(
    staat: ProcesStaat, peildatum: date, termijnen: Termijnen | None
) -> list[Overschrijding]:
    """The termijnen that have passed on ``peildatum`` without their step being done."""
    if termijnen is None or staat.afgesloten is not None:
        return []
    uit: list[Overschrijding] = []
    for naam, begin, gedaan in _termijnen(staat):
        dagen: int | None = getattr(termijnen, naam)
        if dagen is None or begin is None or gedaan is not None:
            continue
        einde = begin + timedelta(days=dagen)
        if peildatum > einde:
            uit.append(
                Overschrijding(termijn=naam, sinds=einde, dagen_te_laat=(peildatum - einde).days)
            )
    return uit
