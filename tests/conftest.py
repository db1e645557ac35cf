import os

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI bounds the examples so the whole run stays well under 20 minutes; locally, dig deeper
# with HYPOTHESIS_PROFILE=thorough.
_common = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=40, **_common)
settings.register_profile("dev", max_examples=60, **_common)
settings.register_profile("thorough", max_examples=1000, **_common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated local database file."""
    from app.store.db import Database

    database = Database(tmp_path / "propdesk.sqlite3")
    yield database
    database.close()


@pytest.fixture
def estate_id(db):
    from app.services.units import create_estate

    with db.session() as s:
        return create_estate(s, "阳光花园").id
