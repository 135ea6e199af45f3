"""An optional cache of derived data (parsed YAML, passed picture checks, drawn pictures).

Every entry is keyed by a hash of the exact source bytes it was derived from, the kind of derivation and
rehabgen's version, so a cache can make a run faster but never change what is prescribed: edit a file
and its key changes. Each entry also carries a hash of its own content; an entry that was edited, cut
short or corrupted does not match it and is ignored (and rebuilt). Nothing breaks when the folder cannot
be written: the cache just stays empty.

The library never finds a cache by itself from the environment: callers pass a ``Cache`` (or ``None`` to
switch caching off). ``Cache.default()`` is the platform's cache folder (``~/.cache/rehabgen`` on Linux).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from rehabgen._version import __version__
from rehabgen.io.files import write_atomic


class Cache:
    """A folder of cache entries."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def default(cls) -> Cache:
        """The platform's per-user cache folder for rehabgen."""
        import platformdirs

        return cls(platformdirs.user_cache_path("rehabgen", appauthor=False))

    def __repr__(self) -> str:
        return f"Cache({str(self.folder)!r})"

    def path(self, kind: str, source: str | bytes) -> Path:
        """The entry file for ``source`` derived as ``kind``."""
        digest = hashlib.sha256(f"{__version__}\0{kind}\0".encode())
        digest.update(source.encode("utf-8") if isinstance(source, str) else source)
        return self.folder / f"{kind.split(':')[0]}-{digest.hexdigest()[:40]}.json"

    def get(self, kind: str, source: str | bytes) -> Any | None:
        """The value stored for ``source``, or None when there is none or it does not check out."""
        path = self.path(kind, source)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        check, _, payload = raw.partition(b"\n")
        if hashlib.sha256(payload).hexdigest().encode() != check:
            with contextlib.suppress(OSError):
                path.unlink()  # edited or cut short: rebuilt on the next put
            return None
        try:
            return json.loads(payload)
        except ValueError:
            return None

    def put(self, kind: str, source: str | bytes, value: Any) -> None:
        """Store ``value`` (JSON-serialisable) for ``source``; silently skipped when it cannot be written."""
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        entry = hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
        with contextlib.suppress(OSError):
            write_atomic(self.path(kind, source), entry, sync=False, make_folder=True)
