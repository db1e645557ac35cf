"""Rows open what they name, on the demo desk enrolled for two estates: a visitor-register
row opens the reception page's visitors tab at that visitor's day with them chosen; a
key-register row the keys tab (every key listed) with the key moved chosen; a work-log row
that member of staff's day in the work log. A row of the other estate says where the record
is instead of choosing something else. Aggregate reports name nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from app.domain.reception import VisitorInput
from app.services import reports_hub as hub
from app.services.reception import visitors
from tests.ui import test_reports_hub as hub_tests
from tests.ui.test_reports_hub import settle, shown

# the hub's demo desk (two estates), built once for this module
demo_file = hub_tests.demo_file
hub_page = hub_tests.hub_page

TZ = ZoneInfo("Asia/Shanghai")


def over_last_months(qtbot, page, report_id: str) -> hub.Report:
    """The report over the last three months (the demo's records and older ones)."""
    page.show_report(report_id)
    shown(qtbot, page, report_id)
    page.presets.setCurrentIndex(page.presets.findData("last_3_months"))
    page._apply_preset()
    start = page.period().start
    qtbot.waitUntil(
        lambda: (
            page.report is not None
            and page.report.report_id == report_id
            and page.report.period.start == start
            and not page.loading
        ),
        timeout=20000,
    )
    return page.report


def double_click(qtbot, view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.waitUntil(lambda: view.isVisible() and view.visualRect(index).isValid())
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def row_of(part: hub.Table, kind: str, record_id: str) -> int:
    return next(i for i, link in enumerate(part.links) if link == hub.Link(kind, record_id))


def test_a_visitor_row_opens_that_visitor_at_reception_on_their_day(hub_page, qtbot):
    window, page, ctx = hub_page
    came = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)
    visitor = visitors.check_in(
        ctx.db,
        ctx.estate_id,
        VisitorInput(name="来访甲", purpose="探亲", id_type="id_card"),
        ctx.user_id,
        came,
    )
    report = over_last_months(qtbot, page, "reception.visitors")
    part = report.parts[0]
    assert len(part.links) == len(part.rows)
    assert all(link.kind == "visitor" for link in part.links)
    row = row_of(part, "visitor", visitor.id)
    assert part.rows[row][2] == "来访甲"
    double_click(qtbot, page.views[0], row)
    assert window.current_key() == "reception"
    reception = window.pages["reception"]
    tab = reception.visitors
    qtbot.waitUntil(lambda: tab.selected_id() == visitor.id, timeout=20000)
    assert reception.tabs.currentWidget() is tab
    assert tab.day == came.astimezone(TZ).date()  # not today's list: the day they came
    assert tab.day_edit.date().toPython() == came.astimezone(TZ).date()
    chosen = tab.table.selectionModel().selectedRows()
    assert [tab.model.row_at(i.row()).name for i in chosen] == ["来访甲"]
    assert not reception.notice.isVisible()
    tab.show_day(None)  # back to today: it follows the clock again
    qtbot.waitUntil(lambda: tab.model.find(visitor.id) < 0 or tab.day is None, timeout=20000)
    assert tab.day is None and not tab.today_action.isEnabled()
    settle(ctx)


def test_a_key_register_row_opens_that_key_among_every_key(hub_page, qtbot):
    window, page, ctx = hub_page
    reception = window.page("reception")
    reception.keys.show_filter("lent")  # only keys not returned: the opened key may be back
    report = over_last_months(qtbot, page, "reception.keys")
    part = report.parts[0]
    assert part.rows and len(part.links) == len(part.rows)
    assert all(link.kind == "key" for link in part.links)
    row = len(part.rows) - 1  # the newest movement
    link = part.links[row]
    window.show_page("reports")
    double_click(qtbot, page.views[0], row)
    assert window.current_key() == "reception"
    tab = reception.keys
    qtbot.waitUntil(
        lambda: (
            [tab.model.rows[i.row()].id for i in tab.table.selectionModel().selectedRows()]
            == [link.id]
        ),
        timeout=20000,
    )
    assert reception.tabs.currentWidget() is tab
    assert tab.state_filter.currentData() == ""  # every key listed
    assert tab.chosen()[0].tag == part.rows[row][1]  # the tag the row shows
    settle(ctx)


def test_a_work_log_row_opens_that_staff_members_day(hub_page, qtbot):
    window, page, ctx = hub_page
    report = over_last_months(qtbot, page, "reception.worklogs")
    part = report.parts[0]
    assert part.rows and len(part.links) == len(part.rows)
    assert all(link.kind == "worklog" for link in part.links)
    row = next(i for i, r in enumerate(part.rows) if r[4])  # a day with notes written
    estate_id, staff_id, day = hub.parse_staff_day(part.links[row].id)
    assert (estate_id, day) == (ctx.estate_id, part.rows[row][0])
    double_click(qtbot, page.views[0], row)
    assert window.current_key() == "reception"
    reception = window.pages["reception"]
    qtbot.waitUntil(
        lambda: reception.work_log is not None and reception.work_log.page is not None,
        timeout=20000,
    )
    log = reception.work_log
    assert log.isVisible()
    assert (log.staff_id, log.day) == (staff_id, day)
    assert log.page.staff_name == part.rows[row][1]
    assert log.notes.toPlainText() == part.rows[row][4]
    assert part.rows[row][1] in log.view.toPlainText()
    log.close()
    settle(ctx)


def test_a_row_of_the_other_estate_says_where_its_record_is(hub_page, qtbot):
    window, page, ctx = hub_page
    report = over_last_months(qtbot, page, "reception.visitors")
    other = report.parts[1]
    assert other.estate_name == "海景苑" and other.links
    reception = window.page("reception")
    before = reception.visitors.selected_id()
    window.show_page("reports")
    double_click(qtbot, page.views[1], 0)
    assert window.current_key() == "reception"
    qtbot.waitUntil(lambda: reception.notice.isVisible(), timeout=20000)
    assert "海景苑" in reception.notice.text()
    assert reception.visitors.selected_id() == before  # nothing else chosen in its place
    settle(ctx)


def test_aggregate_rows_name_nothing(hub_page, qtbot):
    window, page, ctx = hub_page
    for report_id in ("complaints.weekly", "workorders.visits", "staff.kpis"):
        page.show_report(report_id)
        report = shown(qtbot, page, report_id)
        assert report.parts[0].rows and not any(report.parts[0].links), report_id
        assert page.open_row(0, 0) is False
    assert window.current_key() == "reports"
