"""Writing outputs atomically: a reader, a crash or Ctrl-C never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(
    path: Path,
    data: bytes | str,
    *,
    overwrite: bool = True,
    staging: Path | None = None,
    sync: bool = True,
    make_folder: bool = False,
) -> None:
    """Write ``data`` to ``path`` through a temporary file, then rename it into place.

    The temporary file lives in ``staging`` (a folder on the same file system, e.g. a hidden folder of a
    batch's output) or next to ``path``. With ``overwrite=False`` an existing file is left alone and
    FileExistsError is raised; the check and the rename happen as one step (a hard link), so two writers
    cannot both win. ``sync=False`` skips the flush to disk, for files that can be rebuilt (caches).
    Folders are not created (a missing one raises FileNotFoundError) unless ``make_folder`` is set.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".part", dir=staging or folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        tmp.chmod(0o666 & ~_umask())  # mkstemp makes the file private; give it the usual permissions
        if overwrite:
            tmp.replace(path)
        else:
            os.link(tmp, path)  # fails with FileExistsError if someone else got there first
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
