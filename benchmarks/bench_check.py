"""The proof of every shipped kader: how long ``meldcode check`` takes, per kader and in total.

Each kader is checked as ``meldcode check ID`` does (every version, every invariant, proved
with z3; the kader checks; no hypothesis sample), in one process, CPU time. The enumeration
(the cross-check of the proofs, which samples the large fact spaces at its default limit)
is timed beside it in the full run, for the ratio.
"""

from __future__ import annotations

import time

from meldcode_rules import list_kaders
from meldcode_rules.analysis import analyseer, z3_beschikbaar


def meet_bewijs() -> dict[str, float] | None:
    """CPU seconds of the symbolic check of each registered kader (``None`` without z3)."""
    if not z3_beschikbaar():
        return None
    uit: dict[str, float] = {}
    for kader in list_kaders():
        t = time.process_time()
        rapport = analyseer(kader.id, methode="z3")
        uit[kader.id] = time.process_time() - t
        assert rapport.ok, kader.id
        assert all(u.status != "steekproef" for v in rapport.versies for u in v.uitslagen)
    return uit


def meet_opsomming() -> float:
    """CPU seconds of the enumeration (default limit) of every registered kader."""
    t = time.process_time()
    for kader in list_kaders():
        analyseer(kader.id, methode="opsomming")
    return time.process_time() - t
