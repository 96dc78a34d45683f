"""Three-valued logic: ``ja`` / ``nee`` / ``onbekend`` with Kleene semantics.

This is the one logic of the library. ``onbekend`` never silently becomes ``nee``:
it propagates through :func:`en`, :func:`of` and :func:`niet` exactly as Kleene's
strong three-valued logic prescribes, and a decision that hangs on it is
``onbepaald``.

The *protective merge* (:func:`beschermend`) combines the professional's own answer
with what the kader derives from the facts: the more protective value counts.
For the onveiligheid questions and ``vermoeden`` that is ``ja`` over ``onbekend``
over ``nee``; for the three hulp conditions ``nee`` over ``onbekend`` over ``ja``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = [
    "JA",
    "NEE",
    "ONBEKEND",
    "Richting",
    "Waarde",
    "beschermend",
    "en",
    "niet",
    "of",
]


class Waarde(StrEnum):
    """A three-valued answer: ``ja``, ``nee`` or ``onbekend``."""

    JA = "ja"
    NEE = "nee"
    ONBEKEND = "onbekend"

    def __invert__(self) -> Waarde:
        """Kleene negation (``~w``)."""
        return niet(self)

    def __and__(self, other: object) -> Waarde:
        """Kleene conjunction (``a & b``)."""
        if not isinstance(other, Waarde):
            return NotImplemented
        return en(self, other)

    def __or__(self, other: object) -> Waarde:
        """Kleene disjunction (``a | b``)."""
        if not isinstance(other, Waarde):
            return NotImplemented
        return of(self, other)


JA: Final = Waarde.JA
NEE: Final = Waarde.NEE
ONBEKEND: Final = Waarde.ONBEKEND

# Truth order for Kleene: nee < onbekend < ja.
_RANG: Final[dict[Waarde, int]] = {NEE: 0, ONBEKEND: 1, JA: 2}
_UIT_RANG: Final[tuple[Waarde, Waarde, Waarde]] = (NEE, ONBEKEND, JA)


def niet(waarde: Waarde) -> Waarde:
    """Kleene negation: ``ja`` <-> ``nee``, ``onbekend`` stays ``onbekend``."""
    return _UIT_RANG[2 - _RANG[waarde]]


def en(*waarden: Waarde) -> Waarde:
    """Kleene conjunction: the minimum in the order ``nee < onbekend < ja``.

    The empty conjunction is ``ja``.
    """
    return _UIT_RANG[min((_RANG[w] for w in waarden), default=2)]


def of(*waarden: Waarde) -> Waarde:
    """Kleene disjunction: the maximum in the order ``nee < onbekend < ja``.

    The empty disjunction is ``nee``.
    """
    return _UIT_RANG[max((_RANG[w] for w in waarden), default=0)]


class Richting(StrEnum):
    """Which answer of an afweging is the protective one."""

    JA_BESCHERMT = "ja_beschermt"
    """``ja`` protects: vermoeden, acute and structurele onveiligheid."""
    NEE_BESCHERMT = "nee_beschermt"
    """``nee`` protects: passende hulp, medewerking, duurzame veiligheid."""


def beschermend(a: Waarde, b: Waarde, richting: Richting) -> Waarde:
    """Return the more protective of two answers to the same afweging.

    For :attr:`Richting.JA_BESCHERMT` the order is ``ja`` over ``onbekend`` over
    ``nee`` (a Kleene disjunction); for :attr:`Richting.NEE_BESCHERMT` it is
    ``nee`` over ``onbekend`` over ``ja`` (a Kleene conjunction). The merge is
    monotone towards safety: it can never make an answer less protective.
    """
    return of(a, b) if richting is Richting.JA_BESCHERMT else en(a, b)
