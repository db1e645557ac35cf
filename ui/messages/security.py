"""Messages of permissions, the audit trail, personal data and log-in security; the words
for roles, permissions and audit actions (``role.*``, ``permission.name.*``,
``audit.action.*``), looked up with ``ui.messages.message``."""

MESSAGES = {
    "permission.denied": (
        "Your role ({role}) may not do this ({permission}). Ask a director or the administrator.",
        "您的角色（{role}）无权执行此操作（{permission}）。请联系主任或管理员。",
    ),
    "permission.unknown": ("No such permission: {permission}", "没有这项权限：{permission}"),
    "permission.server_password": (
        "The server did not accept this login and password; type your password again.",
        "服务器未接受该登录名和密码，请重新输入您的密码。",
    ),
    "permission.server_not_admin": (
        "The server says this account is not an administrator; nothing was changed.",
        "服务器认为该账号不是系统管理员，未作任何修改。",
    ),
    "permission.server_out_of_scope": (
        "This estate is not among this desk's or this account's estates on the server.",
        "该管理处不在本机或该账号在服务器上的管理处范围内。",
    ),
    "permission.keep_admin": (
        "The administrator keeps the right to change permissions (else nobody could).",
        "系统管理员必须保留修改权限的权利（否则无人能再修改）。",
    ),
    "privacy.field_unknown": (
        "Only a phone or ID number can be revealed ({field})",
        "只能查看电话或身份证号（{field}）",
    ),
    "privacy.record_gone": (
        "This record no longer exists (deleted here or on another desk).",
        "该记录已不存在（已在本机或其他前台删除）。",
    ),
    "account.password.too_long": (
        "A password has at most {max} characters",
        "密码最多 {max} 个字符",
    ),
    "account.password.is_login": (
        "The password must not be the login name",
        "密码不能与登录名相同",
    ),
    "account.password.too_common": (
        "This password is too easy to guess; choose another",
        "该密码太容易被猜到，请另选一个",
    ),
    "account.locked": (
        "Too many wrong passwords: this login is locked for {minutes} more minute(s).",
        "密码错误次数过多：该账号已锁定，请 {minutes} 分钟后再试。",
    ),
    "security.lockout.attempts": (
        "Failures before a lockout: from {low} to {high}",
        "锁定前允许的失败次数：{low} 至 {high}",
    ),
    "security.lockout.minutes": (
        "Minutes locked: from {low} to {high}",
        "锁定分钟数：{low} 至 {high}",
    ),
    "security.screen_lock.minutes": (
        "Screen lock after: from {low} to {high} minutes (0: never)",
        "自动锁屏：{low} 至 {high} 分钟（0 表示从不）",
    ),
    "import.file.too_large": (
        "The file is larger than {max_mb} MB: a units list is far smaller. Check the file.",
        "文件超过 {max_mb} MB，房屋清单不会这么大，请检查文件。",
    ),
    "import.file.zip_bomb": (
        "The workbook would unpack to more than {max_mb} MB: it is not a normal spreadsheet.",
        "该工作簿解压后超过 {max_mb} MB，不是正常的表格文件。",
    ),
    "text.too_long": ("At most {max} characters", "最多 {max} 个字符"),
    "text.control_character": (
        "Holds an invisible control character ({code}); type it again without it",
        "含有不可见的控制字符（{code}），请删除后重新输入",
    ),
    "text.direction_mark": (
        "Holds an invisible text-direction mark ({code}); type it again without it",
        "含有不可见的文字方向标记（{code}），请删除后重新输入",
    ),
    "text.invalid": (
        "Holds a character that is not valid text; type it again",
        "含有无效字符，请重新输入",
    ),
    # roles
    "role.receptionist": ("Receptionist", "前台客户助理"),
    "role.team_lead": ("Team lead", "领班"),
    "role.supervisor": ("Supervisor", "主管"),
    "role.director": ("Director", "管理处主任"),
    "role.engineer": ("Engineer", "工程维修"),
    "role.inspector": ("Inspector", "品质督导"),
    "role.cashier": ("Cashier", "收银员"),
    "role.finance_lead": ("Finance lead", "财务主管"),
    "role.auditor": ("Auditor", "审计员"),
    "role.archivist": ("Archivist", "档案资料员"),
    "role.admin": ("Administrator", "系统管理员"),
    # permissions
    "permission.name.payments.take": ("Take payments", "收款"),
    "permission.name.deposits.take": ("Take deposits", "收押金"),
    "permission.name.payments.reverse": ("Reverse payments", "冲正收款"),
    "permission.name.fees.refund": ("Refunds", "退款"),
    "permission.name.fees.close_day": ("Close the day (day-end)", "日结交班"),
    "permission.name.fees.reverse_closed_day": (
        "Approve a reversal of a closed day",
        "审批已日结日期的冲正",
    ),
    "permission.name.fees.adjust": ("Adjust bills", "调整账单"),
    "permission.name.fees.schedule": ("Change fee schedules", "修改收费标准"),
    "permission.name.fees.bill": ("Issue bills", "出账"),
    "permission.name.fees.reminders": ("Record arrears reminders", "记录催缴"),
    "permission.name.fees.arrears.view": ("See arrears reports", "查看欠费报表"),
    "permission.name.complaints.extend.minor": (
        "Extend minor complaints",
        "批准轻微投诉延期",
    ),
    "permission.name.complaints.extend.important": (
        "Extend important complaints",
        "批准重要投诉延期",
    ),
    "permission.name.complaints.extend.major": (
        "Extend major complaints",
        "批准重大投诉延期",
    ),
    "permission.name.inspections.edit": ("Edit inspections", "编辑检查"),
    "permission.name.personal.reveal": (
        "Reveal phone and ID numbers",
        "查看完整电话和身份证号",
    ),
    "permission.name.accounts.manage": ("Manage staff accounts", "管理员工账号"),
    "permission.name.permissions.manage": ("Edit permissions", "编辑权限"),
    "permission.name.audit.view": ("See the audit trail", "查看审计记录"),
    # audit actions
    "audit.action.fee_schedule.create": ("Fee rate set", "设置收费标准"),
    "audit.action.fee_schedule.change": ("Fee rate changed", "修改收费标准"),
    "audit.action.settings.create": ("Setting made", "新建设置"),
    "audit.action.settings.change": ("Setting changed", "修改设置"),
    "audit.action.bills.issue": ("Bill issued", "出账"),
    "audit.action.bills.issue_bulk": ("Bills issued", "批量出账"),
    "audit.action.fees.adjust": ("Bill adjusted", "账单调整"),
    "audit.action.payments.take": ("Payment taken", "收款"),
    "audit.action.payments.take_bulk": ("Payments taken", "批量收款"),
    "audit.action.payments.reverse": ("Payment reversed", "冲正"),
    "audit.action.fees.refund": ("Refund", "退款"),
    "audit.action.deposits.take": ("Deposit taken", "收押金"),
    "audit.action.parking.charge": ("Temporary parking charged", "收临时停车费"),
    "audit.action.deposits.refund": ("Deposit refunded", "退押金"),
    "audit.action.fees.close_day": ("Day closed (day-end)", "日结交班"),
    "audit.action.payments.reverse_closed_day": (
        "Reversal of a closed day approved",
        "审批已日结日期的冲正",
    ),
    "audit.action.accounts.create": ("Account created", "新建账号"),
    "audit.action.accounts.change": ("Account changed", "修改账号"),
    "audit.action.permissions.change": ("Permission changed", "修改权限"),
    "audit.action.record.delete": ("Record deleted", "删除记录"),
    "audit.action.personal.reveal.phone": ("Phone revealed", "查看完整电话"),
    "audit.action.personal.reveal.id_number": ("ID number revealed", "查看完整身份证号"),
    # tables named by audit entries
    "audit.table.bill_lines": ("Bills", "账单"),
    "audit.table.fee_items": ("Fee schedule", "收费标准"),
    "audit.table.fee_adjustments": ("Bill adjustments", "账单调整"),
    "audit.table.payments": ("Payments", "收款"),
    "audit.table.fee_deposits": ("Deposits", "押金"),
    "audit.table.fee_day_closings": ("Day-end closings", "日结"),
    "audit.table.temporary_stays": ("Temporary parking", "临时停车"),
    "audit.table.staff": ("Staff accounts", "员工账号"),
    "audit.table.role_permissions": ("Permissions", "权限"),
    "audit.table.settings": ("Settings", "设置"),
    "audit.table.residents": ("Residents", "住户"),
    "audit.table.units": ("Units", "房屋"),
    "audit.table.complaints": ("Complaints", "投诉"),
    "audit.table.work_orders": ("Work orders", "工单"),
}
