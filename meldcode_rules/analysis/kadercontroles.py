"""The checks of a kader beside the proofs of its rules: dates, passages, declarations, casuïstiek.

- :func:`gaten`: the versions of a kader follow each other without a gap (a day that no
  version covers) or an overlap (the registry refuses overlaps on load);
- :func:`passage_fout`: every source passage of a version is real text, not a placeholder,
  and not one passage copied to every rule;
- :func:`casuistiek`: every case of the kader's own casuïstiek (``casuistiek/<id>.yaml``
  beside the kader module, or beside the file given to ``meldcode check --file``) gives the
  outcome the case describes;
- the declarations themselves are validated on load (:mod:`meldcode_rules.validatie`);
  :func:`declaratie_fout` gives the reason as a counterexample instead of an error.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Final

from meldcode_rules.analysis.invarianten import (
    AANEENGESLOTEN,
    BRON,
    CASUISTIEK,
    DECLARATIES,
    DETERMINISME,
    PASSAGES,
)
from meldcode_rules.analysis.rapport import Tegenvoorbeeld
from meldcode_rules.errors import KaderError
from meldcode_rules.kader import Kader
from meldcode_rules.regels import Altijd, En, Feit, Is, Minstens, Niet, Of, Voorwaarde
from meldcode_rules.validatie import valideer_kader, valideer_typen

if TYPE_CHECKING:
    from pathlib import Path

    from meldcode_rules.casuistiek import Casusbestand
    from meldcode_rules.kader import KaderVersie, ResolvedKader

__all__ = [
    "casuistiek",
    "casusbestanden",
    "declaratie_fout",
    "gaten",
    "passage_fout",
    "plaatshouder",
]

_PLAATSHOUDER: Final = re.compile(
    r"\b(todo|fixme|xxx+|tbd|tba|nnb|lorem ipsum|nog invullen|nog in te vullen|placeholder|"
    r"plaatshouder|passage volgt|tekst volgt)\b",
    re.IGNORECASE,
)
_BEKEND_MAAR_GOED: Final = (
    "de casus noemt een bekende afwijking, maar het kader geeft nu de verwachte uitkomst: "
    "haal de notitie weg"
)
_MIN_WOORDEN: Final = 3
_ZELFDE_VANAF: Final = 3
"""A version with at least this many rules whose passages are all the same is a defect."""


def plaatshouder(passage: str) -> str | None:
    """Why a passage is not real text (empty, a placeholder, no words), or ``None``."""
    tekst = passage.strip() if isinstance(passage, str) else ""
    if not tekst:
        return "een lege passage"
    gevonden = _PLAATSHOUDER.search(tekst)
    if gevonden:
        return f"een plaatshouder ('{gevonden.group(0)}') in plaats van tekst uit de bron"
    if len(re.findall(r"[^\W\d_]{2,}", tekst)) < _MIN_WOORDEN:
        return "geen zin uit de bron (minder dan drie woorden)"
    return None


def _bronnen(versie: KaderVersie) -> list[tuple[str, str]]:
    """Every (where, passage) a version declares itself: rules, its source, particulars."""
    uit = [(f"regel {r.id}", r.bron.passage) for r in (*versie.regels, *versie.aanscherpingen)]
    if versie.bron.passage:
        uit.append((f"de bron van versie {versie.versie}", versie.bron.passage))
    uit += [(f"bijzonderheid {b.id}", b.bron.passage) for b in versie.bijzonderheden]
    uit += [
        (f"open vraag {v.id}", v.bron.passage)
        for v in versie.open_vragen
        if v.bron is not None and v.bron.passage
    ]
    return uit


def passage_fout(versie: KaderVersie) -> Tegenvoorbeeld | None:
    """The first passage of ``versie`` that is not real text, as a counterexample."""
    for waar, passage in _bronnen(versie):
        reden = plaatshouder(passage)
        if reden is not None:
            regel = (waar.removeprefix("regel "),) if waar.startswith("regel ") else ()
            return Tegenvoorbeeld(
                PASSAGES,
                ((waar, repr(passage.strip()) if isinstance(passage, str) else "geen tekst"),),
                "een passage uit de bron (de zin die de regel uitvoert)",
                reden,
                regel,
            )
    eigen = [*versie.regels, *versie.aanscherpingen]
    passages = {r.bron.passage.strip() for r in eigen}
    if len(eigen) >= _ZELFDE_VANAF and len(passages) == 1:
        return Tegenvoorbeeld(
            PASSAGES,
            (("elke regel van versie " + versie.versie, repr(passages.pop())),),
            "bij elke regel de passage die zij uitvoert",
            f"dezelfde passage bij alle {len(eigen)} regels",
            tuple(r.id for r in eigen),
        )
    return None


def gaten(kader: Kader) -> dict[str, Tegenvoorbeeld]:
    """Per version followed by a gap or an overlap: the counterexample (by version name)."""
    uit: dict[str, Tegenvoorbeeld] = {}
    versies = sorted(kader.versies, key=lambda v: v.geldig_van)
    for eerder, later in itertools.pairwise(versies):
        tot = eerder.geldig_tot
        invoer = (
            (f"versie {eerder.versie} geldig t/m", tot.isoformat() if tot else "heden"),
            (f"versie {later.versie} geldig vanaf", later.geldig_van.isoformat()),
        )
        if tot is None or tot >= later.geldig_van:
            uit[eerder.versie] = Tegenvoorbeeld(
                AANEENGESLOTEN,
                invoer,
                f"versie {eerder.versie} eindigt vóór {later.geldig_van.isoformat()}",
                f"versies {eerder.versie} en {later.versie} gelden allebei op "
                f"{later.geldig_van.isoformat()}",
            )
            continue
        volgende = tot + timedelta(days=1)
        if later.geldig_van > volgende:
            laatste = later.geldig_van - timedelta(days=1)
            dagen = (later.geldig_van - volgende).days
            uit[eerder.versie] = Tegenvoorbeeld(
                AANEENGESLOTEN,
                invoer,
                f"versie {later.versie} begint op {volgende.isoformat()}",
                f"geen versie van {volgende.isoformat()} t/m {laatste.isoformat()} "
                f"({dagen} {'dag' if dagen == 1 else 'dagen'}): een casus met die peildatum "
                "wordt door geen versie beoordeeld",
            )
    return uit


_BLADEREN: Final = (Altijd, Feit, Is, Minstens)


def _vreemd(v: Voorwaarde) -> Voorwaarde | None:
    """A part of a condition that is not one of the declaration API's own (data) kinds."""
    if isinstance(v, En | Of):
        return next((x for d in v.onderdelen if (x := _vreemd(d)) is not None), None)
    if isinstance(v, Niet):
        return _vreemd(v.deel)
    return None if isinstance(v, _BLADEREN) else v


def _nader(kader: Kader) -> Tegenvoorbeeld | None:
    """The invariant behind a refused declaration, when every field has the right kind."""
    try:
        valideer_typen(kader)
    except KaderError:
        return None
    for naam, voorbeeld in gaten(kader).items():
        if "allebei" in voorbeeld.werkelijk:
            return replace(voorbeeld, toelichting=f"versie {naam} overlapt met de volgende")
    for versie in kader.versies:
        for regel in (*versie.regels, *versie.aanscherpingen):
            vreemd = _vreemd(regel.als)
            if vreemd is not None:
                return Tegenvoorbeeld(
                    DETERMINISME,
                    (),
                    "een voorwaarde uit de declaratie-API (Feit, Is, Minstens, En, Of, Niet, "
                    "Altijd): data, die bij dezelfde feiten altijd hetzelfde geeft",
                    f"een eigen soort voorwaarde ({type(vreemd).__name__}): code die bij "
                    "dezelfde casus iets anders kan geven, en die geen controle kan lezen",
                    (regel.id,),
                )
            b = regel.bron
            if not (b.uitgever and b.titel and b.adres and b.passage):
                return Tegenvoorbeeld(
                    BRON,
                    (),
                    "een volledige bron (uitgever, titel, adres, passage)",
                    "een onvolledige bron: "
                    + ", ".join(
                        veld
                        for veld in ("uitgever", "titel", "adres", "passage")
                        if not getattr(b, veld)
                    )
                    + " ontbreekt",
                    (regel.id,),
                )
    return None


def declaratie_fout(kader: object) -> Tegenvoorbeeld | None:
    """The first invalid declaration of a kader (as the registry would refuse it), or ``None``.

    A refusal that breaks a named invariant is reported as that invariant (overlapping
    versions, a condition that is not data, an incomplete source); any other one as
    ``geldige_declaraties``.
    """
    try:
        valideer_kader(kader)
    except KaderError as fout:
        nader = _nader(kader) if isinstance(kader, Kader) else None
        return nader or Tegenvoorbeeld(
            DECLARATIES,
            (),
            "elk veld van elke regel en versie met een waarde van de juiste soort",
            str(fout),
        )
    return None


def casusbestanden(kader: Kader, map_: Path | None = None) -> list[Casusbestand]:
    """The casuïstiek of a kader: ``map_/<id>.yaml`` if it exists, else the installed one.

    Raises:
        CasuistiekFout: a case file is invalid.
    """
    from meldcode_rules import casuistiek as cas  # noqa: PLC0415 - loads the list_kaders' packages

    if map_ is not None and (map_ / f"{kader.id}.yaml").is_file():
        return [cas.laad_bestand(map_ / f"{kader.id}.yaml")]
    try:
        return cas.laad(kader.id)
    except cas.CasuistiekFout:
        if kader.id in cas.beschikbaar():
            raise
        return []


def casuistiek(
    effectief: ResolvedKader, bestanden: list[Casusbestand]
) -> tuple[int, Tegenvoorbeeld | None]:
    """Run the cases whose peildatum this resolved version covers.

    Returns:
        How many cases ran, and the first one that deviates (unless it declares that
        deviation as known) as a counterexample.
    """
    from meldcode_rules.casuistiek import draai_versie  # noqa: PLC0415 - loads the kaders
    from meldcode_rules.engine.native import NativeKader  # noqa: PLC0415

    motor = NativeKader(effectief)
    gedraaid = 0
    afwijkend: list[tuple[str, int, str, tuple[str, ...]]] = []
    for bestand in bestanden:
        for nummer, casus in enumerate(bestand.casussen, start=1):
            p = casus.peildatum
            if not effectief.versie.geldig_op(p) or (
                effectief.basis is not None and not effectief.basis.versie.geldig_op(p)
            ):
                continue
            gedraaid += 1
            resultaat = draai_versie(casus, motor, bestand=bestand.naam, nummer=nummer)
            if not resultaat.in_orde:
                afwijkingen = resultaat.afwijkingen or (_BEKEND_MAAR_GOED,)
                afwijkend.append((bestand.naam, nummer, casus.naam, afwijkingen))
    if not afwijkend:
        return gedraaid, None
    naam, nummer, titel, afwijkingen = afwijkend[0]
    meer = f" (en nog {len(afwijkingen) - 2} afwijking(en))" if len(afwijkingen) > 2 else ""
    return gedraaid, Tegenvoorbeeld(
        CASUISTIEK,
        (("casus", f"{naam} nr. {nummer}: {titel}"),),
        "de uitkomst die de casus beschrijft",
        "; ".join(afwijkingen[:2]) + meer,
        toelichting=f"{len(afwijkend)} van {gedraaid} casussen in deze periode wijken af",
    )
