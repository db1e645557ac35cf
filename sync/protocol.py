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
# A random id the desk makes once per database file and sends with every request: the
# server fixes it on a token's first use and refuses a copy of the database elsewhere.
INSTALLATION_HEADER = "X-PropDesk-Installation"
# The desk's wall clock (ms since the epoch) when it sent the request.
TIME_HEADER = "X-PropDesk-Time"
API = "/api/v1"

MAX_BATCH = 1000  # changes per push
MAX_CHANGE_BYTES = 64 * 1024  # encoded fields of one change
# A push body: a full batch of changes at their limit, plus the JSON around them.
MAX_PUSH_BYTES = 8 * 1024 * 1024
MAX_BLOB_BYTES = 20 * 1024 * 1024
MAX_PULL = 5000
MAX_SNAPSHOT_ROWS = 20_000  # rows in one page of GET /sync/snapshot
MAX_DRIFT_MS = 5 * 60 * 1000  # how far ahead of the server an accepted clock may be


class WireChange(BaseModel):
    change_id: str = Field(min_length=1, max_length=36)
    table: str = Field(min_length=1, max_length=64)
    row_id: str
    estate_id: str
    kind: str
    fields: dict[str, Any]
    hlc: str = Field(min_length=1, max_length=80)
    author: str = Field(
        "",
        max_length=36,
        description="the staff account that made the change; empty for the desk's system work",
    )
    device: str = Field(
        "",
        max_length=100,
        description="in a pull: the name of the desk that pushed the change (for the "
        "conflicts it causes); ignored in a push",
    )


class EnrollRequest(BaseModel):
    code: str = Field(max_length=40)
    name: str = Field("", max_length=200)
    clock_id: str = Field(
        "", max_length=64, description="ignored: the server assigns the clock id (clock_id below)"
    )


class ServerIdentity(BaseModel):
    server_id: str = Field(description="names this server for good")
    epoch: str = Field(
        description="changes when the server is restored from a backup: a desk that sees "
        "another epoch than the one kept with its cursor pulls again from zero and sends "
        "again what the server no longer has"
    )


class EnrollResponse(ServerIdentity):
    device_id: str
    clock_id: str = Field(description="the node id this desk's HLC must use from now on")
    device_number: int = Field(description="a short number for this device (receipts)")
    token: str
    estate_ids: list[str]
    all_estates: bool
    server_hlc: str
    server_time_ms: int


class PushRequest(BaseModel):
    changes: list[WireChange]
    cursor: int = Field(0, description="the device's pull cursor when it pushes")


class PushResponse(ServerIdentity):
    accepted: list[str]
    server_hlc: str
    server_time_ms: int
    last_change_id: str | None


class RowVersion(BaseModel):
    row_id: str
    estate_id: str
    hlc: str = Field(description="the row's newest clock (updated_hlc)")
    field_clocks: dict[str, str] = Field(
        default_factory=dict, description="a register's clock per field (empty for logs)"
    )


class RowVersions(ServerIdentity):
    """One page of a table's row versions in the device's scope, by row id: what a desk
    compares with its own rows after a new epoch, to send again what the server lacks
    (a field whose clock is newer on the desk, a row the server does not have)."""

    table: str
    rows: list[RowVersion]
    more: bool


class ConflictNotice(BaseModel):
    """A value this device wrote that lost on the server, for its sync_conflicts."""

    table: str
    row_id: str
    field: str
    kept_value: Any
    kept_hlc: str
    lost_value: Any
    lost_hlc: str
    # who made each value (staff account id) and on which desk (its name), where the
    # server's change log knows it
    kept_author: str = ""
    kept_device: str = ""
    lost_author: str = ""
    lost_device: str = ""


class PullResponse(ServerIdentity):
    changes: list[WireChange]
    cursor: int
    more: bool
    last_change_id: str | None = Field(
        description="the last of this device's changes the server applied (same snapshot)"
    )
    conflicts: list[ConflictNotice] = []
    server_hlc: str
    server_time_ms: int
    remaining: int | None = Field(
        None,
        description="changes still to pull after this page (asked with count=true): a "
        "desk shows how much is left",
    )


class SnapshotSection(BaseModel):
    """Rows of one table as compact column arrays: ``values[i]`` holds column
    ``columns[i]`` of every row (wire-encoded like a change's fields), with the sync
    bookkeeping (id, estate_id, updated_hlc, field_clocks) among the columns.
    ``changes``: rows changed after the snapshot's cursor are not sent as rows but as
    their changes up to the cursor, so every page stands at that cursor."""

    table: str
    columns: list[str]
    values: list[list[Any]]
    changes: list[WireChange] = []


class SnapshotPage(ServerIdentity):
    """One page of the estate as it stood at ``cursor`` (GET /sync/snapshot): tables
    parents first, rows by id. A desk with no synced rows loads the pages and then pulls
    the changes after ``cursor``."""

    cursor: int
    sections: list[SnapshotSection]
    next_table: str | None = Field(description="where the next page starts; None: done")
    next_after: str = ""
    rows: int = Field(description="rows (and changes) in this page")
    total: int | None = Field(None, description="rows in the whole snapshot (the first page only)")
    server_hlc: str
    server_time_ms: int


class VersionInfo(BaseModel):
    protocol: int
    schema_version: int
    min_client_schema: int
    max_batch: int
    max_change_bytes: int
    max_push_bytes: int = MAX_PUSH_BYTES
    max_blob_bytes: int
    max_drift_ms: int
    server_time_ms: int
    server_clock_wrong: bool = Field(
        False,
        description="most desks find the server's clock wrong; server_time_ms is already "
        "corrected by their median, so a desk's own clock is not to blame",
    )


class Health(ServerIdentity):
    status: str
    server_time_ms: int
    server_clock_wrong: bool = Field(
        description="most desks seen in the last day find the server's clock off by more "
        "than max_drift_ms: the server's clock is wrong, not theirs"
    )
    desks_clock_offset_ms: int = Field(
        description="median of (desk clock - server clock) over the desks seen in the last day"
    )


class ErrorBody(BaseModel):
    """Every refusal: a code a program can test and a sentence a person can read.

    ``change_id`` names the first bad change of a refused push; ``permanent`` says the
    change will never be accepted as it is (the client sets it aside).
    """

    error: str
    message: str
    change_id: str | None = None
    permanent: bool = False
