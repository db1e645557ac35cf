"""The counter tab's actions on one payment or unit: receipts (preview, print, PDF),
reversals, refunds, corrections, deposits, parking spaces, the renovation fee, and a
temporary parking stay. A mixin of ``CounterTab``; its words are in that context."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.domain.fees import period_of
from app.services.fees import account, billing_run, counter
from ui.fees.common import current_row, local_today
from ui.fees.printing import (
    receipt_html,
    receipt_paper,
    receipt_preview,
    suggested_pdf_path,
    write_receipt_pdf,
)


class CounterActions:
    # ---- receipts ----

    def _selected_payment(self) -> str | None:
        row = current_row(self.history)
        if row is not None:
            return row.id
        rows = self.history_model.rows
        return self.last_payment_id or (rows[0].id if rows else None)

    def receipt_html(self, payment_id: str) -> str:
        """The receipt (a small read of one payment: on the UI thread, as printing is)."""
        view = account.receipt_view(self.ctx.db, payment_id)
        return receipt_html(view, paper=receipt_paper())

    def preview_receipt(self) -> None:
        payment_id = self._selected_payment()
        if payment_id:
            html, paper = self.receipt_html(payment_id), receipt_paper()
            receipt_preview(
                self, html, QCoreApplication.translate("CounterTab", "Receipt"), paper
            ).exec()

    def save_receipt_pdf(self, path: str | None = None) -> Path | None:
        """Saved where the user keeps documents, named by the receipt number (the dialog
        offers that; never the program's working directory)."""
        payment_id = self._selected_payment()
        if not payment_id:
            return None
        view = account.receipt_view(self.ctx.db, payment_id)
        if not path:
            offered = str(suggested_pdf_path(view.receipt_no))
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("CounterTab", "Save receipt PDF"),
                offered,
                "PDF (*.pdf)",
            )
            if not path:
                return None
        paper = receipt_paper()
        return write_receipt_pdf(receipt_html(view, paper=paper), path, paper)

    # ---- reversals, refunds, corrections ----

    def reverse_selected(self) -> None:
        from ui.fees.dialogs import ReverseDialog

        payment_id = self._selected_payment()
        if payment_id:
            ReverseDialog(self.ctx, counter.payment(self.ctx.db, payment_id), self).exec()

    def refund_credit(self) -> None:
        from ui.fees.dialogs import RefundCreditDialog

        if self.shown is not None and self.shown.account.credit > 0:
            RefundCreditDialog(self.ctx, self.shown, self).exec()

    def adjust_selected(self) -> None:
        from ui.fees.dialogs import AdjustDialog

        picked = self.picked_lines()
        if not picked:
            QMessageBox.information(
                self,
                QCoreApplication.translate("CounterTab", "Correct bill"),
                QCoreApplication.translate("CounterTab", "Select the bill line to correct first."),
            )
            return
        AdjustDialog(self.ctx, counter.bill_line(self.ctx.db, picked[0]), self).exec()

    def charge_temporary_stay(self) -> None:
        from ui.fees.parking_stay import TemporaryStayDialog

        TemporaryStayDialog(self.ctx, self).exec()

    def open_deposits(self) -> None:
        from ui.fees.unit_dialogs import DepositsDialog

        if self.unit_id:
            DepositsDialog(self.ctx, self.unit_id, self).exec()

    def open_parking(self) -> None:
        from ui.fees.unit_dialogs import ParkingDialog

        if self.unit_id:
            ParkingDialog(self.ctx, self.unit_id, self).exec()

    def charge_renovation(self) -> None:
        """The one-off renovation management fee (area × rate), billed this month."""
        if not self.unit_id or self.shown is None:
            return
        question = QCoreApplication.translate(
            "CounterTab", "Charge the one-off renovation management fee to %1?"
        ).replace("%1", self.shown.unit_code)
        if (
            QMessageBox.question(
                self, QCoreApplication.translate("CounterTab", "Renovation fee"), question
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        db, unit_id, now = self.ctx.db, self.unit_id, self.ctx.clock.now()
        period = period_of(local_today(self.ctx))
        self.ctx.runner.write(
            self, lambda _p: billing_run.charge_renovation(db, unit_id, period, self.user, now)
        ).run()
