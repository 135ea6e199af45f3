"""``rehabgen serve``: loopback by default, a warning elsewhere, a clear word when the web extra is missing,
and a real server that answers 20 requests at once."""

from __future__ import annotations

import concurrent.futures as cf
import json
import socket
import subprocess
import sys
import time
import urllib.request
from typing import Any

import pytest
from typer.testing import CliRunner

from rehabgen.cli import app
from rehabgen.web import is_loopback, is_wildcard
from tests.web.conftest import EXAMPLE_PROFILE

runner = CliRunner()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    calls: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.update(kwargs, app=app))
    return calls


def test_serve_listens_on_loopback_by_default(started: dict[str, Any]) -> None:
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert started["host"] == "127.0.0.1" and started["port"] == 8000
    assert "warning" not in result.output and "http://127.0.0.1:8000/" in result.output


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10"])
def test_serve_warns_when_bound_elsewhere(started: dict[str, Any], host: str) -> None:
    result = runner.invoke(app, ["serve", "--host", host, "--port", "8123", "--allow-host", "clinic-pc"])
    assert result.exit_code == 0, result.output
    assert "warning: listening on" in result.output and "clinic-pc" in result.output
    assert started["host"] == host and started["port"] == 8123


def test_serve_says_how_to_install_the_web_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a))
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 1
    assert "pip install 'rehabgen[web]'" in result.output and "missing: fastapi" in result.output


def test_loopback_and_wildcard_addresses() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.2", "example.org", "::"))
    assert is_wildcard("0.0.0.0") and is_wildcard("::") and not is_wildcard("127.0.0.1")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_real_server_answers_20_requests_at_once_and_logs_no_names() -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "rehabgen", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/", timeout=2).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)

        def one(i: int) -> tuple[int, str]:
            path = "/api/handout?format=pdf" if i % 2 else "/api/plan"
            request = urllib.request.Request(
                base + path, data=json.dumps(EXAMPLE_PROFILE).encode(), headers={"content-type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.headers["content-type"]

        with cf.ThreadPoolExecutor(20) as pool:
            results = list(pool.map(one, range(20)))
        assert [status for status, _ in results] == [200] * 20
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert "POST /api/plan" in output  # the access log is on ...
    assert "Zoë" not in output and "Ångström" not in output and "P-0042" not in output  # ... and names none
