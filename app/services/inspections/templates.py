"""Checklist templates: the shipped defaults (resources/templates/*.json, loaded on first
start and editable), the list, the editor's draft and publishing a version.

Publishing writes an insert-only version row whose content never changes; the draft is
the only thing an editor writes, so an edit never reaches a past result.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.inspection_schedule import ScheduleSpec
from app.domain.inspections import TEMPLATE_KINDS, content_from_json, content_to_json
from app.services.reception.common import local_day, tz_of
from app.store.db import Database
from app.store.ids import natural_id
from app.store.inspection_models import (
    InspectionSchedule,
    InspectionTemplate,
    InspectionTemplateVersion,
)
from app.store.recorder import recorder

SHIPPED = Path(__file__).resolve().parents[3] / "resources" / "templates"
# what a shipped schedule inspects, by the template's department (the desk may rename it)
TARGET_LABELS = {
    "cleaning": "保洁部",
    "security": "秩序维护部",
    "control_room": "中控室",
    "engineering": "维修服务部",
    "customer_service": "客服中心",
    "estate_office": "管理处",
    "landscaping": "业主私家花园",
}


@dataclass(frozen=True)
class TemplateRow:
    id: str
    code: str
    name_zh: str
    name_en: str
    kind: str
    department: str
    version: int  # the newest published version (0: never published)
    version_id: str
    draft_dirty: bool


@dataclass(frozen=True)
class TemplateDetail:
    row: TemplateRow
    draft: dict[str, Any]  # the editor's content (JSON form)
    versions: tuple[tuple[int, datetime], ...]


def shipped_templates(folder: Path = SHIPPED) -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]


def _hash(content: dict[str, Any]) -> str:
    data = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def newest_version(session: Session, template_id: str) -> InspectionTemplateVersion | None:
    return session.scalar(
        select(InspectionTemplateVersion)
        .where(InspectionTemplateVersion.template_id == template_id)
        .order_by(InspectionTemplateVersion.version.desc())
        .limit(1)
    )


def publish_in(
    session: Session, template: InspectionTemplate, staff_id: str, now: datetime
) -> InspectionTemplateVersion:
    content = content_to_json(content_from_json(template.draft))  # checked and normalised
    last = newest_version(session, template.id)
    number = (last.version if last else 0) + 1
    version = recorder(session).create(
        InspectionTemplateVersion,
        id=natural_id(template.id, "version", str(number)),
        estate_id=template.estate_id,
        template_id=template.id,
        version=number,
        content=content,
        content_hash=_hash(content),
        published_at=now,
        published_by=staff_id,
    )
    recorder(session).update(template, draft_dirty=False)
    return version


def ensure_default_templates_in(
    session: Session, estate_id: str, now: datetime, folder: Path = SHIPPED
) -> int:
    """Load the shipped templates an estate does not have yet (by code), publish them as
    version 1, and add their suggested schedules. Returns how many were added."""
    added = 0
    for data in shipped_templates(folder):
        template_id = natural_id(estate_id, "inspection_template", data["code"])
        if session.get(InspectionTemplate, template_id) is not None:
            continue
        template = recorder(session).create(
            InspectionTemplate,
            id=template_id,
            estate_id=estate_id,
            code=data["code"],
            name_zh=data["name_zh"],
            name_en=data.get("name_en", ""),
            kind=data.get("kind", "quality"),
            department=data.get("department", ""),
            draft={"sections": data["sections"]},
        )
        publish_in(session, template, "", now)
        if data.get("schedule"):
            spec = ScheduleSpec.from_json(
                {
                    **data["schedule"],
                    "effective_from": local_day(now, tz_of(session, estate_id)).isoformat(),
                }
            )
            recorder(session).create(
                InspectionSchedule,
                id=natural_id(template_id, "schedule", "estate"),
                estate_id=estate_id,
                template_id=template_id,
                target_kind="department" if template.kind == "quality" else "area",
                target_id=template.department,
                target_label="全项目"
                if template.kind in ("night", "monthly")
                else TARGET_LABELS.get(template.department, data["name_zh"]),
                revisions=[spec.to_json()],
            )
        added += 1
    return added


def ensure_default_templates(db: Database, estate_id: str, now: datetime) -> int:
    with db.session() as s:
        return ensure_default_templates_in(s, estate_id, now)


def _row(session: Session, t: InspectionTemplate) -> TemplateRow:
    last = newest_version(session, t.id)
    return TemplateRow(
        t.id,
        t.code,
        t.name_zh,
        t.name_en,
        t.kind,
        t.department,
        last.version if last else 0,
        last.id if last else "",
        t.draft_dirty,
    )


def list_templates(db: Database, estate_id: str) -> list[TemplateRow]:
    with db.session() as s:
        rows = s.scalars(
            select(InspectionTemplate)
            .where(InspectionTemplate.estate_id == estate_id, InspectionTemplate.live())
            .where(InspectionTemplate.active.is_(True))
            .order_by(InspectionTemplate.kind, InspectionTemplate.code)
        )
        return [_row(s, t) for t in rows]


def template_detail(db: Database, template_id: str) -> TemplateDetail:
    with db.session() as s:
        t = s.get(InspectionTemplate, template_id)
        if t is None or t.deleted:
            raise DomainError("inspection.template.gone")
        versions = s.execute(
            select(InspectionTemplateVersion.version, InspectionTemplateVersion.published_at)
            .where(InspectionTemplateVersion.template_id == template_id)
            .order_by(InspectionTemplateVersion.version)
        ).all()
        return TemplateDetail(_row(s, t), dict(t.draft), tuple((v, at) for v, at in versions))


def save_draft(
    db: Database, template_id: str, draft: dict[str, Any], name_zh: str = "", name_en: str = ""
) -> TemplateRow:
    """The editor's save: checked (ids, types, options, limits), kept as the draft; the
    published versions are untouched."""
    content = content_to_json(content_from_json(draft))
    with db.session() as s:
        t = s.get(InspectionTemplate, template_id)
        if t is None or t.deleted:
            raise DomainError("inspection.template.gone")
        values: dict[str, Any] = {"draft": content, "draft_dirty": True}
        if name_zh.strip():
            values["name_zh"] = name_zh.strip()
        if name_en.strip():
            values["name_en"] = name_en.strip()
        recorder(s).update(t, **values)
        return _row(s, t)


def create_template(
    db: Database,
    estate_id: str,
    code: str,
    name_zh: str,
    name_en: str,
    kind: str,
    department: str,
    draft: dict[str, Any],
) -> TemplateRow:
    if kind not in TEMPLATE_KINDS:
        raise DomainError("inspection.template.kind")
    if not code.strip() or not name_zh.strip():
        raise DomainError("inspection.template.name_required")
    content = content_to_json(content_from_json(draft))
    with db.session() as s:
        template_id = natural_id(estate_id, "inspection_template", code.strip())
        if s.get(InspectionTemplate, template_id) is not None:
            raise DomainError("inspection.template.code_taken", code=code.strip())
        t = recorder(s).create(
            InspectionTemplate,
            id=template_id,
            estate_id=estate_id,
            code=code.strip(),
            name_zh=name_zh.strip(),
            name_en=name_en.strip(),
            kind=kind,
            department=department,
            draft=content,
            draft_dirty=True,
        )
        return _row(s, t)


def publish(db: Database, template_id: str, staff_id: str, now: datetime) -> TemplateRow:
    """The draft becomes the next version; inspections already started keep theirs."""
    with db.session() as s:
        t = s.get(InspectionTemplate, template_id)
        if t is None or t.deleted:
            raise DomainError("inspection.template.gone")
        publish_in(s, t, staff_id, now)
        return _row(s, t)


def version_count(db: Database, estate_id: str) -> int:
    with db.session() as s:
        return (
            s.scalar(select(func.count()).where(InspectionTemplateVersion.estate_id == estate_id))
            or 0
        )
