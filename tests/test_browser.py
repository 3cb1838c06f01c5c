"""The viewer in a real browser: headless Chromium (Debian's chromium + chromium-driver) driven
by Selenium against `agendas serve` running in a subprocess.

The walk an auditor takes: search a phrase, open the meeting, open a resolution's source,
and check that the page image is shown with the box where the text is (the words pdfplumber
finds inside the red frame drawn on the image are the row's source text).

Set AGENDAS_SCREENSHOTS=DIR to also save screenshots of the pages visited (the README's).
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pdfplumber
import pytest
from PIL import Image

from pipeline.run.ingest import ingest
from tests.conftest import ROOT, corpus_pdf

# Another Chromium or Chrome (and its matching driver) can be named in these variables.
CHROMIUM = os.environ.get("AGENDAS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = (
    os.environ.get("AGENDAS_CHROMEDRIVER")
    or shutil.which("chromedriver")
    or "/usr/bin/chromedriver"
)
PACKS = [
    "milburn-pc-2018-11-06-minutes",
    "milburn-pc-2019-09-03-agenda",
    "kent-cc-cabinet-2025-01-30-agenda-frontsheet",
]
BEACON = "b49974710e8b4362:r0002"  # "... resolved to have the Beacon and service on the ..."

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip(
        "no browser: install Debian's chromium and chromium-driver "
        "(apt-get install chromium chromium-driver) to run the browser tests",
        allow_module_level=True,
    )

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow  # drives a browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """Three packs and a file that is not a PDF (a failed document, to be listed)."""
    folder = tmp_path_factory.mktemp("browser")
    broken = folder / "not-a-pdf.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis file was cut off in the download\n")
    path = folder / "agendas.duckdb"
    summary = ingest([*(corpus_pdf(name) for name in PACKS), broken], path, workers=1)
    assert (summary.counts["ok"], summary.counts["failed"]) == (len(PACKS), 1)
    return path


@pytest.fixture(scope="module")
def server(db, tmp_path_factory):
    """`agendas serve` on a free port, as a user starts it; its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from pipeline.access.cli import main; main()",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--cache-dir",
            str(tmp_path_factory.mktemp("cache")),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/documents", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("agendas serve did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1200,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ]:
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def screenshot(driver, name: str) -> None:
    """Save the whole page (1200 px wide) when AGENDAS_SCREENSHOTS names a folder."""
    folder = os.environ.get("AGENDAS_SCREENSHOTS")
    if not folder:
        return
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1200, min(max(height + 120, 600), 2400))
    Path(folder).mkdir(parents=True, exist_ok=True)
    shot = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    shot.quantize(colors=128).save(Path(folder) / f"{name}.png", optimize=True)
    driver.set_window_size(1200, 1000)


def red_frame(png: bytes) -> tuple[int, int, int, int]:
    """Pixel bounds of the highlight's red frame (the only pure red on these pages)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    pixels = image.load()
    xs, ys = [], []
    for y in range(0, height):
        for x in range(0, width, 2):
            r, g, b = pixels[x, y]
            if r > 190 and g < 60 and b < 60:
                xs.append(x)
                ys.append(y)
    assert xs, "no highlight drawn on the page image"
    return min(xs), min(ys), max(xs), max(ys)


def words(text: str) -> str:
    return " ".join(text.split())


def test_search_a_phrase_open_the_meeting_and_see_the_source_highlighted(server, browser, db):
    wait = WebDriverWait(browser, 30)
    browser.get(server + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys('"Beacon and service"')
    box.submit()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "li.hit")))
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    assert any(BEACON in h.text for h in hits)
    assert "service and beacon" not in browser.page_source.lower()
    screenshot(browser, "search")

    browser.find_element(By.CSS_SELECTOR, "li.hit a.meeting-link").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "table.resolutions")))
    assert "Milburn Parish Council" in browser.find_element(By.TAG_NAME, "h1").text
    assert "2018-11-06" in browser.find_element(By.TAG_NAME, "h1").text
    screenshot(browser, "meeting")

    browser.find_element(By.CSS_SELECTOR, f'a.source[href="/tables/resolutions/{BEACON}"]').click()
    image = wait.until(ec.presence_of_element_located((By.ID, "page-image")))
    wait.until(lambda d: d.execute_script("return arguments[0].complete", image))
    assert browser.execute_script("return arguments[0].naturalWidth", image) > 500
    screenshot(browser, "source")

    # Where is the frame the browser shows? Read the same image and find its red pixels.
    png = urllib.request.urlopen(image.get_attribute("src")).read()
    x0, top, x1, bottom = red_frame(png)
    width_px = Image.open(io.BytesIO(png)).size[0]
    con = duckdb.connect(str(db), read_only=True)
    path, source_text, page_number = con.execute(
        "SELECT d.path, r.source_text, r.page FROM resolutions r JOIN documents d "
        "USING (document_id) WHERE r.resolution_id = ?",
        [BEACON],
    ).fetchone()
    con.close()
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[page_number - 1]
        scale = width_px / float(page.width)  # pixels per point
        inside = page.crop((x0 / scale, top / scale, x1 / scale, bottom / scale)).extract_text()
        first_line = page.extract_text().splitlines()[0]
    assert words(source_text) in words(inside)
    assert words(first_line) not in words(inside)  # the frame is around the row, not the page


def test_documents_and_a_permalink_in_the_browser(server, browser):
    browser.get(server + "/documents")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.documents tbody tr")
    assert len(rows) == len(PACKS) + 1
    # The failed file is listed first, with its reason.
    assert "not-a-pdf.pdf" in rows[0].text and "failed" in rows[0].text
    assert rows[0].find_element(By.CSS_SELECTOR, "td:nth-child(3)").text.strip()
    screenshot(browser, "documents")
    browser.get(server + f"/tables/resolutions/{BEACON}")
    browser.find_element(By.CSS_SELECTOR, "a.permalink").click()
    resolved = WebDriverWait(browser, 30).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "a.resolved-row"))
    )
    assert BEACON in resolved.text
