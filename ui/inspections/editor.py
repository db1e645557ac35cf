"""Checklists and their editor: sections and items (type, names, weight, critical, photo or
note on fail, severity, unit and limits, choice options with score and failed flag), saved
as the draft and published as a new version. Published versions never change; an
inspection under way keeps the version it started with."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.inspections import ITEM_TYPES, SEVERITIES
from app.services.inspections import templates as template_ops
from ui import messages
from ui.context import AppContext

FIELDS = ("id", "name_zh", "name_en", "weight", "unit", "low", "high")


class TemplatesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows = []
        self.draft: dict = {"sections": []}
        self.template_id = ""
        self._wanted = ""
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._chosen)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Section / item"), self.tr("Type")])
        self.tree.currentItemChanged.connect(lambda *_a: self._show_node())
        self.version = QLabel()
        self.message = QLabel()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.edits = {name: QLineEdit() for name in FIELDS}
        self.type = QComboBox()
        for kind in ITEM_TYPES:
            self.type.addItem(kind, kind)
        self.severity = QComboBox()
        for severity in SEVERITIES:
            self.severity.addItem(severity, severity)
        self.critical = QCheckBox(self.tr("Critical (一票否决)"))
        self.photo = QCheckBox(self.tr("Photo needed on fail"))
        self.note = QCheckBox(self.tr("Note needed on fail"))
        self.options = QPlainTextEdit()
        self.options.setPlaceholderText(
            self.tr("One option a line: id | 名称 | name | score | failed")
        )
        self.options.setMaximumHeight(90)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        labels = {
            "id": self.tr("Id (never changes)"),
            "name_zh": self.tr("Chinese name"),
            "name_en": self.tr("English name"),
            "weight": self.tr("Weight"),
            "unit": self.tr("Unit"),
            "low": self.tr("Lower limit"),
            "high": self.tr("Upper limit"),
        }
        for name in FIELDS:
            form.addRow(labels[name], self.edits[name])
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow("", self.critical)
        form.addRow("", self.photo)
        form.addRow("", self.note)
        form.addRow(self.tr("Options"), self.options)
        apply = QPushButton(self.tr("Apply to the item"))
        apply.clicked.connect(self.apply_node)
        add_section = QPushButton(self.tr("Add section"))
        add_section.clicked.connect(self.add_section)
        add_item = QPushButton(self.tr("Add item"))
        add_item.clicked.connect(self.add_item)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_node)
        save = QPushButton(self.tr("Save draft"))
        save.clicked.connect(self.save)
        publish = QPushButton(self.tr("Publish new version"))
        publish.clicked.connect(self.publish)
        buttons = QHBoxLayout()
        for button in (add_section, add_item, remove, save, publish):
            buttons.addWidget(button)
        editor = QWidget()
        right = QVBoxLayout(editor)
        right.addWidget(self.version)
        right.addWidget(self.tree, 1)
        right.addLayout(buttons)
        right.addLayout(form)
        right.addWidget(apply, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(editor)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def reload(self) -> None:
        op = self.ctx.runner.query(
            self, lambda _p: template_ops.list_templates(self.ctx.db, self.ctx.estate_id)
        )
        op.success(self.show_rows).run()

    def show_rows(self, rows) -> None:
        current = self._wanted or self.template_id  # the one chosen, even if not read yet
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            dirty = " *" if r.draft_dirty else ""
            self.list.addItem(f"{r.name_zh} · v{r.version}{dirty}")
        self.list.blockSignals(False)
        ids = [r.id for r in rows]
        self.list.setCurrentRow(ids.index(current) if current in ids else (0 if rows else -1))

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        template_id = self._wanted = self.rows[row].id
        op = self.ctx.runner.query(
            self, lambda _p: template_ops.template_detail(self.ctx.db, template_id)
        )
        op.success(self.show_detail).run()

    def show_detail(self, detail) -> None:
        if self._wanted and detail.row.id != self._wanted:
            return  # an older read arriving after the user chose another checklist
        self.template_id = detail.row.id
        self.draft = copy.deepcopy(detail.draft)
        versions = ", ".join(f"v{v}" for v, _at in detail.versions)
        self.version.setText(
            self.tr("Published: {versions}").replace("{versions}", versions or "—")
        )
        self._fill_tree()

    def _fill_tree(self) -> None:
        self.tree.clear()
        for s_index, section in enumerate(self.draft.get("sections", [])):
            node = QTreeWidgetItem([section.get("name_zh") or section["id"], ""])
            node.setData(0, Qt.ItemDataRole.UserRole, (s_index, None))
            self.tree.addTopLevelItem(node)
            for i_index, item in enumerate(section.get("items", [])):
                child = QTreeWidgetItem([item.get("name_zh") or item["id"], item.get("type", "")])
                child.setData(0, Qt.ItemDataRole.UserRole, (s_index, i_index))
                node.addChild(child)
        self.tree.expandAll()

    def _node(self):
        current = self.tree.currentItem()
        if current is None:
            return None, None
        s_index, i_index = current.data(0, Qt.ItemDataRole.UserRole)
        section = self.draft["sections"][s_index]
        return section, (section["items"][i_index] if i_index is not None else None)

    def _show_node(self) -> None:
        section, item = self._node()
        data = item or section or {}
        for name in FIELDS:
            value = data.get(name)
            self.edits[name].setText("" if value is None else str(value))
        self.type.setCurrentText(data.get("type", "pass_fail"))
        self.severity.setCurrentText(data.get("severity", "medium"))
        self.critical.setChecked(bool(data.get("critical")))
        self.photo.setChecked(bool(data.get("photo_on_fail")))
        self.note.setChecked(bool(data.get("note_on_fail")))
        self.options.setPlainText(
            "\n".join(
                f"{o['id']} | {o.get('name_zh', '')} | {o.get('name_en', '')} | {o.get('score', 0)} | {'failed' if o.get('failed') else ''}"
                for o in data.get("options", [])
            )
        )

    def apply_node(self) -> None:
        section, item = self._node()
        target = item if item is not None else section
        if target is None:
            return
        for name in ("id", "name_zh", "name_en"):
            target[name] = self.edits[name].text().strip()
        if item is not None:
            for name in ("weight", "unit", "low", "high"):
                item[name] = self.edits[name].text().strip() or None
            item["weight"] = item["weight"] or "1"
            item["unit"] = item["unit"] or ""
            item.update(
                type=self.type.currentData(),
                severity=self.severity.currentData(),
                critical=self.critical.isChecked(),
                photo_on_fail=self.photo.isChecked(),
                note_on_fail=self.note.isChecked(),
            )
            options = []
            for line in self.options.toPlainText().splitlines():
                parts = [p.strip() for p in line.split("|")] + ["", "", "", "", ""]
                if parts[0]:
                    options.append(
                        {
                            "id": parts[0],
                            "name_zh": parts[1],
                            "name_en": parts[2],
                            "score": parts[3] or "0",
                            "failed": parts[4] == "failed",
                        }
                    )
            item["options"] = options
        self._fill_tree()

    def add_section(self) -> None:
        n = len(self.draft.setdefault("sections", [])) + 1
        self.draft["sections"].append(
            {"id": f"section{n}", "name_zh": self.tr("New section"), "name_en": "", "items": []}
        )
        self._fill_tree()

    def add_item(self) -> None:
        section, _item = self._node()
        if section is None:
            return
        used = {i["id"] for s in self.draft["sections"] for i in s["items"]}
        n = len(used) + 1
        while f"item{n}" in used:
            n += 1
        section["items"].append(
            {"id": f"item{n}", "type": "pass_fail", "name_zh": self.tr("New item"), "name_en": ""}
        )
        self._fill_tree()

    def remove_node(self) -> None:
        section, item = self._node()
        if item is not None:
            section["items"].remove(item)
        elif section is not None:
            self.draft["sections"].remove(section)
        self._fill_tree()

    def save(self):
        template_id, draft = self.template_id, copy.deepcopy(self.draft)
        op = self.ctx.runner.write(
            self, lambda _p: template_ops.save_draft(self.ctx.db, template_id, draft)
        )
        op.success(lambda _r: self.message.setText(self.tr("Draft saved")))
        op.failure(lambda e: self.message.setText(messages.describe(e)))
        return op.run()

    def publish(self):
        template_id, draft = self.template_id, copy.deepcopy(self.draft)

        def work(_p):
            template_ops.save_draft(self.ctx.db, template_id, draft)
            return template_ops.publish(self.ctx.db, template_id, self.ctx.user_id, self.ctx.now())

        op = self.ctx.runner.write(self, work)
        op.success(
            lambda r: self.message.setText(
                self.tr("Version {n} published").replace("{n}", str(r.version))
            )
        )
        op.failure(lambda e: self.message.setText(messages.describe(e)))
        return op.run()
