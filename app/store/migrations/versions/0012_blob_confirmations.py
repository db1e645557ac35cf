"""the files (photos, signatures) the server confirmed it holds, by sha256

Files named by rows the server already accepted were uploaded before those rows (the
client sends a batch's files first), so they start out confirmed.

Revision ID: 0012
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

from app.store.types import UTCDateTime

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None

FILE_TABLES = ("inspection_photos", "inspection_signatures", "work_order_photos")


def upgrade() -> None:
    op.create_table(
        "blob_confirmations",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("confirmed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blob_confirmations")),
    )
    for table in FILE_TABLES:
        op.execute(
            "INSERT OR IGNORE INTO blob_confirmations (sha256, confirmed_at) "
            f"SELECT DISTINCT lower(sha256), CURRENT_TIMESTAMP FROM {table} "
            "WHERE id NOT IN (SELECT row_id FROM sync_outbox) "
            "AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'device_token')"
        )


def downgrade() -> None:
    op.drop_table("blob_confirmations")
