<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/shell/about.py" line="+33"/>
        <source>About PropDesk</source>
        <translation>关于 PropDesk</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PropDesk</source>
        <translation>PropDesk 物业客服</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The desk of a property-management customer-service centre: reception, complaints, inspections and fees, on a local database that works offline and syncs with head office.</source>
        <translation>物业客户服务中心工作台：前台接待、投诉报修、巡检与收费。数据保存在本机，断网也能工作，联网后与总部同步。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/audit/page.py" line="+74"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+152"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="-146"/>
        <location line="+148"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="-142"/>
        <location line="+143"/>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+138"/>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+127"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All changes</source>
        <translation>全部变更</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the entries the filters show to a workbook</source>
        <translation>将当前筛选出的记录导出为工作簿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Payments and reversals</source>
        <translation>收款与冲正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjustments and refunds</source>
        <translation>调整与退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposits</source>
        <translation>押金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bills</source>
        <translation>账单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee schedule</source>
        <translation>收费标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletions</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone and ID reveals</source>
        <translation>查看完整电话/身份证号</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No entries for these filters</source>
        <translation>没有符合筛选条件的记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n entries exported</source>
        <translation>
            <numerusform>已导出 %n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupSchedule</name>
    <message>
        <location filename="../../ui/shell/backups.py" line="+86"/>
        <source>The database could not be backed up: %1</source>
        <translation>数据库备份失败：%1</translation>
    </message>
</context>
<context>
    <name>BackupsBox</name>
    <message>
        <location line="+37"/>
        <source>Backups of this computer&apos;s database</source>
        <translation>本机数据库备份</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PropDesk copies the database at start and once a day.</source>
        <translation>PropDesk 在每次启动时和每天自动备份一次数据库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the last</source>
        <translation>保留最近</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Restore the backup of %1?

It replaces this computer&apos;s database %2. Everything entered after %1 that has not reached the sync server is lost; the current file is kept beside it as a copy. Changes the backup had not synced are sent again. PropDesk closes and opens again on the restored data.</source>
        <translation>恢复 %1 的备份？

它将替换本机的数据库 %2。%1 之后录入、尚未同步到服务器的内容将会丢失；当前文件会另存一份留在旁边。备份中尚未同步的修改会重新上传。PropDesk 将关闭，并用恢复后的数据重新打开。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
<context>
    <name>BuildingTree</name>
    <message>
        <location filename="../../ui/units/tree.py" line="+62"/>
        <source>Entrance %1</source>
        <translation>%1单元</translation>
    </message>
</context>
<context>
    <name>DemoOffer</name>
    <message>
        <location filename="../../ui/shell/demo_offer.py" line="+35"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The estate has no units yet. Fill it with demo data (%1 units with residents) to try PropDesk out?</source>
        <translation>本小区还没有房屋。要填入演示数据（%1 套房屋及住户）来试用 PropDesk 吗？</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Writing demo data…</source>
        <translation>正在写入演示数据…</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/shell/first_start.py" line="+39"/>
        <source>Welcome to PropDesk</source>
        <translation>欢迎使用 PropDesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database has no staff accounts yet. Name your estate and create the first administrator; you will log in with this account.</source>
        <translation>此数据库还没有员工账号。请填写小区名称并创建第一个管理员，之后用这个账号登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. 阳光花园</source>
        <translation>例如：阳光花园</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Estate name *</source>
        <translation>小区名称 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login *</source>
        <translation>登录名 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>显示姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password *</source>
        <translation>密码 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again *</source>
        <translation>再次输入密码 *</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter the estate&apos;s name</source>
        <translation>请输入小区名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a login name, e.g. admin</source>
        <translation>请输入登录名，例如 admin</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>At least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+6"/>
        <source>Fill in the marked fields first</source>
        <translation>请先填好标出的栏目</translation>
    </message>
</context>
<context>
    <name>FirstSync</name>
    <message>
        <location filename="../../ui/shell/first_sync.py" line="+55"/>
        <source>This computer is enrolled: receiving its estate from the server…</source>
        <translation>本机已登记同步：正在从服务器接收本小区的数据…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The estate was received, but the server sent no staff account to log in with. Ask the administrator to add your account on the server.</source>
        <translation>小区数据已收到，但服务器没有发来可以登录的员工账号。请管理员在服务器上添加您的账号。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled; what was received is kept and the rest follows later.</source>
        <translation>已取消；已收到的数据会保留，其余部分稍后继续接收。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This computer is enrolled for sync, and its estate and staff accounts come from the server; the first sync did not finish:
%1</source>
        <translation>本机已登记同步，小区数据和员工账号都来自服务器；首次同步没有完成：
%1</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/widgets/forms.py" line="+145"/>
        <source>Cannot save yet: %1</source>
        <translation>还不能保存：%1</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../ui/formats.py" line="+45"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>HolidaysBox</name>
    <message>
        <location filename="../../ui/settings/holidays.py" line="+37"/>
        <source>National holidays (调休)</source>
        <translation>法定节假日与调休</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import a year…</source>
        <translation>导入年度…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Years known</source>
        <translation>已有年度</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Files left out</source>
        <translation>未采用的文件</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>%1: missing — deadlines in working days cannot skip its holidays; import it</source>
        <translation>%1 年：缺失——按工作日计算的期限无法避开该年假日，请导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: official</source>
        <translation>%1 年：国务院通知（正式）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: provisional (statutory days only; import the State Council&apos;s notice)</source>
        <translation>%1 年：暂定（仅法定假日，请导入国务院通知）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import a year of national holidays</source>
        <translation>导入年度法定节假日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holiday files (*.json)</source>
        <translation>节假日文件 (*.json)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 imported (%2 holidays, %3 make-up working days).</source>
        <translation>已导入 %1 年（假日 %2 天，调休上班 %3 天）。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/units/import_dialog.py" line="+59"/>
        <source>Import units and residents</source>
        <translation>导入房屋和住户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A .csv or .xlsx file with a header row</source>
        <translation>带表头行的 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Columns (English or Chinese headers): building/楼栋, entrance/单元, room/房号, floor/楼层, area_m2/建筑面积, kind/类型, owner_name/业主姓名, owner_phone/联系电话, handover_date/交房日期, vacant_since/空置起始, vacancy_approved/空置减免. Nothing is written unless every row is valid; importing the same file again changes nothing.</source>
        <translation>列（中英文表头均可）：楼栋/building、单元/entrance、房号/room、楼层/floor、建筑面积/area_m2、类型/kind、业主姓名/owner_name、联系电话/owner_phone、交房日期/handover_date、空置起始/vacant_since、空置减免/vacancy_approved。只有每一行都无误时才会写入；重复导入同一文件不会改变任何数据。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+32"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>数据行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a file first</source>
        <translation>请先选择文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrance</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area (m²)</source>
        <translation>建筑面积(m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover date</source>
        <translation>交房日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacant since</source>
        <translation>空置起始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacancy discount</source>
        <translation>空置减免</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a units file</source>
        <translation>选择房屋文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units files (*.csv *.xlsx)</source>
        <translation>房屋文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No file at %1</source>
        <translation>找不到文件 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 problem(s) in the file: fix them in the file and choose it again. Nothing has been written.</source>
        <translation>文件中有 %1 处问题：请在文件中改正后重新选择。尚未写入任何数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fix the problems listed first</source>
        <translation>请先改正列出的问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>The file has no rows to import.</source>
        <translation>文件中没有可导入的数据行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 row(s) ready to import.</source>
        <translation>%1 行可以导入。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import cancelled, nothing was written.</source>
        <translation>已取消导入，未写入任何数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import failed, nothing was written: %1</source>
        <translation>导入失败，未写入任何数据：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Imported: %1 new, %2 updated, %3 unchanged</source>
        <translation>已导入：新增 %1，更新 %2，未变 %3</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/shell/screen_lock.py" line="+43"/>
        <source>PropDesk is locked</source>
        <translation>PropDesk 已锁定</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Locked after a while without use. %1, type your password to go on.</source>
        <translation>长时间无操作，已自动锁定。%1，请输入密码继续。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The password is wrong. Try again.</source>
        <translation>密码错误，请重试。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/shell/login.py" line="+34"/>
        <source>Log in to PropDesk</source>
        <translation>登录 PropDesk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Login or password is wrong. Try again.</source>
        <translation>登录名或密码不正确，请重试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This account belongs to no estate on this computer.</source>
        <translation>此账号在本机上没有所属小区。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the estate to work in.</source>
        <translation>请选择要进入的小区。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>进入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+128"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About PropDesk</source>
        <translation>关于 PropDesk(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PropDesk — %1</source>
        <translation>PropDesk — %1</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Refreshed</source>
        <translation>已刷新</translation>
    </message>
</context>
<context>
    <name>NotBuiltPage</name>
    <message>
        <location filename="../../ui/widgets/placeholder.py" line="+15"/>
        <source>This module is not built yet. It will appear here in a later version.</source>
        <translation>此模块尚未开发，将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>PageFailed</name>
    <message>
        <location line="+21"/>
        <source>This page could not be opened:</source>
        <translation>无法打开此页面：</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../ui/main_window.py" line="-264"/>
        <source>Reception</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉报修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units &amp; Residents</source>
        <translation>房屋与住户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Home</source>
        <translation>工作台</translation>
    </message>
</context>
<context>
    <name>PasswordBox</name>
    <message>
        <location filename="../../ui/settings/password.py" line="+22"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot change yet: %1</source>
        <translation>还不能修改：%1</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+1"/>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>PermissionsBox</name>
    <message>
        <location filename="../../ui/settings/permissions.py" line="+51"/>
        <source>Permissions and log-in</source>
        <translation>权限与登录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Who may do what in this estate. It is kept on the server and reaches every desk at its next sync. Bold: differs from the default.</source>
        <translation>本管理处各角色的权限。权限保存在服务器上，各前台在下次同步时收到。粗体：与默认不同。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your password (the server checks it)</source>
        <translation>您的密码（由服务器核对）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save permissions on the server</source>
        <translation>在服务器上保存权限</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save log-in rules</source>
        <translation>保存登录规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong passwords before a lockout</source>
        <translation>密码错误几次后锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked for</source>
        <translation>锁定时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the screen when idle for</source>
        <translation>无操作自动锁屏</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the permissions…</source>
        <translation>正在读取权限…</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>This desk is not enrolled with a sync server: the permissions are changed on the server, so they can be edited here once the desk is enrolled.</source>
        <translation>本机尚未注册到同步服务器：权限在服务器上修改，本机注册后才能在此编辑。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server did not answer at the last sync: the permissions can be edited only while the server can be reached.</source>
        <translation>上次同步时服务器没有响应：只有在能连接服务器时才能编辑权限。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tick or clear cells, type your password and save: the server writes the change and every desk of the estate receives it.</source>
        <translation>勾选或取消单元格，输入您的密码后保存：服务器写入修改，本管理处的各前台都会收到。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Nothing changed: tick or clear a cell first.</source>
        <translation>没有修改：请先勾选或取消单元格。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type your password: the server checks it before it changes anything.</source>
        <translation>请输入您的密码：服务器核对后才会修改。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved on the server ({0} changed). This desk receives it now.</source>
        <translation>已在服务器上保存（修改 {0} 项）。本机正在接收。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Log-in rules saved.</source>
        <translation>登录规则已保存。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/shell/recovery.py" line="+47"/>
        <source>The database cannot be used</source>
        <translation>数据库无法使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PropDesk&apos;s database is damaged or unreadable</source>
        <translation>PropDesk 的数据库已损坏或无法读取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File: %1
What SQLite found: %2</source>
        <translation>文件：%1
SQLite 检查结果：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The latest good backup was made on %1. Restoring it replaces the damaged file, which is kept beside it as a copy. Changes that had not been synced when the backup was made are sent again at the next sync. Changes made after %1 are lost unless they reached the sync server.</source>
        <translation>最近一份完好的备份制作于 %1。恢复后它将替换损坏的文件，损坏的文件会另存一份留在旁边。备份时尚未同步的修改会在下次同步时重新上传。%1 之后的修改如果没有同步到服务器，将会丢失。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No good backup of this database was found. You can start with an empty database (the damaged file is kept beside it) and enrol this computer for sync again, or quit and ask your administrator.</source>
        <translation>没有找到这个数据库的完好备份。可以用一个空数据库开始（损坏的文件会保留在旁边），并重新为本机登记同步；也可以退出并联系管理员。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restore the backup of %1</source>
        <translation>恢复 %1 的备份</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>PropDesk closes to do this and opens again.</source>
        <translation>PropDesk 会先关闭来完成此操作，然后重新打开。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Start with an empty database</source>
        <translation>用空数据库开始</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This did not work: %1</source>
        <translation>操作失败：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restored the backup of %1; the damaged file is kept as %2. %3 unsynced changes will be sent again.</source>
        <translation>已恢复 %1 的备份；损坏的文件另存为 %2。%3 条未同步的修改将重新上传。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Started with an empty database; the damaged file is kept as %1</source>
        <translation>已用空数据库开始；损坏的文件另存为 %1</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../ui/units/residents.py" line="+68"/>
        <source>Edit resident</source>
        <translation>编辑住户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add resident</source>
        <translation>添加住户</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>e.g. 13800138000</source>
        <translation>例如 13800138000</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Residents</name>
    <message>
        <location filename="../../ui/labels.py" line="+41"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-owner</source>
        <translation>共有人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>家庭成员</translation>
    </message>
</context>
<context>
    <name>ResidentsPanel</name>
    <message>
        <location filename="../../ui/units/residents.py" line="-50"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID number</source>
        <translation>证件号</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Residents</source>
        <translation>住户</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No residents recorded — press Add to record the owner.</source>
        <translation>尚无住户记录 — 点“添加”登记业主。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show full phone and ID…</source>
        <translation>查看完整电话和证件号…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows one resident&apos;s numbers; each look is logged</source>
        <translation>查看一位住户的完整号码；每次查看都会记录</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Full phone and ID number</source>
        <translation>完整电话和证件号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Phone: %2
ID number: %3</source>
        <translation>%1
电话：%2
证件号：%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove resident</source>
        <translation>移除住户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 from this unit?</source>
        <translation>从本房屋移除 %1？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Removed %1</source>
        <translation>已移除 %1</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/labels.py" line="-26"/>
        <source>Receptionist</source>
        <translation>前台客服</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team lead</source>
        <translation>班组长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Director</source>
        <translation>经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineer</source>
        <translation>工程维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>品质巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finance lead</source>
        <translation>财务主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archivist</source>
        <translation>档案员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../ui/widgets/ops.py" line="+302"/>
        <source>PropDesk</source>
        <translation>PropDesk 物业客服</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings/page.py" line="+50"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+15"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The new language is used from the next start of PropDesk.</source>
        <translation>新语言在下次启动 PropDesk 时生效。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Language saved; restart PropDesk to use it.</source>
        <translation>语言已保存；重新启动 PropDesk 后生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../ui/shell/single.py" line="+98"/>
        <source>PropDesk is already open on this database (%1); its window has been brought forward. Use that window, or close it first.</source>
        <translation>PropDesk 已经在使用这个数据库（%1），已将它的窗口调到前面。请使用那个窗口，或先将其关闭。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/app.py" line="+206"/>
        <source>The database %1 could not be opened:
%2</source>
        <translation>无法打开数据库 %1：
%2</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Database updated; the previous version was kept as %1</source>
        <translation>数据库已升级；旧版本已备份为 %1</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/shell/status.py" line="+35"/>
        <source>Logged in as %1</source>
        <translation>登录名：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sync: …</source>
        <translation>同步：…</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <location filename="../../ui/units/form.py" line="+24"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 3栋</source>
        <translation>例如 3栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 2 (empty if none)</source>
        <translation>例如 2（无单元则留空）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 1502</source>
        <translation>例如 1502</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 15</source>
        <translation>例如 15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 89.50</source>
        <translation>例如 89.50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Building *</source>
        <translation>楼栋 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrance</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room *</source>
        <translation>房号 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area (m²) *</source>
        <translation>建筑面积（㎡）*</translation>
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
        <translation>空置起始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacancy discount</source>
        <translation>空置减免</translation>
    </message>
</context>
<context>
    <name>UnitTableModel</name>
    <message>
        <location filename="../../ui/units/model.py" line="+16"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/labels.py" line="+6"/>
        <source>Residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commercial</source>
        <translation>商业</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <location filename="../../ui/units/page.py" line="+64"/>
        <source>Room (3-1502), name or phone — Ctrl+F</source>
        <translation>房号（3-1502）、姓名或电话 — Ctrl+F</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+61"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+130"/>
        <source>New unit</source>
        <translation>新建房屋</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>1 unit</source>
        <translation>共 1 套</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 units</source>
        <translation>共 %1 套</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No unit matches “%1”. Try a room code like 3-1502, a name or a phone number.</source>
        <translation>没有符合“%1”的房屋。可试试房号如 3-1502、姓名或电话。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No units here yet — press Ctrl+N to add one.</source>
        <translation>这里还没有房屋 — 按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No units yet — press Ctrl+N to add one or Import… to read a file.</source>
        <translation>还没有房屋 — 按 Ctrl+N 新建，或用“导入…”读取文件。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No unit selected</source>
        <translation>未选择房屋</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Select a unit or press Ctrl+N for a new one</source>
        <translation>请选择房屋，或按 Ctrl+N 新建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot save yet: %1</source>
        <translation>暂不能保存：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No changes to save</source>
        <translation>没有需要保存的修改</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the unit</source>
        <translation>保存房屋</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not saved: fix the marked field(s) — %1</source>
        <translation>未保存：请改正标出的栏目 — %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Delete unit %1 and its %n resident(s)?</source>
        <translation>
            <numerusform>删除房屋 %1 及其 %n 位住户？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete unit %1?</source>
        <translation>删除房屋 %1？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete unit</source>
        <translation>删除房屋</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 有未保存的修改，要保存吗？</translation>
    </message>
</context>
</TS>
