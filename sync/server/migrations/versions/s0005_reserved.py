"""(no schema change yet)

Revision ID: s0005
Revises: s0004
"""

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
