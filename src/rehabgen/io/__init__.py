"""Reading and writing: YAML, problems with file and line, inputs, rosters, output files and the cache.

The catalogue, templates, profiles, clinics and rosters are loaded here; ``validate`` and ``schema`` do
their work here too.
"""
