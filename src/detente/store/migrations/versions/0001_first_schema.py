"""The first schema: documents, events, claims, forecasts, incidents.

Revision ID: 0001
Revises:
"""
from alembic import op

from detente.store.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = ["documents", "events", "claims", "forecasts", "incidents"]


def upgrade() -> None:
    bind = op.get_bind()
    for name in TABLES:
        metadata.tables[name].create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    for name in reversed(TABLES):
        metadata.tables[name].drop(bind)
