"""(no schema change yet)

Revision ID: s0003
Revises: s0002
"""

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
