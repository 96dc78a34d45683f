"""The README's curl commands for the service run as written against a live service."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl ontbreekt")
def test_readme_curl_commands(server: str, tmp_path: Path) -> None:
    sectie = README.split("## The HTTP service", 1)[1].split("\n## ", 1)[0]
    [blok] = [b for b in re.findall(r"```bash\n(.*?)```", sectie, flags=re.DOTALL) if "curl" in b]
    regels = [r for r in blok.splitlines() if not r.startswith("meldcode serve")]
    script = "set -euo pipefail\n" + "\n".join(regels).replace("http://127.0.0.1:8000", server)
    uit = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path, timeout=60
    ).stdout
    documenten = [json.loads(d) for d in uit.replace("}{", "}\n{").splitlines() if d.strip()]
    assert documenten[0]["melden"] == "ja"
    assert [d["casus_id"] for d in documenten[1:3]] == ["c1", "c2"]
    assert documenten[3]["versie"] == 1
    assert documenten[4]["stap"] == "stap_1_signalen"
