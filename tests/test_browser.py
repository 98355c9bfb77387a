"""The reports in a real browser: headless Chromium, network off, every request and console message recorded.

Chromium is driven over the DevTools protocol on ``--remote-debugging-pipe`` (file descriptors 3 and
4, NUL-separated JSON), so the test needs no package and opens no port. It skips, saying why, where
no Chromium is installed (``.ci/run`` installs Debian's ``chromium`` before ``make test``).
"""
from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from .test_report import built

pytestmark = pytest.mark.slow

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # belt and braces: no name resolves, even if a request slipped out
    "--window-size=1200,900",
    "--remote-debugging-pipe",
]
INSIDE = ("file:", "data:", "about:", "blob:", "chrome:", "devtools:")


def chromium_binary() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


class Browser:
    """A headless Chromium and a minimal DevTools-protocol client over its debugging pipe."""

    def __init__(self, binary: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="analysis-chromium-")
        to_browser, self._commands = os.pipe()
        self._replies, from_browser = os.pipe()

        def wire_pipes() -> None:  # in the child: DevTools reads commands on fd 3, writes replies on fd 4
            # Copy first: a pipe may already sit on fd 3 or 4, and dup2 onto itself would keep it close-on-exec.
            commands, replies = os.dup(to_browser), os.dup(from_browser)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes,
            close_fds=False,
        )
        os.close(to_browser)
        os.close(from_browser)
        self.events: list[dict] = []
        self._inbox: queue.Queue = queue.Queue()
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._replies, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for message in messages:
                    self._inbox.put(json.loads(message))

    def send(self, method: str, params: dict | None = None, *, session: str | None = None, timeout: float = 30) -> dict:
        """Send one command and return its result; events that arrive meanwhile are recorded."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._inbox.get(timeout=max(0.1, deadline - time.monotonic()))
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, *, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get("method") == method:
                    return event
            self.events.append(self._inbox.get(timeout=max(0.1, deadline - time.monotonic())))

    def settle(self, seconds: float) -> None:
        """Record the events of the next ``seconds`` (late requests, console messages)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                self.events.append(self._inbox.get(timeout=left))
            except queue.Empty:
                break

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except Exception:  # noqa: BLE001 - it may already be gone
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        shutil.rmtree(self.profile, ignore_errors=True)


class Visit:
    """What one page load did: requests, console messages, and facts read from the page."""

    def __init__(self, browser: Browser, path: Path, screenshot: Path) -> None:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}, session=session)
        start = len(browser.events)
        browser.send("Page.navigate", {"url": path.resolve().as_uri()}, session=session)
        browser.wait_for("Page.loadEventFired")
        browser.settle(1.0)
        self.page = browser.send(
            "Runtime.evaluate",
            {
                "expression": """(() => {
                    const card = document.getElementById("summary-card");
                    const box = card ? card.getBoundingClientRect() : null;
                    const style = card ? getComputedStyle(card) : null;
                    return {
                        title: document.title,
                        pwned: typeof window.__pwned === "undefined" ? null : window.__pwned,
                        card: card && {width: box.width, height: box.height, top: box.top,
                                       display: style.display, visibility: style.visibility, text: card.innerText},
                        images: Array.from(document.querySelectorAll('img, svg.analysis-chart')).map(i => i.tagName === 'IMG' ? ({complete: i.complete, width: i.naturalWidth}) : ({complete: true, width: i.getBoundingClientRect().width})),
                        headings: Array.from(document.querySelectorAll("h2")).map(h => h.id),
                    };
                })()""",
                "returnByValue": True,
            },
            session=session,
        )["result"]["value"]
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
        screenshot.write_bytes(base64.b64decode(shot["data"]))
        self.screenshot = screenshot
        events = [e for e in browser.events[start:] if e.get("sessionId") == session]
        self.requests = [e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent"]
        self.errors = [
            e["params"]
            for e in events
            if (e.get("method") == "Runtime.consoleAPICalled" and e["params"].get("type") in ("error", "assert"))
            or e.get("method") == "Runtime.exceptionThrown"
            or (e.get("method") == "Log.entryAdded" and e["params"]["entry"].get("level") == "error")
        ]
        self.messages = [e["params"] for e in events if e.get("method") in ("Runtime.consoleAPICalled", "Log.entryAdded")]
        browser.send("Target.closeTarget", {"targetId": target})

    @property
    def external(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(INSIDE)]


@pytest.fixture(scope="module")
def browser():
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no Chromium here (install Debian's `chromium`, or set CHROMIUM=/path/to/chrome)")
    instance = Browser(binary)
    try:
        instance.send("Browser.getVersion", timeout=60)
    except Exception as exc:  # noqa: BLE001
        instance.close()
        pytest.skip(f"Chromium at {binary} did not answer on its debugging pipe: {exc}")
    yield instance
    instance.close()


@pytest.fixture(scope="module")
def seed_visit(browser, tmp_path_factory):
    return Visit(browser, built("seed"), tmp_path_factory.mktemp("browser") / "seed.png")


def test_seed_report_makes_no_external_request(seed_visit):
    assert seed_visit.requests, "the page load itself was not recorded"
    assert seed_visit.external == []


def test_seed_report_logs_no_console_error(seed_visit):
    assert seed_visit.errors == []


def test_summary_card_is_visible_and_images_load(seed_visit):
    card = seed_visit.page["card"]
    assert card is not None
    assert card["display"] != "none" and card["visibility"] == "visible"
    assert card["width"] > 300 and card["height"] > 100 and card["top"] < 900  # on the first screen
    assert "International Symposium on Cybercrime Response" in card["text"]
    images = seed_visit.page["images"]
    assert images and all(i["complete"] and i["width"] > 0 for i in images)
    assert {"Summary", "Participants", "Timeline", "Themes", "Terms", "Readability", "Method"} <= set(seed_visit.page["headings"])


def test_screenshot_is_taken(seed_visit):
    data = seed_visit.screenshot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000  # a rendered page, not a blank one


def test_hostile_article_runs_nothing_and_fetches_nothing(browser, tmp_path):
    visit = Visit(browser, built("hostile"), tmp_path / "hostile.png")
    assert visit.page["pwned"] is None
    assert visit.page["title"] != "pwned" and "<script>" in visit.page["title"]  # the title, shown as text
    assert visit.external == []
    assert visit.errors == []
    assert "<img src=x" in visit.page["card"]["text"]
