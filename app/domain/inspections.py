"""Inspection checklists: templates (sections and items with stable ids), answers, scoring,
versions, export columns, repeat failures and the content hash a signature locks.

Pure rules, no I/O. Results, exports and cross-version reports key on an item's ``id``,
never on its position, so editing a template (a new version) never moves a past result.
The due list of schedules lives in :mod:`app.domain.inspection_schedule`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from app.domain.errors import DomainError

ITEM_TYPES = ("pass_fail", "choice", "number", "text", "date", "photo", "signature")
SCORED_TYPES = frozenset({"pass_fail", "choice", "number"})
SEVERITIES = ("high", "medium", "low")
# The one rule for a corrective action's due (issue 14: 24 h / 72 h / 7 days by severity):
# the action's due and its work order's deadline in the engine are both corrective_due.
SEVERITY_DUE = {
    "high": timedelta(hours=24),
    "medium": timedelta(hours=72),
    "low": timedelta(days=7),
}


def corrective_due(severity: str, found_at: datetime) -> datetime:
    """When the corrective action for a failure of ``severity`` found at ``found_at`` is due."""
    return found_at + SEVERITY_DUE.get(severity, SEVERITY_DUE["medium"])


TEMPLATE_KINDS = ("handover", "quality", "night", "landscaping", "monthly")
TARGET_KINDS = ("unit", "building", "area", "department")
NA = "na"
MAX_PHOTOS_PER_ITEM = 10
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")


@dataclass(frozen=True)
class Option:
    id: str
    name_zh: str
    name_en: str
    score: Decimal = Decimal(0)
    failed: bool = False


@dataclass(frozen=True)
class Item:
    id: str
    type: str
    name_zh: str
    name_en: str
    weight: Decimal = Decimal(1)
    critical: bool = False  # 一票否决: a fail fails the whole inspection
    photo_on_fail: bool = False
    note_on_fail: bool = False
    severity: str = "medium"
    department: str = ""
    category: str = ""  # the work-order category of its corrective action
    options: tuple[Option, ...] = ()
    unit: str = ""
    low: Decimal | None = None
    high: Decimal | None = None
    required: bool = True

    @property
    def scored(self) -> bool:
        if self.type == "number":
            return self.low is not None or self.high is not None
        return self.type in SCORED_TYPES

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def max_points(self) -> Decimal:
        if self.type == "choice":
            return max((o.score for o in self.options), default=Decimal(0))
        return Decimal(1)


@dataclass(frozen=True)
class Section:
    id: str
    name_zh: str
    name_en: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Content:
    """One version's checklist: its sections in order."""

    sections: tuple[Section, ...]

    def items(self) -> list[Item]:
        return [i for s in self.sections for i in s.items]

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items() if i.id == item_id), None)

    def section_of(self, item_id: str) -> Section | None:
        return next((s for s in self.sections if any(i.id == item_id for i in s.items)), None)


# ---- reading and writing the JSON form (templates under resources/, version rows) ----


def _dec(value: Any, code: str, **params: Any) -> Decimal:
    try:
        out = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise DomainError(code, **params) from exc
    if not out.is_finite():
        raise DomainError(code, **params)
    return out


def _opt_dec(value: Any, item: str) -> Decimal | None:
    if value is None or value == "":
        return None
    return _dec(value, "inspection.template.limit_invalid", item=item)


def content_from_json(data: Mapping[str, Any]) -> Content:
    """Parse and check a checklist; refuses duplicate or malformed ids, unknown types,
    choices without options, negative weights and limits in the wrong order."""
    sections = []
    seen: set[str] = set()
    for raw in data.get("sections") or []:
        sid = str(raw.get("id", ""))
        if not _ID.match(sid) or sid in seen:
            raise DomainError("inspection.template.bad_id", id=sid)
        seen.add(sid)
        items = []
        for it in raw.get("items") or []:
            iid = str(it.get("id", ""))
            if not _ID.match(iid) or iid in seen:
                raise DomainError("inspection.template.bad_id", id=iid)
            seen.add(iid)
            kind = it.get("type", "pass_fail")
            if kind not in ITEM_TYPES:
                raise DomainError("inspection.template.bad_type", item=iid, type=str(kind))
            options = tuple(
                Option(
                    id=str(o["id"]),
                    name_zh=o.get("name_zh", ""),
                    name_en=o.get("name_en", ""),
                    score=_dec(o.get("score", 0), "inspection.template.score_invalid", item=iid),
                    failed=bool(o.get("failed", False)),
                )
                for o in it.get("options") or []
            )
            if kind == "choice" and (
                not options
                or len({o.id for o in options}) != len(options)
                or NA in {o.id for o in options}
            ):
                raise DomainError("inspection.template.options_required", item=iid)
            weight = _dec(it.get("weight", 1), "inspection.template.weight_invalid", item=iid)
            if weight < 0:
                raise DomainError("inspection.template.weight_invalid", item=iid)
            low, high = _opt_dec(it.get("low"), iid), _opt_dec(it.get("high"), iid)
            if low is not None and high is not None and low > high:
                raise DomainError("inspection.template.limit_invalid", item=iid)
            severity = it.get("severity") or ("high" if it.get("critical") else "medium")
            if severity not in SEVERITIES:
                raise DomainError("inspection.template.bad_severity", item=iid)
            items.append(
                Item(
                    id=iid,
                    type=kind,
                    name_zh=it.get("name_zh", ""),
                    name_en=it.get("name_en", ""),
                    weight=weight,
                    critical=bool(it.get("critical", False)),
                    photo_on_fail=bool(it.get("photo_on_fail", False)),
                    note_on_fail=bool(it.get("note_on_fail", False)),
                    severity=severity,
                    department=it.get("department", ""),
                    category=it.get("category", ""),
                    options=options,
                    unit=it.get("unit", ""),
                    low=low,
                    high=high,
                    required=bool(it.get("required", True)),
                )
            )
        sections.append(Section(sid, raw.get("name_zh", ""), raw.get("name_en", ""), tuple(items)))
    if not any(s.items for s in sections):
        raise DomainError("inspection.template.empty")
    return Content(tuple(sections))


def _num(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def content_to_json(content: Content) -> dict[str, Any]:
    return {
        "sections": [
            {
                "id": s.id,
                "name_zh": s.name_zh,
                "name_en": s.name_en,
                "items": [
                    {
                        "id": i.id,
                        "type": i.type,
                        "name_zh": i.name_zh,
                        "name_en": i.name_en,
                        "weight": _num(i.weight),
                        "critical": i.critical,
                        "photo_on_fail": i.photo_on_fail,
                        "note_on_fail": i.note_on_fail,
                        "severity": i.severity,
                        "department": i.department,
                        "category": i.category,
                        "options": [
                            {
                                "id": o.id,
                                "name_zh": o.name_zh,
                                "name_en": o.name_en,
                                "score": _num(o.score),
                                "failed": o.failed,
                            }
                            for o in i.options
                        ],
                        "unit": i.unit,
                        "low": _num(i.low),
                        "high": _num(i.high),
                        "required": i.required,
                    }
                    for i in s.items
                ],
            }
            for s in content.sections
        ]
    }


# ---- answers ----


@dataclass(frozen=True)
class Answer:
    item_id: str
    value: str  # "pass"/"fail"/"na", an option id, a number, text, an ISO date; "" = none
    note: str = ""
    photos: int = 0


@dataclass(frozen=True)
class ItemResult:
    item_id: str
    answered: bool
    applicable: bool  # counts in the score (scored, answered, not N/A)
    points: Decimal  # score x weight obtained
    maximum: Decimal  # best score x weight
    failed: bool


def check_value(item: Item, value: str) -> str:
    """The value normalised as stored, or a DomainError naming what is wrong."""
    value = (value or "").strip()
    if value in ("", NA):
        return value
    if item.type == "pass_fail":
        if value not in ("pass", "fail"):
            raise DomainError("inspection.answer.pass_fail", item=item.id)
    elif item.type == "choice":
        if item.option(value) is None:
            raise DomainError("inspection.answer.option_unknown", item=item.id)
    elif item.type == "number":
        number = _dec(value, "inspection.answer.number", item=item.id)
        value = format(number, "f")
    elif item.type == "date":
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise DomainError("inspection.answer.date", item=item.id) from exc
    elif item.type == "text" and len(value) > 2000:
        raise DomainError("inspection.answer.too_long", item=item.id, limit=2000)
    return value


def evaluate(item: Item, answer: Answer | None) -> ItemResult:
    value = answer.value if answer else ""
    answered = bool(value) or (
        item.type in ("photo", "signature") and bool(answer and answer.photos)
    )
    if not value or value == NA or not item.scored:
        failed = False
        return ItemResult(item.id, answered, False, Decimal(0), Decimal(0), failed)
    maximum = item.max_points * item.weight
    if item.type == "pass_fail":
        failed = value == "fail"
        points = Decimal(0) if failed else maximum
    elif item.type == "choice":
        option = item.option(value)
        if option is None:  # an option this version does not have: never guessed
            return ItemResult(item.id, answered, False, Decimal(0), Decimal(0), False)
        failed = option.failed
        points = option.score * item.weight
    else:  # number with limits
        number = Decimal(value)
        failed = (item.low is not None and number < item.low) or (
            item.high is not None and number > item.high
        )
        points = Decimal(0) if failed else maximum
    return ItemResult(item.id, True, True, points, maximum, failed)


def percent(points: Decimal, maximum: Decimal) -> Decimal | None:
    if maximum <= 0:
        return None
    return (points * 100 / maximum).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ScoreResult:
    total: Decimal | None  # percentage, None when nothing scored applies
    sections: dict[str, Decimal | None]
    failed_items: tuple[str, ...]
    critical_failed: tuple[str, ...]
    unanswered: tuple[str, ...]
    points: Decimal
    maximum: Decimal

    @property
    def passed(self) -> bool:
        return not self.critical_failed


def score(content: Content, answers: Mapping[str, Answer]) -> ScoreResult:
    """Σ(score × weight) over the items that apply, as a percentage, per section and in
    total. Not-applicable and unanswered items leave both the points and the maximum;
    a critical failure fails the whole inspection whatever the percentage."""
    sections: dict[str, Decimal | None] = {}
    failed, critical, unanswered = [], [], []
    total_p = total_m = Decimal(0)
    for section in content.sections:
        sp = sm = Decimal(0)
        for item in section.items:
            result = evaluate(item, answers.get(item.id))
            if not result.answered and item.required:
                unanswered.append(item.id)
            if result.applicable:
                sp += result.points
                sm += result.maximum
            if result.failed:
                failed.append(item.id)
                if item.critical:
                    critical.append(item.id)
        sections[section.id] = percent(sp, sm)
        total_p += sp
        total_m += sm
    return ScoreResult(
        percent(total_p, total_m),
        sections,
        tuple(failed),
        tuple(critical),
        tuple(unanswered),
        total_p,
        total_m,
    )


def missing_evidence(content: Content, answers: Mapping[str, Answer]) -> list[DomainError]:
    """What a finalise must refuse: unanswered required items, fails lacking the photo or
    note their item requires, more photos than allowed."""
    problems: list[DomainError] = []
    for item in content.items():
        answer = answers.get(item.id)
        result = evaluate(item, answer)
        if item.required and not result.answered:
            problems.append(DomainError("inspection.unanswered", item=item.id))
            continue
        if result.failed and item.photo_on_fail and not (answer and answer.photos):
            problems.append(DomainError("inspection.photo_required", item=item.id))
        if result.failed and item.note_on_fail and not (answer and answer.note.strip()):
            problems.append(DomainError("inspection.note_required", item=item.id))
        if answer and answer.photos > MAX_PHOTOS_PER_ITEM:
            problems.append(
                DomainError("inspection.too_many_photos", item=item.id, limit=MAX_PHOTOS_PER_ITEM)
            )
    return problems


# ---- versions and exports ----


def check_editable(published: bool) -> None:
    """A published version is immutable: edits go to the draft and a new version."""
    if published:
        raise DomainError("inspection.template.published_immutable")


def export_columns(versions: Sequence[Content]) -> list[tuple[str, str]]:
    """(item id, name) columns for an export over several versions: keyed by stable id,
    in order of first appearance, the newest name wins; a removed item or option removes
    no column, so old rows never shift."""
    order: list[str] = []
    names: dict[str, str] = {}
    for content in versions:
        for item in content.items():
            if item.id not in names:
                order.append(item.id)
            names[item.id] = item.name_zh or item.name_en
    return [(i, names[i]) for i in order]


def export_cell(content: Content, answer: Answer | None) -> str:
    """How an answer is exported, read through the version it was given in (an option's
    name as it was then, even if a later version removed the option)."""
    if answer is None or not answer.value:
        return ""
    item = content.item(answer.item_id)
    if item is not None and item.type == "choice":
        option = item.option(answer.value)
        return option.name_zh if option else answer.value
    return answer.value


# ---- repeat failures and the signed content ----


@dataclass(frozen=True)
class PastResult:
    inspection_id: str
    target: str  # target kind + id
    template_id: str
    finished_at: Any  # anything ordered (a datetime)
    failed_items: frozenset[str]


def repeat_failures(history: Iterable[PastResult]) -> dict[str, frozenset[str]]:
    """inspection id -> the items that also failed in the previous inspection of the same
    target with the same template (two consecutive failures are marked)."""
    out: dict[str, frozenset[str]] = {}
    last: dict[tuple[str, str], PastResult] = {}
    for past in sorted(history, key=lambda p: (p.finished_at, p.inspection_id)):
        key = (past.target, past.template_id)
        previous = last.get(key)
        out[past.inspection_id] = (
            past.failed_items & previous.failed_items if previous else frozenset()
        )
        last[key] = past
    return out


def content_hash(
    header: Mapping[str, Any], answers: Iterable[Answer], photos: Iterable[str]
) -> str:
    """sha256 of the canonical JSON of what a signature covers: the header facts, every
    answer with its note (by item id) and the photos' hashes."""
    payload = {
        "header": {k: str(v) for k, v in sorted(header.items())},
        "answers": sorted([a.item_id, a.value, a.note] for a in answers if a.value or a.note),
        "photos": sorted(photos),
    }
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def required_signers(kind: str) -> tuple[str, ...]:
    """Who must sign before an inspection is locked: the inspector, and the owner at a
    handover (the accompanying manager may sign too)."""
    return ("inspector", "owner") if kind == "handover" else ("inspector",)
