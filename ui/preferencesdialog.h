#pragma once

#include <QtWidgets/QDialog>

class QComboBox;
class QLineEdit;

// The few settings a reviewer sets once: the name written into every decision,
// and the paper size of the summary sheet. Stored in QSettings.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // Saved values, or their defaults (the login name; Letter).
    static QString reviewer();
    static void setReviewer(const QString &name);
    static bool summaryOnA4();

    void accept() override;

private:
    QLineEdit *m_reviewerEdit;
    QComboBox *m_paperBox;
};
