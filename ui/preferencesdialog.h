#pragma once

#include <QtWidgets/QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

// The few settings a reviewer sets once: the name written into every decision,
// whether a decision moves on to the next unreviewed entity, and the paper size of
// the summary sheet. Stored in QSettings.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // Saved values, or their defaults (the login name; Letter).
    static QString reviewer();
    static void setReviewer(const QString &name);
    // True once the reviewer has given (or confirmed) a name.
    static bool hasReviewer();
    // The login name, offered when the program first asks for a name.
    static QString accountName();
    // After Enter or Delete decided the selected entity, go to the next unreviewed one (default on).
    static bool advanceAfterDecision();
    static bool summaryOnA4();

    void accept() override;

private:
    QLineEdit *m_reviewerEdit;
    QCheckBox *m_advanceBox;
    QComboBox *m_paperBox;
};
