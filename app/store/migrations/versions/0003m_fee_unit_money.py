"""fees: arrears report speed: per-unit money on no bill line; covering ageing index

Revision ID: 0003m
Revises: 0003

The arrears report needs each debtor's balance: what is open on its lines (fee_open_lines)
minus money the unit paid that is not applied to a line (payments - allocations) plus
adjustments made to no line. Summing payments and allocations per debtor took most of the
report's time at 20,000 units; these triggers keep that sum per unit as rows arrive, from
the services or from sync, in any order (sums commute; log rows are inserted once).
The unsettled-lines index now also holds due date and open amount, so the ageing sums
never visit the table (it replaces the narrower ix_fee_open_lines_unsettled).
"""

from alembic import op

revision = "0003m"
down_revision = "0003"
branch_labels = None
depends_on = None

TRIGGERS = {
    "fee_unit_money_payment_ai": ("payments", "NEW.amount", ""),
    "fee_unit_money_allocation_ai": ("payment_allocations", "-NEW.amount", ""),
    "fee_unit_money_adjustment_ai": ("fee_adjustments", "-NEW.amount", "NEW.bill_line_id IS NULL"),
}


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_fee_open_lines_unsettled")
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_fee_open_lines_ageing ON fee_open_lines"
        " (estate_id, unit_id, due_date, open_fen) WHERE open_fen <> 0"
    )
    op.execute(
        "CREATE TABLE IF NOT EXISTS fee_unit_money ("
        " unit_id VARCHAR(36) NOT NULL,"
        " estate_id VARCHAR(36) NOT NULL,"
        " off_line_fen BIGINT NOT NULL,"
        " CONSTRAINT pk_fee_unit_money PRIMARY KEY (unit_id))"
    )
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_fee_unit_money_nonzero ON fee_unit_money (estate_id)"
        " WHERE off_line_fen <> 0"
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    # SQLite runs DDL outside the migration's transaction: a run cut short is simply redone
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DELETE FROM fee_unit_money")
    op.execute(
        """INSERT INTO fee_unit_money (unit_id, estate_id, off_line_fen)
        SELECT unit_id, min(estate_id), sum(fen) FROM (
            SELECT unit_id, estate_id, amount AS fen FROM payments
            UNION ALL SELECT unit_id, estate_id, -amount FROM payment_allocations
            UNION ALL SELECT unit_id, estate_id, -amount FROM fee_adjustments
                      WHERE bill_line_id IS NULL)
        GROUP BY unit_id"""
    )
    for name, (table, fen, condition) in TRIGGERS.items():
        when = f" WHEN {condition}" if condition else ""
        op.execute(
            f"""CREATE TRIGGER {name} AFTER INSERT ON {table}{when} BEGIN
            INSERT INTO fee_unit_money (unit_id, estate_id, off_line_fen)
            VALUES (NEW.unit_id, NEW.estate_id, {fen})
            ON CONFLICT (unit_id) DO UPDATE SET off_line_fen = off_line_fen + excluded.off_line_fen;
        END"""
        )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP INDEX IF EXISTS ix_fee_unit_money_nonzero")
    op.execute("DROP TABLE IF EXISTS fee_unit_money")
    op.execute("DROP INDEX IF EXISTS ix_fee_open_lines_ageing")
    op.execute(
        "CREATE INDEX ix_fee_open_lines_unsettled ON fee_open_lines (estate_id, unit_id)"
        " WHERE open_fen <> 0"
    )
