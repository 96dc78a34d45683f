"""Everything a kader author needs, in one import.

A kader module reads like the kader: its sources, then its rules in the order of the
published text, each rule one sentence of its source::

    from meldcode_rules.authoring import JA, Bron, Kader, KaderVersie, Regel, signaal

    BIJLAGE5 = Bron("KNMG", "KNMG-meldcode, Bijlage 5", "2023", date(2023, 11, 20), ADRES)

    ACUUT = (
        Regel("knmg_acuut_wapengebruik", "acute_onveiligheid", JA, signaal("wapengebruik"),
              BIJLAGE5.bij("Gebruik van wapens (voorbeeld van acute onveiligheid).")),
    )

A rule is ``Regel(id, doel, conclusie, als, bron)``: when the condition ``als`` holds,
``doel`` (an afweging, :data:`MELDEN`, :data:`HULP`, :data:`ACTIE` or
:data:`SIGNALERING`) gets ``conclusie``; ``bron`` is the passage it implements. An
action or signalering also has a ``label``, the text the professional reads; elsewhere a
label is only given where it adds something to the passage, and a ``toelichting`` only
where the reading of the passage needs saying. Conditions combine with ``&``, ``|`` and
``~`` (:class:`Feit`, :class:`Is`, :class:`Minstens`, :func:`signaal`, :class:`Altijd`).
What the source leaves open is an :class:`OpenVraag`, never a guess.
"""

from __future__ import annotations

from meldcode_rules.afwegingen import AFWEGINGEN, HULP, MELDEN
from meldcode_rules.kader import SECTOREN, Bijzonderheid, Contact, Kader, KaderVersie
from meldcode_rules.logica import JA, NEE, ONBEKEND
from meldcode_rules.regels import (
    ACTIE,
    SIGNALERING,
    Altijd,
    Bron,
    En,
    Feit,
    Is,
    Minstens,
    Niet,
    Of,
    OpenVraag,
    Regel,
    signaal,
)

__all__ = [
    "ACTIE",
    "AFWEGINGEN",
    "HULP",
    "JA",
    "MELDEN",
    "NEE",
    "ONBEKEND",
    "SECTOREN",
    "SIGNALERING",
    "Altijd",
    "Bijzonderheid",
    "Bron",
    "Contact",
    "En",
    "Feit",
    "Is",
    "Kader",
    "KaderVersie",
    "Minstens",
    "Niet",
    "Of",
    "OpenVraag",
    "Regel",
    "signaal",
    "signaalregels",
]


def signaalregels(
    doel: str, conclusie: str, *rijen: tuple[str, str, Bron] | tuple[str, str, Bron, str]
) -> tuple[Regel, ...]:
    """A family of rules that each give ``doel`` the same ``conclusie`` on one signaal.

    Where a source lists signalen that each conclude the same (the examples of acute
    onveiligheid in a list), the kader states the conclusion once and each example as a row,
    in the source's order; each row is still one sentence of the source::

        ACUUT = signaalregels("acute_onveiligheid", JA,
            ("knmg_acuut_wapengebruik", "wapengebruik", BIJLAGE5.bij("Wapengebruik.")),
        )

    A row ``(id, naam, bron)`` is ``Regel(id, doel, conclusie, signaal(naam), bron)``; a fourth
    element is the rule's ``toelichting``, where the reading of the passage needs saying.
    """
    return tuple(
        Regel(
            id_,
            doel,
            conclusie,
            signaal(naam),
            bron,
            toelichting=toelichting[0] if toelichting else "",
        )
        for id_, naam, bron, *toelichting in rijen
    )
