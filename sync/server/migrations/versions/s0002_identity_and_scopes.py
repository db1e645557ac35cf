"""server identity and epoch, device numbers and installations, scoped notices and blobs

Revision ID: s0002
Revises: s0001
"""

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("server_devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("installation_id", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_server_devices_number"), ["number"])
    with op.batch_alter_table("server_conflict_notices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("estate_id", sa.String(length=36), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_server_conflict_notices_device_id"), ["device_id"], unique=False
        )
    op.create_table(
        "server_blob_scopes",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("estate_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "estate_id", name=op.f("pk_server_blob_scopes")),
    )
    conn = op.get_bind()
    # Devices enrolled before: numbered in enrolment order.
    ids = conn.execute(sa.text("SELECT id FROM server_devices ORDER BY enrolled_at, id"))
    for number, (device_id,) in enumerate(list(ids), start=1):
        conn.execute(
            sa.text("UPDATE server_devices SET number = :n WHERE id = :i"),
            {"n": number, "i": device_id},
        )
    # Notices kept so far: to the device whose clock id they name, for the row's estate.
    conn.execute(
        sa.text(
            "UPDATE server_conflict_notices SET"
            " device_id = (SELECT d.id FROM server_devices d"
            "  WHERE d.clock_id = server_conflict_notices.clock_id"
            "  ORDER BY d.enrolled_at DESC LIMIT 1),"
            " estate_id = (SELECT c.estate_id FROM server_changes c"
            "  WHERE c.seq = server_conflict_notices.seq)"
        )
    )
    # Blobs kept so far: readable by the estates whose rows reference them.
    scopes: set[tuple[str, str]] = set()
    rows = conn.execute(sa.text("SELECT estate_id, fields FROM server_changes"))
    for estate_id, fields in rows:
        if isinstance(fields, str):
            fields = json.loads(fields)
        for name, value in (fields or {}).items():
            if (name == "sha256" or name.endswith("_sha256")) and isinstance(value, str):
                scopes.add((value.lower(), estate_id))
    known = {r[0] for r in conn.execute(sa.text("SELECT sha256 FROM server_blobs"))}
    table = sa.table("server_blob_scopes", sa.column("sha256"), sa.column("estate_id"))
    found = [{"sha256": s, "estate_id": e} for s, e in sorted(scopes) if s in known]
    if found:
        conn.execute(table.insert(), found)
    # The server's identity, and the epoch a restore from backup changes.
    state = sa.table("server_state", sa.column("key"), sa.column("value"))
    have = {r[0] for r in conn.execute(sa.text("SELECT key FROM server_state"))}
    for key in ("server_id", "epoch"):
        if key not in have:
            conn.execute(state.insert(), [{"key": key, "value": str(uuid.uuid4())}])


def downgrade() -> None:
    op.drop_table("server_blob_scopes")
    with op.batch_alter_table("server_conflict_notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_server_conflict_notices_device_id"))
        batch_op.drop_column("estate_id")
        batch_op.drop_column("device_id")
    with op.batch_alter_table("server_devices", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_server_devices_number"), type_="unique")
        batch_op.drop_column("installation_id")
        batch_op.drop_column("number")
    op.execute("DELETE FROM server_state WHERE key IN ('server_id', 'epoch')")
