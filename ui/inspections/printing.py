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


def words() -> dict[str, str]:
    """The report's words in the user's language (literal calls, for lupdate)."""
    return {
        "Passed": QCoreApplication.translate("InspectionReport", "Passed"),
        "Failed (critical item)": QCoreApplication.translate(
            "InspectionReport", "Failed (critical item)"
        ),
        "Inspector": QCoreApplication.translate("InspectionReport", "Inspector"),
        "Manager": QCoreApplication.translate("InspectionReport", "Manager"),
        "Owner": QCoreApplication.translate("InspectionReport", "Owner"),
        "No.": QCoreApplication.translate("InspectionReport", "No."),
        "Version": QCoreApplication.translate("InspectionReport", "Version"),
        "Inspected": QCoreApplication.translate("InspectionReport", "Inspected"),
        "Started": QCoreApplication.translate("InspectionReport", "Started"),
        "Finalised": QCoreApplication.translate("InspectionReport", "Finalised"),
        "Failed items": QCoreApplication.translate("InspectionReport", "Failed items"),
        "Item": QCoreApplication.translate("InspectionReport", "Item"),
        "Answer": QCoreApplication.translate("InspectionReport", "Answer"),
        "Note": QCoreApplication.translate("InspectionReport", "Note"),
        "Photos": QCoreApplication.translate("InspectionReport", "Photos"),
        "repeat": QCoreApplication.translate("InspectionReport", "repeat"),
        "Corrective actions": QCoreApplication.translate("InspectionReport", "Corrective actions"),
        "Work order": QCoreApplication.translate("InspectionReport", "Work order"),
        "Department": QCoreApplication.translate("InspectionReport", "Department"),
        "Severity": QCoreApplication.translate("InspectionReport", "Severity"),
        "Due": QCoreApplication.translate("InspectionReport", "Due"),
        "State": QCoreApplication.translate("InspectionReport", "State"),
        "Signatures": QCoreApplication.translate("InspectionReport", "Signatures"),
        "Owner / manager": QCoreApplication.translate("InspectionReport", "Owner / manager"),
        "Template version": QCoreApplication.translate("InspectionReport", "Template version"),
        "Content hash": QCoreApplication.translate("InspectionReport", "Content hash"),
    }


def html(report: InspectionReport) -> str:
    W = words()
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
    verdict = W["Passed"] if v.result.passed else W["Failed (critical item)"]
    out = [
        f"<h1>{e(report.estate_name)} · {e(h.template_name)}</h1>",
        f"<p>{W['No.']} {e(h.number)} · {W['Version']} {h.version} · {e(status_word(h.status))}</p>",
        f"<p class='big'>{score}</p><p><b>{e(verdict)}</b></p>",
        "<table cellspacing='0'>",
        f"<tr><td>{W['Inspected']}</td><td>{e(h.target_label)}</td></tr>",
        f"<tr><td>{W['Inspector']}</td><td>{e(h.started_by)}</td></tr>",
        f"<tr><td>{W['Started']}</td><td>{local(h.started_at)}</td></tr>",
        f"<tr><td>{W['Finalised']}</td><td>{local(h.finalised_at)}</td></tr>",
        "</table>",
    ]
    failed = [i for i in v.content.items() if evaluate(i, v.answers.get(i.id)).failed]
    out.append(f"<h2>{W['Failed items']} ({len(failed)})</h2>")
    if failed:
        out.append(
            f"<table cellspacing='0' width='100%'><tr><th>{W['Item']}</th><th>{W['Answer']}</th><th>{W['Note']}</th><th>{W['Photos']}</th></tr>"
        )
        for item in failed:
            a = v.answers.get(item.id)
            repeat = f" <b>({W['repeat']})</b>" if item.id in h.repeat_items else ""
            out.append(
                f"<tr><td class='fail'>{e(name(item))}{repeat}</td><td>{e(word(item))}</td>"
                f"<td>{e(a.note if a else '')}</td><td>{thumbs(item.id)}</td></tr>"
            )
        out.append("</table>")
    for section in v.content.sections:
        pct = v.result.sections.get(section.id)
        out.append(f"<h2>{e(name(section))} · {'—' if pct is None else f'{pct}%'}</h2>")
        out.append(
            f"<table cellspacing='0' width='100%'><tr><th>{W['Item']}</th><th>{W['Answer']}</th><th>{W['Note']}</th></tr>"
        )
        for item in section.items:
            a = v.answers.get(item.id)
            cls = " class='fail'" if evaluate(item, a).failed else ""
            out.append(
                f"<tr><td>{e(name(item))}</td><td{cls}>{e(word(item))}</td><td>{e(a.note if a else '')}</td></tr>"
            )
        out.append("</table>")
    out.append(f"<h2>{W['Corrective actions']} ({len(report.actions)})</h2>")
    if report.actions:
        out.append(
            f"<table cellspacing='0' width='100%'><tr><th>{W['Work order']}</th><th>{W['Item']}</th><th>{W['Department']}</th><th>{W['Severity']}</th><th>{W['Due']}</th><th>{W['State']}</th></tr>"
        )
        for act in report.actions:
            out.append(
                f"<tr><td>{e(act.number)}</td><td>{e(act.item_name)}</td><td>{e(department_word(act.department))}</td>"
                f"<td>{e(severity_word(act.severity))}</td><td>{local(act.due_at)}</td><td>{e(status_word(act.status))}</td></tr>"
            )
        out.append("</table>")
    out.append(f"<h2>{W['Signatures']}</h2><table cellspacing='0'>")
    roles = {
        "inspector": W["Inspector"],
        "manager": W["Manager"],
        "owner": W["Owner"],
    }
    for sig in v.signatures:
        image = f'<img src="blob:{sig.sha256}" width="220">' if sig.sha256 in report.files else ""
        out.append(
            f"<tr><td>{e(roles.get(sig.role, sig.role))}</td><td>{e(sig.signer)}</td><td>{local(sig.signed_at)}</td><td>{image}</td></tr>"
        )
    if not v.signatures:
        out.append(
            f"<tr><td>{W['Inspector']}</td><td>&nbsp;</td><td>{W['Owner / manager']}</td><td>&nbsp;</td></tr>"
        )
    out.append("</table>")
    out.append(
        f"<p style='color:#666'>{W['Template version']} {h.version}"
        + (f" · {W['Content hash']} {h.content_hash[:16]}" if h.content_hash else "")
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
