"""Settings: a plain vertical list of group boxes (language, the areas' own, my password,
version)."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from ui.context import AppContext
from ui.i18n import LANGUAGES, chosen_language, save_language
from ui.pages import SETTINGS_SECTIONS
from ui.settings.fee_rules import fee_rules_box
from ui.settings.password import PasswordBox


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sections = QVBoxLayout()
        self.sections.setSpacing(8)
        self.add_section(self._language_box())
        self.fee_rules = fee_rules_box(ctx, self)
        self.add_section(self.fee_rules)
        for factory in SETTINGS_SECTIONS:
            module, _, function = factory.partition(":")
            self.add_section(getattr(importlib.import_module(module), function)(ctx, self))
        self.password = PasswordBox(ctx)
        self.add_section(self.password)
        self.add_section(self._about_box())
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.addLayout(self.sections)
        outer.addStretch(1)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        heading = QLabel(self.tr("Settings"))
        heading.setProperty("role", "title")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)

    def show_view(self, view: str) -> None:
        """Scroll to the section whose object name is ``view`` (e.g. "permissions")."""
        box = self.findChild(QGroupBox, view)
        if box is not None:
            self.scroll.widget().adjustSize()
            self.scroll.verticalScrollBar().setValue(max(0, box.pos().y() - 32))

    def add_section(self, box: QGroupBox) -> None:
        """Other areas append their own group box here."""
        box.setMaximumWidth(720)
        self.sections.addWidget(box)

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Language"))
        self.language = QComboBox()
        names = {"zh_CN": "简体中文", "en": "English"}
        for lang in LANGUAGES:
            self.language.addItem(names[lang], lang)
        # the language this window speaks (a --lang choice included), not only the saved one
        in_use = QApplication.instance().property("propdesk_language") or chosen_language()
        self.language.setCurrentIndex(self.language.findData(in_use))
        self.language_note = QLabel(
            self.tr("The new language is used from the next start of PropDesk.")
        )
        self.language_note.setProperty("role", "hint")
        self.language_note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._language_chosen)
        form = QFormLayout(box)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        return box

    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        save_language(lang)
        self.ctx.events.status_message.emit(self.tr("Language saved; restart PropDesk to use it."))

    def _about_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("About"))
        path = QLabel(str(self.ctx.db.path))
        path.setTextInteractionFlags(
            path.textInteractionFlags() | path.textInteractionFlags().TextSelectableByMouse
        )
        path.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Database"), path)
        form.addRow(self.tr("Version"), QLabel(f"PropDesk {__version__}"))
        form.addRow(self.tr("Estate"), QLabel(self.ctx.estate_name))
        return box
