<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallerContextView</name>
    <message>
        <location filename="../../ui/reception/caller.py" line="+28"/>
        <source>Type a phone number or room code to see the caller&apos;s open work orders and complaints, overdue fees, keys held and building notices.</source>
        <translation>输入电话或房号，即可看到来访人的未完工单和投诉、欠费、托管钥匙和楼栋通知。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say</source>
        <translation>口径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type a phone number or room code to see the caller.</source>
        <translation>输入电话或房号查看来访人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No unit found for what was typed.</source>
        <translation>未找到对应房屋。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recent contacts</source>
        <translation>近期来访</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overdue fees</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work orders and complaints</source>
        <translation>未完工单和投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys held by the office</source>
        <translation>托管钥匙</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <location filename="../../ui/reception/keys.py" line="+216"/>
        <source>Take a key into custody…</source>
        <translation>登记托管钥匙…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lend…</source>
        <translation>借出…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Return…</source>
        <translation>归还…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found</source>
        <translation>找回</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Given back to owner</source>
        <translation>退还业主</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All keys</source>
        <translation>全部钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not returned</source>
        <translation>未归还</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Monthly count…</source>
        <translation>月度盘点…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tag</source>
        <translation>钥匙牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hook</source>
        <translation>挂钩</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back by</source>
        <translation>预计归还</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May borrow</source>
        <translation>授权借用人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undertaking valid until</source>
        <translation>承诺书有效期至</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+51"/>
        <source>No keys in custody yet — take one in with the first button</source>
        <translation>暂无托管钥匙 — 点击第一个按钮登记</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Every key is back in the cabinet.</source>
        <translation>所有钥匙都已归柜。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Overdue keys today (%1): %2</source>
        <translation>今日逾期未还钥匙（%1）：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No overdue keys today.</source>
        <translation>今日无逾期未还钥匙。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>This month&apos;s cabinet count is still to do.</source>
        <translation>本月钥匙柜盘点尚未进行。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Acceptance check</source>
        <translation>验收</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A contractor returned the key: an open item for the acceptance check of the work is in your register.</source>
        <translation>施工方已归还钥匙：施工验收待办已记入您的登记表。</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+38"/>
        <source>Monthly cabinet count</source>
        <translation>钥匙柜月度盘点</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Tick every key found on its hook.</source>
        <translation>请勾选挂钩上实际在位的钥匙。</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Matched %1. Missing from the hooks: %2. On a hook but not in the cabinet by the register: %3.</source>
        <translation>相符 %1 把。登记在柜但不在挂钩：%2。在挂钩但登记为不在柜：%3。</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <location line="-407"/>
        <source>Lend keys</source>
        <translation>借出钥匙</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Confirmed with the owner</source>
        <translation>已与业主确认</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Authorised</source>
        <translation>授权人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrower *</source>
        <translation>借用人 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrower is</source>
        <translation>借用人身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity checked by</source>
        <translation>身份核验方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Site lead</source>
        <translation>现场负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose *</source>
        <translation>事由 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back by</source>
        <translation>预计归还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrower&apos;s signature</source>
        <translation>借用人签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/reception/daybook.py" line="+38"/>
        <source>New building notice</source>
        <translation>新建楼栋通知</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Empty: the whole estate</source>
        <translation>留空：全小区</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What staff should say *</source>
        <translation>应答口径 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buildings (ids)</source>
        <translation>楼栋（编号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <location line="+32"/>
        <source>Building notices</source>
        <translation>楼栋通知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New notice…</source>
        <translation>新建通知…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End notice</source>
        <translation>结束通知</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>whole estate</source>
        <translation>全小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No notices.</source>
        <translation>暂无通知。</translation>
    </message>
</context>
<context>
    <name>ReceptionForms</name>
    <message>
        <location filename="../../ui/reception/printing.py" line="+19"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No entries</source>
        <translation>无登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gate check</source>
        <translation>门岗查验</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Customer service register</source>
        <translation>客户服务登记表</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+92"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <location line="+69"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by</source>
        <translation>接待人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open; promised by %1</source>
        <translation>待答复，承诺于 %1 前</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>referred to %1</source>
        <translation>已转交 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Work order slip</source>
        <translation>派工单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Free</source>
        <translation>无偿</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+73"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assigned to</source>
        <translation>维修人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Convenient time</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Charge</source>
        <translation>收费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Repairer</source>
        <translation>维修人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident&apos;s signature</source>
        <translation>业主签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return visit by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Goods release slip</source>
        <translation>放行条</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken by</source>
        <translation>搬运人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>查验人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued by</source>
        <translation>开具人</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../ui/reception/page.py" line="+52"/>
        <source>Reception</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors and goods</source>
        <translation>访客与放行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print register…</source>
        <translation>打印登记表…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register as PDF…</source>
        <translation>登记表存为 PDF…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Building notices…</source>
        <translation>楼栋通知…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Work log…</source>
        <translation>工作日记…</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>That record is no longer there.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That record is at %1; this reception desk shows %2.</source>
        <translation>该记录属于%1；本前台显示的是%2。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customer service register</source>
        <translation>客户服务登记表</translation>
    </message>
</context>
<context>
    <name>ReceptionWords</name>
    <message>
        <location filename="../../ui/reception/labels.py" line="+13"/>
        <source>In person</source>
        <translation>现场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair</source>
        <translation>报修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goods release</source>
        <translation>物品放行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid service</source>
        <translation>有偿服务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer service</source>
        <translation>客服中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineering</source>
        <translation>工程部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>秩序维护部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleaning</source>
        <translation>保洁部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscaping</source>
        <translation>绿化部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control room</source>
        <translation>中控室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finance</source>
        <translation>财务部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estate office</source>
        <translation>管理处</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Water leak</source>
        <translation>漏水</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power cut</source>
        <translation>停电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lift entrapment</source>
        <translation>电梯困人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plumbing</source>
        <translation>给排水</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electrical</source>
        <translation>电气</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doors and windows</source>
        <translation>门窗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walls and floors</source>
        <translation>墙地面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fire safety</source>
        <translation>消防设施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public facilities</source>
        <translation>公共设施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lighting and fittings</source>
        <translation>灯具五金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+1"/>
        <source>In progress</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for parts</source>
        <translation>等配件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for owner</source>
        <translation>等业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned to desk</source>
        <translation>退回前台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return visit made</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>转派</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept</source>
        <translation>接单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start work</source>
        <translation>开始维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return to desk</source>
        <translation>退回前台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decline</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress note</source>
        <translation>进展汇报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change category</source>
        <translation>更改类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On site</source>
        <translation>到场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock paused</source>
        <translation>计时暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In cabinet</source>
        <translation>在柜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lent</source>
        <translation>已借出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorised person</source>
        <translation>受托人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contractor</source>
        <translation>施工方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed by phone with the owner</source>
        <translation>已电话向业主核实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorisation letter</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through the site lead</source>
        <translation>经现场负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known to the desk</source>
        <translation>前台熟识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driving licence</source>
        <translation>驾驶证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Water cut</source>
        <translation>停水</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lift out of service</source>
        <translation>电梯停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gas cut</source>
        <translation>停气</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Works</source>
        <translation>施工</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident informed</source>
        <translation>已告知业主</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash</source>
        <translation>现金</translation>
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
        <location line="+1"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No progress for 4 h</source>
        <translation>4 小时无进展</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return visits due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>RegisterKeyDialog</name>
    <message>
        <location filename="../../ui/reception/keys.py" line="+65"/>
        <source>Take a key into custody</source>
        <translation>登记托管钥匙</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Names, separated by commas</source>
        <translation>姓名，用逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit *</source>
        <translation>房屋 *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag *</source>
        <translation>钥匙牌 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hook</source>
        <translation>挂钩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custody undertaking</source>
        <translation>托管承诺书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May borrow</source>
        <translation>授权借用人</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <location filename="../../ui/reception/register.py" line="+79"/>
        <source>Save entry</source>
        <translation>保存登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quick entry (KH-21-R01)</source>
        <translation>快速登记（KH-21-R01）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phone, room code (3-2-1502) or name</source>
        <translation>电话、房号（3-2-1502）或姓名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What was asked</source>
        <translation>来访事项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The answer given</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not answered yet: promise a reply</source>
        <translation>未即时答复：承诺答复时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no referral)</source>
        <translation>（不转交）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+92"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Caller</source>
        <translation>来访人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person / unit</source>
        <translation>住户 / 房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+91"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-90"/>
        <location line="+89"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Matter *</source>
        <translation>事项 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+92"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Open item</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refer to</source>
        <translation>转交</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Caller context</source>
        <translation>来访人信息</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Today&apos;s register</source>
        <translation>今日登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My open items</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All open items</source>
        <translation>全部待办</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close item…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To work order…</source>
        <translation>转工单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To complaint</source>
        <translation>转投诉</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No entries yet today — press Ctrl+N to record a contact</source>
        <translation>今天还没有登记 — 按 Ctrl+N 开始登记</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Promised</source>
        <translation>承诺时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Referred to</source>
        <translation>转交部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received by</source>
        <translation>接待人</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Unknown caller (no unit)</source>
        <translation>未知来电（无房屋）</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Awaiting reply</source>
        <translation>待答复</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Close open item</source>
        <translation>办结待办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer given to %1:</source>
        <translation>给 %1 的答复：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open a complaint</source>
        <translation>转为投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a complaint from entry %1? Its content is carried over.</source>
        <translation>将登记 %1 转为投诉？内容将带入投诉单。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Complaint opened</source>
        <translation>已转为投诉</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/reception/keys.py" line="-53"/>
        <source>Return keys</source>
        <translation>归还钥匙</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Returned by</source>
        <translation>归还人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countersignature</source>
        <translation>归还签名</translation>
    </message>
</context>
<context>
    <name>SignatureBox</name>
    <message>
        <location filename="../../ui/reception/signature.py" line="+23"/>
        <source>Sign here with the mouse or a pen</source>
        <translation>请用鼠标或手写笔在此签名</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../ui/reception/visitors.py" line="+54"/>
        <source>New release slip</source>
        <translation>新建放行条</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken by</source>
        <translation>搬运人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>查验人</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/reception/order_dialogs.py" line="+152"/>
        <source>Assign to</source>
        <translation>派给</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for</source>
        <translation>等待</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason or note</source>
        <translation>原因或说明</translation>
    </message>
</context>
<context>
    <name>VisitorsTab</name>
    <message>
        <location filename="../../ui/reception/visitors.py" line="+43"/>
        <source>Check a visitor in</source>
        <translation>访客登记</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Visiting unit, e.g. 3-2-1502</source>
        <translation>拜访房号，如 3-2-1502</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+44"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+44"/>
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+67"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+43"/>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+43"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Check in</source>
        <translation>登记进入</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Check out</source>
        <translation>登记离开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New release slip…</source>
        <translation>开放行条…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print slip</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Visiting</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In</source>
        <translation>进入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out</source>
        <translation>离开</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>still in</source>
        <translation>未离开</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken by</source>
        <translation>搬运人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>查验人</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Goods release slips</source>
        <translation>放行条</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Still checked in: %1</source>
        <translation>尚未离开：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody is checked in.</source>
        <translation>无在场访客。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closing time — still checked in: %1</source>
        <translation>已到下班时间 — 尚未离开：%1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Goods release slip</source>
        <translation>放行条</translation>
    </message>
</context>
<context>
    <name>WorkLogDialog</name>
    <message>
        <location filename="../../ui/reception/daybook.py" line="+28"/>
        <source>Daily work log</source>
        <translation>工作日记</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes of the day</source>
        <translation>当日记事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save notes</source>
        <translation>保存记事</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team lead&apos;s remark</source>
        <translation>领班批注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark reviewed</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
</context>
<context>
    <name>WorkOrderDialog</name>
    <message>
        <location filename="../../ui/reception/order_dialogs.py" line="-141"/>
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Room code, e.g. 3-2-1502</source>
        <translation>房号，如 3-2-1502</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>By the category&apos;s dispatch rule</source>
        <translation>按类别派单规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid repair (price agreed before work)</source>
        <translation>有偿维修（施工前确认价格）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The resident chose a time slot</source>
        <translation>业主预约了时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or place</source>
        <translation>或地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content *</source>
        <translation>报修内容 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign to</source>
        <translation>派给</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price (¥)</source>
        <translation>价格（¥）</translation>
    </message>
</context>
<context>
    <name>WorkOrderRulesBox</name>
    <message>
        <location filename="../../ui/reception/rules.py" line="+54"/>
        <source>Work orders: service targets and dispatch</source>
        <translation>工单：服务时限与派单</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Public holidays do not count (the desk is staffed)</source>
        <translation>法定节假日不计时（前台照常值班）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category:priority</source>
        <translation>类别:紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete within</source>
        <translation>完工时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On site within (min)</source>
        <translation>到场时限（分钟）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Complete within: same_day, appointment or a number of minutes. * stands for any category; emergencies count around the clock.</source>
        <translation>完工时限：same_day（当天）、appointment（按预约）或分钟数。* 表示任意类别；紧急工单全天候计时。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Business hours (normal orders)</source>
        <translation>工作时间（一般工单）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn before the deadline</source>
        <translation>到期前提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress report every</source>
        <translation>进展汇报间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return visit within</source>
        <translation>回访时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water leaks: return visit within</source>
        <translation>漏水回访时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save targets</source>
        <translation>保存时限</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assign to the first chosen</source>
        <translation>指派给第一位选中人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round robin among the chosen</source>
        <translation>在选中人员中轮流派单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save dispatch rule</source>
        <translation>保存派单规则</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dispatch rule of a category</source>
        <translation>类别派单规则</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>round robin</source>
        <translation>轮流</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>WorkOrdersTab</name>
    <message>
        <location filename="../../ui/reception/workorders.py" line="+78"/>
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print slip</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Slip as PDF…</source>
        <translation>派工单存为 PDF…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take payment…</source>
        <translation>收款…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No work orders here — press Ctrl+N to register a repair</source>
        <translation>这里没有工单 — 按 Ctrl+N 登记报修</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>completed late</source>
        <translation>逾期完成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>维修人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return visit due</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Charge</source>
        <translation>收费</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>有偿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Free</source>
        <translation>无偿</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Return-visit rate (30 days) %1 (target 100%), overdue visits %2</source>
        <translation>回访率（30 天）%1（目标 100%），逾期未回访 %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Work orders: %1</source>
        <translation>工单：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>clock paused</source>
        <translation>计时暂停</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clock paused; %1 h left</source>
        <translation>计时暂停，剩余 %1 小时</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reopened %1 times</source>
        <translation>已重开 %1 次</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Work order slip</source>
        <translation>派工单</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pictures (*.jpg *.jpeg *.png *.heic)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+49"/>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Order %1, paid by</source>
        <translation>工单 %1，付款方式</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Order %1: %2 due. Cash tendered (¥)</source>
        <translation>工单 %1：应收 %2。实收现金（¥）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cash tendered</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Take %1 in cash: tendered %2, change %3?</source>
        <translation>现金收款 %1：实收 %2，找零 %3，确认收款？</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Receipt %1</source>
        <translation>收据 %1</translation>
    </message>
</context>
</TS>
