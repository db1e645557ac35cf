"""The caller's context beside the quick-entry form: notices in force with what to say,
overdue fees, open work orders and complaints, keys held and recent contacts."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from ui import formats
from ui.reception.labels import word

NOTICE = "background:#fff4e5;border-left:3px solid #e65100;padding:4px"


class CallerContextView(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tz = "Asia/Shanghai"

    def show_context(self, found, typed: bool) -> None:
        """``found`` is a CallerContext (None: nothing looked up yet)."""
        if found is None:
            hint = self.tr(
                "Type a phone number or room code to see the caller's open work orders and "
                "complaints, overdue fees, keys held and building notices."
            )
            self.setHtml(f"<p style='color:#6b7480'>{escape(hint)}</p>")
            return
        say = self.tr("Say")
        none = self.tr("none")
        parts = []
        for n in found.notices:
            parts.append(
                f"<div style='{NOTICE}'><b>{escape(word(n.kind))}: {escape(n.title)}</b><br>"
                f"{escape(say)}: {escape(n.script)}</div>"
            )
        if found.unit_id is None and not typed:
            hint = self.tr("Type a phone number or room code to see the caller.")
            parts.append(f"<p style='color:#6b7480'>{escape(hint)}</p>")
        elif found.unit_id is None:
            missing = self.tr("No unit found for what was typed.")
            parts.append(f"<p>{escape(missing)}</p>")
        else:
            parts += self._unit_parts(found, none)
        if found.recent:
            heading = self.tr("Recent contacts")
            parts.append(f"<p><b>{escape(heading)}</b></p><ul>")
            for at, category, content in found.recent:
                when = formats.local_time(at, self.tz)
                parts.append(f"<li>{escape(when)} {escape(word(category))} {escape(content)}</li>")
            parts.append("</ul>")
        self.setHtml("".join(parts))

    def _unit_parts(self, found, none: str) -> list[str]:
        fees_label = self.tr("Overdue fees")
        open_label = self.tr("Open work orders and complaints")
        keys_label = self.tr("Keys held by the office")
        owed = found.overdue_fees
        fee_text = formats.money(owed) if owed else none
        style = "color:#c62828;font-weight:bold" if owed else ""
        parts = [
            f"<p>{escape(fees_label)}: <span style='{style}'>{escape(fee_text)}</span></p>",
            f"<p><b>{escape(open_label)}</b></p><ul>",
        ]
        for thing in found.open_things:
            due = formats.local_time(thing.due, self.tz) if thing.due else ""
            parts.append(
                f"<li>{escape(word(thing.kind))} {escape(thing.number)} · "
                f"{escape(word(thing.status))} · {escape(thing.summary)} {escape(due)}</li>"
            )
        if not found.open_things:
            parts.append(f"<li>{escape(none)}</li>")
        parts.append("</ul>")
        held = "、".join(f"{k.tag} ({word(k.state)})" for k in found.keys) or none
        parts.append(f"<p>{escape(keys_label)}: {escape(held)}</p>")
        return parts
