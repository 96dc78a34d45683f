"""Hostile and broken plugin distributions, as the attack in ATTACK.md (F1, F2, F11, F14) built them.

Each distribution is a folder with its own ``pyproject.toml`` (name, version, entry points)
and its modules. :func:`wiel` turns such a folder into a real wheel (no build backend
needed, so it works on every Python the suite runs on) for ``pip install`` in a venv;
:func:`als_geinstalleerd` lays it out in a folder on ``sys.path`` next to a generated
``*.dist-info`` exactly as pip would, for the in-process tests (``importlib.metadata``
finds it like any installed distribution).
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import textwrap
import tomllib
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

# -- the modules ---------------------------------------------------------------------------

_KOP = """\
from datetime import date

from meldcode_rules.authoring import HULP, MELDEN, Altijd, Bron, Feit, Kader, KaderVersie, Regel

BRON = Bron("Aanvaller", "Nep", "1", date(2013, 7, 1), "https://example.org/nep")


def kader(kader_id, regels, breidt_uit=None, sectoren=("gezondheidszorg",)):
    return Kader(
        id=kader_id,
        naam=f"NEP {kader_id}",
        sectoren=sectoren,
        beroepsgroepen=(),
        breidt_uit=breidt_uit,
        versies=(KaderVersie("1", date(2013, 7, 1), None, BRON.bij("p"), regels=regels),),
    )


NOOIT_MELDEN = (
    Regel("nooit_melden", MELDEN, "nee", Altijd(), BRON.bij("Nooit melden.")),
    Regel("altijd_hulp", HULP, "ja", Altijd(), BRON.bij("Altijd zelf hulp.")),
)
"""


def zwak(kader_id: str) -> str:
    """A weak kader with this id: melden always nee, hulp always ja (meldnorm broken)."""
    return _KOP + f"\nKADER = kader({kader_id!r}, NOOIT_MELDEN)\n"


def hulp_zwak(kader_id: str) -> str:
    """A kader that melds as the law says but gives hulp ja whatever the hulpvoorwaarden."""
    return _KOP + textwrap.dedent(f"""
        KADER = kader(
            {kader_id!r},
            (
                Regel("melden", MELDEN, "ja", Feit("vermoeden"), BRON.bij("p")),
                Regel("niet_melden", MELDEN, "nee", ~Feit("vermoeden"), BRON.bij("p")),
                Regel("altijd_hulp", HULP, "ja", Altijd(), BRON.bij("p")),
            ),
        )
        """)


def wettig(kader_id: str, breidt_uit: str | None = None) -> str:
    """A kader that meets the law (on its own, or as an extension of ``breidt_uit``)."""
    regels = (
        "()"
        if breidt_uit
        else '(Regel("melden", MELDEN, "ja", Feit("vermoeden"), BRON.bij("p")), '
        'Regel("niet_melden", MELDEN, "nee", ~Feit("vermoeden"), BRON.bij("p")))'
    )
    return _KOP + f"\nKADER = kader({kader_id!r}, {regels}, breidt_uit={breidt_uit!r})\n"


EXIT = "import sys\n\nsys.exit(0)\n"
"""A module that ends the process on import."""

STDOUT_WEG = "import io\nimport sys\n\nsys.stdout = io.StringIO()\nKADER = None\n"
"""A module that hides the command's output on import."""


def merkteken(kader_id: str) -> str:
    """A lawful kader whose module leaves a file behind (``$MELDCODE_TEST_MERKTEKEN``)."""
    return (
        "import os\nfrom pathlib import Path\n\n"
        "Path(os.environ['MELDCODE_TEST_MERKTEKEN']).write_text('geladen')\n" + wettig(kader_id)
    )


# -- distributions -------------------------------------------------------------------------


def distributie(
    map_: Path,
    naam: str,
    modules: dict[str, str],
    entry_points: dict[str, dict[str, str]],
) -> Path:
    """Write a distribution's folder: ``pyproject.toml`` and its files under ``src/``.

    ``modules`` maps a path (``pakket/mod.py``, or a data file) to its text; every folder
    with a module gets an ``__init__.py``.
    """
    wortel = map_ / naam
    wortel.mkdir(parents=True)
    groepen = "".join(
        f'\n[project.entry-points."{groep}"]\n'
        + "".join(f'{k} = "{v}"\n' for k, v in punten.items())
        for groep, punten in entry_points.items()
    )
    (wortel / "pyproject.toml").write_text(
        textwrap.dedent(f"""\
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "{naam}"
            version = "0.1.0"
            dependencies = ["meldcode-rules"]
            """)
        + groepen
    )
    for pad, tekst in modules.items():
        bestand = wortel / "src" / pad
        bestand.parent.mkdir(parents=True, exist_ok=True)
        bestand.write_text(tekst)
    for map_in in {p.parent for p in (wortel / "src").rglob("*.py")}:
        if map_in != wortel / "src":
            (map_in / "__init__.py").touch()
    return wortel


def _dist_info(wortel: Path) -> tuple[str, dict[str, str]]:
    """The dist-info folder name and its files, from the distribution's pyproject.toml."""
    project = tomllib.loads((wortel / "pyproject.toml").read_text())["project"]
    naam, versie = project["name"], project["version"]
    entry_points = "".join(
        f"[{groep}]\n" + "".join(f"{k} = {v}\n" for k, v in punten.items()) + "\n"
        for groep, punten in project.get("entry-points", {}).items()
    )
    info = f"{naam.replace('-', '_')}-{versie}.dist-info"
    return info, {
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {naam}\nVersion: {versie}\n",
        f"{info}/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: meldcode-tests\nRoot-Is-Purelib: true\n"
            "Tag: py3-none-any\n"
        ),
        f"{info}/entry_points.txt": entry_points,
    }


def _bestanden(wortel: Path) -> dict[str, str]:
    bron = wortel / "src"
    modules = {
        p.relative_to(bron).as_posix(): p.read_text()
        for p in sorted(bron.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }
    _, info = _dist_info(wortel)
    return {**modules, **info}


def wiel(wortel: Path, doel: Path) -> Path:
    """A wheel of the distribution in ``wortel``, written to ``doel`` (pip installs it as is)."""
    info, _ = _dist_info(wortel)
    bestanden = _bestanden(wortel)
    record = []
    for pad, tekst in bestanden.items():
        data = tekst.encode()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{pad},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    uit = doel / f"{info.removesuffix('.dist-info')}-py3-none-any.whl"
    with zipfile.ZipFile(uit, "w") as zip_:
        for pad, tekst in bestanden.items():
            zip_.writestr(pad, tekst)
        zip_.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return uit


def als_geinstalleerd(wortel: Path, site: Path) -> None:
    """Lay the distribution out in ``site`` (a folder on ``sys.path``) as pip would."""
    for pad, tekst in _bestanden(wortel).items():
        bestand = site / pad
        bestand.parent.mkdir(parents=True, exist_ok=True)
        bestand.write_text(tekst)
    importlib.invalidate_caches()
