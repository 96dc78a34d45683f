"""schemathesis runs the service's own OpenAPI document against the live server.

For every operation it generates requests from the document (a bounded number each, so
the run stays well under a minute) and checks the answers: never a 5xx, every status
code, content type and body as the document describes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from meldcode_rules.server import maak_app

if TYPE_CHECKING:
    import httpx

CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
)


@schemathesis.serializer("application/x-ndjson")
def _jsonl(ctx: object, value: object) -> bytes:
    """A JSON Lines body: schemathesis generates text; send it as it is."""
    return value.encode() if isinstance(value, str) else bytes(str(value), "utf-8")


DOCUMENT = maak_app().openapi()
"""The document the service serves (checked below), loaded here so pytest can parametrize."""
schema = schemathesis.openapi.from_dict(DOCUMENT)


def test_the_served_document_is_the_one_checked(client: httpx.Client) -> None:
    assert client.get("/v1/openapi.json").json() == DOCUMENT


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_openapi_document_holds(case: schemathesis.Case, server: str) -> None:
    case.call_and_validate(base_url=server, checks=list(CHECKS))
