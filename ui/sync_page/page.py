"""Sync: connect this computer to the central server, sync now, and see what is waiting,
what the server refused and which values lost a conflict.

Not enrolled, the page is a form (server address, enrolment code, this computer's name).
Enrolled, it is the connection's state, a toolbar (Sync now F9, Cancel) and two small
lists. Enrolment and sync run as tasks on the qasync loop (``ui.async_loop``).
"""

from __future__ import annotations

import platform

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sync.client import SyncClient, SyncReport
from sync.overview import SyncOverview, kept_conflicts, read_overview, rejected_changes
from ui import formats
from ui.context import AppContext
from ui.sync_page.actions import AsyncJob
from ui.sync_page.labels import sync_message
from ui.sync_page.model import ConflictsModel, ListTableModel, RejectedModel
from ui.widgets import icons
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.refresh import RefreshWhenShown

SYNC_SHORTCUT = "F9"
QWIDGETSIZE_MAX = 16777215


def url_problem(text: str) -> str:
    """What is wrong with a typed server address, in English source text ("" if fine)."""
    text = text.strip()
    if not text:
        return QT_TRANSLATE_NOOP(
            "EnrolForm", "Enter the server's address, e.g. http://192.168.1.10:8000"
        )
    scheme, sep, rest = text.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return QT_TRANSLATE_NOOP(
            "EnrolForm",
            "The address starts with http:// or https://, e.g. http://192.168.1.10:8000",
        )
    host = rest.split("/")[0]
    if not host or " " in text or host.startswith(":"):
        return QT_TRANSLATE_NOOP(
            "EnrolForm",
            "Add the server's name or IP address after http://, e.g. http://192.168.1.10:8000",
        )
    return ""


class EnrolForm(QWidget):
    """Connect this computer to the server: address, one-time code, this computer's name."""

    enrol_requested = Signal(str, str, str)  # server address, code, computer name
    back_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QGroupBox(self.tr("Connect this computer to the server"))
        self.intro = QLabel(
            self.tr(
                "Branch offices sync with the central server whenever there is a network. "
                "Ask the administrator for an enrolment code (on the server: "
                "propdesk-server enroll-code --estate NAME); each code connects one computer."
            )
        )
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        self.server = QLineEdit()
        self.server.setPlaceholderText("http://192.168.1.10:8000")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKLM")
        self.name = QLineEdit(platform.node())
        self.name.setPlaceholderText(platform.node())
        self.server_field = FieldWithMessage(self.server)
        self.code_field = FieldWithMessage(self.code)
        self.name_hint = QLabel(self.tr("How this computer is listed on the server."))
        self.name_hint.setProperty("role", "hint")
        name_column = QWidget()
        name_layout = QVBoxLayout(name_column)
        name_layout.setContentsMargins(0, 0, 0, 0)
        name_layout.setSpacing(2)
        name_layout.addWidget(self.name)
        name_layout.addWidget(self.name_hint)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.back = QPushButton(self.tr("Back"))
        self.back.hide()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.hide()
        self.enrol = QPushButton(icons.icon("fa5s.plug"), self.tr("Enrol"))
        self.enrol.setDefault(True)
        self.enrol.setAutoDefault(True)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Server address *"), self.server_field)
        form.addRow(self.tr("Enrolment code *"), self.code_field)
        form.addRow(self.tr("This computer's name"), name_column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.enrol)
        inner = QVBoxLayout(self.box)
        inner.setSpacing(8)
        inner.addWidget(self.intro)
        inner.addLayout(form)
        inner.addLayout(buttons)
        self.box.setFixedWidth(600)
        self.message.setMaximumWidth(420)

        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.message, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addStretch(1)

        self.server.textChanged.connect(self.validate)
        self.code.textChanged.connect(self.validate)
        for editor in (self.server, self.code, self.name):
            editor.returnPressed.connect(self.submit)
        self.enrol.clicked.connect(self.submit)
        self.back.clicked.connect(self.back_requested)
        self.cancel.clicked.connect(self.cancel_requested)
        self._touched = False
        self.validate()

    def problems(self) -> dict[str, str]:
        found = {}
        if problem := url_problem(self.server.text()):
            found["server"] = self.tr(problem)
        if not self.code.text().strip():
            found["code"] = self.tr("Enter the enrolment code the administrator gave you")
        return found

    def validate(self) -> bool:
        """Mark what is wrong once something was typed; the button says why it waits."""
        self._touched = self._touched or bool(self.server.text() or self.code.text())
        found = self.problems()
        if self._touched:
            self.server_field.set_error(found.get("server", "") if self.server.text() else "")
            self.code_field.set_error(found.get("code", "") if self.server.text() else "")
        self.enrol.setEnabled(not found and not self.busy.isVisible())
        self.enrol.setToolTip("\n".join(found.values()) or self.tr("Connect (Enter)"))
        return not found

    def submit(self) -> None:
        if self.busy.isVisible():
            return
        self._touched = True
        found = self.problems()
        self.server_field.set_error(found.get("server", ""))
        self.code_field.set_error(found.get("code", ""))
        if found:
            (self.server if "server" in found else self.code).setFocus()
            return
        self.enrol_requested.emit(
            self.server.text().strip(), self.code.text().strip(), self.name.text().strip()
        )

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.cancel.setVisible(busy)
        for editor in (self.server, self.code, self.name):
            editor.setReadOnly(busy)
        self.enrol.setText(self.tr("Connecting…") if busy else self.tr("Enrol"))
        self.validate()

    def say(self, role: str, text: str) -> None:
        banner(role, text, self.message)


class SyncPage(RefreshWhenShown, QWidget):
    progressed = Signal(object)  # the SyncReport as it grows (tests and the status line)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: SyncOverview | None = None
        self.job = AsyncJob(self)
        self.job.done.connect(self._job_done)
        self.job.failed.connect(self._job_failed)
        self.job.cancelled.connect(self._job_cancelled)
        self._doing = ""  # "enrol" or "sync" while a job runs
        self._reconnecting = False  # the form shown on purpose while enrolled

        heading = QLabel(self.tr("Sync"))
        heading.setProperty("role", "title")

        self.form = EnrolForm()
        self.form.enrol_requested.connect(self.enrol)
        self.form.back_requested.connect(self._back_to_status)
        self.form.cancel_requested.connect(self.cancel)

        self.status_view = self._build_status_view()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.status_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.stack, 1)
        ctx.events.data_changed.connect(lambda _table: self.refresh_soon())
        ctx.events.sync_state_changed.connect(self.refresh_soon)

    # ---- the enrolled view ----

    def _action(self, text: str, icon: str, slot, shortcut: str = "") -> QAction:
        action = QAction(icons.icon(icon), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_status_view(self) -> QWidget:
        self.sync_action = self._action(
            self.tr("Sync now"), "fa5s.sync-alt", self.sync_now, SYNC_SHORTCUT
        )
        self.cancel_action = self._action(self.tr("Cancel"), "fa5s.stop-circle", self.cancel, "Esc")
        self.reconnect_action = self._action(
            self.tr("Connect to another server…"), "fa5s.plug", self.show_form
        )
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.sync_action, self.cancel_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.reconnect_action)

        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_text = QLabel()
        progress = QWidget()
        progress_row = QHBoxLayout(progress)
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.addWidget(self.progress_bar)
        progress_row.addWidget(self.progress_text, 1)
        self.progress = progress
        self.progress.hide()

        self.connection = QGroupBox(self.tr("This computer"))
        self.server_label = QLabel()
        self.device_label = QLabel()
        self.scope_label = QLabel()
        self.last_sync_label = QLabel()
        self.outcome_label = QLabel()
        self.waiting_label = QLabel()
        self.clock_label = QLabel()
        for label in (self.server_label, self.device_label, self.outcome_label, self.clock_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info = QFormLayout(self.connection)
        info.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        info.addRow(self.tr("Server"), self.server_label)
        info.addRow(self.tr("Device"), self.device_label)
        info.addRow(self.tr("Estates"), self.scope_label)
        info.addRow(self.tr("Last sync"), self.last_sync_label)
        info.addRow(self.tr("Outcome"), self.outcome_label)
        info.addRow(self.tr("Changes waiting"), self.waiting_label)
        info.addRow(self.tr("Clock"), self.clock_label)
        self.connection.setMinimumWidth(300)
        self.connection.setMaximumWidth(400)

        self.rejected_model = RejectedModel(self)
        self.conflicts_model = ConflictsModel(self)
        self.rejected_box, self.rejected_table, self.rejected_empty = self._list_box(
            self.rejected_model,
            self.tr("Nothing refused. A change the server will never take is kept here."),
        )
        self.conflicts_box, self.conflicts_table, self.conflicts_empty = self._list_box(
            self.conflicts_model,
            self.tr(
                "No conflicts. When two desks change the same field, the value that lost "
                "is kept here."
            ),
        )
        lists = QVBoxLayout()
        lists.setSpacing(8)
        lists.addWidget(self.conflicts_box, 1)
        lists.addWidget(self.rejected_box, 1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.connection, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(lists, 1)

        view = QWidget()
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.result)
        layout.addWidget(self.progress)
        layout.addLayout(body, 1)
        self._set_syncing(False)
        return view

    def _list_box(self, model: ListTableModel, empty_text: str):
        box = QGroupBox()
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        table.horizontalHeader().setHighlightSections(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setWordWrap(False)
        empty = QLabel(empty_text)
        empty.setProperty("role", "hint")
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addWidget(empty)
        layout.addWidget(table, 1)
        return box, table, empty

    # ---- reading the state ----

    def refresh(self) -> None:
        """Read the sync state and lists; show the form until this computer is enrolled."""
        with self.ctx.db.session() as s:
            self.overview = read_overview(s)
            rejected = rejected_changes(s) if self.overview.rejected else []
            conflicts = kept_conflicts(s) if self.overview.conflicts else []
        enrolled = self.overview.enrolled
        self.form.back.setVisible(enrolled and self._reconnecting)
        show_form = not enrolled or self._reconnecting
        self.stack.setCurrentWidget(self.form if show_form else self.status_view)
        if not enrolled:
            return
        self._show_overview(self.overview)
        self._show_list(
            self.rejected_model,
            self.rejected_table,
            self.rejected_empty,
            rejected,
            self.overview.rejected,
        )
        self.rejected_box.setTitle(
            self.tr("Changes the server refused (%1)").replace("%1", str(self.overview.rejected))
        )
        self._show_list(
            self.conflicts_model,
            self.conflicts_table,
            self.conflicts_empty,
            conflicts,
            self.overview.conflicts,
        )
        self.conflicts_box.setTitle(
            self.tr("Conflicts kept (%1)").replace("%1", str(self.overview.conflicts))
        )

    def _show_list(self, model, table, empty, rows, total) -> None:
        model.set_rows(rows)
        table.setVisible(bool(rows))
        empty.setVisible(not rows)
        # an empty list is one line of text; the other list gets the room
        box = table.parentWidget()
        box.setMaximumHeight(box.sizeHint().height() if not rows else QWIDGETSIZE_MAX)
        if rows:
            table.resizeColumnsToContents()
            for column in range(model.columnCount()):
                table.setColumnWidth(column, min(table.columnWidth(column), 260))

    def _show_overview(self, o: SyncOverview) -> None:
        self.server_label.setText(o.server_url or "")
        name = o.device_name or ""
        self.device_label.setText(f"{name} · {o.device_id[:8]}" if name else o.device_id[:8])
        self.device_label.setToolTip(o.device_id or "")
        self.scope_label.setText(
            self.tr("All estates (head office)")
            if o.all_estates
            else self.tr("%n estate(s)", "", o.estate_count)
        )
        self.last_sync_label.setText(
            formats.local_time(o.last_sync_at) if o.last_sync_at else self.tr("Never")
        )
        if o.last_error:
            self.outcome_label.setText(sync_message(o.last_error))
            self.outcome_label.setProperty("role", "error")
        elif o.last_sync_at:
            self.outcome_label.setText(self.tr("Finished"))
            self.outcome_label.setProperty("role", "")
        else:
            self.outcome_label.setText(self.tr("Not synced yet"))
            self.outcome_label.setProperty("role", "")
        self.outcome_label.style().unpolish(self.outcome_label)
        self.outcome_label.style().polish(self.outcome_label)
        self.waiting_label.setText(
            self.tr("%n change(s)", "", o.waiting)
            if o.waiting
            else self.tr("None: everything is on the server")
        )
        warning = o.clock_warning()
        self.clock_label.setText(sync_message(warning) if warning else self.tr("Correct"))
        self.clock_label.setProperty("role", "error" if warning else "")
        self.clock_label.style().unpolish(self.clock_label)
        self.clock_label.style().polish(self.clock_label)

    # ---- enrolment ----

    def show_form(self) -> None:
        """Connect to another server (a new code), keeping the present address typed."""
        if self.job.running():
            return
        if self.overview and self.overview.server_url and not self.form.server.text():
            self.form.server.setText(self.overview.server_url)
        self._reconnecting = True
        self.form.say("banner-ok", "")
        self.refresh()
        self.form.code.setFocus()

    def _back_to_status(self) -> None:
        self._reconnecting = False
        self.refresh()

    def enrol(self, server_url: str, code: str, name: str) -> None:
        client = SyncClient(self.ctx.db)
        self._doing = "enrol"
        self.form.say("banner-ok", "")
        self.form.set_busy(True)
        if not self.job.start(lambda: client.enroll(server_url, code, name)):
            self._doing = ""
            self.form.set_busy(False)

    # ---- sync ----

    def sync_now(self) -> None:
        if self.job.running() or not (self.overview and self.overview.enrolled):
            return
        client = SyncClient(self.ctx.db)
        self._doing = "sync"
        banner("banner-ok", "", self.result)
        self._show_progress(SyncReport())
        self._set_syncing(True)
        if not self.job.start(lambda: client.sync(progress=self._on_progress)):
            self._doing = ""
            self._set_syncing(False)

    def cancel(self) -> None:
        """Stop the running enrolment or sync; what a sync already applied stays."""
        self.job.cancel()

    def _set_syncing(self, syncing: bool) -> None:
        self.progress.setVisible(syncing)
        self.sync_action.setEnabled(not syncing)
        self.cancel_action.setEnabled(syncing)
        self.reconnect_action.setEnabled(not syncing)

    def _on_progress(self, report: SyncReport) -> None:
        self._show_progress(report)
        self.progressed.emit(report)

    def _show_progress(self, report: SyncReport) -> None:
        if report.pulled:
            text = self.tr("Sent %1 change(s); receiving: %2 so far…")
        elif report.pushed:
            text = self.tr("Sending changes: %1 sent so far…")
        else:
            text = self.tr("Contacting the server…")
        self.progress_text.setText(
            text.replace("%1", f"{report.pushed:,}").replace("%2", f"{report.pulled:,}")
        )

    # ---- outcomes (on the GUI thread, from the task) ----

    def _job_done(self, result) -> None:
        doing, self._doing = self._doing, ""
        if doing == "enrol":
            self.form.set_busy(False)
            self.form.code.clear()
            self._reconnecting = False
            self.refresh()
            banner(
                "banner-ok",
                self.tr(
                    "This computer is connected to %1. Press Sync now (F9) to send its "
                    "changes and receive the others'."
                ).replace("%1", self.overview.server_url or ""),
                self.result,
            )
            self.ctx.events.sync_state_changed.emit()
            return
        self._set_syncing(False)
        report: SyncReport = result
        self.refresh()
        banner(
            "banner-error" if self._worrying(report) else "banner-ok",
            self.report_text(report),
            self.result,
        )
        self.ctx.events.sync_state_changed.emit()
        self.ctx.events.data_changed.emit("*")

    @staticmethod
    def _worrying(report: SyncReport) -> bool:
        return bool(report.rejected or report.clock_warning())

    def report_text(self, report: SyncReport) -> str:
        parts = [
            self.tr("Sync finished: %1 change(s) sent, %2 received.")
            .replace("%1", f"{report.pushed:,}")
            .replace("%2", f"{report.pulled:,}")
        ]
        if report.conflicts:
            parts.append(self.tr("%n conflict(s) kept for review below.", "", report.conflicts))
        if report.rejected:
            parts.append(
                self.tr(
                    "%n change(s) refused by the server; see the list below.",
                    "",
                    len(report.rejected),
                )
            )
        warning = report.clock_warning()
        if warning:
            parts.append(sync_message(warning))
        return " ".join(parts)

    def _job_failed(self, message: str) -> None:
        doing, self._doing = self._doing, ""
        text = sync_message(message)
        if doing == "enrol":
            self.form.set_busy(False)
            self.form.say("banner-error", text)
            self.form.code.setFocus()
            return
        self._set_syncing(False)
        self.refresh()
        banner(
            "banner-error",
            text + " " + self.tr("Your work is kept here and goes with the next sync."),
            self.result,
        )
        self.ctx.events.sync_state_changed.emit()

    def _job_cancelled(self) -> None:
        doing, self._doing = self._doing, ""
        if doing == "enrol":
            self.form.set_busy(False)
            self.form.say("banner-error", self.tr("Enrolment cancelled; nothing was changed."))
            return
        self._set_syncing(False)
        self.refresh()
        banner(
            "banner-error",
            self.tr(
                "Sync cancelled. What was already received is kept; the rest comes with the "
                "next sync."
            ),
            self.result,
        )
        # pages already applied changed data: let the status bar and other pages catch up
        self.ctx.events.sync_state_changed.emit()
        self.ctx.events.data_changed.emit("*")

    # ---- the window ----

    def can_close(self) -> bool:
        """Nothing here keeps the window open, and asking changes nothing: another page
        may still refuse. The sync stops once the window really closes (``hideEvent``),
        or when the application's loop ends (``ui.async_loop``); applied pages stay."""
        return True

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        # hidden with its window, not minimised or left for another page: the window
        # closed, every page having agreed
        if not self.window().isVisible():
            self.cancel()
