"""Writing output files safely: one home for the overwrite rule and the atomic write.

- :func:`check_output` is the rule every command applies *before* it does the
  work: a name is given (not ``""``, not ending in ``/``), it is not a folder,
  its folder exists, and nothing is at the name unless ``force`` — a dangling
  or self-looping symlink counts as something.
- :func:`write_atomic` writes a temporary file in the same folder and only then
  gives it the final name. Without ``force`` the name is taken exclusively
  (``os.link`` of the finished file, which fails if anything is there), so two
  runs writing the same new file cannot both succeed: one gets
  ``output.exists``. With ``force`` the file is replaced (``os.replace``) and
  keeps the old file's permission bits.
- A failure halfway, Ctrl-C, SIGTERM (what ``timeout`` and a cancelled CI job
  send) or SIGHUP leaves the earlier file intact and no temporary file behind.
  A SIGKILL cannot be caught: the temporary files such a run leaves
  (``.NAME.grantcalc-XXXXXXXX.tmp``) are removed by the next write into the
  same folder once they are older than :data:`STALE_AFTER` seconds.

Hard links to a file replaced with ``force`` are not kept: the name gets a new
file (that is what makes the replacement atomic).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from grantcalc.errors import Problem, SourceError
from grantcalc.inputs import is_folder, os_reason

__all__ = ["write_atomic", "write_text_atomic", "check_output", "Interrupted", "STALE_AFTER", "TMP_MARK"]

STALE_AFTER = 3600  # seconds: a temporary file of ours this old belongs to no running write
TMP_MARK = ".grantcalc-"  # in every temporary file's name: .NAME.grantcalc-XXXXXXXX.tmp
_TMP_SUFFIX = ".tmp"
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived while a file was being written; the temporary file is gone.

    A :class:`KeyboardInterrupt`, so code that stops on Ctrl-C stops on these too;
    ``signum`` tells which signal (the command line exits with 128 + signum)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _unwritable(target: str, err: OSError) -> SourceError:
    return SourceError(Problem("output.unwritable", params={"path": target, "reason": os_reason(err)}))


def check_output(path: str | Path, *, force: bool = False) -> Path:
    """``path`` as a :class:`Path`, once it is a name one may write to; else :class:`SourceError`.

    Codes: ``output.empty_name`` (``""``), ``output.not_a_file_name`` (ends in a
    separator), ``file.is_directory``, ``output.no_folder``, ``output.exists``
    (without ``force``), ``output.unwritable`` (any ``OSError``: a name too long,
    a folder one may not enter).
    """
    text = os.fspath(path)
    if not text:
        raise SourceError(Problem("output.empty_name"))
    if text.endswith(("/", os.sep)) or (os.altsep and text.endswith(os.altsep)):  # Path() would drop it
        raise SourceError(Problem("output.not_a_file_name", params={"path": text}))
    target = Path(text)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise _unwritable(text, err) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode) or (stat.S_ISLNK(info.st_mode) and is_folder(target)):
            raise SourceError(Problem("file.is_directory", file=text))  # before "exists": --force could not help
        if not force:
            raise SourceError(Problem("output.exists", params={"path": text}))
    folder = target.parent
    try:
        folder_ok = folder.is_dir()
    except OSError as err:
        raise _unwritable(text, err) from None
    if not folder_ok:
        raise SourceError(Problem("output.no_folder", params={"folder": str(folder)}))
    return target


def write_atomic(path: str | Path, produce: Callable[[Path], object], *, force: bool = False) -> Path:
    """Call ``produce(tmp_path)`` to write a temporary file, then give it the name ``path``.

    Returns the path written. Raises :class:`SourceError` as :func:`check_output`
    does, and ``output.exists`` when another writer took the name meanwhile; an
    ``OSError`` on the way (a full disk, a read-only folder) is ``output.unwritable``.
    """
    target = check_output(path, force=force)
    try:
        return _write_atomic(target, produce, force)
    except OSError as err:
        raise _unwritable(str(target), err) from None


def _write_atomic(target: Path, produce: Callable[[Path], object], force: bool) -> Path:
    folder = target.parent
    remove_stale(folder)
    import tempfile  # here, not at the top: tempfile brings shutil, random and hashlib into every start-up

    with _cleanup_on_signals():
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}{TMP_MARK}", suffix=_TMP_SUFFIX, dir=folder)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            produce(tmp)
            os.chmod(tmp, _mode_for(target, force))
            if force:
                os.replace(tmp, target)
            else:
                _link_exclusive(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)  # after a link, the temporary name; after a replace, nothing
    return target


def _mode_for(target: Path, force: bool) -> int:
    """The old file's permission bits when one is replaced, else what the umask allows."""
    if force:
        try:
            info = os.stat(target)
        except OSError:
            info = None
        if info is not None and stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode)
    return 0o666 & ~_umask()  # mkstemp makes 0600; a new file should follow the umask


def _link_exclusive(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the name ``target`` unless something is there, atomically."""
    try:
        os.link(tmp, target, follow_symlinks=False)
        return
    except FileExistsError:
        raise SourceError(Problem("output.exists", params={"path": str(target)})) from None
    except OSError as err:
        if err.errno not in _NO_HARD_LINKS:
            raise
    # a file system without hard links (FAT, some network shares): claim the name with O_EXCL
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise SourceError(Problem("output.exists", params={"path": str(target)})) from None
    os.close(fd)
    os.replace(tmp, target)


def remove_stale(folder: Path, *, now: float | None = None) -> list[Path]:  # float-ok: a time, not an amount
    """Remove the temporary files of grantcalc's own naming in ``folder`` older than
    :data:`STALE_AFTER` (left by a run that was killed); returns those removed.
    Only regular files are touched, and nothing else in the folder is; errors are ignored."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = os.scandir(folder)
    except OSError:
        return removed
    with entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(".") and TMP_MARK in name and name.endswith(_TMP_SUFFIX)):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


_CAUGHT = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None)


def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Interrupted` while a file is written, so the
    ``finally`` above removes the temporary file (Ctrl-C already raises). Signals can only
    be handled in the main thread; elsewhere the handlers stay as they are."""
    previous: dict[int, object] = {}
    try:
        for signum in _CAUGHT:
            current = signal.getsignal(signum)
            if current in (signal.SIG_DFL, None) or current is _raise_interrupted:
                previous[signum] = current
                signal.signal(signum, _raise_interrupted)
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(signum, handler if handler is not None else signal.SIG_DFL)  # type: ignore[arg-type]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` as UTF-8 to ``path`` by :func:`write_atomic`'s rules; returns the path."""
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), force=force)
