"""Opening balances (期初余额) on a real SQLite database: the file checked row by row, all or
nothing, written as opening entries (never bills, never payments), counted by balances,
ageing, credit and deposits, left out of the collection rate, imported once.

Issue 11: "An estate starting with PropDesk imports each unit's existing arrears,
prepayments and deposits from XLSX (preview, all or nothing). They are recorded as
opening entries, never as invented bills."
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.domain.errors import DomainError
from app.services.fees import account, billing_run, counter, reports
from app.services.fees import schedule as fee_schedule
from app.services.fees.opening import write_template
from app.services.fees.opening_import import (
    import_opening_balances,
    opening_lines,
    preview_opening_file,
    previous_import,
)
from app.services.importer import ImportRefused
from app.store.audit_models import AuditEntry
from app.store.fee_models import BillLine, Payment
from app.store.opening_models import OpeningEntry
from tests.app.test_fee_services import make_unit

D = Decimal
AS_OF = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@pytest.fixture
def estate(db, estate_id):
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        a = make_unit(s, estate_id, "1302", "100.00")  # 3-1-1302
        b = make_unit(s, estate_id, "1303", "100.00")
        c = make_unit(s, estate_id, "801", "80.00", building="5栋", entrance="2")
    return estate_id, a.id, b.id, c.id


def xlsx(
    path,
    rows,
    header=("房屋编号", "期初欠费", "欠费项目", "欠费账期", "期初预收", "期初押金", "押金类别"),
):
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


GOOD = [
    ("3-1-1302", "380.00", "物业管理服务费", "2026-09", "", "500.00", "装修押金"),
    ("3栋1单元1303", "", "", "", "600.00", "", ""),
    ("5-2-801", 120.5, "", "", "", "", ""),  # an Excel number, no month stated
]


def codes(preview):
    return [(e.line, e.error.code) for e in preview.errors]


def test_the_preview_lists_every_row_and_every_problem(db, estate, tmp_path):
    estate_id = estate[0]
    path = xlsx(
        tmp_path / "opening.xlsx",
        [
            *GOOD,
            ("9-9-999", "10.00", "", "", "", "", ""),  # no such unit
            ("3-1-1302", "", "", "", "100.005", "", ""),  # a third decimal
            ("5-2-801", "", "", "", "-50.00", "", ""),  # negative
            ("3-1-1302", "1.00", "物业管理服务费", "2026-09", "", "", ""),  # the same again
            ("3-1-1303", "", "", "", "", "20.00", ""),  # a deposit of no kind
        ],
    )
    preview = preview_opening_file(db, estate_id, path, AS_OF)
    assert len(preview.rows) == 8 and not preview.ok
    assert codes(preview) == [
        (5, "opening.unit.unknown"),
        (6, "amount.too_many_decimals"),
        (7, "opening.amount.negative"),
        (8, "opening.row.duplicate"),
        (9, "opening.deposit.kind_unknown"),
    ]
    assert preview.errors[3].error.params == {"line": 2}
    with pytest.raises(ImportRefused):
        import_opening_balances(db, estate_id, preview, "finance", NOW)
    with db.session() as s:  # nothing written: all or nothing
        assert s.scalar(select(func.count()).select_from(OpeningEntry)) == 0


def test_opening_entries_count_in_balances_ageing_credit_and_deposits_not_in_collection(
    db, estate, tmp_path
):
    estate_id, a, b, c = estate
    preview = preview_opening_file(db, estate_id, xlsx(tmp_path / "o.xlsx", GOOD), AS_OF)
    assert preview.ok, codes(preview)
    result = import_opening_balances(db, estate_id, preview, "finance", NOW)
    assert (result.entries, result.units) == (4, 3)
    assert (result.arrears, result.prepayments, result.deposits) == (
        D("500.50"),
        D("600.00"),
        D("500.00"),
    )
    with db.session() as s:
        # never invented bills, never fake payments
        assert s.scalar(select(func.count()).select_from(BillLine)) == 0
        assert s.scalar(select(func.count()).select_from(Payment)) == 0
    # balances: arrears owed, a prepayment is credit
    assert account.unit_account(db, a).balance == D("380.00")
    assert account.unit_account(db, b).balance == D("-600.00")
    assert account.unit_account(db, c).balance == D("120.50")
    kinds = {(ln.kind, ln.fee_code, ln.period, ln.amount) for ln in opening_lines(db, a)}
    assert kinds == {
        ("arrears", "mgmt_residential", "2026-09", D("380.00")),
        ("deposit", "deposit_renovation", "", D("500.00")),
    }
    # ageing: September's arrears fell due on 2026-09-05, so 31-90 days on 2026-12-01;
    # arrears of no stated month are overdue from the opening day
    rows = {r.unit_id: r for r in reports.arrears(db, estate_id, AS_OF)}
    assert rows[a].buckets["31-90"] == D("380.00") and rows[a].overdue == D("380.00")
    assert rows[c].buckets["0-30"] == D("120.50")
    assert b not in rows
    # December is billed: the prepayment pays it at read time; the arrears come first
    # for a payment of the first unit
    billing_run.run_billing(db, estate_id, "2026-12", "finance", now=NOW)
    assert account.unit_account(db, b).balance == D("-410.00")  # 600 - 190
    assert account.account_lines(db, b) == []
    counter.take_payment(db, a, "380.00", "cash", "", "cashier", now=NOW)
    open_a = account.account_lines(db, a)
    assert [ln.open_amount for ln in open_a] == [D("190.00")]  # the arrears were paid first
    # the collection rate of December counts December's bills only
    point = reports.collection(db, estate_id, "2026-12", 1)[-1]
    assert point.receivable == D("190.00") + D("190.00") + D("152.00")
    assert point.collected == D("190.00")  # unit b's, by its prepayment


def test_importing_twice_is_refused_and_only_finance_may_import(db, estate, tmp_path):
    from app.services.accounts import create_staff

    estate_id = estate[0]
    with db.session() as s:
        cashier, lead = (
            create_staff(
                s,
                login=role,
                display_name=role,
                role=role,
                password="s3cret-pass",
                estate_ids=[estate_id],
            ).id
            for role in ("cashier", "finance_lead")
        )
    path = xlsx(tmp_path / "o.xlsx", GOOD)
    preview = preview_opening_file(db, estate_id, path, AS_OF)
    db.actor = cashier
    with pytest.raises(DomainError) as refused:
        import_opening_balances(db, estate_id, preview, "收银员", NOW)
    assert refused.value.code == "permission.denied"
    db.actor = lead
    import_opening_balances(db, estate_id, preview, "finance", NOW)
    with pytest.raises(DomainError) as twice:
        import_opening_balances(db, estate_id, preview, "finance", NOW)
    assert twice.value.code == "opening.already_imported"
    again = preview_opening_file(db, estate_id, path, AS_OF)
    assert codes(again)[0] == (0, "opening.already_imported") and not again.ok
    assert previous_import(db, estate_id).entries == 4
    with db.session() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert actions.count("fees.opening_import") == 4
    assert actions.count("fees.opening_import_file") == 1


def test_building_entrance_room_columns_csv_and_the_template(db, estate, tmp_path):
    estate_id, a, _b, c = estate
    path = tmp_path / "o.csv"
    path.write_bytes(
        "楼栋,单元,房号,期初欠费\n3,1,1302,10.00\n5栋,2单元,801室,0\n".encode("gb18030")
    )
    preview = preview_opening_file(db, estate_id, path, AS_OF)
    assert preview.ok and preview.encoding == "gb18030"
    assert [(d.unit_id, d.amount) for d in preview.drafts] == [(a, D("10.00"))]
    template = tmp_path / "template.xlsx"
    write_template(template)
    read = preview_opening_file(db, estate_id, template, AS_OF)
    assert read.ok and [d.kind for d in read.drafts] == ["arrears", "deposit"]


def test_an_opening_deposit_is_held_and_refunded_against_its_entry(db, estate, tmp_path):
    from app.services.fees import deposits

    estate_id, a, _b, _c = estate
    preview = preview_opening_file(db, estate_id, xlsx(tmp_path / "o.xlsx", GOOD), AS_OF)
    import_opening_balances(db, estate_id, preview, "finance", NOW)
    [held] = deposits.deposits_of(db, a)
    assert (held.opening, held.fee_code, held.held, held.receipt_no) == (
        True,
        "deposit_renovation",
        D("500.00"),
        "",
    )
    refund = deposits.refund_deposit(db, held.id, "finance", "moved out", now=NOW)
    assert refund.amount == D("-500.00") and refund.refund_of == held.id and refund.receipt_no
    [after] = deposits.deposits_of(db, a)
    assert after.held == D("0.00")
    assert account.unit_account(db, a).balance == D("380.00")  # deposits are not fees


def test_the_command_imports_once_and_lists_every_problem(db, estate, tmp_path, capsys):
    from ui.launcher import main  # the installed `propdesk` command

    args = ["--db", str(db.path), "import", "opening-balances"]
    template = tmp_path / "template.xlsx"
    assert main([*args, str(template), "--template"]) == 0
    bad = xlsx(tmp_path / "bad.xlsx", [("9-9-999", "10.00", "", "", "", "", "")])
    assert main([*args, str(bad), "--as-of", "2026-12-01"]) == 1
    out = capsys.readouterr().out
    assert "1 problem(s); nothing was imported" in out and "No unit 9-9-999" in out
    good = xlsx(tmp_path / "good.xlsx", GOOD)
    assert main([*args, str(good), "--as-of", "2026-12-01"]) == 0
    assert "4 opening entries of 3 units imported" in capsys.readouterr().out
    assert main([*args, str(good), "--as-of", "2026-12-01"]) == 1
    assert "imported once" in capsys.readouterr().out


def test_a_receipt_lists_what_it_paid_of_the_opening_arrears(db, estate, tmp_path):
    estate_id, a, _b, _c = estate
    preview = preview_opening_file(db, estate_id, xlsx(tmp_path / "o.xlsx", GOOD), AS_OF)
    import_opening_balances(db, estate_id, preview, "finance", NOW)
    billing_run.run_billing(db, estate_id, "2026-12", "finance", now=NOW)
    paid = counter.take_payment(db, a, "500.00", "cash", "", "cashier", now=NOW)
    receipt = account.receipt_view(db, paid.payment.id)
    assert [(ln.period, ln.fee_code, ln.amount) for ln in receipt.lines] == [
        ("2026-09", "opening_arrears", D("380.00")),
        ("2026-12", "mgmt_residential", D("120.00")),
    ]
