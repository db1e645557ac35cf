"""Messages of estates, units, residents, staff accounts and the units import."""

MESSAGES = {
    # estates and units
    "estate.name.required": ("Estate name is required", "请填写小区名称"),
    "unit.building.required": ("Building is required", "请填写楼栋"),
    "unit.room.required": ("Room number is required", "请填写房号"),
    "unit.room.too_long": ("Room number is at most {max} characters", "房号最多 {max} 个字符"),
    "unit.floor.not_whole": (
        "Floor must be a whole number, e.g. 15 or -1",
        "楼层必须是整数，例如 15 或 -1",
    ),
    "unit.area.not_positive": ("Area must be greater than 0", "面积必须大于 0"),
    "unit.area.too_many_decimals": (
        "Area has at most two decimals, e.g. 89.50",
        "面积最多两位小数，例如 89.50",
    ),
    "unit.area.too_large": ("Area is too large (at most {max} m²)", "面积过大（最多 {max} ㎡）"),
    "unit.area.not_a_number": (
        "Area must be a number of m², e.g. 89.50",
        "面积必须是数字（㎡），例如 89.50",
    ),
    "unit.kind.unknown": ("Kind is residential or commercial", "类型只能是住宅或商业"),
    "date.invalid": (
        "Date must be YYYY-MM-DD, e.g. 2024-06-30",
        "日期格式为 YYYY-MM-DD，例如 2024-06-30",
    ),
    "unit.exists": ("{unit} already exists", "{unit} 已存在"),
    "unit.gone": (
        "This unit no longer exists (deleted here or on another desk).",
        "该房屋已不存在（已在本机或其他工作站删除）。",
    ),
    # residents
    "resident.name.required": ("Name is required", "请填写姓名"),
    "resident.phone.invalid": (
        "Phone must be a mobile number (11 digits, e.g. 13800138000) or 0755-12345678",
        "电话须为手机号（11 位，例如 13800138000）或固话如 0755-12345678",
    ),
    "resident.role.unknown": (
        "Role is owner, co-owner, tenant or family member",
        "身份只能是业主、共有人、租户或家庭成员",
    ),
    "resident.id_number.invalid": (
        "ID number is 6 to 20 letters or digits",
        "证件号为 6 到 20 位字母或数字",
    ),
    "resident.gone": (
        "This resident is no longer recorded (removed here or on another desk).",
        "该住户已不在记录中（已在本机或其他工作站移除）。",
    ),
    # staff accounts
    "account.login.required": ("Login name is required", "请填写登录名"),
    "account.login.taken": ("Login {login} is taken", "登录名 {login} 已被占用"),
    "account.role.unknown": ("Unknown role {role}", "未知角色 {role}"),
    "account.password.too_short": (
        "Password must have at least {min} characters",
        "密码至少 {min} 个字符",
    ),
    "account.estate.required": (
        "A staff account belongs to at least one estate",
        "员工账号至少属于一个小区",
    ),
    "account.password.wrong": ("The current password is wrong", "当前密码不正确"),
    "account.password.current_required": (
        "Enter your current password",
        "请输入当前密码",
    ),
    "account.password.repeat_differs": ("The two passwords differ", "两次输入的密码不一致"),
    "account.gone": (
        "This account no longer exists or is switched off.",
        "该账号已不存在或已停用。",
    ),
    # importing units
    "import.file.unreadable": ("Cannot read the file: {detail}", "无法读取文件：{detail}"),
    "import.file.too_many_rows": (
        "Cannot read the file: more than {max} rows; split the file",
        "无法读取文件：超过 {max} 行，请拆分文件",
    ),
    "import.file.encoding_unknown": (
        "Cannot read the file: the text encoding is not recognised; save the file as UTF-8 CSV",
        "无法读取文件：无法识别文字编码，请另存为 UTF-8 CSV",
    ),
    "import.file.empty": (
        "The file is empty; the first row must be the headers",
        "文件是空的；第一行必须是表头",
    ),
    "import.file.no_rows": ("The file has headers but no rows", "文件只有表头，没有数据行"),
    "import.column.missing": (
        "Missing column {column}; the first row must name it",
        "缺少“{column}”列；第一行表头须包含此列",
    ),
    "import.row.duplicate": ("Same unit as line {line}", "与第 {line} 行是同一套房屋"),
    "import.kind.unknown": (
        "Kind is residential or commercial (住宅 or 商业)",
        "类型须为“住宅”或“商业”(residential 或 commercial)",
    ),
    "import.vacancy.unknown": (
        "Vacancy discount is yes or no (是 or 否)",
        "空置减免须为“是”或“否”(yes 或 no)",
    ),
    "import.vacant_since.future": (
        "Vacant-since date is in the future",
        "空置起始日期不能晚于今天",
    ),
    "import.owner.name_required": (
        "Owner name is required when a phone is given",
        "填写了联系电话时，业主姓名必填",
    ),
    "import.refused": (
        "{problems} problem(s) in {file}; nothing was imported",
        "{file} 中有 {problems} 处问题，未导入任何数据",
    ),
}
