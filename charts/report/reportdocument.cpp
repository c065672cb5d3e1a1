#include "reportdocument.h"

ReportBlock ReportBlock::heading(const QString &text, int level)
{
    ReportBlock b;
    b.kind = Heading;
    b.text = text;
    b.level = level;
    return b;
}

ReportBlock ReportBlock::paragraph(const QString &text)
{
    ReportBlock b;
    b.kind = Paragraph;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::chartBlock(std::function<QChart *()> build, double heightMm)
{
    ReportBlock b;
    b.kind = Chart;
    b.chart = std::move(build);
    b.chartHeightMm = heightMm;
    return b;
}

ReportBlock ReportBlock::tableBlock(const TableData &table)
{
    ReportBlock b;
    b.kind = Table;
    b.table = table;
    return b;
}

ReportBlock ReportBlock::pageBreak()
{
    ReportBlock b;
    b.kind = PageBreak;
    return b;
}

bool ReportDocument::hasChildLevelRows() const
{
    if (publicMode)
        return false; // child-level tables are never printed in public mode
    for (const ReportBlock &b : blocks)
        if (b.kind == ReportBlock::Table && b.table.childLevel && !b.table.rows.isEmpty())
            return true;
    return false;
}

QString ReportDocument::marking() const
{
    return hasChildLevelRows() ? QStringLiteral("OFFICIAL-SENSITIVE") : QStringLiteral("OFFICIAL");
}
