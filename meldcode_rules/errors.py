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
    "EngineUnavailable",
    "InputError",
    "KaderError",
    "MeldcodeError",
    "PeildatumError",
    "FieldError",
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
    """The input does not fit the model. Names the fields, never their values."""

    def __init__(self, fouten: Sequence[FieldError]) -> None:
        self.fouten: tuple[FieldError, ...] = tuple(fouten)
        eerste = str(self.fouten[0]) if self.fouten else "ongeldige invoer"
        extra = f" (en {len(self.fouten) - 1} andere)" if len(self.fouten) > 1 else ""
        super().__init__(f"ongeldige invoer: {eerste}{extra}")

    @classmethod
    def uit_validatie(
        cls, fout: ValidationError, prefix: str = "", model: type[BaseModel] | None = None
    ) -> InputError:
        """Translate a pydantic ``ValidationError`` without its input values.

        The name of an unknown field is input too, so it is never repeated: the error
        names the object that holds it and, when ``model`` (the validated model) is
        given, the fields that object allows.
        """
        regels: list[FieldError] = []
        for e in fout.errors(include_input=False, include_url=False):
            loc = tuple(e["loc"])
            if e["type"] == "extra_forbidden":
                toegestaan = _velden(model, loc[:-1]) if model is not None else ()
                extra = f" (toegestaan: {', '.join(toegestaan)})" if toegestaan else ""
                regels.append(
                    FieldError(
                        veld=_pad(prefix, loc[:-1]),
                        code=e["type"],
                        bericht=f"onbekend veld; de naam wordt niet herhaald{extra}",
                    )
                )
                continue
            regels.append(
                FieldError(
                    veld=_pad(prefix, loc),
                    code=e["type"],
                    bericht=_bericht(e["type"], e.get("ctx") or {}, e["msg"]),
                )
            )
        return cls(regels)


class KaderError(MeldcodeError, LookupError):
    """An unknown or broken kader, or no version on the peildatum."""


class PeildatumError(KaderError):
    """No version of the kader holds on the peildatum."""


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


_BERICHTEN: Final[dict[str, str]] = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "enum": "waarde niet toegestaan (toegestaan: {expected})",
    "literal_error": "waarde niet toegestaan (toegestaan: {expected})",
    "date_from_datetime_parsing": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "date_parsing": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "date_type": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "string_type": "verwacht een tekst",
    "string_pattern_mismatch": "ongeldige id (letters, cijfers en _.:- ; hoogstens 64 tekens)",
    "bool_type": "verwacht true of false",
    "bool_parsing": "verwacht true of false",
    "model_type": "verwacht een object",
    "model_attributes_type": "verwacht een object",
    "dict_type": "verwacht een object",
    "list_type": "verwacht een lijst",
    "tuple_type": "verwacht een lijst",
    "frozen_set_type": "verwacht een lijst",
    "set_type": "verwacht een lijst",
    "too_long": "te veel elementen",
    "value_error": "{error}",
    "assertion_error": "{error}",
    "set_item_not_hashable": "ongeldig element in lijst",
}


def _bericht(code: str, ctx: dict[str, object], standaard: str) -> str:
    sjabloon = _BERICHTEN.get(code)
    if sjabloon is None:
        return standaard
    if code in ("value_error", "assertion_error"):
        fout = ctx.get("error")
        tekst = str(fout) if fout is not None else standaard
        return tekst.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    try:
        return sjabloon.format(**{k: str(v).replace(" or ", " of ") for k, v in ctx.items()})
    except (KeyError, IndexError):
        return sjabloon.split(" (")[0]


def suggesties(naam: str, bekend: Iterable[str], n: int = 3) -> list[str]:
    """The closest known names, for an error that teaches."""
    return difflib.get_close_matches(naam, list(bekend), n=n, cutoff=0.5)
