"""Wording a card must not use: phrases that would contradict the plan that prescribes the exercise.

A card is printed only for an exercise the runner's plan gives them, so it may say how to do it safely and
when to stop, but never "leave it out", "only if your physio advised it" or "do only part of it" (issue 12,
item 4). Shared by the catalogue test (general cautions) and the plan test (each runner's resolved notes).
"""

from __future__ import annotations

import re

CONTRADICTS = re.compile(
    r"\bleave (it |this |them )?out\b"
    r"|\bonly if your (physio|physiotherapist|doctor|clinician|gp)\b"
    r"|\bunless your (physio|physiotherapist|doctor|clinician|gp|plan)\b"
    r"|\b(has|have) advised\b"
    r"|\bdo not do (this|it)\b|\bdon't do (this|it)\b"
    r"|\bskip (this|it)\b"
    r"|\buntil your (plan|physio|physiotherapist|clinician|doctor)\b[^.]*\bsays?\b"
    r"|\bdo only the\b"
    r"|\bonly do this when\b"
    r"|\bnot (suitable|safe) for you\b"
    r"|\bavoid this (exercise|move)\b",
    re.IGNORECASE,
)
"""Phrases that tell a runner to leave out, or only partly do, an exercise their plan prescribes."""

CONDITION_WORDS = re.compile(
    r"\b(discs?|facet|stenosis|spondylolysis|stress fracture|sciatica|sacroiliac|SI joint|nerve root)\b",
    re.IGNORECASE,
)
"""Words that speak to a particular condition: they belong in ``cautions:`` keyed by the condition."""
