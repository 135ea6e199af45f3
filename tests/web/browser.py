"""A real headless Chromium on a real server, for the end-to-end tests (``test_browser.py``).

The browser is the system's (the Debian package ``chromium``), driven by Playwright through its
``executable_path``: Playwright's own browser download is never used. Without a browser, or without Playwright,
the tests skip and say why; with ``REHABGEN_REQUIRE_BROWSER`` set (CI sets it), that is a failure instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rehabgen.web import WebConfig, create_app
from tests.conftest import TEST_CACHE

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REQUIRE_ENV = "REHABGEN_REQUIRE_BROWSER"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_browser() -> tuple[str | None, str]:
    """The browser's path, or None and the reason it cannot be used."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None, "Playwright is not installed (pip install -e '.[test]')"
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found, ""
    return None, "no Chromium on this machine (Debian/Ubuntu: apt-get install chromium)"


def browser_or_skip() -> str:
    """The browser's path; a skip with the reason (a failure when REHABGEN_REQUIRE_BROWSER is set)."""
    path, reason = find_browser()
    if path is None:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set but the browser tests cannot run: {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_in_thread() -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread; its base URL until the caller is done."""
    import uvicorn

    port = free_port()
    app = create_app(WebConfig(port=port, cache=TEST_CACHE))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def launch(path: str) -> Iterator[Browser]:
    """Headless Chromium from ``path``, closed when the caller is done."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def screenshot_folder(option: str | None, fallback: Path) -> Path:
    """Where screenshots go: the folder given with ``--screenshots``, else the test's own temporary folder."""
    folder = Path(option) if option else fallback
    folder.mkdir(parents=True, exist_ok=True)
    return folder
