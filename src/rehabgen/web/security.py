"""The guard round every request: the Host allow-list, size limits, cross-site checks, headers and errors.

``Guard`` is one plain ASGI middleware, outermost, so nothing reaches a route without passing it:

* **Host allow-list** (against DNS rebinding): a request whose ``Host`` is not loopback, the bound address or
  a name given with ``--allow-host`` gets 400, so a page on another site that rebinds its name to 127.0.0.1
  cannot read or post anything.
* **Request size**: a body over its limit gets 413, whether it says its length or streams past it
  (``UPLOAD_LIMIT`` for a roster, which stays below the size a form parser would spool to disk).
* **Cross-site posts**: a POST whose ``Origin`` is another site, or that the browser marks ``Sec-Fetch-Site:
  cross-site``, gets 403 (a second wall behind the CSRF token of every form, ``rehabgen.web.csrf``).
* **Headers** on every answer: a strict Content-Security-Policy (no inline script; inline styles only by
  hash), ``no-store`` so no patient's page lands in a browser cache, no referrer to other sites, no framing, no
  sniffing.
* **Errors**: a bug gets a plain 500 page and one log line naming the exception's type and the route, never
  its message or a value (which could hold a patient's name).
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

BODY_LIMIT = 256 * 1024
"""A form or a JSON profile: far above any real one (the example profile is under 1 kB)."""
UPLOAD_LIMIT = 1024 * 1024 - 64 * 1024
"""A roster upload: about 5,000 CSV rows. Kept below the 1 MiB past which the form parser would spool the
file to a temporary file on disk: an upload stays in memory."""
UPLOAD_PATHS = frozenset({"/roster", "/api/roster"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOG = logging.getLogger("rehabgen.web")


def style_hash(css: str) -> str:
    """The CSP source that allows exactly this inline stylesheet: ``'sha256-…'``."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style_hashes: Iterable[str] = ()) -> str:
    """The policy of every page: only this server's files, no inline script, inline styles only by hash."""
    styles = " ".join(["'self'", *style_hashes])
    return (
        "default-src 'none'; script-src 'self'; "
        f"style-src {styles}; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    )


SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


class RequestTooLarge(Exception):
    """The body went past its limit while it was read."""


class Guard:
    """The middleware (see the module's description)."""

    def __init__(self, app: ASGIApp, host_names: frozenset[str]) -> None:
        self.app = app
        self.host_names = host_names

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse, limit or pass on one request, and add the headers to its answer."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        limit = UPLOAD_LIMIT if scope["path"] in UPLOAD_PATHS else BODY_LIMIT
        length = headers.get("content-length", "")
        if length and (not length.isdigit() or int(length) > limit):
            await _plain(send, 413, f"The request is larger than this server accepts ({limit // 1024} kB).")
            return
        await self._guarded(scope, _limited(receive, limit), _with_headers(send, scope["path"]), limit)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = _host_name(headers.get("host", ""))
        if host not in self.host_names:
            return 400, "This server answers only to the names it was started for (rehabgen serve --allow-host)."
        if scope["method"] in SAFE_METHODS:
            return None
        origin = headers.get("origin")
        if origin is not None and _host_name(urlsplit(origin).netloc) not in self.host_names:
            return 403, "A page on another site may not send data to rehabgen."
        if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
            return 403, "A page on another site may not send data to rehabgen."
        return None

    async def _guarded(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except RequestTooLarge:
            if not started:
                await _plain(send, 413, f"The request is larger than this server accepts ({limit // 1024} kB).")
        except Exception as exc:
            route = scope.get("route")
            where = getattr(route, "path", None) or "(no route)"
            LOG.error("internal error: %s in %s %s", type(exc).__name__, scope["method"], where)  # no values
            if not started:
                await _plain(send, 500, "Something went wrong inside rehabgen (a bug). Nothing was kept.")


def _host_name(host: str) -> str:
    """The name part of a Host header or URL authority, lower-cased: ``[::1]:8000`` → ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise RequestTooLarge
        return message

    return wrapped


def _with_headers(send: Send, path: str) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {k.lower() for k, _ in headers}
            headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
            if b"content-security-policy" not in names:
                headers.append((b"content-security-policy", content_security_policy().encode("ascii")))
            if b"cache-control" not in names:
                cache = b"max-age=3600" if path.startswith("/static/") else b"no-store"
                headers.append((b"cache-control", cache))
            message["headers"] = headers
        await send(message)

    return wrapped


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode("utf-8") + b"\n"
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode("ascii")),
        (b"cache-control", b"no-store"),
        (b"content-security-policy", content_security_policy().encode("ascii")),
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
