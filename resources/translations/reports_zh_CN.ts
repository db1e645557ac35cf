<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/reports/page.py" line="+130"/>
        <source>Suggested period</source>
        <translation>建议期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 3 months</source>
        <translation>近三个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+138"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+97"/>
        <location line="+2"/>
        <source>Estates: %1</source>
        <translation>管理处:%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Preparing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%1 — %n row(s)</source>
        <translation>
            <numerusform>%1 — %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing in this period — choose another period or estate.</source>
        <translation>此期间没有数据——请选择其他期间或管理处。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Export XLSX</source>
        <translation>导出 XLSX</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="+84"/>
        <source>Double-click to open</source>
        <translation>双击打开</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Target %1%</source>
        <translation>目标 %1%</translation>
    </message>
</context>
</TS>
