"""Loading a kader to analyse: by id (also one the registry rejected), or from a Python file."""

from __future__ import annotations

import importlib.util
import sys
from functools import partial
from importlib import metadata
from typing import TYPE_CHECKING

from meldcode_rules._plugins import PluginFout, laad_entry_point, veilig
from meldcode_rules.errors import KaderError
from meldcode_rules.kader import Kader
from meldcode_rules.registry import ENTRY_POINT_GROUP, Registry, default_registry

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["bestand_van", "kader_uit_bestand", "zoek_kader"]

_BESTANDEN: dict[int, tuple[Kader, Path]] = {}
"""The file each kader read by :func:`kader_uit_bestand` came from (its casuïstiek is beside it)."""


def bestand_van(kader: Kader) -> Path | None:
    """The Python file a kader was read from by :func:`kader_uit_bestand`, if any."""
    bekend = _BESTANDEN.get(id(kader))
    return bekend[1] if bekend is not None and bekend[0] is kader else None


def zoek_kader(kader_id: str, registry: Registry | None = None) -> Kader:
    """A kader by id: from the register, or (when the register skipped it) from its entry point.

    A kader the register rejected (for example because it weakens its base) is still
    loaded here, so that the analysis can show *why* with a counterexample.

    Raises:
        KaderError: no kader has this id (with the closest ids).
    """
    reg = registry or default_registry()
    try:
        return reg.kader(kader_id)
    except KaderError:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if ep.name != kader_id:
                continue
            try:
                gevonden = laad_entry_point(ep)
            except PluginFout as fout:  # SystemExit too: reported as a kader error
                msg = f"kader {kader_id} kan niet worden geladen ({fout})"
                raise KaderError(msg) from None
            if isinstance(gevonden, Kader):
                return gevonden
        raise


def kader_uit_bestand(pad: Path) -> Kader:
    """Load the kader a Python file declares: its ``KADER`` attribute, or its single Kader.

    Raises:
        KaderError: the file cannot be read or run, or declares no (or more than one) Kader.
    """
    if pad.suffix != ".py" or not pad.is_file():
        msg = "--file: geen leesbaar Python-bestand (.py)"
        raise KaderError(msg)
    naam = f"_meldcode_kader_{abs(hash(str(pad.resolve())))}"
    spec = importlib.util.spec_from_file_location(naam, pad)
    if spec is None or spec.loader is None:
        msg = "--file: het bestand kan niet als Python-module worden geladen"
        raise KaderError(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules[naam] = module
    # Helper modules beside the file (an author's unpackaged kader) can be imported.
    map_ = str(pad.resolve().parent)
    sys.path.insert(0, map_)
    try:
        veilig(partial(spec.loader.exec_module, module))
    except PluginFout as fout:  # any error in the author's file is bad input, SystemExit too
        del sys.modules[naam]
        msg = f"--file: het bestand geeft een fout bij het laden ({fout})"
        raise KaderError(msg) from None
    finally:
        sys.path.remove(map_)
    kader = getattr(module, "KADER", None)
    if isinstance(kader, Kader):
        _BESTANDEN[id(kader)] = (kader, pad.resolve())
        return kader
    gevonden = {id(w): w for w in vars(module).values() if isinstance(w, Kader)}
    if len(gevonden) == 1:
        kader = next(iter(gevonden.values()))
        _BESTANDEN[id(kader)] = (kader, pad.resolve())
        return kader
    msg = (
        "--file: het bestand declareert geen Kader (zet het in KADER)"
        if not gevonden
        else "--file: het bestand declareert meer dan één Kader; zet het te controleren in KADER"
    )
    raise KaderError(msg)
