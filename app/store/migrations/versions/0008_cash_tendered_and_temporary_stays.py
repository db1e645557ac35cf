"""cash tendered on a payment (the change is printed on its receipt) and the log of
temporary parking stays charged at the counter (临时停放)

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tendered", app.store.types.Money(), nullable=True))
    op.create_table(
        "temporary_stays",
        sa.Column("plate", sa.String(length=20), nullable=False),
        sa.Column("entered", app.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("left", app.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("rate", app.store.types.Money(), nullable=False),
        sa.Column("amount", app.store.types.Money(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("tendered", app.store.types.Money(), nullable=True),
        sa.Column("receipt_no", sa.String(length=30), nullable=False),
        sa.Column("cashier", sa.String(length=100), nullable=False),
        sa.Column("taken_at", app.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("estate_id", sa.String(length=36), nullable=False),
        sa.Column("updated_hlc", sa.String(length=80), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_temporary_stays")),
    )
    with op.batch_alter_table("temporary_stays", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_temporary_stays_estate_id"), ["estate_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_temporary_stays_receipt_no"), ["receipt_no"], unique=False
        )
        batch_op.create_index("ix_temporary_stays_taken", ["estate_id", "taken_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("temporary_stays", schema=None) as batch_op:
        batch_op.drop_index("ix_temporary_stays_taken")
        batch_op.drop_index(batch_op.f("ix_temporary_stays_receipt_no"))
        batch_op.drop_index(batch_op.f("ix_temporary_stays_estate_id"))
    op.drop_table("temporary_stays")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_column("tendered")
