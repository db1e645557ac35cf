"""Imports every model module so the metadata (and SYNCED_TABLES) is complete."""

from app.store import models  # noqa: F401
from app.store import complaint_models  # noqa: F401
from app.store import fee_models  # noqa: F401
from app.store import unit_models  # noqa: F401
