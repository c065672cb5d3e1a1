#include "dataview.h"

#include "core/dates.h"
#include "domain/importer.h"
#include "itemmodels/findingsmodel.h"
#include "store/importstore.h"
#include "store/store.h"
#include "storedialogs.h"

#include <QApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <atomic>

namespace {

QString plural(qint64 n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(n), n == 1 ? one : many);
}

QFont larger(QFont f, int by, bool bold = false)
{
    f.setPointSize(f.pointSize() + by);
    f.setBold(bold);
    return f;
}

// What the worker thread hands back.
struct Outcome {
    Importer::Result result = Importer::Result::Failed;
    QStringList errors;
    int errorCount = 0;
    QStringList summaries;
    int findings = 0;
    QString failure;
};

} // namespace

DataView::DataView(Store &store, const StoreRoles::Access &access, QWidget *parent)
    : QWidget(parent), m_store(store), m_access(access)
{
    auto *heading = new QLabel(tr("Data — imports and data quality"), this);
    heading->setFont(larger(heading->font(), 6, true));
    auto *importButton = new QPushButton(tr("Import files…"), this);
    importButton->setFont(larger(importButton->font(), 2));
    importButton->setToolTip(tr("Import 903 (CSV or XML), CP, CIN, population, benchmark, placement cost or cost table files (Ctrl+I)"));
    connect(importButton, &QPushButton::clicked, this, &DataView::chooseAndImport);
    auto *hint = new QLabel(tr("… or drop files on the window. Each file's kind is recognised from its header row."), this);
    hint->setFont(larger(hint->font(), 1));
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addSpacing(24);
    top->addWidget(importButton);
    top->addWidget(hint);
    // Imports are an editor's; findings name children, so they are for panel members and above.
    importButton->setVisible(access.import);
    hint->setVisible(access.import);
    top->addStretch(1);

    m_returns = new QLabel(this);
    m_returns->setFont(larger(m_returns->font(), 3));
    m_returns->setWordWrap(true);

    auto *importsBox = new QGroupBox(tr("Imports"), this);
    importsBox->setFont(larger(importsBox->font(), 1, true));
    m_imports = new QTableWidget(0, 5, importsBox);
    m_imports->setFont(larger(font(), 1));
    m_imports->setHorizontalHeaderLabels({tr("File"), tr("Kind"), tr("Return"), tr("Rows"), tr("Imported")});
    m_imports->verticalHeader()->hide();
    m_imports->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_imports->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_imports->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_imports->horizontalHeader()->setStretchLastSection(true);
    auto *importsLayout = new QVBoxLayout(importsBox);
    importsLayout->addWidget(m_imports);

    auto *reportBox = new QGroupBox(tr("Last import"), this);
    reportBox->setFont(larger(reportBox->font(), 1, true));
    m_report = new QPlainTextEdit(reportBox);
    m_report->setReadOnly(true);
    m_report->setWordWrapMode(QTextOption::WordWrap);
    m_report->setFont(larger(font(), 1));
    m_report->setPlaceholderText(tr("The result of the next import shows here: what was loaded, or every error with its file and line."));
    auto *reportLayout = new QVBoxLayout(reportBox);
    reportLayout->addWidget(m_report);

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(importsBox);
    upper->addWidget(reportBox);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 2);

    auto *findingsBox = new QWidget(this);
    m_findingsTitle = new QLabel(findingsBox);
    m_findingsTitle->setFont(larger(font(), 3, true));
    m_filter = new QLineEdit(findingsBox);
    m_filter->setPlaceholderText(tr("Filter findings (file, rule, child, details)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(360);
    m_filter->setFont(larger(font(), 1));
    m_findings = new FindingsModel(this);
    m_findingsProxy = new QSortFilterProxyModel(this);
    m_findingsProxy->setSourceModel(m_findings);
    m_findingsProxy->setSortRole(FindingsModel::SortRole);
    m_findingsProxy->setFilterKeyColumn(-1);
    m_findingsProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_findingsProxy, &QSortFilterProxyModel::setFilterFixedString);
    m_findingsView = new QTableView(findingsBox);
    m_findingsView->setModel(m_findingsProxy);
    m_findingsView->setSortingEnabled(true);
    m_findingsView->sortByColumn(FindingsModel::File, Qt::AscendingOrder);
    m_findingsView->setFont(larger(font(), 1));
    m_findingsView->verticalHeader()->hide();
    m_findingsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findingsView->setWordWrap(false);
    m_findingsView->horizontalHeader()->setStretchLastSection(true);
    m_findingsView->setAccessibleName(tr("Data-quality findings"));
    auto *findingsTop = new QHBoxLayout;
    findingsTop->addWidget(m_findingsTitle, 1);
    findingsTop->addWidget(m_filter);
    findingsTop->addWidget(ExportAction::button(this, [this] { return m_store.authorityName(); }, [this] { return exportItems(); }));
    auto *findingsLayout = new QVBoxLayout(findingsBox);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addLayout(findingsTop);
    findingsLayout->addWidget(m_findingsView);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(upper);
    split->addWidget(findingsBox);
    findingsBox->setVisible(access.childLevel);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_returns);
    layout->addWidget(split, 1);
    refresh();
}

void DataView::refresh()
{
    ImportStore imports(m_store);
    const QVector<int> years = imports.returnYears();
    QStringList labels;
    for (int y : years)
        labels << Dates::financialYearLabel(y);
    m_returns->setText(years.isEmpty()
                           ? (m_store.isDemo() ? tr("903 returns loaded: none — this store holds the fictional demo authority.")
                                               : tr("903 returns loaded: none yet."))
                           : tr("903 returns loaded: %1").arg(labels.join(QStringLiteral(", "))));

    const QVector<ImportRecord> records = imports.imports();
    m_imports->setRowCount(int(records.size()));
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    for (int r = 0; r < records.size(); ++r) {
        const ImportRecord &i = records[r];
        const QDateTime at = QDateTime::fromString(i.importedAt, Qt::ISODate).toLocalTime();
        const QStringList cells = {i.fileName, i.kind, i.returnYear ? Dates::financialYearLabel(i.returnYear) : QString(),
                                   uk.toString(i.rowCount),
                                   QStringLiteral("%1 %2 by %3").arg(Dates::uk(at.date()), at.time().toString(QStringLiteral("HH:mm")), i.importedBy)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_imports->setItem(r, c, item);
        }
    }
    if (m_access.childLevel)
        m_findings->setFindings(imports.findings());
    m_findingsTitle->setText(m_findings->rowCount() == 0
                                 ? tr("Data-quality findings: none")
                                 : tr("Data-quality findings: %1 — fix them at source and import again").arg(uk.toString(m_findings->rowCount())));
    m_findingsView->resizeColumnsToContents();
    if (m_findingsView->columnWidth(FindingsModel::File) > 260)
        m_findingsView->setColumnWidth(FindingsModel::File, 260);
}

QString DataView::lastReport() const
{
    return m_report->toPlainText();
}

void DataView::chooseAndImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import files"), QString(),
                                                            tr("Data files (*.csv *.xml);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

bool DataView::importFiles(const QStringList &paths, Ask ask)
{
    if (!m_access.import) {
        m_report->setPlainText(tr("Nothing was imported: importing returns needs the editor role on this store (you are a %1).")
                                   .arg(m_access.roleName()));
        return false;
    }
    bool replaceDemo = false;
    QString authority, laCode;
    if (m_store.isDemo() && m_store.hasCaseData()) {
        if (ask == Ask::User) {
            // Whose data replaces the demo: the title, legends and packs name it from now on.
            AuthorityDialog dialog(tr("This store holds the fictional demo authority. Your files replace it: name the authority "
                                      "whose data they are.\n\n(To keep the demo, cancel and use File ▸ New store… for your data.)"),
                                   this);
            if (dialog.exec() != QDialog::Accepted)
                return false;
            authority = dialog.name();
            laCode = dialog.laCode();
        } else {
            authority = m_replacementAuthority;
            laCode = m_replacementLaCode;
        }
        replaceDemo = true;
    }

    std::atomic<qint64> rows{0};
    std::atomic<bool> cancel{false};
    Outcome outcome;
    const QString location = m_store.location();
    // The worker has its own connection: SQLite allows one writer and readers alongside (WAL).
    QThread *worker = QThread::create([&, location, paths, replaceDemo, authority, laCode] {
        QString error;
        auto store = Store::open(location, &error);
        if (!store) {
            outcome.failure = error;
            return;
        }
        Importer importer(*store);
        importer.setReplaceDemo(replaceDemo);
        importer.setNewAuthority(authority, laCode);
        importer.setProgressHandler([&](qint64 n) {
            rows = n;
            return !cancel.load();
        });
        outcome.result = importer.importFiles(paths);
        for (const ImportError &e : importer.errors())
            outcome.errors << e.text();
        outcome.errorCount = importer.errorCount();
        for (const ImportFileSummary &s : importer.summaries())
            outcome.summaries << s.text();
        outcome.findings = int(importer.findings().size());
        outcome.failure = importer.failure();
    });

    const QString what = tr("Importing %1…").arg(plural(paths.size(), tr("file"), tr("files")));
    QProgressDialog progress(what, tr("Cancel"), 0, 0, this);
    progress.setWindowTitle(tr("Import"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setMinimumWidth(420);
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    QTimer poll;
    connect(&poll, &QTimer::timeout, &progress, [&] {
        progress.setLabelText(tr("%1\n%2 read").arg(what, plural(rows.load(), tr("row"), tr("rows"))));
    });
    connect(&progress, &QProgressDialog::canceled, &progress, [&] {
        cancel = true;
        progress.setLabelText(tr("Cancelling: undoing everything read so far…"));
    });
    QEventLoop loop;
    connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    poll.start(100);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    poll.stop();
    progress.reset();
    QApplication::restoreOverrideCursor();

    QStringList report;
    const QString files = paths.size() == 1 ? QFileInfo(paths.first()).fileName() : tr("%1 files").arg(paths.size());
    switch (outcome.result) {
    case Importer::Result::Imported:
        report << tr("Imported %1.").arg(files) << outcome.summaries;
        if (outcome.findings)
            report << tr("%1 listed below.").arg(plural(outcome.findings, tr("data-quality finding"), tr("data-quality findings")));
        break;
    case Importer::Result::Invalid:
        report << tr("Nothing was imported: %1 in %2. Fix the file and import again.")
                      .arg(plural(outcome.errorCount, tr("error"), tr("errors")), files)
               << outcome.errors;
        if (outcome.errorCount > outcome.errors.size())
            report << tr("… and %1 more.").arg(plural(outcome.errorCount - outcome.errors.size(), tr("error"), tr("errors")));
        break;
    case Importer::Result::Cancelled:
        report << tr("Import of %1 cancelled: nothing was written.").arg(files);
        break;
    case Importer::Result::Failed:
        report << tr("Nothing was imported: %1").arg(outcome.failure);
        break;
    }
    m_report->setPlainText(report.join(QLatin1Char('\n')));
    refresh();
    if (outcome.result == Importer::Result::Imported) {
        emit imported();
        return true;
    }
    return false;
}

QVector<ExportItem> DataView::exportItems() const
{
    ExportItem findings;
    findings.title = tr("Data-quality findings");
    findings.table = TableData::fromModel(*m_findingsProxy, m_findingsTitle->text());
    findings.table.childLevel = true; // findings name children
    if (!m_filter->text().isEmpty())
        findings.table.note = tr("Filtered on \"%1\".").arg(m_filter->text());
    ExportItem imports;
    imports.title = tr("Imports");
    imports.table = TableData::fromModel(*m_imports->model(), imports.title);
    return {findings, imports};
}
