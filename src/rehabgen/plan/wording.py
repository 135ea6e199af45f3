"""The runner's own words in the programme's messages: the clinician's title and distances by region.

"Physiotherapist", or "physical therapist" in the US; kilometres, or miles in the US or by choice.

Advice, warnings, referrals, gates and reasons are written once, as templates that say ``{physio}`` (and
``{Physio}`` at the start of a sentence) where the clinician's title goes; this pass fills them in for the
runner's region. It only fills our own templates: nothing is read back out of display text.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel

from rehabgen.i18n import N_, _
from rehabgen.model.programme import Programme
from rehabgen.words.units import clinician_title

PLACEHOLDER = "{physio}"
SHOE_LIFE = {"km": N_("480 to 800 km"), "mi": N_("300 to 500 miles")}
"""How far running shoes usually last, in the runner's units (``{shoe_life}``)."""
_TEXT_FIELDS = ("reasons", "warnings", "exclusions", "advice", "gates", "phases", "exercises", "referral")

T = TypeVar("T")


def fill_words(programme: Programme) -> Programme:
    """The programme with every ``{physio}`` template filled for its region."""
    title = clinician_title(programme.meta.region)
    words = {
        PLACEHOLDER: title,
        "{Physio}": title[0].upper() + title[1:],
        "{shoe_life}": _(SHOE_LIFE[programme.meta.units]),
    }
    update = {name: _fill(getattr(programme, name), words) for name in _TEXT_FIELDS}
    return programme.model_copy(update=update)


def _fill(value: T, words: dict[str, str]) -> T:
    found: Any = value
    if isinstance(value, str) and not isinstance(value, Enum):
        for placeholder, word in words.items():
            if placeholder in found:
                found = found.replace(placeholder, word)
    elif isinstance(value, list):
        found = [_fill(v, words) for v in value]
    elif isinstance(value, BaseModel):
        changes = {name: _fill(getattr(value, name), words) for name in type(value).model_fields}
        found = value.model_copy(update=changes)
    return found  # type: ignore[no-any-return]
