"""who wrote each value of a kept conflict: the person and the desk

Revision ID: 0015
Revises: 0014

The Sync page's Conflicts view names, for the value kept and the value that lost, the
person who made it (their display name) and the desk it was made on. A pulled change
carries its author's staff id and its desk's name (sync.protocol.WireChange); this
desk's own edits carry the signed-in user kept in the outbox. Conflicts kept before this
revision have the four columns empty: the view then says "this computer" or "another desk".
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

COLUMNS = ("kept_by", "kept_desk", "lost_by", "lost_desk")


def upgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(
                sa.Column(name, sa.String(length=100), server_default="", nullable=False)
            )


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.drop_column(name)
