"""The inspection report on A4 (preview, printer, PDF through the same document): a cover
with the score, failed items first with their photos, a table per section, the corrective
actions, the signatures and the template version. Photos are scaled to thumbnails in the
document, so a report of 100 items with 50 photos stays a few MB."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.domain.inspections import evaluate
from app.services.inspections.reports import InspectionReport
from ui.inspections.common import (
    answer_word,
    department_word,
    local,
    name,
    severity_word,
    status_word,
)
from ui.widgets.printing import a4

THUMB = 300


def build(report: InspectionReport) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultStyleSheet(
        "body{font-size:10pt} h1{font-size:16pt} h2{font-size:12pt;margin-top:12px}"
        "td,th{padding:3px;border:1px solid #999} th{background:#eee}"
        ".fail{color:#b71c1c;font-weight:bold} .big{font-size:28pt;font-weight:bold}"
    )
    for sha, path in report.files.items():
        image = QImage(path)
        if not image.isNull():
            image = image.scaled(
                THUMB,
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"blob:{sha}"), image)
    doc.setHtml(html(report))
    return doc


def html(report: InspectionReport) -> str:
    v = report.view
    h = v.header
    e = escape
    by_item: dict[str, list[str]] = {}
    for photo in v.photos:
        if photo.sha256 in report.files and photo.role == "evidence":
            by_item.setdefault(photo.item_id, []).append(photo.sha256)

    def thumbs(item_id: str) -> str:
        return "".join(f'<img src="blob:{s}" width="150"> ' for s in by_item.get(item_id, []))

    def word(item) -> str:
        a = v.answers.get(item.id)
        value = a.value if a else ""
        if item.type == "choice" and value not in ("", "na"):
            option = item.option(value)
            return name(option) if option else value
        return answer_word(value) if value in ("pass", "fail", "na", "") else f"{value} {item.unit}"

    score = "—" if v.result.total is None else f"{v.result.total}%"
    verdict = (
        QCoreApplication.translate("InspectionReport", "Passed")
        if v.result.passed
        else QCoreApplication.translate("InspectionReport", "Failed (critical item)")
    )
    out = [
        f"<h1>{e(report.estate_name)} · {e(h.template_name)}</h1>",
        f"<p>{QCoreApplication.translate('InspectionReport', 'No.')} {e(h.number)} · {QCoreApplication.translate('InspectionReport', 'Version')} {h.version} · {e(status_word(h.status))}</p>",
        f"<p class='big'>{score}</p><p><b>{e(verdict)}</b></p>",
        "<table cellspacing='0'>",
        f"<tr><td>{QCoreApplication.translate('InspectionReport', 'Inspected')}</td><td>{e(h.target_label)}</td></tr>",
        f"<tr><td>{QCoreApplication.translate('InspectionReport', 'Inspector')}</td><td>{e(h.started_by)}</td></tr>",
        f"<tr><td>{QCoreApplication.translate('InspectionReport', 'Started')}</td><td>{local(h.started_at)}</td></tr>",
        f"<tr><td>{QCoreApplication.translate('InspectionReport', 'Finalised')}</td><td>{local(h.finalised_at)}</td></tr>",
        "</table>",
    ]
    failed = [i for i in v.content.items() if evaluate(i, v.answers.get(i.id)).failed]
    out.append(
        f"<h2>{QCoreApplication.translate('InspectionReport', 'Failed items')} ({len(failed)})</h2>"
    )
    if failed:
        out.append(
            f"<table cellspacing='0' width='100%'><tr><th>{QCoreApplication.translate('InspectionReport', 'Item')}</th><th>{QCoreApplication.translate('InspectionReport', 'Answer')}</th><th>{QCoreApplication.translate('InspectionReport', 'Note')}</th><th>{QCoreApplication.translate('InspectionReport', 'Photos')}</th></tr>"
        )
        for item in failed:
            a = v.answers.get(item.id)
            repeat = (
                f" <b>({QCoreApplication.translate('InspectionReport', 'repeat')})</b>"
                if item.id in h.repeat_items
                else ""
            )
            out.append(
                f"<tr><td class='fail'>{e(name(item))}{repeat}</td><td>{e(word(item))}</td>"
                f"<td>{e(a.note if a else '')}</td><td>{thumbs(item.id)}</td></tr>"
            )
        out.append("</table>")
    for section in v.content.sections:
        pct = v.result.sections.get(section.id)
        out.append(f"<h2>{e(name(section))} · {'—' if pct is None else f'{pct}%'}</h2>")
        out.append(
            f"<table cellspacing='0' width='100%'><tr><th>{QCoreApplication.translate('InspectionReport', 'Item')}</th><th>{QCoreApplication.translate('InspectionReport', 'Answer')}</th><th>{QCoreApplication.translate('InspectionReport', 'Note')}</th></tr>"
        )
        for item in section.items:
            a = v.answers.get(item.id)
            cls = " class='fail'" if evaluate(item, a).failed else ""
            out.append(
                f"<tr><td>{e(name(item))}</td><td{cls}>{e(word(item))}</td><td>{e(a.note if a else '')}</td></tr>"
            )
        out.append("</table>")
    out.append(
        f"<h2>{QCoreApplication.translate('InspectionReport', 'Corrective actions')} ({len(report.actions)})</h2>"
    )
    if report.actions:
        out.append(
            f"<table cellspacing='0' width='100%'><tr><th>{QCoreApplication.translate('InspectionReport', 'Work order')}</th><th>{QCoreApplication.translate('InspectionReport', 'Item')}</th><th>{QCoreApplication.translate('InspectionReport', 'Department')}</th><th>{QCoreApplication.translate('InspectionReport', 'Severity')}</th><th>{QCoreApplication.translate('InspectionReport', 'Due')}</th><th>{QCoreApplication.translate('InspectionReport', 'State')}</th></tr>"
        )
        for act in report.actions:
            out.append(
                f"<tr><td>{e(act.number)}</td><td>{e(act.item_name)}</td><td>{e(department_word(act.department))}</td>"
                f"<td>{e(severity_word(act.severity))}</td><td>{local(act.due_at)}</td><td>{e(status_word(act.status))}</td></tr>"
            )
        out.append("</table>")
    out.append(
        f"<h2>{QCoreApplication.translate('InspectionReport', 'Signatures')}</h2><table cellspacing='0'>"
    )
    roles = {
        "inspector": QCoreApplication.translate("InspectionReport", "Inspector"),
        "manager": QCoreApplication.translate("InspectionReport", "Manager"),
        "owner": QCoreApplication.translate("InspectionReport", "Owner"),
    }
    for sig in v.signatures:
        image = f'<img src="blob:{sig.sha256}" width="220">' if sig.sha256 in report.files else ""
        out.append(
            f"<tr><td>{e(roles.get(sig.role, sig.role))}</td><td>{e(sig.signer)}</td><td>{local(sig.signed_at)}</td><td>{image}</td></tr>"
        )
    if not v.signatures:
        out.append(
            f"<tr><td>{QCoreApplication.translate('InspectionReport', 'Inspector')}</td><td>&nbsp;</td><td>{QCoreApplication.translate('InspectionReport', 'Owner / manager')}</td><td>&nbsp;</td></tr>"
        )
    out.append("</table>")
    out.append(
        f"<p style='color:#666'>{QCoreApplication.translate('InspectionReport', 'Template version')} {h.version}"
        + (
            f" · {QCoreApplication.translate('InspectionReport', 'Content hash')} {h.content_hash[:16]}"
            if h.content_hash
            else ""
        )
        + "</p>"
    )
    return "".join(out)


def write_pdf(report: InspectionReport, path: Path | str) -> Path:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    a4(printer)
    build(report).print_(printer)
    return Path(path)


def preview(parent: QWidget | None, report: InspectionReport) -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    a4(printer)
    doc = build(report)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("InspectionReport", "Inspection report"))
    dialog.paintRequested.connect(doc.print_)
    dialog._document = doc
    return dialog
