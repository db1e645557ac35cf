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
}
