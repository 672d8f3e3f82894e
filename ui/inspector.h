#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
#include "review/reviewstore.h"

// Every detail of one entity, and the place to correct it. An edit of the value or
// the note belongs to the entity shown when the edit began: it is written to the
// store as one step when it ends (Enter, or the field losing the focus, or another
// entity being shown) and Escape drops it. The rest is shown as found and decided.
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
    // The XBRL warning (hidden fact, printed amount disagreeing with its tag) and the
    // fact's details (concept, period, unit, scale, decimals, dimensions); for tests.
    QString xbrlWarning() const;
    QString factDetails() const;
    // Puts the cursor in the value field with its text selected (Review ▸ Edit value).
    void editValue();
    void editNote();
    // Called before an edit is written; false cancels it (no reviewer name given).
    void setEditGuard(std::function<bool()> guard) { m_guard = std::move(guard); }

Q_SIGNALS:
    // Enter or Escape ended an edit: the reviewer goes back to the entities.
    void editFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    QString taggingFact(const Entity &amount) const;
    void onEntityChanged(int row);
    void commitNote();
    void commitValue();
    bool allowEdit();

    QPointer<ReviewStore> m_store;
    QString m_id;
    QString m_valueEditId; // the entity a value edit in progress belongs to
    std::function<bool()> m_guard;
    bool m_committing = false;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QLabel *m_orphanLabel;
    QLabel *m_xbrlWarning;
    QLabel *m_factLabel;
    QLabel *m_factTitle;
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
