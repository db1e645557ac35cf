"""A unit's fee account derived from its logs: what each payment paid, what credit paid,
what each bill line still owes (docs/money-rules.md §6).

One pure function of the rows, so every desk holding the same rows shows the same money,
whatever order the rows arrived in and whichever desk wrote them:

1. A line owes its amount plus its adjustments (its *due*). A line whose adjustments take
   it below zero owes nothing and the excess is credit.
2. Payments are taken in order (paid time, id). A reversed payment counts for nothing (a
   second reversal of it changes nothing). Each payment's recorded parts are applied to
   their lines, each part at most what the line still owes and what the payment still
   holds. What a payment keeps beyond its applied parts is credit.
3. Credit (those leftovers, adjustments to no line that lower what is owed, the excess of
   lines adjusted below zero) less refunds and adjustments to no line that raise what is
   owed is applied to the lines still open, oldest due first, ties by line id. Credit is
   spent in the order it arose (refunds take the oldest first), so each payment knows
   how much of it credit applied.
4. A prepayment (kind ``prepayment``, seed 003's 公摊水电费预收500元/户) is credit
   earmarked for the shared water and electricity: it pays only those lines, oldest due
   first, before any other credit does, and never a management fee. What is left of it is
   ``Ledger.prepaid``; refunds take general credit before it.

Invariants (tested): Σ applied ≤ amount for every payment; no line paid above its due;
balance = billed + adjustments − paid + refunded = Σ open − unapplied money.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

ZERO = Decimal("0.00")
PREPAYMENT = "prepayment"
# the fee codes a prepayment may pay (seed 003: 公摊水电费:预收500元/户)
PREPAID_CODES = frozenset({"utilities_shared"})


@dataclass(frozen=True)
class LedgerLine:
    id: str
    due_date: date
    amount: Decimal
    fee_code: str = ""


@dataclass(frozen=True)
class LedgerAdjustment:
    id: str
    line_id: str | None
    amount: Decimal


@dataclass(frozen=True)
class LedgerPayment:
    id: str
    kind: str  # payment / prepayment / refund / reversal
    amount: Decimal  # refunds and reversals negative
    paid_at: datetime
    reverses_id: str | None = None
    parts: tuple[tuple[str, Decimal], ...] = ()  # (line id, amount) as recorded when taken


@dataclass
class LineState:
    id: str
    due_date: date
    amount: Decimal
    fee_code: str = ""
    adjusted: Decimal = ZERO
    paid: Decimal = ZERO  # by recorded parts and by credit

    @property
    def due(self) -> Decimal:
        return self.amount + self.adjusted

    @property
    def open(self) -> Decimal:
        return max(self.due, ZERO) - self.paid


@dataclass
class Ledger:
    lines: dict[str, LineState]
    applied: dict[str, Decimal]  # payment id -> what it paid on lines (parts and credit)
    billed: Decimal = ZERO
    adjusted: Decimal = ZERO
    paid: Decimal = ZERO  # payments not reversed
    refunded: Decimal = ZERO  # money handed back (positive)
    unapplied: Decimal = ZERO  # credit left (positive) or owed on no line (negative)
    prepaid: Decimal = ZERO  # of ``unapplied``: what is left of the prepayments
    prepaid_in: Decimal = ZERO  # prepayments taken, not reversed
    reversed_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def balance(self) -> Decimal:
        """What the unit owes; negative is a credit."""
        return self.billed + self.adjusted - self.paid + self.refunded

    @property
    def open_total(self) -> Decimal:
        return sum((ln.open for ln in self.lines.values()), ZERO)


def _order(payment: LedgerPayment) -> tuple:
    return (payment.paid_at, payment.id)


def derive(
    lines: Iterable[LedgerLine],
    adjustments: Iterable[LedgerAdjustment],
    payments: Sequence[LedgerPayment],
) -> Ledger:
    states = {ln.id: LineState(ln.id, ln.due_date, ln.amount, ln.fee_code) for ln in lines}
    ledger = Ledger(states, {})
    ledger.billed = sum((ln.amount for ln in states.values()), ZERO)
    sources: list[list] = []  # [key, what is left of this credit, payment id or None]
    earmarked: list[list] = []  # the same, of prepayments: they pay PREPAID_CODES only
    charges = ZERO  # refunds and charges to no line, taken from the oldest credit first
    for adj in sorted(adjustments, key=lambda a: a.id):
        ledger.adjusted += adj.amount
        line = states.get(adj.line_id) if adj.line_id else None
        if line is not None:
            line.adjusted += adj.amount
        elif adj.amount < 0:
            sources.append([("adjustment", adj.id), -adj.amount, None])
        else:
            charges += adj.amount
    for line in states.values():
        if line.due < 0:
            sources.append([("line", line.id), -line.due, None])

    ordered = sorted(payments, key=_order)
    reversed_ids: set[str] = set()
    for p in ordered:
        if p.kind == "reversal" and p.reverses_id:
            reversed_ids.add(p.reverses_id)
    ledger.reversed_ids = frozenset(reversed_ids)
    for p in ordered:
        if p.kind == "refund":
            ledger.refunded += -p.amount
            charges += -p.amount
            continue
        if p.kind not in ("payment", PREPAYMENT) or p.id in reversed_ids:
            continue
        ledger.paid += p.amount
        if p.kind == PREPAYMENT:  # no parts: the derivation alone spends it
            ledger.prepaid_in += p.amount
            ledger.applied[p.id] = ZERO
            earmarked.append([("payment", _order(p)), p.amount, p.id])
            continue
        left = p.amount
        for line_id, part in p.parts:
            line = states.get(line_id)
            if line is None or part <= 0 or left <= 0:
                continue
            take = min(part, line.open, left)
            if take > 0:
                line.paid += take
                left -= take
        ledger.applied[p.id] = p.amount - left
        if left > 0:
            sources.append([("payment", _order(p)), left, p.id])

    # refunds and charges to no line spend the oldest credit first, a prepayment last
    sources.sort(key=lambda s: (s[0][0] != "payment", s[0]))
    for source in [*sources, *earmarked]:
        if charges <= 0:
            break
        take = min(source[1], charges)
        source[1] -= take
        charges -= take
    oldest_first = sorted(states.values(), key=lambda ln: (ln.due_date, ln.id))
    prepaid_lines = [ln for ln in oldest_first if ln.fee_code in PREPAID_CODES]
    prepaid_left = _spend(earmarked, prepaid_lines, ledger)
    credit_left = _spend(sources, oldest_first, ledger)
    ledger.prepaid = prepaid_left
    ledger.unapplied = credit_left + prepaid_left - charges
    return ledger


def _spend(sources: list[list], lines: list[LineState], ledger: Ledger) -> Decimal:
    """Apply the credit of ``sources`` to the open ``lines`` in their order; each source is
    spent in the order given, so each payment knows what of it was applied. Returns what
    is left."""
    pool = sum((s[1] for s in sources), ZERO)
    applied = ZERO
    if pool <= 0:
        return pool
    for line in lines:
        if pool - applied <= 0:
            break
        take = min(line.open, pool - applied)
        if take > 0:
            line.paid += take
            applied += take
    spend = applied
    for source in sources:
        if spend <= 0:
            break
        take = min(source[1], spend)
        spend -= take
        if source[2] is not None:
            ledger.applied[source[2]] += take
    return pool - applied
