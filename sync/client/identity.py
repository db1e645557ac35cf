"""Who this desk is to the server, and what to do when the server is not who it was.

- The installation id: made once per computer (a random id kept in the data folder, mixed
  with the computer's name and hardware address) and sent with every request. The
  server fixes it on a token's first use, so a database copied to a second computer is
  refused until that computer enrols as a device of its own.
- The server's identity and epoch, kept with the cursor. A restore from backup gives the
  server a new epoch: the desk then pulls again from zero (merging is idempotent) and
  sends again what the server no longer has, found by comparing its rows' clocks with
  the server's row versions (``GET /sync/rows``), so the outbox need not keep
  acknowledged changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import platform
import uuid
from functools import cache
from pathlib import Path

import httpx
from sqlalchemy import select

from app.store.apply import synced_tables_sorted
from app.store.base import SYNCED_TABLES, new_id
from app.store.codec import encode_value, field_types
from app.store.db import Database
from app.store.models import SyncOutbox, SyncRejected
from app.store.recorder import get_state, set_state
from sync import protocol
from sync.client.base import CURSOR, SyncReport, in_worker

SERVER_ID = "server_id"
EPOCH = "server_epoch"
# Written only by the server: a desk never sends these again (they would be refused).
SERVER_WRITTEN = frozenset(
    {"staff", "roles", "permissions", "role_permissions", "staff_roles", "enrolments"}
)
ROWS_PAGE = 5000


def installation_id() -> str:
    """This computer's installation of PropDesk (stable across runs, differs on a copy)."""
    from app.paths import data_dir

    return _installation(str(data_dir()))


@cache
def _installation(folder: str) -> str:
    path = Path(folder) / "installation-id"
    try:
        seed = path.read_text(encoding="utf-8").strip()
    except OSError:
        seed = ""
    if not seed:
        seed = uuid.uuid4().hex
        with contextlib.suppress(OSError):  # unwritable: this run's id still tells copies apart
            path.write_text(seed, encoding="utf-8")
    machine = f"{seed}|{platform.node()}|{uuid.getnode():x}"
    return hashlib.sha256(machine.encode()).hexdigest()[:32]


class ServerIdentity:
    """Mixed into ``SyncClient`` (``db``, ``_call``, ``_refusal``)."""

    db: Database

    async def _check_epoch(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        """Ask the server who it is; after a restore, start over and send what it lacks."""
        answer = await self._call(http, "GET", f"{protocol.API}/health")
        if answer.status_code != 200:
            raise self._refusal(answer)
        health = answer.json()
        restored = await in_worker(
            self._note_server, str(health.get("server_id", "")), str(health.get("epoch", ""))
        )
        if restored:
            report.resent += await self._reconcile(http)

    def _note_server(self, server_id: str, epoch: str) -> bool:
        """Keep the server's identity; True when the same server comes back in a new
        epoch (the cursor then starts over)."""
        with self.db.session() as s:
            known_id, known_epoch = get_state(s, SERVER_ID), get_state(s, EPOCH)
            restored = bool(known_epoch) and known_id == server_id and known_epoch != epoch
            if restored:
                set_state(s, CURSOR, "0")
            set_state(s, SERVER_ID, server_id)
            set_state(s, EPOCH, epoch)
            return restored

    async def _reconcile(self, http: httpx.AsyncClient) -> int:
        """Queue again every row and field whose clock the server does not have."""
        queued = 0
        for table in synced_tables_sorted():
            if table.name in SERVER_WRITTEN:
                continue
            versions: dict[str, protocol.RowVersion] = {}
            after = ""
            while True:
                answer = await self._call(
                    http,
                    "GET",
                    f"{protocol.API}/sync/rows",
                    params={"table": table.name, "after": after, "limit": ROWS_PAGE},
                )
                if answer.status_code == 404:
                    break  # a table this server does not know: nothing to compare
                if answer.status_code != 200:
                    raise self._refusal(answer)
                page = protocol.RowVersions.model_validate_json(answer.content)
                versions.update((v.row_id, v) for v in page.rows)
                if not page.more or not page.rows:
                    break
                after = page.rows[-1].row_id
            queued += await in_worker(self._queue_missing, table.name, versions)
        return queued

    def _queue_missing(self, table_name: str, versions: dict[str, protocol.RowVersion]) -> int:
        """Outbox changes for what the server lacks, each with the clock it was written
        with (a re-send, not a new edit: it wins or loses as it did the first time)."""
        model = SYNCED_TABLES[table_name]
        names = list(field_types(model))
        queued = 0
        with self.db.session() as s:
            refused = _refused_clocks(s, table_name)
            for row in s.scalars(select(model)):
                known = versions.get(row.id)
                if model.sync_kind == "log":
                    if row.id in refused:
                        continue  # the server refused it: it stays set aside, not sent anew
                    if known is None and row.updated_hlc:
                        fields = {n: encode_value(getattr(row, n)) for n in names}
                        _queue(s, row, "insert", fields, row.updated_hlc)
                        queued += 1
                    continue
                theirs = {} if known is None else known.field_clocks
                by_clock: dict[str, dict] = {}
                set_aside = refused.get(row.id, set())
                for name, clock in (row.field_clocks or {}).items():
                    if clock in set_aside:
                        continue  # written by a change the server refused (set aside)
                    if name in names and clock and clock > theirs.get(name, ""):
                        by_clock.setdefault(clock, {})[name] = encode_value(getattr(row, name))
                for clock, fields in sorted(by_clock.items()):
                    _queue(s, row, "upsert", fields, clock)
                    queued += 1
        return queued


def _refused_clocks(s, table_name: str) -> dict[str, set[str]]:
    """Row id -> the clocks of its changes the server refused (``sync_rejected``): what
    they wrote is not the server's to have, whatever its epoch. Sent again as a re-send
    it would be refused again, or taken without the author check a refusal rests on."""
    refused: dict[str, set[str]] = {}
    query = select(SyncRejected.row_id, SyncRejected.hlc).where(
        SyncRejected.table_name == table_name
    )
    for row_id, hlc in s.execute(query):
        refused.setdefault(row_id, set()).add(hlc)
    return refused


def _queue(s, row, kind: str, fields: dict, hlc: str) -> None:
    s.add(
        SyncOutbox(
            change_id=new_id(),
            table_name=row.__tablename__,
            row_id=row.id,
            estate_id=row.estate_id,
            kind=kind,
            fields=fields,
            hlc=hlc,
        )
    )
