"""The arrears tab: debtors by ageing bucket as of a day, per building, exported to XLSX.
The report runs off the UI thread and re-runs when payments, bills or adjustments change."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QToolBar, QVBoxLayout, QWidget

from app.domain.fees import AGEING_BUCKETS
from app.services.fees import reports
from ui import formats
from ui.context import AppContext
from ui.fees.common import (
    BuildingFilter,
    FeeTab,
    FollowsToday,
    as_date,
    day_edit,
    empty_label,
    local_today,
    save_table,
    table_values,
    table_view,
)
from ui.widgets.fields import banner
from ui.widgets.forms import action
from ui.widgets.ops import Op
from ui.widgets.paged_model import Column, StaticModel
from ui.widgets.tables import RememberedLayout

translate = QCoreApplication.translate  # column titles: literal calls, so lupdate finds them


def _bucket_column(number: int, bucket: str) -> Column:
    return Column(
        f"bucket{number}",
        lambda: translate("ArrearsTab", "%1 days").replace("%1", bucket),
        lambda r: r.buckets[bucket],
        right=True,
    )


COLUMNS = (
    Column("unit", lambda: translate("ArrearsTab", "Unit"), lambda r: r.unit_code),
    Column("owner", lambda: translate("ArrearsTab", "Owner"), lambda r: r.owner),
    Column("phone", lambda: translate("ArrearsTab", "Phone"), lambda r: r.phone_masked),
    *(_bucket_column(n, bucket) for n, bucket in enumerate(AGEING_BUCKETS)),
    Column("overdue", lambda: translate("ArrearsTab", "Overdue"), lambda r: r.overdue, right=True),
    Column(
        "credit",
        lambda: translate("ArrearsTab", "Credit"),
        lambda r: -r.credit if r.credit else Decimal("0.00"),
        right=True,
    ),
    Column("net", lambda: translate("ArrearsTab", "Net owed"), lambda r: r.net, right=True),
)
WIDTHS = (150, 70, 100, 90, 90, 90, 90, 100, 90, 100)


class ArrearsTab(FeeTab):
    TABLES = (
        "bill_lines",
        "fee_adjustments",
        "payments",
        "payment_allocations",
        "residents",
        "fee_opening_entries",  # opening arrears (期初欠费) age here too
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[reports.ArrearsRow] = []
        self.exported: Path | None = None
        self._after_load = None  # an export asked for while the report was being read
        self.as_of = day_edit(local_today(ctx))
        self.follows_today = FollowsToday(ctx, self.as_of)
        self.building = BuildingFilter(ctx, self.tr("All buildings"))
        self.model = StaticModel(COLUMNS, self)
        self.view = table_view(self.model)
        self.totals = QLabel()
        self.totals.setProperty("role", "hint")
        self.message = QLabel()
        self.message.hide()
        self.empty = empty_label(self.tr("No arrears: every overdue bill is paid."))
        self.empty.hide()
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_action = action(
            self, self.tr("Export XLSX…"), self.export, icon="fa5s.file-excel", toolbar=bar
        )
        self.as_of.dateChanged.connect(lambda _d: self.refresh_soon())
        self.building.currentIndexChanged.connect(lambda _i: self.refresh_soon())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("As of")))
        filters.addWidget(self.as_of)
        filters.addWidget(self.building)
        filters.addStretch(1)
        filters.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self.layout_memory = RememberedLayout(
            "fees/arrears", header=self.view.horizontalHeader(), widths=WIDTHS
        )

    def save_state(self) -> None:
        self.layout_memory.save()

    def refresh(self) -> None:
        db, estate_id = self.ctx.db, self.ctx.estate_id
        as_of, building = as_date(self.as_of), self.building.currentData()
        self.read(lambda _p: reports.arrears(db, estate_id, as_of, building), self._show)

    def _show(self, rows: list[reports.ArrearsRow]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        totals = reports.arrears_totals(rows)
        net = sum((r.net for r in rows), Decimal("0.00"))
        self.totals.setText(
            self.tr("%1 units, net owed %2")
            .replace("%1", f"{len(rows):,}")
            .replace("%2", formats.money(net))
            + "  ("
            + ", ".join(f"{b}: {formats.money(v)}" for b, v in totals.items())
            + ")"
        )
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if self._after_load is not None:
            start, self._after_load = self._after_load, None
            start()

    def export(self, path: str | None = None) -> Op | None:
        """The rows shown (the report as of the chosen day) to XLSX, written off the UI
        thread; the report is read first if it is stale."""
        self.ensure_fresh()
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export arrears"),
                f"arrears-{as_date(self.as_of)}.xlsx",
                "Excel (*.xlsx)",
            )
            if not path:
                return None
        headers = [column.title() for column in COLUMNS]
        target = Path(path)

        def written(done: Path) -> None:
            self.exported = done
            banner("banner-ok", self.tr("Exported to %1").replace("%1", str(done)), self.message)

        def start() -> Op:
            rows = table_values(COLUMNS, self.rows)
            return (
                self.ctx.runner.query(self, lambda _p: save_table(target, headers, rows))
                .success(written)
                .run()
            )

        if self.loading:  # the report is being read: export what it finds
            self._after_load = start
            return None
        return start()
