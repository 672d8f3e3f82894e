#pragma once

#include <QtWidgets/QDialog>

class QCheckBox;
class QLineEdit;

// Options of Export CSV…: where to, rejected rows, a BOM for Excel, and whether
// to keep only what the entity filter shows. Remembers the choices.
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const QString &suggestedPath, bool filterActive, QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    bool includeRejected() const;
    bool bom() const;
    bool onlyFiltered() const;

    void accept() override;

private:
    void browse();

    QLineEdit *m_pathEdit;
    QCheckBox *m_rejectedBox;
    QCheckBox *m_bomBox;
    QCheckBox *m_filteredBox;
};
