"""rates keep up to four decimals on the server too: fee_items.rate and bill_lines.rate
from fen to ten-thousandths of a yuan, as the desks' migration 0013 does

The entity tables follow the app models, whose ``Rate`` column now counts 0.0001 yuan; a
server that already holds fee data stored its rates in fen and would serve 1.90 as 0.019.
A server created since has no such rows yet (its entity tables are made after this runs).

Revision ID: s0004
Revises: s0003
"""

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None

RATE_COLUMNS = (("fee_items", "rate"), ("bill_lines", "rate"))


def _existing(bind) -> list[tuple[str, str]]:
    tables = set(sa.inspect(bind).get_table_names())
    return [(table, column) for table, column in RATE_COLUMNS if table in tables]


def upgrade() -> None:
    for table, column in _existing(op.get_bind()):
        op.execute(f"UPDATE {table} SET {column} = {column} * 100")  # noqa: S608


def downgrade() -> None:
    bind = op.get_bind()
    for table, column in _existing(bind):
        finer = bind.exec_driver_sql(
            f"SELECT count(*) FROM {table} WHERE {column} % 100 <> 0"  # noqa: S608
        ).scalar()
        if finer:
            raise RuntimeError(
                f"{finer} rates of {table} have more than two decimals; fen cannot hold them"
            )
        op.execute(f"UPDATE {table} SET {column} = {column} / 100")  # noqa: S608
