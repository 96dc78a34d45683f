"""ASGI middleware of the service: the last-resort error, the access log, the token, the size limit.

Privacy: case data is special-category personal data. No log line of the service holds
a request body, a query string, a concrete path (a casus id is a path parameter) or an
exception message (a validation message can hold input): the access log names the
route *template*, the method, the status and the time taken; an unexpected error is
logged by its type name only, as the CLI reports it.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from typing import TYPE_CHECKING, Any, Final

from meldcode_rules.server.batch import TeGroot

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, MutableMapping

    Scope = MutableMapping[str, Any]
    Message = MutableMapping[str, Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]
    ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

__all__ = ["LOGGER", "Bewaking", "Grootte", "Toegang"]

LOGGER: Final = logging.getLogger("meldcode_rules.server")
"""The service's logger (the access log and unexpected errors)."""


async def stuur_fout(
    send: Send, status: int, code: str, bericht: str, kop: dict[str, str] | None = None
) -> None:
    """Send an error response with a :class:`~meldcode_rules.server.modellen.Foutmelding` body."""
    inhoud = json.dumps({"code": code, "bericht": bericht, "fouten": []}, ensure_ascii=False)
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(inhoud.encode())).encode()),
    ]
    headers += [(k.encode(), v.encode()) for k, v in (kop or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": inhoud.encode()})


def _sjabloon(scope: Scope) -> str:
    route = scope.get("route")
    pad = getattr(route, "path", None)
    return pad if isinstance(pad, str) else "<geen route>"


class Bewaking:
    """Outermost: the access log without case data, and a 500 for any unexpected error."""

    def __init__(self, app: ASGIApp) -> None:
        """Wrap ``app``."""
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one request and log it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        begin = time.perf_counter()
        status = 0

        async def send_en_onthoud(bericht: Message) -> None:
            nonlocal status
            if bericht["type"] == "http.response.start":
                status = int(bericht["status"])
            await send(bericht)

        try:
            await self.app(scope, receive, send_en_onthoud)
        except Exception as fout:  # noqa: BLE001 - never a traceback (it may hold input)
            LOGGER.error(  # noqa: TRY400 - the traceback is left out on purpose
                "interne fout (%s) bij %s %s",
                type(fout).__name__,
                scope["method"],
                _sjabloon(scope),
            )
            if status == 0:
                status = 500
                await stuur_fout(
                    send, 500, "intern", "interne fout; meld dit als fout in meldcode-rules"
                )
        duur = (time.perf_counter() - begin) * 1000
        LOGGER.info("%s %s %d %.1f ms", scope["method"], _sjabloon(scope), status, duur)


class Toegang:
    """The optional bearer token: every path but the open ones needs it."""

    def __init__(self, app: ASGIApp, token: str | None, open_paden: frozenset[str]) -> None:
        """Require ``Authorization: Bearer <token>`` (when ``token`` is set)."""
        self.app = app
        self.token = token.encode() if token else None
        self.open_paden = open_paden

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Let the request through, or answer 401."""
        if self.token is None or scope["type"] != "http" or scope["path"] in self.open_paden:
            await self.app(scope, receive, send)
            return
        gegeven = b""
        for naam, waarde in scope["headers"]:
            if naam == b"authorization":
                soort, _, rest = waarde.partition(b" ")
                if soort.lower() == b"bearer":
                    gegeven = rest.strip()
                break
        if not hmac.compare_digest(gegeven, self.token):
            await stuur_fout(
                send,
                401,
                "niet_geautoriseerd",
                "een geldig bearer-token is nodig (Authorization: Bearer ...)",
                {"www-authenticate": "Bearer"},
            )
            return
        await self.app(scope, receive, send)


class Grootte:
    """The request-size limit: 413 before reading when Content-Length says so, else while reading.

    Paths in ``batch_paden`` get ``max_batch`` (they stream); every other body ``max_body``.
    """

    def __init__(
        self, app: ASGIApp, max_body: int, max_batch: int, batch_paden: frozenset[str]
    ) -> None:
        """Limit bodies to ``max_body`` bytes (``max_batch`` on the batch paths)."""
        self.app = app
        self.max_body = max_body
        self.max_batch = max_batch
        self.batch_paden = batch_paden

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request within the limit."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        grens = self.max_batch if scope["path"] in self.batch_paden else self.max_body
        for naam, waarde in scope["headers"]:
            if naam == b"content-length":
                try:
                    lengte = int(waarde)
                except ValueError:
                    lengte = -1
                if lengte > grens:
                    await _te_groot(send, grens)
                    return
        gelezen = 0

        async def receive_met_grens() -> Message:
            nonlocal gelezen
            bericht = await receive()
            if bericht["type"] == "http.request":
                gelezen += len(bericht.get("body", b""))
                if gelezen > grens:
                    raise TeGroot
            return bericht

        begonnen = False

        async def send_en_onthoud(bericht: Message) -> None:
            nonlocal begonnen
            begonnen = begonnen or bericht["type"] == "http.response.start"
            await send(bericht)

        try:
            await self.app(scope, receive_met_grens, send_en_onthoud)
        except TeGroot:
            if not begonnen:
                await _te_groot(send, grens)


async def _te_groot(send: Send, grens: int) -> None:
    await stuur_fout(send, 413, "te_groot", f"de invoer is groter dan {grens} bytes")
