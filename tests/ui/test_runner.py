"""The background runner: work off the UI thread, the result or the error back on it,
progress after 300 ms, cancel between steps, errors in the user's language."""

import threading

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from app.domain.errors import Cancelled, DomainError
from ui import messages
from ui.widgets.ops import Runner

WAIT_MS = 5000


@pytest.fixture
def runner(app):
    r = Runner()
    yield r
    r.shutdown()


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_work_runs_off_the_ui_thread_and_the_result_comes_back_on_it(qtbot, runner, parent):
    seen = {}
    ui_thread = threading.current_thread()

    def work(_progress):
        seen["worker"] = threading.current_thread()
        return 42

    runner.query(parent, work).success(
        lambda r: seen.update(result=r, on=threading.current_thread())
    ).run()
    qtbot.waitUntil(lambda: "result" in seen, timeout=WAIT_MS)
    assert seen["worker"] is not ui_thread
    assert seen["on"] is ui_thread
    assert seen["result"] == 42


def test_writes_run_one_at_a_time_in_order(qtbot, runner, parent):
    order = []
    release = threading.Event()

    def first(_p):
        release.wait(5)
        order.append("first")

    runner.write(parent, first).run()
    runner.write(parent, lambda _p: order.append("second")).run()
    release.set()
    qtbot.waitUntil(lambda: runner.running() == 0, timeout=WAIT_MS)
    assert order == ["first", "second"]


def test_a_domain_error_reaches_failure_with_its_code(qtbot, runner, parent):
    errors = []

    def work(_p):
        raise DomainError("operation.cancelled")

    runner.query(parent, work).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert errors[0].code == "operation.cancelled"
    assert messages.describe(errors[0], "zh_CN") == "已取消，未做任何更改。"


def test_progress_shows_after_300_ms_and_cancel_stops_between_steps(qtbot, runner, parent):
    started = threading.Event()
    steps = []
    outcome = []

    def work(progress):
        for i in range(1000):
            progress.step(i, 1000)
            steps.append(i)
            started.set()
            threading.Event().wait(0.01)
        return "finished"

    op = runner.write(parent, work).with_progress("Issuing bills…", cancellable=True)
    op.success(outcome.append).failure(outcome.append).run()
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    assert op._dialog is None  # not before 300 ms

    def dialog():
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()
            ),
            None,
        )

    qtbot.waitUntil(lambda: dialog() is not None, timeout=WAIT_MS)
    dialog().findChild(QPushButton).click()  # the user presses Cancel
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    assert isinstance(outcome[0], Cancelled)
    assert len(steps) < 1000
    assert dialog() is None


def test_an_unexpected_error_is_shown_in_words_not_a_traceback(qtbot, runner, parent, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "ui.widgets.ops.QMessageBox.warning", lambda _p, _t, text: shown.append(text)
    )

    def work(_p):
        raise ZeroDivisionError("division by zero")

    runner.query(parent, work).run()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert "ZeroDivisionError" in shown[0] and "Traceback" not in shown[0]
    assert "Nothing was changed" in shown[0]


def test_a_result_for_a_closed_screen_is_dropped(qtbot, runner):
    parent = QWidget()
    release = threading.Event()
    got = []
    runner.query(parent, lambda _p: release.wait(5)).success(got.append).run()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=WAIT_MS)
    release.set()
    qtbot.waitUntil(lambda: runner.running() == 0, timeout=WAIT_MS)
    assert got == []


def _alive(widget):
    import shiboken6

    return shiboken6.isValid(widget)


def test_work_asked_for_after_the_runner_shut_down_starts_nothing(qtbot, parent):
    """A window's delayed refresh (a timer after its first paint) fired once its runner
    was shut down, and the executor's "cannot schedule new futures after shutdown" came
    out of the Qt event loop."""
    runner = Runner()
    runner.shutdown()
    ran = []
    runner.query(parent, lambda _p: ran.append("read")).run()
    runner.write(parent, lambda _p: ran.append("write")).run()
    assert ran == [] and runner.running() == 0
