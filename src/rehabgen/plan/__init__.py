"""The planner and its parts: (profile, catalogue, template) → a resolved, deterministic Programme."""
