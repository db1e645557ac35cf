<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard/page.py" line="+67"/>
        <source>Complaints overdue</source>
        <translation>逾期投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints due today</source>
        <translation>今日到期投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders waiting for a return visit</source>
        <translation>待回访工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys not returned</source>
        <translation>未归还钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspections due</source>
        <translation>应检巡查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrective actions overdue</source>
        <translation>逾期整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My open reception items</source>
        <translation>我的未结接待事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Management fee collected this month</source>
        <translation>本月管理费收费率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrears</source>
        <translation>欠费</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location line="+54"/>
        <source>Today</source>
        <translation>今日工作台</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing on the dashboard for your role.</source>
        <translation>您的角色在工作台上没有待办数字。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your role may not see the fee reports.</source>
        <translation>您的角色无权查看收费报表。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing billed in %1</source>
        <translation>%1 未出账</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>target %1 met</source>
        <translation>已达 %1 目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below target %1</source>
        <translation>未达 %1 目标</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2</source>
        <translation>应收 %2,实收 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n unit(s) owing as of %1</source>
        <translation>
            <numerusform>截至 %1 共 %n 户欠费</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location line="-152"/>
        <source>Open the list (Enter)</source>
        <translation>打开清单(回车)</translation>
    </message>
</context>
</TS>
