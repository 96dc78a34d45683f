"""The compact result keeps the audit trail: with the version's texts it is the full result.

A compact outcome (``bronnen``: ``verwijzing``, the default JSON) leaves out each rule's
passage and each afweging's question; ``list_bronnen`` (``meldcode kaders --bronnen``)
gives them per kader version and rule id. Put back, they give the full form byte for byte,
for every version of every registered kader, so nothing an auditor needs is lost.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from testhulp import cases

from meldcode_rules import evaluate, list_bronnen, list_kaders
from meldcode_rules.errors import KaderError
from meldcode_rules.schema import json_schema
from meldcode_rules.uitkomst import Uitkomst

VERSIES = [(k.id, v.versie, v.geldig_van) for k in list_kaders() for v in k.versies]


def _aangevuld(compact: dict[str, Any], bronnen: dict[str, Any]) -> dict[str, Any]:
    """The compact JSON with the texts put back from the bronnen document."""
    per_regel = {r["regel"]: r["bron"] for r in bronnen["regels"]}
    uit = json.loads(json.dumps(compact))
    uit["bronnen"] = "volledig"
    for naam, afweging in uit["afwegingen"].items():
        afweging["vraag"] = bronnen["vragen"][naam]
    sporen = [s for a in uit["afwegingen"].values() for s in a["spoor"]]
    sporen += [s for b in uit["beslissingen"].values() for s in b["spoor"]]
    for deel in [*sporen, *uit["acties"]]:
        assert deel["bron"] is None
        deel["bron"] = per_regel[deel["regel"]]
    return uit


@pytest.mark.parametrize(("kader", "versie", "geldig_van"), VERSIES)
def test_compact_plus_the_bronnen_document_is_the_full_form(
    kader: str, versie: str, geldig_van: Any
) -> None:
    document = list_bronnen(kader, versie=versie)
    assert document == list_bronnen(kader, geldig_van)
    tekst = json.loads(document.model_dump_json())
    jsonschema.validate(tekst, json_schema("bronnen"))
    gevallen = cases.genereer("answers", 60, 8, geldig_van) + cases.genereer(
        "dossiers", 40, 9, geldig_van
    )
    for casus in gevallen:
        u = evaluate(casus, kader, geldig_van)
        compact = json.loads(u.model_dump_json())
        assert compact["bronnen"] == "verwijzing"
        assert compact["kader"]["vingerafdruk"] == tekst["kader"]["vingerafdruk"]
        assert compact["kader"]["versie"] == versie
        volledig = u.als_json("volledig")
        assert json.dumps(_aangevuld(compact, tekst)) == json.dumps(json.loads(volledig))


def test_a_compact_result_reads_back_and_says_what_it_is() -> None:
    u = evaluate({"id": "c", "antwoorden": {"vermoeden": "ja"}}, "basis", cases.PEILDATUM_2019)
    terug = Uitkomst.model_validate_json(u.model_dump_json())
    assert terug.bronnen == "verwijzing"
    assert terug.afwegingen["vermoeden"].vraag is None
    # A compact result cannot claim to be full: asked for the full form, it stays compact.
    assert json.loads(terug.als_json("volledig"))["bronnen"] == "verwijzing"
    assert terug.als_json("volledig") == u.model_dump_json()
    assert Uitkomst.model_validate_json(u.als_json("volledig")) == u


def test_compact_is_much_smaller() -> None:
    gevallen = cases.genereer("answers", 200, 10)
    compact = volledig = 0
    for casus in gevallen:
        u = evaluate(casus, "basis", cases.PEILDATUM_2019)
        compact += len(u.model_dump_json())
        volledig += len(u.als_json("volledig"))
    assert compact < 0.6 * volledig


def test_an_unknown_version_is_named() -> None:
    with pytest.raises(KaderError, match=r"geen versie met die naam \(versies: 2013, 2019\)"):
        list_bronnen("basis", versie="1999")
    with pytest.raises(ValueError, match="niet allebei"):
        list_bronnen("basis", cases.PEILDATUM_2019, versie="2019")


@pytest.mark.parametrize("opdracht", [["docs", "basis"], ["kaders", "--bronnen", "basis"]])
def test_a_version_is_chosen_one_way_in_every_command(
    opdracht: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``docs`` and ``kaders --bronnen``: by name or by date, never both; the same messages."""
    from meldcode_rules.cli import main  # noqa: PLC0415

    assert main([*opdracht, "--versie", "2019", "--peildatum", "2024-01-01"]) == 2
    assert "niet samen te gebruiken" in capsys.readouterr().err
    assert main([*opdracht, "--versie", "1999"]) == 2
    fout = capsys.readouterr().err
    assert "geen versie met die naam (versies: 2013, 2019)" in fout
    assert "Traceback" not in fout


def test_the_cli_prints_the_bronnen(capsys: pytest.CaptureFixture[str]) -> None:
    from meldcode_rules.cli import main  # noqa: PLC0415

    assert main(["kaders", "--bronnen", "basis", "--versie", "2019", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, json_schema("bronnen"))
    assert document["kader"]["versie"] == "2019"
    assert main(["kaders", "--bronnen", "basis", "--peildatum", "2015-01-01"]) == 0
    assert "basis versie 2013" in capsys.readouterr().out
