"""CSRF protection for the form posts: a random token in a cookie, and the same token in every form.

The double-submit pattern, with nothing stored on the server: the first page sets a random token as a
``SameSite=Strict``, ``HttpOnly`` cookie and puts it in a hidden field of each of its forms; a form post is
accepted only when the field and the cookie hold the same token. Another site can make a browser post, but it
can neither read the cookie nor (SameSite) send it. ``Guard`` also refuses cross-site posts by their origin.
"""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

COOKIE = "rehabgen_csrf"
FIELD = "csrf"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def token_for(request: Request) -> tuple[str, bool]:
    """The browser's token, or a new one; True when it is new (and must be set as the cookie)."""
    known = request.cookies.get(COOKIE, "")
    if _TOKEN.match(known):
        return known, False
    return secrets.token_urlsafe(32), True


def remember(response: Response, token: str) -> None:
    """Set the token cookie: this site only, never sent by another site's request, unreadable by script."""
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")


def valid(request: Request, form: Mapping[str, Any]) -> bool:
    """Whether a form post carries the token its cookie holds."""
    cookie = request.cookies.get(COOKIE, "")
    field = form.get(FIELD)
    if not isinstance(field, str) or not _TOKEN.match(cookie):
        return False
    return hmac.compare_digest(cookie.encode("ascii"), field.encode("ascii", errors="replace"))
