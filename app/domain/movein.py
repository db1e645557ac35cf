"""Move-in (入伙): the handover of one unit in eight steps at one counter, who does each and
when, the timer against the 30-minute target (pauses excluded, so a handover paused here
and resumed on another desk after sync counts only the time worked), and the handover
schedule (due, notified, done, a second reminder 3 days after the deadline).

The state is folded from insert-only step events sorted by (at, id). Pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from app.domain.errors import DomainError

# step key -> the role that usually does it
STEPS: tuple[tuple[str, str], ...] = (
    ("documents", "receptionist"),  # checked against the configurable list
    ("balance", "cashier"),  # purchase balance confirmed
    ("forms", "receptionist"),  # forms signed
    ("fees", "cashier"),  # move-in fees from the handover date, taken at the counter
    ("keys", "receptionist"),  # keys, IC cards, mailbox key: key custody
    ("meters", "engineer"),  # water, electricity, gas
    ("inspection", "engineer"),  # 一房一验, defects to rectification
    ("archive", "archivist"),  # the owner file archived
)
STEP_KEYS = tuple(k for k, _ in STEPS)
TARGET = timedelta(minutes=30)
SECOND_REMINDER_AFTER = timedelta(days=3)
DEFAULT_DOCUMENTS = (
    "notice",  # 入伙通知书 with the sales office's stamp
    "owner_id",  # every co-owner's ID
    "contract",  # purchase or loan contract
    "company_licence",  # company buyers
    "authorisation",  # an entrusted person's ID and letter
)
DEFAULT_FORMS = (
    "household_register",  # 业主家庭情况登记表
    "acceptance_form",  # 住房验收交接表
    "key_undertaking",  # 钥匙托管承诺书
    "items_received",  # 物品领取登记
    "fire_safety",  # 消防安全责任书
    "service_agreement",  # 前期物业服务协议
    "covenant",  # 业主公约 / 管理规约
)
METERS = ("water", "electricity", "gas")
EVENT_KINDS = ("started", "paused", "resumed", "step", "undo", "finished")


@dataclass(frozen=True)
class StepEvent:
    id: str
    kind: str
    at: datetime
    actor_id: str = ""
    step: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StepDone:
    step: str
    by: str
    at: datetime
    data: dict[str, Any]


@dataclass(frozen=True)
class MoveInState:
    started_at: datetime | None
    done: dict[str, StepDone]
    paused: bool
    finished_at: datetime | None
    elapsed: timedelta  # worked time, pauses excluded, up to ``now``

    @property
    def current(self) -> str | None:
        return next((k for k in STEP_KEYS if k not in self.done), None)

    @property
    def over_target(self) -> bool:
        return self.elapsed > TARGET

    @property
    def complete(self) -> bool:
        return all(k in self.done for k in STEP_KEYS)


def fold(events: Iterable[StepEvent], now: datetime) -> MoveInState:
    ordered = sorted(events, key=lambda e: (e.at, e.id))
    started = finished = None
    paused = False
    running_since: datetime | None = None
    worked = timedelta(0)
    done: dict[str, StepDone] = {}
    for event in ordered:
        if event.kind == "started" and started is None:
            started, running_since = event.at, event.at
        elif event.kind == "paused" and running_since is not None and finished is None:
            worked += event.at - running_since
            running_since, paused = None, True
        elif event.kind == "resumed" and paused:
            running_since, paused = event.at, False
        elif event.kind == "step" and event.step in STEP_KEYS and event.step not in done:
            done[event.step] = StepDone(event.step, event.actor_id, event.at, dict(event.data))
        elif event.kind == "undo" and event.step in done and finished is None:
            done.pop(event.step)
        elif event.kind == "finished" and finished is None and started is not None:
            finished = event.at
            if running_since is not None:
                worked += event.at - running_since
                running_since = None
    if running_since is not None:
        worked += max(now - running_since, timedelta(0))
    return MoveInState(started, done, paused, finished, worked)


def check_step(state: MoveInState, step: str, data: dict[str, Any]) -> None:
    """Refuse a step out of order, on a paused or finished handover, or lacking what it
    must record."""
    if state.started_at is None:
        raise DomainError("movein.not_started")
    if state.finished_at is not None:
        raise DomainError("movein.finished")
    if state.paused:
        raise DomainError("movein.paused")
    if step not in STEP_KEYS:
        raise DomainError("movein.step_unknown", step=step)
    if step != state.current:
        raise DomainError("movein.step_order", step=step)
    if step == "documents":
        missing = [d for d in data.get("required", ()) if d not in data.get("checked", ())]
        if missing:
            raise DomainError("movein.documents_missing", count=len(missing))
    if step == "forms":
        missing = [f for f in data.get("required", ()) if f not in data.get("signed", ())]
        if missing:
            raise DomainError("movein.forms_missing", count=len(missing))
    if step == "meters":
        for meter in METERS:
            if str(data.get(meter, "")).strip() == "":
                raise DomainError("movein.meter_required", meter=meter)
    if step == "inspection" and not data.get("inspection_id"):
        raise DomainError("movein.inspection_required")


def check_finish(state: MoveInState) -> None:
    if not state.complete:
        raise DomainError("movein.steps_left", step=state.current or "")


# ---- the handover schedule ----


def schedule_status(deadline: date, notified: bool, done_on: date | None, today: date) -> str:
    """ "done", "second_reminder" (3 days past the deadline and not come), "notified"
    or "due"."""
    if done_on is not None:
        return "done"
    if today > deadline + SECOND_REMINDER_AFTER:
        return "second_reminder"
    return "notified" if notified else "due"
