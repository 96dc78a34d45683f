"""Helpers of the service tests: a live server on loopback, ``meldcode serve``, PostgreSQL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import httpx
import pytest
import uvicorn

from meldcode_rules.server import Instellingen, maak_app

if TYPE_CHECKING:
    from collections.abc import Iterator

PG_VAR = "MELDCODE_TEST_POSTGRES"
"""A libpq URI of a PostgreSQL server for the tests (``.ci/postgres`` starts one)."""


def postgres_uri() -> str | None:
    return os.environ.get(PG_VAR) or None


nodig_postgres = pytest.mark.skipif(
    postgres_uri() is None,
    reason=f"geen PostgreSQL: zet {PG_VAR} (.ci/run start er een met .ci/postgres)",
)


def vrije_socket() -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    return s


def vrije_poort() -> int:
    with vrije_socket() as s:
        return int(s.getsockname()[1])


@contextmanager
def live_server(instellingen: Instellingen | None = None) -> Iterator[str]:
    """The app on uvicorn in a thread, on a free loopback port; yields its base URL."""
    sock = vrije_socket()
    config = uvicorn.Config(
        maak_app(instellingen), log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    draad = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    draad.start()
    for _ in range(500):
        if server.started:
            break
        time.sleep(0.01)
    host, poort = sock.getsockname()
    try:
        yield f"http://{host}:{poort}"
    finally:
        server.should_exit = True
        draad.join(timeout=10)
        sock.close()


def meldcode_serve(
    *args: str, env: dict[str, str] | None = None, **kwargs: Any
) -> tuple[subprocess.Popen[str], str]:
    """Start ``meldcode serve`` in a subprocess on a free port; wait until it answers."""
    poort = vrije_poort()
    proces = subprocess.Popen(
        [sys.executable, "-m", "meldcode_rules.cli", "serve", "--port", str(poort), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **kwargs,
    )
    url = f"http://127.0.0.1:{poort}"
    for _ in range(600):
        if proces.poll() is not None:
            _, fout = proces.communicate()
            msg = f"meldcode serve stopte (exit {proces.returncode}): {fout[-2000:]}"
            raise RuntimeError(msg)
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                return proces, url
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    proces.kill()
    msg = "meldcode serve startte niet binnen 30 s"
    raise RuntimeError(msg)


def stop(proces: subprocess.Popen[str]) -> tuple[str, str]:
    """End a ``meldcode serve`` started by :func:`meldcode_serve`; its stdout and stderr."""
    proces.terminate()
    try:
        return proces.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proces.kill()
        return proces.communicate()
