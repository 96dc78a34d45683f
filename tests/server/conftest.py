"""Fixtures of the service tests: one live server on loopback for the session.

The whole folder is skipped, with the reason, when the extra ``meldcode-rules[server]``
is not installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

pytest.importorskip("fastapi", reason="de extra meldcode-rules[server] is niet geïnstalleerd")
pytest.importorskip("uvicorn", reason="de extra meldcode-rules[server] is niet geïnstalleerd")

import httpx
from server_hulp import live_server

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """One live server (in-memory process store, no token) for the whole session."""
    with live_server() as url:
        yield url


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c
