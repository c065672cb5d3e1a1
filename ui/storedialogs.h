#pragma once
// The dialogs that choose a store and say whose data it holds (issue 21):
// - StoreDialog: File ▸ Open store… (a file on this computer or a PostgreSQL address) and
//   File ▸ New store… (a new file, or an empty PostgreSQL database, with the authority's name);
// - AuthorityDialog: asked when real returns replace the demo, so that the title, the chart
//   legends and the packs name the authority, not "Norfield (demo authority)".
// Each validates before it closes: a bad address or code keeps the dialog open with the reason.
#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class Store;

class AuthorityDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AuthorityDialog(const QString &intro, QWidget *parent = nullptr);
    QString name() const;
    QString laCode() const;
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *codeEdit() const { return m_code; }
    QLabel *problemLabel() const { return m_problem; }
    void accept() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_code;
    QLabel *m_problem;
};

class StoreDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Open, New };
    StoreDialog(Mode mode, QWidget *parent = nullptr);
    ~StoreDialog() override;

    QLineEdit *locationEdit() const { return m_location; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *codeEdit() const { return m_code; }
    QLabel *problemLabel() const { return m_problem; }
    // The store opened (or created and named) when the dialog was accepted.
    std::unique_ptr<Store> takeStore();
    void accept() override;

private:
    void browse();

    Mode m_mode;
    QLineEdit *m_location;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_problem;
    std::unique_ptr<Store> m_store;
};
