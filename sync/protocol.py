"""The wire format of sync v1 (docs/sync.md), shared by the client and the server."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

PROTOCOL_VERSION = 1
# The local schema a client speaks; raised when the synced tables change incompatibly.
# The server serves clients from MIN_CLIENT_SCHEMA up to its own SCHEMA_VERSION.
SCHEMA_VERSION = 1
MIN_CLIENT_SCHEMA = 1
SCHEMA_HEADER = "X-PropDesk-Schema"
API = "/api/v1"

MAX_BATCH = 1000  # changes per push
MAX_CHANGE_BYTES = 64 * 1024  # encoded fields of one change
MAX_BLOB_BYTES = 20 * 1024 * 1024
MAX_PULL = 5000
MAX_DRIFT_MS = 5 * 60 * 1000  # how far ahead of the server an accepted clock may be


class WireChange(BaseModel):
    change_id: str = Field(min_length=1, max_length=36)
    table: str = Field(min_length=1, max_length=64)
    row_id: str
    estate_id: str
    kind: str
    fields: dict[str, Any]
    hlc: str = Field(min_length=1, max_length=80)


class EnrollRequest(BaseModel):
    code: str
    name: str = ""
    clock_id: str = Field(description="the device id inside the device's HLC timestamps")


class EnrollResponse(BaseModel):
    device_id: str
    token: str
    estate_ids: list[str]
    all_estates: bool
    server_hlc: str
    server_time_ms: int


class PushRequest(BaseModel):
    changes: list[WireChange]
    cursor: int = Field(0, description="the device's pull cursor when it pushes")


class PushResponse(BaseModel):
    accepted: list[str]
    server_hlc: str
    server_time_ms: int
    last_change_id: str | None


class ConflictNotice(BaseModel):
    """A value this device wrote that lost on the server, for its sync_conflicts."""

    table: str
    row_id: str
    field: str
    kept_value: Any
    kept_hlc: str
    lost_value: Any
    lost_hlc: str


class PullResponse(BaseModel):
    changes: list[WireChange]
    cursor: int
    more: bool
    last_change_id: str | None = Field(
        description="the last of this device's changes the server applied (same snapshot)"
    )
    conflicts: list[ConflictNotice] = []
    server_hlc: str
    server_time_ms: int


class VersionInfo(BaseModel):
    protocol: int
    schema_version: int
    min_client_schema: int
    max_batch: int
    max_change_bytes: int
    max_blob_bytes: int
    max_drift_ms: int
    server_time_ms: int


class ErrorBody(BaseModel):
    """Every refusal: a code a program can test and a sentence a person can read.

    ``change_id`` names the first bad change of a refused push; ``permanent`` says the
    change will never be accepted as it is (the client sets it aside).
    """

    error: str
    message: str
    change_id: str | None = None
    permanent: bool = False
