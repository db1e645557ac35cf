<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionsTab</name>
    <message>
        <location filename="../../ui/inspections/lists.py" line="+313"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rectified (after photo)…</source>
        <translation>已整改（整改后照片）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check and close</source>
        <translation>验证并关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not fixed: back to work</source>
        <translation>未整改好：退回</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} open corrective actions</source>
        <translation>{n} 项整改未关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No open corrective actions</source>
        <translation>没有未关闭的整改项</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Photo after the repair</source>
        <translation>整改后的照片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>DueTab</name>
    <message>
        <location line="-321"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window ends</source>
        <translation>截止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due now only</source>
        <translation>只看当前应检</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start or continue (Enter)</source>
        <translation>开始或继续 (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make-up inspection</source>
        <translation>补检</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{due} due · {late} late · {missed} missed</source>
        <translation>应检 {due} · 逾期 {late} · 漏检 {missed}</translation>
    </message>
</context>
<context>
    <name>InspectionCamera</name>
    <message>
        <location filename="../../ui/inspections/camera.py" line="+31"/>
        <source>Camera support (Qt Multimedia) is not available on this computer</source>
        <translation>本机无法使用摄像头（缺少 Qt Multimedia 支持）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No camera found on this computer; add photos from files</source>
        <translation>本机未找到摄像头，请从文件添加照片</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Camera…</source>
        <translation>拍照…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take a photo with the camera</source>
        <translation>用摄像头拍照</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Take a photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Take</source>
        <translation>拍摄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The camera failed</source>
        <translation>摄像头出错</translation>
    </message>
</context>
<context>
    <name>InspectionReport</name>
    <message>
        <location filename="../../ui/inspections/printing.py" line="+55"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed (critical item)</source>
        <translation>不合格（一票否决项）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalised</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed items</source>
        <translation>不合格项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrective actions</source>
        <translation>整改项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner / manager</source>
        <translation>业主 / 主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template version</source>
        <translation>检查表版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content hash</source>
        <translation>内容校验值</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Inspection report</source>
        <translation>检查报告</translation>
    </message>
</context>
<context>
    <name>Inspections</name>
    <message>
        <location filename="../../ui/inspections/common.py" line="+29"/>
        <source>Upcoming</source>
        <translation>待检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late</source>
        <translation>逾期未检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done on time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done late</source>
        <translation>逾期完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>漏检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made up</source>
        <translation>已补检</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>In progress</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Finalised</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done, to be checked</source>
        <translation>已整改，待验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cleaning</source>
        <translation>保洁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>秩序维护</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control room</source>
        <translation>中控室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair service</source>
        <translation>维修服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer service</source>
        <translation>客户服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estate office</source>
        <translation>管理处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscaping</source>
        <translation>绿化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole estate</source>
        <translation>全项目</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not answered</source>
        <translation>未答</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>High (24 h)</source>
        <translation>高（24 小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium (72 h)</source>
        <translation>中（72 小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low (7 days)</source>
        <translation>低（7 天）</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../ui/inspections/page.py" line="+59"/>
        <location line="+10"/>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corrective actions</source>
        <translation>整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality report</source>
        <translation>品质月报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move-in</source>
        <translation>入伙</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inspection plans…</source>
        <translation>检查计划…</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Preparing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the report as PDF</source>
        <translation>将报告保存为 PDF</translation>
    </message>
</context>
<context>
    <name>InspectionsTab</name>
    <message>
        <location filename="../../ui/inspections/lists.py" line="+65"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>不合格项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open actions</source>
        <translation>未关闭整改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New inspection…</source>
        <translation>新建检查…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report…</source>
        <translation>报告…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amend (new revision)</source>
        <translation>更正（新修订）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{n} action(s) open</source>
        <translation>{n} 项整改未关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} file(s) waiting to sync</source>
        <translation>{n} 个文件待同步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} change(s) kept aside (see Sync)</source>
        <translation>{n} 项更改已搁置（见同步页）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} repeat</source>
        <translation>{n} 项重复</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(failed)</source>
        <translation>（不合格）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No inspections yet — start one from the due list or with New inspection</source>
        <translation>还没有检查记录——可从应检清单开始，或点击“新建检查”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} inspections</source>
        <translation>共 {n} 次检查</translation>
    </message>
</context>
<context>
    <name>MoveIn</name>
    <message>
        <location filename="../../ui/inspections/movein.py" line="+32"/>
        <source>Documents checked</source>
        <translation>核对资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase balance confirmed</source>
        <translation>确认购房余款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forms signed</source>
        <translation>签署表格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move-in fees paid</source>
        <translation>缴纳入伙费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys and cards handed over</source>
        <translation>交付钥匙和门卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter readings</source>
        <translation>抄录水电气表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>House acceptance (一房一验)</source>
        <translation>验房（一房一验）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner file archived</source>
        <translation>业主资料归档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move-in notice with the sales office&apos;s stamp</source>
        <translation>入伙通知书（销售部盖章）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every co-owner&apos;s ID</source>
        <translation>全部共有人身份证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase or loan contract</source>
        <translation>购房合同或按揭合同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company licence (company buyer)</source>
        <translation>营业执照（单位购房）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorisation letter and ID (entrusted person)</source>
        <translation>委托书及受托人身份证（委托办理）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Household registration form</source>
        <translation>业主家庭情况登记表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>House acceptance form</source>
        <translation>住房验收交接表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key custody undertaking</source>
        <translation>钥匙托管承诺书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items-received register</source>
        <translation>物品领取登记表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fire-safety responsibility letter</source>
        <translation>消防安全责任书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preliminary property-service agreement</source>
        <translation>前期物业服务协议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owners&apos; covenant</source>
        <translation>业主公约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not come: remind again</source>
        <translation>逾期未办：再次提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminded again</source>
        <translation>已再次提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under way</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reception</source>
        <translation>前台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>收银</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineering</source>
        <translation>工程部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archivist</source>
        <translation>档案室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water (m³)</source>
        <translation>水（m³）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electricity (kWh)</source>
        <translation>电（kWh）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gas (m³)</source>
        <translation>燃气（m³）</translation>
    </message>
</context>
<context>
    <name>MoveInTab</name>
    <message>
        <location line="+306"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over</source>
        <translation>交房日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hand over…</source>
        <translation>办理入伙…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark notified</source>
        <translation>标记已通知</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{n} units to hand over · {r} to remind again</source>
        <translation>待交房 {n} 户 · 需再次提醒 {r} 户</translation>
    </message>
</context>
<context>
    <name>MoveInWizard</name>
    <message>
        <location line="-340"/>
        <source>Back to the schedule</source>
        <translation>返回交房计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+156"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-143"/>
        <location line="+141"/>
        <source>Record and continue</source>
        <translation>记录并继续</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Company buyer</source>
        <translation>单位购房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An entrusted person comes for the owner</source>
        <translation>受托人代为办理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sales office confirms the balance is settled</source>
        <translation>销售部确认购房余款已结清</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First month&apos;s management fee</source>
        <translation>首月物业管理费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tag of a spare key left with the office (optional)</source>
        <translation>留存管理处的备用钥匙编号（可不填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Door keys</source>
        <translation>入户门钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IC cards</source>
        <translation>IC 门卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailbox keys</source>
        <translation>信箱钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spare key kept</source>
        <translation>留存备用钥匙</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open the house acceptance inspection</source>
        <translation>打开验房检查表</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Owner file No.</source>
        <translation>业主档案号</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not started yet</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started: finalise it, then record this step</source>
        <translation>已开始：完成验房后记录此步骤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Archive and finish</source>
        <translation>归档并办结</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handover finished</source>
        <translation>入伙已办结</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>over the 30-minute target</source>
        <translation>已超过 30 分钟目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>of 30 minutes</source>
        <translation>/ 30 分钟</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Confirm the purchase balance first</source>
        <translation>请先确认购房余款</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../ui/inspections/lists.py" line="-124"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 3栋 2单元 1502, 南门岗, 保洁部</source>
        <translation>如 3栋 2单元 1502、南门岗、保洁部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>QualityTab</name>
    <message>
        <location filename="../../ui/inspections/quality.py" line="+111"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Completed on time</source>
        <translation>按时完成率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions closed</source>
        <translation>整改关闭率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue actions</source>
        <translation>逾期整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+103"/>
        <source>Repeat failures</source>
        <translation>重复不合格</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+83"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+83"/>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+83"/>
        <source>Average score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+83"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+83"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+87"/>
        <source>Most failed items</source>
        <translation>不合格最多的项目</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+88"/>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inspected</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed again</source>
        <translation>再次不合格的项目</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Export the quality report</source>
        <translation>导出品质月报</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Monthly quality report</source>
        <translation>品质月报</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late</source>
        <translation>逾期未检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>漏检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions</source>
        <translation>整改项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>RunScreen</name>
    <message>
        <location filename="../../ui/inspections/run.py" line="+57"/>
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finalise</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalise (Ctrl+Enter)</source>
        <translation>完成检查 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign…</source>
        <translation>签字…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report…</source>
        <translation>报告…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Note (what is wrong, where)</source>
        <translation>说明（问题是什么、在哪里）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a photo from a file (Ctrl+I)</source>
        <translation>从文件添加照片 (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>P pass · F fail · N not applicable · 1-9 choose an option · ↑↓ move</source>
        <translation>P 合格 · F 不合格 · N 不适用 · 1-9 选择选项 · ↑↓ 移动</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{number} · {template} (version {version}) · {target}</source>
        <translation>{number} · {template}（第 {version} 版）· {target}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{answered} of {total} answered · score {score} · {status}</source>
        <translation>已答 {answered}/{total} · 得分 {score} · {status}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a critical item failed: the inspection fails</source>
        <translation>一票否决项不合格：本次检查不合格</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Critical: a fail fails the inspection</source>
        <translation>一票否决：此项不合格则整次检查不合格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>photo needed on fail</source>
        <translation>不合格须拍照</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>note needed on fail</source>
        <translation>不合格须说明</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pass (P)</source>
        <translation>合格 (P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fail (F)</source>
        <translation>不合格 (F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>N/A (N)</source>
        <translation>不适用 (N)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Answer: </source>
        <translation>答案：</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Failed: write a note and add a photo, then press Enter</source>
        <translation>不合格：请填写说明并添加照片，然后按 Enter</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Last item answered. Finalise with Ctrl+Enter.</source>
        <translation>已答完最后一项，按 Ctrl+Enter 完成检查。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.bmp)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic *.bmp)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
</context>
<context>
    <name>SchedulesDialog</name>
    <message>
        <location filename="../../ui/inspections/schedules.py" line="+38"/>
        <source>Inspection plans</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+47"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+48"/>
        <source>Inspected</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Window (days)</source>
        <translation>完成期限（天）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On chosen weekdays</source>
        <translation>指定星期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>from the scheduled date</source>
        <translation>从计划日期起算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the completion</source>
        <translation>从完成日期起算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make-up inspections allowed (补检)</source>
        <translation>允许补检</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 3栋 2单元 1502, 南门岗, 保洁部</source>
        <translation>例如 3栋 2单元 1502、南门岗、保洁部</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Repeats</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day of the month</source>
        <translation>每月日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due window (days)</source>
        <translation>完成期限（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next one counted</source>
        <translation>下次检查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Add plan: starts today</source>
        <translation>添加计划：从今天开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save: applies from the next occurrence</source>
        <translation>保存（从下一次起生效）</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Plan added; it shows in the due list from today</source>
        <translation>计划已添加，今天起显示在待检清单中</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>day {n}</source>
        <translation>{n} 日</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Saved; the new plan starts with the next occurrence</source>
        <translation>已保存，新计划从下一次检查起生效</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../ui/inspections/signature.py" line="+126"/>
        <source>Sign the inspection</source>
        <translation>检查签字</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signs as</source>
        <translation>签字身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sign in the box first</source>
        <translation>请先在框内签名</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location line="-122"/>
        <source>Sign here with the mouse, a pen or a finger</source>
        <translation>请用鼠标、手写笔或手指在此签名</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Sign here</source>
        <translation>在此签名</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <location filename="../../ui/inspections/editor.py" line="+47"/>
        <source>Section / item</source>
        <translation>分组 / 项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+34"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Critical (一票否决)</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo needed on fail</source>
        <translation>不合格须拍照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note needed on fail</source>
        <translation>不合格须说明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One option a line: id | 名称 | name | score | failed</source>
        <translation>每行一个选项：编号 | 名称 | 英文名 | 分值 | failed（不合格）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Id (never changes)</source>
        <translation>编号（不可更改）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply to the item</source>
        <translation>应用到此项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add section</source>
        <translation>添加分组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publish new version</source>
        <translation>发布新版本</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Published: {versions}</source>
        <translation>已发布：{versions}</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>New section</source>
        <translation>新分组</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New item</source>
        <translation>新项目</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Draft saved</source>
        <translation>草稿已保存</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Version {n} published</source>
        <translation>第 {n} 版已发布</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/inspections/quality.py" line="-182"/>
        <source>No scores yet</source>
        <translation>暂无得分</translation>
    </message>
</context>
</TS>
