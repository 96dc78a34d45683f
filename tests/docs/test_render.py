"""render.py against the engine: the flowchart and the decision table agree on all 729 combinations."""

from __future__ import annotations

import itertools
import re
from datetime import date

import orakel
import pytest
from lezers import lees_beslistabel, lees_stroomschema

from meldcode_rules import render
from meldcode_rules.afwegingen import AFWEGING, BESLISSING
from meldcode_rules.casus import Casus
from meldcode_rules.cli import main
from meldcode_rules.engine import compileer, native
from meldcode_rules.kader import Kader, KaderVersie, ResolvedKader
from meldcode_rules.regels import AFWEGINGEN, OpenVraag
from meldcode_rules.registry import Registry, default_registry
from meldcode_rules.render import mermaid
from meldcode_rules.render.mermaid import PIJL_WAARDEN
from meldcode_rules.ruimte import beslissingen, combinaties

WAARDEN = ("ja", "nee", "onbekend")


def _versies() -> list[tuple[str, str]]:
    return [(k.id, v.versie) for k in default_registry().kaders() for v in k.versies]


def _effectief(kader_id: str, versie: str) -> ResolvedKader:
    reg = default_registry()
    kader = reg.kader(kader_id)
    v = kader.versie(versie)
    assert v is not None
    return reg.resolve(kader, v.geldig_van)


_ENGINE_CACHE: dict[tuple[str, str], dict[tuple[str, ...], tuple[str, str]]] = {}


def _engine(effectief: ResolvedKader) -> dict[tuple[str, ...], tuple[str, str]]:
    """The engine's (melden, hulp) for a casus carrying only the answers, per combination."""
    sleutel = (effectief.kader.id, effectief.versie.versie)
    if sleutel not in _ENGINE_CACHE:
        motor = compileer(effectief)
        peildatum = effectief.versie.geldig_van
        uit = {}
        for combinatie in itertools.product(WAARDEN, repeat=len(AFWEGINGEN)):
            casus = Casus(id="c", antwoorden=dict(zip(AFWEGINGEN, combinatie, strict=True)))
            u = motor.evaluate(casus, peildatum)
            uit[combinatie] = (u.melden, u.hulp)
        _ENGINE_CACHE[sleutel] = uit
    return _ENGINE_CACHE[sleutel]


@pytest.mark.parametrize(("kader_id", "versie"), _versies())
def test_beslistabel_rows_equal_the_engine(kader_id: str, versie: str) -> None:
    effectief = _effectief(kader_id, versie)
    engine = _engine(effectief)
    markdown = render.beslistabel_markdown(render.beslistabel(effectief))
    rijen = lees_beslistabel(markdown)
    gezien: list[tuple[str, ...]] = []
    for waarden, melden, hulp in rijen:
        for combinatie in itertools.product(*(sorted(s) for s in waarden)):
            assert engine[combinatie] == (melden, hulp), (combinatie, melden, hulp)
            gezien.append(combinatie)
    # Every combination exactly once: the table is an exact, disjoint cover.
    assert sorted(gezien) == sorted(engine)
    assert len(rijen) < 729  # and it is actually compact


_BLAD = re.compile(r"Melden: <b>(.+)</b><br/>Hulp: <b>(.+)</b>")
_MELDEN_TERUG = {tekst: waarde for waarde, tekst in BESLISSING["melden"].kort}
_HULP_TERUG = {tekst: waarde for waarde, tekst in BESLISSING["hulp"].kort}


def _mogelijk(tekst: str, kop: str) -> set[str]:
    """The values a weet-ik-niet node lists for one beslissing (``Melden: ja of onbepaald``)."""
    (regel,) = [r for r in tekst.split("<br/>") if r.startswith(f"{kop}: ")]
    return set(regel.removeprefix(f"{kop}: ").split(" of "))


def _volg(
    labels: dict[str, str],
    pijlen: dict[str, list[tuple[str, str]]],
    knoop: str,
    combinatie: tuple[str, ...],
) -> tuple[str, str]:
    """Follow the chart for one combination, as a reader would; return (melden, hulp)."""
    vraag_van = {AFWEGING[a].label: i for i, a in enumerate(AFWEGINGEN)}
    stappen = 0
    while knoop.startswith("v"):
        stappen += 1
        assert stappen <= len(AFWEGINGEN)
        i = vraag_van[labels[knoop]]
        (doel,) = [d for label, d in pijlen[knoop] if combinatie[i] in PIJL_WAARDEN[label]]
        if doel.startswith("w"):
            # A weet-ik-niet node: what ja and nee both give holds, the rest is onbepaald ...
            ja = _volg(labels, pijlen, knoop, (*combinatie[:i], "ja", *combinatie[i + 1 :]))
            nee = _volg(labels, pijlen, knoop, (*combinatie[:i], "nee", *combinatie[i + 1 :]))
            uit = (
                ja[0] if ja[0] == nee[0] else "onbepaald",
                ja[1] if ja[1] == nee[1] else "onbepaald",
            )
            # ... and the node lists that outcome among the possible ones.
            melden = BESLISSING["melden"].kort_voor(uit[0])
            hulp = BESLISSING["hulp"].kort_voor(uit[1])
            assert melden in _mogelijk(labels[doel], "Melden"), (doel, uit)
            assert hulp in _mogelijk(labels[doel], "Hulp"), (doel, uit)
            return uit
        knoop = doel
    melden, hulp = _BLAD.fullmatch(labels[knoop]).groups()
    return _MELDEN_TERUG[melden], _HULP_TERUG[hulp]


@pytest.mark.parametrize(("kader_id", "versie"), _versies())
def test_stroomschema_leads_every_combination_to_the_engine_outcome(
    kader_id: str, versie: str
) -> None:
    effectief = _effectief(kader_id, versie)
    engine = _engine(effectief)
    labels, pijlen = lees_stroomschema(render.stroomschema(effectief))
    ((_, eerste),) = pijlen["start"]
    for combinatie, verwacht in engine.items():
        assert _volg(labels, pijlen, eerste, combinatie) == verwacht, combinatie


@pytest.mark.parametrize(("kader_id", "versie"), _versies())
def test_stroomschema_is_drawn_for_a_reader(kader_id: str, versie: str) -> None:
    """Questions in flow order, each once; ja and nee are arrows of their own; weet ik niet
    is one arrow per question, never a third copy of the tree (in the shipped kaders)."""
    effectief = _effectief(kader_id, versie)
    labels, pijlen = lees_stroomschema(render.stroomschema(effectief))
    volgorde = [AFWEGING[a].label for a in AFWEGINGEN]
    vragen = [labels[n] for n in labels if n.startswith("v")]
    assert len(vragen) == len(set(vragen))  # each question once
    for van, uitgaand in pijlen.items():
        if van == "start":
            continue
        gedekt = [w for label, _ in uitgaand for w in PIJL_WAARDEN[label]]
        assert sorted(gedekt) == sorted(WAARDEN)  # every answer has exactly one arrow
        labels_uit = {label for label, _ in uitgaand}
        assert labels_uit & {"ja", "ja of weet ik niet"}
        assert labels_uit & {"nee", "nee of weet ik niet"}
        for label, naar in uitgaand:
            if label == "weet ik niet":
                assert naar.startswith("w"), f"{van}: weet ik niet leads into a copy of the tree"
            if naar.startswith("v"):
                assert volgorde.index(labels[naar]) > volgorde.index(labels[van])
    for naam, tekst in labels.items():
        if naam.startswith("w"):
            assert "raadpleeg Veilig Thuis" in tekst


def test_weet_ik_niet_without_a_shortcut_gets_the_exact_subtree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A kader whose weet ik niet is neither ja, nee nor their merge still gets a right chart."""
    basis = _effectief("basis", "2019")
    tabel = list(beslissingen(native(basis)))
    # vermoeden onbekend and every other answer ja: "melden ja, hulp ja", which no shortcut
    # describes (ja gives hulp met_veilig_thuis, nee niet_van_toepassing).
    for i, combinatie in enumerate(combinaties()):
        if combinatie[0].value == "onbekend" and all(w.value == "ja" for w in combinatie[1:]):
            tabel[i] = ("ja", "ja")
    monkeypatch.setattr(mermaid, "beslissingen", lambda _motor: tuple(tabel))
    tekst = mermaid.stroomschema(basis)
    labels, pijlen = lees_stroomschema(tekst)
    ((_, eerste),) = pijlen["start"]
    vragen = [labels[n] for n in labels if n.startswith("v")]
    assert len(vragen) > len(set(vragen))  # a copy, drawn because it is needed
    for i, combinatie in enumerate(combinaties()):
        waarden = tuple(w.value for w in combinatie)
        assert _volg(labels, pijlen, eerste, waarden) == tabel[i], waarden


@pytest.mark.parametrize(("kader_id", "versie"), _versies())
def test_the_answer_space_agrees_with_an_independent_interpreter(
    kader_id: str, versie: str
) -> None:
    """The one enumeration of the library (ruimte) against an oracle kept in the tests."""
    effectief = _effectief(kader_id, versie)
    eigen = [tuple(w.value for w in c) for c in combinaties()]
    assert dict(zip(eigen, beslissingen(native(effectief)), strict=True)) == orakel.uitkomsten(
        effectief
    )
    assert orakel.uitkomsten(effectief) == _engine(effectief)


def test_versie_pagina_has_the_fixed_sections_and_every_rule_with_its_source() -> None:
    effectief = _effectief("knmg", "2023")
    pagina = render.versie_pagina(effectief, [render.Invariant("x", "iets", "bewezen")])
    for kop in (
        "## Afwegingsvragen",
        "## Stroomschema",
        "## Beslistabel",
        "## Bijzonderheden van de sector",
        "## Regels",
        "## Open vragen",
        "## Gecontroleerde invarianten",
    ):
        assert kop in pagina
    assert "```mermaid\nflowchart TD" in pagina
    assert "## Doorlopen" not in pagina  # the walk-through is for the site only
    for regel in effectief.regels:
        blok = pagina.split(f"### {regel.id} {{ #{regel.id} }}", 1)[1].split("\n### ", 1)[0]
        for kop in (
            "#### Wat de regel vraagt",
            "#### Bron",
            "#### Wanneer ja / nee / onbekend",
            "#### Open vragen",
        ):
            assert kop in blok, (regel.id, kop)
        assert regel.bron.adres in blok
        assert regel.bron.passage in blok
        assert str(regel.als) in blok
    for vraag in effectief.versie.afwegingsvragen:
        assert vraag[1] in pagina
    for b in effectief.versie.bijzonderheden:
        assert b.titel in pagina
    assert "aanscherping door dit kader" in pagina  # knmg 2023 tightens a basis rule
    assert "| `x` | iets | bewezen |" in pagina


def test_dangling_reference_in_an_open_question_fails() -> None:
    basis = default_registry().kader("basis")
    v2019 = basis.versie("2019")
    assert v2019 is not None
    kapot = KaderVersie(
        versie=v2019.versie,
        geldig_van=v2019.geldig_van,
        geldig_tot=None,
        bron=v2019.bron,
        regels=v2019.regels,
        open_vragen=(OpenVraag(id="los", vraag="?", betreft=("bestaat_niet",)),),
    )
    kader = Kader(id="basis", naam="basis", sectoren=(), beroepsgroepen=(), versies=(kapot,))
    effectief = Registry([kader]).resolve(kader, date(2020, 1, 1))
    with pytest.raises(render.RenderError, match="bestaat_niet"):
        render.versie_pagina(effectief)


def test_invariants_never_weaker_for_an_extension_not_applicable_to_the_model() -> None:
    model = {i.naam: i for i in render.invarianten(_effectief("basis", "2019"))}
    assert model["nooit_zwakker_dan_basis"].status == "niet_van_toepassing"
    assert model["meldnorm"].status == "bewezen"
    sector = {i.naam: i for i in render.invarianten(_effectief("onderwijs", "2018"))}
    assert sector["nooit_zwakker_dan_basis"].status == "bewezen"
    assert "symbolisch" in sector["nooit_zwakker_dan_basis"].methode


def test_vergelijking_has_a_column_per_kader() -> None:
    tabel = render.vergelijking(default_registry())
    kop = tabel.splitlines()[0]
    for kader in default_registry().kaders():
        assert f"[{kader.id}]({kader.id}/index.md)" in kop
    assert "Aanscherpingen van het model" in tabel


def test_cli_docs_prints_one_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", "basis", "--versie", "2013"]) == 0
    uit = capsys.readouterr().out
    assert "## Basismodel" in uit
    assert "— versie 2013" in uit
    assert "— versie 2019" not in uit
    assert "```mermaid" in uit
    assert "| Vermoeden |" in uit
    assert "](#" not in uit  # no in-page links in plain output


def test_cli_docs_by_peildatum_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", "basis", "--peildatum", "2016-05-01"]) == 0
    assert "— versie 2013" in capsys.readouterr().out
    assert main(["docs", "basis", "--versie", "1999"]) == 2
    assert main(["docs", "bassis"]) == 2
    fout = capsys.readouterr().err
    assert "bedoelt u: basis" in fout
    assert "Traceback" not in fout


def test_every_invariant_of_every_shipped_version_is_proved_on_its_page() -> None:
    """KNMG 2023 has a layer of 2**17 regions: proved symbolically, never sampled."""
    for kader in default_registry().kaders():
        for versie in kader.versies:
            effectief = _effectief(kader.id, versie.versie)
            invarianten = render.invarianten(effectief)
            assert {i.status for i in invarianten} <= {"bewezen", "niet_van_toepassing"}
            assert {i.naam for i in invarianten if i.status == "bewezen"} >= {
                "onbekend_nooit_nee",
                "bereikbaarheid",
                "echte_bronpassages",
            }
            pagina = render.versie_pagina(effectief, invarianten)
            assert "steekproef" not in pagina
            assert "--uitputtend" not in pagina
