"""The enumeration (the cross-check of the proofs) and its limit; the proofs need none.

A layer whose rules read many signal kinds has 2**n regions; the enumeration takes a
covering sample above 4,096 and reports the invariants as sampled, never as proved. With
``uitputtend=True`` (``meldcode check --uitputtend``) it enumerates up to 2**20 regions. The
symbolic proofs (the default with z3) cover such spaces at once, and find a fault hidden in
one region of 8,192 as well.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Final

from meldcode_kaders import basis
from meldcode_rules.analysis import analyseer
from meldcode_rules.casus import Kenmerk
from meldcode_rules.cli import main
from meldcode_rules.kader import Kader
from meldcode_rules.regels import Bron, En, Minstens, Of, Regel

if TYPE_CHECKING:
    import pytest

BRON: Final = Bron(
    uitgever="meldcode-rules tests",
    titel="Kader met een grote feitruimte",
    versie="test",
    datum=None,
    adres="https://example.invalid/groot",
    passage="Een testkader: dertien signaalkenmerken in één afweging.",
)
_ONTHULLING: Final = (Kenmerk.ONTHULLING, Kenmerk.ONTHULLING_ACUUT_GEVAAR)
KENMERKEN: Final = [f"aantal_{k.value}" for k in Kenmerk if k not in _ONTHULLING][:13]
"""Thirteen markers; not the onthulling ones, whose "weigh it" signalering of the model a rule
deriving acute onveiligheid from them would make unreachable (the proofs see that)."""


def _acuut(regel_id: str, conclusie: str, samen: type[En | Of], label: str) -> Regel:
    """A rule on acute onveiligheid over the thirteen markers (any of them, or all together)."""
    return Regel(
        id=regel_id,
        doel="acute_onveiligheid",
        conclusie=conclusie,
        als=samen(*(Minstens(f, 1) for f in KENMERKEN)),
        bron=BRON,
        label=label,
    )


def _kader(kader_id: str, *extra: Regel) -> Kader:
    ja = _acuut("groot_acuut", "ja", Of, "Elk van dertien kenmerken is acute onveiligheid.")
    regels = (*basis.VERSIE_2019.regels, ja, *extra)
    return Kader(
        id=kader_id,
        naam=f"Testkader {kader_id}",
        sectoren=("onderwijs",),
        beroepsgroepen=(),
        versies=(replace(basis.VERSIE_2019, regels=regels),),
    )


def test_standaard_steekproef_uitputtend_bewezen() -> None:
    kader = _kader("groot")
    [standaard] = analyseer(kader, methode="opsomming").versies
    [volledig] = analyseer(kader, uitputtend=True).versies
    [symbolisch] = analyseer(kader).versies
    for naam in ("onbekend_nooit_nee", "tegenstrijdigheid", "bereikbaarheid"):
        assert standaard.uitslag(naam).status == "steekproef"
        assert volledig.uitslag(naam).status == "bewezen"
        assert symbolisch.uitslag(naam).status == "bewezen"


def test_uitputtend_vindt_de_fout_in_een_gebied() -> None:
    """A contradiction only where all fourteen kenmerken are present: one region in 2**13."""
    tegen = _acuut(
        "groot_tegen",
        "nee",
        En,
        "Alle dertien samen zouden geen acute onveiligheid zijn (opzettelijk fout).",
    )
    kader = _kader("groot_tegenstrijdig", tegen)
    for rapport in (analyseer(kader, uitputtend=True), analyseer(kader)):
        [(_, uitslag)] = [(v, u) for v, u in rapport.schendingen() if u.naam == "tegenstrijdigheid"]
        assert uitslag.status == "geschonden"
        assert uitslag.tegenvoorbeeld is not None
        assert set(uitslag.tegenvoorbeeld.regels) >= {"groot_acuut", "groot_tegen"}


def test_cli_kent_uitputtend(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "basis", "--uitputtend", "--voorbeelden", "0"]) == 0
    assert "steekproef (ruimte te groot)" not in capsys.readouterr().out
