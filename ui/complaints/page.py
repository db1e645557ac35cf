"""Complaints: filter bar | lazy list coloured by deadline state | record with its timeline;
toolbar with every workflow step; "my work" per role; weekly statistics."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.complaints import (
    CATEGORIES,
    DEPARTMENTS,
    STATUSES,
    WorkflowError,
    allowed_steps,
    severities_for,
)
from app.domain.units import ValidationError
from app.services import complaints as service
from app.services.complaints import ComplaintQuery
from app.store.complaint_models import Complaint
from ui.complaints.detail import DetailPanel, StepDialog
from ui.complaints.intake import IntakeDialog, message
from ui.complaints.labels import word
from ui.complaints.model import COUNT_CAP, ComplaintTableModel
from ui.complaints.printing import complaint_form_html, print_preview, write_pdf
from ui.complaints.stats import StatsView
from ui.context import AppContext
from ui.widgets import icons

SEARCH_DELAY_MS = 150
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


class ComplaintsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.complaint_id: str | None = None
        with ctx.db.session() as s:
            self.rules = service.load_rules(s, ctx.estate_id)
        self._build_actions()

        # filter bar: search first, then the filters that matter, then "more"
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("No., room (3-1502), name, phone or words — Ctrl+F"))
        self.scope = QComboBox()
        self.scope.addItem(self.tr("My work"), "mine")
        self.scope.addItem(self.tr("All open"), "open")
        self.scope.addItem(self.tr("All complaints"), "")
        self.scope.setCurrentIndex(1)
        self.status = self._combo(self.tr("Any status"), STATUSES)
        self.severity = self._combo(self.tr("Any severity"), severities_for(self.rules))
        self.department = self._combo(self.tr("Any department"), DEPARTMENTS)
        self.deadline = QComboBox()
        self.deadline.addItem(self.tr("Any deadline"), "")
        self.deadline.addItem(word("overdue"), "overdue")
        self.deadline.addItem(word("due_soon"), "due_soon")
        self.more = QPushButton(self.tr("More ▾"))
        self.more.setCheckable(True)
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count)
        filters = QHBoxLayout()
        for widget in (self.scope, self.status, self.severity, self.department, self.deadline):
            filters.addWidget(widget)
        filters.addWidget(self.more)
        filters.addStretch(1)

        self.category = self._combo(self.tr("Any category"), CATEGORIES)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.use_dates = QCheckBox(self.tr("Received between"))
        self.repeats = QCheckBox(self.tr("Repeat complaints only"))
        self.more_bar = QWidget()
        more_layout = QHBoxLayout(self.more_bar)
        more_layout.setContentsMargins(0, 0, 0, 0)
        more_layout.addWidget(self.category)
        more_layout.addWidget(self.use_dates)
        more_layout.addWidget(self.date_from)
        more_layout.addWidget(QLabel("–"))
        more_layout.addWidget(self.date_to)
        more_layout.addWidget(self.repeats)
        more_layout.addStretch(1)
        self.more_bar.hide()
        self.more.toggled.connect(self.more_bar.setVisible)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_query)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.run_query)
        for combo in (
            self.scope,
            self.status,
            self.severity,
            self.department,
            self.deadline,
            self.category,
        ):
            combo.currentIndexChanged.connect(lambda *_: self.run_query())
        for check in (self.use_dates, self.repeats):
            check.toggled.connect(lambda *_: self.run_query())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda *_: self.run_query())

        self.model = ComplaintTableModel(ctx.db, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in enumerate((170, 130, 120, 80, 80, 90, 70, 90, 90)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(lambda _i: self.detail.timeline.setFocus())
        self.empty = QLabel()
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(search_row)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.more_bar)
        left_layout.addWidget(self.list_stack, 1)

        self.detail = DetailPanel(ctx)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 540])
        self.splitter.setChildrenCollapsible(False)

        self.stats = StatsView(ctx)
        self.views = QStackedWidget()
        self.views.addWidget(self.splitter)
        self.views.addWidget(self.stats)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.views, 1)
        ctx.events.data_changed.connect(self._data_changed)
        self.refresh()

    def _combo(self, any_text: str, codes) -> QComboBox:
        box = QComboBox()
        box.addItem(any_text, "")
        for code in codes:
            box.addItem(word(code), code)
        return box

    # ---- toolbar ----

    def _build_actions(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_action = self._action(
            self.tr("New complaint"), "fa5s.plus", "Ctrl+N", self.new_complaint
        )
        self.toolbar.addSeparator()
        self.step_actions: dict[str, QAction] = {}
        labels = {
            "dispatched": self.tr("Dispatch"),
            "signed": self.tr("Signed for"),
            "progress": self.tr("Progress"),
            "escalated": self.tr("Escalate"),
            "extension_requested": self.tr("Request extension"),
            "extension_approved": self.tr("Approve extension"),
            "resolved": self.tr("Resolve"),
            "informed": self.tr("Resident informed"),
            "return_visit": self.tr("Return visit"),
            "closed": self.tr("Close"),
            "reopened": self.tr("Reopen"),
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
        more_button.setText(self.tr("More steps"))
        more_button.setIcon(icons.icon("fa5s.ellipsis-h"))
        more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_button.setMenu(more_menu)
        self.toolbar.addWidget(more_button)
        self.toolbar.addSeparator()
        # one button: a click prints, its arrow offers the PDF (the bar must fit 1280 px)
        self.print_action = self._action(
            self.tr("Print"), "fa5s.print", "Ctrl+P", self.print_form, in_toolbar=False
        )
        self.pdf_action = self._action(
            self.tr("PDF…"), "fa5s.file-pdf", "", self.save_pdf, in_toolbar=False
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
            self.tr("Statistics"), "fa5s.chart-bar", "", lambda: self.show_view("stats")
        )
        self.stats_action.setCheckable(True)
        self.rules_action = self._action(self.tr("Rules…"), "fa5s.sliders-h", "", self.edit_rules)
        # F5 only: the list follows every change by itself, the button would crowd the bar
        self._action(self.tr("Refresh"), "fa5s.redo", "F5", self.refresh, in_toolbar=False)
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

    # ---- views ----

    def show_view(self, name: str) -> None:
        if name == "stats":
            self.stats.refresh()
            self.views.setCurrentWidget(self.stats)
        else:
            if name == "mine":
                self.scope.setCurrentIndex(self.scope.findData("mine"))
            self.views.setCurrentWidget(self.splitter)
        self.stats_action.setChecked(name == "stats")
        self._update_actions()

    # ---- the list ----

    def current_query(self) -> ComplaintQuery:
        scope = self.scope.currentData()
        date_from = date_to = None
        if self.use_dates.isChecked():
            zone = ZoneInfo(self.rules.timezone)
            start = self.date_from.date().toPython()
            end = self.date_to.date().toPython() + timedelta(days=1)
            date_from = datetime.combine(start, time(0), zone).astimezone(UTC)
            date_to = datetime.combine(end, time(0), zone).astimezone(UTC)
        return ComplaintQuery(
            estate_id=self.ctx.estate_id,
            text=self.search.text(),
            status=self.status.currentData() or ("open" if scope in ("open", "mine") else ""),
            severity=self.severity.currentData(),
            department=self.department.currentData(),
            category=self.category.currentData(),
            deadline=self.deadline.currentData(),
            date_from=date_from,
            date_to=date_to,
            repeats_only=self.repeats.isChecked(),
            my_role=self.ctx.role if scope == "mine" else "",
        )

    def run_query(self) -> None:
        self._search_timer.stop()
        keep = self.complaint_id
        self.model.set_query(self.current_query())
        total = self.model.total
        if self.model.more:
            self.count.setText(self.tr("%1+ complaints").replace("%1", str(COUNT_CAP)))
        else:
            self.count.setText(self.tr("%n complaint(s)", "", total))
        if total == 0:
            filtered = self.search.text().strip() or self.scope.currentData() != ""
            self.empty.setText(
                self.tr("Nothing matches these filters.")
                if filtered
                else self.tr("No complaints yet — press Ctrl+N to record one")
            )
            if self.scope.currentData() == "mine" and not self.search.text().strip():
                self.empty.setText(self.tr("Nothing waiting for you. Well done."))
            self.list_stack.setCurrentWidget(self.empty)
        else:
            self.list_stack.setCurrentWidget(self.table)
        row = self.model.row_of(keep) if keep else -1
        self._select_row(row if row >= 0 else (0 if total else -1))

    def _select_row(self, row: int) -> None:
        if row < 0:
            self.show_complaint(None)
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.show_complaint(self.model.row_at(row).id)

    def _on_current_row(self, current, _previous) -> None:
        row = self.model.row_at(current.row())
        self.show_complaint(row.id if row else None)

    def show_complaint(self, complaint_id: str | None) -> None:
        self.complaint_id = complaint_id
        self.detail.show_complaint(complaint_id)
        self._update_actions()

    def _update_actions(self) -> None:
        state = self.detail.state
        allowed = allowed_steps(state) if state is not None else ()
        in_list = self.views.currentWidget() is self.splitter
        for kind, action in self.step_actions.items():
            action.setEnabled(in_list and kind in allowed)
        self.print_action.setEnabled(in_list and state is not None)
        self.pdf_action.setEnabled(in_list and state is not None)

    # ---- actions ----

    def new_complaint(self, prefill=None) -> str | None:
        dialog = IntakeDialog(self.ctx, self, prefill=prefill)
        if dialog.exec() and dialog.complaint_id:
            self.complaint_id = dialog.complaint_id
            self.show_view("list")
            self.run_query()
            return dialog.complaint_id
        return None

    def step_dialog(self, kind: str) -> StepDialog:
        return StepDialog(
            kind, self.detail.state, self.detail.complaint.department, self.rules.timezone, self
        )

    def record_step(self, kind: str, dialog: StepDialog | None = None) -> bool:
        """Ask for the step's details and record it; a refused step keeps what was typed."""
        if self.complaint_id is None or self.detail.state is None:
            return False
        if kind == "closed" and not self._confirm_close():
            return False
        dialog = dialog or self.step_dialog(kind)
        while dialog.exec():
            note, data = dialog.values()
            try:
                with self.ctx.db.session() as s:
                    complaint = s.get(Complaint, self.complaint_id)
                    service.add_event(
                        s,
                        complaint,
                        kind,
                        actor_id=self.ctx.user_id,
                        actor_role=self.ctx.role,
                        note=note,
                        data=data,
                    )
            except ValidationError as error:
                dialog.show_errors(error.errors)
                continue
            except WorkflowError as error:
                QMessageBox.warning(self, dialog.windowTitle(), message(str(error)))
                return False
            self.ctx.events.data_changed.emit("complaints")
            self.run_query()
            return True
        return False

    def _confirm_close(self) -> bool:
        number = self.detail.complaint.number if self.detail.complaint else ""
        answer = QMessageBox.question(
            self, self.tr("Close complaint"), self.tr("Close complaint {0}?").format(number)
        )
        return answer == QMessageBox.StandardButton.Yes

    def print_form(self) -> None:
        if self.complaint_id:
            html = complaint_form_html(self.ctx.db, self.complaint_id, self.ctx.estate_name)
            print_preview(self, html, self.tr("Print complaint form")).exec()

    def save_pdf(self) -> None:
        if not self.complaint_id:
            return
        number = self.detail.complaint.number
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), f"{number}.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            write_pdf(
                complaint_form_html(self.ctx.db, self.complaint_id, self.ctx.estate_name), path
            )
            self.ctx.events.status_message.emit(self.tr("Saved {0}").format(path))

    def edit_rules(self) -> bool:
        from ui.complaints.rules import RulesDialog

        if not RulesDialog(self.ctx, self).exec():
            return False
        with self.ctx.db.session() as s:
            self.rules = service.load_rules(s, self.ctx.estate_id)
        self.run_query()
        return True

    def _data_changed(self, table: str) -> None:
        if table in ("*", "complaints", "complaint_events") and self.isVisible():
            self.run_query()

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            service.run_escalations(s, self.ctx.estate_id)
        self.run_query()
        if self.views.currentWidget() is self.stats:
            self.stats.refresh()
