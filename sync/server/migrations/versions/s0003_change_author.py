"""the change log records its author (the staff account that made each change)

Revision ID: s0003
Revises: s0002
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Changes logged before this revision had no recorded author: "" (the desk's system).
    with op.batch_alter_table("server_changes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("author", sa.String(length=36), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("server_changes", schema=None) as batch_op:
        batch_op.drop_column("author")
