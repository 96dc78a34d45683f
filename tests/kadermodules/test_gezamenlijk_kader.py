"""The joint kader of sixteen organisations: its wording, the doubt action, never weaker than basis."""

from __future__ import annotations

from datetime import date

from kaderhulp import gevuurd, nooit_zwakker_dan_basis
from testhulp import casus, sig

from meldcode_rules import evaluate, load_kader
from meldcode_rules.norm import norm_schendingen

PEIL = date(2024, 6, 1)
REGEL = "gezamenlijk_actie_collega_of_aandachtsfunctionaris"


def test_kom_je_er_niet_uit() -> None:
    twijfel = evaluate(
        casus([sig()], {"vermoeden": "ja"}), kader="gezamenlijk_kader", peildatum=PEIL
    )
    assert twijfel.melden == "onbepaald"
    assert REGEL in gevuurd(twijfel)
    # a signal that settles the decision (acute onveiligheid): no doubt, no rule
    helder = evaluate(
        casus([sig(kenmerken=("direct_levensgevaar",))], {"vermoeden": "ja"}),
        kader="gezamenlijk_kader",
        peildatum=PEIL,
    )
    assert helder.melden == "ja"
    assert helder.hulp == "met_veilig_thuis"
    assert REGEL not in gevuurd(helder)


def test_eigen_afwegingsvragen() -> None:
    u = evaluate(casus(), kader="gezamenlijk_kader", peildatum=PEIL)
    assert "stappen 1 tot en met 3" in u.afwegingen["vermoeden"].vraag
    assert u.afwegingen["acute_onveiligheid"].vraag.startswith("Heb ik een vermoeden van of is er")


def test_nooit_zwakker_dan_basis() -> None:
    assert nooit_zwakker_dan_basis("gezamenlijk_kader", PEIL) == []
    assert norm_schendingen(load_kader("gezamenlijk_kader", PEIL)) == []
