"""A conflict kept on a signed inspection is settled only one way: the signed value stays.

Issue 14: "a signed inspection is immutable everywhere. A change to its results arriving by
sync after the signature is refused by the server and kept as a conflict on the desk, not
merged. An amendment is a new revision that needs signing again." So "Keep mine" (writing
the value that lost again) is refused by the operation, and the Sync page disables it with
the reason; "Keep theirs" marks the conflict reviewed and the signed value stays.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.services.inspections import run, signing, templates
from app.services.inspections.common import Target
from app.store.apply import Change, apply_changes
from app.store.blobs import BlobStore
from app.store.inspection_models import InspectionAnswer
from app.store.models import SyncConflict
from sync import overview as sync_overview
from ui.messages import message

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
STROKES = [[(0.1, 0.5), (0.3, 0.2), (0.6, 0.8)], [(0.7, 0.3), (0.9, 0.6)]]
LATE_HLC = "9999999999999-0000-01a23220-0d17-7002-a67f-000000000000"  # another desk, later


def signed_with_a_late_change(db, estate_id, tmp_path) -> tuple[str, str]:
    """A signed handover inspection whose answer another desk changed offline, arrived after
    the signature (kept as a conflict). Returns (inspection number, answer id)."""
    blobs = BlobStore(tmp_path / "blobs")
    templates.ensure_default_templates(db, estate_id, NOW)
    tpl = next(t for t in templates.list_templates(db, estate_id) if t.code == "handover")
    iid = run.start(db, tpl.id, Target("unit", "", "3栋 1502"), "", NOW)
    for item in run.run_view(db, iid).content.items():
        value = {"number": "5", "choice": "full", "pass_fail": "pass"}.get(item.type)
        if value:
            run.answer(db, iid, item.id, "", NOW, value=value)
    run.finalise(db, iid, "", NOW, blobs)
    signing.sign(db, iid, "inspector", "李工", STROKES, NOW, blobs)
    assert signing.sign(db, iid, "owner", "张三", STROKES, NOW, blobs) == "signed"
    with db.session() as s:
        row = s.scalars(
            select(InspectionAnswer).where(
                InspectionAnswer.inspection_id == iid, InspectionAnswer.item_id == "walls.living"
            )
        ).one()
        late = {"value": "fail", "note": "后补"}
        apply_changes(
            s,
            [
                Change(
                    "c-late", "inspection_answers", row.id, row.estate_id, "upsert", late, LATE_HLC
                )
            ],
        )
        answer_id = row.id
    return run.run_view(db, iid).header.number, answer_id


def test_keep_mine_is_refused_for_a_signed_inspection_and_keep_theirs_settles(
    db, estate_id, tmp_path
):
    number, answer_id = signed_with_a_late_change(db, estate_id, tmp_path)
    conflicts = sync_overview.kept_conflicts(db)
    assert {c.field for c in conflicts} == {"value", "note"}
    assert all(c.signed_inspection == number for c in conflicts)
    chosen = next(c for c in conflicts if c.field == "value")
    with pytest.raises(DomainError) as refused:
        sync_overview.settle_conflict(db, chosen.id, restore_lost=True)
    assert refused.value.code == "sync.conflict_signed_inspection"
    assert refused.value.params == {"number": number}
    text = message("sync.conflict_signed_inspection", refused.value.params, "en")
    assert number in text and "amendment" in text
    with db.session() as s:
        assert s.get(InspectionAnswer, answer_id).value == "pass"  # the signed value stays
        assert not s.get(SyncConflict, chosen.id).acknowledged
    sync_overview.settle_conflict(db, chosen.id, restore_lost=False)  # Keep theirs
    with db.session() as s:
        assert s.get(SyncConflict, chosen.id).acknowledged
        assert s.get(InspectionAnswer, answer_id).value == "pass"
    assert [c.field for c in sync_overview.kept_conflicts(db)] == ["note"]


def test_the_sync_page_disables_keep_mine_with_the_reason(ctx, qtbot, tmp_path):
    from app.store.recorder import set_state
    from sync import client as sync_client
    from ui.sync_page.page import SyncPage

    number, answer_id = signed_with_a_late_change(ctx.db, ctx.estate_id, tmp_path)
    with ctx.db.session() as s:  # enrolled, as far as the page can tell
        set_state(s, sync_client.SERVER_URL, "http://127.0.0.1:9")
        set_state(s, sync_client.TOKEN, "t")
        set_state(s, sync_client.SERVER_DEVICE_ID, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
    page = SyncPage(ctx, None)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(page.conflicts_model.rows) == 2, timeout=10_000)
    page.conflicts_table.selectRow(0)
    assert not page.keep_mine.isEnabled() and page.keep_theirs.isEnabled()
    reason = message("sync.conflict_signed_inspection", {"number": number})
    assert page.keep_mine.toolTip() == reason
    page.keep_theirs.click()  # the signed value stays; the conflict is marked reviewed
    qtbot.waitUntil(lambda: len(page.conflicts_model.rows) == 1, timeout=10_000)
    with ctx.db.session() as s:
        assert s.get(InspectionAnswer, answer_id).value == "pass"
