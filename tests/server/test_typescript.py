"""An end-to-end test from another language: a TypeScript client generated from the OpenAPI document.

openapi-typescript turns the service's OpenAPI document into types, ``tsc --strict``
compiles ``ts/client.ts`` against them (so the contract is checked at build time), and
Node runs it against the live server through openapi-fetch. The decisions it received
must be the Python API's. The npm packages are installed, pinned, into a cache folder
(``MELDCODE_NPM_CACHE``, default ``~/.cache/meldcode-rules/ts-client``); without Node
and npm the test skips with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from meldcode_rules import evaluate, kader_for
from meldcode_rules.server import maak_app

PAKKETTEN = (
    "openapi-typescript@7.13.0",
    "openapi-fetch@0.17.0",
    "typescript@5.9.3",
    "@types/node@20.19.43",
)
HIER = Path(__file__).parent
TSCONFIG = {
    "compilerOptions": {
        "target": "ES2022",
        "module": "NodeNext",
        "moduleResolution": "NodeNext",
        "strict": True,
        "exactOptionalPropertyTypes": True,
        "noUncheckedIndexedAccess": True,
        "skipLibCheck": True,
        "outDir": "dist",
        "types": ["node"],
    },
    "files": ["client.ts", "openapi.d.ts"],
}

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or shutil.which("npm") is None,
    reason="Node.js en npm ontbreken: de TypeScript-client kan niet gebouwd worden",
)


def _npm_map() -> Path:
    basis = os.environ.get("MELDCODE_NPM_CACHE")
    map_ = Path(basis) if basis else Path.home() / ".cache" / "meldcode-rules" / "ts-client"
    map_ = map_ / "-".join(p.replace("/", "_") for p in PAKKETTEN)
    if not (map_ / "node_modules" / ".bin" / "tsc").exists():
        map_.mkdir(parents=True, exist_ok=True)
        (map_ / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", "--save-exact", *PAKKETTEN],
            cwd=map_,
            check=True,
            timeout=600,
        )
    return map_


def _casussen() -> list[dict[str, object]]:
    waarden = ("ja", "nee", "onbekend")
    casussen: list[dict[str, object]] = [
        {
            "id": f"ts-{i}",
            "antwoorden": {
                "vermoeden": waarden[i % 3],
                "acute_onveiligheid": waarden[(i // 3) % 3],
                "structurele_onveiligheid": waarden[(i // 9) % 3],
                "passende_hulp": waarden[(i // 27) % 3],
            },
        }
        for i in range(81)
    ]
    casussen.append(
        {
            "id": "ts-signalen",
            "betrokkenen": [{"id": "k", "rol": "kind", "leeftijd": "4_11"}],
            "signalen": [
                {
                    "vorm": "lichamelijk_geweld",
                    "datum": "2024-05-01",
                    "over": "k",
                    "kenmerken": ["ernstig_letsel"],
                }
            ],
        }
    )
    return casussen


def test_typescript_client_agrees_with_the_python_api(server: str, tmp_path: Path) -> None:
    npm = _npm_map()
    werk = tmp_path / "ts"
    werk.mkdir()
    (werk / "openapi.json").write_text(json.dumps(maak_app().openapi()), encoding="utf-8")
    shutil.copy(HIER / "ts" / "client.ts", werk / "client.ts")
    (werk / "package.json").write_text('{"type": "module", "private": true}\n', encoding="utf-8")
    (werk / "tsconfig.json").write_text(json.dumps(TSCONFIG), encoding="utf-8")
    (werk / "node_modules").symlink_to(npm / "node_modules", target_is_directory=True)
    bin_ = npm / "node_modules" / ".bin"
    subprocess.run(
        [
            str(bin_ / "openapi-typescript"),
            "openapi.json",
            "-o",
            "openapi.d.ts",
            "--default-non-nullable=false",  # a field with a default stays optional
            "--silent",
        ],
        cwd=werk,
        check=True,
        timeout=120,
    )
    bouw = subprocess.run(
        [str(bin_ / "tsc"), "-p", "."],
        cwd=werk,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert bouw.returncode == 0, bouw.stdout + bouw.stderr
    casussen = _casussen()
    (werk / "casussen.json").write_text(json.dumps(casussen), encoding="utf-8")
    run = subprocess.run(
        ["node", "dist/client.js", server, "casussen.json", "uit.json"],
        cwd=werk,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    uit = json.loads((werk / "uit.json").read_text(encoding="utf-8"))
    peildatum = date(2024, 6, 1)
    verwacht = [evaluate(c, "knmg", peildatum) for c in casussen]
    assert uit["enkel"] == [
        {
            "casus_id": u.casus_id,
            "melden": u.melden,
            "hulp": u.hulp,
            "vingerafdruk": u.kader.vingerafdruk,
        }
        for u in verwacht
    ]
    assert uit["batch"] == [
        {"casus_id": u.casus_id, "melden": u.melden, "hulp": u.hulp} for u in verwacht
    ]
    assert {u.melden for u in verwacht} == {"ja", "nee", "onbepaald"}
    assert uit["veld"] == "antwoorden.vermoeden"
    assert uit["uitleg_begint"] == "Verslag van de afweging volgens de meldcode (stap 4 en 5)"
    assert "knmg" in uit["kaders"]
    assert uit["kader_huisarts"] == kader_for("huisarts").kader
    assert uit["stap"] == "stap_2_overleg"
