"""Messages every area may raise."""

MESSAGES = {
    "error.unknown_code": (
        "Something went wrong ({code}). Nothing was changed.",
        "出现错误（{code}），未做任何更改。",
    ),
    "error.unexpected": (
        "An unexpected error stopped this ({detail}). Nothing was changed; details are in the log.",
        "意外错误中止了此操作（{detail}），未做任何更改；详情见日志。",
    ),
    "operation.cancelled": ("Cancelled. Nothing was changed.", "已取消，未做任何更改。"),
    "runner.cancel": ("Cancel", "取消"),
    "form.invalid": ("Some fields need attention: {fields}", "以下字段需要修改：{fields}"),
}
