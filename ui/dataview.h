#pragma once
// The Data screen (PRODUCT §2.6): import the authority's files (File ▸ Import, or drop them on
// the window) with a progress dialog that can cancel, the returns and imports loaded, and the
// data-quality findings to fix at source.
#include "exportaction.h"

#include "store/storeroles.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
QT_END_NAMESPACE

class FindingsModel;
class Store;

class DataView : public QWidget
{
    Q_OBJECT
public:
    enum class Ask { User, Never };

    // `access`: what the connected user may do (imports, child-level findings); everything by default.
    explicit DataView(Store &store, const StoreRoles::Access &access = {}, QWidget *parent = nullptr);

    // Imports the files together in a worker thread (its own connection to the store), showing
    // the rows read with Cancel; returns when done. With Ask::Never no question is asked (a demo
    // store is then replaced). Returns true if the data were imported.
    bool importFiles(const QStringList &paths, Ask ask = Ask::User);
    // The authority named when an import with Ask::Never replaces the demo (tests, scripts).
    void setReplacementAuthority(const QString &name, const QString &laCode)
    {
        m_replacementAuthority = name;
        m_replacementLaCode = laCode;
    }
    void refresh();

    FindingsModel *findingsModel() const { return m_findings; }
    QString lastReport() const;
    // What Export… offers: the data-quality findings as filtered on screen (child-level), the imports.
    QVector<ExportItem> exportItems() const;

public slots:
    // Asks for files and imports them.
    void chooseAndImport();

signals:
    // New data are in the store: screens should reload.
    void imported();

private:
    Store &m_store;
    StoreRoles::Access m_access;
    QLabel *m_returns;
    QTableWidget *m_imports;
    FindingsModel *m_findings;
    QSortFilterProxyModel *m_findingsProxy;
    QTableView *m_findingsView;
    QLineEdit *m_filter;
    QLabel *m_findingsTitle;
    QPlainTextEdit *m_report;
    QString m_replacementAuthority, m_replacementLaCode;
};
