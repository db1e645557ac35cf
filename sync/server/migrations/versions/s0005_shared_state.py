"""rate-limit hits in the database, shared by every server process

Revision ID: s0005
Revises: s0004
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_rate_hits",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("bucket", sa.String(length=200), nullable=False),
        sa.Column("at_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_server_rate_hits")),
    )
    op.create_index("ix_server_rate_hits_bucket_at", "server_rate_hits", ["bucket", "at_ms"])


def downgrade() -> None:
    op.drop_index("ix_server_rate_hits_bucket_at", table_name="server_rate_hits")
    op.drop_table("server_rate_hits")
