"""Where PropDesk keeps its files by default (platformdirs: per user, per platform)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "PropDesk"


def data_dir() -> Path:
    override = os.environ.get("PROPDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:  # imported here: 15 ms of the window's start when --db is given
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, False))
    from app.filemodes import private_dir

    return private_dir(path)  # the database, its backups and blobs live here


def default_db_path() -> Path:
    return data_dir() / "propdesk.sqlite3"
