"""The reception page with real widgets offscreen on a real database: a phone consultation
saved from the keyboard alone; a repair turned into a work order and followed to its
return visit; a key lent and returned with signatures drawn on the pad."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.clock import ManualClock
from app.domain.reception import EntryInput
from app.domain.units import UnitInput
from app.services.reception import keys, queries, register
from app.services.units import add_resident, create_unit
from tests.ui.conftest import type_text

# 10:00 in Shanghai, a working morning
START = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@pytest.fixture
def unit_id(db, estate_id):
    with db.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.5")
        )
        add_resident(s, unit, name="张伟", phone="13800138000")
        return unit.id


@pytest.fixture
def page(qtbot, ctx, unit_id):
    from ui.reception.page import ReceptionPage
    from ui.widgets.changes import ClockTicker

    ctx.clock = ManualClock(START)
    ctx.ticker = ClockTicker(ctx.clock)
    widget = ReceptionPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    with qtbot.waitActive(widget):  # shortcuts (Ctrl+N, Ctrl+S) reach only the active window
        widget.show()
        widget.activateWindow()
    yield widget
    from ui.widgets.ops import wait_all

    wait_all(ctx.runner)


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), k, modifier)


def test_phone_consultation_saved_from_the_keyboard_alone(qtbot, page, db, estate_id, unit_id):
    tab = page.register
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is tab.channel  # reading order starts at the channel
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.caller
    qtbot.keyClicks(tab.caller, "13800138000")
    qtbot.waitUntil(lambda: tab.person.count() > 1, timeout=5000)  # the caller is found
    assert "3栋 2单元 1502" in tab.person.currentText()
    assert tab.name.text() == "张伟"
    for _ in range(3):  # person, name, category (consultation is the default)
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.content
    type_text(qtbot, tab.content, "停车月卡怎么办理？")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.answer
    type_text(qtbot, tab.answer, "带行驶证到前台办理")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.saved_count == 1, timeout=5000)
    rows = register.day_entries(db, estate_id, datetime(2026, 12, 1).date())
    assert [
        (r.channel, r.category, r.caller_name, r.caller_phone, r.unit_id, r.content, r.answer)
        for r in rows
    ] == [
        (
            "phone",
            "consultation",
            "张伟",
            "13800138000",
            unit_id,
            "停车月卡怎么办理？",
            "带行驶证到前台办理",
        )
    ]
    assert tab.content.toPlainText() == ""  # ready for the next caller
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)  # the list follows the save


def test_refused_entry_keeps_what_was_typed(qtbot, page):
    tab = page.register
    tab.caller.setText("123")
    tab.content.setPlainText("问一下")
    tab.save()
    qtbot.waitUntil(lambda: tab.fields["caller_phone"].message.isVisibleTo(tab), timeout=5000)
    assert tab.fields["answer"].message.isVisibleTo(tab)
    assert tab.content.toPlainText() == "问一下" and tab.caller.text() == "123"


def test_the_promised_reply_time_shows_a_time_near_now_before_it_is_ticked(qtbot, page):
    """The greyed promise field showed 2000-01-01 00:00 until its box was ticked."""
    from ui.reception.model import py_time

    tab = page.register
    assert not tab.promised.isEnabled()
    assert py_time(tab.promised.dateTime()) == START + timedelta(hours=2)
    tab.is_open.setChecked(True)
    tab.clear_form()
    assert py_time(tab.promised.dateTime()) == START + timedelta(hours=2)


def test_repair_becomes_a_work_order_followed_to_its_return_visit(
    qtbot, page, ctx, db, estate_id, unit_id
):
    from app.services.accounts import create_staff
    from ui.reception.order_dialogs import StepDialog, WorkOrderDialog

    with db.session() as s:
        worker = create_staff(
            s,
            login="li",
            display_name="李师傅",
            role="engineer",
            password="correct horse",
            estate_ids=[estate_id],
        ).id
    entry = register.save_entry(
        db,
        estate_id,
        EntryInput(
            channel="phone",
            category="repair",
            caller_name="张伟",
            caller_phone="13800138000",
            unit_id=unit_id,
            content="卫生间水龙头漏水",
            answer="安排维修",
        ),
        ctx.user_id,
        START,
    )
    tab = page.register
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    tab.table.selectRow(0)
    dialog = WorkOrderDialog(page.actions, tab, entry=tab.selected())
    qtbot.addWidget(dialog)
    assert dialog.content.toPlainText() == "卫生间水龙头漏水"  # carried over
    qtbot.waitUntil(lambda: dialog.assignee.count() > 1, timeout=5000)
    dialog.assignee.setCurrentIndex(dialog.assignee.findData(worker))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)
    order_id = dialog.saved
    assert register.read_entry(db, entry.id).work_order_ids == (order_id,)
    orders = page.workorders
    page.show_view("workorders")
    orders.show_filter("all")  # done and closed orders stay in sight
    qtbot.waitUntil(
        lambda: orders.model.rowCount() == 1 and orders.detail is not None, timeout=5000
    )
    assert orders.detail.row.status == "dispatched" and orders.detail.row.assignee_name == "李师傅"
    assert orders.step_actions["accept"].isEnabled() and not orders.step_actions["done"].isEnabled()

    def step(name, **values):
        clock: ManualClock = ctx.clock
        clock.advance(timedelta(minutes=20))
        if name in ("accept", "start"):
            orders.do_step(name)
        else:
            d = StepDialog(page.actions, orders.detail.row, name, orders)
            qtbot.addWidget(d)
            d.note.setPlainText(values.get("note", ""))
            if "outcome" in values:
                d.extra.setCurrentIndex(d.extra.findData(values["outcome"]))
            d.submit()
            qtbot.waitUntil(lambda: d.saved is not None, timeout=5000)
        qtbot.waitUntil(
            lambda: orders.detail is not None and orders.detail.row.status == values["expect"],
            timeout=5000,
        )

    step("accept", expect="accepted")
    step("start", expect="in_progress")
    step("done", note="更换阀芯", expect="done")
    assert orders.step_actions["return_visit"].isEnabled()
    # the return visit by the desk (not the repairer) closes the order
    step("return_visit", outcome="satisfied", note="电话回访，满意", expect="closed")
    detail = queries.read_order(db, order_id)
    assert [s.kind for s in detail.steps] == [
        "registered",
        "dispatch",
        "accept",
        "start",
        "done",
        "return_visit",
        "close",
    ]
    assert "已关闭" in orders.info.toPlainText() or "Closed" in orders.info.toPlainText()


def test_key_lent_and_returned_with_signatures(qtbot, page, ctx, db, estate_id, unit_id):
    from ui.reception.keys import LendDialog, ReturnDialog

    keys.register_key(
        db,
        estate_id,
        unit_id,
        "K-0001",
        ctx.user_id,
        START,
        description="入户门",
        allowed_people=["李四"],
    )
    keys.register_key(db, estate_id, unit_id, "K-0002", ctx.user_id, START, description="信箱")
    tab = page.keys
    page.show_view("keys")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)
    tab.table.selectAll()
    dialog = LendDialog(page.actions, tab.chosen(), tab)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.borrower.setText("李四")
    dialog.kind.setCurrentIndex(dialog.kind.findData("authorised"))
    dialog.confirmed.setChecked(True)
    dialog.purpose.setText("家政打扫")
    assert not dialog.ok.isEnabled()  # not signed yet
    sign(qtbot, dialog.pad)
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=2000)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)
    qtbot.waitUntil(lambda: [r.state for r in tab.model.rows] == ["lent", "lent"], timeout=5000)
    ctx.clock.advance(timedelta(hours=2))
    tab.table.selectAll()
    back = ReturnDialog(page.actions, tab.chosen(), tab)
    qtbot.addWidget(back)
    back.show()
    assert back.by.text() == "李四"
    sign(qtbot, back.pad)
    qtbot.waitUntil(back.ok.isEnabled, timeout=2000)
    back.submit()
    qtbot.waitUntil(lambda: back.saved is not None, timeout=5000)
    qtbot.waitUntil(
        lambda: [r.state for r in tab.model.rows] == ["in_cabinet", "in_cabinet"], timeout=5000
    )
    with db.session() as s:
        from sqlalchemy import select

        from app.store.reception_models import KeyMovement, Signature

        signatures = s.scalars(select(Signature).order_by(Signature.signed_at)).all()
        assert [(x.signer, x.role) for x in signatures] == [
            ("李四", "borrower"),
            ("李四", "countersign"),
        ]
        assert len(signatures[0].strokes[0]) >= 3
        moves = s.scalars(select(KeyMovement).where(KeyMovement.kind.in_(("lent", "back")))).all()
        assert {m.signature_id for m in moves} == {x.id for x in signatures}  # one per batch


def sign(qtbot, pad) -> None:
    """Draw a stroke with the mouse, as the signer does."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
    for x in range(30, 200, 20):
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QMouseEvent

        event = QMouseEvent(
            QMouseEvent.Type.MouseMove,
            QPointF(x, 40 + (x % 40)),
            QPointF(pad.mapToGlobal(QPoint(x, 40 + (x % 40)))),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(pad, event)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(210, 50))


def test_caller_context_shows_open_work_notices_and_keys(qtbot, page, ctx, db, estate_id, unit_id):
    from app.domain.reception import NoticeInput
    from app.services.reception import notices, workorders

    order = workorders.open_order(
        db,
        estate_id,
        workorders.WorkOrderInput(content="灯坏了", category="electrical", unit_id=unit_id),
        ctx.user_id,
        START,
    )
    number = queries.read_order(db, order).row.number
    notices.save_notice(
        db,
        estate_id,
        NoticeInput(
            "water_cut",
            "全小区停水",
            "今天14点到18点停水，请提前储水",
            (),
            START - timedelta(hours=1),
            START + timedelta(hours=6),
        ),
        ctx.user_id,
    )
    keys.register_key(db, estate_id, unit_id, "K-0009", ctx.user_id, START)
    tab = page.register
    qtbot.waitUntil(
        lambda: "请提前储水" in tab.context_view.toPlainText(), timeout=5000
    )  # before anyone calls
    qtbot.keyClicks(tab.caller, "3-2-1502")
    qtbot.waitUntil(lambda: number in tab.context_view.toPlainText(), timeout=5000)
    shown = tab.context_view.toPlainText()
    assert "K-0009" in shown and "请提前储水" in shown and "灯坏了" in shown


def test_register_and_slip_print_to_pdf(qtbot, page, ctx, db, estate_id, unit_id, tmp_path):
    from ui.reception.printing import register_html, slip_html
    from ui.widgets.printing import write_pdf

    register.save_entry(
        db,
        estate_id,
        EntryInput(
            category="consultation",
            caller_name="张伟",
            caller_phone="13800138000",
            unit_id=unit_id,
            content="停车卡办理",
            answer="到前台办理",
        ),
        ctx.user_id,
        START,
    )
    rows = register.entries_between(
        db, estate_id, START - timedelta(hours=1), START + timedelta(hours=1)
    )
    html = register_html(rows, "阳光花园", "2026-12-01", "Asia/Shanghai")
    assert "KH-21-R01" in html and "138****8000" in html and "13800138000" not in html
    pdf = write_pdf(html, tmp_path / "register.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000
    from app.services.reception import workorders

    order = workorders.open_order(
        db,
        estate_id,
        workorders.WorkOrderInput(
            content="水龙头漏水", category="plumbing", unit_id=unit_id, contact_phone="13800138000"
        ),
        ctx.user_id,
        START,
    )
    slip = slip_html(queries.read_order(db, order), "阳光花园", "Asia/Shanghai")
    assert "水龙头漏水" in slip and "138****8000" in slip
    assert write_pdf(slip, tmp_path / "slip.pdf").read_bytes()[:5] == b"%PDF-"


def test_warning_at_the_lead_time_and_at_the_deadline(qtbot, page, ctx, db, estate_id, unit_id):
    from app.services.reception import workorders

    order = workorders.open_order(
        db,
        estate_id,
        workorders.WorkOrderInput(
            content="门禁坏了", category="public_facilities", unit_id=unit_id
        ),
        ctx.user_id,
        START,
    )
    number = queries.read_order(db, order).row.number
    qtbot.waitUntil(lambda: page.workorders.model.rowCount() == 1, timeout=5000)  # read at start
    ctx.clock.set(datetime(2026, 12, 1, 9, 5, tzinfo=UTC))  # 17:05 in Shanghai: due 17:30
    with qtbot.waitSignal(ctx.events.status_message, timeout=3000) as said:
        ctx.ticker.tick()
    assert number in said.args[0] and "Due soon" in said.args[0]
    ctx.clock.set(datetime(2026, 12, 1, 9, 31, tzinfo=UTC))
    with qtbot.waitSignal(ctx.events.status_message, timeout=3000) as said:
        ctx.ticker.tick()
    assert number in said.args[0] and "Overdue" in said.args[0]
    assert page.workorders.warn(ctx.clock.now()) == []  # said once, not every minute
