"""audit trail (insert-only entries) and an estate's permission matrix

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("estate_id", sa.String(length=36), nullable=False),
        sa.Column("updated_hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("at", app.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=False),
        sa.Column("actor_role", sa.String(length=20), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        for column in ("at", "actor_id", "action", "row_id", "estate_id"):
            batch_op.create_index(batch_op.f(f"ix_audit_entries_{column}"), [column], unique=False)
        batch_op.create_index("ix_audit_entries_estate_at", ["estate_id", "at"], unique=False)

    op.create_table(
        "role_permissions",
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("permission", sa.String(length=60), nullable=False),
        sa.Column("allowed", sa.Boolean(), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_permissions")),
    )
    with op.batch_alter_table("role_permissions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_role_permissions_estate_id"), ["estate_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("role_permissions")
    op.drop_table("audit_entries")
