"""units: indexes for the unit list order, its count and surname search

Revision ID: 0001u
Revises: 0001

The unit list is ordered by building (numeric), entrance, room; with these indexes SQLite
walks buildings in order and each building's live units in index order, so the first page
of 100,000 units costs a few hundred rows instead of a sort of all of them.
"""

from alembic import op

revision = "0001u"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_units_live ON units (estate_id) WHERE deleted = 0")
    op.execute(
        "CREATE INDEX ix_units_order ON units (building_id, entrance, length(room), room)"
        " WHERE deleted = 0"
    )
    op.execute("CREATE INDEX ix_buildings_order ON buildings (estate_id, sort_key, name, id)")
    op.execute(
        "CREATE INDEX ix_residents_live_name ON residents (estate_id, name, unit_id)"
        " WHERE deleted = 0"
    )


def downgrade() -> None:
    for name in ("ix_residents_live_name", "ix_buildings_order", "ix_units_order", "ix_units_live"):
        op.execute(f"DROP INDEX {name}")
