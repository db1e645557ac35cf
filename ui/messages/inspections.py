"""Messages of inspections (templates, walks, photos, signatures, schedules, corrective
actions) and of the move-in wizard."""

MESSAGES = {
    # templates
    "inspection.template.bad_id": (
        'Item or section id "{id}" is missing, repeated or not lower-case letters and digits',
        "项目或分组编号“{id}”为空、重复或含有小写字母和数字以外的字符",
    ),
    "inspection.template.bad_type": (
        "Item {item}: unknown type {type}",
        "项目 {item}：未知的类型 {type}",
    ),
    "inspection.template.options_required": (
        "Item {item}: a choice needs its options, each with its own id",
        "项目 {item}：选择题需要选项，且选项编号不能重复",
    ),
    "inspection.template.score_invalid": (
        "Item {item}: a score must be a number",
        "项目 {item}：分值必须是数字",
    ),
    "inspection.template.weight_invalid": (
        "Item {item}: the weight must be a number of 0 or more",
        "项目 {item}：权重必须是不小于 0 的数字",
    ),
    "inspection.template.limit_invalid": (
        "Item {item}: the limits must be numbers, the lower one first",
        "项目 {item}：上下限必须是数字，且下限不大于上限",
    ),
    "inspection.template.bad_severity": (
        "Item {item}: choose high, medium or low severity",
        "项目 {item}：请选择严重程度（高、中、低）",
    ),
    "inspection.template.empty": ("A checklist needs at least one item", "检查表至少需要一个项目"),
    "inspection.template.published_immutable": (
        "A published version cannot be changed; edit the draft and publish a new version",
        "已发布的版本不能修改，请编辑草稿后发布新版本",
    ),
    "inspection.template.gone": ("This checklist no longer exists", "该检查表已不存在"),
    "inspection.template.unpublished": (
        "This checklist has no published version yet",
        "该检查表尚未发布任何版本",
    ),
    "inspection.template.kind": ("Choose the kind of checklist", "请选择检查表类别"),
    "inspection.template.name_required": (
        "Give the checklist a code and a Chinese name",
        "请填写检查表编号和中文名称",
    ),
    "inspection.template.code_taken": (
        "Code {code} is already used by another checklist",
        "编号 {code} 已被其他检查表使用",
    ),
    "inspection.version_missing": (
        "The checklist version of this inspection has not arrived yet; sync and try again",
        "该检查所用的检查表版本尚未同步到本机，请同步后重试",
    ),
    # the walk
    "inspection.gone": ("This inspection no longer exists", "该检查记录已不存在"),
    "inspection.target_kind": (
        "Choose what kind of place is inspected: a unit, building, area or department",
        "请选择检查对象类型：房屋、楼栋、区域或部门",
    ),
    "inspection.target_required": (
        "Say what is inspected (unit, building, area or department)",
        "请填写检查对象（房屋、楼栋、区域或部门）",
    ),
    "inspection.item_unknown": (
        "Item {item} is not on this checklist version",
        "本版本检查表中没有项目 {item}",
    ),
    "inspection.answer.pass_fail": (
        "Item {item}: answer pass, fail or not applicable",
        "项目 {item}：请选择合格、不合格或不适用",
    ),
    "inspection.answer.option_unknown": (
        "Item {item}: choose one of the listed options",
        "项目 {item}：请从列出的选项中选择",
    ),
    "inspection.answer.number": (
        "Item {item}: enter a number, e.g. 123.4",
        "项目 {item}：请输入数字，如 123.4",
    ),
    "inspection.answer.date": (
        "Item {item}: enter a date as YYYY-MM-DD",
        "项目 {item}：请按 YYYY-MM-DD 输入日期",
    ),
    "inspection.answer.too_long": (
        "Item {item}: keep it under {limit} characters",
        "项目 {item}：请控制在 {limit} 字以内",
    ),
    "inspection.signed_locked": (
        "Inspection {number} is signed and cannot change; make an amendment instead",
        "检查 {number} 已签字，不能修改；如需更正请新建修订",
    ),
    "inspection.finalised_locked": (
        "Inspection {number} is finalised; answers can no longer change",
        "检查 {number} 已完成，答案不能再修改",
    ),
    "inspection.not_finalised": ("Finalise the inspection first", "请先完成检查"),
    "inspection.unanswered": ("Item {item} is not answered yet", "项目 {item} 尚未作答"),
    "inspection.photo_required": (
        "Item {item} failed: add a photo",
        "项目 {item} 不合格：请添加照片",
    ),
    "inspection.note_required": (
        "Item {item} failed: write a note",
        "项目 {item} 不合格：请填写说明",
    ),
    "inspection.too_many_photos": (
        "Item {item} already has {limit} photos",
        "项目 {item} 已有 {limit} 张照片",
    ),
    "inspection.cannot_finalise": (
        "Cannot finalise yet: {count} problem(s), first at item {item}",
        "暂不能完成：共 {count} 处问题，第一处在项目 {item}",
    ),
    # photos
    "inspection.photo.too_large": (
        "This photo is {mb} MB; photos over {limit} MB are refused. Choose a smaller file",
        "该照片 {mb} MB，超过 {limit} MB 的照片不能导入，请选择较小的文件",
    ),
    "inspection.photo.unreadable": (
        "{name} is not a photo that can be read",
        "{name} 不是可以读取的照片",
    ),
    "inspection.photo.missing": (
        "The photo of {name} is missing on this computer",
        "本机缺少 {name} 的照片文件",
    ),
    "inspection.photo.stored_too_large": (
        "A photo of item {item} is too large; import it again",
        "项目 {item} 的照片过大，请重新导入",
    ),
    # signatures
    "inspection.signature.empty": ("Sign in the box first", "请先在框内签名"),
    "inspection.signature.too_long": (
        "The signature is too long; clear it and sign again",
        "签名过长，请清除后重签",
    ),
    "inspection.signature.bad_point": (
        "The signature left the box; clear it and sign again",
        "签名超出了签名框，请清除后重签",
    ),
    "inspection.signature.role": (
        "Choose who signs: inspector, manager or owner",
        "请选择签字人身份：检查人、主管或业主",
    ),
    "inspection.signature.signer_required": ("Write the signer's name", "请填写签字人姓名"),
    # schedules
    "inspection.schedule.frequency": (
        "Choose daily, weekly, monthly or weekdays",
        "请选择每天、每周、每月或指定星期",
    ),
    "inspection.schedule.anchor": (
        "Count the next one from the scheduled date or from the completion",
        "请选择下次检查从计划日期还是完成日期起算",
    ),
    "inspection.schedule.weekdays": ("Choose at least one weekday", "请至少选择一个星期几"),
    "inspection.schedule.day_of_month": ("The day of the month is 1 to 31", "每月日期应为 1 到 31"),
    "inspection.schedule.window": (
        "The due window is 1 to 31 days, not {days}",
        "完成期限应为 1 到 31 天，而不是 {days}",
    ),
    "inspection.schedule.gone": ("This schedule no longer exists", "该检查计划已不存在"),
    "inspection.schedule.no_makeup": ("This plan allows no make-up inspection", "该计划不允许补检"),
    # corrective actions
    "inspection.action_gone": ("This corrective action no longer exists", "该整改项已不存在"),
    "inspection.action.after_photo_required": (
        "Add a photo after the repair to close it",
        "请添加整改后的照片",
    ),
    # move-in
    "movein.gone": ("This handover no longer exists", "该入伙记录已不存在"),
    "movein.unit_unknown": ("Choose a unit for the handover", "请选择办理入伙的房屋"),
    "movein.not_started": ("Start the handover first", "请先开始办理入伙"),
    "movein.finished": ("This handover is finished", "该入伙手续已办结"),
    "movein.paused": ("The handover is paused; resume it first", "入伙手续已暂停，请先继续"),
    "movein.step_unknown": ("Unknown step {step}", "未知步骤 {step}"),
    "movein.step_order": ("Finish the earlier steps before {step}", "请先完成 {step} 之前的步骤"),
    "movein.steps_left": ("Step {step} is not done yet", "步骤 {step} 尚未完成"),
    "movein.documents_missing": (
        "{count} required document(s) not checked",
        "还有 {count} 份必备资料未核对",
    ),
    "movein.forms_missing": ("{count} form(s) not signed yet", "还有 {count} 份表格未签署"),
    "movein.meter_required": ("Enter the {meter} meter reading", "请填写{meter}表底数"),
    "movein.inspection_required": (
        "Finalise the house acceptance inspection first",
        "请先完成一房一验",
    ),
}
