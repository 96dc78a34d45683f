"""The reliability suite imports the seeded generator of ``benchmarks/cases.py``."""

from __future__ import annotations

import sys
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[2]
if str(WORTEL) not in sys.path:
    sys.path.insert(0, str(WORTEL))  # the seeded generator lives in benchmarks/cases.py
