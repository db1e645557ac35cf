"""Printed forms of the desk: the customer-service register (KH-21-R01: date, time,
name, unit, matter, handling, who), the work-order slip (派工单) and the goods release
slip (放行条). HTML laid out by ``ui.widgets.printing`` for preview, printer and PDF."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.reception import FORM_CODE
from app.domain.units import mask_phone
from ui import formats
from ui.reception.labels import word

_C = "ReceptionForms"
# words used inside f-strings, where lupdate cannot see them
_W = [
    QT_TRANSLATE_NOOP("ReceptionForms", "Form"),
    QT_TRANSLATE_NOOP("ReceptionForms", "closed"),
    QT_TRANSLATE_NOOP("ReceptionForms", "No entries"),
    QT_TRANSLATE_NOOP("ReceptionForms", "Content"),
    QT_TRANSLATE_NOOP("ReceptionForms", "Record"),
    QT_TRANSLATE_NOOP("ReceptionForms", "Gate check"),
]

STYLE = """
<style>
 body { font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif; font-size: 9.5pt; }
 h1 { font-size: 15pt; text-align: center; margin: 4px 0; }
 .head { color: #444; font-size: 9pt; }
 table { border-collapse: collapse; width: 100%; }
 td, th { border: 1px solid #333; padding: 3px 5px; vertical-align: top; }
 th { background: #eef1f4; text-align: left; }
 .label { width: 16%; background: #f6f7f9; }
 .num { text-align: right; }
</style>
"""


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _header(estate: str, title: str, code: str = "") -> str:
    right = f"{escape(_t(_W[0]))} {escape(code)}" if code else ""
    return (
        "<table style='border:none'><tr><td style='border:none' class='head'>"
        f"{escape(estate)}</td><td style='border:none;text-align:right' class='head'>{right}"
        f"</td></tr></table><h1>{escape(title)}</h1>"
    )


def _cell(text: str) -> str:
    return escape(text or "").replace("\n", "<br>")


def register_html(rows, estate: str, period: str, tz: str) -> str:
    """The register (客户服务登记表) for a period, oldest first."""
    body = [
        STYLE,
        _header(
            estate, _t(QT_TRANSLATE_NOOP("ReceptionForms", "Customer service register")), FORM_CODE
        ),
    ]
    body.append(f"<p class='head' style='text-align:center'>{escape(period)}</p><table><tr>")
    for head in (
        QT_TRANSLATE_NOOP("ReceptionForms", "Date"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Time"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Name"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Unit"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Matter"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Handling"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Received by"),
    ):
        body.append(f"<th>{escape(_t(head))}</th>")
    body.append("</tr>")
    for r in rows:
        moment = formats.local_time(r.received_at, tz)
        handling = r.answer or ""
        if r.is_open:
            handling += ("\n" if handling else "") + _t(
                QT_TRANSLATE_NOOP("ReceptionForms", "Open; promised by %1")
            ).replace("%1", formats.local_time(r.promised_at, tz))
            if r.referred_to:
                handling += " · " + _t(
                    QT_TRANSLATE_NOOP("ReceptionForms", "referred to %1")
                ).replace("%1", word(r.referred_to))
        elif r.closed_at:
            handling += f"\n({_t(_W[1])} {formats.local_time(r.closed_at, tz)} {r.closed_by_name})"
        name = r.caller_name or "-"
        if r.caller_phone:
            name += f"\n{mask_phone(r.caller_phone)}"
        body.append(
            f"<tr><td>{moment[:10]}</td><td>{moment[11:]}</td><td>{_cell(name)}</td>"
            f"<td>{_cell(r.unit_short)}</td><td>{_cell(word(r.category))}: {_cell(r.content)}</td>"
            f"<td>{_cell(handling)}</td><td>{_cell(r.received_by_name)}</td></tr>"
        )
    if not rows:
        body.append(f"<tr><td colspan='7'>{escape(_t(_W[2]))}</td></tr>")
    body.append("</table>")
    return "".join(body)


def slip_html(detail, estate: str, tz: str) -> str:
    """The work-order slip (派工单) with its steps and a signature line."""
    row = detail.row
    body = [STYLE, _header(estate, _t(QT_TRANSLATE_NOOP("ReceptionForms", "Work order slip")), "")]
    slot = ""
    if detail.slot_start:
        slot = f"{formats.local_time(detail.slot_start, tz)} – {formats.local_time(detail.slot_end, tz)[11:]}"
    price = (
        formats.money(detail.price)
        if row.paid and detail.price is not None
        else _t(QT_TRANSLATE_NOOP("ReceptionForms", "Free"))
    )
    pairs = (
        (
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "No.")),
            row.number,
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "Registered")),
            formats.local_time(row.created_at, tz),
        ),
        (
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "Unit")),
            row.unit or row.location,
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "Contact")),
            f"{row.contact_name} {mask_phone(row.contact_phone)}",
        ),
        (
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "Category")),
            f"{word(row.category)} · {word(row.priority)}",
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "Department")),
            word(row.department),
        ),
        (
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "Assigned to")),
            row.assignee_name,
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "Convenient time")),
            slot,
        ),
        (
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "Charge")),
            price,
            _t(QT_TRANSLATE_NOOP("ReceptionForms", "Due")),
            formats.local_time(row.next_due, tz),
        ),
    )
    body.append("<table>")
    for a, b, c, d in pairs:
        body.append(
            f"<tr><td class='label'>{escape(a)}</td><td>{_cell(b)}</td>"
            f"<td class='label'>{escape(c)}</td><td>{_cell(d)}</td></tr>"
        )
    body.append(
        f"<tr><td class='label'>{escape(_t(_W[3]))}</td><td colspan='3'>{_cell(row.content)}</td></tr>"
        "</table>"
    )
    body.append(f"<h3>{escape(_t(_W[4]))}</h3><table><tr>")
    for head in (
        QT_TRANSLATE_NOOP("ReceptionForms", "Time"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Step"),
        QT_TRANSLATE_NOOP("ReceptionForms", "By"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Note"),
    ):
        body.append(f"<th>{escape(_t(head))}</th>")
    body.append("</tr>")
    for s in detail.steps:
        note = s.note or word(s.data.get("outcome", "") or s.data.get("reason", "") or "")
        body.append(
            f"<tr><td>{formats.local_time(s.at, tz)}</td><td>{escape(word(s.kind))}</td>"
            f"<td>{escape(s.actor_name)}</td><td>{_cell(note)}</td></tr>"
        )
    body.append("</table><br><table style='border:none'><tr>")
    for label in (
        QT_TRANSLATE_NOOP("ReceptionForms", "Repairer"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Resident's signature"),
        QT_TRANSLATE_NOOP("ReceptionForms", "Return visit by"),
    ):
        body.append(f"<td style='border:none'>{escape(_t(label))}: ______________</td>")
    body.append("</tr></table>")
    return "".join(body)


def release_slip_html(slip, estate: str, tz: str) -> str:
    body = [
        STYLE,
        _header(estate, _t(QT_TRANSLATE_NOOP("ReceptionForms", "Goods release slip")), ""),
    ]
    body.append("<table>")
    for a, b in (
        (_t(QT_TRANSLATE_NOOP("ReceptionForms", "No.")), slip.number),
        (_t(QT_TRANSLATE_NOOP("ReceptionForms", "Issued")), formats.local_time(slip.issued_at, tz)),
        (_t(QT_TRANSLATE_NOOP("ReceptionForms", "Unit")), slip.unit),
        (_t(QT_TRANSLATE_NOOP("ReceptionForms", "Items")), slip.items),
        (_t(QT_TRANSLATE_NOOP("ReceptionForms", "Taken by")), slip.taken_by),
        (_t(QT_TRANSLATE_NOOP("ReceptionForms", "Checked by")), slip.checked_by),
        (_t(QT_TRANSLATE_NOOP("ReceptionForms", "Issued by")), slip.issued_by_name),
    ):
        body.append(f"<tr><td class='label'>{escape(a)}</td><td>{_cell(b)}</td></tr>")
    body.append("</table><br>")
    body.append(f"<p>{escape(_t(_W[5]))}: ______________</p>")
    return "".join(body)
