"""Backups of the local database (app.services.backups)."""

MESSAGES = {
    "backup.failed": (
        "The database could not be copied to {path}: {reason}",
        "无法把数据库复制到 {path}：{reason}",
    ),
    "backup.copy_damaged": (
        "The copy of {path} failed its check ({reason}); the database itself is being checked.",
        "{path} 的备份副本未通过检查（{reason}）；正在检查数据库本身。",
    ),
    "backup.unreadable": (
        "The backup {path} cannot be used: {reason}",
        "备份 {path} 无法使用：{reason}",
    ),
    "backup.restore_failed": (
        "The backup could not be put in place of {path}: {reason}",
        "无法用备份替换 {path}：{reason}",
    ),
    "backup.cannot_set_aside": (
        "{path} could not be set aside: {reason}",
        "无法把 {path} 另存到旁边：{reason}",
    ),
}
