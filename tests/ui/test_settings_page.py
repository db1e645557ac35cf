"""Settings switches the language: chosen once, the next start speaks it."""

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ui.i18n import chosen_language, install_translators


def test_choosing_chinese_in_settings_makes_the_next_start_chinese(ctx, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settings = window.show_page("settings")
    assert settings.language.currentData() == "en"  # the language this window speaks
    assert window.sidebar.item(5).text() == "Units & Residents"

    settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
    assert "restart" in window.status.currentMessage()
    assert chosen_language() == "zh_CN"  # what the next start picks

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")  # what the next start installs
    try:
        restarted = MainWindow(ctx)
        qtbot.addWidget(restarted)
        restarted.show()
        assert restarted.sidebar.item(5).text() == "房屋与住户"
        qtbot.waitUntil(lambda: restarted.status.sync.text() == "未设置同步")
        assert restarted.show_page("settings").language_note.text().startswith("新语言")
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))


def test_settings_shows_the_fee_rounding_rule(ctx, qtbot):
    from PySide6.QtWidgets import QGroupBox, QLabel

    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settings = window.show_page("settings")
    boxes = {box.title(): box for box in settings.findChildren(QGroupBox)}
    assert list(boxes)[:2] == ["Language", "Fee rules"]
    texts = " ".join(label.text() for label in boxes["Fee rules"].findChildren(QLabel))
    assert "ROUND_HALF_UP" in texts and "0.01" in texts


def test_change_my_password_in_settings(ctx, qtbot, db):
    from app.services.accounts import log_in
    from tests.ui.conftest import type_text
    from ui.settings.password import PasswordBox

    box = PasswordBox(ctx)  # the section the Settings page shows after the areas' own
    qtbot.addWidget(box)
    box.show()
    assert box.title() == "Change my password"
    assert not box.change.isEnabled()

    type_text(qtbot, box.editors["current"], "wrong horse")
    type_text(qtbot, box.editors["new"], "short")
    assert box.fields["new"].message.text() == "Password must have at least 8 characters"
    type_text(qtbot, box.editors["new"], "-but-long")
    type_text(qtbot, box.editors["repeat"], "short-but-lonG")
    assert box.fields["repeat"].message.text() == "The two passwords differ"
    assert not box.change.isEnabled()
    box.editors["repeat"].clear()
    type_text(qtbot, box.editors["repeat"], "short-but-long")
    assert box.change.isEnabled()

    box.change.click()  # the account service refuses the wrong current password
    qtbot.waitUntil(lambda: box.fields["current"].message.text() == "The current password is wrong")
    assert box.editors["new"].text() == "short-but-long"  # nothing typed is lost
    assert log_in(db, "admin", "correct horse") is not None

    box.editors["current"].clear()
    type_text(qtbot, box.editors["current"], "correct horse")
    box.change.click()
    qtbot.waitUntil(lambda: box.notice.text() == "Password changed.")
    assert all(editor.text() == "" for editor in box.editors.values())
    assert log_in(db, "admin", "correct horse") is None
    assert log_in(db, "admin", "short-but-long").login == "admin"
