"""Privacy and security: Host allow-list, size limits, cross-site posts, CSP, no files from requests, no logs."""

from __future__ import annotations

import builtins
import io
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.formparsers import MultiPartParser

from rehabgen.web import WebConfig, create_app
from rehabgen.web.security import BODY_LIMIT, UPLOAD_LIMIT
from tests.web.conftest import EXAMPLE_PROFILE, hidden, post_intake, runner_answers

PAGES = ("/", "/?for=clinician", "/roster", "/api")


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "[::2]:8000", ""])
def test_a_request_for_another_host_name_is_refused(client: TestClient, host: str) -> None:
    for method, path in (("GET", "/"), ("POST", "/api/plan"), ("GET", "/api/catalogue")):
        response = client.request(method, path, headers={"host": host}, json=EXAMPLE_PROFILE)
        assert response.status_code == 400, (host, path)
        assert "Zoë" not in response.text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:80", "[::1]:8000", "testserver"])
def test_loopback_names_are_accepted(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 200


def test_a_machine_wide_binding_answers_only_to_named_hosts() -> None:
    config = WebConfig(host="0.0.0.0", allowed_hosts=("clinic-pc.local",), warm=False)
    assert {"127.0.0.1", "localhost", "::1", "clinic-pc.local"} <= config.host_names()
    assert "0.0.0.0" not in config.host_names()


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
    ],
)
def test_a_post_from_another_site_is_refused(client: TestClient, headers: dict[str, str]) -> None:
    assert client.post("/api/plan", json=EXAMPLE_PROFILE, headers=headers).status_code == 403
    assert client.post("/intake", data={"age": "3"}, headers=headers).status_code == 403


def test_a_post_from_this_site_is_accepted(client: TestClient) -> None:
    headers = {"origin": "http://testserver", "sec-fetch-site": "same-origin"}
    assert client.post("/api/plan", json=EXAMPLE_PROFILE, headers=headers).status_code == 200


def test_an_oversized_body_is_refused_whether_announced_or_streamed(client: TestClient) -> None:
    big = b"x" * (BODY_LIMIT + 1)
    assert client.post("/api/plan", content=big).status_code == 413

    def chunks() -> Iterator[bytes]:
        for _ in range(BODY_LIMIT // 1024 + 2):
            yield b"y" * 1024

    assert client.post("/api/plan", content=chunks()).status_code == 413
    assert client.post("/api/roster", content=b"z" * (UPLOAD_LIMIT + 1)).status_code == 413
    assert client.post("/api/plan", content=b"{}", headers={"content-length": "-1"}).status_code in (400, 413)


def test_an_upload_stays_in_memory() -> None:
    # The multipart parser keeps a file part in memory up to spool_max_size and spools it to disk beyond.
    assert MultiPartParser.spool_max_size > UPLOAD_LIMIT


def test_every_page_has_a_strict_policy_and_nothing_inline_or_external(client: TestClient) -> None:
    pages = [client.get(p) for p in PAGES] + [post_intake(client, runner_answers())]
    for response in pages:
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self';" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "frame-ancestors 'none'" in policy
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
        html = response.text
        assert "<script>" not in html and " style=" not in html
        assert not re.search(r'<[^>]+ on[a-z]+="', html), "no inline event handlers"
        assert not re.search(r'(?:src|href|action)="(?:https?:)?//', html), "nothing fetched from elsewhere"


def test_static_files_are_looked_up_by_name_never_by_path(client: TestClient) -> None:
    assert client.get("/static/app.css").status_code == 200
    for path in (
        "/static/../state.py",
        "/static/..%2Fstate.py",
        "/static/%2e%2e%2fpyproject.toml",
        "/static/nosuch.css",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "import" not in response.text


def test_no_patient_data_reaches_the_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = create_app(WebConfig(allowed_hosts=("testserver",), cache=None))
    written: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def watch_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(c in mode for c in "wax+"):
            written.append(str(file))
        return real_open(file, mode, *args, **kwargs)

    def watch_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            written.append(str(path))
        return real_os_open(path, flags, *args, **kwargs)

    with TestClient(app) as client:
        monkeypatch.setattr(builtins, "open", watch_open)
        monkeypatch.setattr(io, "open", watch_open)
        monkeypatch.setattr(os, "open", watch_os_open)
        (tmp_path / "probe").write_text("the watch sees a write")
        assert written == [str(tmp_path / "probe")]
        written.clear()
        html = post_intake(client, runner_answers()).text
        fields = {"csrf": hidden(html, "csrf"), "profile": hidden(html, "profile")}
        for fmt in ("pdf", "html", "ics"):
            assert client.post("/download", data={**fields, "format": fmt}).status_code == 200
        roster = (Path(__file__).parents[2] / "examples" / "roster.csv").read_bytes()
        files = {"roster": ("roster.csv", roster, "text/csv")}
        assert client.post("/roster", data={"csrf": fields["csrf"]}, files=files).status_code == 200
        assert client.post("/api/roster", content=roster).status_code == 200
    assert written == []


@pytest.fixture
def caught(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)
    return caplog


def test_logs_carry_no_names_even_for_a_bug(
    web_app: FastAPI, client: TestClient, caught: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    post_intake(client, runner_answers())
    client.post("/api/plan", json={**EXAMPLE_PROFILE, "age": 5})
    site = web_app.state.site

    def broken(data: dict[str, Any], template: Any) -> Any:
        raise ValueError(f"bug while planning for {data['patient']['name']}")

    monkeypatch.setattr(site, "plan", broken)
    response = client.post("/api/plan", json=EXAMPLE_PROFILE)
    assert response.status_code == 500 and "Zoë" not in response.text
    assert "internal error: ValueError in POST /api/plan" in caught.text
    assert "Zoë" not in caught.text and "Ångström" not in caught.text and "P-0042" not in caught.text
