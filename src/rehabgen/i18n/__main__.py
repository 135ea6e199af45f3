"""``python -m rehabgen.i18n [LANGUAGE ...]``: refresh the message template and merge it into the languages.

A new language starts with ``python -m rehabgen.i18n fr``, which creates its catalogue with every message
empty.
"""

from __future__ import annotations

import sys

from rehabgen.i18n.catalogs import completeness, update

if __name__ == "__main__":
    for path in update(sys.argv[1:] or None):
        print(path)
    for language in sys.argv[1:]:
        print(completeness(language))
