<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComplaintLabels</name>
    <message>
        <location filename="../../ui/complaints/labels.py" line="12" />
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="13" />
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="14" />
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="15" />
        <source>Class A</source>
        <translation>A类</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="16" />
        <source>Class B</source>
        <translation>B类</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="18" />
        <source>In person</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="19" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="20" />
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="21" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="23" />
        <source>Property service</source>
        <translation>物业服务</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="24" />
        <source>Non-property</source>
        <translation>非物业</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="26" />
        <source>Repairs</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="27" />
        <source>Cleaning</source>
        <translation>保洁</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="28" />
        <source>Security</source>
        <translation>秩序维护</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="29" />
        <source>Noise</source>
        <translation>噪音</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="30" />
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="31" />
        <source>Fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="32" />
        <source>Staff attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="33" />
        <source>Landscaping</source>
        <translation>绿化</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="34" />
        <source>Facilities</source>
        <translation>设施设备</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="35" />
        <source>Builder defect</source>
        <translation>开发商质量问题</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="37" />
        <source>Customer service</source>
        <translation>客服中心</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="38" />
        <source>Engineering</source>
        <translation>工程部</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="39" />
        <source>Control room</source>
        <translation>中控室</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="40" />
        <source>Finance</source>
        <translation>财务部</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="41" />
        <source>Estate office</source>
        <translation>管理处</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="42" />
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="44" />
        <location filename="../../ui/complaints/labels.py" line="79" />
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="45" />
        <source>Dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="46" />
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="47" />
        <location filename="../../ui/complaints/labels.py" line="86" />
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="48" />
        <location filename="../../ui/complaints/labels.py" line="87" />
        <source>Resident informed</source>
        <translation>已告知业主</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="49" />
        <source>Return visit done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="50" />
        <location filename="../../ui/complaints/labels.py" line="89" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="52" />
        <source>Dispatch to department</source>
        <translation>派发责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="53" />
        <source>Report to director</source>
        <translation>上报主任</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="54" />
        <source>Hand over to supervisor</source>
        <translation>移交主管</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="55" />
        <source>Clear answer</source>
        <translation>明确答复</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="56" />
        <source>Resolution</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="57" />
        <source>Inform resident</source>
        <translation>告知业主</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="58" />
        <location filename="../../ui/complaints/labels.py" line="88" />
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="60" />
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="61" />
        <source>Due within 2 h</source>
        <translation>2小时内到期</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="62" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="63" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="65" />
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="66" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="67" />
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="68" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="70" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="71" />
        <source>Team lead</source>
        <translation>领班</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="72" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="73" />
        <source>Director</source>
        <translation>管理处主任</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="74" />
        <source>Receptionist</source>
        <translation>前台客户助理</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="80" />
        <source>Dispatched to department</source>
        <translation>已派发责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="81" />
        <source>Department signed for it</source>
        <translation>责任部门已签收</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="82" />
        <source>Progress note</source>
        <translation>处理进展</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="83" />
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="84" />
        <source>Extension requested</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="85" />
        <source>Extension approved</source>
        <translation>延期已批准</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="90" />
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="91" />
        <source>Became major (unresolved after one month)</source>
        <translation>升级为重大投诉（超过一个月未解决）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="96" />
        <source>Weekly statistics</source>
        <translation>周统计</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="97" />
        <source>Weekly complaint statistics</source>
        <translation>投诉周统计</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="98" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="99" />
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="100" />
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="101" />
        <source>Still open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="102" />
        <source>Repeat complaints</source>
        <translation>二次投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="103" />
        <source>Average hours to resolve</source>
        <translation>平均处理时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="104" />
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="105" />
        <source>By severity</source>
        <translation>按等级</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="106" />
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="107" />
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="108" />
        <source>By scope</source>
        <translation>按性质</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="109" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="110" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="111" />
        <source>On-time rate</source>
        <translation>及时率</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="112" />
        <source>Met</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="113" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/labels.py" line="114" />
        <source>Rate</source>
        <translation>比率</translation>
    </message>
</context>
<context>
    <name>ComplaintMessages</name>
    <message>
        <location filename="../../ui/complaints/intake.py" line="48" />
        <source>Describe what happened</source>
        <translation>请填写投诉事由</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="49" />
        <source>Complainant name is required</source>
        <translation>请填写投诉人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="50" />
        <source>Phone must be a mobile number (11 digits, e.g. 13800138000) or 0755-12345678</source>
        <translation>电话须为手机号（11位，如 13800138000）或 0755-12345678</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="54" />
        <source>Channel is in person, phone, letter or other</source>
        <translation>投诉方式为现场、电话、信函或其他</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="55" />
        <source>Choose a category</source>
        <translation>请选择类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="56" />
        <source>Scope is property service or non-property</source>
        <translation>性质为物业服务或非物业</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="57" />
        <source>Confirm the severity</source>
        <translation>请确认投诉等级</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="58" />
        <source>Choose a department from the list</source>
        <translation>请从列表中选择部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="59" />
        <source>Time must be YYYY-MM-DD HH:MM, e.g. 2024-06-30 14:30</source>
        <translation>时间格式为 YYYY-MM-DD HH:MM，如 2024-06-30 14:30</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="60" />
        <source>A resident's deadline applies to minor complaints only</source>
        <translation>业主期限仅适用于轻微投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="63" />
        <source>Choose the department to dispatch to</source>
        <translation>请选择派发的责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="64" />
        <source>Escalate to the team lead, supervisor or director</source>
        <translation>请选择上报给领班、主管或主任</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="65" />
        <source>Record the resident's satisfaction</source>
        <translation>请记录业主满意度</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="66" />
        <source>Give the reason for the extension</source>
        <translation>请填写延期原因</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="67" />
        <source>The new deadline must be in the future</source>
        <translation>新期限必须晚于现在</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="68" />
        <source>Write what was done</source>
        <translation>请填写处理情况</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="69" />
        <source>An extension for a minor complaint must be approved by the supervisor or director</source>
        <translation>轻微投诉延期须由主管（助理）或主任批准</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="73" />
        <source>An extension for an important complaint must be approved by the director</source>
        <translation>重要投诉延期须由管理处主任批准</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="77" />
        <source>An extension for a major complaint must be approved by the director</source>
        <translation>重大投诉延期须由管理处主任批准</translation>
    </message>
</context>
<context>
    <name>ComplaintPrint</name>
    <message>
        <location filename="../../ui/complaints/printing.py" line="61" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="63" />
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="67" />
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="69" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="73" />
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="75" />
        <source>Channel</source>
        <translation>投诉方式</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="79" />
        <source>Time of event</source>
        <translation>事发时间</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="81" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="85" />
        <source>About</source>
        <translation>被投诉对象</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="87" />
        <source>Received by</source>
        <translation>接待人</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="91" />
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="93" />
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="97" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="99" />
        <source>Reply wanted</source>
        <translation>是否需要回复</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="100" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="102" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="109" />
        <source>Owner complaint and suggestion form</source>
        <translation>业主投诉、建议表</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="120" />
        <source>What happened</source>
        <translation>投诉事由</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="121" />
        <source>Request</source>
        <translation>业主要求</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="129" />
        <source>Processing record</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="146" />
        <source>Deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="155" />
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="162" />
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="163" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="164" />
        <source>Director</source>
        <translation>管理处主任</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="176" />
        <source>Weekly complaint statistics</source>
        <translation>投诉周统计</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="185" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="187" />
        <source>Valid / invalid</source>
        <translation>有效 / 无效</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="190" />
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="191" />
        <source>Still open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="192" />
        <source>Repeat complaints</source>
        <translation>二次投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="193" />
        <source>Average hours to resolve</source>
        <translation>平均处理时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="198" />
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="199" />
        <source>By severity</source>
        <translation>按等级</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="200" />
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="201" />
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/printing.py" line="202" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <location filename="../../ui/complaints/model.py" line="48" />
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="49" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="50" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="51" />
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="52" />
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="53" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="54" />
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="55" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="56" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="57" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="154" />
        <source>Repeat complaint</source>
        <translation>二次投诉</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../ui/complaints/page.py" line="90" />
        <source>No., room (3-1502), name, phone or words — Ctrl+F</source>
        <translation>编号、房号（3-1502）、姓名、电话或关键词 — Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="92" />
        <source>My work</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="93" />
        <source>All open</source>
        <translation>全部未结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="94" />
        <source>All complaints</source>
        <translation>全部投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="96" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="97" />
        <source>Any severity</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="98" />
        <source>Any department</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="100" />
        <source>Any deadline</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="103" />
        <source>More ▾</source>
        <translation>更多 ▾</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="116" />
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="123" />
        <source>Received between</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="124" />
        <source>Repeat complaints only</source>
        <translation>仅二次投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="226" />
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="231" />
        <source>Dispatch</source>
        <translation>派发</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="232" />
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="233" />
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="234" />
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="235" />
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="236" />
        <source>Approve extension</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="237" />
        <source>Resolve</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="238" />
        <source>Resident informed</source>
        <translation>已告知业主</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="239" />
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="240" />
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="241" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="256" />
        <source>More steps</source>
        <translation>更多步骤</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="263" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="264" />
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="267" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="270" />
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="271" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="337" />
        <source>%1+ complaints</source>
        <translation>%1+ 条投诉</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/complaints/page.py" line="339" />
        <source>%n complaint(s)</source>
        <translation><numerusform>%n 条投诉</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="343" />
        <source>Nothing matches these filters.</source>
        <translation>没有符合条件的投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="345" />
        <source>No complaints yet — press Ctrl+N to record one</source>
        <translation>还没有投诉 — 按 Ctrl+N 登记</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="348" />
        <source>Nothing waiting for you. Well done.</source>
        <translation>没有待办事项，做得好。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="433" />
        <source>Close complaint</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="433" />
        <source>Close complaint {0}?</source>
        <translation>确定将投诉 {0} 结案吗？</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="440" />
        <source>Print complaint form</source>
        <translation>打印投诉表</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="447" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="447" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/page.py" line="453" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../ui/complaints/detail.py" line="52" />
        <source>Record</source>
        <translation>投诉记录</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="57" />
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="58" />
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="59" />
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="60" />
        <source>Event</source>
        <translation>事发</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="61" />
        <source>About</source>
        <translation>被投诉对象</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="62" />
        <source>What happened</source>
        <translation>投诉事由</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="63" />
        <source>Request</source>
        <translation>业主要求</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="64" />
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="65" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="66" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="74" />
        <source>Deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="78" />
        <location filename="../../ui/complaints/detail.py" line="87" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="78" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="78" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="78" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="83" />
        <source>Timeline</source>
        <translation>处理过程</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="87" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="87" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="87" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="104" />
        <source>No complaint selected</source>
        <translation>未选择投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="130" />
        <source>Repeat complaint (二次投诉) of {0}</source>
        <translation>二次投诉，首次投诉为 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="152" />
        <source>reply wanted</source>
        <translation>需回复</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="158" />
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="158" />
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="169" />
        <source>Met</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="169" />
        <source>Missed</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="218" />
        <source>new deadline {0}</source>
        <translation>新期限 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="220" />
        <source>clear answer given</source>
        <translation>已明确答复</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../ui/complaints/intake.py" line="104" />
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="114" />
        <source>Room (3-1502), name or phone</source>
        <translation>房号（3-1502）、姓名或电话</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="119" />
        <source>No unit chosen</source>
        <translation>未选择房屋</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="125" />
        <source>Other ways to reach them, best time to call</source>
        <translation>其他联系方式、方便联系的时间</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="132" />
        <source>Person or department complained about</source>
        <translation>被投诉的人员或部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="135" />
        <source>What happened</source>
        <translation>投诉事由</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="139" />
        <source>What the resident asks for</source>
        <translation>业主的要求</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="141" />
        <source>Resident wants a reply</source>
        <translation>业主需要回复</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="143" />
        <source>Attach photos or scans…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="150" />
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="151" />
        <source>Invalid (unreasonable demand)</source>
        <translation>无效（无理要求）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="154" />
        <source>— confirm —</source>
        <translation>— 请确认 —</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="160" />
        <source>— later —</source>
        <translation>— 稍后 —</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="165" />
        <source>Standard ({0} days)</source>
        <translation>标准（{0} 天）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="167" />
        <source>Resident's reasonable deadline</source>
        <translation>业主提出的合理期限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="179" />
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="181" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="183" />
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="184" />
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="185" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="186" />
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="188" />
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="190" />
        <source>Channel</source>
        <translation>投诉方式</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="191" />
        <source>Time of event</source>
        <translation>事发时间</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="192" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="193" />
        <source>About</source>
        <translation>被投诉对象</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="194" />
        <source>What happened *</source>
        <translation>投诉事由 *</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="195" />
        <source>Request</source>
        <translation>业主要求</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="200" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="202" />
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="204" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="205" />
        <source>Validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="206" />
        <source>Scope</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="210" />
        <source>Severity *</source>
        <translation>等级 *</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="211" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="215" />
        <source>Deadline (minor)</source>
        <translation>处理时限（轻微）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="220" />
        <source>Save complaint</source>
        <translation>保存投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="224" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="325" />
        <source>Attach photos or scans</source>
        <translation>添加照片或扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="327" />
        <source>Images and PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)</source>
        <translation>图片和 PDF (*.png *.jpg *.jpeg *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="384" />
        <source>Suggested: {0}</source>
        <translation>建议：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="415" />
        <source>Please correct the marked fields.</source>
        <translation>请修改标出的字段。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/intake.py" line="436" />
        <source>Complaint {0} recorded</source>
        <translation>投诉 {0} 已登记</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../ui/complaints/rules.py" line="62" />
        <source>Complaint rules</source>
        <translation>投诉处理规则</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="66" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="66" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="69" />
        <source>2 hours</source>
        <translation>2 小时</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="70" />
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="77" />
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="79" />
        <source>Count days as working days</source>
        <translation>按工作日计算天数</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="82" />
        <source>Major / important / minor</source>
        <translation>重大 / 重要 / 轻微</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="83" />
        <source>Class A / class B</source>
        <translation>A类 / B类</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="100" />
        <source>Deadlines from receipt</source>
        <translation>自受理起的时限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="102" />
        <source>Dispatch to the department</source>
        <translation>派发责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="103" />
        <source>Major: clear answer</source>
        <translation>重大：明确答复</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="104" />
        <source>Major: resolved</source>
        <translation>重大：处理完毕</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="105" />
        <source>Important: to the supervisor</source>
        <translation>重要：移交主管</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="106" />
        <source>Important: resolved</source>
        <translation>重要：处理完毕</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="107" />
        <source>Minor: resolved</source>
        <translation>轻微：处理完毕</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="108" />
        <source>Return visit after resolution</source>
        <translation>处理后回访</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="109" />
        <source>Unresolved becomes major after</source>
        <translation>未解决升级为重大投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="110" />
        <source>Repeat complaint window</source>
        <translation>二次投诉判定期</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="111" />
        <source>Severity scheme</source>
        <translation>等级划分</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="112" />
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="115" />
        <source>Public holidays</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="116" />
        <source>Make-up working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="117" />
        <source>One date per line, YYYY-MM-DD. Saturdays and Sundays are days off.</source>
        <translation>每行一个日期，格式 YYYY-MM-DD。周六、周日为休息日。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="125" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="129" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="147" />
        <source>Only a supervisor or the director may change these rules.</source>
        <translation>只有主管或管理处主任可以修改这些规则。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="161" />
        <source>Not a date (YYYY-MM-DD): {0}</source>
        <translation>不是有效日期（YYYY-MM-DD）：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/rules.py" line="192" />
        <source>Please correct the marked fields.</source>
        <translation>请修改标出的字段。</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../ui/complaints/stats.py" line="47" />
        <source>The week ends on this Saturday</source>
        <translation>统计周截止到该周六</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="51" />
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="53" />
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="55" />
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="57" />
        <source>Print summary…</source>
        <translation>打印汇总…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="62" />
        <source>Week ending</source>
        <translation>统计周截止</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="71" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="75" />
        <location filename="../../ui/complaints/stats.py" line="97" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="76" />
        <source>Valid / invalid</source>
        <translation>有效 / 无效</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="77" />
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="78" />
        <source>Still open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="79" />
        <source>Repeat complaints</source>
        <translation>二次投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="80" />
        <source>Average hours to resolve</source>
        <translation>平均处理时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="115" />
        <source>Breakdown</source>
        <translation>分类统计</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="115" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="118" />
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="118" />
        <source>Met / due</source>
        <translation>按时 / 应完成</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="118" />
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="153" />
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="154" />
        <source>By severity</source>
        <translation>按等级</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="155" />
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="156" />
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="157" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="96" />
        <source>Complaints received per day</source>
        <translation>每日受理投诉数</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="196" />
        <source>Export weekly statistics</source>
        <translation>导出周统计</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="196" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="200" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/stats.py" line="208" />
        <source>Weekly complaint statistics</source>
        <translation>投诉周统计</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/complaints/detail.py" line="252" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="261" />
        <source>To</source>
        <translation>上报给</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="264" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="267" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="275" />
        <source>New deadline</source>
        <translation>新期限</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="277" />
        <source>A clear answer was given to the resident</source>
        <translation>已给业主明确答复</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="282" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="286" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/detail.py" line="290" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>