"""The symbolic checker against the engine, the enumeration and real casussen.

- The z3 translation computes what the native engine computes: on casussen drawn with
  hypothesis, every rule result, afweging, beslissing and actie of the solver's model (with
  the inputs fixed to the casus's facts) equals the engine's outcome.
- The facts' own constraints (``feiten.BEPERKINGEN``) hold for every casus: each derived fact
  set satisfies them, checked directly and by the solver.
- On every shipped kader the proofs and the enumeration give the same verdicts.
- Without z3, ``meldcode check`` enumerates and says so.
"""

from __future__ import annotations

from datetime import date

import pytest
import z3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldcode_rules.afwegingen import AFWEGINGEN, BESLISSINGEN
from meldcode_rules.analysis import analyseer, controles
from meldcode_rules.analysis.symbolisch import AANTALLEN, DRIEWAARDIG, Evaluatie, Invoer
from meldcode_rules.casus import Casus
from meldcode_rules.cli import main
from meldcode_rules.engine import native
from meldcode_rules.errors import EngineUnavailable
from meldcode_rules.feiten import BEPERKINGEN, CATALOGUS, Feiten, afleiden, beperkingen_geschonden
from meldcode_rules.logica import JA, NEE, ONBEKEND, Waarde
from meldcode_rules.registry import default_registry
from meldcode_rules.testing import casussen

REGISTER = default_registry()
VERSIES = [(k.id, e) for k in REGISTER.kaders() for e in REGISTER.resolved_versions(k)]
PEIL = {
    "2013": date(2016, 5, 1),
    "2018": date(2021, 3, 1),
    "2019": date(2024, 6, 1),
    "2023": date(2024, 6, 1),
}


def _peildatum(effectief) -> date:
    return max(effectief.versie.geldig_van, PEIL.get(effectief.versie.versie, date(2024, 6, 1)))


def _vast(x: Invoer, antwoorden: dict[str, Waarde], feiten: Feiten) -> list[z3.BoolRef]:
    """Constraints that fix every input variable to a casus."""
    uit = []
    for a in AFWEGINGEN:
        d, w = x.antwoord[a], antwoorden[a]
        uit += [d.ja == (w is JA), d.nee == (w is NEE)]
    for n in AANTALLEN:
        w = feiten[n]
        uit.append(x.aanwezig(n) == (w is not None))
        uit.append(x.getal[n] == (w if isinstance(w, int) else 0))
    for n in DRIEWAARDIG:
        w = feiten[n]
        d = x.drie[n]
        uit += [x.gegeven[n] == (w is not None), d.ja == (w is JA), d.nee == (w is NEE)]
    return uit


def _drie(model: z3.ModelRef, d) -> Waarde:
    return d.waarde(model)


@pytest.mark.parametrize(("kader", "effectief"), VERSIES, ids=lambda v: getattr(v, "sleutel", v))
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_the_translation_computes_what_the_engine_computes(kader, effectief, data) -> None:
    peildatum = _peildatum(effectief)
    casus: Casus = data.draw(casussen(kader=kader, peildatum=peildatum))
    feiten = afleiden(casus, peildatum)
    antwoorden = {a: getattr(casus.antwoorden, a) for a in AFWEGINGEN}
    motor = native(effectief)
    besluit = motor.besluit(antwoorden, feiten)

    x = Invoer("x")
    ev = Evaluatie(motor.vorm, x)
    s = z3.Solver()
    s.add([t for _, t in x.beperkingen()])
    s.add(_vast(x, antwoorden, feiten))
    assert s.check() == z3.sat, "a real casus breaks the declared constraints"
    m = s.model()

    for a in AFWEGINGEN:
        assert _drie(m, ev.waarde[a]) is besluit.afwegingen[a].waarde, a
    for d in BESLISSINGEN:
        gekozen = [w for w, t in ev.keuze[d].items() if z3.is_true(m.eval(t))]
        assert gekozen == [besluit.melden if d == "melden" else besluit.hulp], d
    env = dict(feiten)
    env.update({a: besluit.afwegingen[a].waarde for a in AFWEGINGEN})
    env["melden"], env["hulp"] = besluit.melden, besluit.hulp
    for regel in motor.vorm.regels:
        assert _drie(m, ev.resultaat[regel.index]) is motor.toets(regel, env), regel.regel.id
    acties = {a.code for a in besluit.acties}
    for regel in motor.vorm.per_doel["actie"]:
        vuurt = z3.is_true(m.eval(ev.resultaat[regel.index].ja))
        assert not vuurt or regel.regel.conclusie in acties


@given(casus=casussen(peildatum=date(2024, 6, 1)), peildatum=st.dates(date(2013, 1, 1)))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_real_casus_meets_the_declared_constraints(casus: Casus, peildatum: date) -> None:
    assert beperkingen_geschonden(afleiden(casus, peildatum)) == []


def test_the_constraints_are_declared_next_to_the_facts() -> None:
    namen: set[str] = set()
    for b in BEPERKINGEN:
        assert b.omschrijving
        namen |= set(getattr(b, "delen", ())) | set(getattr(b, "feiten", ()))
        namen |= {getattr(b, "geheel", "aantal_signalen")}
        if hasattr(b, "als"):
            namen |= b.als.feiten() | b.dan.feiten()
    assert namen <= set(CATALOGUS)
    assert {"aantal_seksueel_door_medewerker", "aantal_signaaldata", "gesprek_gevoerd"} <= namen
    leeg = afleiden(Casus(id="x"), date(2024, 6, 1))
    kapot = {**leeg, "aantal_signalen": 1, "aantal_signaaldata": 2}
    for n, info in CATALOGUS.items():
        if info.bron == "signalen":
            kapot.setdefault(n, 0)
            kapot[n] = kapot[n] if kapot[n] is not None else 0
    kapot["aantal_lichamelijk_geweld"] = 1
    kapot["aantal_waargenomen"] = 1
    kapot["aantal_door_anderen"] = 1
    assert beperkingen_geschonden(kapot) == [
        "niet meer signaaldata dan signalen (een signaal zonder datum telt geen datum)"
    ]


@pytest.mark.parametrize("kader", [k.id for k in REGISTER.kaders()])
def test_the_proofs_and_the_enumeration_agree_on_every_shipped_kader(kader: str) -> None:
    symbolisch = analyseer(kader)
    opgesomd = analyseer(kader, methode="opsomming")
    assert symbolisch.ok
    assert opgesomd.ok
    for s, o in zip(symbolisch.versies, opgesomd.versies, strict=True):
        for us, uo in zip(s.uitslagen, o.uitslagen, strict=True):
            assert us.naam == uo.naam
            assert us.status in ("bewezen", "niet_van_toepassing")
            # The enumeration proves what it can count and samples the rest, never less.
            assert uo.status in ("bewezen", "niet_van_toepassing", "steekproef")
            assert (us.status == "niet_van_toepassing") == (uo.status == "niet_van_toepassing")
    assert "symbolisch bewezen met z3" in symbolisch.bewijzer
    assert symbolisch.seconden > 0


def test_without_z3_check_enumerates_and_says_so(monkeypatch, capsys) -> None:
    monkeypatch.setattr(controles, "z3_beschikbaar", lambda: False)
    assert main(["check", "basis"]) == 0
    uit = capsys.readouterr().out
    assert "z3 is niet geïnstalleerd" in uit
    assert "meldcode-rules[check]" in uit
    assert "symbolisch (z3" not in uit
    with pytest.raises(EngineUnavailable, match=r"meldcode-rules\[check\]"):
        analyseer("basis", methode="z3")


def test_check_alle_reports_every_kader_and_the_total_time(capsys) -> None:
    assert main(["check", "--alle"]) == 0
    uit = capsys.readouterr().out
    for kader in REGISTER.kaders():
        assert f"kader {kader.id} — consistent" in uit
    assert f"meldcode check: {len(REGISTER.kaders())} kaders, alle kaders consistent;" in uit
    assert "alleen gesteekproefd" not in uit


def test_an_unknown_is_onbekend_in_the_translation() -> None:
    """A fact that is not supplied reads as onbekend (the smallest case, by hand)."""
    x = Invoer("x")
    s = z3.Solver()
    s.add([t for _, t in x.beperkingen()])
    s.add(z3.Not(x.gegeven["hulp_aanvaard"]))
    assert s.check() == z3.sat
    assert x.drie["hulp_aanvaard"].waarde(s.model()) is ONBEKEND
