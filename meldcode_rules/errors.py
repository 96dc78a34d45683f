"""Errors of the library.

Every message is built from field paths and error codes, never from input values:
case data is special-category personal data.
"""

from __future__ import annotations

import difflib
import re
import typing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from pydantic import BaseModel

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from pydantic import ValidationError

__all__ = [
    "CODES",
    "EngineUnavailable",
    "FieldError",
    "InputError",
    "KaderError",
    "MeldcodeError",
    "OpslagError",
    "PeildatumError",
]


class MeldcodeError(Exception):
    """Base class of every error the library raises on purpose."""


@dataclass(frozen=True, slots=True)
class FieldError:
    """One invalid field: where, what kind of error, and a Dutch explanation."""

    veld: str
    code: str
    bericht: str

    def __str__(self) -> str:
        return f"{self.veld}: {self.bericht}"


class InputError(MeldcodeError, ValueError):
    """The input does not fit the model. Names the fields, never their values.

    Each :class:`FieldError` carries a stable ``code`` from :data:`CODES` (never a
    pydantic-internal name) and a Dutch ``bericht``.
    """

    def __init__(self, fouten: Sequence[FieldError]) -> None:
        self.fouten: tuple[FieldError, ...] = tuple(fouten)
        eerste = str(self.fouten[0]) if self.fouten else "ongeldige invoer"
        extra = f" (en {len(self.fouten) - 1} andere)" if len(self.fouten) > 1 else ""
        super().__init__(f"ongeldige invoer: {eerste}{extra}")

    @classmethod
    def enkel(cls, veld: str, code: str, bericht: str | None = None) -> InputError:
        """One error with a code of :data:`CODES` (its standard text when no ``bericht``)."""
        return cls([FieldError(veld, code, bericht if bericht is not None else CODES[code])])

    @classmethod
    def uit_validatie(
        cls, fout: ValidationError, prefix: str = "", model: type[BaseModel] | None = None
    ) -> InputError:
        """Translate a pydantic ``ValidationError`` without its input values.

        The name of an unknown field is input too, so it is never repeated: the error
        names the object that holds it and, when ``model`` (the validated model) is
        given, the fields that object allows. Codes are translated to :data:`CODES`.
        """
        regels: list[FieldError] = []
        for e in fout.errors(include_input=False, include_url=False):
            loc = tuple(e["loc"])
            soort = e["type"]
            ctx = e.get("ctx") or {}
            if soort == "extra_forbidden":
                toegestaan = _velden(model, loc[:-1]) if model is not None else ()
                extra = f" (toegestaan: {', '.join(toegestaan)})" if toegestaan else ""
                regels.append(
                    FieldError(
                        veld=_pad(prefix, loc[:-1]),
                        code="onbekend_veld",
                        bericht=f"onbekend veld; de naam wordt niet herhaald{extra}",
                    )
                )
                continue
            if soort == "invalid_key":
                # The key itself is input (and may be a number): name only its object.
                veld = _pad(prefix, loc[:-1])
                regels.append(FieldError(veld, "ongeldige_sleutel", CODES["ongeldige_sleutel"]))
                continue
            pad = ctx.get("pad")
            if isinstance(pad, tuple):
                # A cross-field rule names the field it concerns (e.g. signalen[0].over).
                loc = (*loc, *pad)
            veld = _pad(prefix, loc)
            code = _CODE_VAN.get(soort, soort if soort in CODES else "ongeldige_waarde")
            regels.append(FieldError(veld=veld, code=code, bericht=_bericht(soort, code, ctx)))
        return cls(regels)


class KaderError(MeldcodeError, LookupError):
    """An unknown or broken kader, or no version on the peildatum."""


class PeildatumError(KaderError):
    """No version of the kader holds on the peildatum."""


class OpslagError(MeldcodeError, OSError):
    """A process store cannot be used: not a store of this library, corrupt, or read-only.

    The message says what is wrong with the store, never what it holds.
    """


class EngineUnavailable(MeldcodeError, RuntimeError):
    """The requested engine cannot run here (e.g. the optional extra is missing)."""

    @classmethod
    def onbekend(cls, engines: Sequence[str]) -> EngineUnavailable:
        """The error for an engine name that is none of ``engines`` (not repeated: input)."""
        return cls(f"onbekende engine (kies {' of '.join(engines)})")


_VEILIGE_SLEUTEL: Final = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def _model_in(annotatie: object) -> type[BaseModel] | None:
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return annotatie
    for arg in typing.get_args(annotatie):
        gevonden = _model_in(arg)
        if gevonden is not None:
            return gevonden
    return None


def _velden(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[str, ...]:
    """The field names the object at ``loc`` (inside ``model``) allows."""
    huidig: type[BaseModel] | None = model
    for stuk in loc:
        if huidig is None:
            return ()
        if isinstance(stuk, int):
            continue
        veld = huidig.model_fields.get(stuk)
        huidig = _model_in(veld.annotation) if veld is not None else None
    return tuple(huidig.model_fields) if huidig is not None else ()


def _pad(prefix: str, loc: Iterable[int | str]) -> str:
    delen = [prefix] if prefix else []
    for stuk in loc:
        if isinstance(stuk, int):
            if delen:
                delen[-1] = f"{delen[-1]}[{stuk}]"
            else:
                delen.append(f"[{stuk}]")
        elif _VEILIGE_SLEUTEL.match(stuk):
            delen.append(stuk)
        else:
            delen.append("<veld>")
    return ".".join(delen) or "<invoer>"


CODES: Final[dict[str, str]] = {
    # -- the line or the document as a whole ------------------------------------------
    "lege_regel": "lege regel (in JSON Lines hoort op elke regel een object)",
    "geen_utf8": "geen geldige UTF-8-tekst",
    "ongeldige_json": "ongeldige JSON",
    "meerdere_waarden": "meer dan één JSON-waarde (JSON Lines: één object per regel)",
    "te_diep_genest": "ongeldige JSON: te diep genest",
    "getal_te_groot": "een getal met te veel cijfers",
    "te_lang": "te lang (zie de limieten)",
    "dubbele_sleutel": "een sleutel komt meer dan eens voor in hetzelfde object",
    "geen_object": "verwacht een JSON-object",
    # -- one field -----------------------------------------------------------------------
    "ontbreekt": "verplicht veld ontbreekt",
    "onbekend_veld": "onbekend veld; de naam wordt niet herhaald",
    "ongeldige_sleutel": "een sleutel is geen tekst",
    "niet_toegestaan": "waarde niet toegestaan",
    "geen_datum": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "geen_tekst": "verwacht een tekst",
    "ongeldige_id": "ongeldige id (letters, cijfers en _.:- ; hoogstens 64 tekens)",
    "geen_boolean": "verwacht true of false",
    "geen_geheel_getal": "verwacht een geheel getal",
    "buiten_bereik": "getal buiten het toegestane bereik",
    "geen_lijst": "verwacht een lijst",
    "te_veel_elementen": "te veel elementen",
    "dubbel_element": "een element komt meer dan eens voor in de lijst",
    "ongeldig_element": "ongeldig element in lijst",
    "ongeldige_waarde": "ongeldige waarde",
    # -- rules across fields ----------------------------------------------------------
    "dubbele_id": "een id komt meer dan eens voor",
    "onbekende_betrokkene": "verwijst naar een onbekende betrokkene",
    "twijfel_met_antwoord": "twijfel en een antwoord (ja of nee) samen",
    "combinatie_ongeldig": "deze velden passen niet bij elkaar",
}
"""Every :attr:`FieldError.code`, with its standard Dutch text. Stable: part of the contract.

A system may switch on these codes; they never change meaning within a contract
version, and new ones are only added. The JSON Schema of the error record lists them.
"""

_CODE_VAN: Final[dict[str, str]] = {
    "missing": "ontbreekt",
    "extra_forbidden": "onbekend_veld",
    "invalid_key": "ongeldige_sleutel",
    "enum": "niet_toegestaan",
    "literal_error": "niet_toegestaan",
    "date_from_datetime_parsing": "geen_datum",
    "date_from_datetime_inexact": "geen_datum",
    "date_parsing": "geen_datum",
    "date_type": "geen_datum",
    "datetime_type": "geen_datum",
    "string_type": "geen_tekst",
    "string_pattern_mismatch": "ongeldige_id",
    "string_too_long": "te_lang",
    "bool_type": "geen_boolean",
    "bool_parsing": "geen_boolean",
    "int_type": "geen_geheel_getal",
    "int_parsing": "geen_geheel_getal",
    "int_from_float": "geen_geheel_getal",
    "int_parsing_size": "getal_te_groot",
    "greater_than": "buiten_bereik",
    "greater_than_equal": "buiten_bereik",
    "less_than": "buiten_bereik",
    "less_than_equal": "buiten_bereik",
    "finite_number": "buiten_bereik",
    "model_type": "geen_object",
    "model_attributes_type": "geen_object",
    "dict_type": "geen_object",
    "list_type": "geen_lijst",
    "tuple_type": "geen_lijst",
    "frozen_set_type": "geen_lijst",
    "set_type": "geen_lijst",
    "too_long": "te_veel_elementen",
    "set_item_not_hashable": "ongeldig_element",
    "json_invalid": "ongeldige_json",
    "json_type": "ongeldige_json",
    "recursion_loop": "te_diep_genest",
    "value_error": "ongeldige_waarde",
    "assertion_error": "ongeldige_waarde",
}
"""pydantic's error types (internal, English) to the stable :data:`CODES`."""


def _bericht(soort: str, code: str, ctx: dict[str, object]) -> str:
    """The Dutch text of one error: never pydantic's English, never an input value."""
    if soort in ("enum", "literal_error") and "expected" in ctx:
        toegestaan = str(ctx["expected"]).replace(" or ", " of ")
        return f"{CODES[code]} (toegestaan: {toegestaan})"
    if code == "buiten_bereik":
        grens = {
            "greater_than": "groter dan",
            "greater_than_equal": "minstens",
            "less_than": "kleiner dan",
            "less_than_equal": "hoogstens",
        }.get(soort)
        for sleutel in ("gt", "ge", "lt", "le"):
            if grens is not None and sleutel in ctx:
                return f"{CODES[code]} (verwacht {grens} {ctx[sleutel]})"
        return CODES[code]
    if code == "te_veel_elementen" and "max_length" in ctx:
        return f"{CODES[code]} (hoogstens {ctx['max_length']})"
    bericht = ctx.get("bericht")
    if isinstance(bericht, str):
        # Our own validators (PydanticCustomError) carry a Dutch message without values.
        return bericht
    return CODES.get(code, CODES["ongeldige_waarde"])


def suggesties(naam: str, bekend: Iterable[str], n: int = 3) -> list[str]:
    """The closest known names, for an error that teaches."""
    return difflib.get_close_matches(naam, list(bekend), n=n, cutoff=0.5)
