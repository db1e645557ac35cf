"""Messages of the fee rules: capital numerals, temporary parking, the holiday calendar."""

MESSAGES = {
    "numerals.negative": (
        "{amount} is negative; capital numerals are written for amounts of zero or more.",
        "{amount} 为负数；大写金额只用于零或正数金额。",
    ),
    "numerals.too_many_decimals": (
        "{amount} has more than two decimals; an amount is in yuan and fen.",
        "{amount} 的小数超过两位；金额只精确到分。",
    ),
    "numerals.too_large": (
        "{amount} is too large to write in capital numerals (the limit is under one trillion yuan).",
        "{amount} 过大，无法写成大写金额（上限为一万亿元以下）。",
    ),
    "numerals.not_a_number": (
        "{amount} is not an amount of money.",
        "{amount} 不是有效金额。",
    ),
    "parking.stay_negative": (
        "The stay ends before it starts ({hours} hours); check the entry and exit times.",
        "停放结束时间早于开始时间（{hours} 小时）；请核对进出场时间。",
    ),
    "parking.stay_too_long": (
        "A temporary stay is at most {limit} hours; this one is {hours} hours. A longer stay needs a monthly space.",
        "临时停放最长 {limit} 小时，本次为 {hours} 小时。更长的停放需办理月租车位。",
    ),
    "fees.rate_not_in_fen": (
        "The rate {rate} has more than two decimals; a fee charged as it is (per space, per stay, a deposit) is in yuan and fen.",
        "收费标准 {rate} 的小数超过两位；按车位、按次收取的费用和押金只精确到分。",
    ),
    "rate.too_many_decimals": (
        "A rate keeps at most {most} decimals (e.g. 1.2345); this one has {places}",
        "单价最多 {most} 位小数（例如 1.2345），此单价有 {places} 位",
    ),
    "holidays.file_unreadable": (
        "The holiday file {name} cannot be read as JSON text.",
        "节假日文件 {name} 无法按 JSON 文本读取。",
    ),
    "holidays.bad_field": (
        'The holiday file {name} has a missing or wrong "{field}".',
        "节假日文件 {name} 的“{field}”缺失或有误。",
    ),
    "holidays.bad_date": (
        'The holiday file {name} has "{value}", which is not a date like 2026-10-01.',
        "节假日文件 {name} 中的“{value}”不是 2026-10-01 这样的日期。",
    ),
    "holidays.date_outside_year": (
        "The holiday file {name} is for {year} but lists {value}.",
        "节假日文件 {name} 属于 {year} 年，却列有 {value}。",
    ),
    "holidays.day_twice": (
        "The holiday file {name} lists {value} twice (a day is a holiday or a make-up working day, once).",
        "节假日文件 {name} 重复列出了 {value}（一天只能是一次假日或一次调休上班日）。",
    ),
    "fees.rules.vacancy_code": (
        "The vacancy ratio applies only to a monthly fee per m² of the schedule; {code} is not one.",
        "空置比例只适用于收费标准中按平方米按月收取的费用；{code} 不是此类费用。",
    ),
    "fees.rules.prepayment": (
        "Enter an amount in yuan of 0 or more, e.g. 500.00",
        "请输入不小于 0 的金额（元），例如 500.00",
    ),
}
