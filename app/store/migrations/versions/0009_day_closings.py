"""day-end closings (日结 / 交班): fee_day_closings, one row per cashier and day

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    money = app.store.types.Money()
    op.create_table(
        "fee_day_closings",
        sa.Column("cashier", sa.String(length=100), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("opening_float", money, nullable=False),
        sa.Column("cash_expected", money, nullable=False),
        sa.Column("cash_counted", money, nullable=False),
        sa.Column("difference", money, nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("total_in", money, nullable=False),
        sa.Column("total_out", money, nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("first_receipt", sa.String(length=30), nullable=False),
        sa.Column("last_receipt", sa.String(length=30), nullable=False),
        sa.Column("totals", sa.JSON(), nullable=False),
        sa.Column("handed_over_by", sa.String(length=100), nullable=False),
        sa.Column("taken_over_by", sa.String(length=100), nullable=False),
        sa.Column("closed_by", sa.String(length=36), nullable=False),
        sa.Column("closed_at", app.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("estate_id", sa.String(length=36), nullable=False),
        sa.Column("updated_hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_day_closings")),
    )
    with op.batch_alter_table("fee_day_closings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fee_day_closings_estate_id"), ["estate_id"], unique=False
        )
        batch_op.create_index(
            "ix_fee_day_closings_cashier_day", ["estate_id", "cashier", "day"], unique=False
        )


def downgrade() -> None:
    op.drop_table("fee_day_closings")
