"""The service's "today" is the Dutch date, whatever the time zone of the machine it runs on.

Without ``peildatum`` an evaluation (and a kader's rules, and a process overzicht: the same
function) takes today's date in Europe/Amsterdam (as the CLI and the Python API do), so the same request at the
same moment gets the same answer from a server in any zone. Of the two zones below, one
always has another date than Amsterdam (UTC-12 and UTC+14 between them cover every hour).
The server runs in a thread of this process, so the zone set here is its zone.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest

from meldcode_rules.tijd import peildatum_vandaag

if TYPE_CHECKING:
    from collections.abc import Iterator

    import httpx


@pytest.fixture(params=["Etc/GMT+12", "Pacific/Kiritimati"])
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_the_default_peildatum_is_the_dutch_date(client: httpx.Client, zone: str) -> None:
    vandaag = peildatum_vandaag().isoformat()
    antwoord = client.post("/v1/evaluate", params={"kader": "basis"}, json={"id": "tz"})
    if peildatum_vandaag().isoformat() != vandaag:
        pytest.skip("midnight in Amsterdam passed during the test")
    assert antwoord.status_code == 200, zone
    assert antwoord.json()["peildatum"] == vandaag, zone
