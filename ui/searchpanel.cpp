#include "searchpanel.h"

#include "documentview.h"
#include "entitypanel.h"
#include "mainwindow.h"
#include "workspacepanel.h"

#include "model/codepointindex.h"
#include "model/entitytypes.h"
#include "review/reviewstore.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QSet>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
enum Column { File, Type, Value, Page, Context, Status, ColumnCount };

QString typeLabel(const QString &key)
{
    if (key == WorkspaceIndex::tableCellType())
        return QObject::tr("Table cell");
    const EntityType t = EntityTypes::type(key);
    return t.label.isEmpty() ? key : t.label;
}
// In the entity list's words ("auto" is Unreviewed there too).
QString statusLabel(const QString &status)
{
    if (status == u"auto"_s)
        return QObject::tr("Unreviewed");
    return status.isEmpty() ? status : status.at(0).toUpper() + status.mid(1);
}

constexpr int kMaxColumnWidth = 320; // px: a text block's value is elided, its tooltip whole
} // namespace

// SearchResultModel

void SearchResultModel::setMatches(const QList<WorkspaceIndex::Match> &matches)
{
    beginResetModel();
    m_matches = matches;
    endResetModel();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_matches.size())
        return {};
    const WorkspaceIndex::Match &m = m_matches.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case File: return m.file;
        case Type: return typeLabel(m.type);
        case Value: return m.value.isEmpty() ? m.text : m.value;
        case Page: return m.page > 0 ? QVariant(m.page) : QVariant();
        case Context: return m.context;
        case Status: return statusLabel(m.status);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case File: return QDir::toNativeSeparators(m.path);
        case Value: return m.text;
        case Context: return m.context;
        case Type: return m.id;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Page)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList titles = {tr("File"), tr("Type"), tr("Value"), tr("Page"), tr("Context"),
                                       tr("Status")};
    return titles.value(section);
}

// SearchPanel

SearchPanel *SearchPanel::install(MainWindow *window, WorkspacePanel *workspace, QMenu *menu)
{
    auto *panel = new SearchPanel(window, workspace);
    window->addDockWidget(Qt::BottomDockWidgetArea, panel);
    window->tabifyDockWidget(workspace, panel);
    panel->hide();
    menu->addAction(panel->m_action);
    static_cast<QWidget *>(window)->addAction(panel->m_action); // works while the menu bar is hidden
    return panel;
}

SearchPanel *SearchPanel::of(MainWindow *window)
{
    return window->findChild<SearchPanel *>(u"searchDock"_s, Qt::FindDirectChildrenOnly);
}

SearchPanel::SearchPanel(MainWindow *window, WorkspacePanel *workspace)
    : QDockWidget(tr("Search Filings"), window)
    , m_window(window)
    , m_workspace(workspace)
    , m_model(new SearchResultModel(this))
    , m_typing(new QTimer(this))
{
    setObjectName(u"searchDock"_s);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_searchThread.setMaxThreadCount(1);
    // One thread for good: the index's database connection belongs to it, and a search
    // reuses what the previous one set up.
    m_searchThread.setExpiryTimeout(-1);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *row = new QHBoxLayout;
    m_field = new QLineEdit(content);
    m_field->setObjectName(u"searchField"_s);
    m_field->setPlaceholderText(tr("Search every filing: a name, a drug, an amount, a table figure…"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_types = new QComboBox(content);
    m_types->setObjectName(u"searchType"_s);
    m_types->addItem(tr("All types"), QStringList());
    m_types->addItem(typeLabel(WorkspaceIndex::tableCellType()), QStringList{WorkspaceIndex::tableCellType()});
    for (const EntityType &t : EntityTypes::all())
        m_types->addItem(t.label, QStringList{t.key});
    m_statuses = new QComboBox(content);
    m_statuses->setObjectName(u"searchStatus"_s);
    m_statuses->addItem(tr("Any status"), QStringList());
    m_statuses->addItem(statusLabel(u"auto"_s), QStringList{u"auto"_s});
    m_statuses->addItem(tr("Reviewed"), QStringList{u"confirmed"_s, u"corrected"_s, u"added"_s, u"rejected"_s});
    for (const QString &s : {u"confirmed"_s, u"corrected"_s, u"added"_s, u"rejected"_s})
        m_statuses->addItem(statusLabel(s), QStringList{s});
    row->addWidget(m_field, 1);
    row->addWidget(m_types);
    row->addWidget(m_statuses);
    m_summary = new QLabel(content);
    m_summary->setObjectName(u"searchSummary"_s);
    m_summary->setWordWrap(true);
    m_more = new QPushButton(tr("Show &More"), content);
    m_more->setObjectName(u"searchShowMore"_s);
    m_more->hide();
    connect(m_more, &QPushButton::clicked, this, &SearchPanel::showMore);
    m_view = new QTreeView(content);
    m_view->setObjectName(u"searchResults"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setResizeContentsPrecision(100); // fitting columns looks at the first rows only
    m_view->header()->setSectionResizeMode(Context, QHeaderView::Stretch);
    layout->addLayout(row);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_more, 0, Qt::AlignTop);
    layout->addLayout(summaryRow);
    layout->addWidget(m_view, 1);
    setWidget(content);

    // Typing searches after a pause; Enter at once.
    m_typing->setSingleShot(true);
    m_typing->setInterval(300);
    connect(m_typing, &QTimer::timeout, this, &SearchPanel::search);
    connect(m_field, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_field, &QLineEdit::returnPressed, this, &SearchPanel::search);
    for (QComboBox *box : {m_types, m_statuses})
        connect(box, &QComboBox::currentIndexChanged, this, &SearchPanel::search);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid() && index.row() < m_model->matches().size())
            showResult(m_model->matches().at(index.row()));
    });

    m_action = new QAction(tr("Search Filin&gs…"), this);
    m_action->setObjectName(u"searchFilings"_s);
    m_action->setShortcut(QKeySequence(tr("Ctrl+Alt+F")));
    connect(m_action, &QAction::triggered, this, &SearchPanel::showSearch);

    // The index is complete once the workspace has been read: search again then.
    connect(m_workspace, &WorkspacePanel::indexingFinished, this, [this] {
        if (!m_field->text().trimmed().isEmpty())
            search();
    });
    connect(m_window, &MainWindow::extractionFinished, this, [this] {
        if (m_pending && m_pending->path == m_window->filePath()) {
            const WorkspaceIndex::Match match = *m_pending;
            m_pending.reset();
            applyResult(match);
        }
    });
    connect(m_window, &MainWindow::documentFailed, this, [this] { m_pending.reset(); });
}

SearchPanel::~SearchPanel()
{
    ++m_job; // nothing more is shown
    if (m_cancel)
        m_cancel->store(true);
    m_searchThread.start([this] { m_index.reset(); }); // closed on the thread that opened it
    m_searchThread.waitForDone();
}

void SearchPanel::showSearch()
{
    show();
    raise();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

QList<Workspace::Filing> SearchPanel::filings() const
{
    QList<Workspace::Filing> filings;
    for (const Workspace::FilingStatus &s : m_workspace->model()->rows())
        filings.append(s.filing);
    const QString open = m_window->filePath();
    if (!open.isEmpty() && m_workspace->model()->rowOf(open) < 0)
        filings.append({open, QFileInfo(open).fileName()});
    return filings;
}

void SearchPanel::search()
{
    run(kResultLimit);
}

void SearchPanel::showMore()
{
    run(m_limit > (1 << 28) ? m_limit : m_limit * 4);
}

void SearchPanel::run(int limit)
{
    m_typing->stop();
    m_limit = limit;
    m_more->hide();
    const quint64 job = ++m_job;
    // An older search still bringing the index up to date stops after the filings it
    // is reading (what they gave is kept); this one goes on from there.
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    WorkspaceIndex::Query query;
    query.text = m_field->text().simplified();
    query.types = m_types->currentData().toStringList();
    query.statuses = m_statuses->currentData().toStringList();
    query.limit = limit;
    // While the workspace panel indexes the folder, it has no rows yet: the folder is
    // listed here (on the search thread) and the index only read — results so far.
    // Otherwise filings and review files changed since are indexed first.
    const bool partial = m_workspace->isIndexing() && !m_workspace->folder().isEmpty();
    const QString root = partial ? m_workspace->folder() : QString();
    QList<Workspace::Filing> listed = filings();
    if (partial) {
        // The rows may still be those of the folder open before; only the filing open stays.
        listed.erase(std::remove_if(listed.begin(), listed.end(),
                                    [this](const Workspace::Filing &f) { return f.path != m_window->filePath(); }),
                     listed.end());
    }
    if (query.text.isEmpty() || (listed.isEmpty() && !partial)) {
        m_searching = false;
        m_model->setMatches({});
        m_summary->setText(listed.isEmpty() && !partial
                               ? tr("Open a folder of filings (File ▸ Open Folder…) or a filing to search it.")
                               : QString());
        Q_EMIT searchFinished(0);
        return;
    }
    m_searching = true;
    m_summary->setText(tr("Searching…"));
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    m_searchThread.start([this, job, query, listed, root, partial, cancel] {
        QList<Workspace::Filing> within = listed;
        if (partial) {
            for (Workspace::Filing f : Workspace::filings({root})) {
                f.display = QDir(root).relativeFilePath(f.path);
                if (within.isEmpty() || within.first().path != f.path)
                    within.append(f);
            }
        }
        if (!m_index)
            m_index = std::make_unique<WorkspaceIndex>();
        WorkspaceIndex &index = *m_index;
        QString error;
        if (!partial)
            error = index.update(within, {}, cancel.get()).error;
        if (cancel->load())
            return;
        bool truncated = false;
        QString findError;
        const QList<WorkspaceIndex::Match> matches = index.find(query, within, &findError, &truncated);
        if (error.isEmpty())
            error = findError;
        // The destructor waits for this task, so `this` is alive; stale jobs are dropped.
        QMetaObject::invokeMethod(this, [this, job, matches, truncated, error, partial] {
            if (job == m_job)
                showMatches(matches, truncated, error, partial);
        }, Qt::QueuedConnection);
    });
}

void SearchPanel::showMatches(const QList<WorkspaceIndex::Match> &matches, bool truncated,
                              const QString &error, bool partial)
{
    m_searching = false;
    m_model->setMatches(matches);
    for (int c : {File, Type, Value, Page}) {
        m_view->resizeColumnToContents(c);
        m_view->setColumnWidth(c, qMin(m_view->columnWidth(c), kMaxColumnWidth));
    }
    QSet<QString> files;
    for (const WorkspaceIndex::Match &m : matches)
        files.insert(m.path);
    QString text = truncated ? tr("The first %1 results, in %2 filings: Show More lists more, or narrow the search.")
                                   .arg(QLocale().toString(int(matches.size())))
                                   .arg(files.size())
                             : matches.isEmpty() ? tr("No results.")
                             : (matches.size() == 1 ? tr("1 result") : tr("%1 results").arg(QLocale().toString(int(matches.size()))))
                                   + (files.size() == 1 ? tr(" in 1 filing") : tr(" in %1 filings").arg(files.size()));
    if (partial)
        text += tr(" — the folder is still being indexed: results so far.");
    if (!error.isEmpty())
        text += u'\n' + tr("The search index: %1").arg(error);
    m_summary->setText(text);
    m_more->setVisible(truncated);
    Q_EMIT searchFinished(int(matches.size()));
}

void SearchPanel::showResult(const WorkspaceIndex::Match &match)
{
    m_focusResults = m_view->hasFocus();
    if (match.path != m_window->filePath() || !m_window->store() || m_window->isExtracting()) {
        m_pending = match;
        if (match.path != m_window->filePath())
            m_window->openFile(match.path);
        return;
    }
    applyResult(match);
}

void SearchPanel::applyResult(const WorkspaceIndex::Match &match)
{
    ReviewStore *store = m_window->store();
    FilingDocument *document = m_window->document();
    if (!store || !document)
        return;
    EntityPanel *entities = m_window->entityPanel();
    if (store->entity(match.id)) {
        // Making it current shows its span in the filing; when it already is, show again.
        if (entities->currentEntityId() == match.id) {
            const Entity *e = store->entity(match.id);
            if (e->span.isValid() && !e->orphan)
                m_window->documentView()->showSpan(e->span, match.id);
        } else {
            entities->selectEntity(match.id);
        }
    } else if (match.page > 0 && match.page <= document->content().pageCount()) {
        // A table cell: its place in the filing (the index keeps code points).
        const QString &text = document->content().text.pages.at(match.page - 1);
        const CodePointIndex index(text);
        const int start = qBound(0, index.fromCodePoint(match.start), int(text.size()));
        const int end = qBound(start, index.fromCodePoint(match.end), int(text.size()));
        const SourceSpan cell{match.page - 1, start, end};
        // The entity at the cell becomes current; if none, no entity stays current, so a
        // decision cannot fall on the item shown before.
        QString at;
        for (const Entity &e : store->entities()) {
            if (!e.orphan && e.span.isValid() && (e.span.contains(cell) || cell.contains(e.span))) {
                at = e.id;
                break;
            }
        }
        if (at.isEmpty() || !entities->selectEntity(at))
            entities->tree()->selectionModel()->clear();
        m_window->documentView()->showSpan(cell);
    }
    if (m_focusResults)
        m_view->setFocus(Qt::OtherFocusReason);
    Q_EMIT resultShown(match.id);
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) && m_model->rowCount() > 0) {
            m_view->setFocus(Qt::TabFocusReason);
            if (!m_view->currentIndex().isValid())
                m_view->setCurrentIndex(m_model->index(0, 0));
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}
