"""Writing outputs safely: never half a file, never over the user's input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` in one rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent
    )
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; a new file gets what the user's umask gives (mkstemp: 0600)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def same_file(first: Path, second: Path) -> bool:
    """True when both paths name one existing file (so an output would overwrite an input)."""
    try:
        return Path(first).exists() and Path(second).exists() and os.path.samefile(first, second)
    except OSError:
        return False
