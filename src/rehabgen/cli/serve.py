"""``rehabgen serve``: the local web app, on this machine only unless told otherwise.

It listens on 127.0.0.1 (loopback) by default, so only this computer's browser can reach it; another address
gets a warning, since anyone who can reach it could then use it. The web stack is an optional extra: without
it, the command says how to install it and exits 1.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Annotated

import typer

from rehabgen.cli.app import CatalogueOpt, app, cache, catalogue_dirs, err, fail, guarded, template_dirs

WEB_MODULES = ("fastapi", "uvicorn", "jinja2", "multipart")
INSTALL_HINT = (
    "rehabgen serve needs the web extra, which is not installed.\n"
    "Install it with: pip install 'rehabgen[web]'   (from a checkout: pip install -e '.[web]')"
)


def missing_web_modules() -> list[str]:
    """The web stack's modules that cannot be imported here."""
    return [name for name in WEB_MODULES if importlib.util.find_spec(name) is None]


@app.command()
@guarded
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on. 127.0.0.1 keeps it on this computer; another one warns.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="A host name or address browsers use to reach this server, besides loopback (repeatable).",
            metavar="NAME",
        ),
    ] = None,
    clinic: Annotated[
        Path | None, typer.Option(help="Clinic branding file (YAML) for every handout.", dir_okay=False)
    ] = None,
    catalogue_folders: CatalogueOpt = None,
) -> None:
    """Run the local web app: the intake form, triage, the plan and its handouts, a roster upload, a JSON API.

    Nothing entered is written to disk or to the log. Stop it with Ctrl-C.

    Example: rehabgen serve   (then open http://127.0.0.1:8000/)
    """
    missing = missing_web_modules()
    if missing:
        fail(f"{INSTALL_HINT}\n(missing: {', '.join(missing)})", 1)
    import uvicorn

    from rehabgen.web import WebConfig, create_app, is_loopback, is_wildcard

    config = WebConfig(
        host=host,
        port=port,
        allowed_hosts=tuple(allow_host or ()),
        catalogue_dirs=tuple(catalogue_dirs(catalogue_folders)),
        template_dirs=tuple(template_dirs()),
        clinic=clinic,
        cache=cache(),
    )
    if not is_loopback(host):
        where = "every address of this computer" if is_wildcard(host) else host
        err(
            f"warning: listening on {where}, not only on this computer (127.0.0.1). Anyone who can reach it on "
            f"port {port} can use rehabgen and see what is entered. It answers to: "
            f"{', '.join(sorted(config.host_names()))} (add names with --allow-host). There is no login and no "
            "encryption (HTTPS): use it only on a network you trust."
        )
    web_app = create_app(config)
    shown = f"[{host}]" if ":" in host else host
    err(f"rehabgen {_version()} is running at http://{shown}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, server_header=False, proxy_headers=False, log_level="info")


def _version() -> str:
    from rehabgen._version import __version__

    return __version__
