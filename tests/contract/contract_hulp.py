"""Helpers of the contract suite: the in-process CLI runner and the seeded case generator."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """Run ``meldcode`` in-process on bytes or text; return (exit status, stdout, stderr)."""
    from meldcode_rules.cli import main  # noqa: PLC0415

    uit, fout = io.StringIO(), io.StringIO()
    oud_stdin = sys.stdin
    try:
        if stdin is not None:
            data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
            sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
            code = main(list(args))
    finally:
        sys.stdin = oud_stdin
    return code, uit.getvalue(), fout.getvalue()


def _laad_cases():
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
