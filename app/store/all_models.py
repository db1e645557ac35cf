"""Imports every model module so the metadata (and SYNCED_TABLES) is complete."""

from app.store import (
    audit_models,  # noqa: F401
    closing_models,  # noqa: F401
    complaint_models,  # noqa: F401
    fee_models,  # noqa: F401
    inspection_models,  # noqa: F401
    models,  # noqa: F401
    opening_models,  # noqa: F401
    reception_models,  # noqa: F401
    unit_models,  # noqa: F401
)
