"""Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by Playwright.

Outside CI a machine without Chromium skips these tests (``make test`` tries to install it
first); in CI (``CI`` set) a missing browser fails them, so they never vanish unnoticed.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 375, "height": 812}  # a small phone, CSS pixels
# Without the background-networking flags Chromium keeps trying to reach Google's hosts.
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def keep_screenshot(pg, name: str) -> None:
    """A full-page screenshot in ``$TRAININGKIT_SCREENSHOTS`` for a person to look at, and none
    when it is unset: no test reads it, and Chromium takes up to 5 s for a long session page."""
    if folder := os.environ.get("TRAININGKIT_SCREENSHOTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(folder) / f"{name.replace('/', '-')}.png"), full_page=True)


def require_chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-core"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the whole test session."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(executable), args=ARGS)
        yield chromium
        chromium.close()


def recording(pg):
    """``pg`` recording its console errors (``pg.console_errors``), every request URL
    (``pg.requests``) and the requests not yet answered (``pg.pending``)."""
    pg.console_errors, pg.requests, pg.pending = [], [], set()
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: (pg.requests.append(r.url), pg.pending.add(r)))
    pg.on("requestfinished", lambda r: pg.pending.discard(r))
    pg.on("requestfailed", lambda r: pg.pending.discard(r))
    return pg


def settle(pg, quiet_s: float = 0.5, timeout_s: float = 30) -> None:
    """Wait until the recorded page has loaded and no request of it has been open for
    ``quiet_s``: what Playwright's "networkidle" promises, but counted from the requests
    themselves. Chromium's own network-idle signal sometimes never comes for a page opened
    from disk, although every request has finished (1 load in 3 on a busy machine)."""
    pg.wait_for_load_state("load")
    deadline = time.monotonic() + timeout_s
    quiet_since = None
    while time.monotonic() < deadline:
        if pg.pending:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_s:
            return
        pg.wait_for_timeout(50)  # lets Playwright deliver the page's events meanwhile
    raise AssertionError(f"{pg.url}: requests still open after {timeout_s} s: {sorted(r.url for r in pg.pending)}")


@pytest.fixture
def page(browser):
    """A fresh page that records console errors (``page.console_errors``) and every request
    URL (``page.requests``), so tests can assert nothing left the machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield recording(context.new_page())
    context.close()


@pytest.fixture
def phone(browser):
    """A fresh touch page at phone width that records console errors and requests like ``page``."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield recording(context.new_page())
    context.close()
