"""Printed complaint forms (业主投诉、建议表) and the director's weekly summary: one HTML
renderer for the print preview, the printer and the PDF (UI.md "Printing")."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app.domain.units import mask_phone
from app.services.complaints import ComplaintDetail
from app.services.complaints.stats import WeeklyStats
from ui import formats
from ui.complaints.labels import event_word, word
from ui.labels import staff_role

FORM_CODE = "KH-21-R02"


_STYLE = """
<style>
 body { font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif; font-size: 10pt; }
 h1 { font-size: 16pt; text-align: center; margin: 4px 0; }
 .head { color: #444; font-size: 9pt; }
 table { border-collapse: collapse; width: 100%; }
 td, th { border: 1px solid #333; padding: 4px 6px; vertical-align: top; }
 th { background: #eef1f4; text-align: left; font-weight: bold; }
 .label { width: 18%; background: #f6f7f9; }
 .num { text-align: right; }
</style>
"""


def _header(estate_name: str, title: str, code: str = "") -> str:
    right = f"{QCoreApplication.translate('ComplaintPrint', 'Form')} {escape(code)}" if code else ""
    return (
        f"<table style='border:none'><tr><td style='border:none' class='head'>"
        f"{escape(estate_name)}</td><td style='border:none;text-align:right' class='head'>"
        f"{right}</td></tr></table><h1>{escape(title)}</h1>"
    )


def complaint_form_html(c: ComplaintDetail, estate_name: str) -> str:
    """The complaint form with its processing record (every event), ready to print."""
    state, events, unit, tz = c.state, c.events, c.unit, c.timezone
    rows = [
        (
            QCoreApplication.translate("ComplaintPrint", "No."),
            c.number,
            QCoreApplication.translate("ComplaintPrint", "Received"),
            formats.local_time(c.received_at, tz),
        ),
        (
            QCoreApplication.translate("ComplaintPrint", "Complainant"),
            c.complainant_name,
            QCoreApplication.translate("ComplaintPrint", "Phone"),
            mask_phone(c.complainant_phone),
        ),
        (
            QCoreApplication.translate("ComplaintPrint", "Unit"),
            unit,
            QCoreApplication.translate("ComplaintPrint", "Channel"),
            word(c.channel),
        ),
        (
            QCoreApplication.translate("ComplaintPrint", "Time of event"),
            formats.local_time(c.event_time, tz),
            QCoreApplication.translate("ComplaintPrint", "Place"),
            c.event_place,
        ),
        (
            QCoreApplication.translate("ComplaintPrint", "About"),
            c.about,
            QCoreApplication.translate("ComplaintPrint", "Received by"),
            c.received_by,
        ),
        (
            QCoreApplication.translate("ComplaintPrint", "Classification"),
            f"{QCoreApplication.translate('ComplaintPrint', 'Valid') if c.valid else QCoreApplication.translate('ComplaintPrint', 'Invalid')} · {word(c.scope)} · {word(c.category)}",
            QCoreApplication.translate("ComplaintPrint", "Severity"),
            word(state.severity),
        ),
        (
            QCoreApplication.translate("ComplaintPrint", "Department"),
            word(c.department) if c.department else "",
            QCoreApplication.translate("ComplaintPrint", "Reply wanted"),
            QCoreApplication.translate("ComplaintPrint", "Yes")
            if c.reply_wanted
            else QCoreApplication.translate("ComplaintPrint", "No"),
        ),
    ]
    body = [
        _STYLE,
        _header(
            estate_name,
            QCoreApplication.translate("ComplaintPrint", "Owner complaint and suggestion form"),
            FORM_CODE,
        ),
    ]
    body.append("<table>")
    for a, b, cc, d in rows:
        body.append(
            f"<tr><td class='label'>{escape(a)}</td><td>{escape(b or '')}</td>"
            f"<td class='label'>{escape(cc)}</td><td>{escape(d or '')}</td></tr>"
        )
    for label, text in (
        (QCoreApplication.translate("ComplaintPrint", "What happened"), c.content),
        (QCoreApplication.translate("ComplaintPrint", "Request"), c.request),
    ):
        body.append(
            f"<tr><td class='label'>{escape(label)}</td><td colspan='3'>"
            f"{escape(text).replace(chr(10), '<br>')}</td></tr>"
        )
    body.append(
        "</table><h3>"
        + escape(QCoreApplication.translate("ComplaintPrint", "Processing record"))
        + "</h3><table>"
    )
    body.append(
        f"<tr><th>{QCoreApplication.translate('ComplaintPrint', 'Time')}</th><th>{QCoreApplication.translate('ComplaintPrint', 'Step')}</th><th>{QCoreApplication.translate('ComplaintPrint', 'By')}</th><th>{QCoreApplication.translate('ComplaintPrint', 'Note')}</th></tr>"
    )
    for e in events:
        data = e.data or {}
        detail = word(data.get("department") or data.get("to") or data.get("satisfaction") or "")
        who = e.actor_name or (staff_role(e.actor_role) if e.actor_role else "")
        note = " · ".join(p for p in (detail, e.note) if p)
        body.append(
            f"<tr><td>{formats.local_time(e.at, tz)}</td><td>{escape(event_word(e.kind))}</td>"
            f"<td>{escape(who)}</td><td>{escape(note)}</td></tr>"
        )
    body.append(
        "</table><h3>"
        + escape(QCoreApplication.translate("ComplaintPrint", "Deadlines"))
        + "</h3><table>"
    )
    body.append(
        f"<tr><th>{QCoreApplication.translate('ComplaintPrint', 'Step')}</th><th>{QCoreApplication.translate('ComplaintPrint', 'Due')}</th><th>{QCoreApplication.translate('ComplaintPrint', 'Done')}</th></tr>"
    )
    for d in state.deadlines:
        done = formats.local_time(d.done_at, tz)
        if d.done_at is not None and not d.met:
            done += " (" + QCoreApplication.translate("ComplaintPrint", "late") + ")"
        body.append(
            f"<tr><td>{escape(word(d.kind))}</td><td>{formats.local_time(d.due, tz)}</td>"
            f"<td>{escape(done)}</td></tr>"
        )
    body.append("</table><br><table style='border:none'><tr>")
    for label in (
        QCoreApplication.translate("ComplaintPrint", "Handled by"),
        QCoreApplication.translate("ComplaintPrint", "Supervisor"),
        QCoreApplication.translate("ComplaintPrint", "Director"),
    ):
        body.append(f"<td style='border:none'>{escape(label)}: ______________</td>")
    body.append("</tr></table>")
    return "".join(body)


def weekly_summary_html(stats: WeeklyStats, estate_name: str) -> str:
    """The Saturday summary for the director."""
    body = [
        _STYLE,
        _header(
            estate_name, QCoreApplication.translate("ComplaintPrint", "Weekly complaint statistics")
        ),
    ]
    body.append(
        f"<p class='head' style='text-align:center'>{stats.week_start} – {stats.week_end}</p>"
    )
    average = "—" if stats.average_resolve_hours is None else f"{stats.average_resolve_hours:.1f}"
    body.append("<table>")
    for label, value in (
        (QCoreApplication.translate("ComplaintPrint", "Total"), stats.total),
        (
            QCoreApplication.translate("ComplaintPrint", "Valid / invalid"),
            f"{stats.valid} / {stats.invalid}",
        ),
        (QCoreApplication.translate("ComplaintPrint", "Resolved"), stats.resolved),
        (QCoreApplication.translate("ComplaintPrint", "Still open"), stats.still_open),
        (QCoreApplication.translate("ComplaintPrint", "Repeat complaints"), stats.repeats),
        (QCoreApplication.translate("ComplaintPrint", "Average hours to resolve"), average),
    ):
        body.append(f"<tr><td class='label'>{escape(label)}</td><td class='num'>{value}</td></tr>")
    body.append("</table>")
    for title, counter in (
        (QCoreApplication.translate("ComplaintPrint", "By category"), stats.by_category),
        (QCoreApplication.translate("ComplaintPrint", "By severity"), stats.by_severity),
        (QCoreApplication.translate("ComplaintPrint", "By department"), stats.by_department),
        (QCoreApplication.translate("ComplaintPrint", "By channel"), stats.by_channel),
        (QCoreApplication.translate("ComplaintPrint", "Satisfaction"), stats.satisfaction),
    ):
        body.append(f"<h3>{escape(title)}</h3><table>")
        for code, count in counter.most_common():
            body.append(f"<tr><td>{escape(word(code))}</td><td class='num'>{count}</td></tr>")
        if not counter:
            body.append(
                f"<tr><td colspan='2'>{escape(QCoreApplication.translate('ComplaintPrint', 'None'))}</td></tr>"
            )
        body.append("</table>")
    body.append(
        f"<h3>{escape(QCoreApplication.translate('ComplaintPrint', 'On-time rate'))}</h3><table>"
    )
    for kind, (met, due) in stats.on_time.items():
        body.append(
            f"<tr><td>{escape(word(kind))}</td><td class='num'>{met} / {due}</td>"
            f"<td class='num'>{met / due:.0%}</td></tr>"
        )
    body.append("</table>")
    return "".join(body)
