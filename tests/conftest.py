import atexit
import os
import shutil
import tempfile

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests (and the processes they start) never write into the user's data folder: the
# installation id, blobs and backups default to a folder of this run, removed at its end.
if "PROPDESK_DATA_DIR" not in os.environ:
    os.environ["PROPDESK_DATA_DIR"] = _data = tempfile.mkdtemp(prefix="propdesk-tests-")
    atexit.register(shutil.rmtree, _data, ignore_errors=True)

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
