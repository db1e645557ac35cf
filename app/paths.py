"""Where PropDesk keeps its files by default (platformdirs: per user, per platform)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "PropDesk"


def data_dir() -> Path:
    override = os.environ.get("PROPDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    from app.filemodes import private_dir

    return private_dir(path)  # the database, its backups and blobs live here


def default_db_path() -> Path:
    return data_dir() / "propdesk.sqlite3"
