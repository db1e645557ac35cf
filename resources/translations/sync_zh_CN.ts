<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictReveal</name>
    <message>
        <location filename="../../ui/sync_page/reveal.py" line="+27"/>
        <source>Show full numbers</source>
        <translation>查看完整号码</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Shows this conflict&apos;s two values whole (logged)</source>
        <translation>显示此冲突的两个完整值（将记录在审计记录中）</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <location filename="../../ui/sync_page/form.py" line="+29"/>
        <source>Enter the server&apos;s address, e.g. https://192.168.1.10:8470</source>
        <translation>请输入服务器地址，例如 https://192.168.1.10:8470</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The address starts with http:// or https://, e.g. https://192.168.1.10:8470</source>
        <translation>地址须以 http:// 或 https:// 开头，例如 https://192.168.1.10:8470</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add the server&apos;s name or IP address after http://, e.g. https://192.168.1.10:8470</source>
        <translation>请在 http:// 后填写服务器名称或 IP 地址，例如 https://192.168.1.10:8470</translation>
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
        <source>Optional, for https: the certificate fingerprint the administrator gave with the code. A server showing another certificate is refused.</source>
        <translation>可选，用于 https：管理员随注册码给出的证书指纹。出示其他证书的服务器将被拒绝。</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location line="+82"/>
        <source>Enrol</source>
        <translation>注册此电脑</translation>
    </message>
    <message>
        <location line="-76"/>
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
        <source>Certificate fingerprint</source>
        <translation>证书指纹</translation>
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
        <location filename="../../ui/sync_page/labels.py" line="+101"/>
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
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>SyncFilesWaiting</name>
    <message>
        <location filename="../../ui/sync_page/files_waiting.py" line="+25"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalised</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Inspection files not yet confirmed by the server (%1)</source>
        <translation>服务器尚未确认的检查文件（%1）</translation>
    </message>
</context>
<context>
    <name>SyncLists</name>
    <message>
        <location filename="../../ui/sync_page/model.py" line="+84"/>
        <location line="+33"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused at</source>
        <translation>拒收时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (this computer)</source>
        <translation>%1（本机）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another desk</source>
        <translation>其他工作站</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Value now</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Written by</source>
        <translation>写入者</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 sent, %2 received</source>
        <translation>上传 %1 条，下载 %2 条</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 file(s)</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 conflict(s)</source>
        <translation>%1 个冲突</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 set aside</source>
        <translation>%1 条搁置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What moved</source>
        <translation>传输内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Value overwritten</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page/files_waiting.py" line="-30"/>
        <source>Inspection</source>
        <translation>检查单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files waiting</source>
        <translation>待上传的文件</translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <location filename="../../ui/sync_page/labels.py" line="-98"/>
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
        <location line="+4"/>
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
        <location filename="../../ui/sync_page/page.py" line="+75"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+39"/>
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
        <source>Connect to a server…</source>
        <translation>连接服务器…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to another server…</source>
        <translation>连接其他服务器…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <source>Connection</source>
        <translation>连接</translation>
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
        <source>Files waiting</source>
        <translation>待上传的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location line="+108"/>
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
        <location line="+4"/>
        <source>Never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
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
        <location line="+6"/>
        <source>Correct</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Sending changes: %1 sent so far…</source>
        <translation>正在上传更改：已上传 %1 条…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacting the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sync finished: %1 change(s) sent, %2 received.</source>
        <translation>同步完成：上传 %1 条更改，下载 %2 条。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Your work is kept here and goes with the next sync.</source>
        <translation>您的工作已保存在本机，下次同步时一并上传。</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Enrolment cancelled; nothing was changed.</source>
        <translation>已取消注册，未做任何更改。</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>No conflicts. When two desks change the same field, the value that lost is kept here to settle.</source>
        <translation>没有冲突。两台工作站修改同一字段时，被覆盖的值会保留在这里等待处理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep mine</source>
        <translation>保留本机的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s value wins: it is written again</source>
        <translation>以本机的值为准：重新写入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep theirs</source>
        <translation>保留对方的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The other desk&apos;s value stays; marked reviewed</source>
        <translation>保留对方工作站的值，并标记为已处理</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing set aside. A change that cannot go through is kept here.</source>
        <translation>没有搁置的更改。无法同步的更改会保留在这里。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sync yet.</source>
        <translation>尚未同步。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent syncs</source>
        <translation>最近的同步</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Set aside (%1)</source>
        <translation>已搁置（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conflicts to settle (%1)</source>
        <translation>待处理的冲突（%1）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>This computer is connected to %1. The estate&apos;s records are being received now; work can go on meanwhile.</source>
        <translation>本机已连接到 %1。正在接收小区数据，期间可以继续工作。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Sent %1 change(s); receiving: %2 rows so far (%3 a second)…</source>
        <translation>已上传 %1 条更改；正在接收：已收到 %2 行（每秒 %3 行）…</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n conflict(s) to settle below.</source>
        <translation>
            <numerusform>%n 个冲突待处理，见下方列表。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change(s) set aside; see the list below.</source>
        <translation>
            <numerusform>%n 条更改已搁置，见下方列表。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sync cancelled. What was already received is kept; the rest comes with the next sync.</source>
        <translation>同步已取消。已下载的内容已保存，其余的下次同步时继续。</translation>
    </message>
</context>
<context>
    <name>SyncProgress</name>
    <message>
        <location filename="../../ui/sync_page/progress.py" line="+22"/>
        <source>Receiving the estate: %1 of %2 rows, about %3 left…</source>
        <translation>正在接收小区数据：%1 / %2 行，约剩 %3…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent %4 change(s); receiving: %1 of %2 changes, about %3 left…</source>
        <translation>已上传 %4 条更改；正在接收：%1 / %2 条，约剩 %3…</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync_page/status.py" line="+23"/>
        <source>Sync not set up</source>
        <translation>未设置同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n change(s) waiting</source>
        <translation>%n 条更改待上传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n file(s) waiting</source>
        <translation>%n 个文件待上传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT ENCRYPTED (plain HTTP)</source>
        <translation>未加密（明文 HTTP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection to the sync server is not encrypted: anyone on the network can read residents&apos; data and this desk&apos;s token. The administrator allowed it (PROPDESK_ALLOW_PLAIN_HTTP=1); serve the server over https instead (docs/deploy.md).</source>
        <translation>与同步服务器的连接未加密：网络上任何人都能读取住户资料和本机令牌。这是管理员允许的（PROPDESK_ALLOW_PLAIN_HTTP=1）；请改用 https 提供服务（见 docs/deploy.md）。</translation>
    </message>
</context>
<context>
    <name>SyncTables</name>
    <message>
        <location filename="../../ui/sync_page/labels.py" line="+41"/>
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
    <message>
        <location line="+1"/>
        <source>Day-end closing</source>
        <translation>日结交班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary parking</source>
        <translation>临时停车</translation>
    </message>
</context>
</TS>
