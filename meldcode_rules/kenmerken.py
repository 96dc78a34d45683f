"""The marker vocabulary: what each marker means, where it comes from, how a kader reads it.

The markers are :class:`~meldcode_rules.casus.Kenmerk`.

A marker is recorded on a signaal when the published passage it names holds for that signaal,
in the passage's own conditions. There are three kinds (:attr:`KenmerkInfo.herkomst`):

- ``algemeen``: the question list for acute onveiligheid that every afwegingskader shares
  (Interventieacademie, afwegingsvraag 2; afwegingskadermeldcode.nl), or the shared definition
  of structurele onveiligheid ("herhaling of het voortduren"). ``basis`` derives the afweging
  from it, so every kader that extends ``basis`` reads it the same way.
- ``onthulling``: disclosure. Sources differ on whether it is acute onveiligheid by itself
  (open question ``onthulling_in_het_model`` in ``basis``): ``basis`` asks the professional to
  weigh it; the gezamenlijk kader and KNMG (for serious forms with acute danger) derive it.
- ``knmg``: an example from KNMG-meldcode Bijlage 5 (acute) or Bijlage 6 (structurele
  onveiligheid), an elaboration of the shared definition. KNMG derives the afweging within the
  example's conditions; every other kader inherits the ``basis`` signalering that names the
  published example and asks the professional to weigh it.

:func:`lezingen` says, for a resolved version, which rules read each marker and what they
conclude; the kader pages and ``docs/kenmerken.md`` show it as a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from meldcode_rules.casus import Kenmerk

if TYPE_CHECKING:
    from meldcode_rules.kader import ResolvedKader
    from meldcode_rules.regels import Regel

__all__ = ["KENMERKEN", "KenmerkInfo", "Lezing", "feiten_van", "lezingen"]

_VRAAG_2 = (
    "Interventieacademie, afwegingsvraag 2",
    "https://www.interventieacademie.nl/afwegingsvraag-2/",
)
_VRAGENLIJST = (
    "Afwegingskader Meldcode, vragenlijst",
    "https://afwegingskadermeldcode.nl/vragenlijst?showtemplate=1",
)
_STRUCTUREEL = (
    "Handelingsprotocol Utrecht, stap 5 (definities)",
    "https://handelingsprotocol.nl/utrecht-amw-stap-5-hulp-of-melden",
)
_KNMG = "https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/"
_BIJLAGE5 = (
    "KNMG-meldcode (2023), Bijlage 5",
    _KNMG + "bijlage-5-voorbeelden-van-acute-onveiligheid",
)
_BIJLAGE6 = (
    "KNMG-meldcode (2023), Bijlage 6",
    _KNMG + "bijlage-6-voorbeelden-van-structurele-onveiligheid",
)

Herkomst = Literal["algemeen", "onthulling", "knmg"]


@dataclass(frozen=True, slots=True)
class KenmerkInfo:
    """One marker: its meaning, its kind and the passage it records."""

    betekenis: str
    """What the professional records with it, in Dutch."""
    herkomst: Herkomst
    """``algemeen``, ``onthulling`` or ``knmg`` (see the module docstring)."""
    bron: str
    """The publisher and document of the passage."""
    adres: str
    """Where the passage is published."""
    passage: str
    """The passage (or its heading) the marker records."""


def _info(betekenis: str, herkomst: Herkomst, bron: tuple[str, str], passage: str) -> KenmerkInfo:
    return KenmerkInfo(betekenis, herkomst, bron[0], bron[1], passage)


KENMERKEN: Final[dict[Kenmerk, KenmerkInfo]] = {
    Kenmerk.DIRECT_LEVENSGEVAAR: _info(
        "direct (levens)gevaar", "algemeen", _VRAAG_2, "Is er sprake van direct (levens)gevaar?"
    ),
    Kenmerk.ERNSTIG_LETSEL: _info(
        "ernstig letsel toegebracht, of een poging daartoe",
        "algemeen",
        _VRAAG_2,
        "Is er ernstig letsel met een vermoeden dat dit is toegebracht, of een poging daartoe?",
    ),
    Kenmerk.ACUTE_DREIGING: _info(
        "acute dreiging te doden, ernstig letsel toe te brengen of de vrijheid te benemen",
        "algemeen",
        _VRAAG_2,
        "Is er een acute dreiging om zichzelf én een naaste ... te doden, ernstig letsel toe te "
        "brengen of hun vrijheid te benemen?",
    ),
    Kenmerk.VERMINKING_HANDICAP_OF_DOOD: _info(
        "geweld of verwaarlozing dat leidt tot verminking, handicap of de dood",
        "algemeen",
        _VRAAG_2,
        "Leidt geweld of verwaarlozing tot verminking, handicap of de dood van een lid van het "
        "cliëntsysteem?",
    ),
    Kenmerk.BASALE_ZORG_ONTBREEKT: _info(
        "afwezigheid van de meest basale verzorging bij een zorgafhankelijke",
        "algemeen",
        _VRAGENLIJST,
        "Of, bij zorgafhankelijke kinderen of (oudere) volwassenen, de afwezigheid van de meest "
        "basale verzorging (waaronder eten, drinken, kleding en onderdak).",
    ),
    Kenmerk.ONNODIGE_MEDISCHE_ZORG: _info(
        "onnodig toedienen van medicijnen of onnodige (medische) zorg",
        "algemeen",
        _VRAGENLIJST,
        "Het kan ook gaan om het onnodig toedienen van medicijnen of het verrichten van "
        "onnodige (medische) zorg.",
    ),
    Kenmerk.VERZORGER_MIDDELEN_OF_CRISIS: _info(
        "kinderen of kwetsbare volwassenen in gevaar door excessief middelengebruik of een "
        "acute psychiatrische crisis van een verzorger",
        "algemeen",
        _VRAAG_2,
        "In gevaar brengen van kinderen en kwetsbare volwassenen als gevolg van excessief "
        "middelenmisbruik en/of een acute psychiatrische crisis.",
    ),
    Kenmerk.ONTHULLING: _info(
        "het slachtoffer vertelt uit zichzelf over het geweld of vraagt om hulp (disclosure)",
        "onthulling",
        _VRAGENLIJST,
        "Een specifieke vorm van acute onveiligheid is ‘disclosure’ (ook wel onthulling genoemd).",
    ),
    Kenmerk.ONTHULLING_ACUUT_GEVAAR: _info(
        "het slachtoffer of de ouder/pleger onthult een ernstige vorm die acuut gevaar kan "
        "opleveren, of vraagt er hulp voor",
        "onthulling",
        _BIJLAGE5,
        "Door het slachtoffer of de ouder/pleger zelf onthullen van – en/of hulp vragen voor – "
        "ernstige vormen van kindermishandeling en/of huiselijk geweld die acuut gevaar kunnen "
        "opleveren.",
    ),
    Kenmerk.LETSEL_MEDISCHE_BEHANDELING: _info(
        "vermoedelijk toegebracht letsel dat medische behandeling behoeft",
        "knmg",
        _BIJLAGE5,
        "Hieronder vallen ten minste alle letsels die medische behandeling behoeven.",
    ),
    Kenmerk.POGING_TOT_VERWURGING: _info(
        "poging tot verwurging", "knmg", _BIJLAGE5, "Poging tot verwurging."
    ),
    Kenmerk.WAPENGEBRUIK: _info(
        "gebruik van wapens",
        "knmg",
        _BIJLAGE5,
        "Hieronder staat een aantal voorbeelden van situaties van acute onveiligheid. ... "
        "Wapengebruik.",
    ),
    Kenmerk.HERHALINGSKANS: _info(
        "reële kans op herhaling van seksueel misbruik door iemand uit de huiselijke kring of "
        "van wie het slachtoffer afhankelijk is (alleen bij seksueel geweld)",
        "knmg",
        _BIJLAGE5,
        "(Vermoeden van) seksueel misbruik, seksueel geweld of seksuele exploitatie door iemand "
        "uit de huiselijke kring ... met een reële kans op herhaling.",
    ),
    Kenmerk.FALSIFICATIE: _info(
        "kindermishandeling door falsificatie",
        "knmg",
        _BIJLAGE5,
        "... (medische) klachten en afwijkingen veroorzaakt die acuut de gezondheid van die "
        "persoon bedreigen (kindermishandeling door falsificatie).",
    ),
    Kenmerk.VERZORGER_SUICIDAAL: _info(
        "acute onveiligheid of dreigend wegvallen van zorg door (dreigende) suïcide, "
        "automutilatie, een acuut psychiatrisch beeld of intoxicatie van de ouder/verzorger",
        "knmg",
        _BIJLAGE5,
        "Een situatie waarin acute onveiligheid ontstaat of zorg dreigt weg te vallen voor een "
        "minderjarige of (zorg)afhankelijke volwassene of oudere, doordat er bij de "
        "ouder/verzorger sprake is van een (dreigende) suïcide, automutilatie, acuut psychiatrisch "
        "beeld of intoxicatie ...",
    ),
    Kenmerk.GEDWONGEN_VLUCHT: _info(
        "een noodgedwongen vlucht van huis door (dreiging van) geweld",
        "knmg",
        _BIJLAGE5,
        "Een noodgedwongen vlucht van huis door (dreiging van) huiselijk geweld en/of "
        "kindermishandeling.",
    ),
    Kenmerk.ZWANGERSCHAP: _info(
        "middelengebruik door of geweld tegen een zwangere vrouw dat haar gezondheid of die van "
        "de ongeborene acuut bedreigt (niet: elke zwangerschap)",
        "knmg",
        _BIJLAGE5,
        "Gebruik van alcohol of drugs door een zwangere vrouw of huiselijk (fysiek) geweld "
        "richting een zwangere vrouw, waardoor de gezondheid van de vrouw en/of de ongeborene "
        "acuut wordt bedreigd.",
    ),
    Kenmerk.OORLOGSGEBIED: _info(
        "een kind blootstellen aan oorlogsgeweld",
        "knmg",
        _BIJLAGE5,
        "Blootstellen van een kind aan oorlogsgeweld door te gaan wonen in een oorlogsgebied ...",
    ),
    Kenmerk.VOORTDUREND: _info(
        "de onveilige situatie of het geweld duurt voort, zoals de professional vastlegt",
        "algemeen",
        _STRUCTUREEL,
        "Structurele onveiligheid: er is sprake van herhaling of het voortduren van een onveilige "
        "situatie of geweld.",
    ),
    Kenmerk.HERHAALD: _info(
        "de onveilige situatie of het geweld herhaalt zich, zoals de professional vastlegt (niet: "
        "signalen op meer data als zodanig)",
        "algemeen",
        _STRUCTUREEL,
        "Structurele onveiligheid: er is sprake van herhaling of het voortduren van een onveilige "
        "situatie of geweld.",
    ),
    Kenmerk.STELSELMATIG_GETUIGE: _info(
        "een kind is stelselmatig getuige van huiselijk geweld",
        "knmg",
        _BIJLAGE6,
        "Een kind dat stelselmatig getuige is van huiselijk geweld.",
    ),
    Kenmerk.ESCALEREND: _info(
        "escalerende, langdurige stalking (telt bij KNMG alleen in partnerrelaties)",
        "knmg",
        _BIJLAGE6,
        "Psychische en/of fysieke mishandeling door escalerende vormen van langdurige stalking "
        "in partnerrelaties.",
    ),
    Kenmerk.OUDERPROBLEMATIEK: _info(
        "ouders met zo ernstige problematiek dat de veiligheid van het kind bij herhaling of "
        "voortdurend wordt bedreigd",
        "knmg",
        _BIJLAGE6,
        "Een minderjarig of ongeboren kind dat opgroeit bij ouders met een zodanig ernstige "
        "problematiek, dat de fysieke en/of psychische veiligheid van het kind bij herhaling "
        "en/of voortdurend wordt bedreigd ...",
    ),
}
"""Every marker with its meaning and source (a test keeps it complete)."""

_SAMENGESTELD: Final[dict[Kenmerk, tuple[str, ...]]] = {
    Kenmerk.HERHALINGSKANS: ("aantal_seksueel_met_herhalingskans",),
    Kenmerk.ESCALEREND: ("aantal_escalerend_door_partner",),
}


def feiten_van(kenmerk: Kenmerk) -> tuple[str, ...]:
    """The facts through which rules read a marker: its count, and the counts combining it."""
    return (f"aantal_{kenmerk.value}", *_SAMENGESTELD.get(kenmerk, ()))


@dataclass(frozen=True, slots=True)
class Lezing:
    """One rule of a version that reads a marker."""

    regel: str
    """The rule id."""
    doel: str
    """What the rule concludes about: an afweging, a beslissing, ``actie`` or ``signalering``."""
    conclusie: str
    """Its conclusion (``ja``, an action or signalering code)."""

    @property
    def afgeleid(self) -> bool:
        """Whether the rule derives a value (not only an actie or a signalering)."""
        return self.doel not in ("actie", "signalering")

    def zin(self) -> str:
        """The reading in Dutch, for a table cell."""
        if self.doel == "signalering":
            return f"signalering `{self.conclusie}`"
        if self.doel == "actie":
            return f"actie `{self.conclusie}`"
        return f"{self.doel} = {self.conclusie}"


def _leest(regel: Regel, kenmerk: Kenmerk) -> bool:
    return bool(regel.als.feiten() & set(feiten_van(kenmerk)))


def lezingen(effectief: ResolvedKader) -> dict[Kenmerk, tuple[Lezing, ...]]:
    """Per marker, the rules of a resolved version that read it (derivations first)."""
    uit: dict[Kenmerk, tuple[Lezing, ...]] = {}
    for kenmerk in Kenmerk:
        gevonden = [
            Lezing(r.id, r.doel, r.conclusie) for r in effectief.regels if _leest(r, kenmerk)
        ]
        uit[kenmerk] = tuple(sorted(gevonden, key=lambda lz: (not lz.afgeleid, lz.regel)))
    return uit
