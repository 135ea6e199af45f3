"""The profile's exclusions placed in this programme's weeks, as movement-tag windows (clinical rules §2.9).

Each cause's rules, the phase rules and the gates on running are resolved into weeks.

Several causes take the union of their rules. The window kinds are described in ``rehabgen.clinical.causes``.
"""

from __future__ import annotations

from rehabgen.clinical.causes import ACUTE_STRAIN_RULES, CAUSES, Rule, is_acute_strain, rule
from rehabgen.i18n import N_, _
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Exclusion
from rehabgen.model.vocab import IMPACT_TAGS, Tag
from rehabgen.plan.phases import Layout


def resolve_exclusions(profile: Profile, layout: Layout, run_weeks: set[int] | None = None) -> list[Exclusion]:
    """Every exclusion for this profile, as tag windows with the reason, sorted by tag and week.

    Without ``run_weeks`` only the condition rules are resolved (used to find when running may start);
    with them, the weeks before the first run also exclude running and impact.
    """
    weeks = layout.weeks
    found: list[tuple[str, Exclusion]] = []  # with the English reason, so the order is the same in every language

    def add(entry: Rule) -> None:
        start, end = _window(entry, profile, layout)
        end = min(end, weeks)
        if start <= end:
            for tag in sorted(entry.tags):
                because = _(entry.because)
                found.append(
                    (entry.because, Exclusion(tag=tag, from_week=start, to_week=end, code=entry.code, because=because))
                )

    for cause in profile.causes:
        for cause_rule in CAUSES[cause].exclusions:
            add(cause_rule)
    if is_acute_strain(profile):
        for strain_rule in ACUTE_STRAIN_RULES:
            add(strain_rule)
    if layout.protect:
        add(
            rule(
                "protect_phase",
                {Tag.LOADED_HINGE, Tag.AXIAL_LOAD, Tag.PLYOMETRIC},
                "weeks",
                N_("Protect phase: no heavy lifting or jumping while the pain settles"),
                (1, layout.protect),
            )
        )
    # [JUDGEMENT] jumps and hops (clinical rules §5.1 phase 4 "plyometric demand") come in the week before the
    # first run, so the readiness screen's hops have been trained (§5.2 P3 exit) before impact from running.
    first_run = min(run_weeks) if run_weeks else (layout.run_start or weeks + 1)
    hops_from = max(first_run - 1, layout.protect + 1, 2, layout.impact_from)
    add(
        rule(
            "jumps_before_running",
            {Tag.PLYOMETRIC},
            "weeks",
            N_("Jumps and hops start the week before your first run"),
            (1, hops_from - 1),
        )
    )
    # Running sessions come from the running plan, never from exercise slots; out of it, running stays out,
    # and other impact until the hops begin.
    if run_weeks is not None and first_run > 1:
        reason = layout.running_blocked_by or N_("Running is paused until the return-to-run phase")
        add(rule("running_not_yet", {Tag.RUNNING}, "weeks", reason, (1, first_run - 1)))
        add(rule("impact_not_yet", {Tag.IMPACT}, "weeks", reason, (1, min(hops_from, first_run) - 1)))
    if profile.pelvic_floor_symptoms:
        add(
            rule(
                "pelvic_floor_impact",
                IMPACT_TAGS,
                "whole",
                N_("Pelvic-floor symptoms: no running or jumping until a pelvic-health {physio} clears you."),
            )
        )
    found.sort(key=lambda pair: (pair[1].tag.value, pair[1].from_week, pair[1].to_week, pair[0]))
    return [exclusion for _english, exclusion in found]


def _window(entry: Rule, profile: Profile, layout: Layout) -> tuple[int, int]:
    if entry.window == "weeks":
        return entry.weeks
    if entry.window == "early":
        return 1, layout.early_end
    if entry.window == "until_strengthen":
        return 1, max(2, layout.strengthen_start - 1)
    if entry.window == "until_cleared" and profile.cleared_for_impact:
        # Cleared: impact may start with the running plan, loaded lifts with the strengthen phase.
        return 1, max(2, layout.strengthen_start - 1)
    return 1, layout.weeks


def first_week_allowing(exclusions: list[Exclusion], tags: frozenset[Tag], weeks: int) -> int:
    """The first week from which none of ``tags`` is excluded again (weeks + 1 if never)."""
    last = 0
    for exclusion in exclusions:
        if exclusion.tag in tags:
            last = max(last, exclusion.to_week)
    return last + 1 if last < weeks else weeks + 1


def excluded_by_week(exclusions: list[Exclusion], weeks: int) -> list[frozenset[Tag]]:
    """Index: ``result[w]`` is the set of tags excluded in week ``w`` (index 0 unused)."""
    table: list[set[Tag]] = [set() for _week in range(weeks + 1)]
    for exclusion in exclusions:
        for week in range(exclusion.from_week, min(exclusion.to_week, weeks) + 1):
            table[week].add(exclusion.tag)
    return [frozenset(s) for s in table]
