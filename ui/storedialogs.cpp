#include "storedialogs.h"

#include "store/store.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QLabel *problemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b10e1e; font-weight: bold;"));
    label->setAccessibleName(QObject::tr("Problem"));
    label->hide();
    return label;
}

void showProblem(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

// Name and code fields with their labels and mnemonics, added to `form`.
void addAuthorityFields(QFormLayout *form, QWidget *parent, QLineEdit **name, QLineEdit **code)
{
    *name = new QLineEdit(parent);
    (*name)->setPlaceholderText(QObject::tr("e.g. Westshire County Council"));
    (*name)->setMaxLength(100);
    *code = new QLineEdit(parent);
    (*code)->setPlaceholderText(QObject::tr("e.g. 926 or E10000020 (optional)"));
    (*code)->setMaxLength(9);
    form->addRow(QObject::tr("Authority &name"), *name);
    form->addRow(QObject::tr("DfE authority &code"), *code);
}

QString checkAuthority(const QString &name, const QString &code)
{
    if (name.trimmed().isEmpty())
        return QObject::tr("Give the authority's name: it titles the window, the charts and the packs.");
    if (!code.trimmed().isEmpty() && !Store::isLaCode(code.trimmed().toUpper()))
        return QObject::tr("'%1' is not a DfE authority code: give the three-digit LA number (e.g. 926) or the ONS code (e.g. E10000020).")
            .arg(code.trimmed());
    return {};
}

} // namespace

AuthorityDialog::AuthorityDialog(const QString &intro, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Whose data is this?"));
    auto *text = new QLabel(intro, this);
    text->setWordWrap(true);
    auto *form = new QFormLayout;
    addAuthorityFields(form, this, &m_name, &m_code);
    m_problem = ::problemLabel(this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Replace the demo"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QString AuthorityDialog::name() const
{
    return m_name->text().simplified();
}

QString AuthorityDialog::laCode() const
{
    return m_code->text().trimmed().toUpper();
}

void AuthorityDialog::accept()
{
    const QString problem = checkAuthority(m_name->text(), m_code->text());
    showProblem(m_problem, problem);
    if (problem.isEmpty())
        QDialog::accept();
}

StoreDialog::StoreDialog(Mode mode, QWidget *parent) : QDialog(parent), m_mode(mode)
{
    setWindowTitle(mode == Mode::Open ? tr("Open store") : tr("New store"));
    auto *text = new QLabel(mode == Mode::Open
                                ? tr("A Careboard store: a file on this computer, or a shared PostgreSQL database "
                                     "(postgresql://USER@HOST/DATABASE; the password comes from ~/.pgpass, never the address).")
                                : tr("A new, empty store: a new file, or an empty PostgreSQL database your administrator has made. "
                                     "Then import your 903 and CIN returns from the Data screen."),
                            this);
    text->setWordWrap(true);
    m_location = new QLineEdit(this);
    m_location->setPlaceholderText(tr("a file such as careboard.sqlite, or postgresql://user@server/careboard"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &StoreDialog::browse);
    auto *where = new QHBoxLayout;
    where->addWidget(m_location, 1);
    where->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Store"), where);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(where)))
        label->setBuddy(m_location);
    if (mode == Mode::New)
        addAuthorityFields(form, this, &m_name, &m_code);
    m_problem = ::problemLabel(this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Open ? tr("Open") : tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(620);
}

StoreDialog::~StoreDialog() = default;

void StoreDialog::browse()
{
    const QString path = m_mode == Mode::Open
        ? QFileDialog::getOpenFileName(this, tr("Open store"), QString(), tr("Careboard stores (*.sqlite *.db);;All files (*)"))
        : QFileDialog::getSaveFileName(this, tr("New store"), QStringLiteral("careboard.sqlite"), tr("Careboard stores (*.sqlite)"));
    if (!path.isEmpty())
        m_location->setText(path);
}

std::unique_ptr<Store> StoreDialog::takeStore()
{
    return std::move(m_store);
}

void StoreDialog::accept()
{
    const QString location = m_location->text().trimmed();
    QString problem;
    const bool server = location.startsWith(QLatin1String("postgres"));
    if (location.isEmpty())
        problem = tr("Give the store's file or PostgreSQL address.");
    else if (m_mode == Mode::Open && !server && !QFileInfo::exists(location))
        problem = tr("There is no file %1. To start a new store, use File ▸ New store….").arg(location);
    else if (m_mode == Mode::New && !server && QFileInfo::exists(location))
        problem = tr("%1 already exists: choose a new file name, or open it with File ▸ Open store….").arg(location);
    else if (m_mode == Mode::New)
        problem = checkAuthority(m_name->text(), m_code->text());
    if (problem.isEmpty()) {
        QString error;
        auto store = Store::open(location, &error);
        if (!store) {
            problem = error;
        } else if (m_mode == Mode::New) {
            if (store->hasCaseData())
                problem = tr("%1 already holds an authority's data: open it with File ▸ Open store….").arg(location);
            else if (!store->setAuthority(m_name->text(), m_code->text(), &error))
                problem = error;
        }
        if (problem.isEmpty())
            m_store = std::move(store);
    }
    showProblem(m_problem, problem);
    if (problem.isEmpty())
        QDialog::accept();
}
