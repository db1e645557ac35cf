"""Messages of the fees desk and of typed money: codes the fee services and the money
parser raise, and the notes billing writes on bill lines (``bill_note.*``)."""

MESSAGES = {
    # typed money (app.domain.money.parse_money) and plain numbers (parse_number)
    "amount.required": ("Enter the amount in yuan, e.g. 170.05", "请输入金额（元），例如 170.05"),
    "amount.not_a_number": (
        "Enter the amount in yuan, e.g. 1,234.56 (digits, one decimal point, commas every three digits)",
        "请输入金额（元），例如 1,234.56（数字、一个小数点，千位分隔符每三位一个）",
    ),
    "amount.too_many_decimals": (
        "Use at most two decimals (fen); this amount has {places}",
        "金额最多两位小数（到分），此金额有 {places} 位",
    ),
    "amount.not_positive": ("The amount must be more than 0", "金额必须大于 0"),
    "amount.too_large": (
        "The amount is too large for one entry (under ¥100,000,000)",
        "金额过大，单笔须低于 ¥100,000,000",
    ),
    "number.required": ("Enter a number", "请输入数字"),
    "number.not_a_number": ("Enter a number, e.g. 0.70", "请输入数字，例如 0.70"),
    "number.too_many_decimals": (
        "Use at most {most} decimals; this number has {places}",
        "最多 {most} 位小数，此数字有 {places} 位",
    ),
    # the counter
    "fees.not_found": (
        "This record is no longer there (deleted, or not synced to this computer). Refresh and try again.",
        "该记录已不存在（已删除或尚未同步到本机），请刷新后重试。",
    ),
    "fees.method.unknown": ("Choose how the resident pays", "请选择缴费方式"),
    "fees.reason.required": ("Say why", "请填写原因"),
    "fees.payment.not_reversible": ("Only a payment can be reversed", "只有收款可以冲正"),
    "fees.payment.already_reversed": (
        "Receipt {receipt} is already reversed",
        "收据 {receipt} 已冲正",
    ),
    "fees.credit.too_small": (
        "The unit's credit is only {credit}",
        "该房屋的预存余额只有 {credit}",
    ),
    "fees.adjustment.zero": (
        "Enter a non-zero amount; negative lowers the bill",
        "请输入非零金额；负数为减免",
    ),
    "fees.line.other_copy": (
        "{amount} (another desk issued {other}: adjust)",
        "{amount}（另一工作站开出 {other}，请调整）",
    ),
    "fees.adjustment.too_large": (
        "The line charges only {due}: a reduction cannot be larger",
        "该账单行应收只有 {due}，减免不能超过此数",
    ),
    # cash at the counter, temporary parking
    "fees.cash.tendered_short": (
        "Cash tendered {tendered} is less than the amount {amount}",
        "实收现金 {tendered} 少于应收金额 {amount}",
    ),
    "fees.cash.tendered_required": (
        "Enter the cash handed over, to work out the change",
        "请输入客户所付现金，以计算找零",
    ),
    "fees.stay.plate_required": ("Enter the plate, e.g. 粤B12345", "请输入车牌号，例如 粤B12345"),
    "fees.stay.plate_too_long": (
        "A plate has at most {limit} characters",
        "车牌号最多 {limit} 个字符",
    ),
    "fees.stay.free": (
        "A stay under 1 hour is free: nothing to charge",
        "停放不足 1 小时免费，无需收费",
    ),
    # day-end closing (日结 / 交班)
    "fees.closing.explanation_required": (
        "The cash counted differs from the cash expected: say why",
        "实点现金与应有现金不符，请说明原因",
    ),
    "fees.closing.handover_required": (
        "Name who takes over (the next shift)",
        "请填写接班人",
    ),
    "fees.closing.future_day": (
        "{day} has not begun: it cannot be closed",
        "{day} 尚未开始，不能日结",
    ),
    "fees.closing.already_closed": (
        "{cashier}'s day {day} is already closed",
        "{cashier} 的 {day} 已日结",
    ),
    "fees.closing.not_own_day": (
        "Only {cashier} or a supervisor (finance lead or director) may close {cashier}'s day",
        "只有 {cashier} 本人或主管（财务主管或管理处主任）可以为 {cashier} 日结",
    ),
    "fees.closing.day_closed": (
        "Receipt {receipt} belongs to {cashier}'s day {day}, which is closed: a supervisor "
        "(finance lead or director) must approve the reversal",
        "收据 {receipt} 属于 {cashier} 已日结的 {day}，冲正须经主管（财务主管或管理处主任）审批",
    ),
    "fees.closing.approval_failed": (
        "The supervisor's log-in or password is wrong",
        "主管账号或密码不正确",
    ),
    "fees.closing.approver_not_allowed": (
        "This account may not approve a reversal of a closed day",
        "该账号无权审批已日结日期的冲正",
    ),
    # deposits
    "fees.deposit.kind_unknown": ("Choose the kind of deposit", "请选择押金类别"),
    "fees.deposit.nothing_held": (
        "Deposit {receipt} has nothing left to refund",
        "押金 {receipt} 已无可退金额",
    ),
    # reminders
    "fees.reminder.method_unknown": ("Choose phone, letter or notice", "请选择电话、信函或公告"),
    # the schedule and the rules
    "fees.rate.negative": ("The rate cannot be negative", "单价不能为负数"),
    "fees.rate.item_unknown": ("Unknown fee item {code}", "未知收费项目 {code}"),
    "fees.date.invalid": (
        "Enter the date as YYYY-MM-DD, e.g. 2026-07-01",
        "请按 YYYY-MM-DD 输入日期，例如 2026-07-01",
    ),
    "fees.period.invalid": (
        "Period {period} must look like 2026-03 (year-month)",
        "账期 {period} 应写成 2026-03（年-月）",
    ),
    "fees.rules.vacancy_ratio": (
        "Enter the share paid as a number from 0 to 1, e.g. 0.70",
        "请输入 0 到 1 之间的缴费比例，例如 0.70",
    ),
    "fees.rules.late_rate": (
        "Enter the daily rate as a number from 0 to 0.01, e.g. 0.0003",
        "请输入 0 到 0.01 之间的日费率，例如 0.0003",
    ),
    "fees.rules.cap_ratio": (
        "Enter the cap as a number from 0 to 10, e.g. 1",
        "请输入 0 到 10 之间的上限，例如 1",
    ),
    "fees.rules.due_day": ("The due day is between 1 and 28", "缴费日须在 1 到 28 日之间"),
    "fees.rules.vacancy_months": (
        "The months vacant are between 1 and 36",
        "空置月数须在 1 到 36 之间",
    ),
    "fees.rules.grace_days": ("Grace days are between 0 and 365", "宽限天数须在 0 到 365 之间"),
    # parking spaces
    "fees.parking.kind_unknown": (
        "Choose shared, dedicated or open-air parking",
        "请选择共用、专用或露天车位",
    ),
    "fees.parking.space_required": (
        "Enter the space number, e.g. B1-023",
        "请输入车位编号，例如 B1-023",
    ),
    # billing
    "fees.shared.no_units": (
        "No handed-over units to share the cost over",
        "没有已交房的房屋可分摊此费用",
    ),
    "fees.shared.already_billed": (
        "Shared costs of {period} are already billed",
        "{period} 的公摊费用已出账",
    ),
    "fees.renovation.already_charged": (
        "The renovation fee of this unit is already charged",
        "该房屋的装修管理费已收取",
    ),
    # notes on bill lines (app.domain.fee_notes)
    "bill_note.from_handover": (
        "from handover {date}: {days}/{month_days} days",
        "自交房日 {date} 起计：{days}/{month_days} 天",
    ),
    "bill_note.vacancy": ("vacancy {percent}%", "空置 {percent}%"),
    "bill_note.share_of": ("share of {total}", "分摊总额 {total}"),
    "bill_note.late_fee": ("{rate}/day on overdue amounts", "逾期金额按每日 {rate} 计"),
    "bill_note.once": ("once", "一次性"),
    "bill_note.paid_repair": ("work order {number}: {content}", "工单 {number}：{content}"),
    "bill_note.text": ("{text}", "{text}（原文）"),
}
