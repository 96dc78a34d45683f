"""Privacy canaries: a unique marker in every place a casus can carry text.

Case data is special-category personal data. A marker placed in ids, references,
enum and date fields, list elements and unknown keys must not come back in any
error message, log record, trace, CLI text output, ``meldcode explain`` or
``meldcode docs`` page. The JSON output echoes ``casus_id`` on purpose (the caller's
own key to correlate results): that one field, and nothing else, may hold it.
"""

from __future__ import annotations

import copy
import json
import logging
import random
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from testhulp import cases, cli, paden

from meldcode_rules import InputError, evaluate, evaluate_many, validate_casus
from meldcode_rules.cli import OPDRACHTEN

PEILDATUM = date(2024, 6, 1)
MARKER = "Kanarie7fQz"
"""Valid as an id, unique enough that any echo is ours."""


def _geldige_casus() -> dict[str, Any]:
    """A valid casus whose every id and reference carries the marker."""
    return {
        "id": f"{MARKER}C",
        "betrokkenen": [
            {"id": f"{MARKER}K", "rol": "kind", "leeftijd": "4_11"},
            {
                "id": f"{MARKER}O",
                "rol": "ouder_verzorger",
                "leeftijd": "18_64",
                "oudersignalen": ["verslaving"],
                "zorgt_voor_minderjarigen": "ja",
            },
            {"id": f"{MARKER}M", "rol": "medewerker"},
        ],
        "signalen": [
            {
                "vorm": "lichamelijk_geweld",
                "datum": "2024-05-01",
                "over": f"{MARKER}K",
                "door": f"{MARKER}O",
                "kenmerken": ["ernstig_letsel"],
            },
            {
                "vorm": "verwaarlozing",
                "datum": "2024-05-20",
                "over": f"{MARKER}K",
                "door": f"{MARKER}M",
            },
        ],
        "stappen": {"collegiaal_overleg": "ja", "gesprek": "niet_gevoerd"},
        "hulp": {"aanvaard": "nee", "effect": "geen_verbetering"},
        "antwoorden": {"vermoeden": "ja"},
    }


def _ongeldige_casussen() -> list[dict[str, Any]]:
    """The marker as an invalid value in every field that takes text, one case each."""
    m = MARKER
    basis = _geldige_casus()
    uit: list[dict[str, Any]] = [
        {"id": f"{m} met spatie"},
        {"id": m * 10},
        {"id": "c", "betrokkenen": [{"id": f"{m}!", "rol": "kind"}]},
        {"id": "c", "betrokkenen": [{"id": "b", "rol": m}]},
        {"id": "c", "betrokkenen": [{"id": "b", "rol": "kind", "leeftijd": m}]},
        {"id": "c", "betrokkenen": [{"id": "b", "rol": "kind", "oudersignalen": [m]}]},
        {"id": "c", "betrokkenen": [{"id": "b", "rol": "kind", "zorgt_voor_minderjarigen": m}]},
        {"id": "c", "betrokkenen": [{"id": m, "rol": "kind"}, {"id": m, "rol": "kind"}]},
        {"id": "c", "betrokkenen": [], "signalen": [{"vorm": "verwaarlozing", "over": m}]},
        {"id": "c", "betrokkenen": [], "signalen": [{"vorm": "verwaarlozing", "door": m}]},
        {"id": "c", "signalen": [{"vorm": m}]},
        {"id": "c", "signalen": [{"vorm": "verwaarlozing", "datum": m}]},
        {"id": "c", "signalen": [{"vorm": "verwaarlozing", "herkomst": m}]},
        {"id": "c", "signalen": [{"vorm": "verwaarlozing", "kenmerken": [m]}]},
        {"id": "c", "signalen": [{"vorm": "verwaarlozing", "over": f"{m} x"}]},
        {"id": "c", "stappen": {"gesprek": m}},
        {"id": "c", "stappen": {"collegiaal_overleg": m, "reden_geen_gesprek": m}},
        {"id": "c", "hulp": {"effect": m, "aanvaard": m}},
        {"id": "c", "antwoorden": {"vermoeden": m, "medewerking": [m]}},
        {"id": "c", "antwoorden": {f"{m}Sleutel": "ja"}},
        {"id": "c", f"{m}-Veld": 1},
        {"id": "c", "signalen": {m: m}},
        {"id": [m], "signalen": m, "hulp": m, "stappen": [m], "betrokkenen": m},
        {
            **basis,
            "signalen": [*basis["signalen"], {"vorm": "verwaarlozing", "over": f"{m}Onbekend"}],
        },
    ]
    return uit


def _zonder_eigen_ids(uit: str) -> str:
    """The output without the casus ids of error records (the caller's own key, on purpose)."""
    regels = []
    for regel in uit.splitlines():
        if regel.startswith('{"lijn"'):
            gegevens = json.loads(regel)
            gegevens.pop("casus_id")
            regels.append(json.dumps(gegevens, ensure_ascii=False))
        else:
            regels.append(regel)
    return "\n".join(regels)


def _zonder_casus_id(tekst: str) -> str:
    gegevens = json.loads(tekst)
    assert gegevens.pop("casus_id") == f"{MARKER}C"
    return json.dumps(gegevens, ensure_ascii=False)


@pytest.fixture
def logboek(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def _geen_marker_in_logboek(logboek: pytest.LogCaptureFixture) -> None:
    for record in logboek.records:
        assert MARKER not in record.getMessage()
        assert MARKER not in repr(record.args)
        assert MARKER not in (record.exc_text or "")


def test_a_valid_case_echoes_only_its_own_casus_id(logboek: pytest.LogCaptureFixture) -> None:
    casus = _geldige_casus()
    for tekst in (
        evaluate(casus, "basis", PEILDATUM).model_dump_json(),
        evaluate(json.dumps(casus), "basis", date(2017, 6, 1)).model_dump_json(),
        next(iter(evaluate_many([json.dumps(casus)], "basis", PEILDATUM, als_json=True))),
    ):
        assert isinstance(tekst, str)
        assert MARKER not in _zonder_casus_id(tekst)
    # The trace did read the facts these ids fed: the case is not trivially empty.
    uitkomst = evaluate(casus, "basis", PEILDATUM)
    assert uitkomst.afwegingen["acute_onveiligheid"].spoor
    assert MARKER not in repr(uitkomst.model_copy(update={"casus_id": "x"}))
    _geen_marker_in_logboek(logboek)


def test_the_cli_echoes_the_casus_id_only_in_json(logboek: pytest.LogCaptureFixture) -> None:
    tekst = json.dumps(_geldige_casus())
    code, uit, fout = cli("evaluate", "-", "--peildatum", "2024-06-01", stdin=tekst)
    assert code == 0
    assert MARKER not in _zonder_casus_id(uit) + fout
    code, uit, fout = cli("evaluate", "-", "--peildatum", "2024-06-01", stdin=f"{tekst}\n{tekst}\n")
    assert code == 0
    for regel in uit.splitlines():
        assert MARKER not in _zonder_casus_id(regel)
    assert MARKER not in fout
    for stroom in (tekst, f"{tekst}\n{tekst}\n"):
        code, uit, fout = cli(
            "evaluate", "-", "--format", "text", "--peildatum", "2024-06-01", stdin=stroom
        )
        assert code == 0
        assert "Is melden noodzakelijk?" in uit
        assert MARKER not in uit + fout
    if "explain" in OPDRACHTEN:
        code, uit, fout = cli("explain", "-", "--peildatum", "2024-06-01", stdin=tekst)
        assert code == 0, fout
        assert uit.strip()
        assert MARKER not in uit + fout
    _geen_marker_in_logboek(logboek)


@pytest.mark.parametrize("casus", _ongeldige_casussen(), ids=lambda c: "-".join(sorted(c))[:40])
def test_errors_never_echo_the_marker(
    casus: dict[str, Any], logboek: pytest.LogCaptureFixture
) -> None:
    tekst = json.dumps(casus)
    for invoer in (casus, tekst, tekst.encode()):
        with pytest.raises(InputError) as fout:
            validate_casus(invoer)
        for tekstvorm in (str(fout.value), repr(fout.value), repr(fout.value.fouten)):
            assert MARKER not in tekstvorm
        for oorzaak in (fout.value.__cause__, fout.value.__context__):
            assert oorzaak is None or MARKER not in str(oorzaak)
    (item,) = evaluate_many([tekst], "basis", PEILDATUM, als_json=True)
    assert isinstance(item, InputError)
    assert MARKER not in str(item)
    twee = f'{{"id": "a"}}\n{tekst}\n'
    for stroom, formaat, status in (
        (tekst, "json", 2),
        (tekst, "jsonl", 1),
        (twee, "jsonl", 1),
        (tekst, "text", 1),
        (twee, "text", 1),
    ):
        code, uit, err = cli(
            "evaluate", "-", "--format", formaat, "--peildatum", "2024-06-01", stdin=stroom
        )
        assert code == status
        assert err.strip()
        assert MARKER not in _zonder_eigen_ids(uit) + err
    if "explain" in OPDRACHTEN:
        code, uit, err = cli("explain", "-", "--peildatum", "2024-06-01", stdin=tekst)
        assert code == 2
        assert MARKER not in uit + err
    _geen_marker_in_logboek(logboek)


@pytest.mark.skipif("docs" not in OPDRACHTEN, reason="no meldcode docs command")
def test_generated_pages_hold_no_case_data(logboek: pytest.LogCaptureFixture) -> None:
    # Evaluate marked cases first: no state of theirs may reach a page.
    evaluate(_geldige_casus(), "basis", PEILDATUM)
    list(evaluate_many([json.dumps(c) for c in _ongeldige_casussen()], "basis", PEILDATUM))
    code, uit, fout = cli("docs", "basis")
    assert code == 0, fout
    assert "melden" in uit
    assert MARKER not in uit + fout
    _geen_marker_in_logboek(logboek)


@given(
    st.integers(0, 5_000),
    st.data(),
    st.sampled_from([MARKER, f"{MARKER} x", f"{MARKER}-Sleutel"]),
)
def test_a_marker_anywhere_in_a_valid_case_is_never_echoed(
    seed: int, data: st.DataObject, marker: str
) -> None:
    """Hypothesis puts the marker at a random place (as a value, or as a key) of a seeded case."""
    casus = copy.deepcopy(cases.signal_rich(random.Random(seed), seed))
    pad = data.draw(st.sampled_from(paden(casus)[1:]))  # every place but the root
    ouder = casus
    for stap in pad[:-1]:
        ouder = ouder[stap]
    if marker.endswith("-Sleutel") and isinstance(ouder, dict):
        ouder[marker] = "ja"
    else:
        ouder[pad[-1]] = marker
    tekst = json.dumps(casus)
    (item,) = evaluate_many([tekst], "basis", PEILDATUM, als_json=True)
    if isinstance(item, InputError):
        assert MARKER not in str(item) + repr(item.fouten)
    else:
        gegevens = json.loads(item)
        gegevens.pop("casus_id")  # the caller's own key, echoed on purpose
        assert MARKER not in json.dumps(gegevens, ensure_ascii=False)
    code, uit, fout = cli(
        "evaluate", "-", "--format", "text", "--peildatum", "2024-06-01", stdin=tekst
    )
    assert code in (0, 1)
    assert MARKER not in uit + fout
