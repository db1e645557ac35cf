"""A corrective action's due by severity is one rule: the action list and its work order's
deadline in the work-order engine say the same time, for each severity.

Issue 14: "Every failed item becomes a corrective action on the work-order engine of issue
10 ... The action carries ... a due date by severity (suggested 24 h / 72 h / 7 days)."
"""

from datetime import UTC, datetime, timedelta

from app.domain.inspections import corrective_due
from app.services.inspections import actions, run, templates
from app.services.inspections.common import Target
from app.services.reception.workorders import order_state
from app.store.blobs import BlobStore
from app.store.reception_models import WorkOrder

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 17:00 in Shanghai: late in the working day


def item(item_id, severity):
    return {
        "id": item_id,
        "type": "pass_fail",
        "name_zh": f"检查项 {item_id}",
        "name_en": item_id,
        "severity": severity,
        "category": "cleaning",
    }


def test_each_severity_gives_the_action_and_its_order_one_due(db, estate_id, tmp_path):
    draft = {
        "sections": [
            {
                "id": "main",
                "name_zh": "主体",
                "name_en": "Main",
                "items": [item("h", "high"), item("m", "medium"), item("l", "low")],
            }
        ]
    }
    tpl = templates.create_template(
        db, estate_id, "due.test", "整改期限", "Due", "quality", "cleaning", draft
    )
    templates.publish(db, tpl.id, "", NOW)
    iid = run.start(db, tpl.id, Target("area", "", "南区"), "", NOW)
    for item_id in ("h", "m", "l"):
        run.answer(db, iid, item_id, "", NOW, value="fail")
    run.finalise(db, iid, "", NOW, BlobStore(tmp_path / "blobs"))

    expected = {
        "high": timedelta(hours=24),
        "medium": timedelta(hours=72),
        "low": timedelta(days=7),
    }
    rows = actions.actions_of(db, iid, NOW)
    assert {r.severity for r in rows} == set(expected)
    with db.session() as s:
        for row in rows:
            assert row.due_at == NOW + expected[row.severity] == corrective_due(row.severity, NOW)
            state = order_state(s, s.get(WorkOrder, row.work_order_id))
            resolve = next(d for d in state.deadlines if d.kind == "resolve")
            assert resolve.due == row.due_at, row.severity  # the engine's deadline is the same
            if row.severity != "high":  # high also has the emergency's 30-minute response
                assert state.next_due == row.due_at
