"""Organisations' own meldcodes through the real entry point; broken and weakening kaders skipped.

The example distribution in tests/voorbeeldpakket/ is made importable the way pip would: its
package on sys.path next to a ``*.dist-info`` folder whose ``entry_points.txt`` is generated
from the package's own pyproject.toml, so ``importlib.metadata`` finds it exactly as it finds
an installed distribution. (CI may also ``pip install ./tests/voorbeeldpakket``.)
"""

from __future__ import annotations

import dataclasses
import importlib
import shutil
import tomllib
from datetime import date
from importlib import metadata
from pathlib import Path

import pytest
from kaderhulp import gevuurd
from testhulp import casus, sig, uitbreiding

from meldcode_kaders.basis import KADER as BASIS
from meldcode_kaders.gezamenlijk_kader import KADER as GEZAMENLIJK
from meldcode_rules import KaderError, Registry, evaluate
from meldcode_rules.kader import ResolvedKader
from meldcode_rules.norm import norm_schendingen
from meldcode_rules.regels import MELDEN, Bron, En, Feit, Minstens, Regel

PEIL = date(2024, 6, 1)
PAKKET = Path(__file__).resolve().parent.parent / "voorbeeldpakket"
SHIPPED = {"basis", "gezamenlijk_kader", "kinderopvang", "knmg", "onderwijs"}


def _dist_info(site: Path, naam: str, entry_points: dict[str, str]) -> None:
    info = site / f"{naam.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {naam}\nVersion: 0.1.0\n")
    regels = "".join(f"{k} = {v}\n" for k, v in entry_points.items())
    (info / "entry_points.txt").write_text(f"[meldcode_rules.kaders]\n{regels}")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pad = tmp_path / "site"
    pad.mkdir()
    monkeypatch.syspath_prepend(str(pad))
    return pad


def _installeer_voorbeeld(site: Path) -> None:
    project = tomllib.loads((PAKKET / "pyproject.toml").read_text())
    try:
        metadata.distribution(project["project"]["name"])
    except metadata.PackageNotFoundError:
        pass
    else:
        return  # CI ran `pip install ./tests/voorbeeldpakket`: use the real installation
    entry_points = project["project"]["entry-points"]["meldcode_rules.kaders"]
    shutil.copytree(PAKKET / "src" / "voorbeeld_meldcode", site / "voorbeeld_meldcode")
    _dist_info(site, project["project"]["name"], entry_points)
    importlib.invalidate_caches()


def test_voorbeeldpakket_via_entry_point(site: Path) -> None:
    _installeer_voorbeeld(site)
    registry = Registry()
    ids = {k.id for k in registry.kaders()}
    assert ids >= SHIPPED | {"jeugdhulp_de_brug"}
    assert registry.broken() == []
    assert registry.distribution("jeugdhulp_de_brug") == "voorbeeld-meldcode"
    eigen = registry.kader("jeugdhulp_de_brug")
    assert eigen.breidt_uit == "gezamenlijk_kader"
    assert eigen.contacten[0].functie == "aandachtsfunctionaris"

    # the organisation's own signal rule
    getuige = casus([sig("getuige_huiselijk_geweld")], {"vermoeden": "ja"})
    u = evaluate(getuige, kader="jeugdhulp_de_brug", peildatum=PEIL, registry=registry)
    assert "brug_aandachtsfunctionaris_bij_getuige" in gevuurd(u)
    # ... inherits the sector kader's rules (gezamenlijk_kader) and the model's
    assert "gezamenlijk_actie_collega_of_aandachtsfunctionaris" in gevuurd(u)
    # the tightened base rule: stelselmatig getuige is structurele onveiligheid here only
    stelselmatig = casus([sig(kenmerken=("stelselmatig_getuige",))], {"vermoeden": "ja"})
    eigen_u = evaluate(stelselmatig, kader="jeugdhulp_de_brug", peildatum=PEIL, registry=registry)
    sector_u = evaluate(stelselmatig, kader="gezamenlijk_kader", peildatum=PEIL, registry=registry)
    assert eigen_u.afwegingen["structurele_onveiligheid"].waarde == "ja"
    assert eigen_u.melden == "ja"
    assert sector_u.afwegingen["structurele_onveiligheid"].waarde == "onbekend"
    # before its first version the organisation's meldcode does not hold
    with pytest.raises(KaderError):
        evaluate(
            stelselmatig, kader="jeugdhulp_de_brug", peildatum=date(2023, 1, 1), registry=registry
        )


# -- broken third-party kaders ---------------------------------------------------------------------

_BRON = "Bron(uitgever='X', titel='Y', versie='1', datum=None, adres='https://example.org')"
_KOP = (
    "from datetime import date\n"
    "from meldcode_rules.kader import Kader, KaderVersie\n"
    "from meldcode_rules.regels import ACTIE, MELDEN, Bron, En, Feit, Minstens, Regel\n"
    "from meldcode_kaders.basis import VERSIE_2019 as B\n"
)


def _kader(naam: str, regels: str = "()", aanscherpingen: str = "()") -> str:
    return (
        f"{_KOP}KADER = Kader(id='{naam}', naam='{naam}', sectoren=('jeugdhulp',), "
        "beroepsgroepen=(), breidt_uit='gezamenlijk_kader', versies=(KaderVersie(versie='1', "
        f"geldig_van=date(2024, 1, 1), geldig_tot=None, bron={_BRON}.bij('p'), regels={regels}, "
        f"aanscherpingen={aanscherpingen}),))\n"
    )


def _regel(rid: str, doel: str, conclusie: str, als: str, passage: str = "p") -> str:
    return (
        f"Regel(id='{rid}', doel={doel}, conclusie='{conclusie}', als={als}, "
        f"bron={_BRON}.bij('{passage}'), label='l')"
    )


def _basis(rid: str) -> str:
    return f"next(r for r in B.regels if r.id == '{rid}')"


_SIGNALEN = 'Minstens("aantal_signalen", 1)'
_ONBESTAAND = 'Minstens("aantal_onbestaand", 1)'
_HULP = 'Feit("passende_hulp")'

KAPOT = {
    "kapot_import": ("import bestaat_niet_xyz\n", "ModuleNotFoundError"),
    "kapot_bron": (
        _kader("kapot_bron", "(" + _regel("r1", "ACTIE", "a", _SIGNALEN, "") + ",)"),
        "r1: bron onvolledig",
    ),
    "kapot_feit": (
        _kader("kapot_feit", "(" + _regel("r2", "ACTIE", "a", _ONBESTAAND) + ",)"),
        "r2: onbekend feit",
    ),
    "kapot_niet_melden": (
        _kader("kapot_niet_melden", "(" + _regel("r3", "MELDEN", "nee", _HULP) + ",)"),
        "regel r3 concludeert melden = nee",
    ),
    "kapot_smaller": (
        _kader(
            "kapot_smaller",
            aanscherpingen=(
                "(Regel(id='melden_acute_of_structurele_onveiligheid', doel=MELDEN, conclusie='ja', "
                f"als=En({_basis('melden_acute_of_structurele_onveiligheid')}.als, "
                f"Minstens('aantal_signalen', 3)), bron={_BRON}.bij('p'), label='l'),)"
            ),
        ),
        "aanscherping melden_acute_of_structurele_onveiligheid zou minder vaak gelden",
    ),
    "kapot_conclusie": (
        _kader(
            "kapot_conclusie",
            aanscherpingen=(
                "(Regel(id='melden_geen_passende_hulp', doel=MELDEN, conclusie='nee', "
                f"als={_basis('melden_geen_passende_hulp')}.als, bron={_BRON}.bij('p'), "
                "label='l'),)"
            ),
        ),
        "aanscherping melden_geen_passende_hulp wijzigt doel of conclusie",
    ),
}


def test_kapotte_kaders_worden_gemeld_en_overgeslagen(site: Path) -> None:
    for naam, (bron, _) in KAPOT.items():
        (site / f"{naam}.py").write_text(bron)
    _dist_info(site, "kapotte-kaders", {naam: f"{naam}:KADER" for naam in KAPOT})
    importlib.invalidate_caches()
    registry = Registry()
    gebroken = {g.naam: g for g in registry.broken()}
    assert set(gebroken) == set(KAPOT)
    for naam, (_, reden) in KAPOT.items():
        assert reden in gebroken[naam].reden, (naam, gebroken[naam].reden)
        assert gebroken[naam].distributie == "kapotte-kaders"
        with pytest.raises(KaderError, match="overgeslagen"):
            registry.kader(naam)
    # the shipped kaders keep working
    assert {k.id for k in registry.kaders()} >= SHIPPED
    u = evaluate(
        casus(antwoorden={"vermoeden": "ja", "acute_onveiligheid": "ja"}),
        kader="knmg",
        peildatum=PEIL,
        registry=registry,
    )
    assert u.melden == "ja"


# -- the exhaustive check names the rule ---------------------------------------------------------


def _verzwakt(zonder: str) -> ResolvedKader:
    registry = Registry([BASIS, GEZAMENLIJK])
    echt = registry.resolve("gezamenlijk_kader", PEIL)
    regels = tuple(r for r in echt.regels if r.id != zonder)
    # a new Kader object: compiled versions are cached per kader object
    kader = dataclasses.replace(echt.kader, naam=f"{echt.kader.naam} zonder {zonder}")
    return ResolvedKader(kader, echt.versie, echt.basis, regels, echt.vragen)


def test_norm_schending_gevonden() -> None:
    # Dropping the model's meldnorm 1 (bypassing the structural check) must be caught.
    schendingen = norm_schendingen(_verzwakt("melden_acute_of_structurele_onveiligheid"))
    assert schendingen
    assert "melden is" in schendingen[0]
    assert "gezamenlijk_kader" in schendingen[0]
    assert "gezamenlijk_actie_collega_of_aandachtsfunctionaris" not in schendingen[0]  # an actie
    # Dropping an actie changes no decision.
    assert norm_schendingen(_verzwakt("actie_vastleggen")) == []


def test_verzwakkende_uitbreiding_faalt_met_regelnaam() -> None:
    b = Bron(uitgever="X", titel="Y", versie="1", datum=None, adres="https://example.org")
    basisregel = next(r for r in GEZAMENLIJK.versies[0].regels if r.id.startswith("gezamenlijk"))
    assert basisregel  # the sector kader has its own rules to extend
    aanscherping = Regel(
        id="melden_geen_medewerking",
        doel=MELDEN,
        conclusie="ja",
        als=En(Feit("vermoeden"), ~Feit("medewerking"), Minstens("aantal_signalen", 9)),
        bron=b.bij("p"),
        label="l",
    )
    slap = uitbreiding("slap", b.bij("p"), versie="1", aanscherpingen=(aanscherping,))
    registry = Registry([BASIS, GEZAMENLIJK, slap])
    (gebroken,) = registry.broken()
    assert gebroken.naam == "slap"
    assert "melden_geen_medewerking" in gebroken.reden
    with pytest.raises(KaderError, match="melden_geen_medewerking"):
        registry.resolve("slap", PEIL)
