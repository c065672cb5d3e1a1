#include "packdialog.h"

#include "domain/indicatorengine.h"
#include "reportpack.h"
#include "reportrenderer.h"
#include "store/store.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPageLayout>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

PackDialog::PackDialog(Store &store, IndicatorEngine &engine, QWidget *parent)
    : QDialog(parent), m_store(store), m_engine(engine)
{
    setWindowTitle(tr("Export report pack"));
    m_at = new QDateEdit(engine.dataEnd().isValid() ? engine.dataEnd() : QDate::currentDate(), this);
    m_at->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_at->setCalendarPopup(true);
    m_public = new QCheckBox(tr("Public version: counts of 1–5 and figures derived from them shown as \"c\"; "
                                "no pages about individual children"), this);
    m_path = new QLineEdit(QSettings().value(QStringLiteral("export/folder"),
                                             QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString()
                               + QStringLiteral("/careboard-report-pack.pdf"), this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Report to"), m_at);
    form->addRow(QString(), m_public);
    form->addRow(tr("File"), row);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *previewButton = buttons->addButton(tr("Print preview…"), QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PackDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PackDialog::reject);
    connect(previewButton, &QPushButton::clicked, this, &PackDialog::preview);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export report pack to"), m_path->text(), tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            m_path->setText(path);
    });
    resize(640, sizeHint().height());
}

void PackDialog::accept()
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    int pages = 0;
    const ReportDocument doc = ReportPack::build(m_store, m_engine, m_at->date(), m_public->isChecked());
    if (!ReportRenderer::writePdf(doc, m_path->text(), &error, &pages)) {
        m_status->setStyleSheet(QStringLiteral("color: #a01010"));
        m_status->setText(error);
        return;
    }
    QSettings().setValue(QStringLiteral("export/folder"), QFileInfo(m_path->text()).absolutePath());
    m_status->setText(tr("Wrote %1 pages in %2 ms.").arg(pages).arg(timer.elapsed()));
    QDialog::accept();
}

void PackDialog::preview()
{
    const ReportDocument doc = ReportPack::build(m_store, m_engine, m_at->date(), m_public->isChecked());
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    printer.setFullPage(true);
    QPrintPreviewDialog dialog(&printer, this);
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [&doc](QPrinter *p) { ReportRenderer::paint(doc, p); });
    dialog.resize(1000, 900);
    dialog.exec();
}
