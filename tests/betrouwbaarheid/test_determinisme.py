"""Determinism: byte-identical JSON across runs and processes; a stable kader fingerprint.

The fingerprint (``KaderInfo.vingerafdruk``, a hash of the resolved rule tree) is in
every Uitkomst so an auditor can tell which rules decided. It must not depend on the
process (hash seed, import order, memo state) and must change when a rule changes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from testhulp import cases

from meldcode_rules import (
    Registry,
    evaluate,
    evaluate_many,
    list_kaders,
    load_kader,
    validate_casus,
)
from meldcode_rules.afwegingen import AFWEGINGEN
from meldcode_rules.casus import Antwoorden, Casus
from meldcode_rules.engine.native import NativeKader
from meldcode_rules.errors import KaderError
from meldcode_rules.feiten import afleiden
from meldcode_rules.kader import vingerafdruk
from meldcode_rules.regels import Altijd
from meldcode_rules.testing import strategies
from meldcode_rules.uitkomst import Bronnen, Uitkomst

WORTEL = Path(__file__).resolve().parents[2]
PEILDATA = (cases.PEILDATUM_2013, cases.PEILDATUM_2019)


def vingerafdrukken() -> dict[str, str]:
    """The fingerprint of every version of every registered kader."""
    uit = {}
    for kader in list_kaders():
        for versie in kader.versies:
            uit[f"{kader.id}/{versie.versie}"] = vingerafdruk(
                load_kader(kader.id, versie.geldig_van)
            )
    return uit


def uitkomsten() -> dict[str, str]:
    """A sha256 of the JSON of 200 seeded cases per registered kader and peildatum."""
    gevallen = cases.genereer("answers", 100, 5) + cases.genereer("signals", 100, 6)
    uit = {}
    for kader in list_kaders():
        for peildatum in PEILDATA:
            if kader.versie_op(peildatum) is None:
                continue
            h = hashlib.sha256()
            for tekst in evaluate_many(
                (json.dumps(c) for c in gevallen), kader.id, peildatum, als_json=True
            ):
                assert isinstance(tekst, str)
                h.update(tekst.encode())
            uit[f"{kader.id}@{peildatum.isoformat()}"] = h.hexdigest()
    return uit


_SCRIPT = """
import json, sys
sys.path.insert(0, {wortel!r})
sys.path.insert(0, {tests!r})
sys.path.insert(0, {hier!r})
import test_determinisme as t
print(json.dumps({{"vingerafdrukken": t.vingerafdrukken(), "uitkomsten": t.uitkomsten()}}))
"""


def _in_proces(hashseed: str) -> dict[str, dict[str, str]]:
    hier = Path(__file__).parent
    code = _SCRIPT.format(wortel=str(WORTEL), tests=str(hier.parent), hier=str(hier))
    omgeving = {**os.environ, "PYTHONHASHSEED": hashseed}
    uit = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=omgeving,
        timeout=120,
    )
    return json.loads(uit.stdout)


def test_two_processes_give_the_same_bytes_and_fingerprints() -> None:
    hier = {"vingerafdrukken": vingerafdrukken(), "uitkomsten": uitkomsten()}
    een, twee = _in_proces("1"), _in_proces("2")
    assert een == twee == hier
    assert len(hier["vingerafdrukken"]) >= 2
    assert {"basis/2013", "basis/2019"} <= set(hier["vingerafdrukken"])


def test_every_uitkomst_carries_its_versions_fingerprint() -> None:
    afdrukken = vingerafdrukken()
    for kader in list_kaders():
        for versie in kader.versies:
            uitkomst = evaluate({"id": "c"}, kader.id, versie.geldig_van)
            assert uitkomst.kader.vingerafdruk == afdrukken[f"{kader.id}/{versie.versie}"]
    assert len(set(afdrukken.values())) == len(afdrukken), "two versions share a fingerprint"


@pytest.mark.parametrize("wijziging", ["voorwaarde", "passage", "label"])
def test_the_fingerprint_changes_when_a_rule_changes(wijziging: str) -> None:
    basis = next(k for k in list_kaders() if k.id == "basis")
    versie = basis.versie_op(cases.PEILDATUM_2019)
    assert versie is not None
    regel = versie.regels[0]
    if wijziging == "voorwaarde":
        gewijzigd = dataclasses.replace(regel, als=regel.als | Altijd())
    elif wijziging == "label":
        gewijzigd = dataclasses.replace(regel, label=regel.label + " (gewijzigd)")
    else:
        bron = dataclasses.replace(regel.bron, passage=regel.bron.passage + " (gewijzigd)")
        gewijzigd = dataclasses.replace(regel, bron=bron)
    nieuwe_versie = dataclasses.replace(versie, regels=(gewijzigd, *versie.regels[1:]))
    nieuw = dataclasses.replace(
        basis, versies=tuple(nieuwe_versie if v is versie else v for v in basis.versies)
    )
    oud = vingerafdruk(load_kader("basis", cases.PEILDATUM_2019))
    anders = vingerafdruk(Registry([nieuw]).resolve("basis", cases.PEILDATUM_2019))
    assert oud != anders


def test_same_bytes_across_runs_memo_states_and_paths() -> None:
    gevallen = cases.genereer("signals", 150, 9) + cases.genereer("answers", 150, 10)
    for peildatum in PEILDATA:
        effectief = load_kader("basis", peildatum)
        eerste = [evaluate(c, "basis", peildatum).model_dump_json() for c in gevallen]
        tweede = [evaluate(json.dumps(c), "basis", peildatum).model_dump_json() for c in gevallen]
        koud = NativeKader(effectief)  # a fresh engine: empty memo
        derde = [koud.evaluate_json(validate_casus(c), peildatum) for c in gevallen]
        assert eerste == tweede == derde
        # A round trip through the model gives the same bytes (nothing unserialisable).
        assert [Uitkomst.model_validate_json(t).model_dump_json() for t in eerste] == eerste


def test_outcomes_do_not_share_mutable_state() -> None:
    a = evaluate({"id": "a", "antwoorden": {"vermoeden": "ja"}}, "basis", date(2024, 1, 1))
    b = evaluate({"id": "b", "antwoorden": {"vermoeden": "ja"}}, "basis", date(2024, 1, 1))
    a.afwegingen.clear()
    assert len(b.afwegingen) == 6
    c = b.model_copy(update={"casus_id": "c"})
    assert c.casus_id == "c"
    assert c.model_dump_json().replace('"c"', '"b"', 1) == b.model_dump_json()


_WARM: dict[str, NativeKader] = {}
"""One engine per kader for the whole test: its memo tables fill (and empty) across examples."""


@pytest.mark.parametrize("kader", [k.id for k in list_kaders()])
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_memoised_outcome_is_the_plain_composition(kader: str, data: st.DataObject) -> None:
    """The speed layer (memo tables by fact values and by rule results) decides nothing.

    Casussen aimed at each kader, evaluated by one warm engine, are byte for byte the plain
    composition of :func:`meldcode_rules.besluit.beslis` on the same facts: parts shared
    between casussen whose facts differ (e.g. the acties of two casussen whose rules give
    the same results) never carry one casus's trace into another's outcome.
    """
    peildatum = data.draw(st.sampled_from(PEILDATA))
    try:
        effectief = load_kader(kader, peildatum)
    except KaderError:
        assume(False)  # no version of this kader on that date
    sleutel = f"{kader}@{effectief.versie.versie}"
    if sleutel not in _WARM:
        _WARM[sleutel] = NativeKader(effectief)
    motor = _WARM[sleutel]
    gevallen = strategies.casussen(kader=kader, peildatum=peildatum)
    for casus in data.draw(st.lists(gevallen, min_size=1, max_size=4)):
        antwoorden = {a: getattr(casus.antwoorden, a) for a in AFWEGINGEN}
        besluit = motor.besluit(antwoorden, afleiden(casus, peildatum))
        plain = Uitkomst(**besluit.uitkomst_velden(casus.id, peildatum, motor.info, "native"))
        for bronnen in ("verwijzing", "volledig"):
            assert motor.evaluate_json(casus, peildatum, bronnen) == plain.als_json(bronnen)


_ANTWOORDMOTOR = NativeKader(load_kader("basis", cases.PEILDATUM_2019))


@settings(max_examples=300, deadline=None)
@given(
    strategies.antwoorden()
    | st.builds(Antwoorden, twijfel=st.frozensets(st.sampled_from(AFWEGINGEN), min_size=1)),
    st.sampled_from(["verwijzing", "volledig"]),
)
def test_an_answers_only_casus_in_two_parts_is_its_json(
    antwoorden: Antwoorden, bronnen: Bronnen
) -> None:
    """The stream's answers-only path: the head and the shared rest are the casus's JSON.

    Answers objects with the same values but other fields set, or in another order, share
    the rest by value; answers with ``twijfel`` are left to the full path (``None``).
    """
    motor, peildatum = _ANTWOORDMOTOR, cases.PEILDATUM_2019
    for casus_id in ("a", "b-2"):
        casus = Casus(id=casus_id, antwoorden=antwoorden)
        volledig = motor.evaluate_json(casus, peildatum, bronnen)
        delen = motor.evaluate_json_antwoorden(casus_id, antwoorden, peildatum, bronnen)
        if antwoorden.twijfel:
            assert delen is None
            continue
        assert delen is not None
        assert (delen[0] + delen[1]).decode() == volledig
        # The same values, every one given explicitly: another object, the same text.
        expliciet = Antwoorden(**{a: getattr(antwoorden, a) for a in AFWEGINGEN})
        zelfde = motor.evaluate_json_antwoorden(casus_id, expliciet, peildatum, bronnen)
        assert zelfde is not None
        assert zelfde[1] == delen[1]
