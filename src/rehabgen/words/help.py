"""Where to get help, by region: emergency and urgent numbers and the words people there use for them.

The handout's safety net (clinical rules G1) and every referral page print these. The UK wording follows the NHS
tiers in clinical rules §1.1 (999 or A&E; urgent GP or 111). Other regions use their public emergency number and
the usual same-day route; clinics should check the wording for their own area before printing.
"""

from __future__ import annotations

from dataclasses import dataclass

from rehabgen.i18n import N_, _
from rehabgen.model.vocab import Region


@dataclass(frozen=True, slots=True)
class HelpRoutes:
    """How to get emergency and urgent help in one region."""

    name: str
    emergency: str
    """What to do in an emergency, e.g. "Call 999 or go to A&E"."""
    urgent: str
    """What to do for an urgent same-day review."""
    routine: str
    """Who to see for a routine review within one to two weeks."""


ROUTES: dict[Region | None, HelpRoutes] = {
    Region.GB: HelpRoutes(
        N_("United Kingdom"),
        emergency=N_("Call 999 or go to A&E now"),
        urgent=N_("Get an urgent GP appointment today, or call NHS 111"),
        routine=N_("Book a GP or physiotherapist appointment in the next 1 to 2 weeks"),
    ),
    Region.IE: HelpRoutes(
        N_("Ireland"),
        emergency=N_("Call 112 or 999, or go to an emergency department now"),
        urgent=N_("Contact your GP today, or the GP out-of-hours service"),
        routine=N_("Book a GP or physiotherapist appointment in the next 1 to 2 weeks"),
    ),
    Region.US: HelpRoutes(
        N_("United States"),
        emergency=N_("Call 911 or go to the emergency room now"),
        urgent=N_("Contact your doctor today, or go to an urgent care clinic"),
        routine=N_("Book a visit with your doctor or physical therapist in the next 1 to 2 weeks"),
    ),
    Region.CA: HelpRoutes(
        N_("Canada"),
        emergency=N_("Call 911 or go to the emergency department now"),
        urgent=N_("Contact your doctor today, or call 811 for health advice where it is available"),
        routine=N_("Book a visit with your doctor or physiotherapist in the next 1 to 2 weeks"),
    ),
    Region.AU: HelpRoutes(
        N_("Australia"),
        emergency=N_("Call 000 or go to the emergency department now"),
        urgent=N_("See your GP today, or call healthdirect on 1800 022 222"),
        routine=N_("Book a GP or physiotherapist appointment in the next 1 to 2 weeks"),
    ),
    Region.NZ: HelpRoutes(
        N_("New Zealand"),
        emergency=N_("Call 111 or go to the emergency department now"),
        urgent=N_("See your GP today, or call Healthline on 0800 611 116"),
        routine=N_("Book a GP or physiotherapist appointment in the next 1 to 2 weeks"),
    ),
    Region.SG: HelpRoutes(
        N_("Singapore"),
        emergency=N_("Call 995 or go to the A&E department now"),
        urgent=N_("See your GP or a polyclinic doctor today"),
        routine=N_("Book a doctor or physiotherapist appointment in the next 1 to 2 weeks"),
    ),
    Region.EU: HelpRoutes(
        N_("European Union"),
        emergency=N_("Call 112 or go to the emergency department now"),
        urgent=N_("Contact your doctor today, or the out-of-hours medical service"),
        routine=N_("Book a doctor or physiotherapist appointment in the next 1 to 2 weeks"),
    ),
    Region.ES: HelpRoutes(
        N_("Spain"),
        emergency=N_("Call 112 or go to a hospital emergency department now"),
        urgent=N_("See your family doctor today, or go to your health centre's urgent care"),
        routine=N_("Book an appointment with your family doctor or a physiotherapist in the next 1 to 2 weeks"),
    ),
    Region.MX: HelpRoutes(
        N_("Mexico"),
        emergency=N_("Call 911 or go to a hospital emergency department now"),
        urgent=N_("See your doctor today, or go to an urgent care service"),
        routine=N_("Book a visit with your doctor or a physiotherapist in the next 1 to 2 weeks"),
    ),
    None: HelpRoutes(
        N_("any region"),
        emergency=N_(
            "Call your local emergency number (for example 112, 999 or 911) or go to an emergency department now"
        ),
        urgent=N_("Contact your doctor today, or your local urgent-care service"),
        routine=N_("Book a doctor or physiotherapist appointment in the next 1 to 2 weeks"),
    ),
}


def routes_for(region: Region | None) -> HelpRoutes:
    """The help routes for a region (a generic set when the region is not given), in the current language.

    A translation keeps every number and service name; only the words around them change.
    """
    routes = ROUTES[region]
    return HelpRoutes(_(routes.name), _(routes.emergency), _(routes.urgent), _(routes.routine))
