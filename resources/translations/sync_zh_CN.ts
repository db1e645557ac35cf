<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EnrolForm</name>
    <message>
        <location filename="../../ui/sync_page/page.py" line="+51"/>
        <source>Enter the server&apos;s address, e.g. http://192.168.1.10:8000</source>
        <translation>请输入服务器地址，例如 http://192.168.1.10:8000</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The address starts with http:// or https://, e.g. http://192.168.1.10:8000</source>
        <translation>地址须以 http:// 或 https:// 开头，例如 http://192.168.1.10:8000</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add the server&apos;s name or IP address after http://, e.g. http://192.168.1.10:8000</source>
        <translation>请在 http:// 后填写服务器名称或 IP 地址，例如 http://192.168.1.10:8000</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connect this computer to the server</source>
        <translation>将此电脑连接到服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branch offices sync with the central server whenever there is a network. Ask the administrator for an enrolment code (on the server: propdesk-server enroll-code --estate NAME); each code connects one computer.</source>
        <translation>各服务中心在有网络时与总部服务器同步。请向管理员索取注册码（在服务器上运行：propdesk-server enroll-code --estate 小区名称）；每个注册码只能注册一台电脑。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>How this computer is listed on the server.</source>
        <translation>此电脑在服务器上显示的名称。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <source>Enrol</source>
        <translation>注册此电脑</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Server address *</source>
        <translation>服务器地址 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment code *</source>
        <translation>注册码 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s name</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Enter the enrolment code the administrator gave you</source>
        <translation>请输入管理员提供的注册码</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connect (Enter)</source>
        <translation>连接（Enter）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>SyncFields</name>
    <message>
        <location filename="../../ui/sync_page/labels.py" line="+155"/>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrance</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area (m²)</source>
        <translation>面积（㎡）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover date</source>
        <translation>交房日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacant since</source>
        <translation>空置起始日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plate number</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>SyncLists</name>
    <message>
        <location filename="../../ui/sync_page/model.py" line="+71"/>
        <location line="+13"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused at</source>
        <translation>拒收时间</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value kept</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value overwritten</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <location filename="../../ui/sync_page/labels.py" line="-155"/>
        <source>The sync was cancelled; what it had pulled is kept, the rest comes next time.</source>
        <translation>同步已取消；已下载的内容已保存，其余的下次同步时继续。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database is busy (a billing run or import?); sync again in a moment.</source>
        <translation>数据库正忙（可能在计费或导入）；请稍后再同步。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown enrolment code: check it or ask for a new one</source>
        <translation>注册码无效：请核对，或向管理员索取新的注册码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This enrolment code was used already; ask for a new one</source>
        <translation>此注册码已被使用；请向管理员索取新的注册码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This enrolment code has expired; ask for a new one</source>
        <translation>此注册码已过期；请向管理员索取新的注册码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot reach the sync server at %1. Work goes on offline; sync again when the network is back.</source>
        <translation>无法连接同步服务器 %1。可以继续离线工作；网络恢复后再同步。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server refused: %1</source>
        <translation>服务器拒绝了请求：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server refused this computer: %1 Ask the administrator for a new enrolment code and connect again.</source>
        <translation>服务器拒绝了此电脑：%1 请向管理员索取新的注册码后重新连接。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server needs a newer PropDesk: %1</source>
        <translation>服务器要求更新 PropDesk 版本：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server refused changes stamped in the future: %1 Correct this computer&apos;s date and time.</source>
        <translation>服务器拒收了时间超前的更改：%1 请校正此电脑的日期和时间。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This computer&apos;s clock is %1 ahead of the server&apos;s. Correct the date and time settings; meanwhile changes are stamped with the server&apos;s time.</source>
        <translation>此电脑的时钟比服务器快 %1。请校正日期和时间设置；在此之前，更改按服务器时间记录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This computer&apos;s clock is %1 behind the server&apos;s. Correct the date and time settings; meanwhile changes are stamped with the server&apos;s time.</source>
        <translation>此电脑的时钟比服务器慢 %1。请校正日期和时间设置；在此之前，更改按服务器时间记录。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_page/actions.py" line="+53"/>
        <source>Syncing needs the PropDesk window&apos;s event loop; start PropDesk with `propdesk gui` or use `propdesk sync`.</source>
        <translation>同步需要在 PropDesk 主窗口中运行；请用 `propdesk gui` 启动 PropDesk，或使用 `propdesk sync` 命令。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The sync stopped on an unexpected error: %1</source>
        <translation>同步因意外错误中止：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page/page.py" line="+21"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to another server…</source>
        <translation>连接其他服务器…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estates</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes waiting</source>
        <translation>待上传的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing refused. A change the server will never take is kept here.</source>
        <translation>没有被拒收的更改。服务器无法接收的更改会保留在这里。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No conflicts. When two desks change the same field, the value that lost is kept here.</source>
        <translation>没有冲突。两台电脑修改了同一字段时，被覆盖的值会保留在这里。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Changes the server refused (%1)</source>
        <translation>服务器拒收的更改（%1）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Conflicts kept (%1)</source>
        <translation>保留的冲突（%1）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>All estates (head office)</source>
        <translation>全部小区（总部）</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n estate(s)</source>
        <translation>
            <numerusform>%n 个小区</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None: everything is on the server</source>
        <translation>无：全部已上传到服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correct</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Sent %1 change(s); receiving: %2 so far…</source>
        <translation>已上传 %1 条更改；正在下载：已收到 %2 条…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending changes: %1 sent so far…</source>
        <translation>正在上传更改：已上传 %1 条…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacting the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This computer is connected to %1. Press Sync now (F9) to send its changes and receive the others&apos;.</source>
        <translation>此电脑已连接到 %1。按“立即同步”（F9）上传本机更改并下载其他电脑的更改。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sync finished: %1 change(s) sent, %2 received.</source>
        <translation>同步完成：上传 %1 条更改，下载 %2 条。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n conflict(s) kept for review below.</source>
        <translation>
            <numerusform>%n 个冲突已保留，见下方列表。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n change(s) refused by the server; see the list below.</source>
        <translation>
            <numerusform>%n 条更改被服务器拒收，见下方列表。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your work is kept here and goes with the next sync.</source>
        <translation>您的工作已保存在本机，下次同步时一并上传。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enrolment cancelled; nothing was changed.</source>
        <translation>已取消注册，未做任何更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sync cancelled. What was already received is kept; the rest comes with the next sync.</source>
        <translation>同步已取消。已下载的内容已保存，其余的下次同步时继续。</translation>
    </message>
</context>
<context>
    <name>SyncTables</name>
    <message>
        <location filename="../../ui/sync_page/labels.py" line="+10"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff account</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint record</source>
        <translation>投诉处理记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint attachment</source>
        <translation>投诉附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parking space</source>
        <translation>车位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill line</source>
        <translation>账单明细</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee adjustment</source>
        <translation>费用调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment allocation</source>
        <translation>收款分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment reminder</source>
        <translation>催缴记录</translation>
    </message>
</context>
</TS>
