"""What every renderer reads: the resolved programme and what it is printed with.

Renderers never re-run rules: everything they print is already decided in the ``Programme``. The catalogue
supplies each exercise's instructions, the template which sections to print and its accent colour, the
clinic its branding, and the options the paper and type size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rehabgen.model.template import DEFAULT_TEMPLATE, HandoutLayout, Template

DEFAULT_LAYOUT: HandoutLayout = "sheets"
"""What a clinic prints at a first visit: page 1, the calendar, a sheet per session and block of weeks, the
running plan, tracking and the clinician's page, in about eight pages. The booklet adds every exercise card,
the reasons and the advice pages."""

if TYPE_CHECKING:
    from rehabgen.model.catalogue import Catalogue
    from rehabgen.model.clinic import Clinic
    from rehabgen.model.programme import Programme


@dataclass(frozen=True)
class HandoutOptions:
    """How to print: paper, size of type, and the date to print."""

    page_size: str = "A4"
    """``A4`` or ``letter``."""
    large_print: bool = False
    """Body text 14 pt or larger."""
    printed_date: dt.date | None = None
    """The date printed on the handout (default: the programme's start date)."""
    layout: HandoutLayout | None = None
    """``sheets`` or ``booklet``; None takes the template's choice, else ``DEFAULT_LAYOUT``."""

    def layout_for(self, template: Template) -> HandoutLayout:
        """The layout to print: these options', else the template's, else the default."""
        return self.layout or template.handout.layout or DEFAULT_LAYOUT


@dataclass(frozen=True)
class Handout:
    """A programme with everything needed to print it."""

    programme: Programme
    catalogue: Catalogue
    template: Template = DEFAULT_TEMPLATE
    clinic: Clinic | None = None
    options: HandoutOptions = field(default_factory=HandoutOptions)
