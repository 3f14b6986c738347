"""`newsclean report` in a real headless browser (Debian's chromium; CI installs it).

The page must load without console errors, its charts must render (a screenshot that is not blank
and shows the bar colours), and the numbers in the page must match `newsclean clean`'s summary.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.report_html import BAR_COLORS

CORPUS = Path(__file__).parent / "data" / "corpus.jsonl"
BROWSERS = ("chromium", "chromium-browser")
WINDOW = (1200, 2000)

ERROR_PROBE = (
    "<script>window.addEventListener('error', function (e) {"
    " document.documentElement.setAttribute('data-js-error', String(e.message)); });</script>"
)


def _browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("chromium is not installed (CI installs it: apt-get install -y chromium)")


def _run_browser(
    browser: str, tmp: Path, url: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.iterdir()))}"
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        *extra,
        url,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def _console_errors(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ":CONSOLE" in ln or "Uncaught" in ln]


def decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Width, height, rows of pixels and channels (RGB or RGBA, 8 bits) of a PNG, stdlib only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8, depth
            assert color in (2, 6), color
            assert interlace == 0, interlace
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:  # Up
            line = bytearray((a + b) & 255 for a, b in zip(line, prev, strict=True))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, channels


def _colours(png: Path) -> tuple[int, int, Counter[tuple[int, int, int]]]:
    width, height, rows, channels = decode_png(png.read_bytes())
    counts: Counter[tuple[int, int, int]] = Counter()
    for row in rows:
        for x in range(0, len(row), channels):
            counts[(row[x], row[x + 1], row[x + 2])] += 1
    return width, height, counts


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


class _DataAttrs(HTMLParser):
    """Collects the data-* attributes the page puts on its numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.root: dict[str, str | None] = {}
        self.summary: dict[str, int] = {}
        self.codes: dict[tuple[str, str], tuple[int, int]] = {}
        self.bars = 0
        self.json = ""
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.root = a
        if a.get("data-summary-key"):
            self.summary[str(a["data-summary-key"])] = int(a["data-value"] or 0)
        if tag == "tr" and a.get("data-code"):
            key = (str(a["data-kind"]), str(a["data-code"]))
            self.codes[key] = (int(a["data-count"] or 0), int(a["data-documents"] or 0))
        if tag == "g" and a.get("data-rate") is not None:
            self.bars += 1
        self._in_json = tag == "script" and a.get("id") == "newsclean-data"

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json += data

    def handle_endtag(self, tag: str) -> None:
        self._in_json = False


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    tmp = tmp_path_factory.mktemp("report")
    summary_json = tmp / "summary.json"
    assert main(["clean", str(CORPUS), "-o", str(tmp / "clean.jsonl"), "-q",
                 "--summary-json", str(summary_json)]) == 0  # fmt: skip
    page = tmp / "report.html"
    assert main(["report", str(CORPUS), "-o", str(page), "-q"]) == 0
    return page, json.loads(summary_json.read_text())


def test_page_is_self_contained(built: tuple[Path, dict[str, object]]) -> None:
    html = built[0].read_text(encoding="utf-8")
    for needle in ("<link", "src=", "@import", "url(", "http-equiv"):
        assert needle not in html
    assert html.count("<svg") >= 4


def test_report_in_headless_chromium(built: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    browser = _browser()
    page, summary = built

    # 1. the page as shipped: a screenshot, and no console message at all
    shot = tmp_path / "shot.png"
    run = _run_browser(browser, tmp_path, page.as_uri(), f"--screenshot={shot}")
    assert shot.is_file(), run.stderr[-2000:]
    assert _console_errors(run.stderr) == []
    width, height, colours = _colours(shot)
    assert (width, height) == WINDOW
    white = colours.get((255, 255, 255), 0)
    assert len(colours) > 50, "the screenshot is blank"
    assert white < 0.97 * width * height, "the screenshot is nearly all white"
    for kind, colour in BAR_COLORS.items():  # the SVG bars were drawn
        assert colours.get(_rgb(colour), 0) > 500, f"no {kind} bars in the screenshot"

    # 2. the DOM after the scripts ran, with an error probe put in before them
    probed = tmp_path / "probed.html"
    probed.write_text(
        page.read_text(encoding="utf-8").replace("<head>", "<head>" + ERROR_PROBE, 1),
        encoding="utf-8",
    )
    run = _run_browser(browser, tmp_path, probed.as_uri(), "--dump-dom")
    assert _console_errors(run.stderr) == []
    dom = _DataAttrs()
    dom.feed(run.stdout)
    assert "data-js-error" not in dom.root, dom.root.get("data-js-error")
    assert dom.root.get("data-newsclean-ready") == str(len(dom.summary))
    assert dom.root.get("data-newsclean-mismatches") == "0"

    # 3. the numbers on the page are the CLI's
    for key in ("read", "cleaned", "rejected", "not_ok"):
        assert dom.summary[key] == summary[key], key
    findings = {code: n for (kind, code), (n, _) in dom.codes.items() if kind == "finding"}
    docs = {code: d for (kind, code), (_, d) in dom.codes.items() if kind == "finding"}
    removals = {code: n for (kind, code), (n, _) in dom.codes.items() if kind == "removal"}
    assert findings == summary["findings"]
    assert docs == summary["documents_with_finding"]
    assert removals == summary["removals"]
    assert json.loads(dom.json)["summary"] == summary
    assert dom.bars >= len(findings) + len(removals)


def test_the_probe_catches_a_broken_page(tmp_path: Path) -> None:
    """The checks above would see a script error: a page with one fails them."""
    browser = _browser()
    bad = tmp_path / "bad.html"
    bad.write_text(
        f"<!DOCTYPE html><html><head>{ERROR_PROBE}</head><body><p>x</p>"
        "<script>undefinedFunction();</script></body></html>",
        encoding="utf-8",
    )
    run = _run_browser(browser, tmp_path, bad.as_uri(), "--dump-dom")
    assert "data-js-error" in run.stdout
    assert any("undefinedFunction" in ln for ln in _console_errors(run.stderr))
