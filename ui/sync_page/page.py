"""Sync: connect this computer to the central server, see how its sync goes (it runs by
itself: ``ui.sync_page.background``), the recent runs, the changes set aside, and settle
the conflicts kept.

Not enrolled, the page is the enrolment form (but conflicts kept are listed, the form one
click away). Enrolled, it is the connection's state, a toolbar (Sync now F9, Cancel) and
the lists. Reads go through the runner's read pool,
the enrolment through ``ctx.runner.network``; the page refreshes from the change events.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sync import overview as sync_overview
from sync.client import SyncClient, SyncReport
from ui import formats
from ui.context import AppContext
from ui.messages import message
from ui.sync_page.background import background_for
from ui.sync_page.files_waiting import TABLES as FILE_TABLES
from ui.sync_page.files_waiting import FilesWaiting
from ui.sync_page.form import EnrolForm
from ui.sync_page.labels import describe_sync
from ui.sync_page.model import ConflictsModel, RejectedModel, RunsModel, list_box, show_list
from ui.sync_page.progress import show_receiving
from ui.sync_page.reveal import ConflictReveal
from ui.widgets import icons
from ui.widgets.changes import on_changes
from ui.widgets.fields import banner
from ui.widgets.refresh import RefreshWhenShown

SYNC_SHORTCUT = "F9"  # the window's shortcut (ui.sync_page.background.attach_to_window)
# the files figure counts the inspection files the server has not confirmed
SYNC_TABLES = ("sync_state", "sync_outbox", "sync_conflicts", "sync_rejected", *FILE_TABLES)


def read_page(db):
    """Everything the page shows, in one read (on the runner's read pool)."""
    o = sync_overview.read_overview(db)
    rejected = sync_overview.rejected_changes(db) if o.rejected else []
    conflicts = sync_overview.kept_conflicts(db) if o.conflicts else []
    return o, rejected, conflicts, sync_overview.recent_runs(db)


class SyncPage(RefreshWhenShown, QWidget):
    progressed = Signal(object)  # the SyncReport as it grows
    refreshed = Signal()  # the lists and labels show what the database holds

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: sync_overview.SyncOverview | None = None
        self.background = background_for(ctx)
        self._enrolling = None  # the enrolment's Op while it runs
        self._reconnecting = False  # the form shown on purpose while enrolled
        self._started = 0.0
        self._view = ""  # "conflicts": the first conflict chosen once read

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

        on_changes(ctx.changes, self, SYNC_TABLES, lambda _c: self.refresh_soon())
        bg = self.background
        bg.started.connect(self._sync_started)
        bg.progressed.connect(self._on_progress)
        bg.finished.connect(self._sync_done)
        bg.failed.connect(self._sync_failed)
        bg.cancelled.connect(self._sync_cancelled)

    # ---- the enrolled view ----

    def _action(self, text: str, icon: str, slot, shortcut: str = "", tip: str = "") -> QAction:
        action = QAction(icons.icon(icon), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if shortcut or tip:
            action.setToolTip(f"{text} ({shortcut or tip})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_status_view(self) -> QWidget:
        self.sync_action = self._action(
            self.tr("Sync now"), "fa5s.sync-alt", self.sync_now, tip=SYNC_SHORTCUT
        )
        self.cancel_action = self._action(self.tr("Cancel"), "fa5s.stop-circle", self.cancel, "Esc")
        self._connect_texts = (
            self.tr("Connect to a server…"),
            self.tr("Connect to another server…"),
        )
        self.reconnect_action = self._action(self._connect_texts[1], "fa5s.plug", self.show_form)
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
        self.progress = QWidget()
        progress_row = QHBoxLayout(self.progress)
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.addWidget(self.progress_bar)
        progress_row.addWidget(self.progress_text, 1)
        self.progress.hide()

        self.connection = QGroupBox(self.tr("This computer"))
        labels = [QLabel() for _ in range(9)]
        (
            self.server_label,
            self.device_label,
            self.scope_label,
            self.online_label,
            self.last_sync_label,
            self.outcome_label,
            self.waiting_label,
            self.files_label,
            self.clock_label,
        ) = labels
        info = QFormLayout(self.connection)
        info.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        names = (
            self.tr("Server"),
            self.tr("Device"),
            self.tr("Estates"),
            self.tr("Connection"),
            self.tr("Last sync"),
            self.tr("Outcome"),
            self.tr("Changes waiting"),
            self.tr("Files waiting"),
            self.tr("Clock"),
        )
        for name, label in zip(names, labels, strict=True):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            info.addRow(name, label)
        self.connection.setMinimumWidth(300)
        self.connection.setMaximumWidth(400)

        self.conflicts_model = ConflictsModel(self)
        self.rejected_model = RejectedModel(self)
        self.runs_model = RunsModel(self)
        self.conflicts_box, self.conflicts_table, self.conflicts_empty = list_box(
            self,
            self.conflicts_model,
            self.tr(
                "No conflicts. When two desks change the same field, the value that lost "
                "is kept here to settle."
            ),
        )
        self.keep_mine = QPushButton(self.tr("Keep mine"))
        self._keep_mine_tip = self.tr("This computer's value wins: it is written again")
        self.keep_mine.setToolTip(self._keep_mine_tip)
        self.keep_theirs = QPushButton(self.tr("Keep theirs"))
        self.keep_theirs.setToolTip(self.tr("The other desk's value stays; marked reviewed"))
        settle = QHBoxLayout()
        settle.addStretch(1)
        settle.addWidget(self.keep_mine)
        settle.addWidget(self.keep_theirs)
        self.conflicts_box.layout().addLayout(settle)
        self.reveal = ConflictReveal(self, settle)  # a phone or ID number, shown masked
        self.keep_mine.clicked.connect(lambda: self.settle(mine=True))
        self.keep_theirs.clicked.connect(lambda: self.settle(mine=False))
        self.conflicts_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.rejected_box, self.rejected_table, self.rejected_empty = list_box(
            self,
            self.rejected_model,
            self.tr("Nothing set aside. A change that cannot go through is kept here."),
        )
        self.runs_box, self.runs_table, self.runs_empty = list_box(
            self, self.runs_model, self.tr("No sync yet.")
        )
        self.runs_box.setTitle(self.tr("Recent syncs"))
        lists = QVBoxLayout()
        lists.setSpacing(8)
        self.files_waiting = FilesWaiting(self.ctx, self)  # per inspection, hidden when none
        for box in (self.conflicts_box, self.runs_box, self.rejected_box, self.files_waiting.box):
            lists.addWidget(box, 1)
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
        self._selection_changed()
        return view

    # ---- reading the state ----

    def refresh(self) -> None:
        """Read the sync state and lists (off the UI thread)."""
        self.ctx.runner.query(self, lambda _p: read_page(self.ctx.db)).success(self._show).run()
        self.files_waiting.refresh()

    def _show(self, read) -> None:
        self.overview, rejected, conflicts, runs = read
        o = self.overview
        # not enrolled, the form; but conflicts kept (the demo's, or a desk that left its
        # server) are listed, with the form one click away
        lists = o.enrolled or bool(o.conflicts) or self._view == "conflicts"
        self.form.back.setVisible(lists and self._reconnecting)
        self.stack.setCurrentWidget(
            self.status_view if lists and not self._reconnecting else self.form
        )
        self.connection.setVisible(o.enrolled)
        for action in (self.sync_action, self.cancel_action):
            action.setVisible(o.enrolled)
        self.reconnect_action.setText(self._connect_texts[o.enrolled])
        if lists:
            if o.enrolled:
                self._show_overview(o)
            show_list(self.rejected_model, self.rejected_table, self.rejected_empty, rejected)
            self.rejected_box.setTitle(self.tr("Set aside (%1)").replace("%1", str(o.rejected)))
            show_list(self.conflicts_model, self.conflicts_table, self.conflicts_empty, conflicts)
            self.conflicts_box.setTitle(
                self.tr("Conflicts to settle (%1)").replace("%1", str(o.conflicts))
            )
            show_list(self.runs_model, self.runs_table, self.runs_empty, runs)
            if self._view == "conflicts" and conflicts:
                self.conflicts_table.selectRow(0)
                self.conflicts_table.setFocus()
            self._selection_changed()
        self.refreshed.emit()

    def _show_overview(self, o: sync_overview.SyncOverview) -> None:
        self.server_label.setText(o.server_url or "")
        name = o.device_name or ""
        self.device_label.setText(f"{name} · {o.device_id[:8]}" if name else o.device_id[:8])
        self.device_label.setToolTip(o.device_id or "")
        self.scope_label.setText(
            self.tr("All estates (head office)")
            if o.all_estates
            else self.tr("%n estate(s)", "", o.estate_count)
        )
        self.online_label.setText(self.tr("Online") if o.online else self.tr("Offline"))
        self.last_sync_label.setText(
            formats.local_time(o.last_sync_at) if o.last_sync_at else self.tr("Never")
        )
        if o.last_error is not None:
            _set(self.outcome_label, describe_sync(o.last_error), "error")
        elif o.last_sync_at:
            _set(self.outcome_label, self.tr("Finished"), "")
        else:
            _set(self.outcome_label, self.tr("Not synced yet"), "")
        self.waiting_label.setText(
            self.tr("%n change(s)", "", o.waiting)
            if o.waiting
            else self.tr("None: everything is on the server")
        )
        self.files_label.setText(self.tr("%n file(s)", "", o.files_waiting))
        problem = o.clock_problem()
        _set(
            self.clock_label,
            describe_sync(problem) if problem else self.tr("Correct"),
            "error" if problem else "",
        )

    # ---- enrolment ----

    def show_form(self) -> None:
        """Connect to another server (a new code), keeping the present address typed."""
        if self.background.running() or self._enrolling is not None:
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
        pin = self.form.pin.text().strip()  # the certificate's fingerprint, if given
        self.form.say("banner-ok", "")
        self.form.set_busy(True)
        self._enrolling = (
            self.ctx.runner.network(self, lambda _p: client.enroll(server_url, code, name, pin))
            .success(self._enrolled)
            .failure(self._enrol_failed)
            .finally_(self._enrol_ended)
            .run()
        )

    def _enrol_ended(self) -> None:
        self._enrolling = None
        self.form.set_busy(False)

    def _enrolled(self, _answer) -> None:
        self.form.code.clear()
        self._reconnecting = False
        url = self.form.server.text().strip()
        banner(
            "banner-ok",
            self.tr(
                "This computer is connected to %1. The estate's records are being received "
                "now; work can go on meanwhile."
            ).replace("%1", url),
            self.result,
        )
        self.refresh()
        self.background.sync_now()  # the first sync brings the estate

    def _enrol_failed(self, error: BaseException) -> None:
        from app.domain.errors import Cancelled

        if isinstance(error, Cancelled):
            self.form.say("banner-error", self.tr("Enrolment cancelled; nothing was changed."))
            return
        self.form.say("banner-error", describe_sync(error))
        self.form.code.setFocus()

    # ---- sync (run by ui.sync_page.background) ----

    def sync_now(self) -> None:
        if self.overview is not None and self.overview.enrolled:
            self.background.sync_now()

    def cancel(self) -> None:
        """Stop the enrolment or the sync under way; what a sync applied stays."""
        if self._enrolling is not None:
            self._enrolling.cancel()
        self.background.cancel()

    def _set_syncing(self, syncing: bool) -> None:
        self.progress.setVisible(syncing)
        self.sync_action.setEnabled(not syncing)
        self.cancel_action.setEnabled(syncing)
        self.reconnect_action.setEnabled(not syncing)

    def _sync_started(self) -> None:
        self._started = time.monotonic()
        self._set_syncing(True)
        self._show_progress(SyncReport())

    def _on_progress(self, report: SyncReport) -> None:
        self._show_progress(report)
        self.progressed.emit(report)

    def _show_progress(self, report: SyncReport) -> None:
        if show_receiving(self.progress_bar, self.progress_text, report):
            return  # rows done of all, and time left
        seconds = max(time.monotonic() - self._started, 0.001)
        if report.pulled:
            text = self.tr("Sent %1 change(s); receiving: %2 rows so far (%3 a second)…")
        elif report.pushed:
            text = self.tr("Sending changes: %1 sent so far…")
        else:
            text = self.tr("Contacting the server…")
        self.progress_text.setText(
            text.replace("%1", f"{report.pushed:,}")
            .replace("%2", f"{report.pulled:,}")
            .replace("%3", f"{report.pulled / seconds:,.0f}")
        )

    def _sync_done(self, report: SyncReport) -> None:
        self._set_syncing(False)
        problem = report.clock_problem()
        banner(
            "banner-error" if report.rejected or problem or report.held_back else "banner-ok",
            self.report_text(report),
            self.result,
        )
        self.refresh()

    def report_text(self, report: SyncReport) -> str:
        parts = [
            self.tr("Sync finished: %1 change(s) sent, %2 received.")
            .replace("%1", f"{report.pushed:,}")
            .replace("%2", f"{report.pulled:,}")
        ]
        if report.conflicts:
            parts.append(self.tr("%n conflict(s) to settle below.", "", report.conflicts))
        aside = len(report.rejected) + report.set_aside
        if aside:
            parts.append(self.tr("%n change(s) set aside; see the list below.", "", aside))
        for problem in (report.held_back, report.clock_problem()):
            if problem is not None:
                parts.append(describe_sync(problem))
        return " ".join(parts)

    def _sync_failed(self, error) -> None:
        self._set_syncing(False)
        kept = self.tr("Your work is kept here and goes with the next sync.")
        banner("banner-error", f"{describe_sync(error)} {kept}", self.result)
        self.refresh()

    def _sync_cancelled(self) -> None:
        self._set_syncing(False)
        banner(
            "banner-error",
            self.tr(
                "Sync cancelled. What was already received is kept; the rest comes with the "
                "next sync."
            ),
            self.result,
        )
        self.refresh()

    # ---- conflicts ----

    def _selected_conflict(self):
        rows = self.conflicts_table.selectionModel().selectedRows()
        return self.conflicts_model.rows[rows[0].row()] if rows else None

    def _selection_changed(self, *_args) -> None:
        chosen = self._selected_conflict()
        for button in (self.keep_mine, self.keep_theirs):
            button.setEnabled(chosen is not None)
        tip = self._keep_mine_tip
        if chosen is not None and chosen.signed_inspection:  # only the signed value may stay
            self.keep_mine.setEnabled(False)
            tip = message("sync.conflict_signed_inspection", {"number": chosen.signed_inspection})
        self.keep_mine.setToolTip(tip)
        self.reveal.update(chosen)

    def settle(self, mine: bool) -> None:
        """Keep mine: this computer's value is written again and wins. Keep theirs: the
        other desk's value stays. Either way the conflict is settled."""
        chosen = self._selected_conflict()
        if chosen is None:
            return
        # "mine" is whichever of the two values this computer wrote; on a signed inspection
        # the signed value stays whichever desk wrote the other one
        restore_lost = chosen.lost_here if mine else not chosen.lost_here
        restore_lost = restore_lost and not chosen.signed_inspection
        db = self.ctx.db
        self.ctx.runner.write(
            self, lambda _p: sync_overview.settle_conflict(db, chosen.id, restore_lost)
        ).run()

    def show_view(self, view: str) -> None:
        """``conflicts``: the first conflict to settle chosen (``propdesk snapshot``)."""
        self._view = view
        self.refresh()

    # ---- the window ----

    def can_close(self) -> bool:
        """Nothing keeps the window open: a sync stops between pages, keeping what it applied."""
        return True


def _set(label: QLabel, text: str, role: str) -> None:
    label.setText(text)
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
