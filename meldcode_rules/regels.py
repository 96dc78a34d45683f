"""The rule declaration API: conditions, rules, sources and open questions.

Conditions are small immutable objects, not lambdas, so that every interpreter
(the native engine, the durable engine, the exhaustive analysis, the documentation
renderer) can walk, compile, enumerate and print the same tree. They combine with
``&`` (:class:`En`), ``|`` (:class:`Of`) and ``~`` (:class:`Niet`) and print as a
Dutch expression::

    >>> from meldcode_rules.regels import Feit, Minstens
    >>> print(Feit("vermoeden") & (Feit("acute_onveiligheid") | ~Feit("passende_hulp")))
    vermoeden en (acute_onveiligheid of niet passende_hulp)
    >>> print(Minstens("aantal_signaaldata", 2))
    aantal_signaaldata ≥ 2

A condition reads *named facts* (see :mod:`meldcode_rules.feiten`) and, in the
beslisregels, the six afwegingen and the two beslissingen by name. Evaluation is
Kleene three-valued: an unknown fact makes a condition ``onbekend`` unless the
other operands settle it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import ClassVar, Final

from meldcode_rules.afwegingen import AFWEGINGEN, BESLISSINGEN, HULP, MELDEN

__all__ = [
    "ACTIE",
    "AFWEGINGEN",
    "BESLISSINGEN",
    "HULP",
    "MELDEN",
    "SIGNALERING",
    "Altijd",
    "Bron",
    "En",
    "Feit",
    "Is",
    "Minstens",
    "Niet",
    "Of",
    "OpenVraag",
    "Regel",
    "Voorwaarde",
    "signaal",
]

ACTIE: Final = "actie"
"""Target of a rule that concludes an action."""
SIGNALERING: Final = "signalering"
"""Target of a rule that concludes a signalering (something missing or to check)."""


class Voorwaarde:
    """Base class of every condition. Subclasses are frozen dataclasses."""

    __slots__ = ()

    def feiten(self) -> frozenset[str]:
        """The names of the facts this condition reads."""
        raise NotImplementedError  # pragma: no cover - every subclass overrides

    def delen(self) -> tuple[Voorwaarde, ...]:
        """The direct sub-conditions (empty for a leaf)."""
        return ()

    def __and__(self, other: Voorwaarde) -> En:
        """``a & b`` is ``En(a, b)``."""
        return En(self, other)

    def __or__(self, other: Voorwaarde) -> Of:
        """``a | b`` is ``Of(a, b)``."""
        return Of(self, other)

    def __invert__(self) -> Niet:
        """``~a`` is ``Niet(a)``."""
        return Niet(self)


def _naam_ok(naam: str) -> None:
    if not naam or not naam.replace("_", "").isalnum() or not naam.islower():
        msg = f"feitnaam moet snake_case zijn: {naam!r}"
        raise ValueError(msg)


@dataclass(frozen=True, slots=True)
class Altijd(Voorwaarde):
    """A condition that always holds (for actions that always follow, e.g. vastleggen)."""

    def feiten(self) -> frozenset[str]:
        return frozenset()

    def __str__(self) -> str:
        return "altijd"


@dataclass(frozen=True, slots=True)
class _OpFeit(Voorwaarde):
    """A leaf that reads one fact (:class:`Feit`, :class:`Is`, :class:`Minstens`)."""

    naam: str

    def __post_init__(self) -> None:
        _naam_ok(self.naam)

    def feiten(self) -> frozenset[str]:
        return frozenset((self.naam,))


@dataclass(frozen=True, slots=True)
class Feit(_OpFeit):
    """A three-valued fact read as a condition: true when the fact is ``ja``."""

    def __str__(self) -> str:
        return self.naam


@dataclass(frozen=True, slots=True)
class Is(_OpFeit):
    """A two-valued test: ``ja`` when the fact has exactly this value, else ``nee``.

    Use it to test a beslissing (``Is("melden", "onbepaald")``) or to ask whether
    an answer is *known* to be a value: ``Is("passende_hulp", NEE)`` is ``nee``
    when the answer is ``onbekend``. Only an absent fact makes it ``onbekend``.
    """

    waarde: str

    def __str__(self) -> str:
        return f"{self.naam} is {self.waarde}"


@dataclass(frozen=True, slots=True)
class Minstens(_OpFeit):
    """A count of signalen (or betrokkenen) reaches a threshold."""

    aantal: int

    def __post_init__(self) -> None:
        _naam_ok(self.naam)
        if self.aantal < 0:
            msg = "een drempel is nooit negatief"
            raise ValueError(msg)

    def __str__(self) -> str:
        return f"{self.naam} ≥ {self.aantal}"


def _groep(deel: Voorwaarde) -> str:
    return f"({deel})" if isinstance(deel, _Samenstelling) else str(deel)


@dataclass(frozen=True, slots=True, init=False)
class _Samenstelling(Voorwaarde):
    """A Kleene connective over one or more parts (:class:`En`, :class:`Of`)."""

    onderdelen: tuple[Voorwaarde, ...]
    _WOORD: ClassVar[str] = ""

    def __init__(self, *onderdelen: Voorwaarde) -> None:
        if not onderdelen:
            msg = f"{type(self).__name__}() heeft ten minste één voorwaarde nodig"
            raise ValueError(msg)
        object.__setattr__(self, "onderdelen", tuple(onderdelen))

    def feiten(self) -> frozenset[str]:
        return frozenset().union(*(d.feiten() for d in self.onderdelen))

    def delen(self) -> tuple[Voorwaarde, ...]:
        return self.onderdelen

    def __str__(self) -> str:
        return f" {self._WOORD} ".join(_groep(d) for d in self.onderdelen)


@dataclass(frozen=True, slots=True, init=False)
class En(_Samenstelling):
    """Kleene conjunction of its parts."""

    _WOORD: ClassVar[str] = "en"


@dataclass(frozen=True, slots=True, init=False)
class Of(_Samenstelling):
    """Kleene disjunction of its parts."""

    _WOORD: ClassVar[str] = "of"


@dataclass(frozen=True, slots=True)
class Niet(Voorwaarde):
    """Kleene negation of its part."""

    deel: Voorwaarde

    def feiten(self) -> frozenset[str]:
        return self.deel.feiten()

    def delen(self) -> tuple[Voorwaarde, ...]:
        return (self.deel,)

    def __str__(self) -> str:
        return f"niet {_groep(self.deel)}"


@dataclass(frozen=True, slots=True)
class Bron:
    """Where a rule comes from: the published text and the passage it implements.

    ``passage`` is a short quote or close paraphrase of the sentence the rule
    implements; ``adres`` is where the text was read.
    """

    uitgever: str
    titel: str
    versie: str
    datum: date | None
    adres: str
    passage: str = ""

    def bij(self, passage: str) -> Bron:
        """The same document, pointing at one passage."""
        return replace(self, passage=passage)


def signaal(naam: str, minstens: int = 1) -> Minstens:
    """At least ``minstens`` signalen of a vorm or with a kenmerk: ``Minstens("aantal_<naam>", n)``.

    >>> print(signaal("wapengebruik"))
    aantal_wapengebruik ≥ 1
    """
    return Minstens(f"aantal_{naam}", minstens)


@dataclass(frozen=True, slots=True)
class Regel:
    """One rule of a kader: when ``als`` holds, ``doel`` gets ``conclusie``.

    ``doel`` is one of the six afwegingen (conclusie ``ja`` or ``nee``), a
    beslissing (:data:`MELDEN` or :data:`HULP`, conclusie one of its values),
    :data:`ACTIE` (conclusie an action code) or :data:`SIGNALERING` (conclusie a
    signalering code). ``label`` says in Dutch what the rule does; it is the text
    of an action or signalering. Every rule names its :class:`Bron`.
    """

    id: str
    doel: str
    conclusie: str
    als: Voorwaarde
    bron: Bron
    label: str = field(default="", kw_only=True)
    """The text of an action or signalering (required there); elsewhere only where it adds
    something to the passage."""
    toelichting: str = field(default="", kw_only=True)
    """Why the rule reads the passage this way, where that needs saying."""

    def __post_init__(self) -> None:
        _naam_ok(self.id)


@dataclass(frozen=True, slots=True)
class OpenVraag:
    """A point the published text leaves open: declared, never guessed."""

    id: str
    vraag: str
    betreft: tuple[str, ...] = field(default=())
    """The rule ids or afwegingen the question concerns."""
    toelichting: str = ""
    """What the library does meanwhile, and why."""
    bron: Bron | None = None
