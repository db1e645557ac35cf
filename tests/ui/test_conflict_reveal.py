"""The Sync page's conflicts list shows a lost edit of a phone or ID number masked, both
values; a role that may reveal personal data shows one conflict's values whole, and the
reveal is logged like any other (who, which record and field, never the value). A role
that may not sees the button off with the reason.

Issue 16: "ID numbers and phone numbers are masked in lists, exports and printouts even
for roles that may see them. A permitted user reveals them one record at a time, and each
reveal (phone or ID) is logged."
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.domain.units import UnitInput
from app.services import accounts
from app.services.units import create_unit
from app.services.units.records import add_resident
from app.store.audit_models import AuditEntry
from app.store.models import SyncConflict, Unit
from tests.ui import test_sync_page as sync_page_tests
from tests.ui.test_plain_http_warning import enrolled_with

qt_loop, do, wait = sync_page_tests.qt_loop, sync_page_tests.do, sync_page_tests.wait
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
KEPT, LOST = "13800138001", "13912345678"


@pytest.fixture
def conflict(db, estate_id):
    """Another desk's phone number won over this desk's for one resident."""
    with db.session() as s:
        unit_id = create_unit(s, estate_id, UnitInput(building="1栋", room="101", area_m2="90")).id
        resident = add_resident(s, s.get(Unit, unit_id), name="王伟", phone=KEPT)
        s.add(
            SyncConflict(  # an older one, on the ID number
                table_name="residents",
                row_id=resident.id,
                field="id_number",
                kept_value="440101199001011234",
                kept_hlc="0001772416800000-0000-other",
                lost_value="440101199001015678",
                lost_hlc="0001772416700000-0000-mine",
                detected_at=NOW.replace(hour=1),
            )
        )
        s.add(
            SyncConflict(
                table_name="residents",
                row_id=resident.id,
                field="phone",
                kept_value=KEPT,
                kept_hlc="0001772416800000-0000-other",
                lost_value=LOST,
                lost_hlc="0001772416700000-0000-mine",
                detected_at=NOW,
            )
        )
        resident_id = resident.id
    enrolled_with(db, "https://192.168.1.10:8470")  # the list shows once enrolled
    return resident_id


def open_page(qtbot, wait, db, estate_id, login: str, role: str):
    from ui.shell.signin import context_for
    from ui.sync_page.page import SyncPage

    with db.session() as s:
        accounts.create_staff(
            s, login=login, display_name=login, role=role, password=f"{login}-secret-1",
            estate_ids=[estate_id],
        )  # fmt: skip
    user = accounts.log_in(db, login, f"{login}-secret-1")
    page = SyncPage(context_for(db, user, estate_id), None)
    qtbot.addWidget(page)
    page.show()
    page.show_view("conflicts")
    wait(lambda: len(page.conflicts_model.rows) == 2 and page._selected_conflict() is not None)
    return page


def shown(page) -> tuple[str, str]:
    model = page.conflicts_model
    return model.index(0, 2).data(), model.index(0, 4).data()


def test_both_values_are_masked_and_a_receptionist_reveals_them_logged(
    qtbot, app, db, estate_id, conflict, wait
):
    page = open_page(qtbot, wait, db, estate_id, "wang", "receptionist")
    assert shown(page) == ("138****8001", "139****5678")
    button = page.reveal.button
    assert button.isVisible() and button.isEnabled()
    wait.do(lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
    wait(lambda: shown(page) == (KEPT, LOST))
    assert page.conflicts_model.index(1, 2).data() == "4401**********1234"  # one at a time
    page.conflicts_table.selectRow(1)  # another conflict chosen: the first is masked again
    assert shown(page) == ("138****8001", "139****5678")
    with db.session() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action.like("personal.reveal.%"))
        ).one()
        wang = accounts.find_staff(s, "wang").id
    assert (entry.action, entry.table_name, entry.row_id) == (
        "personal.reveal.phone",
        "residents",
        conflict,
    )
    assert entry.actor_id == wang and KEPT not in str(entry.after) and LOST not in str(entry.after)


def test_a_role_that_may_not_reveal_sees_why(qtbot, app, db, estate_id, conflict, wait):
    page = open_page(qtbot, wait, db, estate_id, "shen", "auditor")
    assert shown(page) == ("138****8001", "139****5678")
    button = page.reveal.button
    assert button.isVisible() and not button.isEnabled()
    assert "Auditor" in button.toolTip()
