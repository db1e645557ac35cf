"""The audit trail (审计记录): who changed what, when, on which device, before and after.

For auditors and directors (``audit.view``): filters by period, kind of change and person,
the list read a page at a time on the runner and refreshed when entries arrive (written
here or pulled by sync), and an XLSX export of what the filters show. Others see why the
page is closed to them.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import audit
from ui.context import AppContext
from ui.formats import local_time
from ui.messages import CATALOGUE, message
from ui.widgets.changes import on_changes
from ui.widgets.paged_model import Column, PagedModel, on_runner
from ui.widgets.permits import may, why_not
from ui.widgets.tables import list_view_defaults

ZONE = ZoneInfo("Asia/Shanghai")  # the estates' time zone (DESIGN.md: shown in it)
# kinds of change offered by the filter: an action prefix each
KINDS = (
    "payments.",
    "fees.",
    "deposits.",
    "bills.",
    "fee_schedule.",
    "settings.",
    "accounts.",
    "permissions.",
    "record.",
    "personal.",
)


def action_label(code: str) -> str:
    key = f"audit.action.{code}"
    return message(key) if key in CATALOGUE else code


def table_label(table: str) -> str:
    key = f"audit.table.{table}"
    return message(key) if key in CATALOGUE else table


def _values(values) -> str:
    if not values:
        return ""
    return "; ".join(f"{k}: {v}" for k, v in sorted(values.items()))


def _role(role: str) -> str:
    return message(f"role.{role}") if role else ""


COLUMNS = (
    Column(
        "at", lambda: QCoreApplication.translate("AuditPage", "When"), lambda r: local_time(r.at)
    ),
    Column(
        "who",
        lambda: QCoreApplication.translate("AuditPage", "Who"),
        lambda r: r.actor_name or r.actor_id or QCoreApplication.translate("AuditPage", "System"),
    ),
    Column(
        "role",
        lambda: QCoreApplication.translate("AuditPage", "Role"),
        lambda r: _role(r.actor_role),
    ),
    Column(
        "what",
        lambda: QCoreApplication.translate("AuditPage", "What"),
        lambda r: action_label(r.action),
        lambda r: r.action,
    ),
    Column(
        "record",
        lambda: QCoreApplication.translate("AuditPage", "Record"),
        lambda r: table_label(r.table_name),
        lambda r: r.row_id,
    ),
    Column(
        "before",
        lambda: QCoreApplication.translate("AuditPage", "Before"),
        lambda r: _values(r.before),
        lambda r: _values(r.before),
    ),
    Column(
        "after",
        lambda: QCoreApplication.translate("AuditPage", "After"),
        lambda r: _values(r.after),
        lambda r: _values(r.after),
    ),
    Column(
        "device",
        lambda: QCoreApplication.translate("AuditPage", "Device"),
        lambda r: r.device_id[:8],
        lambda r: r.device_id,
    ),
)


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.allowed = may(ctx, "audit.view")
        heading = QLabel(self.tr("Audit trail"))
        heading.setProperty("role", "title")
        # the estate's day from the context's clock (not the computer's date in UTC)
        today = QDate(ctx.clock.now().astimezone(ZONE).date())
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All changes"), "")
        for prefix in KINDS:
            self.kind.addItem(self._kind_label(prefix), prefix)
        self.count = QLabel()
        self.export_button = QPushButton(self.tr("Export XLSX…"))
        self.export_button.setToolTip(self.tr("Write the entries the filters show to a workbook"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.until)
        bar.addWidget(QLabel(self.tr("Kind")))
        bar.addWidget(self.kind)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.export_button)
        self.model = PagedModel(
            COLUMNS,
            lambda q: audit.count(ctx.db, q),
            lambda q, offset, limit: audit.read_page(ctx.db, q, offset, limit),
            self,
            loader=on_runner(ctx.runner, self),
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        list_view_defaults(self.table, 26)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in zip(range(7), (130, 90, 90, 120, 90, 260, 260), strict=True):
            self.table.setColumnWidth(column, width)
        self.closed = QLabel(why_not(ctx, "audit.view"))
        self.closed.setWordWrap(True)
        self.closed.setVisible(not self.allowed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addWidget(self.closed)
        layout.addWidget(self.table, 1)
        self.model.loaded.connect(self._counted)
        self.export_button.clicked.connect(self.export)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        for signal in (
            self.since.dateChanged,
            self.until.dateChanged,
            self.kind.currentIndexChanged,
        ):
            signal.connect(self._debounce.start)
        for widget in (self.since, self.until, self.kind, self.export_button, self.table):
            widget.setEnabled(self.allowed)
        if not self.allowed:
            self.export_button.setToolTip(why_not(ctx, "audit.view"))
            return
        on_changes(ctx.changes, self, ("audit_entries",), lambda _changes: self.refresh())
        self.refresh()

    @staticmethod
    def _kind_label(prefix: str) -> str:
        words = {
            "payments.": QCoreApplication.translate("AuditPage", "Payments and reversals"),
            "fees.": QCoreApplication.translate("AuditPage", "Adjustments and refunds"),
            "deposits.": QCoreApplication.translate("AuditPage", "Deposits"),
            "bills.": QCoreApplication.translate("AuditPage", "Bills"),
            "fee_schedule.": QCoreApplication.translate("AuditPage", "Fee schedule"),
            "settings.": QCoreApplication.translate("AuditPage", "Settings"),
            "accounts.": QCoreApplication.translate("AuditPage", "Staff accounts"),
            "permissions.": QCoreApplication.translate("AuditPage", "Permissions"),
            "record.": QCoreApplication.translate("AuditPage", "Deletions"),
            "personal.": QCoreApplication.translate("AuditPage", "Phone and ID reveals"),
        }
        return words[prefix]

    def query(self) -> audit.AuditQuery:
        zone = ZONE

        def start_of(day: QDate) -> datetime:
            local = datetime.combine(day.toPython(), time(0), zone)
            return local.astimezone(UTC)

        return audit.AuditQuery(
            self.ctx.estate_id,
            since=start_of(self.since.date()),
            until=start_of(self.until.date()) + timedelta(days=1),
            action=self.kind.currentData() or "",
        )

    def refresh(self) -> None:
        if self.allowed:
            self.model.set_query(self.query())

    def _counted(self) -> None:
        total = self.model.total
        self.count.setText(self.tr("%n entries", "", total))
        if total == 0:
            self.count.setText(self.tr("No entries for these filters"))

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), "audit.xlsx", "Excel (*.xlsx)"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str):
        headers = tuple(c.title() for c in COLUMNS[:3]) + (
            QCoreApplication.translate("AuditPage", "Device"),
            QCoreApplication.translate("AuditPage", "What"),
            QCoreApplication.translate("AuditPage", "Table"),
            QCoreApplication.translate("AuditPage", "Record"),
            QCoreApplication.translate("AuditPage", "Before"),
            QCoreApplication.translate("AuditPage", "After"),
        )
        db, estate_id, query = self.ctx.db, self.ctx.estate_id, self.query()

        def work(_progress):
            labels = {a: action_label(a) for a in audit.actions(db, estate_id)}
            return audit.export_xlsx(db, query, path, headers, labels)

        return (
            self.ctx.runner.query(self, work)
            .success(
                lambda n: self.ctx.events.status_message.emit(self.tr("%n entries exported", "", n))
            )
            .run()
        )
