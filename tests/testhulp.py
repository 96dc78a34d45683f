"""Helpers shared by the test suites: casus builders, the in-process and co-process CLI, the
seeded case generator, subprocess runners, and the tests' own list of the six afwegingen.

Imported by name (``from testhulp import ...``): ``tests/`` is on ``sys.path`` through its
``conftest.py``, as pytest puts it there for every test module.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import itertools
import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from meldcode_rules.kader import Kader, KaderVersie

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from types import ModuleType
    from typing import IO

    from meldcode_rules.regels import Bron, Regel

WORTEL: Final = Path(__file__).resolve().parents[1]
"""The root of the checkout."""

AFWEGINGEN: Final = (
    "vermoeden",
    "acute_onveiligheid",
    "structurele_onveiligheid",
    "passende_hulp",
    "medewerking",
    "duurzame_veiligheid",
)
"""The six afwegingen in the order of the published flow (the NJi weergave of the VWS
voorbeeld-afwegingskader, https://www.nji.nl/kindermishandeling/afwegingskader-meldcode).

Written out here on purpose, not imported from :mod:`meldcode_rules.afwegingen`: the tests'
one independent copy, so a name the product drops, adds or reorders is caught.
"""

WAARDEN: Final = ("ja", "nee", "onbekend")
"""The three answers a professional can give to an afweging."""

ALLE_ANTWOORDEN: Final = [
    dict(zip(AFWEGINGEN, w, strict=True))
    for w in itertools.product(WAARDEN, repeat=len(AFWEGINGEN))
]
"""All 3**6 = 729 combinations of answers to the six afwegingen."""


def casus(
    signalen: list[dict[str, Any]] | None = None,
    antwoorden: dict[str, Any] | None = None,
    betrokkenen: list[dict[str, Any]] | None = None,
    stappen: dict[str, Any] | None = None,
    hulp: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A casus as JSON-ready data, id ``c1``; a section not given is left out."""
    c: dict[str, Any] = {"id": "c1", "antwoorden": antwoorden or {}}
    delen = {"signalen": signalen, "betrokkenen": betrokkenen, "stappen": stappen, "hulp": hulp}
    c |= {naam: deel for naam, deel in delen.items() if deel is not None}
    return c


def sig(
    vorm: str = "lichamelijk_geweld",
    kenmerken: Iterable[str] = (),
    *,
    datum: str = "2024-05-01",
    **extra: Any,
) -> dict[str, Any]:
    """A signaal as JSON-ready data."""
    return {"vorm": vorm, "datum": datum, "kenmerken": list(kenmerken), **extra}


def cli(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """Run ``meldcode`` in-process on bytes or text; return (exit status, stdout, stderr).

    Standard input is bytes under a text stream, as a real ``sys.stdin``. Plain redirection
    instead of pytest fixtures, so hypothesis can call it.
    """
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


def _laad_cases() -> ModuleType:
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


cases: Final = _laad_cases()
"""The seeded case generator of the benchmarks (``cases.answers_only``, ``cases.signal_rich``)."""


def paden(waarde: Any, pad: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in nested JSON data as a path of keys and indexes, the root ``()`` first."""
    uit = [pad]
    if isinstance(waarde, dict):
        for k, v in waarde.items():
            uit += paden(v, (*pad, k))
    elif isinstance(waarde, list):
        for i, v in enumerate(waarde):
            uit += paden(v, (*pad, i))
    return uit


@contextlib.contextmanager
def coproces(*args: str) -> Iterator[subprocess.Popen[str]]:
    """``meldcode ARGS`` as a co-process: line-buffered text pipes in and out, stderr dropped."""
    with subprocess.Popen(
        [sys.executable, "-m", "meldcode_rules.cli", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    ) as proces:
        assert proces.stdin is not None
        assert proces.stdout is not None
        yield proces


def lees_regel(stroom: IO[str], timeout: float) -> str | None:
    """The next line of ``stroom``, or None when it does not come within ``timeout`` seconds."""
    gelezen: list[str] = []
    lezer = threading.Thread(target=lambda: gelezen.append(stroom.readline()), daemon=True)
    lezer.start()
    lezer.join(timeout=timeout)
    return gelezen[0] if gelezen else None


def draai(
    *opdracht: str | Path, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a (slow) tool with text output captured, ``env`` added to the environment."""
    return subprocess.run(
        [str(d) for d in opdracht],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, **(env or {})},
    )


def geladen_modules(script: str, wortels: Iterable[str]) -> list[str]:
    """The modules under the packages ``wortels`` that a fresh interpreter holds after ``script``.

    The script runs in its own process (a module this process imported does not count); it may
    write to stdout, the answer is the last line.
    """
    controle = (
        "\nimport json as _json, sys as _sys\n"
        f"_wortels = {sorted(set(wortels))!r}\n"
        "print(_json.dumps(sorted(m for m in _sys.modules if m.split('.')[0] in _wortels)))\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", script + controle],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stderr
    geladen: list[str] = json.loads(uit.stdout.splitlines()[-1])
    return geladen


def uitbreiding(
    kader_id: str,
    bron: Bron,
    *,
    naam: str | None = None,
    breidt_uit: str = "gezamenlijk_kader",
    beroepsgroepen: tuple[str, ...] = (),
    versie: str = "2024",
    regels: tuple[Regel, ...] = (),
    aanscherpingen: tuple[Regel, ...] = (),
) -> Kader:
    """A jeugdhulp kader extending ``breidt_uit`` with one version, valid from 1 January 2024."""
    return Kader(
        id=kader_id,
        naam=naam or kader_id,
        sectoren=("jeugdhulp",),
        beroepsgroepen=beroepsgroepen,
        breidt_uit=breidt_uit,
        versies=(
            KaderVersie(
                versie=versie,
                geldig_van=date(2024, 1, 1),
                geldig_tot=None,
                bron=bron,
                regels=regels,
                aanscherpingen=aanscherpingen,
            ),
        ),
    )
