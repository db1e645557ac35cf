"""The complaints screen driven through its widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.units import UnitInput
from app.services import complaints as cs
from app.services.accounts import create_staff
from app.services.units import add_resident, create_unit
from ui.context import AppContext


@pytest.fixture
def ctx(db, estate_id):
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
            password="password1",
            estate_ids=[estate_id],
        )
        user_id = user.id
    return AppContext(
        db=db,
        user_id=user_id,
        user_login="desk",
        user_name="前台小李",
        role="supervisor",
        estate_id=estate_id,
        estate_name="阳光花园",
        estate_ids=[estate_id],
    )


@pytest.fixture
def page(qtbot, ctx):
    from ui.complaints.page import ComplaintsPage

    widget = ComplaintsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


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


def run_step(page, kind, fill):
    """Open the step dialog for ``kind``, fill it when shown, press Record."""
    dialog = page.step_dialog(kind)

    def act():
        fill(dialog)
        dialog.ok.click()

    QTimer.singleShot(0, act)
    return page.record_step(kind, dialog)


def test_bad_form_is_refused_and_keeps_what_was_typed(qtbot, page, ctx):
    from ui.complaints.intake import IntakeDialog

    dialog = IntakeDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_intake(qtbot, dialog, phone="12345", content="")
    assert dialog.save() is False
    assert dialog.fields["content"].message.isVisible()
    assert dialog.fields["complainant_phone"].message.isVisible()
    assert "Phone must be" in dialog.fields["complainant_phone"].message.text()
    assert dialog.phone.text() == "12345" and dialog.name.text() == "王秀英"
    with ctx.db.session() as s:
        assert cs.count_complaints(s, cs.ComplaintQuery(estate_id=ctx.estate_id)) == 0
    # fixing it saves
    dialog.phone.setText("13800138000")
    dialog.content.insertPlainText("楼道灯坏了")
    assert dialog.save() is True


def test_whole_workflow_through_the_widgets(qtbot, page, ctx, monkeypatch):
    from ui.complaints.intake import IntakeDialog

    assert page.list_stack.currentWidget() is page.empty and page.empty.text()

    def intake():
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, IntakeDialog) and w.isVisible()
        )
        fill_intake(qtbot, dialog)
        assert dialog.suggestion.text()  # the app suggests a severity
        dialog.save_button.click()

    QTimer.singleShot(50, intake)
    complaint_id = page.new_complaint()
    assert complaint_id is not None
    assert page.model.total == 1
    assert page.complaint_id == complaint_id
    assert page.step_actions["dispatched"].isEnabled()

    assert run_step(
        page,
        "dispatched",
        lambda d: d.department.setCurrentIndex(d.department.findData("engineering")),
    )
    assert page.detail.state.status == "dispatched"
    assert run_step(page, "progress", lambda d: d.note.setPlainText("师傅已上门查看"))
    assert run_step(page, "resolved", lambda d: d.note.setPlainText("已更换水管"))
    assert run_step(page, "informed", lambda d: d.note.setPlainText("电话告知"))
    assert run_step(
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
    assert run_step(page, "closed", lambda d: d.note.setPlainText("结案"))
    # a closed complaint leaves the "all open" list; "all complaints" still has it
    assert page.model.total == 0
    page.scope.setCurrentIndex(page.scope.findData(""))
    assert page.model.total == 1 and page.complaint_id == complaint_id
    assert page.detail.state.status == "closed"
    assert asked and page.detail.complaint.number in asked[0]  # names the complaint
    steps = [
        page.detail.timeline.topLevelItem(i).text(1)
        for i in range(page.detail.timeline.topLevelItemCount())
    ]
    assert len(steps) == 7
    assert page.detail.timeline.topLevelItem(1).text(2) == "前台小李"


def test_refused_step_keeps_the_dialog_text(qtbot, page, ctx):
    with ctx.db.session() as s:
        c = cs.create_complaint(
            s,
            ctx.estate_id,
            cs.ComplaintInput(
                complainant_name="李强", content="噪音", severity="minor", category="noise"
            ),
        )
    page.run_query()
    page.show_complaint(c.id)
    seen = {}
    # "progress" without a note is refused; the dialog comes back with the text typed
    progress = page.step_dialog("progress")
    calls = []

    def fill_progress():
        calls.append(1)
        progress.answer.setChecked(True)
        progress.ok.click()  # empty note: refused, the dialog opens again
        QTimer.singleShot(50, check_and_cancel)

    def check_and_cancel():
        seen["error"] = progress.fields["note"].message.text()
        seen["answer"] = progress.answer.isChecked()
        progress.reject()

    QTimer.singleShot(0, fill_progress)
    assert page.record_step("progress", progress) is False
    assert "Write what was done" in seen["error"]
    assert seen["answer"] is True


def test_filters_and_search(qtbot, page, ctx):
    with ctx.db.session() as s:
        for content, severity in (("电梯按钮不灵", "minor"), ("保安态度恶劣", "important")):
            cs.create_complaint(
                s,
                ctx.estate_id,
                cs.ComplaintInput(
                    complainant_name="李强", content=content, severity=severity, category="other"
                ),
            )
    page.run_query()
    assert page.model.total == 2
    page.search.insert("电梯按钮")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    page.search.clear()
    page.severity.setCurrentIndex(page.severity.findData("important"))
    assert page.model.total == 1
    assert page.model.data(page.model.index(0, 6)) == "Important"
    assert (
        page.model.data(page.model.index(0, 0)).startswith("Overdue")
        or page.model.data(page.model.index(0, 0)).startswith("On time")
        or "Due" in page.model.data(page.model.index(0, 0))
    )


def test_stats_view_and_printing(qtbot, page, ctx, tmp_path):
    from ui.complaints.printing import complaint_form_html, write_pdf

    with ctx.db.session() as s:
        c = cs.create_complaint(
            s,
            ctx.estate_id,
            cs.ComplaintInput(
                complainant_name="李强",
                content="电梯按钮不灵",
                severity="minor",
                category="facilities",
            ),
        )
    page.show_view("stats")
    assert page.stats.figures["total"].text() == "1"
    assert page.stats.bar_set.count() == 7
    html = complaint_form_html(ctx.db, c.id, ctx.estate_name)
    assert "电梯按钮不灵" in html and c.number in html and "KH-21-R02" in html
    pdf = write_pdf(html, tmp_path / "form.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    summary = write_pdf(page.stats.summary_html(), tmp_path / "week.pdf")
    assert summary.stat().st_size > 1000


def test_rules_dialog_moves_deadlines_and_refuses_bad_dates(qtbot, page, ctx):
    from datetime import UTC, date, datetime

    from ui.complaints.rules import RulesDialog

    friday = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
    with ctx.db.session() as s:
        c = cs.create_complaint(
            s,
            ctx.estate_id,
            cs.ComplaintInput(
                complainant_name="李强", content="噪音", severity="minor", category="noise"
            ),
            received_at=friday,
        )
    dialog = RulesDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.working_days.setChecked(True)
    dialog.holidays.setPlainText("2026-11-23\nnext monday")
    assert dialog.save() is False
    assert "next monday" in dialog.fields["holidays"].message.text()
    assert dialog.holidays.toPlainText().endswith("next monday")  # kept as typed
    dialog.holidays.setPlainText("2026-11-23")
    assert dialog.save() is True
    with ctx.db.session() as s:
        rules = cs.load_rules(s, ctx.estate_id)
        complaint = s.get(cs.Complaint, c.id)
        due = cs.complaint_state(s, complaint).deadline("resolve").due
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

    with ctx.db.session() as s:
        unit_id = cs.lookup_residents(s, ctx.estate_id, "3-2-1502")[0].unit_id
    prefill = cs.ComplaintInput(
        reception_id="reception-1",
        unit_id=unit_id,
        complainant_name="王秀英",
        complainant_phone="13800138000",
        channel="in_person",
        content="前台登记：电梯经常停运",
    )

    def save():
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, IntakeDialog) and w.isVisible()
        )
        assert dialog.unit_label.text() == "3栋 2单元 1502"
        assert dialog.content.toPlainText() == "前台登记：电梯经常停运"
        assert dialog.channel.currentData() == "in_person"
        dialog.severity.setCurrentIndex(dialog.severity.findData("minor"))
        dialog.save_button.click()

    QTimer.singleShot(50, save)
    complaint_id = page.new_complaint(prefill)
    with ctx.db.session() as s:
        [linked] = cs.complaints_for_reception(s, "reception-1")
    assert linked.id == complaint_id and linked.unit_id == unit_id


def test_intake_warns_of_a_repeat_complaint_and_suggests_major(qtbot, page, ctx):
    from ui.complaints.intake import IntakeDialog

    with ctx.db.session() as s:
        unit_id = cs.lookup_residents(s, ctx.estate_id, "3-2-1502")[0].unit_id
        first = cs.create_complaint(
            s,
            ctx.estate_id,
            cs.ComplaintInput(
                unit_id=unit_id,
                complainant_name="王秀英",
                content="卫生间漏水",
                category="repair",
                severity="minor",
            ),
        )
        cs.add_event(s, first, "closed", note="已修好")
        first_id, first_number = first.id, first.number

    dialog = IntakeDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.category.setCurrentIndex(dialog.category.findData("repair"))
    assert not dialog.repeat_notice.isVisible()  # no unit chosen yet
    fill_intake(qtbot, dialog, content="又漏水了")
    assert dialog.repeat_notice.isVisible() and first_number in dialog.repeat_notice.text()
    assert dialog._suggested == "major"
    # another problem of the same unit is not a repeat
    dialog.category.setCurrentIndex(dialog.category.findData("noise"))
    assert not dialog.repeat_notice.isVisible()
    dialog.category.setCurrentIndex(dialog.category.findData("repair"))
    assert dialog.save() is True
    with ctx.db.session() as s:
        assert s.get(cs.Complaint, dialog.complaint_id).repeat_of == first_id


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
