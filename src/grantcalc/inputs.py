"""Reading an input file with a bound, whatever the path turns out to be.

Every file grantcalc reads on a user's behalf — a budget, a ``--template``,
standard input — comes through :func:`read_bounded` (or :func:`read_stdin`):

- the path is opened once, non-blocking, so a FIFO (a named pipe nobody
  writes to) is seen and refused at once instead of blocking forever;
- what was opened is looked at with ``fstat`` on the open descriptor (not on
  the name, which could be swapped in between): a folder, a device
  (``/dev/zero``, ``/dev/urandom``), a FIFO or a socket is refused with a
  message, also when it is reached through a symlink;
- at most ``limit + 1`` bytes are ever read, so a file that grows while it is
  read, or one in ``/proc`` whose size says 0, cannot take more than the limit.

Every ``OSError`` becomes a :class:`SourceError` whose reason is said in the
user's language (:func:`os_reason`), never an internal error.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from grantcalc.errors import Problem, SourceError
from grantcalc.messages import Bilingual, phrase

__all__ = ["read_bounded", "read_stdin", "os_reason", "is_folder", "CHUNK"]

CHUNK = 1024 * 1024

_KNOWN = frozenset(("EACCES", "EPERM", "ENAMETOOLONG", "ENOTDIR", "ELOOP", "EISDIR", "ENOSPC", "EDQUOT", "EROFS",
                    "ENOENT", "EEXIST", "EIO", "EBADF", "ENXIO", "ETXTBSY", "EMFILE", "EINVAL"))


def os_reason(err: OSError) -> Bilingual:
    """Why ``err`` happened, in every language, for a message's ``{reason}`` (it reads like
    the (Swedish, English) pair it was: ``oserror.<ERRNO>`` in the catalogue)."""
    name = errno.errorcode.get(err.errno or 0, "")
    if name in _KNOWN:
        return _reason(name)
    text = err.strerror or type(err).__name__
    return Bilingual(lambda lang: text)


def _reason(name: str) -> Bilingual:
    return phrase(f"oserror.{name}")


def is_folder(path: str | Path) -> bool:
    """Whether ``path`` is a folder (through symlinks); a name that cannot be looked up (too
    long, a NUL byte, a folder one may not enter) is not one, and reading or writing it says why."""
    try:
        return os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _fail(code: str, name: str, **params: object) -> SourceError:
    return SourceError(Problem(code, file=name, params=params))


def read_bounded(path: str | Path, limit: int, *, name: str | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`SourceError` with ``file.missing``, ``file.is_directory``,
    ``file.not_regular`` (a device, FIFO or socket), ``file.too_large`` or
    ``file.unreadable``.
    """
    shown = name or str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _fail("file.missing", shown) from None
    except IsADirectoryError:
        raise _fail("file.is_directory", shown) from None
    except (OSError, ValueError) as err:  # ValueError: a NUL byte in the name
        reason = os_reason(err) if isinstance(err, OSError) else _reason("EINVAL")
        raise _fail("file.unreadable", shown, reason=reason) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _fail("file.is_directory", shown)
        if not stat.S_ISREG(info.st_mode):
            raise _fail("file.not_regular", shown, kind=_kind(info.st_mode))
        if info.st_size > limit:
            raise _fail("file.too_large", shown, size=info.st_size, limit=limit)
        data = _read_at_most(fd, limit + 1)
    except OSError as err:
        raise _fail("file.unreadable", shown, reason=os_reason(err)) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # grew while read, or a file whose size says less (/proc)
        raise _fail("file.too_large", shown, size=f"> {limit}", limit=limit)
    return data


def _read_at_most(fd: int, count: int) -> bytes:
    parts: list[bytes] = []
    left = count
    while left > 0:
        try:
            part = os.read(fd, min(CHUNK, left))
        except BlockingIOError:  # pragma: no cover - regular files do not block
            continue
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def read_stdin(limit: int, name: str = "<stdin>") -> bytes:
    """Standard input, at most ``limit + 1`` bytes (the caller tells "too large"); a closed
    standard input (``grantcalc check - <&-``) is ``file.unreadable``, not an internal error."""
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None) if stream is not None else None
    if buffer is None:
        raise _fail("file.unreadable", name, reason=_reason("EBADF"))
    try:
        return buffer.read(limit + 1)
    except (OSError, ValueError) as err:  # ValueError: reading a closed file
        reason = os_reason(err) if isinstance(err, OSError) else _reason("EBADF")
        raise _fail("file.unreadable", name, reason=reason) from None


def _kind(mode: int) -> Bilingual:
    if stat.S_ISFIFO(mode):
        return phrase("file.kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return phrase("file.kind.device")
    if stat.S_ISSOCK(mode):
        return phrase("file.kind.socket")
    return phrase("file.kind.other")
