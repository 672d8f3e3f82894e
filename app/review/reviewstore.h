#pragma once

#include "documentcontent.h"
#include "entity.h"

#include <QtCore/QObject>
#include <QtGui/QUndoStack>

// The extracted entities of one filing with the analyst's decisions applied.
// Owns the undo stack: every mutator is one undoable command named for the user's
// intent; widgets never build commands. Saves itself to the sidecar (see SidecarFile).
class ReviewStore final : public QObject
{
    Q_OBJECT
public:
    explicit ReviewStore(QObject *parent = nullptr);
    ~ReviewStore() override;

    // Replaces everything: the filing's content, freshly extracted entities, and the
    // decisions of the filing's sidecar (if any). Emits modelReset().
    void open(const DocumentContent &content, const EntityList &extracted);
    void close();

    const DocumentContent &content() const;
    const EntityList &entities() const;
    int count() const;
    int indexOf(const QString &id) const; // -1 if none
    const Entity *entity(const QString &id) const;
    QUndoStack *undoStack() const;

    void confirm(const QString &id);
    void reject(const QString &id);
    void setValue(const QString &id, const QString &value); // status becomes corrected
    void setType(const QString &id, const QString &type);   // status becomes corrected
    void setNote(const QString &id, const QString &note);
    void confirmAll(const QStringList &ids); // one undo step
    void rejectAll(const QStringList &ids);  // one undo step
    // A new entity from a text selection; returns its id.
    QString add(const SourceSpan &span, const QString &type, const QString &value = {});

    QString reviewer() const;
    void setReviewer(const QString &name);
    bool isReadOnly() const;

Q_SIGNALS:
    void modelAboutToReset();
    void modelReset();
    void entityChanged(int row);
    void entityAboutToBeInserted(int row);
    void entityInserted(int row);
    void entityAboutToBeRemoved(int row);
    void entityRemoved(int row);
    void saved(const QString &path, const QDateTime &when);
    void saveFailed(const QString &message);
    void message(const QString &text); // read-only, fallback folder, reloaded from disk ...

private:
    struct Private;
    std::unique_ptr<Private> d;
};
