"""rehabgen: safe, progressive, printable exercise programmes for runners with lower back pain.

The public API (see the README's "Use as a library"): read inputs, build a programme, render it in any
format, or run a whole roster. Names are imported on first use, so ``import rehabgen`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from rehabgen._version import __version__

if TYPE_CHECKING:
    from rehabgen.api import (
        CacheChoice,
        build_programme,
        load_catalogue,
        load_clinic,
        load_template,
        profile_from_dict,
        read_profile,
        render_handout,
        render_warnings,
    )
    from rehabgen.batch import BatchOptions, BatchResult, run_batch
    from rehabgen.errors import InputError, OutputError, Problem, RehabgenError, UsageError
    from rehabgen.io.cache import Cache
    from rehabgen.model.catalogue import Catalogue
    from rehabgen.model.clinic import Clinic
    from rehabgen.model.profile import Profile
    from rehabgen.model.programme import Programme
    from rehabgen.model.template import Template
    from rehabgen.model.vocab import Status
    from rehabgen.render.handout import HandoutOptions
    from rehabgen.render.registry import FORMATS

_WHERE = {
    "CacheChoice": "rehabgen.api",
    "build_programme": "rehabgen.api",
    "load_catalogue": "rehabgen.api",
    "load_clinic": "rehabgen.api",
    "load_template": "rehabgen.api",
    "profile_from_dict": "rehabgen.api",
    "read_profile": "rehabgen.api",
    "render_handout": "rehabgen.api",
    "render_warnings": "rehabgen.api",
    "BatchOptions": "rehabgen.batch",
    "BatchResult": "rehabgen.batch",
    "run_batch": "rehabgen.batch",
    "InputError": "rehabgen.errors",
    "OutputError": "rehabgen.errors",
    "Problem": "rehabgen.errors",
    "RehabgenError": "rehabgen.errors",
    "UsageError": "rehabgen.errors",
    "Cache": "rehabgen.io.cache",
    "Catalogue": "rehabgen.model.catalogue",
    "Clinic": "rehabgen.model.clinic",
    "Profile": "rehabgen.model.profile",
    "Programme": "rehabgen.model.programme",
    "Template": "rehabgen.model.template",
    "Status": "rehabgen.model.vocab",
    "HandoutOptions": "rehabgen.render.handout",
    "FORMATS": "rehabgen.render.registry",
}

__all__ = [
    "FORMATS",
    "BatchOptions",
    "BatchResult",
    "Cache",
    "CacheChoice",
    "Catalogue",
    "Clinic",
    "HandoutOptions",
    "InputError",
    "OutputError",
    "Problem",
    "Profile",
    "Programme",
    "RehabgenError",
    "Status",
    "Template",
    "UsageError",
    "__version__",
    "build_programme",
    "load_catalogue",
    "load_clinic",
    "load_template",
    "profile_from_dict",
    "read_profile",
    "render_handout",
    "render_warnings",
    "run_batch",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'rehabgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
