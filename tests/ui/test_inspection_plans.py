"""Adding an inspection plan from the plans dialog, with real widgets through the runner.

Issue 14: "Start ... from a schedule: daily, weekly, monthly or custom weekdays, with a due
window; 'next due from the scheduled date or from the completion date'; edits to a schedule
apply from its next occurrence. The due list shows what is due, late and missed."
"""

from datetime import timedelta

import pytest

from app.services.inspections import due, templates


@pytest.fixture
def page(ctx, qtbot, tmp_path, monkeypatch):
    from ui.inspections.page import InspectionsPage

    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "data"))
    widget = InspectionsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitUntil(lambda: bool(templates.list_templates(ctx.db, ctx.estate_id)), timeout=5000)
    return widget


def plans_for(ctx, label, when):
    return [r for r in due.list_schedules(ctx.db, ctx.estate_id, when) if r.target_label == label]


def test_a_new_plan_on_chosen_weekdays_is_added_and_shows_in_the_due_list(ctx, qtbot, page):
    dialog = page.open_plans()
    qtbot.waitUntil(lambda: bool(dialog.rows), timeout=5000)
    before = len(dialog.rows)
    assert not dialog.target.isVisible()  # editing the chosen plan: no checklist to choose
    dialog.new_button.click()
    qtbot.waitUntil(lambda: dialog.checklist.count() > 0, timeout=5000)
    assert dialog.target.isVisible() and dialog.save_button.text() == "Add plan: starts today"

    # nothing said about what is inspected: refused, and what was chosen stays
    dialog.checklist.setCurrentIndex(dialog.checklist.findText("秩序维护", _contains()))
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekdays"))
    today = ctx.now().astimezone(_shanghai()).weekday()
    dialog.days[today].setChecked(True)
    dialog.days[(today + 3) % 7].setChecked(True)
    dialog.window.setValue(2)
    dialog.anchor.setCurrentIndex(dialog.anchor.findData("completion"))
    dialog.makeup.setChecked(False)
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=5000)
    assert "inspected" in dialog.message.text()
    assert dialog.adding and dialog.days[today].isChecked() and dialog.window.value() == 2
    assert not plans_for(ctx, "南门岗", ctx.now())

    dialog.target_kind.setCurrentIndex(dialog.target_kind.findData("area"))
    dialog.target.setText("南门岗")
    dialog.message.clear()
    dialog.save()
    qtbot.waitUntil(lambda: len(dialog.rows) == before + 1, timeout=5000)
    assert not dialog.adding and "added" in dialog.message.text()
    [plan] = plans_for(ctx, "南门岗", ctx.now())
    assert plan.target_kind == "area" and plan.template_name.startswith("秩序维护")
    spec = plan.spec
    assert (spec.frequency, spec.weekdays, spec.window_days) == (
        "weekdays",
        tuple(sorted({today, (today + 3) % 7})),
        2,
    )
    assert (spec.anchor, spec.makeup) == ("completion", False)
    rows = [r for r in due.due_rows(ctx.db, ctx.estate_id, ctx.now()) if r.target_label == "南门岗"]
    assert [r.status for r in rows][:1] == ["due"]  # due today, nothing before it existed
    later = ctx.now() + timedelta(days=8)
    late_rows = [
        r for r in due.due_rows(ctx.db, ctx.estate_id, later) if r.target_label == "南门岗"
    ]
    assert "missed" in {r.status for r in late_rows} or "overdue" in {r.status for r in late_rows}


def _contains():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def _shanghai():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")
