"""PySide6 asks of every module imported after it whether it uses PySide6; PropDesk
answers from the file's bytes (ui.qt_import_hook), which must be PySide6's own answer."""

from __future__ import annotations

import sys

import ui  # noqa: F401  (installs the faster answer)


def test_the_faster_answer_is_pyside6s_own_for_every_loaded_module():
    import app.store.all_models  # noqa: F401  (modules with and without PySide6)
    import ui.main_window  # noqa: F401

    feature = sys.modules["shibokensupport.feature"]
    faster = feature._mod_uses_pyside
    assert getattr(faster, "read_as_bytes", False), "the faster answer is not installed"
    modules = [m for m in list(sys.modules.values()) if getattr(m, "__file__", None)]
    answers = {m.__name__: faster(m) for m in modules}
    assert answers == {m.__name__: faster.original(m) for m in modules}
    assert answers["ui.main_window"] and not answers["app.store.models"]
