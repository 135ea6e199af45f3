"""The intake questionnaire: one definition, asked in the terminal, printed on paper and read by the web app.

``definition`` loads ``questionnaire.yaml`` (the questions, as data) and checks it against the profile and
triage; ``session`` asks it one answer at a time with no terminal library, so the CLI and the web app share
it; ``text`` and ``markdown`` say it in words; ``profile_yaml`` writes the answers as a profile file.
"""
