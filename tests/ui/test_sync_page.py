"""The Sync page and the background sync against the real sync server on loopback
(uvicorn in a subprocess, as tests/e2e start it), driven like a clerk.

The page's work runs as tasks on a qasync loop (``ui.async_loop.attached_loop``); the
tests advance it with ``loop.run_until_complete`` while they wait for a condition.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.services.units import create_unit
from app.store.db import Database
from app.store.models import SyncConflict, SyncOutbox, Unit
from app.store.recorder import get_state
from sync import client as sync_client
from sync.client import pull as pull_module
from sync.server import crud
from sync.server.cli import DEFAULT_PORT
from sync.server.db import make_engine, migrate
from tests.e2e.conftest import ServerProcess, free_port, live_server, pg_url, server_url  # noqa: F401
from tests.ui.conftest import type_text

WAIT_S = 60


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


def run_loop(loop, until_done) -> None:
    """Run the loop (its tasks and Qt's events) until ``until_done`` is resolved.

    ``run_forever`` + ``stop`` rather than ``run_until_complete``: qasync processes
    events once more after the latter, with no loop running, which would run a task's
    step without its loop."""
    until_done.add_done_callback(lambda _f: loop.stop())
    loop.run_forever()
    until_done.result()


@pytest.fixture
def do(qt_loop):
    """``do(action)``: act (click, press) from inside the running loop, as in the
    application, so the tasks it starts run their steps with their loop running."""

    def do(action):
        done = qt_loop.create_future()

        def call():
            try:
                action()
            except BaseException as error:
                done.set_exception(error)
            else:
                done.set_result(None)

        qt_loop.call_soon(call)
        run_loop(qt_loop, done)

    return do


@pytest.fixture
def wait(qt_loop, do):
    """``wait(condition)``: run the loop (tasks, Qt events) until ``condition()`` holds."""

    def wait(condition, timeout=WAIT_S):
        async def until():
            deadline = time.monotonic() + timeout
            while not condition():
                if time.monotonic() > deadline:
                    raise AssertionError(f"not reached within {timeout} s: {condition}")
                await asyncio.sleep(0.01)

        run_loop(qt_loop, qt_loop.create_task(until()))

    wait.do = do
    return wait


@pytest.fixture
def page(ctx, qtbot, wait, tmp_path, monkeypatch):
    from ui.sync_page.page import SyncPage

    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "data"))  # the blob folder
    widget = SyncPage(ctx, None)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    wait(lambda: widget.overview is not None)
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


def runs(page) -> int:
    return len(page.runs_model.rows)


def enrol_through_form(qtbot, wait, page, url: str, code: str) -> None:
    """Enrol, and wait for the first sync that enrolling starts to end."""
    form = page.form
    type_text(qtbot, form.server, url)
    type_text(qtbot, form.code, code)
    wait.do(lambda: qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton))
    wait(lambda: page.stack.currentWidget() is page.status_view)
    wait(lambda: not page.background.running() and runs(page) >= 1)


def sync_now(wait, page, listed=True) -> None:
    """Press Sync now and wait until it ended (and its run is listed)."""
    before = runs(page)
    page.result.clear()
    wait.do(page.sync_action.trigger)
    assert page.background.running()
    wait(lambda: not page.background.running() and page.result.text())
    if listed:
        wait(lambda: runs(page) > before)


def other_desk(server: ServerProcess, tmp_path, estate_id: str, name="other") -> Database:
    db = Database(tmp_path / f"{name}.sqlite3")
    elsewhere(sync_client.run_enroll, db, server.url, issue_code(server, [estate_id]), name)
    return db


def add_unit(db, estate_id, building, room, area="80"):
    with db.session() as s:
        return create_unit(s, estate_id, UnitInput(building=building, room=room, area_m2=area)).id


def unit_rooms(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(Unit.room)))


def test_the_form_validates_and_enrolling_brings_the_estate(
    qtbot, page, ctx, wait, sqlite_server, tmp_path
):
    other = other_desk(sqlite_server, tmp_path, ctx.estate_id)
    try:
        add_unit(other, ctx.estate_id, "2栋", "202")
        elsewhere(sync_client.run_sync, other)
    finally:
        other.close()
    form = page.form
    assert page.stack.currentWidget() is form
    assert not form.enrol.isEnabled()
    # the example address has the port the server listens on by default
    assert form.server.placeholderText().endswith(f":{DEFAULT_PORT}") and DEFAULT_PORT == 8470
    type_text(qtbot, form.server, "192.168.1.10:8000")
    assert form.server_field.message.isVisible()
    assert "http://" in form.server_field.message.text()
    assert not form.enrol.isEnabled() and "http://" in form.enrol.toolTip()
    form.server.clear()
    type_text(qtbot, form.server, sqlite_server.url)
    assert not form.server_field.message.isVisible()
    type_text(qtbot, form.code, issue_code(sqlite_server, [ctx.estate_id]))
    assert form.enrol.isEnabled()
    form.name.setText("前台一号机")
    wait.do(lambda: qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton))
    wait(lambda: page.stack.currentWidget() is page.status_view)
    # the first sync starts at once, with no click, and brings the estate's records
    wait(lambda: page.result.text().startswith("Sync finished: "))
    wait(lambda: page.outcome_label.text() == "Finished")
    assert "202" in unit_rooms(ctx.db)
    assert page.server_label.text() == sqlite_server.url
    assert page.device_label.text().startswith("前台一号机 · ")
    assert page.online_label.text() == "Online"
    assert "2 received" in page.runs_model.index(0, 1).data()
    with ctx.db.session() as s:
        assert get_state(s, sync_client.DEVICE_NAME) == "前台一号机"


def test_a_bad_code_is_refused_beside_the_form_and_nothing_typed_is_lost(
    qtbot, page, wait, sqlite_server
):
    form = page.form
    type_text(qtbot, form.server, sqlite_server.url)
    type_text(qtbot, form.code, "AAAA-BBBB-CCCC")
    wait.do(lambda: qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton))
    wait(form.message.isVisible)
    assert form.message.text().startswith("The server refused: Unknown enrolment code")
    assert "Traceback" not in form.message.text()
    assert page.stack.currentWidget() is form
    assert form.server.text() == sqlite_server.url
    assert form.code.text() == "AAAA-BBBB-CCCC"
    assert form.enrol.isEnabled() and not form.server.isReadOnly()


def test_a_server_that_is_down_gets_a_plain_sentence(qtbot, page, ctx, wait, sqlite_server):
    nowhere = f"http://127.0.0.1:{free_port()}"
    type_text(qtbot, page.form.server, nowhere)
    type_text(qtbot, page.form.code, "AAAA-BBBB-CCCC")
    wait.do(lambda: qtbot.mouseClick(page.form.enrol, Qt.MouseButton.LeftButton))
    wait(page.form.message.isVisible)
    assert page.form.message.text() == (
        f"Cannot reach the sync server at {nowhere}. Work goes on offline; sync again when "
        "the network is back."
    )
    assert page.form.server.text() == nowhere

    page.form.server.clear()
    page.form.code.clear()
    enrol_through_form(
        qtbot, wait, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id])
    )
    sqlite_server.stop()
    sync_now(wait, page)
    wait(lambda: page.online_label.text() == "Offline")
    text = page.result.text()
    assert text.startswith(f"Cannot reach the sync server at {sqlite_server.url}.")
    assert "goes with the next sync" in text and "Traceback" not in text
    assert page.result.property("role") == "banner-error"
    assert page.outcome_label.text().startswith("Cannot reach the sync server")
    assert page.sync_action.isEnabled() and not page.cancel_action.isEnabled()

    # the status bar: files waiting even when none, and why it is offline in words (not
    # only in its tooltip), short enough to leave the rest of the bar in place
    from PySide6.QtWidgets import QMainWindow

    from ui.shell.status import StatusBar

    window = QMainWindow()
    qtbot.addWidget(window)
    bar = StatusBar(ctx, window, read_at_once=False)
    window.setStatusBar(bar)
    window.resize(1280, 200)
    window.show()
    bar._show(page.overview)
    line = bar.sync.text()
    assert "0 file(s) waiting" in line and "offline" in line
    assert line.endswith("offline · Cannot reach the sync server at 127.0.0.1")  # host: short
    qtbot.waitUntil(lambda: bar.sync.geometry().right() <= bar.width())
    assert window.width() <= 1280 and bar.user.isVisible() and bar.estate.isVisible()
    assert bar.user.geometry().right() < bar.sync.geometry().left()


def test_cancel_during_a_long_pull_keeps_a_consistent_database_and_resumes(
    qtbot, page, ctx, wait, sqlite_server, tmp_path, monkeypatch
):
    enrol_through_form(
        qtbot, wait, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id])
    )
    monkeypatch.setattr(sync_client.base, "PULL_PAGE", 5)  # many pages, so there is a "during"
    other = other_desk(sqlite_server, tmp_path, ctx.estate_id)
    try:
        with other.session() as s:
            for room in range(1, 41):
                create_unit(
                    s, ctx.estate_id, UnitInput(building="9栋", room=f"{room:03d}", area_m2="70")
                )
        elsewhere(sync_client.run_sync, other)
    finally:
        other.close()
    seen = []

    def cancel_once_pulling(report):
        seen.append(page.progress_text.text())
        if report.pulled and page.cancel_action.isEnabled():
            page.cancel_action.trigger()  # the clerk presses Cancel mid-pull

    page.progressed.connect(cancel_once_pulling)
    sync_now(wait, page)
    # what is left, as the server counted it, and the time it takes at this pace
    assert any(re.search(r"receiving: \d+ of \d+ changes, about ", text) for text in seen)
    wait(lambda: page.result.text().startswith("Sync cancelled."))
    wait(lambda: page.outcome_label.text() == sync_client.english("sync.cancelled"))
    rooms = {r for r in unit_rooms(ctx.db) if r.isdigit() and len(r) == 3}
    assert 0 < len(rooms) < 40  # some pages landed, not all
    with ctx.db.session() as s:
        assert int(get_state(s, sync_client.CURSOR)) > 0

    page.progressed.disconnect(cancel_once_pulling)
    sync_now(wait, page)  # the next sync carries on from the stored cursor
    assert page.result.text().startswith("Sync finished: ")
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 40


def make_conflict(qtbot, page, ctx, wait, server, tmp_path):
    """This desk sets area 81, the other desk 82 later: the other wins, 81 is kept."""
    from app.services.units import update_unit

    enrol_through_form(qtbot, wait, page, server.url, issue_code(server, [ctx.estate_id]))
    with ctx.db.session() as s:
        unit_id = create_unit(
            s, ctx.estate_id, UnitInput(building="3栋", entrance="1", room="1302", area_m2="80")
        ).id
    sync_now(wait, page)
    other = other_desk(server, tmp_path, ctx.estate_id)
    elsewhere(sync_client.run_sync, other)
    for db, area in ((ctx.db, "81"), (other, "82")):
        with db.session() as s:
            update_unit(
                s,
                s.get(Unit, unit_id),
                UnitInput(building="3栋", entrance="1", room="1302", area_m2=area),
            )
    elsewhere(sync_client.run_sync, other)
    sync_now(wait, page)
    wait(lambda: page.conflicts_table.isVisible())
    return unit_id, other


def area_of(db, unit_id) -> str:
    with db.session() as s:
        return f"{s.get(Unit, unit_id).area_m2:.2f}"


def test_keep_mine_writes_this_desks_value_again_and_it_wins_everywhere(
    qtbot, page, ctx, wait, sqlite_server, tmp_path
):
    unit_id, other = make_conflict(qtbot, page, ctx, wait, sqlite_server, tmp_path)
    try:
        assert "conflict(s) to settle" in page.result.text()
        model = page.conflicts_model
        cells = [model.index(0, c).data() for c in range(model.columnCount())]
        assert cells[:3] == ["Unit", "3栋 1单元 1302 · Area (m²)", "82.00"]
        here = page.overview.device_name
        assert cells[3].startswith("other · ")  # the desk's name as it enrolled
        assert cells[4] == "81.00" and cells[5].startswith(f"{here} (this computer) · ")
        assert page.conflicts_box.title() == "Conflicts to settle (1)"
        assert not page.keep_mine.isEnabled()
        page.conflicts_table.selectRow(0)
        wait.do(lambda: qtbot.mouseClick(page.keep_mine, Qt.MouseButton.LeftButton))
        wait(lambda: page.conflicts_box.title() == "Conflicts to settle (0)")
        assert area_of(ctx.db, unit_id) == "81.00"
        sync_now(wait, page)
        elsewhere(sync_client.run_sync, other)
        assert area_of(other, unit_id) == "81.00"
    finally:
        other.close()


def test_the_conflicts_view_names_who_made_each_value_and_on_which_desk(
    qtbot, page, ctx, wait, sqlite_server, tmp_path
):
    """Two desks, each with its own clerk signed in, change one unit's area; on the desk
    whose value lost, the Conflicts view names both clerks, both desks and the row."""
    from app.services.accounts import create_staff
    from app.services.units import update_unit

    enrol_through_form(
        qtbot, wait, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id])
    )
    engine = make_engine(sqlite_server.db_url)  # the accounts the server writes
    try:
        with crud.new_session(engine) as s, s.begin(), crud.server_writes(s):
            clerks = [
                create_staff(
                    s,
                    login=login,
                    display_name=name,
                    role="receptionist",
                    password="correct horse",
                    estate_ids=[ctx.estate_id],
                ).id
                for login, name in (("zhang", "张前台"), ("li", "李前台"))
            ]
    finally:
        engine.dispose()
    with ctx.db.session() as s:
        unit_id = create_unit(
            s, ctx.estate_id, UnitInput(building="3栋", entrance="1", room="1302", area_m2="80")
        ).id
    sync_now(wait, page)
    other = other_desk(sqlite_server, tmp_path, ctx.estate_id, name="二号前台")
    try:
        elsewhere(sync_client.run_sync, other)
        ctx.db.actor, other.actor = clerks  # 张前台 here, 李前台 on the other desk
        for db, area in ((ctx.db, "81"), (other, "82")):
            with db.session() as s:
                update_unit(
                    s,
                    s.get(Unit, unit_id),
                    UnitInput(building="3栋", entrance="1", room="1302", area_m2=area),
                )
        elsewhere(sync_client.run_sync, other)
        sync_now(wait, page)
        wait(lambda: page.conflicts_table.isVisible())
        model = page.conflicts_model
        cells = [model.index(0, c).data() for c in range(model.columnCount())]
        here = page.overview.device_name
        assert cells[1] == "3栋 1单元 1302 · Area (m²)"
        assert cells[2] == "82.00" and cells[3].startswith("李前台 · 二号前台 · ")
        assert cells[4] == "81.00"
        assert cells[5].startswith(f"张前台 · {here} (this computer) · ")
    finally:
        other.close()


def test_keep_theirs_marks_it_reviewed_and_the_sidebar_counts_open_conflicts(
    qtbot, ctx, wait, sqlite_server, tmp_path, monkeypatch
):
    from ui.main_window import MainWindow

    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "data"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("sync")
    window.background_sync.stop()  # synced by hand here
    wait(lambda: page.overview is not None)
    unit_id, other = make_conflict(qtbot, page, ctx, wait, sqlite_server, tmp_path)
    other.close()
    sidebar = window.sidebar.item(
        next(i for i in range(8) if "Sync" in window.sidebar.item(i).text())
    )
    wait(lambda: sidebar.text() == "Sync (1)")
    page.conflicts_table.selectRow(0)
    wait.do(lambda: qtbot.mouseClick(page.keep_theirs, Qt.MouseButton.LeftButton))
    wait(lambda: sidebar.text() == "Sync")
    assert area_of(ctx.db, unit_id) == "82.00"
    with ctx.db.session() as s:
        assert s.scalar(select(SyncConflict.acknowledged)) is True
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0  # nothing to send


def test_a_unit_made_on_another_desk_appears_in_the_open_unit_list_with_no_click(
    qtbot,
    ctx,
    wait,
    live_server,  # noqa: F811 (SQLite and PostgreSQL)
    tmp_path,
    monkeypatch,
):
    from ui.main_window import MainWindow

    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "data"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    sync_page = window.show_page("sync")
    wait(lambda: sync_page.overview is not None)
    enrol_through_form(
        qtbot, wait, sync_page, live_server.url, issue_code(live_server, [ctx.estate_id])
    )
    units = window.show_page("units")
    other = other_desk(live_server, tmp_path, ctx.estate_id)
    try:
        add_unit(other, ctx.estate_id, "7栋", "707")
        elsewhere(sync_client.run_sync, other)
    finally:
        other.close()
    window.background_sync.every.setInterval(200)  # the minute, shortened
    window.background_sync.every.start()

    def listed() -> set[str]:
        model = units.model
        return {
            str(model.index(r, c).data())
            for r in range(model.rowCount())
            for c in range(model.columnCount())
        }

    wait(lambda: any("707" in text for text in listed()))
    window.background_sync.every.stop()
    other = Database(tmp_path / "other.sqlite3")
    try:
        add_unit(other, ctx.estate_id, "7栋", "708")
        elsewhere(sync_client.run_sync, other)
    finally:
        other.close()
    units.setFocus()
    wait.do(lambda: qtbot.keyClick(units, Qt.Key.Key_F9))  # on demand, from any page
    wait(lambda: any("708" in text for text in listed()))
    # the status bar says how it stands, in words
    wait(lambda: window.status.sync.text().endswith(" · online"))
    assert window.status.sync.text().startswith(
        "0 change(s) waiting · 0 file(s) waiting · last sync "
    )
    live_server.stop()
    wait.do(window.background_sync.sync_now)
    # offline, and why in words on the bar itself, not only in its tooltip
    wait(lambda: " · offline · Cannot reach the sync server" in window.status.sync.text())
    assert "Cannot reach the sync server" in window.status.sync.toolTip()


def test_a_save_is_sent_by_itself_and_an_unreachable_server_is_retried_less_and_less(
    qtbot, page, ctx, wait, sqlite_server
):
    enrol_through_form(
        qtbot, wait, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id])
    )
    bg = page.background
    bg.after_save.setInterval(50)
    bg.first_retry_ms = 50
    bg.start()
    add_unit(ctx.db, ctx.estate_id, "8栋", "801")  # a save: sent after a pause, no click
    wait(lambda: page.waiting_label.text() == "None: everything is on the server")
    assert page.outcome_label.text() == "Finished"

    sqlite_server.stop()
    wait.do(bg.sync_now)
    wait(lambda: bg.retry_ms >= 200)  # 50, 100, 200 ms: tried again, each pause longer
    assert bg.online is False and page.online_label.text() == "Offline"
    sqlite_server.start()
    wait(lambda: bg.online is True)  # back by itself once the server answers
    assert bg.retry_ms == 0


def test_the_toolbar_fits_at_1280_in_chinese(ctx, qtbot, wait):
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
        window.background_sync.stop()
        page = window.show_page("sync")
        wait(lambda: page.stack.currentWidget() is page.status_view)
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
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            happened.append("cancelled")
            raise

    def clerk():
        start(long_sync())
        box = QMessageBox(window)

        def answer():
            if happened:  # the task has run its first step: the clerk answers
                box.accept()
            else:
                QTimer.singleShot(10, answer)

        QTimer.singleShot(0, answer)
        box.exec()  # a modal dialog's own loop while the task is under way
        happened.append("dialog closed")
        QTimer.singleShot(0, window.close)

    QTimer.singleShot(0, clerk)
    assert run_event_loop(app) == 0
    assert happened == ["worker thread answered", "dialog closed", "cancelled"]
    with pytest.raises(RuntimeError):
        asyncio.get_running_loop()


def test_a_wrong_clock_is_told_in_chinese_with_chinese_units(app):
    from PySide6.QtCore import QLocale

    from ui.i18n import install_translators
    from ui.sync_page.labels import describe_sync

    problem = sync_client.clock_problem(-(26 * 3600 + 5) * 1000)  # a day and 2 hours ahead
    locale = QLocale()
    assert describe_sync(problem).startswith("This computer's clock is 1 d 2 h ahead")
    translators = install_translators(app, "zh_CN")
    try:
        shown = describe_sync(problem)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
    assert "快 1 天 2 小时" in shown
    assert " d " not in shown and " h" not in shown


def test_cancel_waits_for_the_page_being_written(
    qtbot, page, ctx, wait, sqlite_server, tmp_path, monkeypatch
):
    enrol_through_form(
        qtbot, wait, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id])
    )
    other = other_desk(sqlite_server, tmp_path, ctx.estate_id)
    try:
        add_unit(other, ctx.estate_id, "5栋", "501")
        elsewhere(sync_client.run_sync, other)
    finally:
        other.close()
    started, go = threading.Event(), threading.Event()
    apply_page = pull_module.Pull._apply_page

    def held(self, *args):
        started.set()
        assert go.wait(WAIT_S)
        return apply_page(self, *args)

    monkeypatch.setattr(pull_module.Pull, "_apply_page", held)
    wait.do(page.sync_action.trigger)
    wait(started.is_set)
    wait.do(page.cancel_action.trigger)
    # the page's transaction is still being written: no outcome, no second sync yet
    assert page.background.running() and not page.sync_action.isEnabled()
    go.set()
    wait(lambda: not page.background.running())
    wait(lambda: page.result.text().startswith("Sync cancelled."))
    assert "501" in unit_rooms(ctx.db)  # the page and its cursor landed together
    with ctx.db.session() as s:
        assert int(get_state(s, sync_client.CURSOR)) > 0
    assert page.sync_action.isEnabled()


def test_a_database_busy_with_other_work_is_a_plain_sentence(qtbot, page, ctx, wait, sqlite_server):
    import sqlite3

    enrol_through_form(
        qtbot, wait, page, sqlite_server.url, issue_code(sqlite_server, [ctx.estate_id])
    )
    add_unit(ctx.db, ctx.estate_id, "6栋", "601")  # a change to push: its acknowledgement writes
    billing = sqlite3.connect(ctx.db.path, timeout=0)  # a billing run holds the write lock
    try:
        billing.execute("BEGIN IMMEDIATE")
        billing.execute("UPDATE sync_state SET value = value WHERE 0")
        sync_now(wait, page, listed=False)  # the database is too busy to note the run
    finally:
        billing.rollback()
        billing.close()
    text = page.result.text()
    assert text.startswith(
        "The database is busy (a billing run or import?); sync again in a moment."
    )
    assert "unexpected" not in text and "OperationalError" not in text
    assert page.sync_action.isEnabled()
    sync_now(wait, page)
    assert page.result.text().startswith("Sync finished: ")


def test_conflicts_kept_are_listed_before_enrolment_with_the_form_one_click_away(
    qtbot, ctx, wait, tmp_path, monkeypatch
):
    """The demo's bill conflict on a desk never enrolled: the sidebar counts it, so the
    page lists it (with who wrote each value) instead of showing only the form."""
    from datetime import UTC, datetime

    from ui.sync_page.page import SyncPage

    with ctx.db.session() as s:
        unit_id = create_unit(
            s, ctx.estate_id, UnitInput(building="3栋", entrance="1", room="1302", area_m2="80")
        ).id
        s.add(
            SyncConflict(
                table_name="units",
                row_id=unit_id,
                field="area_m2",
                kept_value="82.00",
                kept_hlc="0001772416800000-0000-other",
                lost_value="81.00",
                lost_hlc="0001772416700000-0000-mine",
                detected_at=datetime(2026, 3, 2, 2, 0, tzinfo=UTC),
                kept_by="李前台",
                kept_desk="二号前台",
            )
        )
    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "data"))
    page = SyncPage(ctx, None)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    wait(lambda: page.overview is not None and page.conflicts_model.rows)
    assert not page.overview.enrolled
    assert page.stack.currentWidget() is page.status_view
    assert page.conflicts_table.isVisible() and not page.connection.isVisible()
    model = page.conflicts_model
    assert model.index(0, 1).data() == "3栋 1单元 1302 · Area (m²)"
    assert model.index(0, 3).data().startswith("李前台 · 二号前台 · ")
    assert model.index(0, 5).data().startswith("another desk · ")  # no name kept: unknown
    assert not page.sync_action.isVisible() and page.reconnect_action.text() == (
        "Connect to a server…"
    )
    wait.do(page.reconnect_action.trigger)  # enrolling is one click away, and back
    wait(lambda: page.stack.currentWidget() is page.form)
    assert page.form.back.isVisible()
    wait.do(lambda: qtbot.mouseClick(page.form.back, Qt.MouseButton.LeftButton))
    wait(lambda: page.stack.currentWidget() is page.status_view)
