"""Distances and the clinician's title in the runner's own units and words.

Kilometres and "physiotherapist" by default; miles and "physical therapist" in the United States. A
profile's ``units`` chooses the distance unit whatever the region. The programme itself keeps kilometres
(the JSON contract); only what a person reads is converted.
"""

from __future__ import annotations

from typing import Literal

from rehabgen.i18n import _, ngettext, number

Units = Literal["km", "mi"]
KM_PER_MILE = 1.609344
MILE_REGIONS = frozenset({"US"})
"""Regions whose runners count in miles."""
THERAPIST_REGIONS = frozenset({"US"})
"""Regions where the profession is called "physical therapist"."""


def units_for(region: str | None, chosen: str | None = None) -> Units:
    """The distance unit to print: the profile's choice, else the region's."""
    if chosen in ("km", "mi"):
        return "mi" if chosen == "mi" else "km"
    return "mi" if region in MILE_REGIONS else "km"


def distance(km: float, units: Units, *, digits: int = 1) -> str:
    """``3.1 km`` or ``1.9 miles`` (``1 mile``); ``3,1 km`` in Spanish."""
    if units == "km":
        return _("{number} km").format(number=number(km, digits))
    miles = round(km / KM_PER_MILE, digits)
    return ngettext("{number} mile", "{number} miles", 1 if miles == 1 else 2).format(number=number(miles, digits))


def per_week(km: float, units: Units, *, digits: int = 1) -> str:
    """``24 km a week`` or ``15 miles a week``."""
    return _("{distance} a week").format(distance=distance(km, units, digits=digits))


def profile_units(region: object, chosen: str | None) -> Units:
    """``units_for`` from a profile's region (an enum or None) and its ``units``."""
    return units_for(str(getattr(region, "value", region)) if region is not None else None, chosen)


def clinician_title(region: str | None) -> str:
    """What the runner calls the clinician who treats backs: physiotherapist, or physical therapist in the US."""
    return _("physical therapist") if region in THERAPIST_REGIONS else _("physiotherapist")
