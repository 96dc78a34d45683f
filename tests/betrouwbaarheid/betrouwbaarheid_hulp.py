"""Helpers of the reliability suite (imported by its test modules)."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
from pathlib import Path


def cli(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run ``meldcode`` in-process; return (exit status, stdout, stderr).

    Uses plain redirection instead of pytest fixtures so hypothesis can call it.
    """
    from meldcode_rules.cli import main  # noqa: PLC0415

    uit, fout = io.StringIO(), io.StringIO()
    oud_stdin = sys.stdin
    try:
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
            code = main(list(args))
    finally:
        sys.stdin = oud_stdin
    return code, uit.getvalue(), fout.getvalue()


WORTEL = Path(__file__).resolve().parents[2]


def _laad_cases():
    """``benchmarks/cases.py``, the seeded generator, loaded by path (sys.path untouched)."""
    naam = "meldcode_benchmarks_cases"
    if naam in sys.modules:
        return sys.modules[naam]
    spec = importlib.util.spec_from_file_location(naam, WORTEL / "benchmarks" / "cases.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[naam] = module
    spec.loader.exec_module(module)
    return module


cases = _laad_cases()
