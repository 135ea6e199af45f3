"""The clinical rules: triage (may a programme be given at all?) and what each cause means for the plan."""
