"""Short Dutch summaries of an outcome, for professionals (CLI ``--format text``).

Never prints input text or ids: only the decisions, the afwegingen, the acties and
the signaleringen, which hold no personal data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from meldcode_rules.afwegingen import BESLISSING, HULP, MELDEN

if TYPE_CHECKING:
    from meldcode_rules.uitkomst import Uitkomst

__all__ = ["uitkomst_als_tekst"]

_HERKOMST: Final[dict[str, str]] = {
    "antwoord": "uw antwoord",
    "kader": "afgeleid door het kader",
    "beide": "uw antwoord en het kader",
    "geen": "nog niet beantwoord",
}


def uitkomst_als_tekst(uitkomst: Uitkomst) -> str:
    """A short Dutch summary of one outcome."""
    k = uitkomst.kader
    regels = [
        f"Kader: {k.naam} ({k.id}), versie {k.versie}; peildatum {uitkomst.peildatum.isoformat()}",
        f"Is melden noodzakelijk?  {BESLISSING[MELDEN].tekst_voor(uitkomst.melden)}",
        f"Is zelf hulp (ook) mogelijk?  {BESLISSING[HULP].tekst_voor(uitkomst.hulp)}",
        "Afwegingen:",
    ]
    for naam, afweging in uitkomst.afwegingen.items():
        regelids = ", ".join(s.regel for s in afweging.spoor)
        extra = f"; regels: {regelids}" if regelids else ""
        regels.append(
            f"  - {naam.replace('_', ' ')}: {afweging.waarde.value} "
            f"({_HERKOMST[afweging.herkomst]}{extra})"
        )
    if uitkomst.acties:
        regels.append("Wat nu:")
        regels.extend(f"  - {actie.omschrijving}" for actie in uitkomst.acties)
    if uitkomst.signaleringen:
        regels.append("Let op:")
        regels.extend(f"  - {s.omschrijving}" for s in uitkomst.signaleringen)
    return "\n".join(regels)
