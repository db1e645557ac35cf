"""Messages of the complaints area and of the blob store its attachments live in."""

MESSAGES = {
    # intake form
    "complaint.content_required": ("Describe what happened", "请填写投诉内容"),
    "complaint.name_required": ("Complainant name is required", "请填写投诉人姓名"),
    "complaint.phone_invalid": (
        "Phone must be a mobile number (11 digits, e.g. 13800138000) or 0755-12345678",
        "电话须为11位手机号（如 13800138000）或 0755-12345678",
    ),
    "complaint.channel_invalid": (
        "Channel is in person, phone, letter or other",
        "投诉方式为来访、电话、信函或其他",
    ),
    "complaint.category_required": ("Choose a category", "请选择投诉类别"),
    "complaint.scope_invalid": (
        "Scope is property service or non-property",
        "性质为物业服务投诉或非物业投诉",
    ),
    "complaint.severity_required": ("Confirm the severity", "请确认投诉等级"),
    "complaint.department_invalid": (
        "Choose a department from the list",
        "请从列表中选择部门",
    ),
    "complaint.time_invalid": (
        "Time must be YYYY-MM-DD HH:MM, e.g. 2024-06-30 14:30 (not {typed})",
        "时间格式为 YYYY-MM-DD HH:MM，如 2024-06-30 14:30（不是 {typed}）",
    ),
    "complaint.resident_deadline_minor_only": (
        "A resident's deadline applies to minor complaints only",
        "住户要求的期限仅适用于轻微投诉",
    ),
    # workflow steps
    "complaint.not_found": (
        "This complaint no longer exists (it may have been deleted on another desk).",
        "该投诉已不存在（可能已在其他工作站删除）。",
    ),
    "complaint.step_unknown": ("This step is not known.", "未知的处理步骤。"),
    "complaint.step_not_allowed": (
        "This step is not possible in the complaint's present state.",
        "投诉当前的状态下不能进行此步骤。",
    ),
    "complaint.close_needs_return_visit": (
        "A major or important complaint is closed only after it was handled, "
        "the resident informed and a return visit made.",
        "重大投诉和重要投诉须处理完毕、通报住户并上门回访后才能结案。",
    ),
    "complaint.dispatch_department": (
        "Choose the department to dispatch to",
        "请选择派单部门",
    ),
    "complaint.escalate_to": (
        "Escalate to the team lead, supervisor or director",
        "请选择上报给领班、主管或管理处主任",
    ),
    "complaint.satisfaction_required": (
        "Record the resident's satisfaction",
        "请记录住户的满意度",
    ),
    "complaint.extension_reason": ("Give the reason for the extension", "请填写延期原因"),
    "complaint.extension_due_future": (
        "The new deadline must be in the future (YYYY-MM-DD HH:MM)",
        "新的期限须晚于现在（YYYY-MM-DD HH:MM）",
    ),
    "complaint.note_required": ("Write what was done", "请填写处理情况"),
    "complaint.extension_approver.minor": (
        "An extension for a minor complaint must be approved by the supervisor or director",
        "轻微投诉延期须由主管或管理处主任批准",
    ),
    "complaint.extension_approver.director": (
        "An extension for an important or major complaint must be approved by the director",
        "重要投诉和重大投诉延期须由管理处主任批准",
    ),
    "complaint.attachment_missing": ("File not found: {path}", "找不到文件：{path}"),
    # the estate's rules
    "complaint.rules.handover_hours": (
        "Hand-over of important complaints is within 1 or 2 hours",
        "重要投诉的转交时限为1或2小时",
    ),
    "complaint.rules.not_positive": (
        "Each time limit must be greater than 0 ({rule})",
        "各项时限须大于0（{rule}）",
    ),
    "complaint.rules.severity_scheme": (
        "Severity scheme is major/important/minor or class A/B",
        "投诉等级方案为重大/重要/轻微或A类/B类",
    ),
    # the blob store
    "blob.bad_name": ("Not an attachment name: {name}", "不是附件名称：{name}"),
    "blob.file_missing": ("File not found: {path}", "找不到文件：{path}"),
    "blob.hash_mismatch": (
        "The attachment arrived damaged (expected {expected}, got {actual}); it will be "
        "fetched again.",
        "附件传输中损坏（应为 {expected}，实为 {actual}），将重新获取。",
    ),
    "blob.missing": (
        "The attachment {sha256} is not on this computer yet.",
        "附件 {sha256} 尚未下载到本机。",
    ),
}
