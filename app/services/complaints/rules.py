"""An estate's complaint rules, stored as a synced setting ("complaints.rules")."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.complaints import ComplaintRules
from app.store.db import Database, mark_changed
from app.store.ids import natural_id
from app.store.models import Estate, Setting
from app.store.recorder import recorder

RULES_KEY = "complaints.rules"


def load_rules(session: Session, estate_id: str) -> ComplaintRules:
    """The estate's complaint rules, DOMAIN.md defaults where nothing is set (read once
    per session: a desk session creates many complaints in a row)."""
    cache = session.info.setdefault("complaint_rules", {})
    if estate_id not in cache:
        cache[estate_id] = _read_rules(session, estate_id)
    return cache[estate_id]


def _read_rules(session: Session, estate_id: str) -> ComplaintRules:
    row = session.get(Setting, natural_id(estate_id, "setting", RULES_KEY))
    rules = ComplaintRules() if row is None or row.deleted else ComplaintRules.from_json(row.value)
    estate = session.get(Estate, estate_id)
    if estate is not None and estate.timezone and row is None:
        rules = ComplaintRules(timezone=estate.timezone)
    return rules


def save_rules(session: Session, estate_id: str, rules: ComplaintRules) -> None:
    value = ComplaintRules.from_json(rules.to_json()).to_json()  # validates
    setting_id = natural_id(estate_id, "setting", RULES_KEY)
    row = session.get(Setting, setting_id)
    if row is None:
        recorder(session).create(
            Setting, id=setting_id, estate_id=estate_id, key=RULES_KEY, value=value
        )
    else:
        recorder(session).update(row, value=value, deleted=False)
    session.info.get("complaint_rules", {}).pop(estate_id, None)
    # Deadlines of every complaint may move.
    session.execute(
        text(
            "INSERT OR IGNORE INTO complaint_dirty(complaint_id) "
            "SELECT id FROM complaints WHERE estate_id = :estate"
        ),
        {"estate": estate_id},
    )


# ---- operations ----


def read_rules(db: Database, estate_id: str) -> ComplaintRules:
    with db.session() as s:
        return load_rules(s, estate_id)


def change_rules(db: Database, estate_id: str, rules: ComplaintRules) -> ComplaintRules:
    """Save the estate's rules and move every complaint's deadlines to them."""
    from app.services.complaints.status import refresh_status  # status reads the rules

    with db.session() as s:
        save_rules(s, estate_id, rules)
        refresh_status(s)
        mark_changed(s, "complaint_status", None)
        return load_rules(s, estate_id)
