"""The window locks after the idle time set, and only the same user's password opens it;
the log-in lockout applies there too."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services import accounts


def test_idle_window_locks_and_only_the_password_opens_it(qtbot, ctx, db):
    from ui.shell.screen_lock import IdleLock

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(ctx, window, interval_ms=50)
    qtbot.waitUntil(lambda: lock.dialog is not None and lock.dialog.isVisible())
    dialog = lock.dialog
    dialog.password.setText("wrong password")
    dialog.submit()
    assert lock.dialog is dialog and dialog.isVisible()
    assert dialog.error.text()
    dialog.reject()  # Esc
    assert dialog.isVisible()
    dialog.password.setText("correct horse")
    dialog.submit()
    qtbot.waitUntil(lambda: lock.dialog is None)
    assert not dialog.isVisible()
    assert lock.timer.isActive()  # watching again


def test_the_idle_minutes_are_a_setting_and_zero_means_never(qtbot, ctx, db):
    from ui.shell.screen_lock import IdleLock

    assert accounts.screen_lock_minutes(db) == accounts.DEFAULT_SCREEN_LOCK_MINUTES
    accounts.set_screen_lock_minutes(db, 0)
    window = QWidget()
    qtbot.addWidget(window)
    lock = IdleLock(ctx, window)
    assert not lock.timer.isActive()
    accounts.set_screen_lock_minutes(db, 3)
    assert IdleLock(ctx, window).timer.interval() == 3 * 60_000


def test_repeated_failures_lock_the_login_for_the_set_minutes(db, admin):
    from datetime import UTC, datetime, timedelta

    import pytest

    from app.domain.errors import DomainError

    accounts.set_lockout_settings(db, 3, 10)
    now = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    for _ in range(3):
        assert accounts.log_in(db, "admin", "nope-nope", now=now) is None
    with pytest.raises(DomainError) as locked:
        accounts.log_in(db, "admin", "correct horse", now=now + timedelta(minutes=1))
    assert locked.value == DomainError("account.locked", minutes=9)
    # offline and local: after the minutes the right password works again
    assert accounts.log_in(db, "admin", "correct horse", now=now + timedelta(minutes=11))
    assert db.actor == admin.id
