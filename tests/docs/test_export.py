"""The site's JSON exports against the library: the walk-through table and the register index.

The walk-through (``render.doorloop``) must give, for every one of the 729 answer
combinations, exactly what :func:`meldcode_rules.evaluate` gives for a casus with those
answers: both beslissingen, the rules that gave them (with their sources), what an
onbepaald hangs on, the acties and the signaleringen. The register index
(``render.register_index``) must find every name the way :func:`kader_for` does.
"""

from __future__ import annotations

import itertools
import json
import tomllib
from pathlib import Path

import pytest

from meldcode_rules import evaluate, kader_for, render
from meldcode_rules.afwegingen import AFWEGINGEN
from meldcode_rules.beroepsgroepen import (
    AmbiguousBeroepsgroep,
    BeroepsgroepError,
    beroepsgroepen,
    normaliseer,
    woordvolgorde,
)
from meldcode_rules.logica import Waarde
from meldcode_rules.registry import default_registry
from meldcode_rules.ruimte import AANTAL, combinaties, index

WAARDEN = ("ja", "nee", "onbekend")
ROOT = Path(__file__).resolve().parents[2]


def _versies() -> list[tuple[str, str]]:
    return [(k.id, v.versie) for k in default_registry().kaders() for v in k.versies]


@pytest.mark.parametrize(("kader_id", "versie"), _versies())
def test_every_walk_through_entry_equals_evaluate(kader_id: str, versie: str) -> None:
    reg = default_registry()
    kader = reg.kader(kader_id)
    kv = kader.versie(versie)
    assert kv is not None
    export = json.loads(render.doorloop_json(reg.resolve(kader, kv.geldig_van)))
    assert export["formaat"] == "meldcode-doorloop/1"
    assert [a["naam"] for a in export["afwegingen"]] == list(AFWEGINGEN)
    assert [a["waarde"] for a in export["antwoorden"]] == list(WAARDEN)
    assert len(export["tabel"]) == AANTAL
    assert sorted(set(export["tabel"])) == list(range(len(export["uitkomsten"])))
    for afweging in export["afwegingen"]:
        assert afweging["vraag"] == reg.resolve(kader, kv.geldig_van).vraag(afweging["naam"])
    for i, combinatie in enumerate(itertools.product(WAARDEN, repeat=len(AFWEGINGEN))):
        antwoorden = dict(zip(AFWEGINGEN, combinatie, strict=True))
        u = evaluate({"id": "t", "antwoorden": antwoorden}, kader=kader_id, peildatum=kv.geldig_van)
        assert u.kader.model_dump(mode="json") == export["kader"]
        e = export["uitkomsten"][export["tabel"][i]]
        assert (e["melden"], e["hulp"]) == (u.melden, u.hulp), combinatie
        for doel in ("melden", "hulp"):
            b = u.beslissingen[doel]
            assert e["spoor"][doel] == [[s.regel, s.resultaat.value] for s in b.spoor]
            assert e["hangt_af_van"][doel] == list(b.hangt_af_van)
            for s in b.spoor:
                regel = export["regels"][s.regel]
                assert regel["label"] == s.label
                assert regel["voorwaarde"] == s.voorwaarde
                assert regel["bron"] == s.bron.model_dump(mode="json")
        acties = [export["acties"][a] for a in e["acties"]]
        assert acties == [a.model_dump(mode="json") for a in u.acties]
        signaleringen = [export["signaleringen"][s] for s in e["signaleringen"]]
        assert signaleringen == [s.model_dump(mode="json") for s in u.signaleringen]
        afgeleid = {n: a.waarde.value for n, a in u.afwegingen.items() if a.waarde != a.antwoord}
        assert e.get("afgeleid", {}) == afgeleid


def test_the_walk_through_index_is_the_order_of_ruimte() -> None:
    """The formula in the format's docstring: i = sum(antwoorden.index(a_k) * 3 ** (5 - k))."""
    for i, combinatie in enumerate(combinaties()):
        waarden = dict(zip(AFWEGINGEN, combinatie, strict=True))
        formule = sum(
            WAARDEN.index(w.value) * 3 ** (len(AFWEGINGEN) - 1 - k)
            for k, w in enumerate(combinatie)
        )
        assert index(waarden) == formule == i
        assert all(isinstance(w, Waarde) for w in combinatie)


def _zoek(index: dict[str, object], vraag: str) -> list[int]:
    """The lookup the site's script does, in Python: normalised key, then word order."""
    sleutels = index["sleutels"]
    volgorde = index["volgorde"]
    assert isinstance(sleutels, dict)
    assert isinstance(volgorde, dict)
    sleutel = normaliseer(vraag)
    if not sleutel:
        return []
    return list(sleutels.get(sleutel) or volgorde.get(woordvolgorde(vraag)) or [])


def _vragen() -> list[str]:
    """Every name in the register, a few ways of writing each, and titles from the field."""
    namen = [n for b in beroepsgroepen() for n in b.namen]
    titels = tomllib.loads((ROOT / "tests" / "beroepstitels.toml").read_text("utf-8"))
    uit = list(namen)
    uit += [n.upper() for n in namen]
    uit += [" ".join(reversed(n.split())) for n in namen if " " in n]
    uit += [t["titel"] for t in titels["titels"]]
    uit += ["huisartss", "onbekende functie", "constructor", "__proto__", "x"]
    return uit


def test_the_register_index_finds_every_name_like_kader_voor() -> None:
    index = render.register_index(default_registry())
    groepen = index["beroepsgroepen"]
    for vraag in _vragen():
        gevonden = [groepen[i]["naam"] for i in _zoek(index, vraag)]
        try:
            keuze = kader_for(vraag)
        except AmbiguousBeroepsgroep as fout:
            kandidaten = [b.naam for b in fout.kandidaten]
            assert gevonden == kandidaten, vraag
            continue
        except BeroepsgroepError:
            assert gevonden == [], vraag
            continue
        assert gevonden == [keuze.beroepsgroep.naam], vraag
        (rij,) = [g for g in groepen if g["naam"] == keuze.beroepsgroep.naam]
        assert (rij["status"], rij["kader"]) == (keuze.status, keuze.kader)
