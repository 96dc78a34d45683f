"""Helpers of the reliability suite (imported by its test modules)."""

from __future__ import annotations

import contextlib
import io
import sys


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
