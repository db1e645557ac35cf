"""The run screen with real widgets offscreen and a real database: an inspector completes the
30-item handover inspection with the keyboard (one fail with a note and a photo), signs
with the pad (inspector and owner), and the report PDF is produced; a 25 MB photo is
refused with a message; a process killed mid-inspection loses no answer."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from app.services.inspections import reports, run, templates
from app.services.inspections.common import Target
from tests.ui.conftest import type_text


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("PROPDESK_DATA_DIR", str(folder))  # the blob folder
    return folder


@pytest.fixture
def handover(ctx, data_dir):
    templates.ensure_default_templates(ctx.db, ctx.estate_id, ctx.now())
    rows = {t.code: t for t in templates.list_templates(ctx.db, ctx.estate_id)}
    return run.start(
        ctx.db, rows["handover"].id, Target("unit", "", "3栋 2单元 1502"), ctx.user_id, ctx.now()
    )


@pytest.fixture
def screen(ctx, qtbot, handover):
    from ui.inspections.run import RunScreen

    widget = RunScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.open(handover)
    qtbot.waitUntil(lambda: widget.view is not None, timeout=5000)
    return widget


def photo(path: Path) -> Path:
    Image.new("RGB", (3000, 2000), (150, 120, 90)).save(path, "JPEG", quality=90)
    return path


def test_keyboard_walk_photo_signatures_and_report_pdf(ctx, qtbot, screen, tmp_path):
    from ui.inspections.printing import write_pdf
    from ui.widgets.ops import wait_all

    assert len(screen.items) == 30
    for n in range(30):
        item = screen.current_item()
        assert screen.index == n
        if item.type == "number":
            qtbot.keyClicks(screen.value, "12.5")
            qtbot.keyClick(screen.value, Qt.Key.Key_Return)
        elif item.id == "walls.kitchen":
            qtbot.keyClick(screen.list, Qt.Key.Key_F)
            assert screen.index == n  # a fail that needs evidence stays on its item
            screen.add_photo(photo(tmp_path / "crack.jpg"))
            qtbot.waitUntil(
                lambda: any(p.item_id == "walls.kitchen" for p in screen.view.photos), timeout=5000
            )
            type_text(qtbot, screen.note, "一块墙砖破损")
            qtbot.keyClick(screen.note, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(screen.list, Qt.Key.Key_P)
    saved = run.run_view(ctx.db, screen.view.header.id)  # every answer is in the database
    assert len([a for a in saved.answers.values() if a.value]) == 30
    assert saved.answers["walls.kitchen"].note == "一块墙砖破损"
    qtbot.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.view.header.status == "finalised", timeout=5000)
    assert screen.sign_button.isEnabled()

    for role, signer in (("inspector", "王经理"), ("owner", "张业主")):
        dialog = screen.open_sign()
        qtbot.waitUntil(dialog.isVisible)
        dialog.role.setCurrentIndex(dialog.role.findData(role))
        dialog.signer.setText(signer)
        pad = dialog.pad
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 80))
        for x in range(30, 300, 15):
            qtbot.mouseMove(pad, QPoint(x, 40 + (x % 40) + (30 if role == "owner" else 0)))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(310, 90))
        assert pad.is_signed()
        dialog.submit()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible() or bool(d.message.text()), timeout=5000)
        assert not dialog.message.text()
        wait_all(ctx.runner)
    qtbot.waitUntil(lambda: screen.view.header.status == "signed", timeout=5000)
    assert {s.role for s in screen.view.signatures} == {"inspector", "owner"}

    report = reports.inspection_report(ctx.db, screen.view.header.id, ctx.now())
    shown = {p.sha256 for p in report.view.photos} | {s.sha256 for s in report.view.signatures}
    assert len(shown) == 3 and set(report.files) == shown  # the photo, two signatures
    pdf = write_pdf(report, tmp_path / "report.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and 20_000 < len(data) < 10_000_000


def test_a_25_mb_photo_is_refused_with_a_message(ctx, qtbot, screen, tmp_path):
    big = tmp_path / "huge.jpg"
    with big.open("wb") as out:
        out.write(b"\xff\xd8\xff\xe0")
        out.truncate(25 * 1024 * 1024)
    screen.add_photo(big)
    qtbot.waitUntil(lambda: "25.0 MB" in screen.message.text(), timeout=5000)
    assert "20 MB" in screen.message.text()
    assert not screen.view.photos


SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from app.store.db import Database
    from app.store.models import StaffUser
    from ui.app import make_application
    from ui.shell.signin import context_for
    from ui.inspections.run import RunScreen
    from ui.widgets.ops import wait_all

    app = make_application("en")
    db = Database(sys.argv[1])
    with db.session() as s:
        staff = s.get(StaffUser, sys.argv[3])
    ctx = context_for(db, staff, sys.argv[4])
    screen = RunScreen(ctx)
    screen.show()
    screen.open(sys.argv[2])
    wait_all(ctx.runner)
    for n in range(1000):
        QTest.keyClick(screen.list, Qt.Key.Key_P)
        print("answered", n + 1, flush=True)
    """
)


def test_a_process_killed_mid_inspection_loses_no_answer(ctx, handover, data_dir):
    env = {**os.environ, "PROPDESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(ctx.db.path), handover, ctx.user_id, ctx.estate_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(Path(__file__).resolve().parents[2]),
    )
    answered = 0
    for line in child.stdout:
        if line.startswith("answered"):
            answered = int(line.split()[1])
            if answered >= 12:
                child.send_signal(signal.SIGKILL)  # no clean-up of any kind
                break
    child.wait(timeout=30)
    assert answered >= 12, child.stderr.read()[-2000:]
    view = run.run_view(ctx.db, handover)
    assert len([a for a in view.answers.values() if a.value == "pass"]) >= answered
