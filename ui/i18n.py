"""Language choice and Qt translators: every ``resources/translations/*_<lang>.qm``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGES = ("zh_CN", "en")
LANGUAGE_KEY = "ui/language"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def app_settings() -> QSettings:
    """The user's preferences (window geometry, language); an INI file on every platform."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "PropDesk", "PropDesk")


def chosen_language(explicit: str | None = None) -> str:
    """--lang, else the saved choice, else zh_CN on a Chinese system locale, else en."""
    if explicit in LANGUAGES:
        return explicit
    saved = app_settings().value(LANGUAGE_KEY, "")
    if saved in LANGUAGES:
        return saved
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def save_language(lang: str) -> None:
    settings = app_settings()
    settings.setValue(LANGUAGE_KEY, lang)
    settings.sync()


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load our .qm files and Qt's own (standard buttons, dialogs) for ``lang``."""
    if lang == "en":
        return []
    files = sorted(TRANSLATIONS.glob(f"*_{lang}.qm"))
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    files += [p for p in (qt_dir / f"qtbase_{lang}.qm",) if p.exists()]
    translators = []
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            translators.append(translator)
    QLocale.setDefault(QLocale(lang))
    return translators
