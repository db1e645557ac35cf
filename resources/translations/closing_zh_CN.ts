<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/fees/closing_approval.py" line="+30"/>
        <source>Supervisor&apos;s approval</source>
        <translation>主管审批</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Supervisor log-in</source>
        <translation>主管账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor password</source>
        <translation>主管密码</translation>
    </message>
</context>
<context>
    <name>ClosingSheet</name>
    <message>
        <location filename="../../ui/fees/closing_print.py" line="+25"/>
        <source>Day-end closing sheet</source>
        <translation>日结交班单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not closed yet: draft</source>
        <translation>尚未日结（草稿）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier (handing over)</source>
        <translation>收银员（交班人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken over by</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed at</source>
        <translation>日结时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt numbers</source>
        <translation>票据号段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>缴费方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reversed</source>
        <translation>冲正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposits taken</source>
        <translation>收押金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposits refunded</source>
        <translation>退押金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary parking</source>
        <translation>临时停车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash in less cash out</source>
        <translation>现金收入减支出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash expected</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash counted</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>surplus</source>
        <translation>长款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shortage</source>
        <translation>短款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>差额说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over (signature)</source>
        <translation>交班人签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken over (signature)</source>
        <translation>接班人签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finance lead (signature)</source>
        <translation>财务主管签字</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Day-end %1 %2.pdf</source>
        <translation>日结 %1 %2.pdf</translation>
    </message>
</context>
<context>
    <name>DayClosing</name>
    <message>
        <location filename="../../ui/fees/closing.py" line="+54"/>
        <source>Method</source>
        <translation>缴费方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reversed</source>
        <translation>冲正</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deposits in / out</source>
        <translation>押金 收 / 退</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parking</source>
        <translation>临时停车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+284"/>
        <source>Day-end closing…</source>
        <translation>日结交班…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Totals by method, cash count and handover</source>
        <translation>按缴费方式汇总、清点现金并交班</translation>
    </message>
</context>
<context>
    <name>DayClosingDialog</name>
    <message>
        <location line="-250"/>
        <source>Day-end closing</source>
        <translation>日结交班</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Why the cash differs, e.g. change short</source>
        <translation>现金差额原因，例如找零少找</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who takes over the next shift</source>
        <translation>下一班接班人</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opening float (¥)</source>
        <translation>备用金（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash expected</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash counted (¥) *</source>
        <translation>实点现金（元）*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>差额说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over to *</source>
        <translation>交接给 *</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close day</source>
        <translation>日结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print sheet…</source>
        <translation>打印日结单…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save sheet PDF…</source>
        <translation>保存日结单 PDF…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 entries; receipts %2</source>
        <translation>共 %1 笔；票据号 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Closed at %1, handed over to %2</source>
        <translation>已于 %1 日结，交接给 %2</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Day-end closing sheet</source>
        <translation>日结交班单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save closing sheet PDF</source>
        <translation>保存日结单 PDF</translation>
    </message>
</context>
</TS>
