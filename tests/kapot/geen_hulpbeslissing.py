"""Kapot: with every answer known, the hulp decision is still open (a rule is missing).

``hulp_niet_mogelijk`` is dropped: a vermoeden without onveiligheid but with a hulp condition
``nee`` gives no hulp decision at all.
"""

from __future__ import annotations

from _kapot_basis import zelfstandig

VERWACHT = "volledigheid"

KADER = zelfstandig("kapot_geen_hulpbeslissing", zonder="hulp_niet_mogelijk")
