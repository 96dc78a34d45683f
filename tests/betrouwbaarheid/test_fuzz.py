"""Fuzzing: arbitrary JSON and mutations of valid cases through the API and the CLI.

Whatever comes in, the API answers with an :class:`Uitkomst` or an :class:`InputError`
(never another exception), and ``meldcode evaluate`` exits 0 or 2 with one line per
invalid field on standard error and never a traceback.
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
from betrouwbaarheid_hulp import cases, cli
from hypothesis import given
from hypothesis import strategies as st

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


def _paden(waarde: Any, pad: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    uit = [pad]
    if isinstance(waarde, dict):
        for k, v in waarde.items():
            uit += _paden(v, (*pad, k))
    elif isinstance(waarde, list):
        for i, v in enumerate(waarde):
            uit += _paden(v, (*pad, i))
    return uit


@st.composite
def mutaties(draw: st.DrawFn) -> dict[str, Any] | Any:
    """A valid seeded case with one or more places replaced, removed or added to."""
    casus = copy.deepcopy(_geldige_casus(draw(st.integers(0, 10_000))))
    for _ in range(draw(st.integers(1, 3))):
        paden = _paden(casus)
        pad = draw(st.sampled_from(paden))
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


def _verwachte_regels(antwoord: Uitkomst | InputError) -> int:
    if isinstance(antwoord, Uitkomst):
        return 0
    n = len(antwoord.fouten)
    return min(n, 5) + (n > 5)


@given(json_waarden)
def test_arbitrary_json_gives_an_outcome_or_a_clear_error(gegevens: Any) -> None:
    _api_antwoord(gegevens)
    antwoord = _api_antwoord(json.dumps(gegevens))
    code, _, fout = cli("evaluate", "-", "--peildatum", "2024-06-01", stdin=json.dumps(gegevens))
    assert code == (0 if isinstance(antwoord, Uitkomst) else 2)
    regels = _cli_regels(fout)
    if isinstance(gegevens, dict):
        assert len(regels) == _verwachte_regels(antwoord)
    else:
        assert len(regels) == 1


@given(casusachtig)
def test_case_shaped_json_gives_an_outcome_or_one_line_per_field(gegevens: dict[str, Any]) -> None:
    antwoord = _api_antwoord(gegevens)
    code, uit, fout = cli("evaluate", "-", "--peildatum", "2024-06-01", stdin=json.dumps(gegevens))
    assert code == (0 if isinstance(antwoord, Uitkomst) else 2)
    assert len(_cli_regels(fout)) == _verwachte_regels(antwoord)
    if isinstance(antwoord, Uitkomst):
        assert json.loads(uit)["melden"] == antwoord.melden


@given(mutaties())
def test_mutated_valid_cases_give_an_outcome_or_a_clear_error(gegevens: Any) -> None:
    antwoord = _api_antwoord(gegevens)
    assert _api_antwoord(json.dumps(gegevens)).__class__ is antwoord.__class__
    code, _, fout = cli("evaluate", "-", "--peildatum", "2024-06-01", stdin=json.dumps(gegevens))
    assert code == (0 if isinstance(antwoord, Uitkomst) else 2)
    regels = _cli_regels(fout)
    if isinstance(gegevens, dict):
        assert len(regels) == _verwachte_regels(antwoord)


@given(st.lists(mutaties() | json_waarden, min_size=2, max_size=6))
def test_json_lines_of_mutations_stay_aligned(regels: list[Any]) -> None:
    """Every line gets exactly one output line, in order; bad lines exit 2, never 3."""
    tekst = "".join(json.dumps(r) + "\n" for r in regels)
    code, uit, fout = cli("evaluate", "-", "--peildatum", "2024-06-01", stdin=tekst)
    api = list(evaluate_many((json.dumps(r) for r in regels), "basis", PEILDATUM))
    # The CLI treats a first line that is not an object as one (invalid) document.
    if not isinstance(regels[0], dict):
        assert code == 2
        assert len(_cli_regels(fout)) == 1
        return
    uitregels = uit.splitlines()
    assert len(uitregels) == len(regels)
    fouten = 0
    for nummer, (regel, resultaat) in enumerate(zip(uitregels, api, strict=True), start=1):
        gelezen = json.loads(regel)
        if isinstance(resultaat, Uitkomst):
            assert regel == resultaat.model_dump_json()
        else:
            fouten += 1
            assert gelezen["regel"] == nummer
            assert gelezen["fouten"]
    assert code == (2 if fouten else 0)
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
    ("invoer", "regels"),
    [
        (DIEP, 1),
        ('{"id": "a"}\n' + DIEP + "\n", 1),
        ('{"id": ' + "[" * 3000 + "]" * 3000 + "}", 1),
        ('{"id": "a", "signalen": [{"vorm": "x", "datum": "2024-13-45"}]}', 2),
        ("\ufeff{}", 1),
        ('{"id": 1e999}', 1),
    ],
    ids=["diep", "diep-jsonl", "diep-id", "twee-velden", "bom", "getal"],
)
def test_hostile_inputs_in_process(invoer: str, regels: int) -> None:
    code, _, fout = cli("evaluate", "-", "--peildatum", "2024-06-01", stdin=invoer)
    assert code == 2
    assert len(_cli_regels(fout)) == regels


@pytest.mark.parametrize(
    "invoer",
    [b"\xff\xfe\x00garbage", DIEP.encode(), b'{"id": "a"}\n{"id": "b", "x": [}\n', b""],
    ids=["geen-utf8", "diep", "jsonl-kapot", "leeg"],
)
def test_hostile_inputs_in_a_subprocess(invoer: bytes) -> None:
    """The installed entry point too: exit 2, no traceback, nothing but error lines."""
    proces = subprocess.run(
        [sys.executable, "-m", "meldcode_rules.cli", "evaluate", "-", "--peildatum", "2024-06-01"],
        input=invoer,
        capture_output=True,
        check=False,
        timeout=60,
    )
    fout = proces.stderr.decode()
    assert proces.returncode == 2, fout
    assert "Traceback" not in fout
    assert fout.strip()
    _cli_regels(fout)
