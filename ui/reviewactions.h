#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointer>

class DocumentView;
class EntityPanel;
class Inspector;
class QWidget;
class ReviewStore;

// What the Review menu does to the open filing's entities: decide (and move on), bulk
// decisions, retype, note, add from the selection, change an entity's words. Each acts on
// what the entity panel has selected when it starts, asks the reviewer's name before the
// first decision, and turns into one store mutator (one undo step).
class ReviewActions final : public QObject
{
    Q_OBJECT
public:
    ReviewActions(QWidget *window, EntityPanel *panel, DocumentView *view, Inspector *inspector);

    void setStore(ReviewStore *store);

    // Asks for the reviewer's name once, before the first decision, if none is set;
    // false when the reviewer cancels (the decision is then not made).
    bool ensureReviewer();

    void review(bool confirm, bool wholeGroup);
    void reviewShown(bool confirm);
    void rejectCategory();
    void changeType();
    void addNote();
    void addEntityFromSelection(bool everyOccurrence);
    // Moves the current entity's start (edge -1) or end (+1) by words (+ grows, - shrinks).
    void adjustSpan(int edge, int words);
    void setSpanFromSelection();

Q_SIGNALS:
    void message(const QString &text, int timeout);
    // The inspector should be shown (a note is about to be typed there).
    void inspectorWanted();

private:
    QWidget *m_window;
    EntityPanel *m_panel;
    DocumentView *m_view;
    Inspector *m_inspector;
    QPointer<ReviewStore> m_store;
};
