"""Publish the HTTP service's OpenAPI 3.1 document with the site, generated at build time.

Adds ``openapi.json`` (the document ``meldcode serve`` serves at ``/v1/openapi.json``)
as a virtual file, never committed, so the published contract cannot drift from the
service. Needs the extra ``meldcode-rules[server]`` (the ``docs`` extra brings it).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

PAD = "openapi.json"


def openapi_tekst() -> str:
    try:
        from meldcode_rules.server import maak_app  # noqa: PLC0415 - the extra
    except ImportError as fout:
        msg = f"het OpenAPI-document vraagt de extra meldcode-rules[server] ({fout})"
        raise PluginError(msg) from None
    return json.dumps(maak_app().openapi(), ensure_ascii=False, indent=2) + "\n"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, PAD, content=openapi_tekst()))
    return files
