"""Serve Mermaid from the site itself, so the flowcharts render offline.

mkdocs-material renders ``mermaid`` code blocks with mermaid.js, which it fetches from
unpkg.com at runtime unless a global ``mermaid`` already exists on the page. This hook
ships a pinned copy of ``mermaid.min.js`` (npm package ``mermaid``, MIT licence) as
``assets/javascripts/mermaid.min.js`` (listed in ``extra_javascript`` in mkdocs.yml),
with its licence beside it, so no CDN is needed when the site is read.

The file (2.7 MB) is not committed. It is taken from, in this order:

1. the path in the environment variable ``MELDCODE_MERMAID_JS``;
2. the cache ``$XDG_CACHE_HOME/meldcode-rules/mermaid-<VERSION>/`` (default ``~/.cache``);
3. the npm registry, through ``npm pack mermaid@<VERSION>``; the result is cached.

Every copy is checked against the pinned SHA-256; a mismatch or an unreachable registry
stops the build with a message saying how to supply the file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

VERSION: Final = "11.12.1"
SHA256: Final = "198b19442f86f0b46a17e56d3abf744c3a28a3427e66fa8dada3b589a77babcc"
DOEL: Final = "assets/javascripts/mermaid.min.js"
LICENTIE: Final = "assets/javascripts/mermaid.LICENSE.txt"

_gevonden: dict[str, Path] = {}


def _cache() -> Path:
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "meldcode-rules" / f"mermaid-{VERSION}"


def _controleer(pad: Path) -> bool:
    return hashlib.sha256(pad.read_bytes()).hexdigest() == SHA256


def _haal_op(map_: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        msg = (
            f"mermaid.min.js {VERSION} ontbreekt en npm is niet gevonden. Zet MELDCODE_MERMAID_JS "
            f"op een kopie van mermaid@{VERSION}/dist/mermaid.min.js of installeer npm."
        )
        raise PluginError(msg)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            subprocess.run(  # noqa: S603 - fixed arguments, no shell
                [npm, "pack", f"mermaid@{VERSION}", "--pack-destination", tmp, "--silent"],
                check=True,
                capture_output=True,
                timeout=600,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as fout:
            msg = f"npm pack mermaid@{VERSION} mislukt; zet MELDCODE_MERMAID_JS (zie docs/hooks)"
            raise PluginError(msg) from fout
        (archief,) = Path(tmp).glob("mermaid-*.tgz")
        with tarfile.open(archief) as tar:
            for naam, doel in (
                ("package/dist/mermaid.min.js", "mermaid.min.js"),
                ("package/LICENSE", "LICENSE"),
            ):
                lid = tar.extractfile(naam)
                if lid is None:  # pragma: no cover - the package layout is pinned
                    msg = f"{naam} ontbreekt in het npm-pakket mermaid@{VERSION}"
                    raise PluginError(msg)
                map_.mkdir(parents=True, exist_ok=True)
                (map_ / doel).write_bytes(lid.read())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    eigen = os.environ.get("MELDCODE_MERMAID_JS")
    if eigen:
        js = Path(eigen)
        licentie = js.with_name("LICENSE")
    else:
        map_ = _cache()
        js, licentie = map_ / "mermaid.min.js", map_ / "LICENSE"
        if not js.is_file() or not _controleer(js):
            _haal_op(map_)
    if not js.is_file() or not _controleer(js):
        msg = f"{js} is niet mermaid.min.js {VERSION} (SHA-256 wijkt af)"
        raise PluginError(msg)
    _gevonden["js"] = js
    if licentie.is_file():
        _gevonden["licentie"] = licentie
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, DOEL, abs_src_path=str(_gevonden["js"])))
    if "licentie" in _gevonden:
        files.append(File.generated(config, LICENTIE, abs_src_path=str(_gevonden["licentie"])))
    return files
