"""Camera capture where Qt Multimedia finds a camera; otherwise the button is off and says
why (the no-camera paths, offscreen).

Issue 14: "notes, photos from files or a camera where Qt Multimedia finds one"."""

import sys
import types

import pytest

from app.services.inspections import run, templates
from app.services.inspections.common import Target


@pytest.fixture
def screen(ctx, qtbot, tmp_path, monkeypatch):
    from ui.inspections.run import RunScreen

    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "data"))
    templates.ensure_default_templates(ctx.db, ctx.estate_id, ctx.now())
    tpl = next(t for t in templates.list_templates(ctx.db, ctx.estate_id) if t.code == "handover")
    iid = run.start(ctx.db, tpl.id, Target("unit", "", "3栋 1502"), ctx.user_id, ctx.now())
    widget = RunScreen(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.open(iid)
    qtbot.waitUntil(lambda: widget.view is not None, timeout=5000)
    return widget


def test_the_run_screen_camera_button_says_why_it_is_off_here(screen):
    from ui.inspections.camera import find_camera

    device, why = find_camera()  # this machine (CI: no camera, often no media libraries)
    button = screen.camera_button
    assert button.isVisible()
    if device is None:
        assert not button.isEnabled() and button.toolTip() == why and why
    else:
        assert button.isEnabled()


def test_without_qt_multimedia_the_button_is_off_with_the_reason(qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from ui.inspections.camera import camera_button

    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails
    parent = QWidget()
    qtbot.addWidget(parent)
    taken = []
    button = camera_button(parent, taken.append)
    assert not button.isEnabled()
    assert "Qt Multimedia" in button.toolTip()
    button.click()
    assert taken == []


def test_with_no_camera_found_the_button_is_off_with_the_reason(qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from ui.inspections.camera import camera_button

    fake = types.ModuleType("PySide6.QtMultimedia")
    fake.QMediaDevices = types.SimpleNamespace(videoInputs=lambda: [], defaultVideoInput=None)
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", fake)
    parent = QWidget()
    qtbot.addWidget(parent)
    button = camera_button(parent, lambda _path: None)
    assert not button.isEnabled()
    assert button.toolTip() == "No camera found on this computer; add photos from files"
