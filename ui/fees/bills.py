"""The bills tab: a month's bill lines, read a page at a time as the list scrolls; the
billing run (progress, Cancel); the month's shared cost apportioned by area; export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import Cancelled, DomainError, FieldErrors
from app.domain.money import format_rate, parse_money
from app.services.fees import billing_run, reports
from ui import formats, messages
from ui.context import AppContext
from ui.fees.common import (
    BuildingFilter,
    FeeTab,
    empty_label,
    local_today,
    month_edit,
    period_text,
    table_view,
)
from ui.fees.labels import bill_note, word
from ui.fees.prepayment import TopUpBox
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import action
from ui.widgets.ops import Op, show_error
from ui.widgets.paged_model import Column, PagedModel, on_runner
from ui.widgets.tables import RememberedLayout

translate = QCoreApplication.translate  # column titles: literal calls, so lupdate finds them

COLUMNS = (
    Column("unit", lambda: translate("BillsTab", "Unit"), lambda r: r.unit_code),
    Column("item", lambda: translate("BillsTab", "Item"), lambda r: word(r.fee_code)),
    Column("period", lambda: translate("BillsTab", "Period"), lambda r: r.period),
    Column("quantity", lambda: translate("BillsTab", "Quantity"), lambda r: f"{r.quantity:.2f}"),
    # the decimals the rate keeps (1.90, 1.2345), not the money delegate's two
    Column(
        "rate", lambda: translate("BillsTab", "Rate"), lambda r: format_rate(r.rate), right=True
    ),
    Column("amount", lambda: translate("BillsTab", "Amount"), lambda r: r.amount, right=True),
    Column("note", lambda: translate("BillsTab", "Note"), lambda r: bill_note(r.note)),
)
WIDTHS = (150, 170, 70, 80, 90, 100, 240)


class BillsTab(FeeTab):
    TABLES = ("bill_lines", "units", "buildings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.running: Op | None = None
        self.exported: Path | None = None
        self.period = month_edit(local_today(ctx))
        self.building = BuildingFilter(ctx, self.tr("All buildings"))
        self.shared_total = QLineEdit()
        self.shared_total.setPlaceholderText(
            self.tr("Month's shared water and electricity, e.g. 10000.00")
        )
        self.shared_total.textEdited.connect(self._check_shared)
        self.shared_field = FieldWithMessage(self.shared_total)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        db = ctx.db
        self.model = PagedModel(
            COLUMNS,
            lambda query: reports.bill_summary(db, query).lines,
            lambda query, offset, limit: reports.bill_page(db, query, offset, limit),
            self,
            loader=on_runner(ctx.runner, self),
        )
        self.model.loaded.connect(self._loaded)
        self.view = table_view(self.model)
        self.empty = empty_label(
            self.tr("No bills for this month yet — press “Run billing” (Ctrl+B) to issue them.")
        )
        self.empty.hide()
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.run_action = action(
            self,
            self.tr("Run billing"),
            self.run_billing,
            icon="fa5s.file-invoice",
            shortcut="Ctrl+B",
            toolbar=bar,
        )
        self.share_action = action(
            self, self.tr("Apportion shared cost"), self.apportion, icon="fa5s.divide", toolbar=bar
        )
        self.export_action = action(
            self, self.tr("Export…"), self.export, icon="fa5s.file-export", toolbar=bar
        )
        self.period.dateChanged.connect(lambda _d: self.refresh_soon())
        self.building.currentIndexChanged.connect(lambda _i: self.refresh_soon())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.top_up = TopUpBox(ctx)  # seed 003's 预收500元/户, per unit
        self.top_up.setMaximumHeight(240)
        self.top_up.open_unit.connect(self._open_unit)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Month")))
        filters.addWidget(self.period)
        filters.addWidget(self.building)
        filters.addWidget(self.shared_field, 1)
        filters.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.top_up)
        self.layout_memory = RememberedLayout(
            "fees/bills", header=self.view.horizontalHeader(), widths=WIDTHS
        )

    def save_state(self) -> None:
        self.layout_memory.save()

    def query(self) -> reports.BillsQuery:
        return reports.BillsQuery(
            self.ctx.estate_id, period_text(self.period), self.building.currentData()
        )

    def refresh(self) -> None:
        query = self.query()
        self.model.set_query(query)
        self.read(lambda _p: reports.bill_summary(self.ctx.db, query), self._show_summary)
        self.top_up.refresh()

    def _open_unit(self, unit_id: str) -> None:
        """A unit of the top-up list at the counter, to take its prepayment."""
        parent = self.parentWidget()
        while parent is not None and not hasattr(parent, "open_unit"):
            parent = parent.parentWidget()
        if parent is not None:
            parent.open_unit(unit_id)

    def _loaded(self) -> None:
        shown = self.model.rowCount() > 0
        self.view.setVisible(shown)
        self.empty.setVisible(not shown)

    def _show_summary(self, summary: reports.BillsSummary) -> None:
        self.summary.setText(
            self.tr("%1 lines, total %2")
            .replace("%1", f"{summary.lines:,}")
            .replace("%2", formats.money(summary.total))
        )

    # ---- the billing run ----

    def run_billing(self) -> None:
        period = period_text(self.period)
        question = self.tr("Issue the bills of %1 for every unit?").replace("%1", period)
        if (
            QMessageBox.question(self, self.tr("Run billing"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.issue(period)

    def issue(self, period: str) -> Op:
        """The run on the writer, with progress after 300 ms and Cancel between units."""
        db, estate_id, user, now = self.ctx.db, self.ctx.estate_id, self.user, self.ctx.clock.now()
        self.run_action.setEnabled(False)
        self.running = (
            self.ctx.runner.write(
                self, lambda p: billing_run.run_billing(db, estate_id, period, user, p, now)
            )
            .with_progress(self.tr("Issuing bills…"), cancellable=True)
            .success(self._issued)
            .failure(self._not_issued)
            .finally_(self._run_done)
            .run()
        )
        return self.running

    def _issued(self, result: billing_run.BillingResult) -> None:
        text = (
            self.tr("%1: %2 lines issued (%3), %4 already issued.")
            .replace("%1", result.period)
            .replace("%2", f"{result.created:,}")
            .replace("%3", formats.money(result.total))
            .replace("%4", f"{result.already_issued:,}")
        )
        banner("banner-ok", text, self.message)

    def _not_issued(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            banner("banner-ok", self.tr("Billing run cancelled; no bill was issued."), self.message)
        else:
            show_error(self, error)

    def _run_done(self) -> None:
        self.running = None
        self.run_action.setEnabled(True)

    # ---- shared cost ----

    def _check_shared(self, text: str) -> None:
        error = None
        if text.strip():
            try:
                parse_money(text)
            except DomainError as problem:
                error = problem
        self.shared_field.set_error(messages.describe(error) if error else "")

    def apportion(self) -> None:
        db, estate_id, user = self.ctx.db, self.ctx.estate_id, self.user
        period, typed, now = (
            period_text(self.period),
            self.shared_total.text(),
            self.ctx.clock.now(),
        )

        def done(result: billing_run.BillingResult) -> None:
            self.shared_field.set_error("")
            banner(
                "banner-ok",
                self.tr("Shared cost %1 split over %2 units.")
                .replace("%1", formats.money(result.total))
                .replace("%2", str(result.created)),
                self.message,
            )

        def refused(error: BaseException) -> None:
            if isinstance(error, FieldErrors):
                self.shared_field.set_error(messages.describe(error))
            else:
                show_error(self, error)

        self.ctx.runner.write(
            self,
            lambda _p: billing_run.bill_shared_utilities(db, estate_id, period, typed, user, now),
        ).success(done).failure(refused).run()

    # ---- export ----

    def export(self, path: str | None = None) -> Op | None:
        """Every line of the month (not only the rows read so far) to XLSX or CSV, written
        off the UI thread."""
        period = period_text(self.period)
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export bills"), f"bills-{period}.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
            )
            if not path:
                return None
        db, estate_id, target = self.ctx.db, self.ctx.estate_id, Path(path)

        def work(_p) -> Path:
            rows = reports.export_rows(db, estate_id, period)
            reports.write_table(target, reports.EXPORT_COLUMNS, rows)
            return target

        def done(written: Path) -> None:
            self.exported = written
            banner(
                "banner-ok",
                self.tr("Exported to %1").replace("%1", str(written)),
                self.message,
            )

        return self.ctx.runner.query(self, work).success(done).run()
