"""The HTTP service: every endpoint under ``/v1``, typed by the library's models.

Bodies are read as bytes and validated by the library itself (``validate_casus``,
``validate_gebeurtenis``), exactly as the CLI validates them, so a 422 carries the CLI's
field errors: the field path, a stable code and a Dutch sentence, never the value. The
OpenAPI document still describes every body by its model (see :func:`_openapi`).

Evaluation answers are the library's own JSON text (``evaluate_many(..., als_json=True)``),
byte-identical to ``Uitkomst.model_dump_json()``, sent without a second validation.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from meldcode_rules import (
    Casus,
    EngineUnavailable,
    InputError,
    KaderError,
    PeildatumError,
    Uitkomst,
    __version__,
    evaluate,
    evaluate_many,
    kader_for,
    list_kaders,
    load_kader,
    validate_casus,
)
from meldcode_rules.afwegingen import AFWEGINGEN
from meldcode_rules.beroepsgroepen import SECTOREN
from meldcode_rules.contract import BeroepsgroepRegister, kader_item, register_lijst
from meldcode_rules.proces import (
    Gebeurtenis,
    GeheugenOpslag,
    Overzicht,
    Proces,
    ProcesError,
    ProcesStaat,
    SqliteOpslag,
    validate_gebeurtenis,
)
from meldcode_rules.schema import SCHEMAS, json_schema
from meldcode_rules.server import batch
from meldcode_rules.server.instellingen import Instellingen, maak_opslag
from meldcode_rules.server.middleware import Bewaking, Grootte, Toegang
from meldcode_rules.server.modellen import (
    BeroepsgroepKeuze,
    Foutmelding,
    GebrokenKaderInfo,
    Gereedheid,
    Gezondheid,
    KaderLijst,
    KaderSamenvatting,
    KaderVersieInfo,
    RegelBron,
    RegelInfo,
    RegelLijst,
    RegisterBronInfo,
    VeldfoutInfo,
)
from meldcode_rules.tijd import peildatum_vandaag
from meldcode_rules.uitleg import uitleg

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

    from pydantic import BaseModel

    from meldcode_rules import Kader, KaderChoice, Registry, ResolvedKader
    from meldcode_rules.proces import Opslag
    from meldcode_rules.server.middleware import Receive, Scope, Send

__all__ = ["JSONL", "OPEN_PADEN", "PREFIX", "maak_app"]

PREFIX: Final = "/v1"
JSONL: Final = "application/x-ndjson"
"""The media type of JSON Lines (one JSON value per line), in and out."""
OPEN_PADEN: Final = frozenset(
    {f"{PREFIX}/health", f"{PREFIX}/ready", f"{PREFIX}/openapi.json", f"{PREFIX}/docs"}
)
"""Paths that need no token: probes and the (public) contract."""
BATCH_PAD: Final = f"{PREFIX}/evaluate/batch"
POGINGEN: Final = 50
"""How often an event is retried when another instance wrote the casus in between."""
VOORRAAD: Final = 64 << 20
"""Bytes of a batch read ahead while the client is not reading the answer (see the docs)."""

_T = TypeVar("_T")

Engine = Literal["native", "durable"]
Bronnen = Literal["verwijzing", "volledig"]


async def _ruwe_body(request: Request) -> bytes:
    return await request.body()


RuweBody = Annotated[bytes, Depends(_ruwe_body)]
"""A body read as bytes: the library validates it (as the CLI does), not FastAPI."""
KaderQ = Annotated[str | None, Query(description="Id van het afwegingskader (standaard: basis).")]
BeroepsgroepQ = Annotated[
    str | None,
    Query(description="Kies het kader van deze beroepsgroep (in plaats van kader)."),
]
Sector = Literal[SECTOREN]  # type: ignore[valid-type]
SectorQ = Annotated[
    Sector | None,
    Query(description="Bij beroepsgroep: de sector, om te kiezen tussen gelijke namen."),
]
PeildatumQ = Annotated[
    date | None,
    Query(
        description=(
            "JJJJ-MM-DD; standaard vandaag in Nederland (Europe/Amsterdam), niet in de tijdzone "
            "van de server. Geef hem altijd mee: de uitkomst hangt ervan af."
        )
    ),
]
EngineQ = Annotated[Engine, Query(description="native (standaard) of durable.")]
BronnenQ = Annotated[
    Bronnen,
    Query(
        description="verwijzing (standaard): compacte uitkomst, bronpassages en vragen staan "
        "per regel-id in GET /v1/kaders/{id}/regels; volledig: schrijf ze in elke uitkomst uit."
    ),
]


@dataclass(frozen=True, slots=True)
class _Keuze:
    """The query parameters that choose a kader version, and the peildatum.

    Checked when used, so an endpoint that reads its body first reports a bad body first.
    """

    kader: str | None
    beroepsgroep: str | None
    sector: str | None
    peildatum: date | None

    def kader_id(self) -> str:
        return _kader_id(self.kader, self.beroepsgroep, self.sector)

    def datum(self) -> date:
        return self.peildatum or peildatum_vandaag()


async def _keuze_q(
    kader: KaderQ = None,
    beroepsgroep: BeroepsgroepQ = None,
    sector: SectorQ = None,
    peildatum: PeildatumQ = None,
) -> _Keuze:
    return _Keuze(kader, beroepsgroep, sector, peildatum)


KeuzeQ = Annotated[_Keuze, Depends(_keuze_q)]
"""kader, beroepsgroep, sector and peildatum, the query parameters of every evaluation."""


async def _uitvoer_q(
    engine: EngineQ = "native", bronnen: BronnenQ = "verwijzing"
) -> tuple[Engine, Bronnen]:
    return engine, bronnen


UitvoerQ = Annotated[tuple[Engine, Bronnen], Depends(_uitvoer_q)]
"""engine and bronnen (after the choice of the kader, in the OpenAPI document too)."""
KaderPad = Annotated[str, Path(description="Id van het kader, bijvoorbeeld basis of knmg.")]
SchemaNaam = Literal[SCHEMAS]  # type: ignore[valid-type]


def _fout(status: int, beschrijving: str) -> dict[int | str, dict[str, Any]]:
    """An error answer of an endpoint for the OpenAPI document: a :class:`Foutmelding`."""
    return {status: {"model": Foutmelding, "description": beschrijving}}


_FOUTEN: Final = {
    **_fout(401, "Bearer-token ontbreekt of is onjuist."),
    **_fout(413, "De invoer is groter dan de grens."),
    **_fout(422, "Ongeldige invoer: de velden, nooit hun waarde."),
}


class ApiFout(Exception):
    """An error answer: status, stable code, one Dutch sentence, and the fields at fault."""

    def __init__(
        self, status: int, code: str, bericht: str, fouten: list[VeldfoutInfo] | None = None
    ) -> None:
        self.status = status
        self.code = code
        self.bericht = bericht
        self.fouten = fouten or []
        super().__init__(bericht)

    @classmethod
    def invoer(cls, fout: InputError) -> ApiFout:
        """A 422 for an invalid body, with the CLI's field errors."""
        velden = batch.veldfouten(fout)
        bericht = f"ongeldige invoer: {velden[0].veld}: {velden[0].bericht}"
        if len(velden) > 1:
            bericht += f" (en {len(velden) - 1} andere)"
        return cls(422, "ongeldige_invoer", bericht, velden)

    @classmethod
    def veld(cls, veld: str, code: str, bericht: str) -> ApiFout:
        """A 422 for one query or path parameter."""
        return cls(
            422, code, f"{veld}: {bericht}", [VeldfoutInfo(veld=veld, code=code, bericht=bericht)]
        )


def _antwoord(fout: ApiFout) -> JSONResponse:
    inhoud = Foutmelding(code=fout.code, bericht=fout.bericht, fouten=fout.fouten)
    kop = {"www-authenticate": "Bearer"} if fout.status == 401 else None
    return JSONResponse(inhoud.model_dump(mode="json"), status_code=fout.status, headers=kop)


_PARAMETER_CODE: Final = {
    "date_from_datetime_parsing": "geen_datum",
    "date_from_datetime_inexact": "geen_datum",
    "date_parsing": "geen_datum",
    "date_type": "geen_datum",
    "missing": "ontbreekt",
    "string_too_long": "te_lang",
    "string_pattern_mismatch": "ongeldige_id",
    "enum": "niet_toegestaan",
    "literal_error": "niet_toegestaan",
}
"""Query and path parameter errors in the codes of the JSON contract."""


def _parameterfout(fout: RequestValidationError) -> ApiFout:
    """A 422 for query and path parameters: the parameter's name, never its value."""
    velden: list[VeldfoutInfo] = []
    for e in fout.errors():
        loc = [str(d) for d in e.get("loc", ())]
        veld = loc[-1] if len(loc) > 1 else "<invoer>"
        code = _PARAMETER_CODE.get(str(e.get("type")), "ongeldige_waarde")
        bericht = None
        if code == "niet_toegestaan":
            toegestaan = str((e.get("ctx") or {}).get("expected", "")).replace(" or ", " of ")
            bericht = f"waarde niet toegestaan (toegestaan: {toegestaan})"
        elif code == "te_lang":
            bericht = "te lang"
        velden += batch.veldfouten(InputError.enkel(veld, code, bericht))
    eerste = velden[0]
    bericht = f"ongeldige invoer: {eerste.veld}: {eerste.bericht}"
    return ApiFout(422, "ongeldige_invoer", bericht, velden)


def _body(naam: str, beschrijving: str) -> dict[str, Any]:
    schema = {"$ref": f"#/components/schemas/{naam}"}
    return {
        "requestBody": {
            "required": True,
            "description": beschrijving,
            "content": {"application/json": {"schema": schema}},
        }
    }


def _opslag_soort(opslag: Opslag) -> Literal["geheugen", "sqlite", "postgresql", "anders"]:
    if isinstance(opslag, GeheugenOpslag):
        return "geheugen"
    if isinstance(opslag, SqliteOpslag):
        return "sqlite"
    if type(opslag).__name__ == "PostgresOpslag":
        return "postgresql"
    return "anders"


class _Voorraad:
    """A byte-bounded read-ahead of the request body (see :data:`VOORRAAD`)."""

    def __init__(self, grens: int) -> None:
        self.grens = grens
        self.bytes = 0
        self.stukken: asyncio.Queue[bytes | BaseException | None] = asyncio.Queue()
        self.ruimte = asyncio.Condition()

    async def lees(self, bron: AsyncIterator[bytes]) -> None:
        try:
            async for stuk in bron:
                if not stuk:
                    continue
                async with self.ruimte:
                    await self.ruimte.wait_for(lambda: self.bytes < self.grens)
                    self.bytes += len(stuk)
                self.stukken.put_nowait(stuk)
        except (batch.TeGroot, ClientDisconnect) as fout:
            self.stukken.put_nowait(fout)
            return
        self.stukken.put_nowait(None)

    async def stukken_uit(self) -> AsyncIterator[bytes]:
        while True:
            stuk = await self.stukken.get()
            if stuk is None or isinstance(stuk, ClientDisconnect):
                return
            if isinstance(stuk, BaseException):
                raise stuk
            async with self.ruimte:
                self.bytes -= len(stuk)
                self.ruimte.notify_all()
            yield stuk


class _JsonLinesAntwoord(Response):
    """Streams JSON Lines without listening for a disconnect (that would eat the body)."""

    media_type = JSONL

    def __init__(self, inhoud: AsyncIterator[bytes]) -> None:
        super().__init__(status_code=200, media_type=JSONL)
        self.inhoud = inhoud

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # noqa: ARG002 - ASGI
        headers = [(k, v) for k, v in self.raw_headers if k != b"content-length"]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        try:
            async for stuk in self.inhoud:
                await send({"type": "http.response.body", "body": stuk, "more_body": True})
        except OSError:
            return
        await send({"type": "http.response.body", "body": b"", "more_body": False})


class _Dienst:
    """What the endpoints share: the settings, the process, the kaders' fingerprints."""

    def __init__(self, instellingen: Instellingen) -> None:
        self.instellingen = instellingen
        self.opslag = maak_opslag(instellingen.opslag)
        self.proces = Proces(self.opslag, instellingen.termijnen)
        self._vingerafdrukken: dict[tuple[str, str], str] = {}
        self.registry = _register()
        """The installed kaders as loaded at start (with the broken ones and why)."""

    def vingerafdruk(self, kader: Kader, versie: str, geldig_van: date) -> str:
        sleutel = (kader.id, versie)
        gevonden = self._vingerafdrukken.get(sleutel)
        if gevonden is None:
            # The fingerprint of the resolved rule tree, as every outcome carries it.
            gevonden = evaluate({"id": "vingerafdruk"}, kader, geldig_van).kader.vingerafdruk
            self._vingerafdrukken[sleutel] = gevonden
        return gevonden

    def verwerk(self, gebeurtenis: Gebeurtenis) -> ProcesStaat:
        """Apply an event; retry when another instance wrote the casus in between."""
        for poging in range(POGINGEN):
            try:
                return self.proces.verwerk(gebeurtenis)
            except ProcesError as fout:
                if fout.code != "gelijktijdig" or poging == POGINGEN - 1:
                    raise
            time.sleep(random.uniform(0, 0.001 * min(2**poging, 32)))  # noqa: S311 - jitter
        raise AssertionError  # pragma: no cover - the loop returns or raises

    def gereed(self) -> bool:
        try:
            gereed = getattr(self.opslag, "gereed", None)
            if callable(gereed):
                return bool(gereed())
            self.opslag.laad("gereedheidscontrole")
        except Exception:  # noqa: BLE001 - any failure of the store means: not ready
            return False
        return True


def _kader_id(kader: str | None, beroepsgroep: str | None, sector: str | None) -> str:
    if beroepsgroep is None:
        return kader or "basis"
    if kader is not None:
        bericht = "geef kader of beroepsgroep, niet allebei"
        raise ApiFout.veld(veld="kader", code="kader_en_beroepsgroep", bericht=bericht)
    keuze = _keuze(beroepsgroep, sector, "beroepsgroep")
    if keuze.kader is None:
        b = keuze.beroepsgroep
        bericht = (
            f"{b.naam} gebruikt {b.kader_naam}; dat kader is bekend maar niet gecodeerd "
            f"({b.reden}) {b.advies}"
        )
        raise ApiFout.veld(veld="beroepsgroep", code="kader_niet_gecodeerd", bericht=bericht)
    return keuze.kader


def _keuze(naam: str, sector: str | None, veld: str) -> KaderChoice:
    try:
        return kader_for(naam, sector)
    except KaderError as fout:
        code = "meerdere_beroepsgroepen" if "meerdere" in str(fout) else "onbekende_beroepsgroep"
        raise ApiFout.veld(veld, code, str(fout)) from None


def _motorfout(fout: KaderError | EngineUnavailable) -> ApiFout:
    if isinstance(fout, PeildatumError):
        return ApiFout.veld("peildatum", "geen_versie", str(fout))
    if isinstance(fout, EngineUnavailable):
        return ApiFout.veld("engine", "engine_niet_beschikbaar", str(fout))
    return ApiFout.veld("kader", "onbekend_kader", str(fout))


def _register() -> Registry:
    from meldcode_rules import Registry  # noqa: PLC0415 - a fresh one: the broken list_kaders

    return Registry()


def _kader(kader_id: str) -> Kader:
    for k in list_kaders():
        if k.id == kader_id:
            return k
    raise ApiFout(404, "onbekend_kader", "onbekend kader (zie GET /v1/kaders)")


def _regel_info(effectief: ResolvedKader, vingerafdruk: str) -> RegelLijst:
    herkomst = effectief.herkomst()
    regels = [
        RegelInfo(
            id=r.id,
            doel=r.doel,
            conclusie=r.conclusie,
            voorwaarde=str(r.als),
            label=r.label,
            toelichting=r.toelichting,
            kader=herkomst.get(r.id, effectief.kader.id),
            bron=RegelBron.van(r.bron),
        )
        for r in effectief.regels
    ]
    basis = effectief.basis
    return RegelLijst(
        kader=effectief.kader.id,
        versie=effectief.versie.versie,
        geldig_van=effectief.versie.geldig_van,
        geldig_tot=effectief.versie.geldig_tot,
        vingerafdruk=vingerafdruk,
        basis=f"{basis.kader.id}:{basis.versie.versie}" if basis is not None else None,
        vragen={a: effectief.vraag(a) for a in AFWEGINGEN},
        regels=regels,
    )


def _router(dienst: _Dienst) -> APIRouter:  # noqa: C901, PLR0915 - one closure per endpoint
    router = APIRouter(prefix=PREFIX, responses=_FOUTEN)

    @router.post(
        "/evaluate",
        response_model=Uitkomst,
        summary="Beoordeel één casus",
        tags=["evaluatie"],
        openapi_extra=_body("Casus", "Eén casus."),
    )
    async def evaluate_casus(
        request: Request,
        keuze: KeuzeQ,
        uitvoer: UitvoerQ,
    ) -> Response:
        """The two beslissingen of stap 5 for one casus, with the afwegingen and their trace."""
        gegevens = _lees_body(await request.body(), Casus)
        kader_id = keuze.kader_id()
        engine, bronnen = uitvoer
        try:
            stroom = evaluate_many(
                [gegevens],
                kader_id,
                keuze.datum(),
                engine,
                als_json=True,
                bronnen=bronnen,
            )
        except (KaderError, EngineUnavailable) as fout:
            raise _motorfout(fout) from None
        resultaat = next(stroom)
        if isinstance(resultaat, InputError):
            raise ApiFout.invoer(resultaat)
        return Response(resultaat, media_type="application/json")

    @router.post(
        "/evaluate/batch",
        summary="Beoordeel een reeks casussen (JSON Lines, gestreamd)",
        tags=["evaluatie"],
        response_class=_JsonLinesAntwoord,
        status_code=200,
        responses={
            200: {
                "description": (
                    "Per invoerregel één JSON-regel, in dezelfde volgorde: een Uitkomst, of de "
                    'foutregel {"lijn": N, "casus_id": ..., "fouten": [...]} (schema foutregel).'
                ),
                "content": {JSONL: {"schema": {"type": "string"}}},
            }
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "JSON Lines: één Casus per regel (UTF-8).",
                "content": {JSONL: {"schema": {"type": "string"}}},
            }
        },
    )
    async def evaluate_batch(
        request: Request,
        keuze: KeuzeQ,
        uitvoer: UitvoerQ,
    ) -> Response:
        """Results stream out as casussen stream in; a bad line gets an error record in place."""
        kader_id, datum = keuze.kader_id(), keuze.datum()
        engine, bronnen = uitvoer
        try:
            evaluate_many([], kader_id, datum, engine)  # the kader and engine, before streaming
        except (KaderError, EngineUnavailable) as fout:
            raise _motorfout(fout) from None

        async def verwerk(regels: list[tuple[int, bytes]]) -> bytes:
            return await run_in_threadpool(
                batch.evalueer_regels,
                regels,
                kader_id,
                datum,
                engine,
                dienst.instellingen.max_body,
                bronnen,
            )

        return _JsonLinesAntwoord(_batch(request, verwerk))

    async def _batch(
        request: Request, verwerk: Callable[[list[tuple[int, bytes]]], Any]
    ) -> AsyncIterator[bytes]:
        voorraad = _Voorraad(VOORRAAD)
        lezer = asyncio.create_task(voorraad.lees(request.stream()))
        try:
            async for stuk in batch.stroom(
                voorraad.stukken_uit(),
                verwerk,
                dienst.instellingen.max_body,
                dienst.instellingen.max_batch,
            ):
                yield stuk
        finally:
            lezer.cancel()
            with contextlib.suppress(asyncio.CancelledError, batch.TeGroot, ClientDisconnect):
                await lezer

    @router.post(
        "/explain",
        response_class=PlainTextResponse,
        summary="Leg de afweging uit, in het Nederlands, voor het dossier",
        tags=["evaluatie"],
        responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
        openapi_extra=_body("Casus", "Eén casus."),
    )
    def explain(body: RuweBody, keuze: KeuzeQ) -> PlainTextResponse:
        """The afwegingsvragen, the answers and their origin, the beslissingen, what follows.

        The text never repeats the casus id or any other input text.
        """
        casus = _geldig(body, Casus, validate_casus)
        kader_id, datum = keuze.kader_id(), keuze.datum()
        try:
            effectief = load_kader(kader_id, datum)
        except KaderError as fout:
            raise _motorfout(fout) from None
        uitkomst = evaluate(casus, effectief.kader, datum)
        return PlainTextResponse(uitleg(uitkomst, effectief, casus, datum))

    @router.get(
        "/kaders", response_model=KaderLijst, summary="Alle afwegingskaders", tags=["kaders"]
    )
    async def kaders_lijst() -> KaderLijst:
        """Every registered kader with its versions, their validity and fingerprints."""
        registry = dienst.registry
        return KaderLijst(
            kaders=[_samenvatting(k, registry) for k in list_kaders()],
            gebroken=[
                GebrokenKaderInfo(naam=g.naam, distributie=g.distributie, reden=g.reden)
                for g in registry.broken()
            ],
        )

    def _samenvatting(kader: Kader, registry: Registry) -> KaderSamenvatting:
        versies = sorted(kader.versies, key=lambda v: v.geldig_van)
        return KaderSamenvatting(
            **kader_item(registry, kader).model_dump(exclude={"bron", "versies"}),
            versies=[
                KaderVersieInfo(
                    versie=v.versie,
                    geldig_van=v.geldig_van,
                    geldig_tot=v.geldig_tot,
                    vingerafdruk=dienst.vingerafdruk(kader, v.versie, v.geldig_van),
                    bron_titel=v.bron.titel,
                    bron_adres=v.bron.adres,
                )
                for v in versies
            ],
        )

    @router.get(
        "/kaders/{kader_id}",
        response_model=KaderSamenvatting,
        summary="Eén afwegingskader",
        tags=["kaders"],
        responses=_fout(404, "Onbekend kader."),
    )
    async def kader_info(kader_id: KaderPad) -> KaderSamenvatting:
        """One kader with its versions, their validity and fingerprints."""
        return _samenvatting(_kader(kader_id), dienst.registry)

    @router.get(
        "/kaders/{kader_id}/regels",
        response_model=RegelLijst,
        summary="De regels van één kaderversie, met hun bron",
        tags=["kaders"],
        responses=_fout(404, "Onbekend kader of versie."),
    )
    def kader_regels(
        kader_id: KaderPad,
        peildatum: PeildatumQ = None,
        versie: Annotated[
            str | None, Query(description="De versie (in plaats van peildatum).")
        ] = None,
    ) -> RegelLijst:
        """Every rule that holds in the version (inherited, tightened, own), with its source."""
        kader = _kader(kader_id)
        if versie is not None:
            try:
                datum = kader.versie_genaamd(versie).geldig_van
            except KaderError:
                raise ApiFout(404, "onbekende_versie", "onbekende versie van dit kader") from None
        else:
            datum = peildatum or peildatum_vandaag()
        try:
            effectief = load_kader(kader, datum)
        except KaderError as fout:
            raise _motorfout(fout) from None
        vingerafdruk = dienst.vingerafdruk(
            kader, effectief.versie.versie, effectief.versie.geldig_van
        )
        return _regel_info(effectief, vingerafdruk)

    @router.get(
        "/beroepsgroepen",
        response_model=BeroepsgroepRegister,
        summary="Het hele beroepsgroepenregister",
        tags=["kaders"],
    )
    async def beroepsgroepen_lijst() -> Response:
        """Every beroepsgroep: names, sector, kader (as ``meldcode kaders --beroepsgroepen``)."""
        return _json(register_lijst(dienst.registry))

    @router.get(
        "/beroepsgroepen/{naam}",
        response_model=BeroepsgroepKeuze,
        summary="Welk afwegingskader gebruikt deze beroepsgroep?",
        tags=["kaders"],
    )
    async def beroepsgroep(
        naam: Annotated[
            str,
            Path(max_length=200, description="Naam of afkorting, bijvoorbeeld huisarts of IB'er."),
        ],
        sector: SectorQ = None,
    ) -> BeroepsgroepKeuze:
        """The beroepsgroep found by any of its names, its kader (or why none), the source."""
        keuze = _keuze(naam, sector, "naam")
        b = keuze.beroepsgroep
        return BeroepsgroepKeuze(
            beroepsgroep=b.naam,
            sector=b.sector,
            namen=list(b.namen),
            status=b.status,
            kader=keuze.kader,
            kader_naam=b.kader_naam,
            waarom=keuze.waarom,
            bron=RegisterBronInfo(uitgever=b.bron.uitgever, titel=b.bron.titel, adres=b.bron.adres),
            reden=b.reden or None,
            advies=b.advies or None,
            toelichting=b.toelichting or None,
        )

    @router.get(
        "/schemas/{naam}",
        response_model=dict[str, Any],
        summary="Een JSON Schema van de bibliotheek",
        tags=["kaders"],
    )
    async def schema(naam: Annotated[SchemaNaam, Path()]) -> dict[str, Any]:
        """The JSON Schema (draft 2020-12), as ``meldcode schema NAAM`` prints it."""
        return json_schema(naam)

    @router.post(
        "/proces/gebeurtenissen",
        response_model=ProcesStaat,
        summary="Meld een gebeurtenis in het meldcodeproces van een casus",
        tags=["proces"],
        responses=_fout(409, "De gebeurtenis kan niet volgen; niets veranderd."),
        openapi_extra=_body("Gebeurtenis", "Eén gebeurtenis."),
    )
    def gebeurtenis(body: RuweBody) -> Response:
        """Apply one event to its casus and store the new state.

        An event that cannot follow (dated before the previous one, a melding before any
        besluit, ...) is a 409 with the process's code; nothing changed. When another
        instance wrote the same casus in between, the event is applied again to the new
        state (compare-and-set), so concurrent writers lose nothing.
        """
        g = _geldig(body, Gebeurtenis, validate_gebeurtenis)
        try:
            staat = dienst.verwerk(g)
        except ProcesError as fout:
            raise ApiFout(409, fout.code, str(fout)) from None
        return _json(staat)

    @router.get(
        "/proces/casussen/{casus_id}",
        response_model=Overzicht,
        summary="Waar staat een casus in de meldcode?",
        tags=["proces"],
        responses=_fout(404, "Van deze casus is geen gebeurtenis bekend."),
    )
    def overzicht(
        casus_id: Annotated[str, Path(max_length=64, description="Het id van de casus.")],
        peildatum: PeildatumQ = None,
    ) -> Response:
        """The current step, what each step still lacks, overdue termijnen, the closure verdict."""
        try:
            o = dienst.proces.overzicht(casus_id, peildatum or peildatum_vandaag())
        except ProcesError as fout:
            raise ApiFout(404, fout.code, str(fout)) from None
        return _json(o)

    @router.get("/health", response_model=Gezondheid, summary="Leeft de dienst?", tags=["beheer"])
    async def health() -> Gezondheid:
        """Liveness: the process answers."""
        return Gezondheid(status="ok")

    @router.get(
        "/ready",
        response_model=Gereedheid,
        summary="Is de dienst gereed?",
        tags=["beheer"],
        responses={503: {"model": Gereedheid, "description": "Niet gereed."}},
    )
    def ready() -> JSONResponse:
        """Readiness: the kaders load and the process store answers (503 otherwise)."""
        aantal = len(list_kaders())
        bereikbaar = dienst.gereed()
        goed = bereikbaar and aantal > 0
        inhoud = Gereedheid(
            status="gereed" if goed else "niet_gereed",
            kaders=aantal,
            opslag=_opslag_soort(dienst.opslag),
            opslag_bereikbaar=bereikbaar,
        )
        return JSONResponse(inhoud.model_dump(mode="json"), status_code=200 if goed else 503)

    return router


def _json(model: BaseModel) -> Response:
    """A model as the JSON answer, serialised by the library (as the CLI prints it)."""
    return Response(model.model_dump_json(), media_type="application/json")


def _geldig(body: bytes, model: type[BaseModel], valideer: Callable[[dict[str, Any]], _T]) -> _T:
    """The body read as ``model`` and validated by the library (a 422 on any error)."""
    try:
        return valideer(_lees_body(body, model))
    except InputError as fout:
        raise ApiFout.invoer(fout) from None


def _lees_body(body: bytes, model: type[BaseModel]) -> dict[str, Any]:
    try:
        return batch.lees_body(body, model)
    except InputError as fout:
        raise ApiFout.invoer(fout) from None


def _fouten_als_json(document: dict[str, Any]) -> None:
    """Every error answer is JSON, also on an endpoint whose answer is text or JSON Lines."""
    fout = {"$ref": "#/components/schemas/Foutmelding"}
    for operaties in document["paths"].values():
        for operatie in operaties.values():
            for status, antwoord in operatie.get("responses", {}).items():
                inhoud = antwoord.get("content", {})
                if status.startswith(("4", "5")) and any(
                    v.get("schema") == fout for v in inhoud.values()
                ):
                    antwoord["content"] = {"application/json": {"schema": fout}}


def _openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """The OpenAPI 3.1 document, with the library's body models as components."""

    def maak() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = get_openapi(
            title="meldcode-rules",
            version=__version__,
            summary="De meldcode huiselijk geweld en kindermishandeling als HTTP-dienst.",
            description=(
                "Beoordeel casussen tegen de afwegingskaders van de beroepsgroepen, volg het "
                "meldcodeproces per casus, en lees de kaders met hun regels en bronnen. "
                "Fouten noemen het veld, nooit de waarde."
            ),
            routes=app.routes,
            tags=[
                {
                    "name": "evaluatie",
                    "description": "Stap 4 en 5: de afweging en de beslissingen.",
                },
                {"name": "proces", "description": "De vijf stappen over dagen en weken."},
                {
                    "name": "kaders",
                    "description": "De kaders, hun regels en bronnen, de beroepsgroepen.",
                },
                {"name": "beheer", "description": "Gezondheid en gereedheid."},
            ],
        )
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        _, defs = models_json_schema(
            [(Casus, "validation"), (Gebeurtenis, "validation")],
            ref_template="#/components/schemas/{model}",
        )
        for naam, schema in defs.get("$defs", {}).items():
            if naam in schemas and schemas[naam] != schema:
                msg = f"OpenAPI: twee verschillende schema's heten {naam}"
                raise RuntimeError(msg)
            schemas[naam] = schema
        document["components"]["securitySchemes"] = {
            "bearer": {
                "type": "http",
                "scheme": "bearer",
                "description": "Alleen als de dienst met een token is gestart.",
            }
        }
        document["security"] = [{}, {"bearer": []}]
        _fouten_als_json(document)
        for pad in OPEN_PADEN:
            for operatie in document["paths"].get(pad, {}).values():
                operatie["security"] = [{}]
                operatie["responses"].pop("401", None)
        app.openapi_schema = document
        return document

    return maak


def maak_app(instellingen: Instellingen | None = None) -> FastAPI:
    """The ASGI app of the service.

    Args:
        instellingen: limits, token, process store and termijnen (default: no token,
            1 MiB bodies, an in-memory process store).
    """
    inst = instellingen or Instellingen()
    dienst = _Dienst(inst)
    app = FastAPI(
        title="meldcode-rules",
        version=__version__,
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=f"{PREFIX}/docs",
        redoc_url=None,
        generate_unique_id_function=lambda route: route.name,
    )
    app.include_router(_router(dienst))
    app.openapi = _openapi(app)  # type: ignore[method-assign]
    app.state.dienst = dienst

    @app.exception_handler(ApiFout)
    async def _api_fout(_: Request, fout: ApiFout) -> JSONResponse:
        return _antwoord(fout)

    @app.exception_handler(RequestValidationError)
    async def _parameter(_: Request, fout: RequestValidationError) -> JSONResponse:
        return _antwoord(_parameterfout(fout))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, fout: StarletteHTTPException) -> JSONResponse:
        codes = {404: "niet_gevonden", 405: "methode_niet_toegestaan"}
        berichten = {
            404: "dit pad bestaat niet (zie /v1/openapi.json)",
            405: "deze methode kan hier niet",
        }
        code = codes.get(fout.status_code, "http_fout")
        return _antwoord(ApiFout(fout.status_code, code, berichten.get(fout.status_code, code)))

    app.add_middleware(
        Grootte,
        max_body=inst.max_body,
        max_batch=inst.max_batch,
        batch_paden=frozenset({BATCH_PAD}),
    )
    app.add_middleware(Toegang, token=inst.token, open_paden=OPEN_PADEN)
    app.add_middleware(Bewaking)
    return app
