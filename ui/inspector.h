#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
#include "reviewstore.h"

// Every detail of one entity, and the place to correct it: type, value and note
// go straight to the store's mutators (typing in the value field is one undo
// step, the store merges it); the rest is shown as it was found and decided.
class Inspector final : public QWidget
{
    Q_OBJECT
public:
    explicit Inspector(QWidget *parent = nullptr);

    void setStore(ReviewStore *store);
    QString entityId() const { return m_id; }
    void setEntity(const QString &id);

    QLineEdit *valueEdit() const { return m_valueEdit; }
    QLineEdit *noteEdit() const { return m_noteEdit; }
    QComboBox *typeBox() const { return m_typeBox; }
    // Puts the cursor in the value field with its text selected (Review ▸ Edit value).
    void editValue();
    void editNote();

private:
    void refresh();
    void onEntityChanged(int row);
    void commitNote();

    QPointer<ReviewStore> m_store;
    QString m_id;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QLabel *m_orphanLabel;
    QComboBox *m_typeBox;
    QLineEdit *m_valueEdit;
    QLabel *m_textLabel;
    QLabel *m_pageLabel;
    QLabel *m_confidenceLabel;
    QLabel *m_originLabel;
    QLabel *m_attributesLabel;
    QLineEdit *m_noteEdit;
    QLabel *m_statusLabel;
    QLabel *m_changedLabel;
    QPushButton *m_confirmButton;
    QPushButton *m_rejectButton;
    QList<QMetaObject::Connection> m_connections;
};
