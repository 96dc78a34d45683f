"""Which day is "today": the calendar date in the Netherlands, whatever the host's time zone.

The meldcode is Dutch law, and a peildatum is a calendar date in the Netherlands: the
same casus at the same moment gets the same decision on a server in UTC, in Los
Angeles or in Amsterdam. When no peildatum is given, the library takes today's date in
:data:`TIJDZONE` (through :mod:`zoneinfo`; the ``tzdata`` package supplies the zone
database where the system has none), and the outcome states the peildatum it used.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from meldcode_rules.errors import MeldcodeError

__all__ = ["TIJDZONE", "peildatum_vandaag"]

TIJDZONE: Final = "Europe/Amsterdam"
"""The time zone whose calendar date is the default peildatum."""


def peildatum_vandaag(nu: datetime | None = None) -> date:
    """Today's date in the Netherlands (at the moment ``nu``, default now).

    Raises:
        MeldcodeError: no zone database is available (install the ``tzdata`` package).
    """
    try:
        zone = ZoneInfo(TIJDZONE)
    except ZoneInfoNotFoundError:
        msg = f"tijdzone {TIJDZONE} is onbekend op deze machine; installeer het pakket tzdata"
        raise MeldcodeError(msg) from None
    if nu is None:
        return datetime.now(zone).date()
    return nu.astimezone(zone).date()
