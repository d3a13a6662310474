"""The HTML export in a real browser: headless Chromium driven over the DevTools protocol.

Chromium is started with --remote-debugging-pipe (commands on fd 3, replies on fd 4), so no
driver, websocket library or network port is needed. The tests check what a reader sees (the
parallel view of a record; the edition view of other TEI: footnote links both ways and their
popup, one reading of a choice and the switch, words at breaks, images from relative paths,
page numbers, a 360-px phone) and save screenshots in tests/artifacts/. They skip when no
chromium is installed.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from teikit.tei import parse_xml_file
from teikit.writers import export

ARTIFACTS = Path(__file__).parent / "artifacts"
SPECIMEN = Path(__file__).parent / "data" / "writers" / "specimen.tei.xml"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-pipe", "--window-size=1280,1000"]


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """A minimal DevTools-protocol client over Chromium's debugging pipe."""

    def __init__(self, binary: str):
        self.profile = tempfile.mkdtemp(prefix="teikit-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire_pipes():  # in the child: fd 3 reads commands, fd 4 writes replies
            # move both ends out of the way first: either may already be fd 3 or 4
            read_end = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)  # dup2 makes the copies inheritable
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=wire_pipes, close_fds=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict] = []
        self.session: str | None = None

    def send(self, method: str, params: dict | None = None, *, timeout: float = 20) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive(timeout)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_browser], [], [], left)[0]:
                raise TimeoutError("no reply from chromium")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method: str, timeout: float = 20) -> dict:
        for event in self.events:
            if event.get("method") == method:
                self.events.remove(event)
                return event
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            event = self.receive(deadline - time.monotonic())
            if event.get("method") == method:
                return event
            self.events.append(event)
        raise TimeoutError(method)

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def mouse(self, kind: str, x: float, y: float) -> None:
        params = {"type": kind, "x": x, "y": y, "button": "left" if kind != "mouseMoved" else "none"}
        if kind != "mouseMoved":
            params["clickCount"] = 1
        self.send("Input.dispatchMouseEvent", params)

    def centre_of(self, selector: str) -> tuple[float, float]:
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        return box[0], box[1]

    def click(self, selector: str) -> None:
        x, y = self.centre_of(selector)
        self.mouse("mouseMoved", x, y)
        self.mouse("mousePressed", x, y)
        self.mouse("mouseReleased", x, y)

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def errors(self) -> list[str]:
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(str(params.get("args")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def close(self) -> None:
        try:
            self.session = None
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)


def sample_tei(sample_path):
    """The encoded sample record when the encoder runs, else the hand-written specimen."""
    try:
        from teikit.api import encode_file

        return encode_file(str(sample_path)), "sample"
    except Exception:
        return parse_xml_file(SPECIMEN), "specimen"


@pytest.fixture(scope="module")
def page(tmp_path_factory, sample_path):
    binary = chromium_binary()
    if binary is None:
        pytest.skip("chromium is not installed")
    doc, name = sample_tei(sample_path)
    html_path = tmp_path_factory.mktemp("browser") / f"{name}.html"
    html_path.write_bytes(export(doc, "html"))
    browser = Browser(binary)
    try:
        browser.open(html_path.as_uri())
        yield browser
    finally:
        browser.close()


def test_both_columns_are_side_by_side(page):
    columns = page.evaluate(
        "[...document.querySelectorAll('.parallel > .col')].map(c => {"
        " const r = c.getBoundingClientRect(); return [c.lang, r.left, r.top, r.width]; })")
    assert [c[0] for c in columns] == ["en", "zh-Hans"]
    (_, left_en, top_en, width_en), (_, left_zh, top_zh, width_zh) = columns
    assert left_zh > left_en + width_en * 0.9 and abs(top_zh - top_en) < 5 and width_zh > 200


def test_hovering_a_sentence_highlights_its_counterpart(page):
    bead = page.evaluate(
        "(() => { const s = [...document.querySelectorAll('.col-1 .s[data-bead]')]"
        ".find(s => document.querySelector('.col-2 .s[data-bead=\"' + s.dataset.bead + '\"]'));"
        " s.id = s.id || 'probe'; return [s.id, s.dataset.bead]; })()")
    sid, bead_id = bead
    counterpart = f'.col-2 .s[data-bead="{bead_id}"]'
    assert page.evaluate(f"document.querySelector({json.dumps(counterpart)}).classList.contains('hl')") is False
    x, y = page.centre_of(f"#{sid}")
    page.mouse("mouseMoved", x, y)
    time.sleep(0.4)  # the highlight fades in
    highlighted = page.evaluate(
        f"(() => {{ const c = document.querySelector({json.dumps(counterpart)});"
        " return [c.classList.contains('hl'), getComputedStyle(c).backgroundColor]; })()")
    assert highlighted[0] is True
    assert highlighted[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(ARTIFACTS / "export-html-hover.png")
    page.mouse("mouseMoved", 5, 5)
    assert page.evaluate(f"document.querySelector({json.dumps(counterpart)}).classList.contains('hl')") is False


def test_focusing_a_sentence_highlights_its_counterpart_too(page):
    state = page.evaluate(
        "(() => { const s = [...document.querySelectorAll('.col-2 .s[data-bead]')]"
        ".find(s => document.querySelector('.col-1 .s[data-bead=\"' + s.dataset.bead + '\"]'));"
        " s.focus(); const c = document.querySelector('.col-1 .s[data-bead=\"' + s.dataset.bead + '\"]');"
        " const on = c.classList.contains('hl'); s.blur(); return [document.activeElement !== s, on,"
        " c.classList.contains('hl')]; })()")
    assert state == [True, True, False]


def test_a_footnote_link_jumps_to_its_note(page):
    target = page.evaluate("document.querySelector('.noteref a').getAttribute('href')")
    page.click(".noteref a")
    time.sleep(0.3)
    state = page.evaluate(
        f"(() => {{ const n = document.getElementById({json.dumps(target[1:])}); const r = n.getBoundingClientRect();"
        " return [location.hash, r.top >= 0 && r.bottom <= innerHeight]; })()")
    assert state == [target, True]
    page.evaluate("history.replaceState(null, '', location.pathname); scrollTo(0, 0)")


def test_language_switch_shows_one_language(page):
    page.click("label[for='view-1-2']")
    shown = page.evaluate("[...document.querySelectorAll('.parallel > .col')].map(c => getComputedStyle(c).display)")
    assert shown == ["none", "block"]
    page.click("label[for='view-1-0']")
    shown = page.evaluate("[...document.querySelectorAll('.parallel > .col')].map(c => getComputedStyle(c).display)")
    assert shown == ["block", "block"]


def test_sentence_pairs_view(page):
    page.click("label[for='view-1-pairs']")
    state = page.evaluate(
        "[getComputedStyle(document.querySelector('.parallel')).display,"
        " getComputedStyle(document.querySelector('.pairs')).display,"
        " document.querySelectorAll('.pairs tbody tr').length]")
    assert state[:2] == ["none", "table"] and state[2] > 0
    page.screenshot(ARTIFACTS / "export-html-pairs.png")
    page.click("label[for='view-1-0']")


def test_screenshot_and_no_console_error(page):
    page.evaluate("scrollTo(0, 0)")
    shot = ARTIFACTS / "export-html.png"
    page.screenshot(shot)
    assert shot.stat().st_size > 10_000
    assert page.errors() == []


def test_the_language_switch_works_without_javascript(page):
    page.send("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        page.send("Page.reload")
        page.wait_for("Page.loadEventFired")
        page.click("label[for='view-1-1']")
        shown = page.evaluate("[...document.querySelectorAll('.parallel > .col')].map(c => getComputedStyle(c).display)")
        assert shown == ["block", "none"]
    finally:
        page.send("Emulation.setScriptExecutionDisabled", {"value": False})


# ---------------------------------------------------------------- the edition view of any TEI

EDITION = Path(__file__).parent / "data" / "writers" / "edition.tei.xml"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    """The written edition specimen, exported beside a copy of its images folder."""
    binary = chromium_binary()
    if binary is None:
        pytest.skip("chromium is not installed")
    folder = tmp_path_factory.mktemp("edition")
    shutil.copytree(EDITION.parent / "images", folder / "images")
    html_path = folder / "edition.html"
    html_path.write_bytes(export(parse_xml_file(EDITION), "html"))
    browser = Browser(binary)
    try:
        browser.open(html_path.as_uri())
        yield browser
    finally:
        browser.close()


def test_edition_footnote_link_jumps_to_the_note_and_back(edition):
    target = edition.evaluate("document.querySelector('a.fnref').getAttribute('href')")
    edition.click("a.fnref")
    time.sleep(0.3)
    state = edition.evaluate(
        f"(() => {{ const n = document.getElementById({json.dumps(target[1:])}); const r = n.getBoundingClientRect();"
        " return [location.hash, r.top >= 0 && r.bottom <= innerHeight, n.innerText]; })()")
    assert state[:2] == [target, True] and "A note with style." in state[2]
    edition.click(f"{target} a.backref")
    time.sleep(0.3)
    assert edition.evaluate("location.hash") == "#fnref-" + target[1:]
    edition.evaluate("history.replaceState(null, '', location.pathname); scrollTo(0, 0)")


def test_edition_footnote_popup_on_hover(edition):
    x, y = edition.centre_of("a.fnref")
    edition.mouse("mouseMoved", x, y)
    time.sleep(0.2)
    assert edition.evaluate("(document.querySelector('.fn-pop') || {}).innerText") == "A note with style."
    edition.mouse("mouseMoved", 5, 5)
    assert edition.evaluate("document.querySelector('.fn-pop')") is None


def test_edition_choice_shows_one_reading_and_the_switch_the_other(edition):
    read = "[...document.querySelectorAll('.choice')].map(c => c.innerText)"
    assert edition.evaluate(read) == ["Geneva", "very fine", "color"]
    edition.click("label.reading-switch")
    assert edition.evaluate(read) == ["Genva", "fine", "colour"]
    edition.click("label.reading-switch")
    assert edition.evaluate(read) == ["Geneva", "very fine", "color"]


def test_edition_words_read_whole_at_breaks_and_apart_at_spaces(edition):
    text = edition.evaluate("document.querySelector('#doc-1').innerText")
    assert "moun-tains are high, the valleys deep." in text and "walk daily." in text
    assert "Genva" not in text


def test_edition_images_load_from_relative_paths(edition):
    edition.evaluate("document.querySelectorAll('img').forEach(i => { i.loading = 'eager'; })")
    edition.evaluate("scrollTo(0, document.body.scrollHeight)")
    time.sleep(0.5)
    images = edition.evaluate("[...document.images].map(i => [i.getAttribute('src'), i.complete && i.naturalWidth])")
    assert sorted(images) == [["images/figure.png", 6], ["images/page-1.png", 8]]
    edition.evaluate("scrollTo(0, 0)")


def test_edition_page_numbers_and_verse_numbers_are_visible(edition):
    pages = edition.evaluate("[...document.querySelectorAll('.pb')].map(p => [p.innerText, p.getClientRects().length > 0])")
    assert pages == [["1r", True], ["1v", True]]
    assert edition.evaluate("getComputedStyle(document.querySelector('.lnum'), '::before').content") == '"5"'


def test_edition_fits_a_phone_and_has_no_console_error(edition):
    edition.send("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    try:
        edition.send("Page.reload")
        edition.wait_for("Page.loadEventFired")
        assert edition.evaluate("document.documentElement.scrollWidth") <= 360
        edition.screenshot(ARTIFACTS / "export-html-edition-phone.png")
    finally:
        edition.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    assert edition.errors() == []
