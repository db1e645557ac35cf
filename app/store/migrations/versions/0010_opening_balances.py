"""opening balances (期初余额): each unit's arrears, prepayments and deposits imported once

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fee_opening_entries",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("fee_code", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("amount", app.store.types.Money(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.Column("imported_at", app.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("estate_id", sa.String(length=36), nullable=False),
        sa.Column("updated_hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_opening_entries")),
    )
    with op.batch_alter_table("fee_opening_entries", schema=None) as batch_op:
        for column in ("unit_id", "batch_id", "estate_id"):
            batch_op.create_index(
                batch_op.f(f"ix_fee_opening_entries_{column}"), [column], unique=False
            )


def downgrade() -> None:
    op.drop_table("fee_opening_entries")
