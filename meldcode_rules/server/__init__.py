"""The HTTP service: the meldcode for systems in any language (extra ``meldcode-rules[server]``).

``meldcode serve`` starts it on uvicorn, bound to 127.0.0.1 by default; every endpoint
lives under ``/v1`` and is described in the OpenAPI 3.1 document at
``/v1/openapi.json``. From Python, :func:`maak_app` gives the ASGI app to run under any
ASGI server::

    from meldcode_rules.server import Instellingen, maak_app

    app = maak_app(Instellingen(opslag="postgresql://meldcode@db/meldcode"))

The core library never imports this package: FastAPI, uvicorn and psycopg come only
with the extra.
"""

from __future__ import annotations

from meldcode_rules.server.app import maak_app
from meldcode_rules.server.instellingen import Instellingen

__all__ = ["Instellingen", "maak_app"]
