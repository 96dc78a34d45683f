"""Kapot: a placeholder instead of the source passage a rule implements."""

from __future__ import annotations

from _kapot_basis import gewijzigd, zelfstandig

VERWACHT = "echte_bronpassages"

KADER = zelfstandig("kapot_todo_passage", gewijzigd("structureel_voortduren", passage="TODO"))
