"""The reports hub on a demo desk enrolled for two estates: every report renders for both
side by side with its chart, exports XLSX (formula-like text neutralised), saves a PDF;
an arrears row opens that unit at the cashier's counter."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import reports_hub as hub
from app.store.db import Database


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from app.services.accounts import create_staff
    from app.services.demo import fill_demo
    from app.services.units import create_estate

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database(path)
    with db.session() as s:
        first = create_estate(s, "阳光花园").id
        second = create_estate(s, "海景苑").id
        create_staff(
            s,
            login="office",
            display_name="总部统计",
            role="admin",
            password="Desk-2026-strong",
            estate_ids=[first, second],
        )
    with db.session() as s:
        fill_demo(s, first, units=300, seed=7)
    with db.session() as s:
        fill_demo(s, second, units=120, seed=8)
    db.close()
    return path, first, second


@pytest.fixture
def hub_page(demo_file, tmp_path, app):
    from app.services.accounts import first_admin
    from ui.main_window import MainWindow
    from ui.shell.signin import context_for

    path, first, second = demo_file
    shutil.copy(path, tmp_path / "demo.sqlite3")
    db = Database(tmp_path / "demo.sqlite3")
    ctx = context_for(db, first_admin(db), first)
    assert set(ctx.estate_ids) == {first, second}
    window = MainWindow(ctx)
    window.remember = False
    window.resize(1280, 800)
    page = window.show_page("reports")
    window.show()
    yield window, page, ctx
    window.close()
    settle(ctx)
    db.close()


def settle(ctx) -> None:
    from ui.widgets.ops import wait_all

    for _ in range(3):
        QApplication.processEvents()
        wait_all(ctx.runner)


def shown(qtbot, page, report_id: str) -> hub.Report:
    qtbot.waitUntil(
        lambda: (
            page.report is not None
            and page.report.report_id == report_id
            and not page.loading
            and len(page.report.parts) == 2
        ),
        timeout=20000,
    )
    return page.report


def test_every_report_renders_for_both_estates_side_by_side_and_exports_xlsx(
    hub_page, qtbot, tmp_path
):
    window, page, ctx = hub_page
    for spec in hub.catalogue():
        page.show_report(spec.id)
        report = shown(qtbot, page, spec.id)
        assert [p.estate_name for p in report.parts] == ["阳光花园", "海景苑"]
        assert len(page.views) == 2
        for view, part in zip(page.views, report.parts, strict=True):
            assert view.model().rowCount() == len(part.rows)
            assert view.model().columnCount() == len(part.columns)
            assert view.isVisibleTo(window)
        assert report.parts[0].rows, spec.id
        assert page.chart.series(), spec.id  # the chart has its bars
        target = tmp_path / f"{spec.id}.xlsx"
        with qtbot.waitSignal(page.exported, timeout=20000):
            page.export_xlsx(str(target))
        book = load_workbook(target)
        assert book.sheetnames == ["阳光花园", "海景苑"]
        sheet = book["阳光花园"]
        header = [c.value for c in sheet[4]]
        assert header == [
            page.views[0].model().headerData(i, Qt.Orientation.Horizontal)
            for i in range(len(header))
        ]
        assert sheet.max_row == 4 + len(report.parts[0].rows)


def test_formula_like_text_is_written_as_text(hub_page, qtbot, tmp_path):
    from app.domain.reception import VisitorInput
    from app.services.reception import visitors

    window, page, ctx = hub_page
    visitors.check_in(
        ctx.db,
        ctx.estate_id,
        VisitorInput(name="=HYPERLINK(1)", purpose="+1 探亲", id_type="passport"),
        ctx.user_id,
        datetime.now(UTC),
    )
    page.show_report("reception.visitors")
    report = shown(qtbot, page, "reception.visitors")
    assert any(row[2] == "=HYPERLINK(1)" for row in report.parts[0].rows)
    target = tmp_path / "visitors.xlsx"
    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export_xlsx(str(target))
    values = [c.value for row in load_workbook(target)["阳光花园"].iter_rows() for c in row]
    assert "'=HYPERLINK(1)" in values and "'+1 探亲" in values
    assert "=HYPERLINK(1)" not in values
    pdf = page.save_pdf(str(tmp_path / "visitors.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_an_arrears_row_opens_that_unit_at_the_cashiers_counter(hub_page, qtbot):
    window, page, ctx = hub_page
    page.show_report("fees.arrears")
    report = shown(qtbot, page, "fees.arrears")
    link = report.parts[0].links[2]
    view = page.views[0]
    qtbot.waitUntil(
        lambda: view.isVisible() and view.visualRect(view.model().index(2, 0)).isValid()
    )
    rect = view.visualRect(view.model().index(2, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key() == "fees"
    fees = window.pages["fees"]
    assert fees.tabs.currentWidget() is fees.counter
    assert fees.counter.unit_id == link.id
    settle(ctx)
