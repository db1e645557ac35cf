"""units: each unit's owner read from one index

Revision ID: 0001v
Revises: 0001u

The arrears report shows one owner per debtor (the live owner first by name). This partial
index holds exactly those rows, ordered by unit with name and phone, so SQLite finds a
unit's owner without visiting the residents table (an estate's owners without a sort).
"""

from alembic import op

revision = "0001v"
down_revision = "0001u"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_residents_owner ON residents"
        " (estate_id, unit_id, name, phone) WHERE deleted = 0 AND role = 'owner'"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_residents_owner")
