"""rates keep up to four decimals: fee_items.rate and bill_lines.rate from fen to
ten-thousandths of a yuan

A rate keeps the decimals the schedule states, up to four (docs/money-rules.md §2); the
column type ``Rate`` holds an integer count of 0.0001 yuan, so every rate stored in fen
is multiplied by 100 (1.90 yuan: 190 -> 19000). The values do not change, only how they
are counted, so nothing is recorded for sync: the wire carries rates as decimal text.

Revision ID: 0013
Revises: 0012
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

RATE_COLUMNS = (("fee_items", "rate"), ("bill_lines", "rate"))


def upgrade() -> None:
    for table, column in RATE_COLUMNS:
        op.execute(f"UPDATE {table} SET {column} = {column} * 100")  # noqa: S608


def downgrade() -> None:
    # back to fen: a rate with a third or fourth decimal cannot be counted in fen, so the
    # downgrade refuses rather than round it
    bind = op.get_bind()
    for table, column in RATE_COLUMNS:
        finer = bind.exec_driver_sql(
            f"SELECT count(*) FROM {table} WHERE {column} % 100 <> 0"  # noqa: S608
        ).scalar()
        if finer:
            raise RuntimeError(
                f"{finer} rates of {table} have more than two decimals; fen cannot hold them"
            )
        op.execute(f"UPDATE {table} SET {column} = {column} / 100")  # noqa: S608
