"""The sync client (httpx), driven by the desk's qasync loop or run headless.

``core`` holds the client and its cycle, ``push`` / ``pull`` / ``blobs`` its three
directions, ``base`` the state keys and the report, ``errors`` the failure codes and
their English. Everything a caller needs is named here.
"""

import time  # noqa: F401  (read by base.now_ms: the one place tests skew the wall clock)

from sync.client.base import (
    CLOCK_OFFSET,
    CLOCK_WARNING_MS,
    CURSOR,
    DEVICE_NAME,
    LAST_ERROR,
    LAST_SYNC,
    PULL_PAGE,
    RECEIVED_HLC,
    RUNS,
    SCOPE,
    SERVER_CLOCK_WRONG,
    SERVER_DEVICE_ID,
    SERVER_URL,
    TOKEN,
    SyncReport,
    clock_problem,
    clock_warning,
    duration_parts,
)
from sync.client.blobs import is_blob_field
from sync.client.core import SyncClient, run_enroll, run_sync
from sync.client.errors import ENGLISH, SyncFailure, english

__all__ = [
    "CLOCK_OFFSET",
    "CLOCK_WARNING_MS",
    "CURSOR",
    "DEVICE_NAME",
    "ENGLISH",
    "LAST_ERROR",
    "LAST_SYNC",
    "PULL_PAGE",
    "RECEIVED_HLC",
    "RUNS",
    "SCOPE",
    "SERVER_CLOCK_WRONG",
    "SERVER_DEVICE_ID",
    "SERVER_URL",
    "TOKEN",
    "SyncClient",
    "SyncFailure",
    "SyncReport",
    "clock_problem",
    "clock_warning",
    "duration_parts",
    "english",
    "is_blob_field",
    "run_enroll",
    "run_sync",
]
