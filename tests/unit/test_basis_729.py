"""All 3^6 = 729 answer combinations of the model kader, both versions, against the published flow.

The oracle below is written from the published texts, not generated from the code:

- 2019: the five afwegingen with their branches (NJi weergave of the VWS voorbeeld-
  afwegingskader, https://www.nji.nl/kindermishandeling/afwegingskader-meldcode) and stap 5
  "Melden is noodzakelijk als er sprake is van acute of structurele onveiligheid. Hulp verlenen
  is mogelijk als ... Indien hulp verlenen op basis van één van deze punten niet mogelijk is, is
  melden bij Veilig Thuis noodzakelijk." (shared/seeds/004).
- 2013: stap 5 "hulp organiseren of melden": organise hulp yourself when you can, and follow its
  effects; report when you cannot, or when the violence does not stop.

An ``onbekend`` answer is handled the way the law asks: the decision is what every resolution of
the unknown answers gives, and ``onbepaald`` when the resolutions disagree. A handful of rows
are also written out literally, as a check on the oracle itself.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from testhulp import AFWEGINGEN, WAARDEN

from meldcode_rules import evaluate
from meldcode_rules.afwegingen import AFWEGINGEN as AFWEGINGEN_VAN_DE_CODE

PEIL_2019 = date(2024, 6, 1)
PEIL_2013 = date(2016, 6, 1)


def flow_2019(v: bool, a: bool, s: bool, p: bool, m: bool, d: bool) -> tuple[str, str]:
    """Walk the 2019 afwegingskader for known answers: (melden, hulp)."""
    if not v:  # afweging 1 nee: afsluiten en vastleggen
        return "nee", "niet_van_toepassing"
    if a or s:  # afweging 2 ja: melden; afwegingen 3-5 samen met Veilig Thuis
        return "ja", "met_veilig_thuis"
    if not p:  # afweging 3 nee: melden
        return "ja", "nee"
    if not m:  # afweging 4 nee: melden
        return "ja", "nee"
    if not d:  # afweging 5 nee: (opnieuw) melden
        return "ja", "nee"
    return "nee", "ja"  # afweging 5 ja: hulp afsluiten met afspraken


def flow_2013(v: bool, a: bool, s: bool, p: bool, m: bool, d: bool) -> tuple[str, str]:
    """Walk the pre-2019 stap 5: hulp organiseren óf melden. a, s and m played no part."""
    del a, s, m
    if not v:
        return "nee", "niet_van_toepassing"
    if p and d:  # can organise hulp, and it stops the violence
        return "nee", "ja"
    return "ja", "nee"  # cannot organise hulp, or the violence goes on: melden


def resolve(flow, antwoorden: tuple[str, ...]) -> tuple[str, str]:
    keuzes = [
        (True,) if w == "ja" else (False,) if w == "nee" else (True, False) for w in antwoorden
    ]
    uitkomsten = {flow(*combinatie) for combinatie in itertools.product(*keuzes)}
    meldingen = {m for m, _ in uitkomsten}
    hulpen = {h for _, h in uitkomsten}
    melden = meldingen.pop() if len(meldingen) == 1 else "onbepaald"
    hulp = hulpen.pop() if len(hulpen) == 1 else "onbepaald"
    return melden, hulp


ALLE = list(itertools.product(WAARDEN, repeat=6))


def _eval(antwoorden: tuple[str, ...], peildatum: date):
    return evaluate(
        {"id": "c", "antwoorden": dict(zip(AFWEGINGEN, antwoorden, strict=True))},
        kader="basis",
        peildatum=peildatum,
    )


VERSIES = [(flow_2019, PEIL_2019, "2019"), (flow_2013, PEIL_2013, "2013")]
"""Each version of the model kader: its flow, a peildatum inside it, its name."""


@pytest.mark.parametrize(("flow", "peildatum", "versie"), VERSIES)
def test_all_729_combinations_follow_the_published_flow(flow, peildatum: date, versie: str) -> None:
    afwijkingen = []
    for antwoorden in ALLE:
        uitkomst = _eval(antwoorden, peildatum)
        assert uitkomst.kader.versie == versie
        verwacht = resolve(flow, antwoorden)
        if (uitkomst.melden, uitkomst.hulp) != verwacht:
            afwijkingen.append((antwoorden, (uitkomst.melden, uitkomst.hulp), verwacht))
    assert not afwijkingen, afwijkingen[:5]
    assert len(ALLE) == 729


LITERAL_2019 = [
    # (vermoeden, acuut, structureel, passende_hulp, medewerking, duurzaam) -> (melden, hulp)
    (("nee", "ja", "ja", "nee", "nee", "nee"), ("nee", "niet_van_toepassing")),
    (("ja", "ja", "nee", "ja", "ja", "ja"), ("ja", "met_veilig_thuis")),
    (("ja", "nee", "ja", "onbekend", "onbekend", "onbekend"), ("ja", "met_veilig_thuis")),
    (("ja", "nee", "nee", "nee", "ja", "ja"), ("ja", "nee")),
    (("ja", "nee", "nee", "ja", "nee", "ja"), ("ja", "nee")),
    (("ja", "nee", "nee", "ja", "ja", "nee"), ("ja", "nee")),
    (("ja", "nee", "nee", "ja", "ja", "ja"), ("nee", "ja")),
    (("ja", "onbekend", "nee", "ja", "ja", "ja"), ("onbepaald", "onbepaald")),
    (("ja", "onbekend", "nee", "nee", "ja", "ja"), ("ja", "onbepaald")),
    (
        ("onbekend", "onbekend", "onbekend", "onbekend", "onbekend", "onbekend"),
        ("onbepaald", "onbepaald"),
    ),
    (("onbekend", "ja", "nee", "ja", "ja", "ja"), ("onbepaald", "onbepaald")),
    (("ja", "nee", "nee", "ja", "ja", "onbekend"), ("onbepaald", "onbepaald")),
]


LITERAL_2013 = [
    (
        ("ja", "ja", "ja", "ja", "ja", "ja"),
        ("nee", "ja"),
    ),  # vóór 2019: hulp mocht, ook bij acute onveiligheid
    (("ja", "nee", "nee", "nee", "ja", "ja"), ("ja", "nee")),
    (("ja", "nee", "nee", "ja", "nee", "ja"), ("nee", "ja")),  # medewerking telde niet apart
    (("ja", "nee", "nee", "ja", "ja", "nee"), ("ja", "nee")),
    (("nee", "ja", "ja", "nee", "nee", "nee"), ("nee", "niet_van_toepassing")),
    (("ja", "nee", "nee", "onbekend", "ja", "ja"), ("onbepaald", "onbepaald")),
]

LITERAL = {"2019": LITERAL_2019, "2013": LITERAL_2013}


@pytest.mark.parametrize(
    ("flow", "peildatum", "antwoorden", "verwacht"),
    [
        pytest.param(flow, peildatum, antwoorden, verwacht, id=f"{versie}-{i}")
        for flow, peildatum, versie in VERSIES
        for i, (antwoorden, verwacht) in enumerate(LITERAL[versie])
    ],
)
def test_literal_rows(flow, peildatum: date, antwoorden, verwacht) -> None:
    """The engine and the oracle both give the row as written out from the published text."""
    uitkomst = _eval(antwoorden, peildatum)
    assert (uitkomst.melden, uitkomst.hulp) == verwacht
    assert resolve(flow, antwoorden) == verwacht


def test_2013_signals_the_2019_norm_and_unweighed_medewerking() -> None:
    uitkomst = _eval(("ja", "ja", "nee", "ja", "nee", "ja"), PEIL_2013)
    codes = {s.code for s in uitkomst.signaleringen}
    assert {"meldnorm_2019", "medewerking_niet_gewogen"} <= codes


def test_version_boundary_is_1_january_2019() -> None:
    antwoorden = ("ja", "ja", "nee", "ja", "ja", "ja")
    assert _eval(antwoorden, date(2018, 12, 31)).kader.versie == "2013"
    assert _eval(antwoorden, date(2018, 12, 31)).melden == "nee"
    assert _eval(antwoorden, date(2019, 1, 1)).kader.versie == "2019"
    assert _eval(antwoorden, date(2019, 1, 1)).melden == "ja"


def test_onbepaald_names_what_it_hangs_on_and_advises_veilig_thuis() -> None:
    uitkomst = _eval(("ja", "onbekend", "nee", "ja", "ja", "ja"), PEIL_2019)
    assert uitkomst.melden == "onbepaald"
    assert uitkomst.beslissingen["melden"].hangt_af_van == ("acute_onveiligheid",)
    assert "veilig_thuis_raadplegen" in {a.code for a in uitkomst.acties}
    assert any(
        s.code == "onbepaald" and "acute_onveiligheid" in s.omschrijving
        for s in uitkomst.signaleringen
    )


def test_every_decision_names_rule_version_and_source() -> None:
    uitkomst = _eval(("ja", "ja", "nee", "ja", "ja", "ja"), PEIL_2019)
    spoor = uitkomst.beslissingen["melden"].spoor
    assert [s.regel for s in spoor] == ["melden_acute_of_structurele_onveiligheid"]
    assert spoor[0].kader == "basis"
    assert spoor[0].versie == "2019"
    assert "acute of structurele onveiligheid" in spoor[0].bron.passage
    assert spoor[0].gebruikt == {
        "acute_onveiligheid": "ja",
        "structurele_onveiligheid": "nee",
        "vermoeden": "ja",
    }


def test_the_code_names_the_published_afwegingen_in_their_order() -> None:
    assert AFWEGINGEN_VAN_DE_CODE == AFWEGINGEN
