"""Writing output files safely: a temporary file in the same folder, then a rename.

An existing file is never replaced without ``force``; a failure halfway leaves
the earlier file intact and no temporary file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from grantcalc.errors import Problem, SourceError

__all__ = ["write_atomic", "write_text_atomic"]


def write_atomic(path: str | Path, produce: Callable[[Path], None], *, force: bool = False) -> Path:
    """Call ``produce(tmp_path)`` to write a temporary file, then move it to ``path``.

    An ``OSError`` on the way (a folder one may not write to, a full disk) is the user's
    to fix, not a bug: it becomes a :class:`SourceError` with the code ``output.unwritable``.
    """
    target = Path(path)
    try:
        return _write_atomic(target, produce, force)
    except OSError as err:
        raise SourceError(Problem("output.unwritable", params={"path": str(target),
                                                                "reason": err.strerror or str(err)})) from None


def _write_atomic(target: Path, produce: Callable[[Path], None], force: bool) -> Path:
    if target.is_dir():  # before "exists already": --force could not help
        raise SourceError(Problem("file.is_directory", file=str(target)))
    if target.exists() and not force:
        raise SourceError(Problem("output.exists", params={"path": str(target)}))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise SourceError(Problem("output.no_folder", params={"folder": str(folder)}))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        produce(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a new file should follow the umask
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | Path, text: str, *, force: bool = False) -> Path:
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), force=force)
