<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComplaintLabels</name>
    <message>
        <location filename="../../ui/complaints/labels.py" line="+12"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class A</source>
        <translation>A类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class B</source>
        <translation>B类</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Property service</source>
        <translation>物业服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-property</source>
        <translation>非物业</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repairs</source>
        <translation>维修</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Noise</source>
        <translation>噪音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscaping</source>
        <translation>绿化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facilities</source>
        <translation>设施设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Builder defect</source>
        <translation>开发商质量问题</translation>
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
        <location line="+1"/>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+35"/>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+39"/>
        <source>Resident informed</source>
        <translation>已告知业主</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Return visit done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Dispatch to department</source>
        <translation>派发责任部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report to director</source>
        <translation>上报主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand over to supervisor</source>
        <translation>移交主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear answer</source>
        <translation>明确答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inform resident</source>
        <translation>告知业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due within 2 h</source>
        <translation>2小时内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team lead</source>
        <translation>领班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Director</source>
        <translation>管理处主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receptionist</source>
        <translation>前台客户助理</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dispatched to department</source>
        <translation>已派发责任部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department signed for it</source>
        <translation>责任部门已签收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress note</source>
        <translation>处理进展</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension requested</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension approved</source>
        <translation>延期已批准</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Became major (unresolved after one month)</source>
        <translation>升级为重大投诉（超过一个月未解决）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weekly statistics</source>
        <translation>周统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly complaint statistics</source>
        <translation>投诉周统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat complaints</source>
        <translation>二次投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average hours to resolve</source>
        <translation>平均处理时长（小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By severity</source>
        <translation>按等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By scope</source>
        <translation>按性质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On-time rate</source>
        <translation>及时率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met</source>
        <translation>按时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
</context>
<context>
    <name>ComplaintPrint</name>
    <message>
        <location filename="../../ui/complaints/printing.py" line="+48"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>投诉方式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time of event</source>
        <translation>事发时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About</source>
        <translation>被投诉对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received by</source>
        <translation>接待人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply wanted</source>
        <translation>是否需要回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Owner complaint and suggestion form</source>
        <translation>业主投诉、建议表</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What happened</source>
        <translation>投诉事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>业主要求</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Processing record</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Director</source>
        <translation>管理处主任</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Weekly complaint statistics</source>
        <translation>投诉周统计</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid / invalid</source>
        <translation>有效 / 无效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat complaints</source>
        <translation>二次投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average hours to resolve</source>
        <translation>平均处理时长（小时）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By severity</source>
        <translation>按等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <location filename="../../ui/complaints/model.py" line="+60"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Repeat complaint</source>
        <translation>二次投诉</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../ui/complaints/page.py" line="+85"/>
        <source>No., room (3-1502), name, phone or words — Ctrl+F</source>
        <translation>编号、房号（3-1502）、姓名、电话或关键词 — Ctrl+F</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My work</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All open</source>
        <translation>全部未结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All complaints</source>
        <translation>全部投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any severity</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any department</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any deadline</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More ▾</source>
        <translation>更多 ▾</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Received between</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat complaints only</source>
        <translation>仅二次投诉</translation>
    </message>
    <message>
        <location line="+363"/>
        <source>Escalating complaints unresolved for a month…</source>
        <translation>正在将超过一个月未解决的投诉升级…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/toolbar.py" line="+40"/>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dispatch</source>
        <translation>派发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve extension</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident informed</source>
        <translation>已告知业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>More steps</source>
        <translation>更多步骤</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="-178"/>
        <source>%1+ complaints</source>
        <translation>%1+ 条投诉</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing matches these filters.</source>
        <translation>没有符合条件的投诉。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No complaints yet — press Ctrl+N to record one</source>
        <translation>还没有投诉 — 按 Ctrl+N 登记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing waiting for you. Well done.</source>
        <translation>没有待办事项，做得好。</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Close complaint</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close complaint {0}?</source>
        <translation>确定将投诉 {0} 结案吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print complaint form</source>
        <translation>打印投诉表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../ui/complaints/detail.py" line="+53"/>
        <source>Record</source>
        <translation>投诉记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>事发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>被投诉对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>投诉事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>业主要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Timeline</source>
        <translation>处理过程</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No complaint selected</source>
        <translation>未选择投诉</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Repeat complaint (二次投诉) of {0}</source>
        <translation>二次投诉，首次投诉为 {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>reply wanted</source>
        <translation>需回复</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Met</source>
        <translation>按时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missed</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>new deadline {0}</source>
        <translation>新期限 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clear answer given</source>
        <translation>已明确答复</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>unresolved for %n month(s): now a major complaint</source>
        <translation>
            <numerusform>%n 个月未解决，已升级为重大投诉</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../ui/complaints/intake.py" line="+65"/>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Room (3-1502), name or phone</source>
        <translation>房号（3-1502）、姓名或电话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No unit chosen</source>
        <translation>未选择房屋</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other ways to reach them, best time to call</source>
        <translation>其他联系方式、方便联系的时间</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Person or department complained about</source>
        <translation>被投诉的人员或部门</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What happened</source>
        <translation>投诉事由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the resident asks for</source>
        <translation>业主的要求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resident wants a reply</source>
        <translation>业主需要回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach photos or scans…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid (unreasonable demand)</source>
        <translation>无效（无理要求）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>— confirm —</source>
        <translation>— 请确认 —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use it</source>
        <translation>采用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the suggested severity (Alt+U)</source>
        <translation>确认采用建议的等级（Alt+U）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>— later —</source>
        <translation>— 稍后 —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Standard ({0} days)</source>
        <translation>标准（{0} 天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resident&apos;s reasonable deadline</source>
        <translation>业主提出的合理期限</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>房屋</translation>
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
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>投诉方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time of event</source>
        <translation>事发时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>被投诉对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened *</source>
        <translation>投诉事由 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>业主要求</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>性质</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Severity *</source>
        <translation>等级 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deadline (minor)</source>
        <translation>处理时限（轻微）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save complaint</source>
        <translation>保存投诉</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Attach photos or scans</source>
        <translation>添加照片或扫描件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images and PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)</source>
        <translation>图片和 PDF (*.png *.jpg *.jpeg *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Suggested: {0}</source>
        <translation>建议：{0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Repeat complaint (二次投诉): this unit complained of the same problem as {0}</source>
        <translation>二次投诉：该住户已就同一问题投诉过（{0}）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Please correct the marked fields.</source>
        <translation>请修改标出的字段。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Complaint {0} recorded</source>
        <translation>投诉 {0} 已登记</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../ui/complaints/rules.py" line="+67"/>
        <source>Complaint rules</source>
        <translation>投诉处理规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2 hours</source>
        <translation>2 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count days as working days</source>
        <translation>按工作日计算天数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Major / important / minor</source>
        <translation>重大 / 重要 / 轻微</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class A / class B</source>
        <translation>A类 / B类</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Deadlines from receipt</source>
        <translation>自受理起的时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dispatch to the department</source>
        <translation>派发责任部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major: clear answer</source>
        <translation>重大：明确答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major: resolved</source>
        <translation>重大：处理完毕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important: to the supervisor</source>
        <translation>重要：移交主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important: resolved</source>
        <translation>重要：处理完毕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor: resolved</source>
        <translation>轻微：处理完毕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return visit after resolution</source>
        <translation>处理后回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unresolved becomes major after</source>
        <translation>未解决升级为重大投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat complaint window</source>
        <translation>二次投诉判定期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity scheme</source>
        <translation>等级划分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public holidays</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make-up working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One date per line, YYYY-MM-DD. Saturdays and Sundays are days off.</source>
        <translation>每行一个日期，格式 YYYY-MM-DD。周六、周日为休息日。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only a supervisor or the director may change these rules.</source>
        <translation>只有主管或管理处主任可以修改这些规则。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not a date (YYYY-MM-DD): {0}</source>
        <translation>不是有效日期（YYYY-MM-DD）：{0}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Please correct the marked fields.</source>
        <translation>请修改标出的字段。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Moving every complaint&apos;s deadlines…</source>
        <translation>正在调整所有投诉的时限…</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../ui/complaints/stats.py" line="+54"/>
        <source>The week ends on this Saturday</source>
        <translation>统计周截止到该周六</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print summary…</source>
        <translation>打印汇总…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Week ending</source>
        <translation>统计周截止</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+22"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Valid / invalid</source>
        <translation>有效 / 无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat complaints</source>
        <translation>二次投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average hours to resolve</source>
        <translation>平均处理时长（小时）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Breakdown</source>
        <translation>分类统计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Met / due</source>
        <translation>按时 / 应完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Counting the week&apos;s complaints…</source>
        <translation>正在统计本周投诉…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By severity</source>
        <translation>按等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Complaints received per day</source>
        <translation>每日受理投诉数</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Export weekly statistics</source>
        <translation>导出周统计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Weekly complaint statistics</source>
        <translation>投诉周统计</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/complaints/detail.py" line="+29"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>To</source>
        <translation>上报给</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New deadline</source>
        <translation>新期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A clear answer was given to the resident</source>
        <translation>已给业主明确答复</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
