"""Complaints: filter bar | lazy list coloured by deadline state | record with its timeline;
toolbar with every workflow step; "my work" per role; weekly statistics.

The list is read on the background runner and refreshed from change events (a step
recorded here, or rows pulled by sync); the clock's tick re-evaluates every deadline
word and colour, so an open list keeps time. F5 belongs to the main window, which ticks
the clock and calls ``refresh``.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.complaints import CATEGORIES, DEPARTMENTS, STATUSES, allowed_steps, severities_for
from app.domain.errors import DomainError, FieldErrors
from app.domain.permissions import EXTEND_BY_LEVEL
from app.services import complaints as service
from app.services.complaints import ComplaintQuery
from ui.complaints.detail import DetailPanel, StepDialog
from ui.complaints.intake import IntakeDialog
from ui.complaints.labels import word
from ui.complaints.model import (
    COUNT_CAP,
    ComplaintTableModel,
    ListRequest,
    off_ui_thread,
    paused,
)
from ui.complaints.printing import complaint_form_html
from ui.complaints.stats import StatsView
from ui.complaints.toolbar import StepToolbar
from ui.context import AppContext
from ui.messages import describe, field_messages
from ui.widgets.changes import on_changes
from ui.widgets.paged_model import on_runner
from ui.widgets.permits import guard
from ui.widgets.printing import print_preview, write_pdf
from ui.widgets.tables import RememberedLayout, list_view_defaults

SEARCH_DELAY_MS = 150
# What a complaint list shows comes from these tables (the rules are a setting).
WATCHED = (
    "complaints",
    "complaint_events",
    "complaint_attachments",
    "complaint_status",
    "settings",
)


class ComplaintsPage(StepToolbar, QWidget):
    escalated = Signal(int)  # the automatic escalation ran; how many became major

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.complaint_id: str | None = None
        self._stale = False  # data changed while hidden: read again when shown
        self.rules = service.read_rules(ctx.db, ctx.estate_id)
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
        self.deadline.addItem(self.tr("Due today"), "due_today")
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

        self.model = ComplaintTableModel(
            ctx.db, ctx.clock.now(), self, loader=off_ui_thread(on_runner(ctx.runner, self))
        )
        self.model.loaded.connect(self._show_list)
        self.table = QTableView()
        self.table.setModel(self.model)
        list_view_defaults(self.table, self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
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
        self.layout_memory = RememberedLayout(
            "complaints",
            header=self.table.horizontalHeader(),
            splitter=self.splitter,
            widths=(170, 130, 120, 80, 80, 90, 70, 90, 90),
        )

        self.stats = StatsView(ctx)
        self.views = QStackedWidget()
        self.views.addWidget(self.splitter)
        self.views.addWidget(self.stats)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.views, 1)
        # Several commits in a row (a sync page, a step and its status) read the list once.
        self._changed_timer = QTimer(self)
        self._changed_timer.setSingleShot(True)
        self._changed_timer.setInterval(0)
        self._changed_timer.timeout.connect(self._reload_changed)
        on_changes(ctx.changes, self, WATCHED, lambda _c: self._changed_timer.start())
        ctx.ticker.ticked.connect(self.tick)
        self.refresh()

    def _combo(self, any_text: str, codes) -> QComboBox:
        box = QComboBox()
        box.addItem(any_text, "")
        for code in codes:
            box.addItem(word(code), code)
        return box

    # ---- toolbar ----

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
            due_before=self._end_of_today() if self.deadline.currentData() == "due_today" else None,
        )

    def _end_of_today(self) -> datetime:
        """The end of the estate's local day (the "due today" filter's bound)."""
        zone = ZoneInfo(self.rules.timezone)
        today = self.ctx.clock.now().astimezone(zone).date()
        return datetime.combine(today + timedelta(days=1), time(0), zone).astimezone(UTC)

    def show_filtered(self, name: str) -> None:
        """The list of open complaints with one deadline filter ("overdue", "due_today"),
        every other filter cleared: what the home dashboard's numbers count."""
        self.show_view("list")
        self.search.clear()
        for combo in (self.status, self.severity, self.department, self.category):
            combo.setCurrentIndex(0)
        self.use_dates.setChecked(False)
        self.repeats.setChecked(False)
        self.scope.setCurrentIndex(self.scope.findData("open"))
        self.deadline.setCurrentIndex(max(self.deadline.findData(name), 0))
        self.run_query()

    def run_query(self) -> None:
        """Read the list for the filters on the runner (count and first page)."""
        self._search_timer.stop()
        self.model.set_query(ListRequest(self.current_query(), self.ctx.clock.now()))

    def list_settled(self) -> bool:
        """No read pending, and the list shown is the one for the filters set now."""
        request = self.model.query
        return (
            request is not None
            and not self.model.loading
            and not self._search_timer.isActive()
            and not self._changed_timer.isActive()
            and request.query == self.current_query()
        )

    def _show_list(self) -> None:
        keep = self.complaint_id
        self.model.set_now(self.ctx.clock.now())  # the clock may have moved meanwhile
        total = self.model.total
        if self.model.more:
            self.count.setText(self.tr("%1+ complaints").replace("%1", str(COUNT_CAP)))
        else:
            self.count.setText(self.tr("%n complaint(s)", "", total))
        if total == 0:
            query = self.model.query.query
            filtered = bool(
                query.text.strip()
                or query.status not in ("", "open")
                or query.severity
                or query.department
                or query.category
                or query.deadline
                or query.date_from
                or query.repeats_only
            )
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
        found = service.read_complaint(self.ctx.db, complaint_id) if complaint_id else None
        self.detail.show_complaint(found)
        self._update_actions()

    def _update_actions(self) -> None:
        state = self.detail.state
        allowed = allowed_steps(state) if state is not None else ()
        in_list = self.views.currentWidget() is self.splitter
        for kind, action in self.step_actions.items():
            action.setEnabled(in_list and kind in allowed)
        if state is not None and "extension_approved" in self.step_actions:
            # who may approve depends on the severity: off with the reason for others
            guard(self.step_actions["extension_approved"], self.ctx, EXTEND_BY_LEVEL[state.level])
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
            kind,
            self.detail.state,
            self.detail.complaint.department,
            self.rules.timezone,
            self.ctx.clock.now(),
            self,
        )

    def record_step(self, kind: str, dialog: StepDialog | None = None) -> bool:
        """Ask for the step's details and record it; a refused step keeps what was typed.
        The list and the record follow from the change event of the commit."""
        if self.complaint_id is None or self.detail.state is None:
            return False
        if kind == "closed" and not self._confirm_close():
            return False
        dialog = dialog or self.step_dialog(kind)
        while dialog.exec():
            note, data = dialog.values()
            try:
                service.record_step(
                    self.ctx.db,
                    self.complaint_id,
                    kind,
                    actor_id=self.ctx.user_id,
                    actor_role=self.ctx.role,
                    note=note,
                    data=data,
                    now=self.ctx.clock.now(),
                )
            except FieldErrors as error:
                dialog.show_errors(field_messages(error))
                continue
            except DomainError as error:
                QMessageBox.warning(self, dialog.windowTitle(), describe(error))
                return False
            self.show_complaint(self.complaint_id)
            return True
        return False

    def _confirm_close(self) -> bool:
        number = self.detail.complaint.number if self.detail.complaint else ""
        answer = QMessageBox.question(
            self, self.tr("Close complaint"), self.tr("Close complaint {0}?").format(number)
        )
        return answer == QMessageBox.StandardButton.Yes

    def print_form(self) -> None:
        if self.detail.complaint is not None:
            html = complaint_form_html(self.detail.complaint, self.ctx.estate_name)
            print_preview(self, html, self.tr("Print complaint form")).exec()

    def save_pdf(self) -> None:
        complaint = self.detail.complaint
        if complaint is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), f"{complaint.number}.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            write_pdf(complaint_form_html(complaint, self.ctx.estate_name), path)
            self.ctx.events.status_message.emit(self.tr("Saved {0}").format(path))

    def edit_rules(self) -> bool:
        from ui.complaints.rules import RulesDialog

        dialog = RulesDialog(self.ctx, self)
        dialog.saved.connect(self._rules_saved)
        return bool(dialog.exec())

    def _rules_saved(self, rules) -> None:
        self.rules = rules

    def save_state(self) -> None:
        """Column widths and the splitter, kept for the next run (the main window asks)."""
        self.layout_memory.save()

    # ---- keeping up: changes, the clock, F5 ----

    def _reload_changed(self) -> None:
        if self.isVisible():
            self.run_query()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.run_query()

    def tick(self, now) -> None:
        """The clock ticked (each minute, or F5): re-evaluate deadline states at ``now``.
        A deadline filter's rows change with time, so that list is read again."""
        self.model.set_now(now)
        self.detail.set_now(now)
        if self.deadline.currentData() or self.scope.currentData() == "mine":
            self.run_query()

    def refresh(self) -> None:
        """F5 (the main window ticks the clock first): run the automatic escalation on
        the runner, read the list and, when shown, the week's statistics again."""
        db, estate_id, now = self.ctx.db, self.ctx.estate_id, self.ctx.clock.now()
        (
            self.ctx.runner.write(
                self, paused(lambda p: service.escalate_overdue(db, estate_id, now, p))
            )
            .with_progress(self.tr("Escalating complaints unresolved for a month…"))
            .success(self.escalated.emit)
            .run()
        )
        self.run_query()
        if self.views.currentWidget() is self.stats:
            self.stats.refresh()
