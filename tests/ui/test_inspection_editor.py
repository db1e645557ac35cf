"""The checklist editor and the plans dialog with real widgets: an item added and a version
published while a walk on the old version goes on; a daily plan changed to chosen weekdays
applies from the next occurrence."""

from datetime import timedelta

import pytest

from app.services.inspections import due, run, templates
from app.services.inspections.common import Target


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


def test_editor_publishes_a_new_version_and_the_old_walk_keeps_its_own(ctx, qtbot, page):
    rows = {t.code: t for t in templates.list_templates(ctx.db, ctx.estate_id)}
    walk = run.start(
        ctx.db, rows["quality.cleaning"].id, Target("area", "", "南区"), ctx.user_id, ctx.now()
    )
    page.show_view("templates")
    editor = page.templates
    qtbot.waitUntil(lambda: len(editor.rows) == len(rows), timeout=5000)
    editor.list.setCurrentRow([r.code for r in editor.rows].index("quality.cleaning"))
    qtbot.waitUntil(lambda: editor.template_id == rows["quality.cleaning"].id, timeout=5000)
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
    editor.add_item()
    new = editor.tree.topLevelItem(0).child(editor.tree.topLevelItem(0).childCount() - 1)
    editor.tree.setCurrentItem(new)
    editor.edits["id"].setText("bins")
    editor.edits["name_zh"].setText("垃圾桶清洁无异味")
    editor.critical.setChecked(True)
    editor.apply_node()
    editor.publish()
    qtbot.waitUntil(lambda: "2" in editor.message.text(), timeout=5000)
    fresh = {t.code: t for t in templates.list_templates(ctx.db, ctx.estate_id)}["quality.cleaning"]
    assert fresh.version == 2
    view = run.run_view(ctx.db, walk)
    assert view.header.version == 1 and view.content.item("bins") is None
    later = run.start(ctx.db, fresh.id, Target("area", "", "北区"), ctx.user_id, ctx.now())
    item = run.run_view(ctx.db, later).content.item("bins")
    assert item is not None and item.critical


def test_a_plan_change_applies_from_the_next_occurrence(ctx, qtbot, page):
    dialog = page.open_plans()
    qtbot.waitUntil(lambda: bool(dialog.rows), timeout=5000)
    index = [r.target_label for r in dialog.rows].index("保洁部")
    dialog.table.selectRow(index)
    assert dialog.frequency.currentData() == "daily"
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekdays"))
    dialog.days[0].setChecked(True)  # Mondays only
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=5000)
    plan = next(
        r
        for r in due.list_schedules(ctx.db, ctx.estate_id, ctx.now())
        if r.target_label == "保洁部"
    )
    assert plan.revisions == 2 and plan.spec.frequency == "daily"  # today keeps the old plan
    later = due.list_schedules(ctx.db, ctx.estate_id, ctx.now() + timedelta(days=2))
    assert next(r for r in later if r.target_label == "保洁部").spec.frequency == "weekdays"
