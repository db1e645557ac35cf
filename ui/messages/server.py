"""The sync server's refusal codes (``ErrorBody.error``), in words for the desk.

The server's own ``message`` is English with the particulars (which change, which field,
which limit); a screen shows ``server.<error>`` from here in the user's language and may
add that message as the detail.
"""

MESSAGES = {
    "server.inspection_signed": (
        "The inspection was signed before this change reached the server; the change was "
        "set aside and the signed content kept. Amend the inspection to change it.",
        "该检查在此更改到达服务器前已签字；此更改已搁置，保留已签内容。如需修改，请做修订。",
    ),
    "server.receipt_number_taken": (
        "Another receipt of this estate already has this number; the receipt was set "
        "aside. Finance should check both receipts.",
        "本小区已有同号收据；此收据已搁置，请财务核对两张收据。",
    ),
    "server.server_only_table": (
        "Staff accounts, roles and permissions are managed on the server; this change "
        "was set aside. Change them in Settings while online.",
        "员工账号、角色和权限由服务器管理；此更改已搁置。请在联网时于“设置”中修改。",
    ),
    "server.invalid_text": (
        "A text holds a character that cannot be stored (a NUL or a broken character).",
        "文本中含有无法保存的字符（空字符或残缺字符）。",
    ),
    "server.value_required": (
        "A required value is empty.",
        "必填的值为空。",
    ),
    "server.value_too_long": (
        "A value is longer than the server can store; shorten it and save again.",
        "某个值超出服务器可保存的长度；请缩短后重新保存。",
    ),
    "server.value_out_of_range": (
        "A number is outside the range the server can store.",
        "某个数值超出服务器可保存的范围。",
    ),
    "server.not_finite": (
        "A number is not a finite number.",
        "某个数值不是有限的数字。",
    ),
    "server.too_many_decimals": (
        "A number has more than two decimals.",
        "某个数值超过两位小数。",
    ),
    "server.bad_value": (
        "A value cannot be read (not a number, date or time as expected).",
        "某个值无法识别（不是应有的数字、日期或时间）。",
    ),
    "server.json_too_deep": (
        "A structured value is nested too deeply to be stored.",
        "某个结构化的值嵌套层数过多，无法保存。",
    ),
    "server.json_too_large": (
        "A structured value holds too many items to be stored.",
        "某个结构化的值包含的项目过多，无法保存。",
    ),
    "server.incomplete_row": (
        "The server does not have this record yet and the change does not hold all of it "
        "(was the record refused before?).",
        "服务器上还没有这条记录，而此更改不包含其全部内容（该记录之前是否被拒绝？）。",
    ),
    "server.missing_reference": (
        "The change refers to a record the server does not have (was it refused?).",
        "此更改引用了服务器上没有的记录（是否已被拒绝？）。",
    ),
    "server.cross_estate_reference": (
        "The change refers to a record of another estate.",
        "此更改引用了其他小区的记录。",
    ),
    "server.bad_change": (
        "The server cannot read this change.",
        "服务器无法识别此更改。",
    ),
    "server.bad_request": (
        "The server could not read the request.",
        "服务器无法识别此请求。",
    ),
    "server.out_of_scope": (
        "The change belongs to an estate this computer is not enrolled for.",
        "此更改属于这台电脑未登记的小区。",
    ),
    "server.change_too_large": (
        "The change is larger than the server takes.",
        "此更改超出服务器可接收的大小。",
    ),
    "server.batch_too_large": (
        "Too many changes were sent at once.",
        "一次发送的更改过多。",
    ),
    "server.body_too_large": (
        "The request is larger than the server takes.",
        "请求超出服务器可接收的大小。",
    ),
    "server.length_required": (
        "The request did not say its length.",
        "请求未注明长度。",
    ),
    "server.clock_ahead": (
        "Changes are stamped in the future; correct this computer's date and time.",
        "更改的时间戳在未来；请校正这台电脑的日期和时间。",
    ),
    "server.copied_device": (
        "This database was copied from another computer. Enrol this computer with a new "
        "enrolment code; it then becomes a device of its own and keeps its data.",
        "此数据库是从另一台电脑复制来的。请用新的登记码登记这台电脑；登记后它成为独立设备，数据保留。",
    ),
    "server.bad_code": (
        "Unknown enrolment code; check it or ask for a new one.",
        "登记码无效；请核对或索取新的登记码。",
    ),
    "server.code_used": (
        "This enrolment code was used already; ask for a new one.",
        "此登记码已被使用；请索取新的登记码。",
    ),
    "server.code_expired": (
        "This enrolment code has expired; ask for a new one.",
        "此登记码已过期；请索取新的登记码。",
    ),
    "server.no_token": (
        "This computer is not enrolled with the server.",
        "这台电脑尚未在服务器登记。",
    ),
    "server.bad_token": (
        "The server does not know this computer; enrol it again.",
        "服务器不认识这台电脑；请重新登记。",
    ),
    "server.revoked": (
        "The server's administrator revoked this computer.",
        "服务器管理员已停用这台电脑。",
    ),
    "server.upgrade_required": (
        "The server needs a newer PropDesk on this computer.",
        "服务器需要这台电脑安装更新版本的 PropDesk。",
    ),
    "server.server_too_old": (
        "The server is older than this PropDesk; it must be upgraded first.",
        "服务器版本比此 PropDesk 旧，需先升级服务器。",
    ),
    "server.blob_mismatch": (
        "An attachment was damaged on the way; it will be sent again.",
        "附件在传输中损坏，将重新发送。",
    ),
    "server.blob_too_large": (
        "An attachment is larger than the server takes.",
        "附件超出服务器可接收的大小。",
    ),
    "server.bad_blob_name": (
        "An attachment's name is not valid.",
        "附件名称无效。",
    ),
    "server.no_blob": (
        "The server does not have this attachment.",
        "服务器上没有此附件。",
    ),
    "server.unknown_table": (
        "The server does not know this kind of record.",
        "服务器不认识这类记录。",
    ),
    "server.not_found": (
        "The server does not offer this address.",
        "服务器没有此地址。",
    ),
    "server.method_not_allowed": (
        "The server does not take this kind of request here.",
        "服务器在此不接受这类请求。",
    ),
    "server.http_error": (
        "The server refused the request.",
        "服务器拒绝了请求。",
    ),
    "server.server_error": (
        "The server failed to handle the request and logged it; try again later.",
        "服务器处理请求失败，已记录日志；请稍后再试。",
    ),
    "server.bad_credentials": (
        "Wrong login or password on the server.",
        "服务器上的登录名或密码错误。",
    ),
    "server.closed_day_needs_approval": (
        "This reversal is of a payment of a day the cashier had already closed, and no "
        "supervisor approved it; it was set aside. Reverse it again with a finance lead's "
        "or director's approval.",
        "此冲正针对收银员已日结日期的收款，且未经主管审批；此更改已搁置。请经财务主管或管理处主任审批后重新冲正。",
    ),
    "server.permission_denied": (
        "The person who made this change may not make it (their role's permissions on the "
        "server); it was set aside.",
        "做出此更改的人无权进行此操作（以服务器上其角色的权限为准）；此更改已搁置。",
    ),
    "server.server_clock_wrong": (
        "The server's clock is wrong (most desks disagree with it); it goes by the desks' "
        "time until it is corrected. This computer's clock is not to blame.",
        "服务器的时钟有误（多数工作站与之不符）；在校正前，服务器按各工作站的时间运行。这台电脑的时钟没有问题。",
    ),
}
