"""Drive Debian's Chromium headless through the DevTools protocol, as a reader's browser.

No browser is downloaded: the binary is the system's ``chromium`` (``apt-get install
chromium``), started with a fresh profile, no network besides what the page asks of
localhost (every background service off), and spoken to over ``--remote-debugging-pipe``
(no port). Used by the browser tests (``test_browser.py``) and by ``browser_check.py``.

- :func:`serveer` serves a built site on a free localhost port;
- :class:`Chromium` starts the browser; :meth:`Chromium.tab` opens a page at a given
  width (390 emulates a phone: touch, mobile viewport), collects every console error,
  uncaught exception and failed load of the page, runs scripts in it, presses keys and
  takes screenshots.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    import socket
    from collections.abc import Iterator
    from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--font-render-hinting=none",
)
TELEFOON = 390
"""The phone width the pages must work at (an iPhone 12-15 in CSS pixels)."""
DESKTOP = 1300
"""The desktop width every flowchart text must be legible at."""


def chromium_pad() -> str | None:
    """The system Chromium (``$CHROMIUM`` or ``chromium`` on the PATH), or ``None``."""
    return shutil.which(os.environ.get("CHROMIUM", "chromium"))


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


class _StilleServer(http.server.ThreadingHTTPServer):
    """A browser that closes a connection early (it has what it needs) is not an error."""

    daemon_threads = True

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serveer(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free localhost port in a background thread; yield its address."""
    handler = functools.partial(_StilleHandler, directory=str(site))
    server = _StilleServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class ChromiumFout(RuntimeError):
    """The browser or a page did not do what was asked."""


class Chromium:
    """One headless Chromium over ``--remote-debugging-pipe`` (fd 3 in, fd 4 out)."""

    def __init__(self, binary: str) -> None:
        self._profiel = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
        naar_r, self._naar_w = os.pipe()
        self._van_r, van_w = os.pipe()

        def koppel() -> None:
            os.dup2(naar_r, 3)
            os.dup2(van_w, 4)

        self.proc = subprocess.Popen(
            [
                binary,
                *FLAGS,
                f"--user-data-dir={self._profiel.name}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            preexec_fn=koppel,  # noqa: PLW1509 - nothing else runs in the child before exec
            close_fds=False,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(naar_r)
        os.close(van_w)
        self._buf = b""
        self._id = 0
        self._lock = threading.Lock()
        self.gebeurtenissen: dict[str, list[dict[str, Any]]] = {}
        """Events per session id, in order of arrival."""

    # -- the protocol --------

    def _lees(self, tot: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            rest = tot - time.monotonic()
            if rest <= 0:
                msg = "chromium antwoordde niet op tijd"
                raise ChromiumFout(msg)
            klaar, _, _ = select.select([self._van_r], [], [], rest)
            if not klaar:
                continue
            blok = os.read(self._van_r, 1 << 20)
            if not blok:
                msg = "chromium sloot de DevTools-pijp"
                raise ChromiumFout(msg)
            self._buf += blok
        regel, self._buf = self._buf.split(b"\0", 1)
        bericht: dict[str, Any] = json.loads(regel)
        return bericht

    def stuur(
        self,
        methode: str,
        params: dict[str, Any] | None = None,
        sessie: str | None = None,
        timeout: float = 60.0,
    ) -> dict[str, Any]:
        """Send one command and wait for its answer (events meanwhile are kept)."""
        with self._lock:
            self._id += 1
            nummer = self._id
            bericht: dict[str, Any] = {"id": nummer, "method": methode, "params": params or {}}
            if sessie is not None:
                bericht["sessionId"] = sessie
            os.write(self._naar_w, json.dumps(bericht).encode() + b"\0")
            tot = time.monotonic() + timeout
            while True:
                antwoord = self._lees(tot)
                if "id" not in antwoord:
                    self.gebeurtenissen.setdefault(antwoord.get("sessionId", ""), []).append(
                        antwoord
                    )
                    continue
                if antwoord["id"] != nummer:
                    continue
                if "error" in antwoord:
                    msg = f"{methode}: {antwoord['error']}"
                    raise ChromiumFout(msg)
                resultaat: dict[str, Any] = antwoord.get("result", {})
                return resultaat

    def tab(self, adres: str, breedte: int = DESKTOP, hoogte: int = 900) -> Tab:
        """Open ``adres`` in a new tab at this viewport width; wait until the page is ready."""
        doel = self.stuur("Target.createTarget", {"url": "about:blank"})["targetId"]
        sessie = self.stuur("Target.attachToTarget", {"targetId": doel, "flatten": True})[
            "sessionId"
        ]
        tab = Tab(self, doel, sessie)
        tab.open(adres, breedte, hoogte)
        return tab

    def sluit(self) -> None:
        # Chromium's helper processes keep writing to the profile: end the whole group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        os.close(self._naar_w)
        os.close(self._van_r)
        self._profiel.cleanup()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.sluit()


_KLAAR = "document.body && document.body.getAttribute('data-meldcode-klaar')"


class Tab:
    """One page in the browser."""

    def __init__(self, browser: Chromium, doel: str, sessie: str) -> None:
        self.browser = browser
        self.doel = doel
        self.sessie = sessie
        self.adres = ""

    def stuur(self, methode: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.stuur(methode, params, self.sessie)

    def open(self, adres: str, breedte: int = DESKTOP, hoogte: int = 900) -> None:
        """Go to ``adres`` at this viewport; wait for the page's scripts to be ready."""
        for domein in ("Page", "Runtime", "Log"):
            self.stuur(f"{domein}.enable")
        self.stuur(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": breedte,
                "height": hoogte,
                "deviceScaleFactor": 1,
                "mobile": breedte <= TELEFOON,
            },
        )
        self.stuur("Emulation.setTouchEmulationEnabled", {"enabled": breedte <= TELEFOON})
        self.browser.gebeurtenissen.pop(self.sessie, None)
        self.adres = adres
        self.stuur("Page.navigate", {"url": adres})
        self.wacht_op("document.readyState === 'complete'")
        if self.js("!!document.querySelector('script[src*=\"meldcode.js\"]')"):
            toestand = self.wacht_op(_KLAAR)
            if toestand != "ja":
                msg = f"{adres}: de scripts van de pagina meldden een fout ({self.fouten()})"
                raise ChromiumFout(msg)

    def wacht_op(self, uitdrukking: str, timeout: float = 30.0) -> Any:
        """Wait until ``uitdrukking`` is truthy in the page; return its value."""
        tot = time.monotonic() + timeout
        while True:
            with contextlib.suppress(ChromiumFout):
                waarde = self.js(uitdrukking)
                if waarde:
                    return waarde
            if time.monotonic() > tot:
                msg = f"{self.adres}: wachten op {uitdrukking!r} duurde te lang ({self.fouten()})"
                raise ChromiumFout(msg)
            time.sleep(0.05)

    def js(self, uitdrukking: str, timeout: float = 120.0) -> Any:
        """Evaluate a script in the page (promises awaited); return its value as JSON data."""
        antwoord = self.browser.stuur(
            "Runtime.evaluate",
            {"expression": uitdrukking, "returnByValue": True, "awaitPromise": True},
            self.sessie,
            timeout=timeout,
        )
        if "exceptionDetails" in antwoord:
            details = antwoord["exceptionDetails"]
            tekst = details.get("exception", {}).get("description") or details.get("text")
            msg = f"{self.adres}: script faalde: {tekst}"
            raise ChromiumFout(msg)
        return antwoord["result"].get("value")

    def toets(self, toets: str) -> None:
        """Press one key (``Tab``, ``Shift+Tab``, ``Space``, ``Enter``, ``ArrowRight``...)."""
        codes = {
            "Tab": ("Tab", "Tab", 9, "\t"),
            "Space": (" ", "Space", 32, " "),
            "Enter": ("Enter", "Enter", 13, "\r"),
            "ArrowRight": ("ArrowRight", "ArrowRight", 39, ""),
            "ArrowLeft": ("ArrowLeft", "ArrowLeft", 37, ""),
            "ArrowDown": ("ArrowDown", "ArrowDown", 40, ""),
        }
        shift = toets.startswith("Shift+")
        key, code, vk, tekst = codes[toets.removeprefix("Shift+")]
        basis = {
            "key": key,
            "code": code,
            "windowsVirtualKeyCode": vk,
            "nativeVirtualKeyCode": vk,
            "modifiers": 8 if shift else 0,
        }
        self.stuur("Input.dispatchKeyEvent", {**basis, "type": "keyDown", "text": tekst})
        self.stuur("Input.dispatchKeyEvent", {**basis, "type": "keyUp"})

    def fouten(self) -> list[str]:
        """Every console error, uncaught exception and failed load of the page so far."""
        uit: list[str] = []
        for g in self.browser.gebeurtenissen.get(self.sessie, []):
            methode, p = g.get("method"), g.get("params", {})
            if methode == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                uit.append(
                    "exception: " + (d.get("exception", {}).get("description") or d.get("text", ""))
                )
            elif methode == "Runtime.consoleAPICalled" and p.get("type") in {"error", "assert"}:
                delen = [str(a.get("value", a.get("description", ""))) for a in p.get("args", [])]
                uit.append("console.error: " + " ".join(delen))
            elif methode == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                e = p["entry"]
                uit.append(f"log ({e.get('source')}): {e.get('text')} {e.get('url', '')}".strip())
        return uit

    def schermafdruk(self, pad: Path, selector: str | None = None, max_hoogte: int = 4000) -> Path:
        """A PNG of the page from the top (at most ``max_hoogte`` px), or of one element."""
        if selector is None:
            maat = self.stuur("Page.getLayoutMetrics")["cssContentSize"]
            clip = {
                "x": 0,
                "y": 0,
                "width": maat["width"],
                "height": min(maat["height"], max_hoogte),
            }
        else:
            vak = self.js(
                f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                " if (!e) return null; e.scrollIntoView();"
                " window.scrollBy(0, -Math.min(120, e.getBoundingClientRect().top + scrollY));"
                " const r = e.getBoundingClientRect();"
                " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width,"
                " height: r.height}; })()"
            )
            if not vak:
                msg = f"{self.adres}: {selector} niet gevonden voor de schermafdruk"
                raise ChromiumFout(msg)
            clip = {**vak, "height": min(vak["height"], max_hoogte)}
        beeld = self.stuur(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True, "clip": {**clip, "scale": 1}},
        )
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(base64.b64decode(beeld["data"]))
        return pad

    def sluit(self) -> None:
        with contextlib.suppress(ChromiumFout):
            self.browser.stuur("Target.closeTarget", {"targetId": self.doel})
