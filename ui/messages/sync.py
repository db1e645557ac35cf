"""Sync: why a sync or an enrolment stopped, and settling conflicts.

The English is ``sync.messages.ENGLISH`` (what the command line prints); this adds the
Simplified Chinese for each code.
"""

from sync.messages import ENGLISH

_CHINESE = {
    "sync.not_enrolled": (
        "这台电脑尚未连接同步服务器：请在“同步”页登记（或运行 "
        "`propdesk enroll --server URL --code CODE`）。"
    ),
    "sync.unreachable": "无法连接同步服务器 {url}。可继续离线工作；网络恢复后再同步。",
    "sync.plain_http": (
        "{url} 是连到其他电脑的明文 HTTP：登记令牌和住户资料会在网络上被看到。请使用 https://"
        "（见 docs/deploy.md），或由管理员在本机允许明文 HTTP（PROPDESK_ALLOW_PLAIN_HTTP=1）。"
    ),
    "sync.pin_invalid": (
        "{pin} 不是证书指纹：指纹是 64 位十六进制数字（可用冒号分隔），"
        "即 `propdesk-server enroll-code --certfile` 打印的内容。"
    ),
    "sync.pin_needs_https": "填写了证书指纹，但 {url} 不是 https:// 地址：请使用服务器的 https:// 地址。",
    "sync.pin_mismatch": (
        "{url} 上的服务器不是管理员指定的服务器：其证书指纹为 {found}，而不是 {expected}。"
        "未发送任何内容，注册码仍然有效。请与管理员核对地址和指纹。"
    ),
    "sync.certificate_refused": (
        "{url} 上的服务器出示的证书不受这台电脑信任：与注册时固定的证书（或证书机构认可的证书）不符，"
        "可能是另一台电脑在应答。未发送任何内容。请联系管理员；如服务器确实更换了证书，请用新指纹重新注册。"
    ),
    "sync.upgrade_needed": "服务器需要更新版本的 PropDesk：{reason}",
    "sync.device_refused": "服务器拒绝了这台电脑：{reason} 请向管理员索取新的登记码后重新连接。",
    "sync.refused": "服务器拒绝：{reason}",
    "sync.changes_set_aside": "{count} 项更改已搁置；服务器不接受其现状（见“同步”页）。",
    "sync.clock_ahead_refused": "服务器拒绝了时间戳在未来的更改：{reason} 请校正这台电脑的日期和时间。",
    "sync.database_busy": "数据库正忙（可能在出账或导入）；请稍后再同步。",
    "sync.cancelled": "同步已取消；已接收的内容已保留，其余下次同步时接收。",
    "sync.unexpected": "同步因意外错误中止：{detail}",
    "sync.conflict_gone": "此冲突已处理，或其记录已不存在。",
    "sync.conflict_signed_inspection": (
        "检查 {number} 已签字，保留签字时的值，不能再写入这个值。如需更改，请在该检查中新建修订"
        "（修订须重新签字）；选择“保留对方的值”将此冲突标记为已处理。"
    ),
    "sync.conflict_value_unusable": "被覆盖的值（{field}）无法按原样写回，请手动输入。",
    "sync.copied_device": (
        "此数据库是从另一台以同一设备身份同步的电脑复制而来。请在“同步”页用新的登记码登记这台电脑："
        "它将成为独立的设备，并保留其中的数据。"
    ),
    "sync.server_clock_wrong": (
        "同步服务器的时钟有误（多数工作站都发现如此），不是这台电脑的时钟问题。请告知管理员。"
    ),
    "sync.clock_ahead": (
        "这台电脑的时钟比服务器快 {duration}。请校正日期和时间设置；在此之前，更改按服务器时间记录。"
    ),
    "sync.clock_behind": (
        "这台电脑的时钟比服务器慢 {duration}。请校正日期和时间设置；在此之前，更改按服务器时间记录。"
    ),
}

MESSAGES = {code: (english, _CHINESE[code]) for code, english in ENGLISH.items()}
