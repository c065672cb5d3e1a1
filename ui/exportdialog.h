#pragma once
// Export ▸ PDF / PNG / CSV for one chart and the table behind it, or the report pack as a PDF.
// Public mode suppresses counts 1-5 (and what derives from them); failures keep the dialog open
// with the user's choices and say why.
#include "reportdocument.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
QT_END_NAMESPACE

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // One chart (may be empty) and its table, named `title`, for `authority`.
    ExportDialog(const QString &title, const QString &authority, const ReportBlock &chart, const TableData &table,
                 QWidget *parent = nullptr);

    // The chosen file is written; returns false (and shows why) on failure.
    bool exportNow();
    void setPath(const QString &path);
    void setFormat(const QString &format); // "pdf", "png" or "csv"
    void setPublicMode(bool on);
    // The chart to use in public mode (drawn without figures resting on counts of 1-5).
    void setPublicChart(const ReportBlock &chart) { m_publicChart = chart; }
    QString lastError() const { return m_error; }

    void accept() override;

private:
    void browse();
    void formatChanged();
    ReportDocument document() const;

    QString m_title, m_authority;
    ReportBlock m_chart;
    ReportBlock m_publicChart;
    const ReportBlock &chartFor(bool publicMode) const { return publicMode && m_publicChart.chart ? m_publicChart : m_chart; }
    TableData m_table;
    QComboBox *m_format;
    QSpinBox *m_dpi;
    QCheckBox *m_public;
    QLineEdit *m_path;
    QLabel *m_status;
    QString m_error;
};
