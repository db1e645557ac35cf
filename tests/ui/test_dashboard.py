"""The home dashboard on a demo estate: the first page after log-in; each number, pressed,
opens its list filtered on its desk, and that list shows exactly that many rows; the
numbers follow commits and the clock."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.clock import ManualClock
from app.services import dashboard as ops
from app.services.reception import register
from app.store.db import Database


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from app.services.accounts import create_staff
    from app.services.demo import fill_demo
    from app.services.units import create_estate

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database(path)
    with db.session() as s:
        estate = create_estate(s, "阳光花园").id
        user = create_staff(
            s,
            login="director",
            display_name="刘主任",
            role="director",
            password="Desk-2026-strong",
            estate_ids=[estate],
        ).id
    with db.session() as s:
        fill_demo(s, estate, units=400, seed=7)
    db.close()
    return path, estate, user


@pytest.fixture
def desk(demo_file, tmp_path, app):
    """(window, ctx, clock) logged in as the estate's director (every tile and the fees)."""
    from ui.context import AppContext
    from ui.main_window import MainWindow

    path, estate, user_id = demo_file
    shutil.copy(path, tmp_path / "demo.sqlite3")
    db = Database(tmp_path / "demo.sqlite3")
    clock = ManualClock(datetime.now(UTC))
    ctx = AppContext(
        db=db,
        user_id=user_id,
        user_login="director",
        user_name="刘主任",
        role="director",
        estate_id=estate,
        estate_name="阳光花园",
        estate_ids=[estate],
        clock=clock,
    )
    window = MainWindow(ctx)
    window.remember = False
    window.resize(1280, 800)
    yield window, ctx, clock
    window.close()
    settle_runner(ctx)
    db.close()


def settle_runner(ctx) -> None:
    from ui.widgets.ops import wait_all

    for _ in range(3):  # deferred loads (singleShot(0)) start more reads
        QApplication.processEvents()
        wait_all(ctx.runner)


def shown_rows(window, ctx, qtbot, tile: str) -> int:
    """The rows the list opened by ``tile`` shows, once it has read them."""
    from ui.dashboard.page import TARGETS

    key, name = TARGETS[tile]
    assert window.current_key() == key
    page = window.pages[key]
    settle_runner(ctx)
    if key == "complaints":
        qtbot.waitUntil(page.list_settled)
        assert page.deadline.currentData() == name and not page.model.more
        return page.model.total
    if key == "reception":
        view, _, which = name.partition(":")
        tab = page.tab(view)
        assert page.tabs.currentWidget() is tab
        if view == "register":
            assert tab.view.currentData() == which
        elif view == "workorders":
            assert tab.filter.currentData() == which
        else:
            assert tab.state_filter.currentData() == which
        return tab.model.rowCount()
    if key == "inspections":
        if name == "due:now":
            assert page.tabs.currentWidget() is page.due and page.due.due_now.isChecked()
            return page.due.table.rowCount()
        assert page.tabs.currentWidget() is page.actions and page.actions.overdue_only.isChecked()
        return page.actions.table.rowCount()
    if name == "arrears":
        return page.arrears.model.rowCount()
    raise AssertionError(tile)


def test_dashboard_is_the_first_page_and_each_number_opens_a_list_of_that_many(desk, qtbot):
    window, ctx, _clock = desk
    assert window.start_page() == "dashboard"
    dash = window.show_page(window.start_page())
    window.show()
    qtbot.waitUntil(lambda: dash.data is not None and dash.data.finance is not None, timeout=10000)
    numbers = dict(dash.data.counts)
    assert set(numbers) == set(ops.TILES)
    assert sum(numbers.values()) > 0
    for tile, number in numbers.items():
        assert dash.tiles[tile].number.text() == f"{number:,}"
        window.show_page("dashboard")
        qtbot.mouseClick(dash.tiles[tile], Qt.MouseButton.LeftButton)
        assert shown_rows(window, ctx, qtbot, tile) == number, tile
    # finance (the director sees the fee figures): the arrears tile opens the arrears
    finance = dash.data.finance
    assert finance is not None and finance.debtors > 0
    window.show_page("dashboard")
    dash.tiles["fees.arrears"].click()
    assert shown_rows(window, ctx, qtbot, "fees.arrears") == finance.debtors
    window.show_page("dashboard")
    dash.tiles["fees.collection"].click()
    fees = window.pages["fees"]
    assert fees.tabs.currentWidget() is fees.collection
    qtbot.waitUntil(lambda: bool(getattr(fees.collection, "points", None)), timeout=10000)
    assert fees.collection.points[-1].rate == finance.rate


def test_numbers_follow_a_commit_and_the_clock(desk, qtbot):
    window, ctx, clock = desk
    dash = window.show_page("dashboard")
    window.show()
    qtbot.waitUntil(lambda: dash.data is not None, timeout=10000)
    mine = dash.number(ops.MY_OPEN_ITEMS)
    item = register.open_items(ctx.db, ctx.estate_id, ctx.user_id)[0]
    register.close_item(ctx.db, item.id, ctx.user_id, "已电话答复", clock.now())
    qtbot.waitUntil(lambda: dash.number(ops.MY_OPEN_ITEMS) == mine - 1, timeout=10000)
    overdue = dash.number(ops.COMPLAINTS_OVERDUE)
    later = clock.advance(timedelta(days=2))
    expected = ops.read_dashboard(ctx.db, ctx.estate_id, ctx.user_id, ctx.role, later).counts
    assert expected[ops.COMPLAINTS_OVERDUE] != overdue  # deadlines passed in two days
    ctx.ticker.tick()
    qtbot.waitUntil(lambda: dash.data.at == later, timeout=10000)
    assert dash.data.counts == expected
