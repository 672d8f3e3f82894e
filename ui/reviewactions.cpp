#include "reviewactions.h"

#include "documentview.h"
#include "entitypanel.h"
#include "inspector.h"
#include "messagebox.h"
#include "model/entitytypes.h"
#include "preferencesdialog.h"
#include "review/reviewstore.h"

#include <QtCore/QSettings>

using namespace Qt::StringLiterals;

ReviewActions::ReviewActions(QWidget *window, EntityPanel *panel, DocumentView *view,
                             Inspector *inspector)
    : QObject(window)
    , m_window(window)
    , m_panel(panel)
    , m_view(view)
    , m_inspector(inspector)
{
}

void ReviewActions::setStore(ReviewStore *store)
{
    m_store = store;
}

bool ReviewActions::ensureReviewer()
{
    if (PreferencesDialog::hasReviewer())
        return true;
    bool ok = false;
    const QString name = MessageBox::askText(m_window, tr("Your Name"),
        tr("Every decision records who made it. Your name, as the review should show it:"),
        PreferencesDialog::accountName(), &ok).trimmed();
    if (!ok || name.isEmpty()) {
        Q_EMIT message(tr("No decision was made: a reviewer name is needed first "
                                    "(Edit ▸ Preferences)."),
                                 8000);
        return false;
    }
    PreferencesDialog::setReviewer(name);
    if (m_store)
        m_store->setReviewer(name);
    return true;
}

void ReviewActions::review(bool confirm, bool wholeGroup)
{
    if (!m_store || m_store->isReadOnly())
        return;
    const QStringList ids = wholeGroup ? m_panel->currentGroupIds() : m_panel->selectedEntityIds();
    if (ids.isEmpty() || !ensureReviewer())
        return;
    if (ids.size() == 1)
        confirm ? m_store->confirm(ids.first()) : m_store->reject(ids.first());
    else
        confirm ? m_store->confirmAll(ids) : m_store->rejectAll(ids);
    // The one documented move of the selection: on to the next unreviewed entity, once
    // what was selected is decided (also when it already was: Enter moves on).
    const Entity *decided = m_store->entity(ids.constLast());
    if (decided && decided->status != EntityStatus::Auto && PreferencesDialog::advanceAfterDecision())
        m_panel->selectNextUnreviewed(true);
}

void ReviewActions::reviewShown(bool confirm)
{
    if (!m_store || m_store->isReadOnly())
        return;
    const QStringList ids = m_panel->shownEntityIds();
    if (ids.isEmpty()) {
        Q_EMIT message(tr("No entity is shown: nothing to decide."), 6000);
        return;
    }
    if (!ensureReviewer())
        return;
    const auto answer = MessageBox::question(m_window, confirm ? tr("Confirm Shown Entities") : tr("Reject Shown Entities"),
        (confirm ? tr("Confirm all %1 entities the tree shows now?")
                 : tr("Reject all %1 entities the tree shows now?"))
            .arg(ids.size()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return;
    confirm ? m_store->confirmAll(ids) : m_store->rejectAll(ids);
}

void ReviewActions::rejectCategory()
{
    if (!m_store || m_store->isReadOnly())
        return;
    const QString category = m_panel->currentCategory();
    const QStringList ids = m_panel->categoryEntityIds(category);
    if (ids.isEmpty() || !ensureReviewer())
        return;
    const auto answer = MessageBox::question(m_window, tr("Reject Category"),
        tr("Reject all %1 entities of the category %2?").arg(ids.size()).arg(category),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        m_store->rejectAll(ids);
}

void ReviewActions::changeType()
{
    const QString id = m_panel->currentEntityId();
    const Entity *e = m_store ? m_store->entity(id) : nullptr;
    if (!e || m_store->isReadOnly())
        return;
    QStringList labels;
    QStringList keys;
    int current = 0;
    for (const EntityType &t : EntityTypes::all()) {
        if (t.key == e->type)
            current = int(keys.size());
        labels << u"%1 — %2"_s.arg(t.label, t.category);
        keys << t.key;
    }
    bool ok = false;
    // On a value row, every mention of the value changes; on a mention, that one.
    const QStringList ids = m_panel->currentRowIsGroup() ? m_panel->currentGroupIds() : QStringList{id};
    const QString what = ids.size() > 1 ? tr("Type of all %1 mentions of “%2”:").arg(ids.size()).arg(e->value.left(60))
                                        : tr("Type of “%1”:").arg(e->value.left(60));
    const QString chosen = MessageBox::askItem(m_window, tr("Change Type"), what, labels, current, &ok);
    const int index = int(labels.indexOf(chosen));
    if (ok && index >= 0 && ensureReviewer())
        m_store->setTypeAll(ids, keys.at(index));
}

void ReviewActions::addNote()
{
    const QString id = m_panel->currentEntityId();
    if (!m_store || !m_store->entity(id) || m_store->isReadOnly())
        return;
    Q_EMIT inspectorWanted();
    m_inspector->editNote();
}

namespace {
// The span moved by whole words: edge -1 moves the start, +1 the end; words > 0 grows
// the span, words < 0 shrinks it. Never empty, never past the page.
SourceSpan stepWords(const QString &page, SourceSpan span, int edge, int words)
{
    const auto isSpace = [&page](int i) { return page.at(i).isSpace(); };
    const int n = int(page.size());
    for (int w = 0; w < qAbs(words); ++w) {
        if (edge > 0 && words > 0) {
            int i = span.end;
            while (i < n && isSpace(i))
                ++i;
            while (i < n && !isSpace(i))
                ++i;
            span.end = i;
        } else if (edge > 0) {
            int i = span.end;
            while (i > span.start + 1 && isSpace(i - 1))
                --i;
            while (i > span.start + 1 && !isSpace(i - 1))
                --i;
            while (i > span.start + 1 && isSpace(i - 1))
                --i;
            span.end = i;
        } else if (words > 0) {
            int i = span.start;
            while (i > 0 && isSpace(i - 1))
                --i;
            while (i > 0 && !isSpace(i - 1))
                --i;
            span.start = i;
        } else {
            int i = span.start;
            while (i < span.end - 1 && !isSpace(i))
                ++i;
            while (i < span.end - 1 && isSpace(i))
                ++i;
            span.start = i;
        }
    }
    return span;
}
}

void ReviewActions::adjustSpan(int edge, int words)
{
    const QString id = m_panel->currentEntityId();
    const Entity *e = m_store ? m_store->entity(id) : nullptr;
    if (!e || e->orphan || !e->span.isValid() || m_store->isReadOnly())
        return;
    const QString &page = m_store->content().text.pages.value(e->span.page);
    const SourceSpan span = stepWords(page, e->span, edge, words);
    if (span != e->span && ensureReviewer() && m_store->setSpan(id, span))
        m_view->showSpan(span, id);
}

void ReviewActions::setSpanFromSelection()
{
    const QString id = m_panel->currentEntityId();
    const Entity *e = m_store ? m_store->entity(id) : nullptr;
    if (!e || m_store->isReadOnly())
        return;
    const SourceSpan span = m_view->selectedSpan();
    if (!span.isValid() || span.length() == 0) {
        Q_EMIT message(tr("Select the entity's words in the filing first."), 6000);
        return;
    }
    if (ensureReviewer() && m_store->setSpan(id, span))
        m_panel->selectEntity(id);
}

void ReviewActions::addEntityFromSelection(bool everyOccurrence)
{
    if (!m_store || m_store->isReadOnly())
        return;
    const SourceSpan span = m_view->selectedSpan();
    if (!span.isValid() || span.length() == 0) {
        Q_EMIT message(tr("Select text in the filing first, then add it as an entity."),
                                 6000);
        return;
    }
    QStringList labels;
    QStringList keys;
    for (const EntityType &t : EntityTypes::all()) {
        labels << u"%1 — %2"_s.arg(t.label, t.category);
        keys << t.key;
    }
    const QString text = m_store->content().text.textAt(span).simplified();
    QSettings settings;
    // The last type used, or (the first time) a common one rather than the list's first.
    const int last = int(keys.indexOf(
        settings.value(u"review/lastAddedType"_s, u"organization"_s).toString()));
    bool ok = false;
    // Every place the same words stand, on every page (case and spacing as selected).
    QList<SourceSpan> spans{span};
    if (everyOccurrence) {
        const QString words = m_store->content().text.textAt(span);
        const QStringList &pages = m_store->content().text.pages;
        spans.clear();
        for (int p = 0; p < pages.size(); ++p)
            for (qsizetype i = pages.at(p).indexOf(words); i >= 0;
                 i = pages.at(p).indexOf(words, i + words.size()))
                spans.append({p, int(i), int(i + words.size())});
    }
    const QString chosen = MessageBox::askItem(m_window, everyOccurrence ? tr("Add Every Occurrence") : tr("Add Entity"),
        everyOccurrence ? tr("Add all %1 occurrences of “%2” as:").arg(spans.size()).arg(text.left(80))
                        : tr("Add “%1” as:").arg(text.left(80)),
        labels, qMax(0, last), &ok);
    const int index = int(labels.indexOf(chosen));
    if (!ok || index < 0 || !ensureReviewer())
        return;
    settings.setValue(u"review/lastAddedType"_s, keys.at(index));
    if (everyOccurrence) {
        const QStringList ids = m_store->addAll(spans, keys.at(index));
        // The reviewer stays at the words they selected, not the first occurrence.
        const QString here = Entity::makeId(keys.at(index), span,
                                            m_store->content().text.pages.at(span.page));
        if (m_store->entity(here))
            m_panel->selectEntity(here);
        else if (!ids.isEmpty())
            m_panel->selectEntity(ids.first());
        Q_EMIT message(tr("Added %1 entities.").arg(ids.size()), 6000);
        return;
    }
    const QString id = m_store->add(span, keys.at(index), text);
    if (!id.isEmpty())
        m_panel->selectEntity(id);
}
