"""Messages of the reception desk: the register, notices, work log, work orders, visitors,
release slips and keys."""

MESSAGES = {
    # the register
    "reception.channel_required": ("Choose how the contact came in", "请选择来访方式"),
    "reception.category_required": ("Choose the kind of matter", "请选择事项类别"),
    "reception.content_required": ("Write what was asked", "请填写来访事项"),
    "reception.too_long": ("Keep it under {limit} characters", "请控制在 {limit} 字以内"),
    "reception.phone_invalid": (
        "Enter a mobile (11 digits) or a landline, e.g. 0755-12345678",
        "请输入 11 位手机号或固定电话，如 0755-12345678",
    ),
    "reception.promise_required": (
        "An open item needs the time the answer was promised",
        "未即时答复的事项需填写承诺答复时间",
    ),
    "reception.promise_past": (
        "The promised reply time must be in the future",
        "承诺答复时间必须晚于现在",
    ),
    "reception.answer_required": (
        "Write the answer given (or mark the item open with a promised time)",
        "请填写答复内容（或标记为待办并填写承诺时间）",
    ),
    "reception.department_unknown": ("Choose the department to refer to", "请选择转交部门"),
    "reception.entry_gone": ("This register entry no longer exists", "该登记记录已不存在"),
    "reception.already_closed": ("Entry {number} is already closed", "登记 {number} 已经办结"),
    # notices and the work log
    "notice.kind_required": ("Choose the kind of notice", "请选择通知类型"),
    "notice.title_required": ("Give the notice a title", "请填写通知标题"),
    "notice.script_required": (
        "Write the sentence staff should say to callers",
        "请填写员工应答口径",
    ),
    "notice.period_invalid": ("The end must be after the start", "结束时间必须晚于开始时间"),
    "notice.gone": ("This notice no longer exists", "该通知已不存在"),
    "worklog.reviewer_role": (
        "Only a team lead, supervisor or director reviews a work log",
        "只有领班、主管或主任可以审阅工作日记",
    ),
    "worklog.own_day": ("Nobody reviews their own work log", "不能审阅自己的工作日记"),
    # work orders
    "workorder.content_required": ("Describe the repair", "请填写报修内容"),
    "workorder.kind_unknown": ("Unknown kind of work order", "未知的工单类型"),
    "workorder.category_required": ("Choose the category and priority", "请选择类别和紧急程度"),
    "workorder.priority_required": ("Choose emergency or normal", "请选择紧急或一般"),
    "workorder.department_required": ("Choose the department", "请选择责任部门"),
    "workorder.place_required": ("Choose the unit or write the place", "请选择房屋或填写地点"),
    "workorder.slot_invalid": (
        "Give both ends of the convenient time, the end after the start",
        "请填写完整的预约时段，结束晚于开始",
    ),
    "workorder.price_required": (
        "A paid repair needs its agreed price, more than 0",
        "有偿维修需先填写双方确认的价格（大于 0）",
    ),
    "workorder.paid_needs_slot": (
        "A paid repair is done by appointment: choose the time slot",
        "有偿维修按预约时间上门，请选择预约时段",
    ),
    "workorder.paid_needs_unit": (
        "A paid repair is billed to a unit: choose the unit",
        "有偿维修费用计入房屋账户，请选择房屋",
    ),
    "workorder.gone": ("This work order no longer exists", "该工单已不存在"),
    "workorder.unknown_action": ("Unknown step {action}", "未知操作 {action}"),
    "workorder.not_allowed": (
        "This step ({action}) is not possible while the order is {status}",
        "工单当前状态（{status}）不能执行此操作（{action}）",
    ),
    "workorder.reason_required": ("Give the reason ({action})", "请填写原因（{action}）"),
    "workorder.pause_reason": (
        "Choose what the work waits for: parts or the owner",
        "请选择暂停原因：等配件或等业主",
    ),
    "workorder.assignee_required": ("Choose who does the work", "请选择维修人员"),
    "workorder.note_required": ("Write what was done", "请填写进展情况"),
    "workorder.visit_outcome": (
        "Record the outcome: satisfied, not satisfied or unreachable",
        "请选择回访结果：满意、不满意或联系不上",
    ),
    "workorder.visitor_did_the_work": (
        "The return visit is made by someone who did not do the work",
        "回访人不能是维修人员本人",
    ),
    "workorder.dispatch_rule_invalid": (
        "A dispatch rule needs a category, a mode and at least one person",
        "派单规则需要类别、方式和至少一名人员",
    ),
    "workorder.not_paid": ("This is not a paid repair", "该工单不是有偿维修"),
    "workorder.not_billed": (
        "Order {number} is not billed yet: it is billed when done",
        "工单 {number} 尚未计费：完工后计入账户",
    ),
    "workorder.already_paid": ("Order {number} is already paid", "工单 {number} 已经付清"),
    "workorder.payment_method": ("Choose how the resident pays", "请选择付款方式"),
    "workorders.rules.day": (
        "Business hours must end after they start ({start})",
        "工作时间的结束必须晚于开始（{start}）",
    ),
    "workorders.rules.positive": ("{name} must be greater than 0", "{name} 必须大于 0"),
    "workorders.rules.target": (
        "The target {key} is the same day, the appointment or a number of minutes",
        "时限 {key} 须为当天、预约时间或分钟数",
    ),
    # visitors and release slips
    "visitor.name_required": ("Write the visitor's name", "请填写访客姓名"),
    "visitor.id_type_required": ("Choose the kind of ID", "请选择证件类型"),
    "visitor.id_number_invalid": (
        "An ID card number has 18 characters, the last may be X",
        "身份证号为 18 位，最后一位可以是 X",
    ),
    "visitor.purpose_required": ("Write the purpose of the visit", "请填写来访事由"),
    "visitor.plate_invalid": ("Enter a plate like 粤B12345", "请输入车牌号，如 粤B12345"),
    "visitor.gone": ("This visitor record no longer exists", "该访客记录已不存在"),
    "visitor.already_out": ("{name} is already checked out", "{name} 已经离开登记"),
    "slip.unit_required": ("Choose the unit the goods come from", "请选择物品所属房屋"),
    "slip.items_required": ("List the items", "请填写放行物品"),
    "slip.taken_by_required": ("Write who takes the items", "请填写搬运人"),
    "slip.gone": ("This release slip no longer exists", "该放行条已不存在"),
    # keys
    "key.tag_required": ("Give the key its tag number", "请填写钥匙牌号"),
    "key.unit_required": ("Choose the unit of the key", "请选择钥匙所属房屋"),
    "key.tag_taken": ("Tag {tag} is already in the register", "钥匙牌 {tag} 已在登记册中"),
    "key.gone": ("This key no longer exists", "该钥匙已不存在"),
    "key.none_chosen": ("Choose at least one key", "请至少选择一把钥匙"),
    "key.borrower_required": ("Write who borrows the key", "请填写借用人"),
    "key.borrower_kind_required": (
        "Choose owner, authorised person or contractor",
        "请选择业主、受托人或施工方",
    ),
    "key.not_authorised": (
        "{name} is not named on the owner's custody undertaking",
        "{name} 不在业主托管承诺书的授权名单中",
    ),
    "key.owner_confirmation_required": (
        "Confirm with the owner before lending to an authorised person",
        "借给受托人前须与业主确认",
    ),
    "key.site_lead_required": (
        "Contractors borrow through their site lead: write the site lead",
        "施工方须经现场负责人借用，请填写负责人",
    ),
    "key.id_check_required": ("Record how the identity was checked", "请记录身份核验方式"),
    "key.purpose_required": ("Write the purpose", "请填写借用事由"),
    "key.expected_back_required": ("Give the expected return time", "请填写预计归还时间"),
    "key.expected_back_past": (
        "The expected return time must be in the future",
        "预计归还时间必须晚于现在",
    ),
    "key.not_in_cabinet": ("Key {tag} is not in the cabinet", "钥匙 {tag} 不在钥匙柜中"),
    "key.not_lent": ("Key {tag} is not lent out", "钥匙 {tag} 未借出"),
    "key.undertaking_expired": (
        "The custody undertaking of key {tag} has expired",
        "钥匙 {tag} 的托管承诺书已过期",
    ),
    "key.signature_required": ("Sign in the box first", "请先在签名框内签名"),
    "key.signature_too_large": (
        "The signature is too large; clear it and sign again",
        "签名过大，请清除后重签",
    ),
    "key.movement_unknown": ("Unknown key movement", "未知的钥匙操作"),
    "key.movement_not_allowed": (
        "Key {tag} cannot take this step in its state",
        "钥匙 {tag} 当前状态不能执行此操作",
    ),
}
