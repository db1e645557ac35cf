"""One renderer for the print preview, the printer and the PDF: an HTML document laid out
on A4 (UI.md "Printing"). Desks build the HTML; this prints it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def a4(printer: QPrinter) -> None:
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )


def write_pdf(html: str, path: Path | str) -> Path:
    """The same rendering as the printer, to a PDF file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    a4(printer)
    document(html).print_(printer)
    return Path(path)


def print_preview(parent: QWidget | None, html: str, title: str) -> QPrintPreviewDialog:
    """Qt's print dialog with preview; printing from it goes to any printer or PDF."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    a4(printer)
    doc = document(html)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(doc.print_)
    dialog._document = doc  # kept alive as long as the dialog
    return dialog
