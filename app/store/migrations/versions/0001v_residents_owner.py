"""units: each unit's owner read from one index, in unit order

Revision ID: 0001v
Revises: 0001u

The arrears report shows one owner per unit (the first by name). With this partial
covering index SQLite reads the estate's live owners already grouped by unit, with name
and phone, instead of visiting every resident row and sorting them by unit.
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
