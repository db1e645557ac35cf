"""The complaints page's toolbar: new complaint, every workflow step (the daily ones on
the bar, the rest under "More steps"), print and PDF, statistics and rules. F5 is the main
window's: it ticks the clock and refreshes the page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from ui.widgets import icons

# The steps used every day stay on the toolbar; the rest are under "More steps".
TOOLBAR_STEPS = ("dispatched", "progress", "escalated", "resolved", "return_visit", "closed")
# Toolbar step actions: (event kind, English label, icon, shortcut)
STEPS = (
    ("dispatched", "Dispatch", "fa5s.share", "Ctrl+D"),
    ("signed", "Signed for", "fa5s.signature", ""),
    ("progress", "Progress", "fa5s.comment-dots", "Ctrl+G"),
    ("escalated", "Escalate", "fa5s.level-up-alt", ""),
    ("extension_requested", "Request extension", "fa5s.hourglass-half", ""),
    ("extension_approved", "Approve extension", "fa5s.check-double", ""),
    ("resolved", "Resolve", "fa5s.check", "Ctrl+R"),
    ("informed", "Resident informed", "fa5s.phone", ""),
    ("return_visit", "Return visit", "fa5s.user-check", ""),
    ("closed", "Close", "fa5s.lock", ""),
    ("reopened", "Reopen", "fa5s.lock-open", ""),
)


class StepToolbar:
    """Mixed into the complaints page: builds ``self.toolbar`` and its actions, which call
    the page's ``new_complaint``, ``record_step``, ``print_form``, ``save_pdf``,
    ``show_view``, ``edit_rules`` and focus its ``search``."""

    def _build_actions(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_action = self._action(
            QCoreApplication.translate("ComplaintsPage", "New complaint"),
            "fa5s.plus",
            "Ctrl+N",
            self.new_complaint,
        )
        self.toolbar.addSeparator()
        self.step_actions: dict[str, QAction] = {}
        labels = {
            "dispatched": QCoreApplication.translate("ComplaintsPage", "Dispatch"),
            "signed": QCoreApplication.translate("ComplaintsPage", "Signed for"),
            "progress": QCoreApplication.translate("ComplaintsPage", "Progress"),
            "escalated": QCoreApplication.translate("ComplaintsPage", "Escalate"),
            "extension_requested": QCoreApplication.translate(
                "ComplaintsPage", "Request extension"
            ),
            "extension_approved": QCoreApplication.translate("ComplaintsPage", "Approve extension"),
            "resolved": QCoreApplication.translate("ComplaintsPage", "Resolve"),
            "informed": QCoreApplication.translate("ComplaintsPage", "Resident informed"),
            "return_visit": QCoreApplication.translate("ComplaintsPage", "Return visit"),
            "closed": QCoreApplication.translate("ComplaintsPage", "Close"),
            "reopened": QCoreApplication.translate("ComplaintsPage", "Reopen"),
        }
        more_menu = QMenu(self)
        for kind, _label, icon, shortcut in STEPS:
            action = self._action(
                labels[kind],
                icon,
                shortcut,
                lambda _c=False, k=kind: self.record_step(k),
                in_toolbar=kind in TOOLBAR_STEPS,
            )
            if kind not in TOOLBAR_STEPS:
                more_menu.addAction(action)
            self.step_actions[kind] = action
        more_button = QToolButton()
        more_button.setText(QCoreApplication.translate("ComplaintsPage", "More steps"))
        more_button.setIcon(icons.icon("fa5s.ellipsis-h"))
        more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_button.setMenu(more_menu)
        self.toolbar.addWidget(more_button)
        self.toolbar.addSeparator()
        # one button: a click prints, its arrow offers the PDF (the bar must fit 1280 px)
        self.print_action = self._action(
            QCoreApplication.translate("ComplaintsPage", "Print"),
            "fa5s.print",
            "Ctrl+P",
            self.print_form,
            in_toolbar=False,
        )
        self.pdf_action = self._action(
            QCoreApplication.translate("ComplaintsPage", "PDF…"),
            "fa5s.file-pdf",
            "",
            self.save_pdf,
            in_toolbar=False,
        )
        print_menu = QMenu(self)
        print_menu.addAction(self.pdf_action)
        print_button = QToolButton()
        print_button.setDefaultAction(self.print_action)
        print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        print_button.setMenu(print_menu)
        self.toolbar.addWidget(print_button)
        self.toolbar.addSeparator()
        self.stats_action = self._action(
            QCoreApplication.translate("ComplaintsPage", "Statistics"),
            "fa5s.chart-bar",
            "",
            lambda: self.show_view("stats"),
        )
        self.stats_action.setCheckable(True)
        self.rules_action = self._action(
            QCoreApplication.translate("ComplaintsPage", "Rules…"),
            "fa5s.sliders-h",
            "",
            self.edit_rules,
        )
        find = QAction(self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.triggered.connect(
            lambda: (self.show_view("list"), self.search.setFocus(), self.search.selectAll())
        )
        self.addAction(find)

    def _action(
        self, text: str, icon: str, shortcut: str, slot, in_toolbar: bool = True
    ) -> QAction:
        action = QAction(icons.icon(icon), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({shortcut})")
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        if in_toolbar:
            self.toolbar.addAction(action)
        self.addAction(action)
        return action
