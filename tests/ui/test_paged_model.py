"""The one paged list model and its delegates, on real operations over a real database."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QStyleOptionViewItem

from app.services.demo import fill_demo
from app.services.units import operations as units
from app.services.units.listing import UnitQuery
from ui.units.model import COLUMNS
from ui.widgets.paged_model import PagedModel


class Deferred:
    """A loader that holds each read until the test runs it (a read in flight)."""

    def __init__(self) -> None:
        self.pending = []

    def __call__(self, work, done, failed) -> None:
        self.pending.append((work, done))

    def run_all(self) -> None:
        while self.pending:
            work, done = self.pending.pop(0)
            done(work())


@pytest.fixture
def estate_of_450(db, estate_id):
    with db.session() as s:
        fill_demo(s, estate_id, units=450, seed=5)
    return estate_id


def model_for(db, estate_id, loader, qtbot):
    model = PagedModel(
        COLUMNS,
        lambda q: units.count_list(db, q),
        lambda q, o, n: units.read_list(db, q, o, n),
        loader=loader,
        page_size=100,
    )
    model.set_query(UnitQuery(estate_id=estate_id))
    loader.run_all()
    return model


def ids(model):
    return [r.id for r in model.rows]


def test_rows_deleted_while_a_page_is_fetched(db, estate_of_450, app, qtbot):
    loader = Deferred()
    model = model_for(db, estate_of_450, loader, qtbot)
    assert (model.total, model.rowCount()) == (450, 100)
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # asked twice while in flight: one read only
    assert len(loader.pending) == 1
    shown = ids(model)
    # meanwhile another desk deletes 30 units shown and every unit after the 150th
    everything = units.read_list(db, UnitQuery(estate_id=estate_of_450), 0, 450)
    for row in everything[:30] + everything[150:]:
        units.remove_unit(db, row.id)
    loader.run_all()

    assert ids(model)[:100] == shown  # what was shown stays until the next reload
    assert len(set(ids(model))) == model.rowCount()  # no row twice
    assert model.total == model.rowCount()  # the short page ended the list
    assert not model.canFetchMore(QModelIndex())

    model.reload()
    loader.run_all()
    left = [r.id for r in everything[30:150]]
    assert ids(model) == left and model.total == 120


def test_rows_deleted_between_the_count_and_the_first_page(db, estate_of_450, app, qtbot):
    calls = []

    def count_then_delete(query):
        total = units.count_list(db, query)
        if not calls:  # another desk deletes all but 40 units right after the count
            for row in units.read_list(db, query, 40, 450):
                units.remove_unit(db, row.id)
        calls.append(total)
        return total

    model = PagedModel(
        COLUMNS,
        count_then_delete,
        lambda q, o, n: units.read_list(db, q, o, n),
        page_size=100,
    )
    with qtbot.waitSignal(model.loaded):
        model.set_query(UnitQuery(estate_id=estate_of_450))
    assert calls == [450]
    assert model.rowCount() == 40 and model.total == 40
    assert not model.canFetchMore(QModelIndex())


def test_an_older_querys_page_arriving_late_is_dropped(db, estate_of_450, app, qtbot):
    loader = Deferred()
    model = model_for(db, estate_of_450, loader, qtbot)
    model.fetchMore(QModelIndex())
    model.set_query(UnitQuery(estate_id=estate_of_450, text="zzz-no-such-unit"))
    loader.run_all()  # the fetch of the old query finishes after the new query
    assert model.rowCount() == 0 and model.total == 0


def test_the_paged_model_on_the_runner_delivers_on_the_ui_thread(ctx, db, qtbot):
    from ui.units.model import unit_list_model

    with db.session() as s:
        fill_demo(s, ctx.estate_id, units=250, seed=2)
    model = unit_list_model(ctx, None)
    with qtbot.waitSignal(model.loaded):
        model.set_query(UnitQuery(estate_id=ctx.estate_id))
    assert model.total == 250 and model.rowCount() == 200
    with qtbot.waitSignal(model.fetched):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 250 and not model.canFetchMore(QModelIndex())


def test_money_and_date_delegates(app):
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from ui.widgets.delegates import NEGATIVE, DateDelegate, MoneyDelegate

    money = MoneyDelegate()
    assert money.displayText(Decimal("1234.5"), QLocale()) == "¥1,234.50"
    assert money.displayText(Decimal("-20"), QLocale()) == "-¥20.00"
    dates = DateDelegate()
    assert dates.displayText(date(2026, 3, 1), QLocale()) == "2026-03-01"
    assert dates.displayText(datetime(2026, 3, 1, 16, 5, tzinfo=UTC), QLocale()) == (
        "2026-03-02 00:05"
    )
    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(Decimal("-20"), 0)
    model.appendRow(item)
    option = QStyleOptionViewItem()
    money.initStyleOption(option, model.index(0, 0))
    assert option.palette.color(option.palette.ColorRole.Text) == NEGATIVE
