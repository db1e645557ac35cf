"""Import from the units page: every bad row listed before anything is written."""

from PySide6.QtCore import Qt

from tests.ui.conftest import type_text

HEADER = "楼栋,单元,房号,楼层,建筑面积,类型,业主姓名,联系电话,交房日期,空置起始,空置减免\n"


def test_preview_lists_bad_rows_and_imports_only_a_clean_file(ctx, db, qtbot, tmp_path):
    from app.services.units import UnitQuery, count_units
    from ui.units.import_dialog import ImportDialog

    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER
        + "3栋,1,1502,15,89.50,住宅,张伟,13800138000,2020-05-01,,否\n"
        + "3栋,1,1503,15,-4,住宅,李娜,13800138001,,,否\n"
        + "3栋,1,1504,15,90,别墅,王五,123,,,否\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.path, str(bad))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # read on the background runner
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy)

    problems = [
        (dialog.errors.item(r, 0).text(), dialog.errors.item(r, 2).text())
        for r in range(dialog.errors.rowCount())
    ]
    assert ("3", "Area must be greater than 0") in problems
    assert ("4", "Kind is residential or commercial (住宅 or 商业)") in problems
    assert any(line == "4" and text.startswith("Phone must be") for line, text in problems)
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text().startswith("3 problem(s) in the file")
    with db.session() as s:
        assert count_units(s, UnitQuery(estate_id=ctx.estate_id)) == 0

    good = tmp_path / "good.csv"
    good.write_text(
        HEADER + "3栋,1,1502,15,89.50,住宅,张伟,13800138000,2020-05-01,,否\n", encoding="utf-8"
    )
    dialog.path.setText(str(good))
    dialog.load()
    qtbot.waitUntil(lambda: dialog.summary.text() == "1 row(s) ready to import.")
    assert dialog.rows.item(0, 1).text() == "3栋"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result_text() == "Imported: 1 new, 0 updated, 0 unchanged"
    with db.session() as s:
        assert count_units(s, UnitQuery(estate_id=ctx.estate_id, text="张伟")) == 1


def test_an_import_cancelled_between_batches_writes_nothing(ctx, db, qtbot, tmp_path):
    from app.services.units import UnitQuery, count_units
    from ui.units.import_dialog import ImportDialog

    many = tmp_path / "many.csv"
    rows = [f"8栋,1,{n:04d},{n // 100},80,住宅,,,,,否\n" for n in range(1, 5001)]
    many.write_text(HEADER + "".join(rows), encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(many))
    dialog.load()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20000)

    ops = []
    original = ctx.runner.write

    def write_and_cancel(parent, work):  # the user presses Cancel as the write begins
        def cancelled_first(progress):
            progress.cancel()
            return work(progress)

        op = original(parent, cancelled_first)
        ops.append(op)
        return op

    ctx.runner.write = write_and_cancel
    dialog.apply()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.summary.text() == "Import cancelled, nothing was written."
    assert dialog.result is None and dialog.isVisible()
    with db.session() as s:
        assert count_units(s, UnitQuery(estate_id=ctx.estate_id)) == 0
