<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BuildingTree</name>
    <message>
        <location filename="../../ui/units/tree.py" line="+46"/>
        <source>Entrance %1</source>
        <translation>%1单元</translation>
    </message>
</context>
<context>
    <name>DemoOffer</name>
    <message>
        <location filename="../../ui/shell/demo_offer.py" line="+37"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The estate has no units yet. Fill it with demo data (%1 units with residents) to try PropDesk out?</source>
        <translation>本小区还没有房屋。要填入演示数据（%1 套房屋及住户）来试用 PropDesk 吗？</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing demo data…</source>
        <translation>正在写入演示数据…</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/shell/first_start.py" line="+30"/>
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
    <name>Formats</name>
    <message>
        <location filename="../../ui/formats.py" line="+45"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/units/import_dialog.py" line="+63"/>
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
        <location line="+39"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="-39"/>
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
        <location line="+13"/>
        <source>Importing is not available in this version yet.</source>
        <translation>此版本尚不能导入。</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+15"/>
        <source>No file at %1</source>
        <translation>找不到文件 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+30"/>
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
        <location line="+18"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import failed, nothing was written: %1</source>
        <translation>导入失败，未写入任何数据：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported: %1 new, %2 updated, %3 unchanged</source>
        <translation>已导入：新增 %1，更新 %2，未变 %3</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/shell/login.py" line="+30"/>
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
        <location line="+27"/>
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
        <location filename="../../ui/main_window.py" line="+77"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PropDesk — %1</source>
        <translation>PropDesk — %1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Refreshed</source>
        <translation>已刷新</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/labels.py" line="+51"/>
        <source>Estate name is required</source>
        <translation>请填写小区名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building is required</source>
        <translation>请填写楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room number is required</source>
        <translation>请填写房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room number is at most 20 characters</source>
        <translation>房号最多 20 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor must be a whole number, e.g. 15 or -1</source>
        <translation>楼层必须是整数，例如 15 或 -1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area must be greater than 0</source>
        <translation>面积必须大于 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area has at most two decimals, e.g. 89.50</source>
        <translation>面积最多两位小数，例如 89.50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area is too large (at most 100000 m²)</source>
        <translation>面积过大（最多 100000 ㎡）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area must be a number of m², e.g. 89.50</source>
        <translation>面积必须是数字（㎡），例如 89.50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind is residential or commercial</source>
        <translation>类型只能是住宅或商业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date must be YYYY-MM-DD, e.g. 2024-06-30</source>
        <translation>日期格式为 YYYY-MM-DD，例如 2024-06-30</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name is required</source>
        <translation>请填写姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone must be a mobile number (11 digits, e.g. 13800138000) or 0755-12345678</source>
        <translation>电话须为手机号（11 位，例如 13800138000）或固话如 0755-12345678</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role is owner, co-owner, tenant or family member</source>
        <translation>身份只能是业主、共有人、租户或家庭成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number is 6 to 20 letters or digits</source>
        <translation>证件号为 6 到 20 位字母或数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login name is required</source>
        <translation>请填写登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password must have at least 8 characters</source>
        <translation>密码至少 8 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A staff account belongs to at least one estate</source>
        <translation>员工账号至少属于一个小区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is empty; the first row must be the headers</source>
        <translation>文件是空的；第一行必须是表头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has headers but no rows</source>
        <translation>文件只有表头，没有数据行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind is residential or commercial (住宅 or 商业)</source>
        <translation>类型须为“住宅”或“商业”(residential 或 commercial)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacancy discount is yes or no (是 or 否)</source>
        <translation>空置减免须为“是”或“否”(yes 或 no)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacant-since date is in the future</source>
        <translation>空置起始日期不能晚于今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner name is required when a phone is given</source>
        <translation>填写了联系电话时，业主姓名必填</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already exists</source>
        <translation>%1 已存在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Login %1 is taken</source>
        <translation>登录名 %1 已被占用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Same unit as line %1</source>
        <translation>与第 %1 行是同一套房屋</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Missing column %1; the first row must name it</source>
        <translation>缺少“%1”列；第一行表头须包含此列</translation>
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
        <location filename="../../ui/main_window.py" line="-135"/>
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
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../ui/units/residents.py" line="+38"/>
        <source>Edit resident</source>
        <translation>编辑住户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add resident</source>
        <translation>添加住户</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. 13800138000</source>
        <translation>例如 13800138000</translation>
    </message>
    <message>
        <location line="+10"/>
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
    <message>
        <location line="+49"/>
        <source>Cannot save yet: %1</source>
        <translation>暂不能保存：%1</translation>
    </message>
</context>
<context>
    <name>Residents</name>
    <message>
        <location filename="../../ui/labels.py" line="-56"/>
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
        <location filename="../../ui/units/residents.py" line="+20"/>
        <source>Residents</source>
        <translation>住户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>证件号</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+109"/>
        <source>Remove resident</source>
        <translation>移除住户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 from this unit?</source>
        <translation>从本房屋移除 %1？</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Removed %1</source>
        <translation>已移除 %1</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/labels.py" line="-27"/>
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
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings/page.py" line="+43"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+13"/>
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
    <name>Startup</name>
    <message>
        <location filename="../../ui/app.py" line="+93"/>
        <source>The database %1 could not be opened:
%2</source>
        <translation>无法打开数据库 %1：
%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Database updated; the previous version was kept as %1</source>
        <translation>数据库已升级；旧版本已备份为 %1</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/shell/status.py" line="+38"/>
        <source>Logged in as %1</source>
        <translation>登录名：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sync: …</source>
        <translation>同步：…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sync not set up</source>
        <translation>未设置同步</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 条改动待同步</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never synced</source>
        <translation>从未同步</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <location filename="../../ui/units/form.py" line="+22"/>
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
        <location filename="../../ui/units/model.py" line="+20"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>面积</translation>
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
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location filename="../../ui/units/page.py" line="+52"/>
        <source>Room (3-1502), name or phone — Ctrl+F</source>
        <translation>房号（3-1502）、姓名或电话 — Ctrl+F</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+47"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+124"/>
        <source>New unit</source>
        <translation>新建房屋</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+35"/>
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
        <location line="+34"/>
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
        <location line="+25"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
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
        <location line="+13"/>
        <source>Deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <location line="+10"/>
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
