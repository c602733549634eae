"""A budget file as a git revision has it: ``git show REV:./FILE`` run in the file's folder.

The command runs without a shell, with an argument list, a timeout, no terminal prompt and
git's own words in English (to tell its failures apart); each failure a user can cause — git not
installed, a folder outside a repository, a revision that does not exist, a file the revision does
not have — is a :class:`~grantcalc.errors.SourceError` with its own code.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from grantcalc.errors import Problem, SourceError

__all__ = ["git_show", "TIMEOUT", "MAX_BYTES"]

TIMEOUT = 30  # seconds
MAX_BYTES = 20 * 1024 * 1024  # as a budget file
_REVISION = re.compile(r"^[^\s:\-\x00-\x1f][^\s:\x00-\x1f]*$")  # HEAD~1, v1.0, a1b2c3d, main@{2}; never -x or a:b


def _fail(code: str, path: str, rev: str, **params: object) -> SourceError:
    return SourceError(Problem(code, file=path, params={"rev": rev, **params}))


def git_show(path: str | Path, rev: str) -> bytes:
    """The bytes of ``path`` at revision ``rev`` of the repository the file's folder is in."""
    shown = str(path)
    if not _REVISION.match(rev):
        raise _fail("diff.bad_revision", shown, rev)
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat"}
    try:
        done = subprocess.run(["git", "show", f"{rev}:./{target.name}"], cwd=folder, env=env,  # noqa: S603, S607
                              capture_output=True, timeout=TIMEOUT, check=False)
    except FileNotFoundError:
        raise _fail("diff.git_missing", shown, rev) from None
    except NotADirectoryError:
        raise _fail("diff.not_git", shown, rev) from None
    except subprocess.TimeoutExpired:
        raise _fail("diff.git_timeout", shown, rev, seconds=TIMEOUT) from None
    except OSError as err:
        raise _fail("diff.git_failed", shown, rev, reason=str(err)) from None
    if done.returncode == 0:
        if len(done.stdout) > MAX_BYTES:
            raise SourceError(Problem("file.too_large", file=f"{shown}@{rev}",
                                      params={"size": len(done.stdout), "limit": MAX_BYTES}))
        return done.stdout
    said = done.stderr.decode("utf-8", "replace")
    if "not a git repository" in said:
        raise _fail("diff.not_git", shown, rev)
    if "does not exist in" in said or "exists on disk, but not in" in said or "outside repository" in said:
        raise _fail("diff.not_in_revision", shown, rev)
    if any(words in said for words in ("invalid object name", "unknown revision", "bad revision",
                                       "ambiguous argument", "Not a valid object name")):
        raise _fail("diff.bad_revision", shown, rev)
    first = next((line.strip() for line in said.splitlines() if line.strip()), f"exit {done.returncode}")
    raise _fail("diff.git_failed", shown, rev, reason=first[:300])
