"""Files that only their user may read: the local database, its backups, the blob folder.

On POSIX systems a new file is created 0600 and a new folder 0700 whatever the umask, and an
existing database is brought back to 0600 when opened. SQLite gives its ``-wal`` and
``-shm`` files the main file's mode. On Windows the user's profile folder already keeps
other users out, and ``chmod`` only knows read-only, so nothing is changed there.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
_POSIX = os.name == "posix"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable by its user only; an existing folder
    that is not ours to decide about (a parent such as /tmp) is left as it is."""
    path = Path(path)
    if not path.exists():
        path.mkdir(parents=True, exist_ok=True)
        if _POSIX:
            os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 if missing; make an existing file 0600."""
    path = Path(path)
    if _POSIX:
        if path.exists():
            os.chmod(path, FILE_MODE)
        else:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
            os.close(fd)
            os.chmod(path, FILE_MODE)  # the umask may have taken bits away, never added
    else:
        path.touch(exist_ok=True)
    return path


def private_database(path: Path) -> Path:
    """The database file and the log files SQLite keeps beside it, readable by their user."""
    private_file(path)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists() and _POSIX:
            os.chmod(side, FILE_MODE)
    return path


def mode_of(path: Path) -> int:
    return Path(path).stat().st_mode & 0o777
