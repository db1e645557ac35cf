<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../ui/fees/dialogs.py" line="+55"/>
        <source>Correct a bill</source>
        <translation>调整账单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>-20.00 lowers the bill, 20.00 raises it</source>
        <translation>-20.00 为减免，20.00 为增加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why, e.g. compensation for a water leak</source>
        <translation>原因，如：漏水补偿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bill line</source>
        <translation>账单明细</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (¥) *</source>
        <translation>金额（¥）*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
</context>
<context>
    <name>ArrearsTab</name>
    <message>
        <location filename="../../ui/fees/arrears.py" line="+80"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="-33"/>
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
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credit</source>
        <translation>预存/多缴</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Net owed</source>
        <translation>净欠费</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No arrears: every overdue bill is paid.</source>
        <translation>没有欠费：所有到期账单均已缴清。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 units, net owed %2</source>
        <translation>%1 户，净欠费 %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export arrears</source>
        <translation>导出欠费表</translation>
    </message>
</context>
<context>
    <name>BillsTab</name>
    <message>
        <location filename="../../ui/fees/bills.py" line="+67"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Month&apos;s shared water and electricity, e.g. 10000.00</source>
        <translation>本月公摊水电费总额，如 10000.00</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rate</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No bills for this month yet — press “Run billing” (Ctrl+B) to issue them.</source>
        <translation>本月尚未出账——按“生成账单”(Ctrl+B) 出账。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+78"/>
        <source>Run billing</source>
        <translation>生成账单</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Apportion shared cost</source>
        <translation>分摊公摊费用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 lines, total %2</source>
        <translation>%1 条，合计 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Issue the bills of %1 for every unit?</source>
        <translation>为所有房屋生成 %1 的账单？</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Issuing bills…</source>
        <translation>正在生成账单…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2 lines issued (%3), %4 already issued.</source>
        <translation>%1：新出账 %2 条（%3），已出账 %4 条。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Billing run cancelled; no bill was issued.</source>
        <translation>已取消出账，未开出任何账单。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Shared cost %1 split over %2 units.</source>
        <translation>公摊费用 %1 已分摊到 %2 户。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export bills</source>
        <translation>导出账单</translation>
    </message>
</context>
<context>
    <name>CashTendered</name>
    <message>
        <location filename="../../ui/fees/counter_cash.py" line="+56"/>
        <source>Cash tendered (¥) *</source>
        <translation>实收现金（¥）*</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Change %1</source>
        <translation>找零 %1</translation>
    </message>
</context>
<context>
    <name>CollectPrepaymentDialog</name>
    <message>
        <location filename="../../ui/fees/prepayment.py" line="+165"/>
        <source>Shared utilities prepayment</source>
        <translation>公摊水电费预收款</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left now</source>
        <translation>当前余额</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Who pays (optional)</source>
        <translation>缴款人（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (¥) *</source>
        <translation>金额（¥）*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method *</source>
        <translation>缴费方式 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payer</source>
        <translation>缴款人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the monthly shares of shared water and electricity use it.</source>
        <translation>仅用于每月分摊的公摊水电费，不抵扣物业管理费等其他费用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take prepayment</source>
        <translation>收取预收款</translation>
    </message>
</context>
<context>
    <name>CollectionTab</name>
    <message>
        <location filename="../../ui/fees/collection.py" line="+27"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: nothing billed</source>
        <translation>%1：无应收</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>target met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below target</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 management fee collection rate %2 (target %3, %4)</source>
        <translation>%1 管理费收费率 %2（目标 %3，%4）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Management fee: collected %1 of %2 receivable. Collected = payments applied to the month&apos;s bills; receivable = the month&apos;s bills after adjustments.</source>
        <translation>管理费：应收 %2，已收 %1。已收 = 冲抵当月账单的缴款；应收 = 当月账单（含调整）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2 (%3 of %4)</source>
        <translation>%1 %2（%4 中已收 %3）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Management fee collection rate %</source>
        <translation>管理费收费率 %</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Management fee collection rate, last 12 months</source>
        <translation>近 12 个月管理费收费率</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>CounterCash</name>
    <message>
        <location filename="../../ui/fees/counter_cash.py" line="+29"/>
        <source>Record a payment of %1 (%2) from %3? It is above %4.</source>
        <translation>确认收取 %3 的 %1（%2）？该金额超过 %4。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>It is above %1.</source>
        <translation>金额超过 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Large payment</source>
        <translation>大额收款</translation>
    </message>
</context>
<context>
    <name>CounterSettingsBox</name>
    <message>
        <location filename="../../ui/fees/counter_settings.py" line="+37"/>
        <source>Counter and receipts</source>
        <translation>收费台与收据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For this computer&apos;s printer; receipts print on it.</source>
        <translation>按本机打印机设置，收据打印在此纸张上。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Receipt paper</source>
        <translation>收据纸张</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm payments above (¥)</source>
        <translation>收款超过此金额须确认（元）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Receipts print on %1.</source>
        <translation>收据将打印在%1上。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>CounterTab</name>
    <message>
        <location filename="../../ui/fees/counter.py" line="+84"/>
        <source>Find a unit to take a payment</source>
        <translation>查找房屋后收款</translation>
    </message>
    <message>
        <location filename="../../ui/fees/counter_columns.py" line="+16"/>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未缴</translation>
    </message>
    <message>
        <location filename="../../ui/fees/counter.py" line="+6"/>
        <source>Nothing open: this unit owes nothing.</source>
        <translation>无未缴账单：该户没有欠费。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Who pays (optional)</source>
        <translation>缴款人（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+91"/>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Take payment (Ctrl+Enter)</source>
        <translation>收款 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Payment</source>
        <translation>缴款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amount (¥) *</source>
        <translation>金额（¥）*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method *</source>
        <translation>支付方式 *</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/fees/counter_columns.py" line="+23"/>
        <source>Payer</source>
        <translation>缴款人</translation>
    </message>
    <message>
        <location line="+300"/>
        <source>Change %1.</source>
        <translation>找零 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/counter_columns.py" line="-7"/>
        <source>Receipt No.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/fees/counter.py" line="-282"/>
        <source>Print receipt…</source>
        <translation>打印收据…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save receipt PDF…</source>
        <translation>保存收据 PDF…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reverse payment…</source>
        <translation>冲正缴款…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Refund credit…</source>
        <translation>退还预存款…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Find unit</source>
        <translation>查找房屋</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Correct bill…</source>
        <translation>调整账单…</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Temporary parking…</source>
        <translation>临时停车收费…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Deposits…</source>
        <translation>押金…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parking spaces…</source>
        <translation>车位…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Renovation fee…</source>
        <translation>装修管理费…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open bill lines (select some to pay only those)</source>
        <translation>未缴账单（选中部分行则只缴这些）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payments of this unit</source>
        <translation>该户缴款记录</translation>
    </message>
    <message>
        <location filename="../../ui/fees/counter_actions.py" line="+89"/>
        <source>Correct bill</source>
        <translation>调整账单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the bill line to correct first.</source>
        <translation>请先选中要调整的账单明细。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Charge the one-off renovation management fee to %1?</source>
        <translation>向 %1 收取一次性装修管理服务费？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Renovation fee</source>
        <translation>装修管理费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/counter.py" line="+101"/>
        <source>Owes %1</source>
        <translation>欠费 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credit %1 (paid in advance or twice)</source>
        <translation>余额 %1（预缴或重复缴款）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing owed</source>
        <translation>无欠费</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Receipt %1: %2 received.</source>
        <translation>收据 %1：已收 %2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 kept as credit for the next bills.</source>
        <translation>%1 作为预存抵扣下期账单。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/counter_actions.py" line="-77"/>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save receipt PDF</source>
        <translation>保存收据 PDF</translation>
    </message>
</context>
<context>
    <name>DepositsDialog</name>
    <message>
        <location filename="../../ui/fees/unit_dialogs.py" line="+116"/>
        <source>Deposits</source>
        <translation>押金</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Receipt No.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken</source>
        <translation>收取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held</source>
        <translation>在押</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+93"/>
        <source>Payer</source>
        <translation>缴款人</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Take deposit</source>
        <translation>收取押金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund selected…</source>
        <translation>退还选中押金…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take a deposit</source>
        <translation>收取押金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (¥) *</source>
        <translation>金额（¥）*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method *</source>
        <translation>支付方式 *</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Take a deposit (%1) of %2 by %3?</source>
        <translation>收取押金（%1）%2，%3？</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Refund deposit No. %1, %2?</source>
        <translation>退还押金 %1，金额 %2？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refund deposit</source>
        <translation>退还押金</translation>
    </message>
</context>
<context>
    <name>FeePrint</name>
    <message>
        <location filename="../../ui/fees/printing.py" line="+65"/>
        <source>Three-part receipt paper 241 × 93 mm (dot-matrix)</source>
        <translation>三联收据纸 241 × 93 mm（针式打印机）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+102"/>
        <location line="+69"/>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity × rate</source>
        <translation>数量 × 单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advance payment (credit)</source>
        <translation>预缴（余额）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total in capital numerals</source>
        <translation>合计金额（大写）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash tendered</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered</source>
        <translation>入场时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>出场时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier signature</source>
        <translation>收款人签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment reminder</source>
        <translation>催缴通知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+69"/>
        <source>Receipt No.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+69"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payer</source>
        <translation>缴款人</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+65"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Balance still owed</source>
        <translation>尚欠金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit balance</source>
        <translation>账户余额</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Temporary parking receipt</source>
        <translation>临时停车收据</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dear %1, our records show that unit %2 owes overdue property fees of %3. Please pay at the customer service centre, or by WeChat Pay or bank transfer, within 7 days. If you have already paid, please ignore this letter. Thank you for your support.</source>
        <translation>尊敬的%1：经核对，您的房屋 %2 尚欠物业费 %3 已逾期。请于 7 日内到客户服务中心缴纳，或通过微信支付、银行转账缴纳。如已缴纳，请忽略本函。感谢您的支持与配合！</translation>
    </message>
</context>
<context>
    <name>FeeRules</name>
    <message>
        <location filename="../../ui/fees/labels.py" line="+58"/>
        <location filename="../../ui/settings/fee_rules.py" line="+32"/>
        <source>Every bill line is computed exactly and rounded once, half up (ROUND_HALF_UP) to 0.01 yuan. Shared costs are split by floor area with the largest-remainder method, so the parts always add up exactly to the total.</source>
        <translation>每条账单明细先精确计算，再按四舍五入（ROUND_HALF_UP）一次保留到 0.01 元（分）。公摊费用按建筑面积以最大余额法分摊，各户之和始终恰好等于总额。</translation>
    </message>
</context>
<context>
    <name>FeeRulesBox</name>
    <message>
        <location filename="../../ui/settings/fee_rules.py" line="+16"/>
        <source>Fee rules</source>
        <translation>收费规则</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Charge late fees</source>
        <translation>收取滞纳金</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The prepayment per household is the fee schedule&apos;s rate of shared water and electricity (500.00 by default).</source>
        <translation>每户预收额为收费标准中“公摊水电费”的单价（默认 500.00）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rounding</source>
        <translation>舍入规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due day of the month</source>
        <translation>每月缴费日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacancy: share paid (0.70 = 70%)</source>
        <translation>空置：收费比例（0.70 = 70%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacancy: whole months vacant</source>
        <translation>空置：连续空置整月数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacancy applies to</source>
        <translation>空置优惠适用于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late fee per day (0.0003 = 0.03%)</source>
        <translation>滞纳金日费率（0.0003 = 0.03%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grace days</source>
        <translation>宽限天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap (share of the arrears)</source>
        <translation>上限（占欠费比例）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared utilities prepayment: top-up due below (¥)</source>
        <translation>公摊水电费预收款：余额低于此数需续交（¥）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Rules saved; they apply from the next billing run.</source>
        <translation>规则已保存，自下次出账起生效。</translation>
    </message>
</context>
<context>
    <name>FeeWords</name>
    <message>
        <location filename="../../ui/fees/labels.py" line="-46"/>
        <source>Residential management fee</source>
        <translation>住宅物业管理服务费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commercial management fee</source>
        <translation>商业管理服务费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared water and electricity</source>
        <translation>公摊水电费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renovation management fee</source>
        <translation>装修管理服务费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared parking space</source>
        <translation>共用车位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dedicated parking space</source>
        <translation>专用车位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open-air parking</source>
        <translation>露天车位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary parking</source>
        <translation>临时停放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid repair</source>
        <translation>有偿维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renovation deposit</source>
        <translation>装修押金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass deposit</source>
        <translation>出入证押金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IC card deposit</source>
        <translation>IC 卡押金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Management fee</source>
        <translation>管理费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parking</source>
        <translation>车位费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared utilities</source>
        <translation>公摊水电费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other fees</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All fees</source>
        <translation>全部费用</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+1"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment</source>
        <translation>缴款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared utilities prepayment</source>
        <translation>公摊水电费预收款</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>per m² per month</source>
        <translation>元/㎡/月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per space per month</source>
        <translation>元/个/月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per m², once</source>
        <translation>元/㎡（一次性）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per stay of 1–12 h</source>
        <translation>元/次（1–12 小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>actual cost shared by area</source>
        <translation>按面积分摊实际费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refundable deposit</source>
        <translation>可退押金</translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message>
        <location filename="../../ui/fees/page.py" line="+34"/>
        <source>Counter</source>
        <translation>前台收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bills</source>
        <translation>账单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrears</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collection rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders</source>
        <translation>催缴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee schedule</source>
        <translation>收费标准</translation>
    </message>
</context>
<context>
    <name>ParkingDialog</name>
    <message>
        <location filename="../../ui/fees/unit_dialogs.py" line="+15"/>
        <source>Parking spaces</source>
        <translation>车位</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Space</source>
        <translation>车位号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+181"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>Billed</source>
        <translation>计费中</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Add space</source>
        <translation>添加车位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop billing selected</source>
        <translation>停止计费选中车位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a space</source>
        <translation>添加车位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space No. *</source>
        <translation>车位号 *</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Prepayment</name>
    <message>
        <location filename="../../ui/fees/prepayment.py" line="-136"/>
        <source>Not collected</source>
        <translation>未预收</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top-up due</source>
        <translation>需续交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enough</source>
        <translation>充足</translation>
    </message>
    <message>
        <location line="+164"/>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left</source>
        <translation>余额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last share</source>
        <translation>上月分摊</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shares owed</source>
        <translation>欠分摊额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Top-up</source>
        <translation>建议续交</translation>
    </message>
</context>
<context>
    <name>PrepaymentPanel</name>
    <message>
        <location line="-171"/>
        <source>Collect prepayment…</source>
        <translation>收公摊预收款…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared water and electricity are paid from it each month</source>
        <translation>每月分摊的公摊水电费从中扣缴</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Shared utilities prepayment: not collected yet (%1 a household)</source>
        <translation>公摊水电费预收款：尚未预收（每户 %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared utilities prepayment left: %1 (last month&apos;s share %2)</source>
        <translation>公摊水电费预收款余额：%1（上月分摊 %2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Top-up due: %1</source>
        <translation>需续交：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Receipt %1: prepayment %2 received.</source>
        <translation>收据 %1：已收预收款 %2。</translation>
    </message>
</context>
<context>
    <name>RefundCreditDialog</name>
    <message>
        <location filename="../../ui/fees/dialogs.py" line="+81"/>
        <location line="+58"/>
        <source>Refund credit</source>
        <translation>退还预存款</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit held</source>
        <translation>预存余额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why, e.g. moving out</source>
        <translation>原因，例如：搬离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (¥) *</source>
        <translation>金额（¥）*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid back by *</source>
        <translation>退款方式 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Refund %1 of credit to %2?</source>
        <translation>向 %2 退还预存款 %1？</translation>
    </message>
</context>
<context>
    <name>RemindersTab</name>
    <message>
        <location filename="../../ui/fees/reminders.py" line="+80"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+7"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="-6"/>
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
        <source>Net owed</source>
        <translation>净欠费</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>What came of it, e.g. will pay on Friday</source>
        <translation>催缴结果，如：答应周五缴清</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+85"/>
        <source>Record reminder</source>
        <translation>登记催缴</translation>
    </message>
    <message>
        <location line="-123"/>
        <location line="+63"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+68"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Amount due</source>
        <translation>欠费金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Print letters…</source>
        <translation>打印催缴函…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save letters PDF…</source>
        <translation>保存催缴函 PDF…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Record a reminder for the selected units</source>
        <translation>为选中的房屋登记催缴</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reminder log</source>
        <translation>催缴记录</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 debtors not reminded since %2 (reminders go out on the 10th and the 25th).</source>
        <translation>%1 户欠费自 %2 起未催缴（每月 10 日和 25 日催缴）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select the units reminded first.</source>
        <translation>请先选中已催缴的房屋。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Payment reminders</source>
        <translation>催缴通知书</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save letters PDF</source>
        <translation>保存催缴函 PDF</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <location filename="../../ui/fees/dialogs.py" line="-95"/>
        <location line="+12"/>
        <source>Reverse payment</source>
        <translation>冲正收款</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Reverse receipt No. %1, %2?</source>
        <translation>冲正收据 %1，金额 %2？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why, e.g. taken for the wrong unit</source>
        <translation>原因，例如：收错房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <location filename="../../ui/fees/schedule.py" line="+40"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rate</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Basis</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>YYYY-MM-DD, e.g. 2026-07-01</source>
        <translation>YYYY-MM-DD，如 2026-07-01</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Add rate change</source>
        <translation>新增调价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New rate from a date on (earlier bills never change)</source>
        <translation>自某日起的新单价（已出账单不变）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item *</source>
        <translation>收费项目 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate (¥, up to 4 decimals) *</source>
        <translation>单价（¥，最多 4 位小数）*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective from *</source>
        <translation>生效日期 *</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How bills are computed</source>
        <translation>账单计算规则</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The due day, the vacancy discount and late fees are set in Settings, under Fee rules.</source>
        <translation>缴费日、空置优惠和滞纳金在“设置”的“收费规则”中设定。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 is %2 from %3.</source>
        <translation>%1 自 %3 起为 %2。</translation>
    </message>
</context>
<context>
    <name>TemporaryStayDialog</name>
    <message>
        <location filename="../../ui/fees/parking_stay.py" line="+73"/>
        <source>Temporary parking</source>
        <translation>临时停车收费</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. 粤B12345</source>
        <translation>例如 粤B12345</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 h to 12 h, both included: one fee; under 1 h: free</source>
        <translation>1 小时以上 12 小时以内（含两端）收费一次；不足 1 小时免费</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plate *</source>
        <translation>车牌号 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered *</source>
        <translation>入场时间 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left *</source>
        <translation>出场时间 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>应收费用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method *</source>
        <translation>缴费方式 *</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print again…</source>
        <translation>补打收据…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Charged today</source>
        <translation>今日已收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print receipt…</source>
        <translation>打印收据…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save receipt PDF…</source>
        <translation>收据另存为 PDF…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 (%2 a stay)</source>
        <translation>%1（每次 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Free (under 1 hour)</source>
        <translation>免费（不足 1 小时）</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Receipt %1: %2 received for %3.</source>
        <translation>收据 %1：已收 %3 停车费 %2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change %1.</source>
        <translation>找零 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+131"/>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save receipt PDF</source>
        <translation>收据另存为 PDF</translation>
    </message>
</context>
<context>
    <name>TopUpBox</name>
    <message>
        <location filename="../../ui/fees/prepayment.py" line="+112"/>
        <source>Shared utilities prepayment: units to collect or top up</source>
        <translation>公摊水电费预收款：待预收或续交的房屋</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 units; the household amount and the floor are in Settings, Fee rules.</source>
        <translation>共 %1 户；每户预收额与续交下限在“设置 › 收费规则”中设定。</translation>
    </message>
</context>
<context>
    <name>UnitFinder</name>
    <message>
        <location filename="../../ui/fees/unit_finder.py" line="+26"/>
        <source>Room (3-1502) or owner name — Ctrl+F</source>
        <translation>房号（3-1502）或业主姓名 — Ctrl+F</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n unit(s) found</source>
        <translation>
            <numerusform>找到 %n 户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No unit matches</source>
        <translation>没有匹配的房屋</translation>
    </message>
</context>
</TS>
