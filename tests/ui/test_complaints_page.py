"""The complaints screen driven through its widgets (pytest-qt, offscreen), on a real
SQLite database, with an injected clock: the list is read on the background runner and
follows change events and the clock's tick without a click."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.clock import ManualClock
from app.domain.units import UnitInput
from app.services import complaints as cs
from app.services.accounts import create_staff
from app.services.units import add_resident, create_unit
from ui.context import AppContext

# 21:47 in Shanghai: the moment the list of the report was opened
OPENED = datetime(2026, 11, 16, 13, 47, tzinfo=UTC)


@pytest.fixture
def clock():
    return ManualClock(OPENED)


@pytest.fixture
def ctx(qtbot, db, estate_id, clock):
    with db.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.50")
        )
        add_resident(s, unit, name="王秀英", phone="13800138000")
        user = create_staff(
            s,
            login="desk",
            display_name="前台小李",
            role="supervisor",
            password="complaint-pass-1",
            estate_ids=[estate_id],
        )
        user_id = user.id
    context = AppContext(
        db=db,
        user_id=user_id,
        user_login="desk",
        user_name="前台小李",
        role="supervisor",
        estate_id=estate_id,
        estate_name="阳光花园",
        estate_ids=[estate_id],
        clock=clock,
    )
    yield context
    # every operation delivered before the runner goes (an answer queued to a relay
    # being collected crashed the next test)
    qtbot.waitUntil(lambda: context.runner.running() == 0)
    context.runner.shutdown()


@pytest.fixture
def page(qtbot, ctx):
    from ui.complaints.page import ComplaintsPage

    widget = ComplaintsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitUntil(widget.list_settled)
    return widget


def record(ctx, received_at, **values) -> cs.Recorded:
    data = dict(complainant_name="李强", content="噪音", severity="minor", category="noise")
    data.update(values)
    return cs.record_complaint(ctx.db, ctx.estate_id, _input(**data), now=received_at)


def _input(**values):
    from app.domain.complaints import ComplaintInput

    return ComplaintInput(**values)


class when:  # noqa: N801 (reads as a phrase: when(condition, action))
    """Run ``action`` once ``condition()`` holds (e.g. a modal dialog is up): polled on
    the event loop, so a modal ``exec`` can be answered like a user would.

    An object, not a closure that reschedules itself: such a closure is a reference
    cycle holding the dialog, and the cycle collector may then free a Qt wrapper on a
    worker thread of the runner (shiboken deletes it again later: a crash)."""

    def __init__(self, condition, action) -> None:
        self.condition, self.action = condition, action
        QTimer.singleShot(0, self.poll)

    def poll(self) -> None:
        if self.condition():
            self.action()
        else:
            QTimer.singleShot(10, self.poll)


def modal(kind):
    dialog = QApplication.activeModalWidget()
    return dialog if isinstance(dialog, kind) and dialog.isVisible() else None


def fill_intake(qtbot, dialog, *, phone="13800138000", content="楼上卫生间漏水"):
    qtbot.keyClicks(dialog.lookup, "3-2-1502")
    qtbot.keyClick(dialog.lookup, Qt.Key.Key_Return)
    assert dialog.unit_label.text() == "3栋 2单元 1502"
    assert dialog.name.text() == "王秀英"
    dialog.phone.setText(phone)
    dialog.content.insertPlainText(content)  # keyClicks types ASCII only
    dialog.category.setCurrentIndex(dialog.category.findData("repair"))
    dialog.severity.setCurrentIndex(dialog.severity.findData("minor"))
    dialog.department.setCurrentIndex(dialog.department.findData("engineering"))


def run_step(qtbot, page, kind, fill):
    """Open the step dialog for ``kind``, fill it once shown, press Record; wait for the
    list to follow the change."""
    dialog = page.step_dialog(kind)

    def act():
        fill(dialog)
        dialog.ok.click()

    when(dialog.isVisible, act)
    recorded = page.record_step(kind, dialog)
    qtbot.waitUntil(page.list_settled)
    assert recorded is True


def test_bad_form_is_refused_and_keeps_what_was_typed(qtbot, page, ctx, clock):
    from ui.complaints.intake import IntakeDialog

    dialog = IntakeDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_intake(qtbot, dialog, phone="12345", content="")
    assert dialog.save() is False
    assert dialog.fields["content"].message.text() == "Describe what happened"
    assert dialog.fields["complainant_phone"].message.text() == (
        "Phone must be a mobile number (11 digits, e.g. 13800138000) or 0755-12345678"
    )
    assert dialog.phone.text() == "12345" and dialog.name.text() == "王秀英"
    assert cs.count(ctx.db, cs.ComplaintQuery(estate_id=ctx.estate_id), clock.now()) == 0
    # fixing it saves
    dialog.phone.setText("13800138000")
    dialog.content.insertPlainText("楼道灯坏了")
    assert dialog.save() is True
    assert cs.count(ctx.db, cs.ComplaintQuery(estate_id=ctx.estate_id), clock.now()) == 1


def test_whole_workflow_through_the_widgets(qtbot, page, ctx, monkeypatch):
    from ui.complaints.intake import IntakeDialog

    assert page.list_stack.currentWidget() is page.empty
    assert page.empty.text() == "No complaints yet — press Ctrl+N to record one"

    def intake():
        dialog = modal(IntakeDialog)
        fill_intake(qtbot, dialog)
        assert dialog.suggestion.text() == "Suggested: Minor"
        dialog.save_button.click()

    when(lambda: modal(IntakeDialog) is not None, intake)
    complaint_id = page.new_complaint()
    qtbot.waitUntil(page.list_settled)
    assert complaint_id is not None
    assert page.model.total == 1
    assert page.complaint_id == complaint_id
    assert page.step_actions["dispatched"].isEnabled()

    run_step(
        qtbot,
        page,
        "dispatched",
        lambda d: d.department.setCurrentIndex(d.department.findData("engineering")),
    )
    assert page.detail.state.status == "dispatched"
    run_step(qtbot, page, "progress", lambda d: d.note.setPlainText("师傅已上门查看"))
    run_step(qtbot, page, "resolved", lambda d: d.note.setPlainText("已更换水管"))
    run_step(qtbot, page, "informed", lambda d: d.note.setPlainText("电话告知"))
    run_step(
        qtbot,
        page,
        "return_visit",
        lambda d: d.satisfaction.setCurrentIndex(d.satisfaction.findData("satisfied")),
    )
    assert page.detail.state.status == "visited"

    asked = []

    def confirm(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    run_step(qtbot, page, "closed", lambda d: d.note.setPlainText("结案"))
    # a closed complaint leaves the "all open" list; "all complaints" still has it
    assert page.model.total == 0
    page.scope.setCurrentIndex(page.scope.findData(""))
    qtbot.waitUntil(page.list_settled)
    assert page.model.total == 1 and page.complaint_id == complaint_id
    assert page.detail.state.status == "closed"
    number = page.detail.complaint.number
    assert asked == [f"Close complaint {number}?"]  # names the complaint
    steps = [
        page.detail.timeline.topLevelItem(i).text(1)
        for i in range(page.detail.timeline.topLevelItemCount())
    ]
    assert len(steps) == 7
    assert page.detail.timeline.topLevelItem(1).text(2) == "前台小李"


def test_refused_step_keeps_the_dialog_text(qtbot, page, ctx, clock):
    c = record(ctx, clock.now())
    page.run_query()
    qtbot.waitUntil(page.list_settled)
    page.show_complaint(c.id)
    seen = {}
    # "progress" without a note is refused; the dialog comes back with the text typed
    progress = page.step_dialog("progress")

    def fill_progress():
        progress.answer.setChecked(True)
        progress.ok.click()  # empty note: refused, the dialog opens again
        when(
            lambda: progress.isVisible() and progress.fields["note"].message.isVisible(),
            check_and_cancel,
        )

    def check_and_cancel():
        seen["error"] = progress.fields["note"].message.text()
        seen["answer"] = progress.answer.isChecked()
        progress.reject()

    when(progress.isVisible, fill_progress)
    assert page.record_step("progress", progress) is False
    assert seen == {"error": "Write what was done", "answer": True}


def test_filters_search_and_the_exact_deadline_words(qtbot, page, ctx, clock):
    now = clock.now()
    # dispatch due 15 minutes after receipt: 21:38 (overdue at 21:47) and 21:58 (soon)
    record(ctx, now - timedelta(minutes=24), content="电梯按钮不灵")
    record(ctx, now - timedelta(minutes=4), content="保安态度恶劣", severity="important")
    page.run_query()
    qtbot.waitUntil(page.list_settled)
    assert page.model.total == 2
    page.search.insert("电梯按钮")
    qtbot.waitUntil(page.list_settled)
    assert page.model.total == 1
    assert page.model.data(page.model.index(0, 0)) == "Overdue · 11-16 21:38"
    page.search.clear()
    qtbot.waitUntil(page.list_settled)
    page.severity.setCurrentIndex(page.severity.findData("important"))
    qtbot.waitUntil(page.list_settled)
    assert page.model.total == 1
    assert page.model.data(page.model.index(0, 6)) == "Important"
    assert page.model.data(page.model.index(0, 0)) == "Due within 2 h · 11-16 21:58"


def test_open_list_turns_due_soon_to_overdue_when_the_clock_passes_with_no_click(
    qtbot, page, ctx, clock
):
    """The report: a list opened at 21:47 still showed a complaint due at 21:58 as "due
    within 2 h" at 22:13. Now the clock's tick re-evaluates it, with no click."""
    from ui.complaints.labels import DEADLINE_COLOURS

    record(ctx, clock.now() - timedelta(minutes=4))  # dispatch due 21:58
    qtbot.waitUntil(lambda: page.model.total == 1)  # the change event refreshed the list
    cell = page.model.index(0, 0)
    assert page.model.data(cell) == "Due within 2 h · 11-16 21:58"
    assert page.model.data(cell, Qt.ItemDataRole.ForegroundRole) == DEADLINE_COLOURS["due_soon"]
    assert page.detail.deadlines.topLevelItem(0).text(2) == "Due within 2 h"

    clock.advance(timedelta(minutes=26))  # 22:13
    with qtbot.waitSignal(page.model.dataChanged):
        ctx.ticker.tick()
    assert page.model.data(cell) == "Overdue · 11-16 21:58"
    assert page.model.data(cell, Qt.ItemDataRole.ForegroundRole) == DEADLINE_COLOURS["overdue"]
    assert page.detail.deadlines.topLevelItem(0).text(2) == "Overdue"


def test_the_open_list_follows_a_step_pulled_by_sync_with_no_click(qtbot, page, ctx, clock):
    """Another desk dispatched the complaint: its event arrives in a pulled page, written
    on the sync's thread; the open list and record follow from the change event."""
    import threading

    from app.store.complaint_models import ComplaintEvent
    from app.store.db import mark_changed, mark_source
    from app.store.recorder import bulk_create

    first = record(ctx, clock.now() - timedelta(minutes=4))
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.row_at(0).status == "received"

    def pull():
        with ctx.db.session() as s:
            mark_source(s, "sync")
            row = dict(
                id="event-from-desk-b",
                estate_id=ctx.estate_id,
                complaint_id=first.id,
                kind="dispatched",
                at=clock.now(),
                data={"department": "engineering"},
            )
            bulk_create(s, ComplaintEvent, [row])
            mark_changed(s, "complaint_events", ["event-from-desk-b"])

    desk_b = threading.Thread(target=pull)
    desk_b.start()
    desk_b.join()
    qtbot.waitUntil(lambda: page.model.row_at(0).status == "dispatched")
    assert page.detail.state.status == "dispatched"
    assert page.model.data(page.model.index(0, 8)) == "Dispatched"


def test_f5_belongs_to_the_main_window_alone(page):
    from PySide6.QtGui import QKeySequence

    bound = [
        a for a in page.findChildren(type(page.new_action)) if a.shortcut() == QKeySequence("F5")
    ]
    assert bound == []


def test_a_deadline_filter_is_read_again_as_time_passes(qtbot, page, ctx, clock):
    record(ctx, clock.now() - timedelta(minutes=4))  # dispatch due 21:58
    page.deadline.setCurrentIndex(page.deadline.findData("overdue"))
    qtbot.waitUntil(page.list_settled)
    assert page.model.total == 0
    clock.advance(timedelta(minutes=26))
    ctx.ticker.tick()
    qtbot.waitUntil(page.list_settled)
    assert page.model.total == 1


def test_refresh_escalates_on_the_runner(qtbot, page, ctx, clock):
    record(ctx, clock.now() - timedelta(days=40))
    with qtbot.waitSignal(page.escalated) as escalated:
        page.refresh()
    assert escalated.args == [1]
    qtbot.waitUntil(
        lambda: page.model.row_at(0) is not None and page.model.row_at(0).severity == "major"
    )


def test_stats_view_and_printing(qtbot, page, ctx, clock, tmp_path):
    from ui.complaints.printing import complaint_form_html
    from ui.widgets.printing import write_pdf

    c = record(ctx, clock.now(), content="电梯按钮不灵", category="facilities")
    with qtbot.waitSignal(page.stats.shown):
        page.show_view("stats")
    assert page.stats.figures["total"].text() == "1"
    assert page.stats.bar_set.count() == 7
    html = complaint_form_html(cs.read_complaint(ctx.db, c.id), ctx.estate_name)
    assert "电梯按钮不灵" in html and c.number in html and "KH-21-R02" in html
    pdf = write_pdf(html, tmp_path / "form.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    summary = write_pdf(page.stats.summary_html(), tmp_path / "week.pdf")
    assert summary.stat().st_size > 1000


def test_rules_dialog_moves_deadlines_and_refuses_bad_dates(qtbot, page, ctx):
    from ui.complaints.rules import RulesDialog

    friday = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
    c = record(ctx, friday)
    dialog = RulesDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.working_days.setChecked(True)
    dialog.holidays.setPlainText("2026-11-23\nnext monday")
    assert dialog.save() is False
    assert dialog.fields["holidays"].message.text() == "Not a date (YYYY-MM-DD): next monday"
    assert dialog.holidays.toPlainText() == "2026-11-23\nnext monday"  # kept as typed
    dialog.holidays.setPlainText("2026-11-23")
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save() is True
    rules = cs.read_rules(ctx.db, ctx.estate_id)
    due = cs.read_complaint(ctx.db, c.id).state.deadline("resolve").due
    assert rules.working_days and rules.calendar.holidays == frozenset({date(2026, 11, 23)})
    assert due == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # Fri + 2 working days, Mon off


def test_rules_are_read_only_for_a_receptionist(qtbot, ctx):
    from dataclasses import replace

    from ui.complaints.rules import RulesDialog

    dialog = RulesDialog(replace(ctx, role="receptionist"))
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.save() is False


def test_complaint_from_a_reception_record_opens_prefilled_and_stays_linked(qtbot, page, ctx):
    from ui.complaints.intake import IntakeDialog

    unit_id = cs.lookup_residents(ctx.db, ctx.estate_id, "3-2-1502")[0].unit_id
    prefill = _input(
        reception_id="reception-1",
        unit_id=unit_id,
        complainant_name="王秀英",
        complainant_phone="13800138000",
        channel="in_person",
        content="前台登记：电梯经常停运",
    )

    def save():
        dialog = modal(IntakeDialog)
        assert dialog.unit_label.text() == "3栋 2单元 1502"
        assert dialog.content.toPlainText() == "前台登记：电梯经常停运"
        assert dialog.channel.currentData() == "in_person"
        dialog.severity.setCurrentIndex(dialog.severity.findData("minor"))
        dialog.save_button.click()

    when(lambda: modal(IntakeDialog) is not None, save)
    complaint_id = page.new_complaint(prefill)
    [linked] = cs.complaints_for_reception(ctx.db, "reception-1")
    assert linked.id == complaint_id and linked.unit_id == unit_id


def test_intake_warns_of_a_repeat_complaint_and_suggests_major(qtbot, page, ctx, clock):
    from ui.complaints.intake import IntakeDialog

    unit_id = cs.lookup_residents(ctx.db, ctx.estate_id, "3-2-1502")[0].unit_id
    first = record(
        ctx,
        clock.now() - timedelta(days=40),
        unit_id=unit_id,
        complainant_name="王秀英",
        content="卫生间漏水",
        category="repair",
    )
    cs.record_step(ctx.db, first.id, "closed", note="已修好", now=clock.now() - timedelta(days=39))

    dialog = IntakeDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.category.setCurrentIndex(dialog.category.findData("repair"))
    assert not dialog.repeat_notice.isVisible()  # no unit chosen yet
    fill_intake(qtbot, dialog, content="又漏水了")
    assert dialog.repeat_notice.isVisible() and first.number in dialog.repeat_notice.text()
    assert dialog._suggested == "major"
    # another problem of the same unit is not a repeat
    dialog.category.setCurrentIndex(dialog.category.findData("noise"))
    assert not dialog.repeat_notice.isVisible()
    dialog.category.setCurrentIndex(dialog.category.findData("repair"))
    assert dialog.save() is True
    assert cs.read_complaint(ctx.db, dialog.complaint_id).repeat_of_number == first.number


def test_severity_suggestion_is_confirmed_with_one_key_and_builder_defects_are_non_property(
    qtbot, page, ctx
):
    from ui.complaints.intake import IntakeDialog

    dialog = IntakeDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.content.insertPlainText("外墙渗水多次报修未解决，老人滑倒受伤")
    assert dialog.severity.currentData() == ""  # nothing is confirmed for the user
    assert dialog.suggestion.text() == "Suggested: Major"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.content, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert dialog.severity.currentData() == "major"

    assert dialog.scope.currentData() == "property"
    dialog.category.setCurrentIndex(dialog.category.findData("builder_defect"))
    assert dialog.scope.currentData() == "non_property"
    dialog.category.setCurrentIndex(dialog.category.findData("repair"))
    assert dialog.scope.currentData() == "property"


def test_the_list_remembers_its_column_widths_and_splitter(qtbot, page, ctx):
    from ui.complaints.page import ComplaintsPage

    page.table.setColumnWidth(1, 222)
    page.splitter.setSizes([900, 340])
    sizes = page.splitter.sizes()
    page.save_state()
    again = ComplaintsPage(ctx)
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    qtbot.waitUntil(again.list_settled)
    assert again.table.columnWidth(1) == 222
    assert again.splitter.sizes() == sizes
