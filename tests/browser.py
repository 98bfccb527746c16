"""Headless Chromium for tests, driven by Playwright with the system's browser.

Playwright never downloads a browser here: it drives Debian's ``chromium`` through
``executable_path``. Locally a missing browser skips the test with the reason; in CI
(``CRITMIN_CI=1``, set by ``.ci/run``, which installs Chromium) it fails instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The system Chromium, if installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_browser() -> str:
    """Return the browser path, or skip (locally) / fail (in CI) with the reason."""
    path = chromium_path()
    reason = None
    if path is None:
        reason = "Chromium is not installed (apt install chromium; .ci/run installs it)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[dev]')"
    if reason:
        if os.environ.get("CRITMIN_CI"):
            pytest.fail(f"browser test cannot run in CI: {reason}")
        pytest.skip(reason)
    assert path is not None
    return path


@contextmanager
def page() -> Iterator[Any]:
    """A fresh headless Chromium page; yields (page, console_errors, requests)."""
    executable = require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            pg = browser.new_page(viewport={"width": 1100, "height": 900})
            errors: list[str] = []
            requests: list[str] = []
            pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.on("request", lambda r: requests.append(r.url))
            yield pg, errors, requests
        finally:
            browser.close()
