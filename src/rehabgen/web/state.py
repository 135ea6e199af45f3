"""What the web app is started with (``WebConfig``) and what it loads once, at start (``Site``).

Everything a request may choose from is loaded here, before the first request: the catalogue, every
template by id, the questionnaire, the clinic file, the page templates and the static files. A request names
a template id or a format and gets one of these, or a 422: no request value is ever joined to a file path.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from rehabgen import api
from rehabgen.errors import InputError
from rehabgen.intake.definition import load_questionnaire
from rehabgen.io.cache import Cache
from rehabgen.io.templates import list_templates
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Programme
from rehabgen.model.questionnaire import Questionnaire
from rehabgen.model.template import DEFAULT_TEMPLATE, Template
from rehabgen.render.handout import HandoutOptions

HERE = Path(__file__).resolve().parent
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png"}


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server on this machine (127.0.0.0/8, ::1 or localhost)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """Whether ``host`` binds every address of the machine (``0.0.0.0`` or ``::``)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


@dataclass(frozen=True)
class WebConfig:
    """How the web app runs: where it listens, which names it answers to, and what it loads."""

    host: str = "127.0.0.1"
    port: int = 8000
    allowed_hosts: tuple[str, ...] = ()
    """Host names (or addresses) besides the loopback ones that requests may be addressed to."""
    catalogue_dirs: tuple[Path, ...] = ()
    template_dirs: tuple[Path, ...] = ()
    clinic: Path | None = None
    cache: Cache | None = None
    """Where parsed catalogue files and drawn pictures are kept (never patient data); None: no cache."""
    warm: bool = True
    """Render the example once at start, so the first real request is as fast as the others."""

    def host_names(self) -> frozenset[str]:
        """Every Host header name accepted: loopback, the bound address, this machine's name when bound to all."""
        names = {*LOOPBACK_NAMES, *self.allowed_hosts}
        if is_wildcard(self.host):
            names.add(socket.gethostname())
        elif self.host:
            names.add(self.host)
        return frozenset(n.strip("[]").lower() for n in names if n)


@dataclass
class Site:
    """What every request reads: loaded once, never changed by a request."""

    config: WebConfig
    catalogue: Catalogue
    templates: dict[str, Template]
    questionnaire: Questionnaire
    clinic: Clinic | None
    pages: Environment
    static: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    """File name → (bytes, media type), read from ``web/static`` at start."""

    @classmethod
    def load(cls, config: WebConfig) -> Site:
        """Load everything; a broken catalogue, template or clinic file raises InputError now, not mid-request."""
        catalogue = api.load_catalogue(config.catalogue_dirs, cache=config.cache or False)
        templates: dict[str, Template] = {}
        for name, path in sorted(list_templates(config.template_dirs).items()):
            templates[name] = api.load_template(path)
        pages = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        static = {
            path.name: (path.read_bytes(), STATIC_TYPES[path.suffix])
            for path in sorted((HERE / "static").iterdir())
            if path.suffix in STATIC_TYPES
        }
        clinic = api.load_clinic(config.clinic) if config.clinic else None
        return cls(config, catalogue, templates, load_questionnaire(), clinic, pages, static)

    def template(self, template_id: str | None) -> Template:
        """A loaded template by id; none (or "") is the default, as for ``rehabgen plan`` without ``--template``.

        An unknown id is an InputError naming the known ones.
        """
        if not template_id:
            return DEFAULT_TEMPLATE
        found = self.templates.get(template_id)
        if found is None:
            from rehabgen.errors import Problem

            known = ", ".join(self.templates)
            raise InputError([Problem(f"no template '{template_id}'; use {known}", path=("template",))])
        return found

    def page(self, name: str, **context: Any) -> str:
        """A page template filled in (every value escaped unless marked safe)."""
        return self.pages.get_template(name).render(**context)

    def plan(self, data: dict[str, Any], template: Template) -> tuple[Profile, Programme]:
        """A profile from request data, validated, and its programme (a referral when triage says so).

        Raises:
            ProfileError: every bad field; TemplateError: a template that empties a session of this plan.
        """
        from rehabgen.plan.planner import programme_language

        profile = api.profile_from_dict(data)
        language = programme_language(profile, template)
        catalogue, template = self.in_language(language, template)
        return profile, api.build_programme(profile, catalogue, template, language=language)

    def in_language(self, language: str, template: Template) -> tuple[Catalogue, Template]:
        """The catalogue and a template with their words in ``language`` (the profile's, else the template's)."""
        from rehabgen.batch.entries import BatchOptions
        from rehabgen.batch.rows import in_language

        options = BatchOptions(
            out=Path(),
            catalogue_dirs=self.config.catalogue_dirs,
            template_dirs=self.config.template_dirs,
            cache=self.config.cache,
        )
        return in_language(language, self.catalogue, template, options)

    def render(self, programme: Programme, template: Template, fmt: str, options: HandoutOptions) -> bytes:
        """The handout in one format, in the programme's language, with the clinic's branding."""
        catalogue, template = self.in_language(programme.meta.language, template)
        return api.render_handout(
            programme,
            catalogue,
            fmt,
            template=template,
            clinic=self.clinic,
            options=options,
            cache=self.config.cache or False,
        )
