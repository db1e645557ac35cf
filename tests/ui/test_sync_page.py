"""The Sync page against the real sync server on loopback (uvicorn in a subprocess, as
tests/e2e start it), driven like a clerk: type, press Enrol, press F9, press Cancel."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.services.units import create_unit
from app.store.db import Database
from app.store.models import SyncOutbox, Unit
from app.store.recorder import get_state
from sync import client as sync_client
from sync.server import crud
from sync.server.db import make_engine, migrate
from tests.e2e.conftest import ServerProcess, free_port, live_server, pg_url, server_url  # noqa: F401
from tests.ui.conftest import type_text

WAIT_MS = 30_000


@pytest.fixture
def sqlite_server(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    server = ServerProcess(url)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def qt_loop(app):
    from ui.async_loop import attached_loop

    with attached_loop(app) as loop:
        yield loop


@pytest.fixture
def page(ctx, qtbot, qt_loop, tmp_path, monkeypatch):
    from ui.sync_page.page import SyncPage

    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "data"))  # the blob folder
    widget = SyncPage(ctx, None)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    return widget


def issue_code(server: ServerProcess, estate_ids: list[str]) -> str:
    """What `propdesk-server enroll-code` does, for the desk's own estate id."""
    engine = make_engine(server.db_url)
    try:
        with crud.new_session(engine) as s, s.begin():
            return crud.create_code(s, estate_ids, False, timedelta(hours=1))
    finally:
        engine.dispose()


def elsewhere(work, *args):
    """Another desk's blocking client (asyncio.run) off this thread, whose loop is Qt's."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(work, *args).result(timeout=120)


def enrol_through_form(qtbot, page, url: str, code: str) -> None:
    form = page.form
    type_text(qtbot, form.server, url)
    type_text(qtbot, form.code, code)
    qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.status_view, timeout=WAIT_MS)


def press_sync_now(qtbot, page) -> None:
    page.activateWindow()
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F9)
    assert page.job.running()
    qtbot.waitUntil(lambda: not page.job.running(), timeout=WAIT_MS)


def other_desk(server: ServerProcess, tmp_path, estate_id: str) -> Database:
    db = Database(tmp_path / "other.sqlite3")
    elsewhere(sync_client.run_enroll, db, server.url, issue_code(server, [estate_id]), "front")
    return db


def unit_rooms(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(Unit.room)))


def test_the_form_validates_as_you_type_and_enrols(qtbot, page, ctx, sqlite_server):
    form = page.form
    assert page.stack.currentWidget() is form
    assert not form.enrol.isEnabled()
    type_text(qtbot, form.server, "192.168.1.10:8000")
    assert form.server_field.message.isVisible()
    assert "http://" in form.server_field.message.text()
    assert not form.enrol.isEnabled() and "http://" in form.enrol.toolTip()
    form.server.clear()
    type_text(qtbot, form.server, sqlite_server.url)
    assert not form.server_field.message.isVisible()
    assert "enrolment code" in form.enrol.toolTip()
    type_text(qtbot, form.code, issue_code(sqlite_server, [ctx.estate_id]))
    assert form.enrol.isEnabled()
    form.name.setText("前台一号机")

    with qtbot.waitSignal(ctx.events.sync_state_changed, timeout=WAIT_MS):
        qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.status_view
    assert page.server_label.text() == sqlite_server.url
    assert page.device_label.text().startswith("前台一号机 · ")
    assert page.last_sync_label.text() == "Never"
    assert "connected to " + sqlite_server.url in page.result.text()
    with ctx.db.session() as s:
        assert get_state(s, sync_client.TOKEN)
        assert get_state(s, sync_client.DEVICE_NAME) == "前台一号机"


def test_a_bad_code_is_refused_beside_the_form_and_nothing_typed_is_lost(
    qtbot, page, sqlite_server
):
    form = page.form
    type_text(qtbot, form.server, sqlite_server.url)
    type_text(qtbot, form.code, "AAAA-BBBB-CCCC")
    qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.message.isVisible, timeout=WAIT_MS)
    assert "Unknown enrolment code" in form.message.text()
    assert "Traceback" not in form.message.text()
    assert page.stack.currentWidget() is form
    assert form.server.text() == sqlite_server.url
    assert form.code.text() == "AAAA-BBBB-CCCC"
    assert form.enrol.isEnabled() and not form.server.isReadOnly()


def test_a_server_that_is_down_gets_a_plain_sentence(qtbot, page, ctx, sqlite_server):
    nowhere = f"http://127.0.0.1:{free_port()}"
    type_text(qtbot, page.form.server, nowhere)
    type_text(qtbot, page.form.code, "AAAA-BBBB-CCCC")
    qtbot.mouseClick(page.form.enrol, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.form.message.isVisible, timeout=WAIT_MS)
    assert page.form.message.text().startswith(f"Cannot reach the sync server at {nowhere}.")
    assert page.form.server.text() == nowhere

    page.form.server.clear()
    page.form.code.clear()
    enrol_through_form(qtbot, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id]))
    sqlite_server.stop()
    press_sync_now(qtbot, page)
    text = page.result.text()
    assert text.startswith(f"Cannot reach the sync server at {sqlite_server.url}.")
    assert "goes with the next sync" in text and "Traceback" not in text
    assert page.result.property("role") == "banner-error"
    assert page.outcome_label.text().startswith("Cannot reach the sync server")
    assert page.sync_action.isEnabled() and not page.cancel_action.isEnabled()


def test_sync_now_sends_this_desks_change_and_brings_another_desks(
    qtbot,
    page,
    ctx,
    live_server,  # noqa: F811 (the e2e fixture: SQLite and PostgreSQL servers)
    tmp_path,
):
    enrol_through_form(qtbot, page, live_server.url, issue_code(live_server, [ctx.estate_id]))
    with ctx.db.session() as s:
        create_unit(s, ctx.estate_id, UnitInput(building="1栋", room="101", area_m2="80"))
    other = other_desk(live_server, tmp_path, ctx.estate_id)
    try:
        elsewhere(sync_client.run_sync, other)
        with other.session() as s:
            create_unit(s, ctx.estate_id, UnitInput(building="2栋", room="202", area_m2="90"))
        elsewhere(sync_client.run_sync, other)

        with qtbot.waitSignal(ctx.events.data_changed, timeout=WAIT_MS) as changed:
            press_sync_now(qtbot, page)
        assert changed.args == ["*"]
        assert "202" in unit_rooms(ctx.db)
        assert page.result.property("role") == "banner-ok"
        assert page.result.text().startswith("Sync finished: ")
        assert page.waiting_label.text() == "None: everything is on the server"
        today = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d")
        assert page.last_sync_label.text().startswith(today)
        assert page.outcome_label.text() == "Finished"
        with ctx.db.session() as s:
            assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0

        elsewhere(sync_client.run_sync, other)
        assert "101" in unit_rooms(other)
    finally:
        other.close()


def test_cancel_during_a_long_pull_keeps_a_consistent_database(
    qtbot, page, ctx, sqlite_server, tmp_path, monkeypatch
):
    monkeypatch.setattr(sync_client, "PULL_PAGE", 5)  # many pages, so there is a "during"
    enrol_through_form(qtbot, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id]))
    other = other_desk(sqlite_server, tmp_path, ctx.estate_id)
    try:
        with other.session() as s:
            for room in range(1, 41):
                create_unit(
                    s, ctx.estate_id, UnitInput(building="9栋", room=f"{room:03d}", area_m2="70")
                )
        elsewhere(sync_client.run_sync, other)
        seen = []

        def cancel_once_pulling(report):
            seen.append(page.progress_text.text())
            if report.pulled and page.cancel_action.isEnabled() and len(seen) < 100:
                page.cancel_action.trigger()  # the clerk presses Cancel mid-pull

        page.progressed.connect(cancel_once_pulling)
        press_sync_now(qtbot, page)
        assert any("receiving" in text for text in seen)
        assert page.result.text().startswith("Sync cancelled.")
        assert page.outcome_label.text() == sync_client.CANCELLED
        rooms = {r for r in unit_rooms(ctx.db) if r.isdigit() and len(r) == 3}
        assert 0 < len(rooms) < 40  # some pages landed, not all
        with ctx.db.session() as s:
            cursor = int(get_state(s, sync_client.CURSOR))
        assert cursor > 0

        page.progressed.disconnect(cancel_once_pulling)
        press_sync_now(qtbot, page)  # the next sync carries on from the stored cursor
        assert page.result.text().startswith("Sync finished: ")
        assert {f"{n:03d}" for n in range(1, 41)} <= unit_rooms(ctx.db)
        with ctx.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Unit)) == 40
    finally:
        other.close()


def test_conflicts_and_refusals_are_listed_by_record(qtbot, page, ctx, sqlite_server, tmp_path):
    from app.services.units import update_unit

    enrol_through_form(qtbot, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id]))
    with ctx.db.session() as s:
        unit_id = create_unit(
            s, ctx.estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="80")
        ).id
    press_sync_now(qtbot, page)
    other = other_desk(sqlite_server, tmp_path, ctx.estate_id)
    try:
        elsewhere(sync_client.run_sync, other)
        with ctx.db.session() as s:  # this desk first, then the other desk later: it wins
            update_unit(
                s,
                s.get(Unit, unit_id),
                UnitInput(building="3栋", entrance="2", room="1502", area_m2="81"),
            )
        with other.session() as s:
            update_unit(
                s,
                s.get(Unit, unit_id),
                UnitInput(building="3栋", entrance="2", room="1502", area_m2="82"),
            )
        elsewhere(sync_client.run_sync, other)
        press_sync_now(qtbot, page)
    finally:
        other.close()
    assert "conflict(s) kept for review" in page.result.text()
    assert page.conflicts_table.isVisible()
    model = page.conflicts_model
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[:5] == ["Unit", "3栋 2单元 1502", "Area (m²)", "82.00", "81.00"]
    assert page.conflicts_box.title() == "Conflicts kept (1)"
    assert page.rejected_empty.isVisible() and not page.rejected_table.isVisible()


def test_the_toolbar_fits_at_1280_in_chinese(ctx, qtbot, qt_loop):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication, QToolButton

    from app.store.recorder import set_state
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    with ctx.db.session() as s:  # enrolled, as far as the page can tell
        set_state(s, sync_client.SERVER_URL, "http://192.168.1.10:8000")
        set_state(s, sync_client.TOKEN, "t")
        set_state(s, sync_client.SERVER_DEVICE_ID, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        page = window.show_page("sync")
        qtbot.wait(50)
        assert page.toolbar.isVisible()
        assert page.sync_action.text() == "立即同步"
        more = page.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert more is None or not more.isVisible()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))


def test_the_application_loop_runs_coroutines_and_ends_when_the_window_closes(app):
    """ui/app.py ends with run_event_loop(app): dialogs still work, and closing the last
    window ends the loop with a running task cancelled, not left hanging."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox, QWidget

    from ui.async_loop import run_event_loop, start

    window = QWidget()
    window.show()
    happened = []

    async def long_sync():
        try:
            await asyncio.to_thread(lambda: None)
            happened.append("worker thread answered")
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            happened.append("cancelled")
            raise

    def clerk():
        start(long_sync())
        box = QMessageBox(window)
        QTimer.singleShot(200, box.accept)
        box.exec()  # a modal dialog's own loop while the task is under way
        happened.append("dialog closed")
        QTimer.singleShot(50, window.close)

    QTimer.singleShot(0, clerk)
    assert run_event_loop(app) == 0
    assert happened == ["worker thread answered", "dialog closed", "cancelled"]
    with pytest.raises(RuntimeError):
        asyncio.get_running_loop()


def test_a_wrong_clock_is_told_in_chinese_with_chinese_units(app):
    from PySide6.QtCore import QLocale

    from ui.i18n import install_translators
    from ui.sync_page.labels import sync_message

    warning = sync_client.clock_warning(-(26 * 3600 + 5) * 1000)  # a day and 2 hours ahead
    locale = QLocale()
    translators = install_translators(app, "zh_CN")
    try:
        shown = sync_message(warning)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
    assert "1 天 2 小时" in shown
    assert " d " not in shown and " h" not in shown
    assert sync_message(warning).startswith("This computer's clock is 1 d 2 h ahead")


def test_cancel_before_the_first_step_still_ends_the_sync_and_the_enrolment(
    qtbot, page, ctx, sqlite_server
):
    form = page.form
    type_text(qtbot, form.server, sqlite_server.url)
    type_text(qtbot, form.code, issue_code(sqlite_server, [ctx.estate_id]))
    qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.cancel, Qt.MouseButton.LeftButton)  # before the task has begun
    qtbot.waitUntil(lambda: not page.job.running(), timeout=WAIT_MS)
    assert form.message.text() == "Enrolment cancelled; nothing was changed."
    assert not form.busy.isVisible() and not form.server.isReadOnly()
    assert form.enrol.isEnabled() and form.enrol.text() == "Enrol"

    qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.status_view, timeout=WAIT_MS)
    page.activateWindow()
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F9)  # F9 and Esc queued together
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.job.running(), timeout=WAIT_MS)
    assert page.result.text().startswith("Sync cancelled.")
    assert not page.progress.isVisible()
    assert page.sync_action.isEnabled() and not page.cancel_action.isEnabled()
    press_sync_now(qtbot, page)
    assert page.result.text().startswith("Sync finished: ")


def test_the_outcome_reaches_other_pages_outside_the_task(qtbot, page, ctx, sqlite_server):
    """A page's refresh may open a dialog (a nested Qt loop): not from inside a task."""
    enrol_through_form(qtbot, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id]))
    inside = []
    page.job.done.connect(lambda _result: inside.append(asyncio.current_task()))
    ctx.events.data_changed.connect(lambda _table: inside.append(asyncio.current_task()))
    press_sync_now(qtbot, page)
    assert page.result.text().startswith("Sync finished: ")
    assert inside == [None, None]


def held_in_a_thread(monkeypatch, name: str):
    """Make SyncClient.<name> (database work in a worker thread) wait for ``go`` once it
    has started, as a slow disk or a big page would: (started, go) events."""
    import threading

    started, go = threading.Event(), threading.Event()
    work = getattr(sync_client.SyncClient, name)

    def held(self, *args):
        started.set()
        assert go.wait(WAIT_MS / 1000)
        return work(self, *args)

    monkeypatch.setattr(sync_client.SyncClient, name, held)
    return started, go


def test_cancel_waits_for_the_page_being_written(
    qtbot, page, ctx, sqlite_server, tmp_path, monkeypatch
):
    enrol_through_form(qtbot, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id]))
    other = other_desk(sqlite_server, tmp_path, ctx.estate_id)
    try:
        with other.session() as s:
            create_unit(s, ctx.estate_id, UnitInput(building="5栋", room="501", area_m2="70"))
        elsewhere(sync_client.run_sync, other)
    finally:
        other.close()
    started, go = held_in_a_thread(monkeypatch, "_apply_page")
    page.sync_action.trigger()
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    page.cancel_action.trigger()
    qtbot.wait(300)
    # the page's transaction is still being written: no outcome, no second sync yet
    assert page.job.running() and not page.sync_action.isEnabled()
    assert page.progress.isVisible() and not page.result.text()
    go.set()
    qtbot.waitUntil(lambda: not page.job.running(), timeout=WAIT_MS)
    assert page.result.text().startswith("Sync cancelled.")
    assert page.outcome_label.text() == sync_client.CANCELLED
    assert "501" in unit_rooms(ctx.db)  # the page and its cursor landed together
    with ctx.db.session() as s:
        assert int(get_state(s, sync_client.CURSOR)) > 0
    assert page.sync_action.isEnabled()


def test_an_enrolment_cancelled_while_saving_is_saved_and_said_so(
    qtbot, page, ctx, sqlite_server, monkeypatch
):
    started, go = held_in_a_thread(monkeypatch, "_save_enrolment")
    form = page.form
    type_text(qtbot, form.server, sqlite_server.url)
    type_text(qtbot, form.code, issue_code(sqlite_server, [ctx.estate_id]))
    qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)  # the server has answered: code spent
    qtbot.mouseClick(form.cancel, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert page.job.running() and form.busy.isVisible()
    go.set()
    qtbot.waitUntil(lambda: not page.job.running(), timeout=WAIT_MS)
    with ctx.db.session() as s:
        assert get_state(s, sync_client.TOKEN)
    assert "nothing was changed" not in form.message.text()
    assert page.stack.currentWidget() is page.status_view
    assert "connected to " + sqlite_server.url in page.result.text()


def test_a_database_busy_with_other_work_is_a_plain_sentence(qtbot, page, ctx, sqlite_server):
    import sqlite3

    enrol_through_form(qtbot, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id]))
    with ctx.db.session() as s:  # a change to push: its acknowledgement writes
        create_unit(s, ctx.estate_id, UnitInput(building="6栋", room="601", area_m2="70"))
    billing = sqlite3.connect(ctx.db.path, timeout=0)  # a billing run holds the write lock
    try:
        billing.execute("BEGIN IMMEDIATE")
        billing.execute("UPDATE sync_state SET value = value WHERE 0")
        press_sync_now(qtbot, page)
    finally:
        billing.rollback()
        billing.close()
    text = page.result.text()
    assert text.startswith(
        "The database is busy (a billing run or import?); sync again in a moment."
    )
    assert "unexpected" not in text and "OperationalError" not in text
    assert page.result.property("role") == "banner-error"
    assert page.sync_action.isEnabled()
    press_sync_now(qtbot, page)
    assert page.result.text().startswith("Sync finished: ")
    assert "601" in unit_rooms(ctx.db)


def test_a_sync_goes_on_when_another_page_keeps_the_window_open(
    ctx, qtbot, qt_loop, sqlite_server, monkeypatch
):
    from ui.main_window import MainWindow

    class UnsavedForm:
        refuse = True

        def can_close(self) -> bool:
            return not self.refuse

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.show_page("sync")
    enrol_through_form(qtbot, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id]))
    window.pages["unsaved"] = unsaved = UnsavedForm()  # asked after the Sync page
    started, go = held_in_a_thread(monkeypatch, "_apply_page")
    page.sync_action.trigger()
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)

    window.close()  # the other page refuses: the window stays, and so does the sync
    assert window.isVisible()
    go.set()
    qtbot.waitUntil(lambda: not page.job.running(), timeout=WAIT_MS)
    assert page.result.text().startswith("Sync finished: ")

    go.clear()
    started.clear()
    page.sync_action.trigger()
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    unsaved.refuse = False
    window.close()  # every page agrees: the window closes and the sync stops
    assert not window.isVisible()
    go.set()
    qtbot.waitUntil(lambda: not page.job.running(), timeout=WAIT_MS)
    assert page.result.text().startswith("Sync cancelled.")
