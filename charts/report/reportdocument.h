#pragma once
// A document to export: a sequence of headings, paragraphs, charts and tables, with its security
// marking. The report pack, a single chart's export and the panel minutes are all one of these.
#include "core/tabledata.h"

#include <QDate>
#include <QString>
#include <QVector>
#include <functional>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

struct ReportBlock {
    enum Kind { Heading, Paragraph, Chart, Table, PageBreak };
    Kind kind = Paragraph;
    QString text;                          // heading or paragraph text
    int level = 1;                         // heading level; level 1 headings are listed in the contents
    std::function<QChart *()> chart;       // builds a new chart (the renderer owns and deletes it)
    double chartHeightMm = 105;
    TableData table;

    static ReportBlock heading(const QString &text, int level = 1);
    static ReportBlock paragraph(const QString &text);
    static ReportBlock chartBlock(std::function<QChart *()> build, double heightMm = 105);
    static ReportBlock tableBlock(const TableData &table);
    static ReportBlock pageBreak();
};

struct ReportDocument {
    QString title;
    QString authority;
    QString period;
    QDate produced = QDate::currentDate();
    bool publicMode = false;   // small numbers suppressed, child-level tables dropped
    bool titlePage = false;
    bool contents = false;
    QVector<ReportBlock> blocks;

    // OFFICIAL-SENSITIVE if any table has child-level rows (and the document is not public), else OFFICIAL.
    QString marking() const;
    bool hasChildLevelRows() const;
};
