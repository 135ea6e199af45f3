"""How much rehabgen reads: limits far above any real input, so a hostile or mistaken one fails at once.

Every limit is checked before the data is used, and breaking one is a problem with the file's name (exit 1),
never a hang or an out-of-memory crash. The README's "Limits" section lists the same numbers.
"""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB

MAX_FILE_BYTES = 4 * MIB
"""A profile, clinic, template or exercise file. Real ones are under 50 KB (the largest bundled file: 40 KB)."""
MAX_ROSTER_BYTES = 16 * MIB
"""A YAML roster, which is read whole (about 20,000 profiles). A CSV roster is read row by row, at any size."""
MAX_YAML_VALUES = 100_000
"""Values (mappings, lists and scalars) in one YAML file, counting every use of an alias (``*name``) in full:
an alias "bomb" of a few lines that would expand to billions of values is refused. The largest bundled file
holds about 2,300."""
MAX_ROSTER_VALUES = 1_000_000
"""Values in a YAML roster, counted the same way."""
MAX_CELL_CHARS = 10_000
"""One cell of a CSV roster (the longest profile field, the patient's name, allows 300 characters)."""
MAX_PROBLEMS = 50
"""Problems reported per file; more are summarised in one line (fix the first ones and run again)."""
MAX_LOGO_BYTES = 5 * MIB
"""A clinic logo file."""
MAX_LOGO_PIXELS = 4096 * 4096
"""A clinic logo's width × height (it is printed about 3 cm wide); a "decompression bomb" image is refused."""
