"""The data: pydantic models and closed vocabularies, with no I/O.

The intake ``profile``, an ``exercise`` and its ``pose``, a programme ``template``, a ``clinic``, the
validated ``catalogue``, and the ``programme`` the planner returns (the JSON output contract).
"""
