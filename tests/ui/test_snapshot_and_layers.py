"""`propdesk snapshot` renders a real page to a PNG; app/ stays free of Qt."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from app.domain.units import UnitInput

ROOT = Path(__file__).resolve().parents[2]


def propdesk(*args):
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_snapshot_writes_the_units_page(db, estate_id, admin, tmp_path):
    from app.services.units import add_resident, create_unit

    with db.session() as s:
        unit = create_unit(s, estate_id, UnitInput(building="3栋", room="1502", area_m2="89.50"))
        add_resident(s, unit, name="张伟", phone="13800138000")
    out = tmp_path / "units.png"
    done = propdesk(
        "snapshot",
        "units",
        "--db",
        str(db.path),
        "--out",
        str(out),
        "--lang",
        "zh_CN",
        "--size",
        "1024x700",
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    # not blank: a rendered window has many distinct colours (text, icons, selection)
    colours = {image.pixel(x, y) for x in range(0, 1024, 7) for y in range(0, 700, 7)}
    assert len(colours) > 20


def test_snapshot_of_an_unknown_page_lists_the_valid_ones(db, estate_id, tmp_path):
    done = propdesk("snapshot", "nowhere", "--db", str(db.path), "--out", str(tmp_path / "x.png"))
    assert done.returncode == 1
    assert "unknown page 'nowhere'" in done.stderr
    assert "units" in done.stderr and "settings" in done.stderr


def test_app_imports_no_qt():
    code = (
        "import importlib, pkgutil, sys, app\n"
        "for m in pkgutil.walk_packages(app.__path__, 'app.'):\n"
        "    if '.migrations' not in m.name:\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'qtawesome', 'qasync', 'httpx', 'fastapi', 'ui'))\n"
        "print(bad)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
