"""Messages of opening balances (期初余额): the import's problems, its permission and
audit entries, and the words of its dialog and of a unit's opening entries."""

MESSAGES = {
    # problems of a row (app.services.fees.opening)
    "opening.unit.unknown": (
        "No unit {unit} in this estate (import the units first, or write the code as the units list has it)",
        "本小区没有房屋 {unit}（请先导入房屋，或按房屋列表的写法填写编号）",
    ),
    "opening.amount.negative": (
        "Amounts are written without a minus sign: money the unit paid ahead goes in the prepayment column",
        "金额不能为负数：业主预交的款项请填在“期初预收”列",
    ),
    "opening.row.duplicate": (
        "The same unit has this entry already on line {line}",
        "同一房屋的此项已在第 {line} 行填写",
    ),
    "opening.fee.unknown": (
        "Unknown fee {fee} (e.g. 物业管理服务费, 公摊水电费, 共用车位, or leave it empty)",
        "未知收费项目 {fee}（如 物业管理服务费、公摊水电费、共用车位，或留空）",
    ),
    "opening.deposit.kind_unknown": (
        "Say which deposit this is: 装修押金, 出入证押金 or IC卡押金 (given: {kind})",
        "请填写押金类别：装修押金、出入证押金或 IC卡押金（现为：{kind}）",
    ),
    "opening.arrears.missing": (
        "A fee or month is given but no arrears amount",
        "填写了欠费项目或账期，但没有欠费金额",
    ),
    "opening.period.after_opening": (
        "Arrears of {period} are after the opening day: bill that month in PropDesk instead",
        "{period} 的欠费晚于期初日：该月请在系统中出账",
    ),
    "opening.already_imported": (
        "This estate's opening balances were imported on {date} by {by} ({entries} entries). They are imported once; correct an amount with an adjustment.",
        "本小区的期初余额已于 {date} 由 {by} 导入（{entries} 条），只能导入一次；如有差错请用调整更正。",
    ),
    # permission and audit trail
    "permission.name.fees.opening": ("Import opening balances", "导入期初余额"),
    "audit.action.fees.opening_import": ("Opening balance entered", "录入期初余额"),
    "audit.action.fees.opening_import_file": ("Opening balances imported", "导入期初余额文件"),
    "audit.table.fee_opening_entries": ("Opening balances", "期初余额"),
    # the kinds of opening entries, as a unit's account labels them
    "opening.kind.arrears": ("Opening arrears", "期初欠费"),
    "opening.kind.prepayment": ("Opening prepayment", "期初预收"),
    "opening.kind.deposit": ("Opening deposit", "期初押金"),
    # the import dialog (ui/fees/opening_dialog.py)
    "opening.ui.title": ("Import opening balances", "导入期初余额"),
    "opening.ui.action": ("Opening balances…", "期初余额…"),
    "opening.ui.intro": (
        "Each unit's arrears, prepayment and deposits on the opening day, from the estate's own books (XLSX or CSV). They are recorded as opening entries, not as bills, and are imported once, all rows or none.",
        "从本小区原有账目导入每户在期初日的欠费、预收和押金（XLSX 或 CSV）。记为期初余额，不生成账单；只导入一次，全部成功或全部不导入。",
    ),
    "opening.ui.choose": ("Choose file…", "选择文件…"),
    "opening.ui.template": ("Save template…", "保存模板…"),
    "opening.ui.as_of": ("Opening day", "期初日"),
    "opening.ui.import": ("Import", "导入"),
    "opening.ui.cancel": ("Close", "关闭"),
    "opening.ui.no_file": ("No file chosen yet", "尚未选择文件"),
    "opening.ui.reading": ("Reading {file}…", "正在读取 {file}…"),
    "opening.ui.summary": (
        "{rows} rows, {units} units: arrears {arrears}, prepayments {prepayments}, deposits {deposits}",
        "共 {rows} 行、{units} 户：期初欠费 {arrears}，期初预收 {prepayments}，期初押金 {deposits}",
    ),
    "opening.ui.problems": (
        "{count} problems: nothing can be imported until the file is corrected",
        "发现 {count} 处问题：文件改正前不能导入",
    ),
    "opening.ui.done": (
        "Imported {entries} opening entries of {units} units",
        "已导入 {units} 户的 {entries} 条期初余额",
    ),
    "opening.ui.not_allowed": (
        "Only the finance lead or the director imports opening balances",
        "只有财务主管或主任可以导入期初余额",
    ),
    "opening.ui.ok": ("OK", "正确"),
    "opening.ui.col.line": ("Line", "行"),
    "opening.ui.col.unit": ("Unit", "房屋"),
    "opening.ui.col.arrears": ("Arrears", "期初欠费"),
    "opening.ui.col.fee": ("Fee", "欠费项目"),
    "opening.ui.col.period": ("Period", "账期"),
    "opening.ui.col.prepayment": ("Prepayment", "期初预收"),
    "opening.ui.col.deposit": ("Deposit", "期初押金"),
    "opening.ui.col.deposit_kind": ("Deposit kind", "押金类别"),
    "opening.ui.col.problem": ("Problem", "问题"),
}
