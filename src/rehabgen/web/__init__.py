"""rehabgen's local web app: the questionnaire, triage, planner and every handout format, in a browser.

``create_app(WebConfig(...))`` builds it (FastAPI, Jinja2 pages, no script needed); ``rehabgen serve`` runs it
with uvicorn on 127.0.0.1:8000. It keeps nothing: no patient data is written to disk or to the logs, and the
server holds no session. See ``security`` for the guard round every request.

Needs the ``web`` extra: ``pip install 'rehabgen[web]'``.
"""

from __future__ import annotations

from rehabgen.web.app import create_app
from rehabgen.web.state import WebConfig, is_loopback, is_wildcard

__all__ = ["WebConfig", "create_app", "is_loopback", "is_wildcard"]
