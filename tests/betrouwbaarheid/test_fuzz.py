"""Fuzzing: arbitrary JSON and mutations of valid cases through the API and the CLI.

Whatever comes in, the API answers with an :class:`Uitkomst` or an :class:`InputError`
(never another exception), and ``meldcode evaluate`` exits 0, 1 (JSON Lines: some lines
bad) or 2 (a single document refused) with one line per invalid input on standard error
and never a traceback.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from testhulp import cases, cli, paden

from meldcode_rules import InputError, Uitkomst, evaluate, evaluate_many

PEILDATUM = date(2024, 6, 1)

json_waarden = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda binnen: (
        st.lists(binnen, max_size=4) | st.dictionaries(st.text(max_size=12), binnen, max_size=4)
    ),
    max_leaves=15,
)

VELDEN = ("id", "betrokkenen", "signalen", "stappen", "hulp", "antwoorden")
casusachtig = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(VELDEN, json_waarden) | {"onbekend_veld": json_waarden},
)


def _geldige_casus(seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    return cases.signal_rich(rng, seed) if seed % 2 else cases.answers_only(rng, seed)


@st.composite
def mutaties(draw: st.DrawFn) -> dict[str, Any] | Any:
    """A valid seeded case with one or more places replaced, removed or added to."""
    casus = copy.deepcopy(_geldige_casus(draw(st.integers(0, 10_000))))
    for _ in range(draw(st.integers(1, 3))):
        pad = draw(st.sampled_from(paden(casus)))
        soort = draw(st.sampled_from(["vervang", "verwijder", "voeg_toe"]))
        if not pad:
            if soort == "vervang":
                return draw(json_waarden)
            continue
        ouder = casus
        for stap in pad[:-1]:
            ouder = ouder[stap]
        if soort == "vervang":
            ouder[pad[-1]] = draw(json_waarden)
        elif soort == "verwijder":
            del ouder[pad[-1]]
        elif isinstance(ouder[pad[-1]], dict):
            ouder[pad[-1]][draw(st.text(max_size=8))] = draw(json_waarden)
        elif isinstance(ouder[pad[-1]], list):
            ouder[pad[-1]].append(draw(json_waarden))
    return casus


def _api_antwoord(gegevens: Any) -> Uitkomst | InputError:
    try:
        return evaluate(gegevens, "basis", PEILDATUM)
    except InputError as fout:
        _controleer_fout(fout)
        return fout


def _controleer_fout(fout: InputError) -> None:
    assert fout.fouten, "an InputError names at least one field"
    assert "\n" not in str(fout)
    for veldfout in fout.fouten:
        assert veldfout.veld
        assert veldfout.bericht
        assert "\n" not in veldfout.bericht


def _cli_regels(fout: str) -> list[str]:
    regels = fout.splitlines()
    assert "Traceback" not in fout
    assert all(r.startswith("meldcode: fout: ") for r in regels), regels
    return regels


def _cli_json(gegevens: Any, antwoord: Uitkomst | InputError) -> tuple[str, list[str]]:
    """``meldcode evaluate -`` on ``gegevens`` as one JSON document: the exit status agrees
    with the API's ``antwoord``; (stdout, the error lines)."""
    code, uit, fout = cli(
        "evaluate", "-", "--format", "json", "--peildatum", "2024-06-01", stdin=json.dumps(gegevens)
    )
    assert code == (0 if isinstance(antwoord, Uitkomst) else 2)
    return uit, _cli_regels(fout)


def _verwachte_regels(antwoord: Uitkomst | InputError) -> int:
    return 0 if isinstance(antwoord, Uitkomst) else 1


@given(json_waarden)
def test_arbitrary_json_gives_an_outcome_or_a_clear_error(gegevens: Any) -> None:
    _api_antwoord(gegevens)
    antwoord = _api_antwoord(json.dumps(gegevens))
    _, regels = _cli_json(gegevens, antwoord)
    if isinstance(gegevens, dict):
        assert len(regels) == _verwachte_regels(antwoord)
    else:
        assert len(regels) == 1


@given(casusachtig)
def test_case_shaped_json_gives_an_outcome_or_one_line_per_field(gegevens: dict[str, Any]) -> None:
    antwoord = _api_antwoord(gegevens)
    uit, regels = _cli_json(gegevens, antwoord)
    assert len(regels) == _verwachte_regels(antwoord)
    if isinstance(antwoord, Uitkomst):
        assert json.loads(uit)["melden"] == antwoord.melden


@given(mutaties())
def test_mutated_valid_cases_give_an_outcome_or_a_clear_error(gegevens: Any) -> None:
    antwoord = _api_antwoord(gegevens)
    assert _api_antwoord(json.dumps(gegevens)).__class__ is antwoord.__class__
    _, regels = _cli_json(gegevens, antwoord)
    if isinstance(gegevens, dict):
        assert len(regels) == _verwachte_regels(antwoord)


@given(st.lists(mutaties() | json_waarden, min_size=1, max_size=6))
def test_json_lines_of_mutations_stay_aligned(regels: list[Any]) -> None:
    """Every line gets exactly one output line, in order (also line 1, also a batch of one)."""
    tekst = "".join(json.dumps(r) + "\n" for r in regels)
    code, uit, fout = cli("evaluate", "-", "--peildatum", "2024-06-01", stdin=tekst)
    api = list(evaluate_many((json.dumps(r) for r in regels), "basis", PEILDATUM))
    uitregels = uit.splitlines()
    assert len(uitregels) == len(regels)
    fouten = 0
    for nummer, (regel, resultaat) in enumerate(zip(uitregels, api, strict=True), start=1):
        gelezen = json.loads(regel)
        if isinstance(resultaat, Uitkomst):
            assert regel == resultaat.model_dump_json()
        else:
            fouten += 1
            assert gelezen["lijn"] == nummer
            assert gelezen["fouten"]
            assert [f["code"] for f in gelezen["fouten"]] == [f.code for f in resultaat.fouten]
    assert code == (1 if fouten else 0)
    for r in _cli_regels(fout):
        assert r.startswith("meldcode: fout: regel ")


@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        evaluate(data, "basis", PEILDATUM)
    except InputError as fout:
        _controleer_fout(fout)


DIEP = "[" * 50_000 + "]" * 50_000


@pytest.mark.parametrize(
    ("invoer", "formaat", "code"),
    [
        (DIEP, "json", 2),
        ('{"id": "a"}\n' + DIEP + "\n", "jsonl", 1),
        ('{"id": ' + "[" * 3000 + "]" * 3000 + "}", "json", 2),
        ('{"id": "a", "signalen": [{"vorm": "x", "datum": "2024-13-45"}]}', "json", 2),
        ("\ufeff{}", "json", 2),
        ('{"id": 1e999}', "json", 2),
    ],
    ids=["diep", "diep-jsonl", "diep-id", "twee-velden", "bom", "getal"],
)
def test_hostile_inputs_in_process(invoer: str, formaat: str, code: int) -> None:
    status, _, fout = cli(
        "evaluate", "-", "--format", formaat, "--peildatum", "2024-06-01", stdin=invoer
    )
    assert status == code
    assert len(_cli_regels(fout)) == 1


@pytest.mark.parametrize(
    ("invoer", "code", "uitregels"),
    [
        (b"\xff\xfe\x00garbage", 1, 1),
        (DIEP.encode(), 1, 1),
        (b'{"id": "a"}\n{"id": "b", "x": [}\n', 1, 2),
        (b"", 0, 0),
    ],
    ids=["geen-utf8", "diep", "jsonl-kapot", "leeg"],
)
def test_hostile_inputs_in_a_subprocess(invoer: bytes, code: int, uitregels: int) -> None:
    """The installed entry point too: one record per line, no traceback, only error lines."""
    proces = subprocess.run(
        [sys.executable, "-m", "meldcode_rules.cli", "evaluate", "-", "--peildatum", "2024-06-01"],
        input=invoer,
        capture_output=True,
        check=False,
        timeout=60,
    )
    fout = proces.stderr.decode()
    assert proces.returncode == code, fout
    assert "Traceback" not in fout
    assert len(proces.stdout.decode().splitlines()) == uitregels
    _cli_regels(fout)
