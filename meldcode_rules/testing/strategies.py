"""Hypothesis strategies that generate valid casussen, for property tests of a kader.

Strategies are plural nouns and compose; pass a strategy where a strategy is asked,
wrap a fixed value in ``st.just``. Every strategy here generates only *valid* data
(a :class:`~meldcode_rules.casus.Casus` always validates), and each docstring says what
its examples shrink towards, so a failing test shows the smallest casus::

    from datetime import date
    from hypothesis import given
    from meldcode_rules import evaluate
    from meldcode_rules.testing import casussen

    @given(casussen(kader="basis", peildatum=date(2024, 6, 1)))
    def test_melden_is_altijd_een_beslissing(casus):
        uitkomst = evaluate(casus, kader="basis", peildatum=date(2024, 6, 1))
        assert uitkomst.melden in ("ja", "nee", "onbepaald")

Identifiers are generated (``c1``, ``b1``, ``b2`` ...): no strategy produces anything that
looks like personal data.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Final, TypeVar, get_args

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from meldcode_rules.casus import (
    Antwoorden,
    Betrokkene,
    Casus,
    Herkomst,
    Hulp,
    Kenmerk,
    Leeftijd,
    Oudersignaal,
    Rol,
    Signaal,
    Stappen,
    Vorm,
)
from meldcode_rules.kader import Kader
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde
from meldcode_rules.regels import AFWEGINGEN

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "antwoorden",
    "beschrijf_casus",
    "betrokkenen",
    "casussen",
    "hulpfeiten",
    "signalen",
    "stappen",
    "waarden",
]

_JAREN_TERUG: Final = 10
_T = TypeVar("_T", Vorm, Kenmerk)
_M = TypeVar("_M", Stappen, Hulp)


def waarden() -> st.SearchStrategy[Waarde]:
    """``onbekend``, ``ja`` or ``nee``. Shrinks towards ``onbekend``, then ``ja``."""
    return st.sampled_from((ONBEKEND, JA, NEE))


def antwoorden() -> st.SearchStrategy[Antwoorden]:
    """The professional's answers to the six afwegingen, each ``onbekend``, ``ja`` or ``nee``.

    Shrinks towards every answer ``onbekend`` (the answers a casus without them has).
    """
    return st.builds(Antwoorden, **{naam: waarden() for naam in AFWEGINGEN})


def _optioneel(strategie: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategie


def _elk_veld_optioneel(model: type[_M]) -> st.SearchStrategy[_M]:
    """``model`` with every field (each ``X | None``) drawn from its own type, or absent.

    Read from the model, so a field added to it is drawn too. Shrinks towards every field
    absent (``None``).
    """
    velden: dict[str, st.SearchStrategy[object]] = {}
    for naam, info in model.model_fields.items():
        soort = next(a for a in get_args(info.annotation) if a is not type(None))
        velden[naam] = _optioneel(waarden() if soort is Waarde else st.sampled_from(soort))
    return st.builds(model, **velden)


def stappen() -> st.SearchStrategy[Stappen]:
    """The steps taken so far (stap 2 and 3), every field possibly absent.

    Shrinks towards every field absent (``None``).
    """
    return _elk_veld_optioneel(Stappen)


def hulpfeiten() -> st.SearchStrategy[Hulp]:
    """Facts about hulp, every field of :class:`Hulp` possibly absent.

    Shrinks towards every field absent (``None``).
    """
    return _elk_veld_optioneel(Hulp)


@st.composite
def _betrokkenen(draw: st.DrawFn, max_size: int) -> tuple[Betrokkene, ...]:
    aantal = draw(st.integers(0, max_size))
    uit: list[Betrokkene] = []
    for nummer in range(1, aantal + 1):
        rol = draw(st.sampled_from(Rol))
        uit.append(
            Betrokkene(
                id=f"b{nummer}",
                rol=rol,
                leeftijd=draw(_optioneel(st.sampled_from(Leeftijd))),
                zorgafhankelijk=draw(st.booleans()),
                oudersignalen=draw(st.frozensets(st.sampled_from(Oudersignaal), max_size=3)),
                zorgt_voor_minderjarigen=draw(_optioneel(waarden())),
            )
        )
    return tuple(uit)


def betrokkenen(max_size: int = 5) -> st.SearchStrategy[tuple[Betrokkene, ...]]:
    """Betrokkenen with unique generated ids ``b1``, ``b2`` ... and every role and age band.

    Args:
        max_size: the largest number of betrokkenen.

    Shrinks towards fewer betrokkenen, then the first role (``kind``) with no age band,
    no oudersignalen and not zorgafhankelijk.
    """
    if max_size < 0:
        msg = f"max_size moet ten minste 0 zijn, niet {max_size}"
        raise InvalidArgument(msg)
    return _betrokkenen(max_size)


def _controleer_peildatum(peildatum: object) -> date:
    if peildatum is None:
        return date.today()
    if not isinstance(peildatum, date):
        msg = f"peildatum moet een datetime.date zijn, niet {type(peildatum).__name__}"
        raise InvalidArgument(msg)
    return peildatum


@st.composite
def _signalen(  # noqa: PLR0917 - a private composite
    draw: st.DrawFn,
    peildatum: date,
    ids: tuple[str, ...],
    vormen: st.SearchStrategy[Vorm],
    kenmerken: st.SearchStrategy[Kenmerk],
    max_size: int,
) -> tuple[Signaal, ...]:
    begin = peildatum - timedelta(days=365 * _JAREN_TERUG)
    einde = peildatum + timedelta(days=30)
    soort = draw(st.sampled_from(("los", "een_datum", "over_jaren")))
    aantal = draw(st.integers(0, max_size))
    if aantal == 0:
        return ()
    if soort == "een_datum":
        dag = draw(st.dates(begin, peildatum))
        data: list[date | None] = [dag] * aantal
    elif soort == "over_jaren":
        jaren = sorted(
            draw(
                st.lists(
                    st.integers(0, _JAREN_TERUG - 1),
                    min_size=aantal,
                    max_size=aantal,
                )
            )
        )
        data = [peildatum - timedelta(days=365 * j + draw(st.integers(0, 364))) for j in jaren]
    else:
        data = [draw(st.none() | st.dates(begin, einde)) for _ in range(aantal)]
    verwijzing = st.none() | st.sampled_from(ids) if ids else st.none()
    uit: list[Signaal] = [
        Signaal(
            vorm=draw(vormen),
            datum=datum,
            over=draw(verwijzing),
            door=draw(verwijzing),
            herkomst=draw(st.sampled_from(Herkomst)),
            kenmerken=draw(st.frozensets(kenmerken, max_size=3)),
        )
        for datum in data
    ]
    return tuple(uit)


def signalen(
    *,
    peildatum: date | None = None,
    betrokkenen: Sequence[str] = (),
    vormen: st.SearchStrategy[Vorm] | None = None,
    kenmerken: st.SearchStrategy[Kenmerk] | None = None,
    max_size: int = 12,
) -> st.SearchStrategy[tuple[Signaal, ...]]:
    """Signalen of every vorm, in three shapes: loose dates, many on one date, spread over years.

    The edge cases that matter are all reachable: no signalen at all, many signalen on one
    date (one date counts once for herhaling), signalen spread over up to ten years, signalen
    without a date and signalen dated after the peildatum (which do not count).

    Args:
        peildatum: the date the casus is judged on (default: today).
        betrokkenen: ids the signalen may refer to with ``over`` and ``door``.
        vormen: the vormen to draw from (default: every vorm).
        kenmerken: the severity markers to draw from (default: every marker).
        max_size: the largest number of signalen.

    Shrinks towards no signalen; then fewer signalen, the first vorm
    (``lichamelijk_geweld``), no kenmerken, no betrokkenen referred to, and the earliest
    date of the range.
    """
    dag = _controleer_peildatum(peildatum)
    if max_size < 0:
        msg = f"max_size moet ten minste 0 zijn, niet {max_size}"
        raise InvalidArgument(msg)
    gegeven: tuple[tuple[str, object], ...] = (("vormen", vormen), ("kenmerken", kenmerken))
    for naam, waarde in gegeven:
        if waarde is not None and not isinstance(waarde, st.SearchStrategy):
            msg = f"{naam} moet een strategie zijn (gebruik st.just(...) of st.sampled_from(...))"
            raise InvalidArgument(msg)
    return _signalen(
        dag,
        tuple(betrokkenen),
        st.sampled_from(Vorm) if vormen is None else vormen,
        st.sampled_from(Kenmerk) if kenmerken is None else kenmerken,
        max_size,
    )


def _kader_feiten(kader: str | Kader) -> frozenset[str]:
    if isinstance(kader, str):
        from meldcode_rules.analysis import zoek_kader  # noqa: PLC0415 - only when asked

        kader = zoek_kader(kader)
    return frozenset(
        f
        for versie in kader.versies
        for regel in (*versie.regels, *versie.aanscherpingen)
        for f in regel.als.feiten()
    )


def _voorkeur(alle: Sequence[_T], feiten: frozenset[str]) -> st.SearchStrategy[_T]:
    genoemd = [x for x in alle if f"aantal_{x.value}" in feiten]
    if not genoemd:
        return st.sampled_from(alle)
    return st.sampled_from(genoemd) | st.sampled_from(alle)


@st.composite
def _casussen(
    draw: st.DrawFn,
    peildatum: date,
    feiten: frozenset[str],
) -> Casus:
    mensen = draw(st.none() | betrokkenen())
    ids = tuple(b.id for b in mensen or ())
    vormen = _voorkeur(tuple(Vorm), feiten)
    kenmerken = _voorkeur(tuple(Kenmerk), feiten)
    lijst = draw(
        st.none()
        | signalen(
            peildatum=peildatum,
            betrokkenen=ids,
            vormen=vormen,
            kenmerken=kenmerken,
        )
    )
    return Casus(
        id="c1",
        betrokkenen=mensen,
        signalen=lijst,
        stappen=draw(st.none() | stappen()),
        hulp=draw(st.none() | hulpfeiten()),
        antwoorden=draw(antwoorden()),
    )


def casussen(
    *, kader: str | Kader | None = None, peildatum: date | None = None
) -> st.SearchStrategy[Casus]:
    """Valid casussen: betrokkenen, signalen, steps, hulp facts and answers (with ``onbekend``).

    Every part of a casus may be absent (not supplied), as in real case-management data.
    With ``kader``, the vormen and kenmerken its rules count are drawn more often, so the
    kader's rules fire in a good share of the examples.

    Args:
        kader: a kader id or :class:`~meldcode_rules.kader.Kader` to aim the casussen at.
        peildatum: the date the casus is judged on (default: today); signalen are dated up to
            ten years before it (and a few after it, which do not count).

    Shrinks towards the empty casus: no betrokkenen, signalen, steps or hulp supplied, and
    every answer ``onbekend``.
    """
    dag = _controleer_peildatum(peildatum)
    soort: object = kader
    if soort is not None and not isinstance(soort, str | Kader):
        msg = f"kader moet een kader-id of een Kader zijn, niet {type(soort).__name__}"
        raise InvalidArgument(msg)
    feiten = _kader_feiten(kader) if kader is not None else frozenset()
    return _casussen(dag, feiten)


def beschrijf_casus(casus: Casus, peildatum: date) -> list[str]:
    """Describe a (generated) casus in Dutch, one line per part, without ids.

    Betrokkenen are named by role and age band; signalen by vorm, date, kenmerken and the
    roles they are about. Used in counterexample reports.
    """
    rollen = {b.id: b.rol.value for b in casus.betrokkenen or ()}
    regels: list[str] = [f"peildatum {peildatum.isoformat()}"]
    if casus.betrokkenen is None:
        regels.append("betrokkenen: niet aangeleverd")
    else:
        mensen = [
            f"{b.rol.value}"
            + (f" ({b.leeftijd.value})" if b.leeftijd else "")
            + (", zorgafhankelijk" if b.zorgafhankelijk else "")
            + (
                f", oudersignalen: {', '.join(sorted(o.value for o in b.oudersignalen))}"
                if b.oudersignalen
                else ""
            )
            for b in casus.betrokkenen
        ]
        regels.append(f"betrokkenen ({len(mensen)}): {'; '.join(mensen) or 'geen'}")
    if casus.signalen is None:
        regels.append("signalen: niet aangeleverd")
    else:
        regels.append(f"signalen ({len(casus.signalen)}):" if casus.signalen else "signalen: geen")
        for s in casus.signalen:
            deel = [
                s.vorm.value,
                s.datum.isoformat() if s.datum else "zonder datum",
                s.herkomst.value,
            ]
            if s.datum and s.datum > peildatum:
                deel.append("na de peildatum")
            if s.kenmerken:
                deel.append("kenmerken: " + ", ".join(sorted(k.value for k in s.kenmerken)))
            if s.over:
                deel.append(f"over: {rollen.get(s.over, '?')}")
            if s.door:
                deel.append(f"door: {rollen.get(s.door, '?')}")
            regels.append("  - " + "; ".join(deel))
    for naam, model in (("stappen", casus.stappen), ("hulp", casus.hulp)):
        if model is None:
            regels.append(f"{naam}: niet aangeleverd")
            continue
        velden = [
            f"{veld} = {getattr(waarde, 'value', waarde)}"
            for veld, waarde in model
            if waarde is not None
        ]
        regels.append(f"{naam}: {', '.join(velden) or 'leeg'}")
    regels.append(
        "antwoorden: "
        + ", ".join(f"{n} = {getattr(casus.antwoorden, n).value}" for n in AFWEGINGEN)
    )
    return regels
