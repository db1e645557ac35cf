"""The opening balances dialog (期初余额) of the fees page: every row and every problem of
the file in the preview, Import only for a clean file and only for finance.

Issue 11: "An estate starting with PropDesk imports each unit's existing arrears,
prepayments and deposits from XLSX (preview, all or nothing)."
"""

from datetime import date

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QDate, Qt
from sqlalchemy import func, select

from app.services.accounts import create_staff
from app.store.opening_models import OpeningEntry
from tests.app.test_fee_services import make_unit
from tests.ui.conftest import type_text

HEADER = ["房屋编号", "期初欠费", "欠费项目", "欠费账期", "期初预收", "期初押金", "押金类别"]


def xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return str(path)


@pytest.fixture
def staff(db, estate_id):
    with db.session() as s:
        make_unit(s, estate_id, "1302", "100.00")
        make_unit(s, estate_id, "1303", "100.00")
        return {
            role: create_staff(
                s,
                login=role,
                display_name=role,
                role=role,
                password="s3cret-pass",
                estate_ids=[estate_id],
            )
            for role in ("finance_lead", "cashier")
        }


def context(db, user, estate_id):
    from ui.shell.signin import context_for

    db.actor = user.id
    return context_for(db, user, estate_id)


def dialog_for(qtbot, ctx):
    from ui.fees.opening_dialog import OpeningBalancesDialog

    dialog = OpeningBalancesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.as_of.setDate(QDate(2026, 12, 1))
    dialog.show()
    return dialog


def cells(dialog, row):
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def test_the_preview_lists_every_row_and_imports_only_a_clean_file(
    qtbot, app, db, estate_id, staff, tmp_path
):
    ctx = context(db, staff["finance_lead"], estate_id)
    dialog = dialog_for(qtbot, ctx)
    bad = xlsx(
        tmp_path / "bad.xlsx",
        [
            ["3-1-1302", "380.00", "物业管理服务费", "2026-09", "", "500", "装修押金"],
            ["3-1-9999", "10.00", "", "", "", "", ""],
            ["3-1-1303", "", "", "", "100.005", "", ""],
        ],
    )
    type_text(qtbot, dialog.path, bad)
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # read on the runner
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy)
    assert dialog.table.rowCount() == 3  # every row, good ones too
    assert cells(dialog, 0)[1] == "3-1-1302" and cells(dialog, 0)[-1] == "OK"
    assert "No unit 3-1-9999" in cells(dialog, 1)[-1]
    assert "at most two decimals" in cells(dialog, 2)[-1]
    assert dialog.summary.text().startswith("2 problems")
    assert not dialog.import_button.isEnabled()

    good = xlsx(
        tmp_path / "good.xlsx",
        [
            ["3-1-1302", "380.00", "物业管理服务费", "2026-09", "", "500", "装修押金"],
            ["3-1-1303", "", "", "", "600", "", ""],
        ],
    )
    dialog.path.setText(good)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.import_button.isEnabled())
    assert "arrears ¥380.00, prepayments ¥600.00, deposits ¥500.00" in dialog.summary.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert dialog.summary.text() == "Imported 3 opening entries of 2 units"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(OpeningEntry)) == 3
        assert s.scalar(select(func.sum(OpeningEntry.amount))) is not None
    # a second import is told before anything else, and refused
    dialog.load()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy)
    assert "were imported on" in cells(dialog, 0)[-1] and not dialog.import_button.isEnabled()


def test_a_cashier_sees_the_entry_disabled_with_the_reason(qtbot, app, db, estate_id, staff):
    from ui.fees.page import FeesPage

    ctx = context(db, staff["cashier"], estate_id)
    page = FeesPage(ctx)
    qtbot.addWidget(page)
    assert not page.opening_button.isEnabled()
    assert "Import opening balances" in page.opening_button.toolTip()
    lead = FeesPage(context(db, staff["finance_lead"], estate_id))
    qtbot.addWidget(lead)
    assert lead.opening_button.isEnabled()
    dialog = lead.open_opening_balances()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.allowed


def test_the_counter_labels_opening_arrears(app):
    from ui.fees.labels import word
    from ui.messages import message

    assert word("opening_arrears") == "Opening arrears"
    assert message("opening.kind.arrears", lang="zh_CN") == "期初欠费"


def test_the_units_deposits_list_the_opening_deposit_labelled(
    qtbot, app, db, estate_id, staff, tmp_path
):
    from app.services.fees.opening_import import import_opening_balances, preview_opening_file
    from ui.fees.unit_dialogs import DepositsDialog

    path = xlsx(tmp_path / "o.xlsx", [["3-1-1302", "", "", "", "", "500", "装修押金"]])
    preview = preview_opening_file(db, estate_id, path, date(2026, 12, 1))
    import_opening_balances(db, estate_id, preview, "finance")
    unit_id = preview.drafts[0].unit_id
    dialog = DepositsDialog(context(db, staff["finance_lead"], estate_id), unit_id)
    qtbot.addWidget(dialog)
    texts = [dialog.model.data(dialog.model.index(0, c)) for c in range(4)]
    assert texts[:2] == ["Opening deposit", "Renovation deposit"]


def test_the_arrears_tab_shows_opening_arrears_once_imported(
    qtbot, app, db, estate_id, staff, tmp_path
):
    from app.services.fees.opening_import import import_opening_balances, preview_opening_file
    from ui.fees.arrears import ArrearsTab

    ctx = context(db, staff["finance_lead"], estate_id)
    tab = ArrearsTab(ctx)
    qtbot.addWidget(tab)
    tab.as_of.setDate(QDate(2026, 12, 1))
    tab.show()
    qtbot.waitUntil(lambda: not tab.loading)
    assert tab.model.rowCount() == 0
    path = xlsx(tmp_path / "o.xlsx", [["3-1-1302", "380.00", "", "2026-09", "", "", ""]])
    preview = preview_opening_file(db, estate_id, path, date(2026, 12, 1))
    import_opening_balances(db, estate_id, preview, "finance")  # a commit: the tab hears it
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
