#include "preferencesdialog.h"

#include <QtCore/QSettings>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_reviewerEdit(new QLineEdit(reviewer(), this))
    , m_advanceBox(new QCheckBox(tr("After confirming or rejecting, go to the &next unreviewed entity"), this))
    , m_paperBox(new QComboBox(this))
{
    m_advanceBox->setChecked(advanceAfterDecision());
    setWindowTitle(tr("Preferences"));
    m_reviewerEdit->setPlaceholderText(tr("Your name, as decisions record it"));
    m_paperBox->addItem(tr("US Letter"));
    m_paperBox->addItem(tr("A4"));
    m_paperBox->setCurrentIndex(summaryOnA4() ? 1 : 0);

    auto *form = new QFormLayout;
    form->addRow(tr("&Reviewer name:"), m_reviewerEdit);
    form->addRow(QString(), m_advanceBox);
    form->addRow(tr("Summary &paper:"), m_paperBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(420, sizeHint().height());
}

QString PreferencesDialog::reviewer()
{
    const QString saved = QSettings().value(u"review/reviewer"_s).toString();
    return saved.isEmpty() ? accountName() : saved;
}

bool PreferencesDialog::hasReviewer()
{
    return !QSettings().value(u"review/reviewer"_s).toString().trimmed().isEmpty();
}

QString PreferencesDialog::accountName()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString v = qEnvironmentVariable(name);
        if (!v.isEmpty())
            return v;
    }
    return {};
}

bool PreferencesDialog::advanceAfterDecision()
{
    return QSettings().value(u"review/advanceAfterDecision"_s, true).toBool();
}

void PreferencesDialog::setReviewer(const QString &name)
{
    QSettings().setValue(u"review/reviewer"_s, name.trimmed());
}

bool PreferencesDialog::summaryOnA4()
{
    return QSettings().value(u"summary/a4"_s, false).toBool();
}

void PreferencesDialog::accept()
{
    if (!m_reviewerEdit->text().trimmed().isEmpty())
        setReviewer(m_reviewerEdit->text());
    QSettings().setValue(u"review/advanceAfterDecision"_s, m_advanceBox->isChecked());
    QSettings().setValue(u"summary/a4"_s, m_paperBox->currentIndex() == 1);
    QDialog::accept();
}
