"""`propdesk bill` and `propdesk export bills` on a real database file."""

from app.domain.units import UnitInput
from app.services.units import create_unit
from ui.launcher import main  # the installed `propdesk` command


def test_bill_twice_then_export_csv_and_xlsx(db, estate_id, tmp_path, capsys):
    with db.session() as s:
        for room, area in (("1501", "89.50"), ("1502", "120.30"), ("1503", "65.25")):
            create_unit(
                s,
                estate_id,
                UnitInput(
                    building="3栋",
                    entrance="1",
                    room=room,
                    area_m2=area,
                    handover_date="2020-01-01",
                ),
            )
    args = ["--db", str(db.path)]
    assert (
        main(
            [*args, "bill", "--period", "2026-03", "--estate", "阳光花园", "--shared-cost", "10000"]
        )
        == 0
    )
    assert "3 bill lines issued" in capsys.readouterr().out
    assert main([*args, "bill", "--period", "2026-03"]) == 0
    assert "0 bill lines issued, 3 already issued" in capsys.readouterr().out
    assert main([*args, "bill", "--period", "March"]) == 1
    assert "2026-03" in capsys.readouterr().err

    out = tmp_path / "bills.csv"
    assert main([*args, "export", "bills", "--period", "2026-03", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "building,entrance,room,fee_code,period,quantity,rate,amount"
    assert "3栋,1,1501,mgmt_residential,2026-03,89.50,1.90,170.05" in lines
    shared = [line for line in lines if ",utilities_shared," in line]
    assert sum(int(line.rsplit(",", 1)[1].replace(".", "")) for line in shared) == 1_000_000

    xlsx = tmp_path / "bills.xlsx"
    assert main([*args, "export", "bills", "--period", "2026-03", "--out", str(xlsx)]) == 0
    from openpyxl import load_workbook

    assert load_workbook(xlsx).active.max_row == 7
