#include "exportdialog.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

ExportDialog::ExportDialog(const QString &suggestedPath, bool filterActive, QWidget *parent)
    : QDialog(parent)
    , m_pathEdit(new QLineEdit(QDir::toNativeSeparators(suggestedPath), this))
    , m_rejectedBox(new QCheckBox(tr("Include &rejected entities"), this))
    , m_bomBox(new QCheckBox(tr("Start with a UTF-8 &byte order mark (for Excel)"), this))
    , m_filteredBox(new QCheckBox(tr("Only what the entity &filter shows"), this))
{
    setWindowTitle(tr("Export CSV"));
    QSettings settings;
    m_rejectedBox->setChecked(settings.value(u"export/includeRejected"_s, false).toBool());
    m_bomBox->setChecked(settings.value(u"export/bom"_s, false).toBool());
    m_filteredBox->setEnabled(filterActive);
    m_filteredBox->setChecked(filterActive && settings.value(u"export/onlyFiltered"_s, false).toBool());
    if (!filterActive)
        m_filteredBox->setToolTip(tr("No filter is set in the entity panel"));

    auto *browseButton = new QPushButton(tr("Choose…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(browseButton);

    auto *form = new QFormLayout;
    // A label with a buddy shows "File:" with its mnemonic, not a literal "&File:".
    auto *pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setBuddy(m_pathEdit);
    form->addRow(pathLabel, pathRow);
    form->addRow(QString(), m_rejectedBox);
    form->addRow(QString(), m_bomBox);
    form->addRow(QString(), m_filteredBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QString ExportDialog::path() const
{
    return QDir::fromNativeSeparators(m_pathEdit->text().trimmed());
}

void ExportDialog::setPath(const QString &path)
{
    m_pathEdit->setText(QDir::toNativeSeparators(path));
}

bool ExportDialog::includeRejected() const
{
    return m_rejectedBox->isChecked();
}

bool ExportDialog::bom() const
{
    return m_bomBox->isChecked();
}

bool ExportDialog::onlyFiltered() const
{
    return m_filteredBox->isEnabled() && m_filteredBox->isChecked();
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export CSV"), path(),
                                                        tr("CSV files (*.csv);;All files (*)"));
    if (!chosen.isEmpty())
        setPath(chosen);
}

void ExportDialog::accept()
{
    if (path().isEmpty()) {
        m_pathEdit->setFocus();
        return;
    }
    QSettings settings;
    settings.setValue(u"export/includeRejected"_s, includeRejected());
    settings.setValue(u"export/bom"_s, bom());
    if (m_filteredBox->isEnabled())
        settings.setValue(u"export/onlyFiltered"_s, m_filteredBox->isChecked());
    settings.setValue(u"export/lastFolder"_s, QFileInfo(path()).absolutePath());
    QDialog::accept();
}
