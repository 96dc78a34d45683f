"""Check the built documentation site as a person would see it, in headless Chromium.

Serves a built site (``mkdocs build --strict -d SITE``) on localhost, opens a kader page
in Debian's ``chromium`` (headless, fresh profile, no network besides localhost needed:
Mermaid is served by the site itself), and asserts, on the DOM after the page's
JavaScript has run:

- the Mermaid flowchart rendered to an ``<svg>`` (not left as source text);
- the decision table is present (its header row and at least one row per outcome kind);

and saves a screenshot of the page as ``SITE/browser-check/<kader>-<versie>.png``.

Usage::

    python tests/docs/browser_check.py SITE [--kader basis --versie 2019] [--chromium PATH]

Exit 0 when every check holds, 1 with a Dutch message per failed check, 2 when the site
or chromium is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import socket

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
BUDGET_MS = 15000


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


class _StilleServer(http.server.ThreadingHTTPServer):
    """A browser that closes a connection early (it has what it needs) is not an error."""

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serveer(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` on a free localhost port in a background thread."""
    handler = functools.partial(_StilleHandler, directory=str(site))
    server = _StilleServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def chromium(binary: str, profiel: Path, *args: str, timeout: int = 120) -> str:
    """Run headless chromium with a fresh profile; return its standard output."""
    cmd = [binary, *FLAGS, f"--user-data-dir={profiel}", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        msg = f"chromium stopte met status {proc.returncode}: {proc.stderr[-800:]}"
        raise RuntimeError(msg)
    return proc.stdout


def controleer_dom(dom: str) -> list[str]:
    """The failed checks on a kader page's DOM after its JavaScript ran (empty: all good).

    mkdocs-material replaces each ``<pre class="mermaid">`` (the flowchart source) by a
    ``<div class="mermaid">`` only after ``mermaid.render`` returned the SVG, which it puts
    in a *closed* shadow root: ``--dump-dom`` shows the empty div, never the SVG itself.
    So the DOM check asserts the replacement happened and no source is left; the SVG is
    asserted directly by :func:`svg_in_schaduw` through the DevTools protocol.
    """
    fouten: list[str] = []
    if re.search(r'<pre class="mermaid"', dom):
        fouten.append(
            "het stroomschema staat nog als brontekst op de pagina (Mermaid niet geladen)"
        )
    if not re.search(r'<div class="mermaid"></div>', dom):
        fouten.append("geen getekend Mermaid-blok gevonden")
    if "flowchart TD" in dom:
        fouten.append("Mermaid-brontekst zichtbaar op de pagina")
    if not re.search(r'<h2 id="beslistabel"', dom):
        fouten.append("het kopje Beslistabel ontbreekt")
    kop = re.search(
        r"<th[^>]*>Vermoeden</th>.*?<th[^>]*><strong>Melden</strong></th>", dom, re.DOTALL
    )
    if kop is None:
        fouten.append("de beslistabel (kopregel Vermoeden … Melden) ontbreekt")
    elif "<strong>niet van toepassing</strong>" not in dom:
        fouten.append("de beslistabel heeft geen rij voor 'geen vermoeden'")
    return fouten


class _Pijp:
    """The Chrome DevTools protocol over ``--remote-debugging-pipe`` (fd 3 in, fd 4 out)."""

    def __init__(self, binary: str, profiel: Path) -> None:
        naar_r, self._naar_w = os.pipe()
        self._van_r, van_w = os.pipe()

        def koppel() -> None:
            os.dup2(naar_r, 3)
            os.dup2(van_w, 4)

        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profiel}", "--remote-debugging-pipe"],
            preexec_fn=koppel,  # noqa: PLW1509 - single-threaded at this point
            close_fds=False,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(naar_r)
        os.close(van_w)
        self._buf = b""
        self._id = 0

    def stuur(self, methode: str, params: dict[str, Any], sessie: str | None = None) -> Any:
        self._id += 1
        bericht: dict[str, Any] = {"id": self._id, "method": methode, "params": params}
        if sessie is not None:
            bericht["sessionId"] = sessie
        os.write(self._naar_w, json.dumps(bericht).encode() + b"\0")
        while True:
            while b"\0" not in self._buf:
                blok = os.read(self._van_r, 1 << 16)
                if not blok:
                    msg = "chromium sloot de DevTools-pijp"
                    raise RuntimeError(msg)
                self._buf += blok
            regel, self._buf = self._buf.split(b"\0", 1)
            antwoord = json.loads(regel)
            if antwoord.get("id") == self._id:
                if "error" in antwoord:
                    raise RuntimeError(str(antwoord["error"]))
                return antwoord["result"]

    def sluit(self) -> None:
        # Chromium's helper processes keep writing to the profile: end the whole group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        os.close(self._naar_w)
        os.close(self._van_r)


def _mermaid_svgs(knoop: dict[str, Any], in_mermaid: bool, uit: list[str]) -> None:
    attrs = knoop.get("attributes", [])
    attr = dict(zip(attrs[::2], attrs[1::2], strict=False))
    if knoop.get("nodeName") == "DIV" and attr.get("class") == "mermaid":
        in_mermaid = True
    if in_mermaid and knoop.get("nodeName", "").lower() == "svg":
        teksten: list[str] = []
        _teksten(knoop, teksten)
        uit.append(attr.get("aria-roledescription", "") + "\n" + " ".join(teksten))
    for kind in (*knoop.get("shadowRoots", []), *knoop.get("children", [])):
        _mermaid_svgs(kind, in_mermaid, uit)


def _teksten(knoop: dict[str, Any], uit: list[str]) -> None:
    if knoop.get("nodeType") == 3:  # a text node
        uit.append(knoop.get("nodeValue", ""))
    for kind in (*knoop.get("shadowRoots", []), *knoop.get("children", [])):
        _teksten(kind, uit)


def svg_in_schaduw(binary: str, adres: str, timeout: float = 30.0) -> list[str]:
    """The Mermaid SVGs on a page, read through the DevTools protocol (closed shadow roots too).

    Returns per SVG its ``aria-roledescription`` and its text; empty when none rendered
    within ``timeout`` seconds.
    """
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profiel:
        pijp = _Pijp(binary, Path(profiel))
        try:
            doel = pijp.stuur("Target.createTarget", {"url": "about:blank"})["targetId"]
            sessie = pijp.stuur("Target.attachToTarget", {"targetId": doel, "flatten": True})[
                "sessionId"
            ]
            pijp.stuur("Page.navigate", {"url": adres}, sessie)
            einde = time.monotonic() + timeout
            while time.monotonic() < einde:
                wortel = pijp.stuur("DOM.getDocument", {"depth": -1, "pierce": True}, sessie)
                svgs: list[str] = []
                _mermaid_svgs(wortel["root"], in_mermaid=False, uit=svgs)
                if svgs:
                    return svgs
                time.sleep(0.5)
            return []
        finally:
            pijp.sluit()


def main(argv: list[str] | None = None) -> int:
    """Run the browser check; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="de map van de gebouwde site")
    parser.add_argument("--kader", default="basis")
    parser.add_argument("--versie", default="2019")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "chromium"))
    args = parser.parse_args(argv)
    pagina = args.site / "kaders" / args.kader / args.versie / "index.html"
    if not pagina.is_file():
        sys.stderr.write(f"browser-check: {pagina} ontbreekt; bouw eerst de site\n")
        return 2
    binary = shutil.which(args.chromium)
    if binary is None:
        sys.stderr.write(
            f"browser-check: {args.chromium} niet gevonden (apt-get install chromium)\n"
        )
        return 2
    uitvoer = args.site / "browser-check"
    uitvoer.mkdir(exist_ok=True)
    server, basis = serveer(args.site)
    try:
        adres = f"{basis}/kaders/{args.kader}/{args.versie}/"
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profiel:
            dom = chromium(
                binary, Path(profiel), f"--virtual-time-budget={BUDGET_MS}", "--dump-dom", adres
            )
        (uitvoer / f"{args.kader}-{args.versie}.html").write_text(dom, encoding="utf-8")
        schermafdruk = uitvoer / f"{args.kader}-{args.versie}.png"
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profiel:
            chromium(
                binary,
                Path(profiel),
                f"--virtual-time-budget={BUDGET_MS}",
                "--window-size=1280,2400",
                f"--screenshot={schermafdruk.resolve()}",
                adres,
            )
        svgs = svg_in_schaduw(binary, adres)
    finally:
        server.shutdown()
    fouten = controleer_dom(dom)
    if not svgs:
        fouten.append("geen SVG getekend in het Mermaid-blok (DevTools, ook in shadow roots)")
    elif not svgs[0].startswith("flowchart") or "Vermoeden van huiselijk" not in svgs[0]:
        fouten.append("de SVG is geen flowchart met de vragen van het stroomschema")
    if not schermafdruk.is_file() or schermafdruk.stat().st_size == 0:
        fouten.append("geen schermafdruk gemaakt")
    for fout in fouten:
        sys.stderr.write(f"browser-check: {adres}: {fout}\n")
    if not fouten:
        sys.stdout.write(
            f"browser-check: {adres}: stroomschema als SVG en beslistabel aanwezig; "
            f"schermafdruk {schermafdruk}\n"
        )
    return 1 if fouten else 0


if __name__ == "__main__":
    raise SystemExit(main())
