"""dashboard: indexes for this month's management-fee collection and the debtors' count

Revision ID: 0014
Revises: 0013

The home dashboard's fee tile reads this month's management-fee 应收/实收 and the number
of debtors with what they owe (app.services.fees.reports.month_collection and
arrears_summary). At 100,000 units that was 1.4-2 s: the month's lines were looked up one
by one in random order, and every unit was walked to build the arrears rows.

- ix_bill_lines_month_lines: a month's lines of an estate by fee code, each code's in id
  order, with their amounts, so the collection sums never visit the table nor sort;
- ix_fee_open_lines_line: each line's open amount by line id, read in that same order
  (so each index page is read once, not once per line at random);
- ix_units_building: a unit's building by id, to count only debtors the arrears list shows
  (units in the estate's buildings) without reading unit rows.

A billing run writes one more index entry per bill line.
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_bill_lines_month_lines": "bill_lines (estate_id, period, fee_code, id, amount)",
    "ix_fee_open_lines_line": "fee_open_lines (line_id, open_fen)",
    "ix_units_building": "units (id, building_id)",
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
