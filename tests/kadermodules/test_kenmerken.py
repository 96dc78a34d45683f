"""One meaning per marker across kaders (issue 16, point 8), and the table that documents it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from meldcode_rules.casus import Kenmerk
from meldcode_rules.kenmerken import KENMERKEN, feiten_van, lezingen
from meldcode_rules.registry import default_registry
from meldcode_rules.render import kenmerken_overzicht, versie_pagina

if TYPE_CHECKING:
    from meldcode_rules.kader import ResolvedKader

NA_2019 = date(2019, 1, 1)


def _versies_na_2019() -> list[ResolvedKader]:
    reg = default_registry()
    return [
        e
        for k in reg.kaders()
        for e in reg.resolved_versions(k)
        if e.versie.geldig_tot is None or e.versie.geldig_tot >= NA_2019
    ]


VERSIES = _versies_na_2019()


def _id(e: ResolvedKader) -> str:
    return f"{e.kader.id}-{e.versie.versie}"


def _van_herkomst(herkomst: str) -> list[Kenmerk]:
    """The markers of one kind (``algemeen``, ``onthulling``, ``knmg``); never none."""
    uit = [k for k, info in KENMERKEN.items() if info.herkomst == herkomst]
    assert uit, herkomst
    return uit


def test_every_marker_has_a_meaning_a_kind_and_a_published_passage() -> None:
    assert set(KENMERKEN) == set(Kenmerk)
    for kenmerk, info in KENMERKEN.items():
        assert info.betekenis, kenmerk
        assert info.herkomst in {"algemeen", "onthulling", "knmg"}, kenmerk
        assert info.adres.startswith("https://"), kenmerk
        assert len(info.passage.split()) >= 2, kenmerk
        assert feiten_van(kenmerk)[0] == f"aantal_{kenmerk.value}"


@pytest.mark.parametrize("effectief", VERSIES, ids=_id)
def test_no_marker_is_silently_ignored_by_a_kader_since_2019(effectief: ResolvedKader) -> None:
    """A marker recorded on a signaal is read by every kader: a derivation or a signalering."""
    ongelezen = [k.value for k, lz in lezingen(effectief).items() if not lz]
    assert ongelezen == []


@pytest.mark.parametrize("effectief", VERSIES, ids=_id)
def test_a_shared_marker_derives_the_same_afweging_in_every_kader(
    effectief: ResolvedKader,
) -> None:
    for kenmerk in _van_herkomst("algemeen"):
        afgeleid = {(lz.doel, lz.conclusie) for lz in lezingen(effectief)[kenmerk] if lz.afgeleid}
        assert len(afgeleid) == 1, (kenmerk, afgeleid)


@pytest.mark.parametrize("effectief", VERSIES, ids=_id)
def test_a_knmg_example_is_derived_by_knmg_and_weighed_everywhere_else(
    effectief: ResolvedKader,
) -> None:
    for kenmerk in _van_herkomst("knmg"):
        lz = lezingen(effectief)[kenmerk]
        signaleringen = [x for x in lz if x.doel == "signalering"]
        assert signaleringen, kenmerk  # inherited from basis: weigh the published example
        if effectief.kader.id == "knmg" and effectief.versie.versie == "2023":
            assert any(x.afgeleid for x in lz), kenmerk
        elif effectief.kader.id != "knmg":
            assert not any(x.afgeleid for x in lz), (kenmerk, lz)


@pytest.mark.parametrize("effectief", VERSIES, ids=_id)
def test_every_version_page_shows_the_kindcheck_and_the_marker_table(
    effectief: ResolvedKader,
) -> None:
    pagina = versie_pagina(effectief)
    assert "De kindcheck (stap 1)" in pagina
    assert "actie_kindcheck" in pagina
    tabel = pagina.split("Kenmerken van signalen", 1)[1]
    for kenmerk in Kenmerk:
        assert f"| `{kenmerk.value}` |" in tabel


@pytest.mark.parametrize("effectief", VERSIES, ids=_id)
def test_the_medewerker_route_is_on_the_page_where_it_applies(effectief: ResolvedKader) -> None:
    pagina = versie_pagina(effectief)
    heeft_route = effectief.kader.id in {"onderwijs", "kinderopvang"}
    assert ("Een vermoeden over een medewerker" in pagina) is heeft_route
    if heeft_route:
        assert "buiten_meldcode" in pagina


def test_the_overview_has_a_row_per_marker_and_a_column_per_kader() -> None:
    reg = default_registry()
    tabel = kenmerken_overzicht(reg)
    regels = tabel.splitlines()
    assert len(regels) == 2 + len(Kenmerk)
    kolommen = regels[0].count("|") - 1
    assert kolommen == 3 + len(reg.kaders())
    wapen = next(r for r in regels if r.startswith("| `wapengebruik`"))
    assert "acute_onveiligheid = ja (`knmg_acuut_wapengebruik`)" in wapen
    assert "signalering `knmg_voorbeeld_acute_onveiligheid_wegen`" in wapen
