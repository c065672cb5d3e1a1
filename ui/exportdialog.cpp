#include "exportdialog.h"

#include "reportrenderer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

ExportDialog::ExportDialog(const QString &title, const QString &authority, const ReportBlock &chart, const TableData &table,
                           QWidget *parent)
    : QDialog(parent), m_title(title), m_authority(authority), m_chart(chart), m_table(table)
{
    setWindowTitle(tr("Export — %1").arg(title));
    m_format = new QComboBox(this);
    if (m_chart.chart)
        m_format->addItem(tr("PDF — chart and its table (vector)"), QStringLiteral("pdf"));
    else
        m_format->addItem(tr("PDF — table"), QStringLiteral("pdf"));
    m_format->addItem(m_chart.chart ? tr("PNG — chart image") : tr("PNG — table image"), QStringLiteral("png"));
    m_format->addItem(tr("CSV — the numbers"), QStringLiteral("csv"));
    m_dpi = new QSpinBox(this);
    m_dpi->setRange(72, 600);
    m_dpi->setValue(200);
    m_dpi->setSuffix(tr(" dpi"));
    m_public = new QCheckBox(tr("Public version: show counts of 1–5, and figures derived from them, as \"c\""), this);
    m_public->setEnabled(!m_table.childLevel);
    m_path = new QLineEdit(this);
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #a01010"));

    auto *form = new QFormLayout;
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Resolution"), m_dpi);
    form->addRow(QString(), m_public);
    form->addRow(tr("File"), pathRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);

    const QString folder = QSettings().value(QStringLiteral("export/folder"),
                                             QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    QString base = title;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
    m_path->setText(folder + QLatin1Char('/') + base.toLower() + QStringLiteral(".pdf"));
    formatChanged();
    resize(620, sizeHint().height());
}

void ExportDialog::setPath(const QString &path) { m_path->setText(path); }
void ExportDialog::setPublicMode(bool on) { m_public->setChecked(on && m_public->isEnabled()); }

void ExportDialog::setFormat(const QString &format)
{
    const int i = m_format->findData(format);
    if (i >= 0)
        m_format->setCurrentIndex(i);
}

void ExportDialog::formatChanged()
{
    const QString format = m_format->currentData().toString();
    m_dpi->setEnabled(format == QLatin1String("png"));
    QFileInfo info(m_path->text());
    m_path->setText(info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + format);
}

void ExportDialog::browse()
{
    const QString format = m_format->currentData().toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text(),
                                                      tr("%1 files (*.%2)").arg(format.toUpper(), format));
    if (!path.isEmpty())
        m_path->setText(path);
}

ReportDocument ExportDialog::document() const
{
    ReportDocument doc;
    doc.title = m_title;
    doc.authority = m_authority;
    doc.publicMode = m_public->isChecked();
    doc.blocks << ReportBlock::heading(m_title);
    if (m_chart.chart)
        doc.blocks << chartFor(doc.publicMode);
    TableData table = m_table;
    if (table.title == m_title)
        table.title.clear(); // already the heading
    doc.blocks << ReportBlock::tableBlock(table);
    return doc;
}

bool ExportDialog::exportNow()
{
    const QString path = m_path->text().trimmed();
    const QString format = m_format->currentData().toString();
    const bool publicMode = m_public->isChecked();
    m_error.clear();
    bool ok = false;
    if (path.isEmpty())
        m_error = tr("Choose a file to export to.");
    else if (format == QLatin1String("pdf"))
        ok = ReportRenderer::writePdf(document(), path, &m_error);
    else if (format == QLatin1String("png"))
        ok = ReportRenderer::writePng(m_chart.chart ? chartFor(publicMode) : ReportBlock::tableBlock(m_table), publicMode, path, m_dpi->value(), &m_error);
    else
        ok = ReportRenderer::writeCsv(m_table, publicMode, path, &m_error);
    m_status->setText(ok ? QString() : m_error);
    if (ok)
        QSettings().setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    return ok;
}

void ExportDialog::accept()
{
    if (exportNow())
        QDialog::accept();
}
