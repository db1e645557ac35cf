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
    assert window.sidebar.item(4).text() == "Units & Residents"

    settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
    assert "restart" in window.status.currentMessage()
    assert chosen_language() == "zh_CN"  # what the next start picks

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")  # what the next start installs
    try:
        restarted = MainWindow(ctx)
        qtbot.addWidget(restarted)
        restarted.show()
        assert restarted.sidebar.item(4).text() == "房屋与住户"
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
