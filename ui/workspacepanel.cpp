#include "workspacepanel.h"

#include "entitypanel.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "preferencesdialog.h"
#include "searchpanel.h"

#include "review/reviewstore.h"
#include "session/workspaceindex.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QKeyEvent>
#include <QtGui/QKeySequence>
#include <QtGui/QAction>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace {
enum Column { File, Form, Registrant, ReportDate, Pages, Entities, Reviewed, Confirmed, Corrected,
              Added, Rejected, Orphans, State, Reviewer, Changed, Error, ColumnCount };
constexpr int kMaxColumnWidth = 320; // px, as fitted to the contents; the user may widen
} // namespace

// WorkspaceModel

void WorkspaceModel::setRows(const QList<Workspace::FilingStatus> &rows, bool listing)
{
    beginResetModel();
    m_rows = rows;
    m_listing = listing;
    m_cells.clear();
    m_cells.reserve(rows.size());
    m_rowOf.clear();
    m_rowOf.reserve(rows.size());
    for (const Workspace::FilingStatus &s : rows) {
        if (!m_rowOf.contains(s.filing.path)) // the first, as a search from the top finds
            m_rowOf.insert(s.filing.path, int(m_cells.size()));
        m_cells.append(Workspace::statusCells(s));
    }
    endResetModel();
}

bool WorkspaceModel::updateRow(const Workspace::FilingStatus &row)
{
    const int r = rowOf(row.filing.path);
    if (r < 0)
        return false;
    Workspace::FilingStatus updated = row;
    updated.filing.display = m_rows.at(r).filing.display;
    m_rows[r] = updated;
    m_cells[r] = Workspace::statusCells(updated);
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    return true;
}

int WorkspaceModel::rowOf(const QString &path) const
{
    return m_rowOf.value(path, -1);
}

int WorkspaceModel::doneCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Workspace::FilingStatus &s) { return s.error.isEmpty() && s.done; }));
}

int WorkspaceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorkspaceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkspaceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Workspace::FilingStatus &s = m_rows.at(index.row());
    if (role == PathRole)
        return s.filing.path;
    if (s.pending && m_listing) {
        if (role == Qt::DisplayRole || role == SortRole) {
            if (index.column() == File)
                return s.filing.display;
            if (index.column() == State)
                return tr("reading…");
            return {};
        }
        if (role == Qt::ToolTipRole)
            return tr("Not read yet: its row fills in when the folder has been indexed.");
        return {};
    }
    if (!s.error.isEmpty()) {
        if (role == Qt::DisplayRole || role == SortRole) {
            if (index.column() == File)
                return s.filing.display;
            if (index.column() == State)
                return tr("cannot be opened");
            if (index.column() == Error)
                return s.error.simplified(); // the last column: a long message pushes nothing aside
            return {};
        }
        if (role == Qt::ToolTipRole)
            return s.error;
        return {};
    }
    const QStringList &cells = m_cells.at(index.row());
    if (role == Qt::DisplayRole) {
        if (index.column() == Changed && s.changed.isValid())
            return QLocale().toString(s.changed.toLocalTime(), QLocale::ShortFormat);
        return cells.value(index.column());
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Pages: return s.pages;
        case Entities: return s.entities;
        case Reviewed: return s.reviewed;
        case Confirmed: return s.confirmed;
        case Corrected: return s.corrected;
        case Added: return s.added;
        case Rejected: return s.rejected;
        case Orphans: return s.orphans;
        case Changed: return s.changed;
        default: return cells.value(index.column());
        }
    }
    if (role == Qt::ToolTipRole && !s.messages.isEmpty())
        return s.messages.join(u'\n');
    if (role == Qt::TextAlignmentRole && index.column() >= Pages && index.column() <= Orphans)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant WorkspaceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList titles = {tr("File"), tr("Form"), tr("Registrant"), tr("Date of report"),
                                       tr("Pages"), tr("Entities"), tr("Reviewed"), tr("Confirmed"),
                                       tr("Corrected"), tr("Added"), tr("Rejected"), tr("Orphans"),
                                       tr("State"), tr("Last reviewer"), tr("Last change"), tr("Error")};
    return titles.value(section);
}

// WorkspacePanel

WorkspacePanel *WorkspacePanel::install(MainWindow *window, QMenu *fileMenu)
{
    auto *panel = new WorkspacePanel(window);
    window->addDockWidget(Qt::BottomDockWidgetArea, panel);
    panel->hide();
    fileMenu->addSeparator();
    fileMenu->addAction(panel->m_openFolder);
    fileMenu->addAction(panel->m_next);
    fileMenu->addAction(panel->m_previous);
    fileMenu->addAction(panel->m_markDone);
    for (QAction *a : {panel->m_openFolder, panel->m_next, panel->m_previous, panel->m_markDone})
        static_cast<QWidget *>(window)->addAction(a); // shortcuts work while the menu bar is hidden
    SearchPanel::install(window, panel, fileMenu);
    return panel;
}

WorkspacePanel *WorkspacePanel::of(MainWindow *window)
{
    return window->findChild<WorkspacePanel *>(u"workspaceDock"_s, Qt::FindDirectChildrenOnly);
}

WorkspacePanel::WorkspacePanel(MainWindow *window)
    : QDockWidget(tr("Workspace"), window)
    , m_window(window)
    , m_model(new WorkspaceModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"workspaceDock"_s);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_indexThread.setMaxThreadCount(1);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(WorkspaceModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_filter = new QLineEdit(content);
    m_filter->setObjectName(u"workspaceFilter"_s);
    m_filter->setPlaceholderText(tr("Filter filings (file, form, registrant, state, reviewer…)"));
    m_filter->setClearButtonEnabled(true);
    m_progress = new QProgressBar(content);
    m_progress->setObjectName(u"workspaceProgress"_s);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_message = new QLabel(content);
    m_message->setWordWrap(true);
    m_message->hide();
    m_view = new QTableView(content);
    m_view->setObjectName(u"workspaceTable"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(File, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Fitting the columns looks at the first rows only: a folder of thousands stays quick.
    m_view->horizontalHeader()->setResizeContentsPrecision(100);
    layout->addWidget(m_filter);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_filter->installEventFilter(this);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString path = index.data(WorkspaceModel::PathRole).toString();
        if (path.isEmpty())
            return;
        // Review keys (N, Return…) are the entity list's: the keyboard goes there.
        if (path != m_window->filePath()) {
            m_focusReview = true;
            m_window->openFile(path);
        } else {
            m_window->entityPanel()->tree()->setFocus(Qt::OtherFocusReason);
        }
    });

    m_openFolder = new QAction(tr("Open &Folder…"), this);
    m_openFolder->setObjectName(u"openFolder"_s);
    m_openFolder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    connect(m_openFolder, &QAction::triggered, this, &WorkspacePanel::chooseFolder);
    m_next = new QAction(tr("&Next Filing"), this);
    m_next->setObjectName(u"nextFiling"_s);
    m_next->setShortcut(QKeySequence(tr("Alt+PgDown")));
    connect(m_next, &QAction::triggered, this, [this] { openNext(1); });
    m_previous = new QAction(tr("Pre&vious Filing"), this);
    m_previous->setObjectName(u"previousFiling"_s);
    m_previous->setShortcut(QKeySequence(tr("Alt+PgUp")));
    connect(m_previous, &QAction::triggered, this, [this] { openNext(-1); });
    m_markDone = new QAction(tr("&Mark Filing Done"), this);
    m_markDone->setObjectName(u"markFilingDone"_s);
    m_markDone->setShortcut(QKeySequence(tr("Ctrl+Alt+D")));
    connect(m_markDone, &QAction::triggered, this, &WorkspacePanel::markSelectedDone);
    for (QAction *a : {m_next, m_previous, m_markDone})
        a->setEnabled(false);

    m_show = new QAction(tr("Wor&kspace"), this);
    m_show->setObjectName(u"showWorkspace"_s);
    m_show->setShortcut(QKeySequence(tr("Ctrl+Alt+W")));
    connect(m_show, &QAction::triggered, this, &WorkspacePanel::showWorkspace);

    connect(m_window, &MainWindow::extractionFinished, this, [this] {
        watchStore();
        refreshOpenFiling();
        if (std::exchange(m_focusReview, false))
            m_window->entityPanel()->tree()->setFocus(Qt::OtherFocusReason);
    });
}

WorkspacePanel::~WorkspacePanel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_indexThread.waitForDone();
}

bool WorkspacePanel::eventFilter(QObject *watched, QEvent *event)
{
    // Escape clears the filter and hands the keyboard to the table, as in the entity list.
    if (watched == m_filter && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_filter->text().isEmpty()) {
        m_filter->clear();
        m_view->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return QDockWidget::eventFilter(watched, event);
}

void WorkspacePanel::addViewActions(QMenu *viewMenu)
{
    viewMenu->addSeparator();
    viewMenu->addAction(m_show);
    static_cast<QWidget *>(m_window)->addAction(m_show);
    if (auto *search = m_window->findChild<QAction *>(u"searchFilings"_s))
        viewMenu->addAction(search);
}

void WorkspacePanel::showWorkspace()
{
    show();
    raise();
    m_view->setFocus(Qt::ShortcutFocusReason);
    if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0) {
        const int row = [this] {
            for (int i = 0; i < m_proxy->rowCount(); ++i)
                if (m_proxy->index(i, 0).data(WorkspaceModel::PathRole).toString() == m_window->filePath())
                    return i;
            return 0;
        }();
        m_view->setCurrentIndex(m_proxy->index(row, 0));
    }
}

void WorkspacePanel::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Open Folder of Filings"), m_folder);
    if (!folder.isEmpty())
        openFolder(folder);
}

void WorkspacePanel::openFolder(const QString &folder)
{
    m_folder = QFileInfo(folder).absoluteFilePath();
    setWindowTitle(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_folder)));
    if (SearchPanel *search = SearchPanel::of(m_window))
        search->show(); // its tab beside this one
    show();
    raise();
    if (m_cancel)
        m_cancel->store(true);
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    const quint64 job = ++m_job;
    m_indexing = true;
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Reading the folder…"));
    m_message->hide();
    const QString root = m_folder;
    // Listing, indexing and reading the rows back all run here; filings are loaded and
    // extracted on the worker pool by WorkspaceIndex::update. The panel's destructor
    // cancels and waits, so `this` outlives the task; results reach the GUI thread queued.
    m_indexThread.start([this, root, cancel, job] {
        QStringList errors;
        QList<Workspace::Filing> filings = Workspace::filings({root}, &errors);
        for (Workspace::Filing &f : filings)
            f.display = QDir(root).relativeFilePath(f.path);
        WorkspaceIndex index;
        // The list at once, as indexed before; indexing then fills in the rest.
        const QList<Workspace::FilingStatus> listed = index.statuses(filings);
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(this, [this, job, listed] {
            if (job == m_job)
                showListedRows(listed);
        }, Qt::QueuedConnection);
        const WorkspaceIndex::Update update = index.update(
            filings,
            [this, job](int done, int total) {
                QMetaObject::invokeMethod(this, [this, job, done, total] {
                    if (job == m_job)
                        setIndexProgress(done, total);
                }, Qt::QueuedConnection);
            },
            cancel.get());
        if (cancel->load())
            return;
        if (!update.error.isEmpty())
            errors.append(tr("The search index: %1").arg(update.error));
        const QList<Workspace::FilingStatus> rows = index.statuses(filings);
        QMetaObject::invokeMethod(this, [this, job, rows, errors] {
            if (job == m_job)
                showRows(rows, errors);
        }, Qt::QueuedConnection);
    });
}

void WorkspacePanel::setIndexProgress(int done, int total)
{
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
    m_progress->setFormat(tr("Indexing %v of %m filings"));
}

void WorkspacePanel::fitColumns()
{
    m_view->resizeColumnsToContents();
    // Columns fit their contents up to a width, so a long name pushes no column off screen.
    for (int c = 0; c < Error; ++c)
        m_view->setColumnWidth(c, qMin(m_view->columnWidth(c), kMaxColumnWidth));
}

void WorkspacePanel::showListedRows(const QList<Workspace::FilingStatus> &rows)
{
    // The selection and the place in the list stay when the indexed rows replace these.
    m_model->setRows(rows, true);
    fitColumns();
    for (QAction *a : {m_next, m_previous})
        a->setEnabled(!rows.isEmpty());
    refreshOpenFiling();
    Q_EMIT filingsListed(int(rows.size()));
}

void WorkspacePanel::showRows(const QList<Workspace::FilingStatus> &rows, const QStringList &errors)
{
    m_indexing = false;
    const QString selected = selectedPath();
    m_model->setRows(rows);
    fitColumns();
    if (const int row = m_model->rowOf(selected); row >= 0 && m_view->selectionModel()) {
        const QModelIndex at = m_proxy->mapFromSource(m_model->index(row, 0));
        m_view->selectionModel()->setCurrentIndex(
            at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    if (!errors.isEmpty()) {
        m_message->setText(errors.join(u'\n'));
        m_message->show();
    }
    for (QAction *a : {m_next, m_previous, m_markDone})
        a->setEnabled(!rows.isEmpty());
    refreshOpenFiling();
    updateDoneProgress();
    Q_EMIT indexingFinished(int(rows.size()));
}

void WorkspacePanel::updateDoneProgress()
{
    if (m_indexing)
        return;
    m_progress->setRange(0, qMax(1, m_model->rowCount()));
    m_progress->setValue(m_model->doneCount());
    m_progress->setFormat(tr("%v of %m filings done"));
}

void WorkspacePanel::watchStore()
{
    ReviewStore *store = m_window->store();
    if (!store)
        return;
    // Every change to the open filing's review updates its row at once.
    for (auto signal : {&ReviewStore::entityChanged, &ReviewStore::entityInserted, &ReviewStore::entityRemoved})
        connect(store, signal, this, &WorkspacePanel::refreshOpenFiling, Qt::UniqueConnection);
    connect(store, &ReviewStore::modelReset, this, &WorkspacePanel::refreshOpenFiling, Qt::UniqueConnection);
    connect(store, &ReviewStore::saved, this, &WorkspacePanel::refreshOpenFiling, Qt::UniqueConnection);
}

void WorkspacePanel::refreshOpenFiling()
{
    ReviewStore *store = m_window->store();
    const FilingDocument *document = m_window->document();
    const QString path = m_window->filePath();
    if (!store || !document || path.isEmpty())
        return;
    // Closing the store (leaving the filing) resets it empty while the window still names
    // it: the row keeps the counts of the last change rather than zeros.
    if (store->content().sha256.isEmpty())
        return;
    const int row = m_model->rowOf(path);
    if (row < 0)
        return;
    Workspace::FilingStatus s = Workspace::statusOf(m_model->rows().at(row).filing, document->content(),
                                                    store->entities());
    m_model->updateRow(s);
    updateDoneProgress();
}

QString WorkspacePanel::selectedPath() const
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    if (!selected.isEmpty())
        return selected.first().data(WorkspaceModel::PathRole).toString();
    return m_window->filePath();
}

QString WorkspacePanel::neighbourOf(const QString &from, int step) const
{
    const int count = m_proxy->rowCount();
    int at = -1;
    for (int i = 0; i < count; ++i) {
        if (m_proxy->index(i, 0).data(WorkspaceModel::PathRole).toString() == from) {
            at = i;
            break;
        }
    }
    // Filings that cannot be opened are passed over (those still being read are not).
    for (int target = at < 0 ? (step > 0 ? 0 : count - 1) : at + step; target >= 0 && target < count;
         target += step > 0 ? 1 : -1) {
        const QString path = m_proxy->index(target, 0).data(WorkspaceModel::PathRole).toString();
        const Workspace::FilingStatus &row = m_model->rows().at(m_model->rowOf(path));
        if (row.error.isEmpty() || (row.pending && m_model->isListing()))
            return path;
    }
    return {};
}

void WorkspacePanel::openPath(const QString &path)
{
    for (int i = 0; i < m_proxy->rowCount(); ++i) {
        const QModelIndex index = m_proxy->index(i, 0);
        if (index.data(WorkspaceModel::PathRole).toString() == path) {
            m_view->selectRow(i);
            m_view->scrollTo(index);
            break;
        }
    }
    if (isAncestorOf(QApplication::focusWidget()))
        m_focusReview = true;
    m_window->openFile(path);
}

void WorkspacePanel::openNext(int step)
{
    if (m_proxy->rowCount() == 0)
        return;
    // From the filing open in the window, else from the selection, in the list's order.
    const QString from = m_window->filePath().isEmpty() ? selectedPath() : m_window->filePath();
    const QString next = neighbourOf(from, step);
    if (!next.isEmpty())
        openPath(next);
}

QString WorkspacePanel::markTarget() const
{
    // The row chosen in the table while the keyboard is there; else the filing being reviewed.
    if (m_view->hasFocus() || m_window->filePath().isEmpty())
        return selectedPath();
    return m_window->filePath();
}

void WorkspacePanel::markSelectedDone()
{
    const QString path = markTarget();
    const int row = m_model->rowOf(path);
    if (row < 0 || !m_model->rows().at(row).error.isEmpty())
        return;
    const QString reviewer = PreferencesDialog::reviewer();
    if (reviewer.isEmpty()) {
        MessageBox::warning(m_window, tr("Mark Filing Done"),
                            tr("Set your reviewer name in the preferences first: it is recorded with the mark."));
        return;
    }
    const bool wasOpen = path == m_window->filePath();
    DocumentContent content;
    if (wasOpen && m_window->document())
        content = m_window->document()->content();
    // The window's review store owns the review file while the filing is open: close it
    // (which saves every decision and releases the file), then mark.
    if (wasOpen)
        m_window->closeDocument();
    if (content.sha256.isEmpty()) {
        // Only the checksum, pages and format are needed: cheap from the document cache.
        const Workspace::Scanned scanned = Workspace::scan(m_model->rows().at(row).filing);
        content = scanned.content;
    }
    QString error;
    if (!Workspace::markDone(path, content, reviewer, &error)) {
        MessageBox::warning(m_window, tr("Mark Filing Done"), error);
        if (wasOpen)
            m_window->openFile(path);
        return;
    }
    Workspace::FilingStatus s = m_model->rows().at(row);
    s.done = true;
    if (!s.changed.isValid() || s.changed <= QDateTime::currentDateTimeUtc()) {
        s.changed = QDateTime::currentDateTimeUtc();
        s.reviewer = reviewer;
    }
    m_model->updateRow(s);
    updateDoneProgress();
    // Always the same: on to the next filing of the list after the one marked; at the end
    // of the list the window stays where it was (the marked filing, if it was open).
    const QString next = neighbourOf(path, 1);
    if (!next.isEmpty())
        openPath(next);
    else if (wasOpen)
        openPath(path);
}
