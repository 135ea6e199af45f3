"""``python -m rehabgen``: the same CLI as the ``rehabgen`` command."""

from rehabgen.cli import main

main()
