#include "tablespanel.h"

#include "documentview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "tablecelldelegate.h"
#include "tablegridmodel.h"
#include "tablelistmodel.h"

#include "document/backgroundpriority.h"
#include "document/workerpool.h"
#include "export/tablecsvwriter.h"
#include "export/tablexlsxwriter.h"
#include "extract/tablereader.h"
#include "review/reviewstore.h"
#include "session/filingsession.h"
#include "session/tablereview.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

TablesPanel *TablesPanel::install(MainWindow *window, QMenu *fileMenu)
{
    auto *panel = new TablesPanel(window);
    // Below the filing and the tree, full width: a statement's grid is wide and short.
    window->addDockWidget(Qt::BottomDockWidgetArea, panel);
    window->resizeDocks({panel}, {280}, Qt::Vertical);
    fileMenu->addAction(panel->m_export);
    fileMenu->addAction(panel->m_copy);
    for (QAction *a : {panel->m_export, panel->m_copy})
        static_cast<QWidget *>(window)->addAction(a); // shortcuts work while the menu bar is hidden
    return panel;
}

TablesPanel *TablesPanel::of(MainWindow *window)
{
    return window->findChild<TablesPanel *>(u"tablesDock"_s, Qt::FindDirectChildrenOnly);
}

TablesPanel::TablesPanel(MainWindow *window)
    : QDockWidget(tr("Tables"), window)
    , m_window(window)
    , m_listModel(new TableListModel(this))
    , m_gridModel(new TableGridModel(this))
{
    setObjectName(u"tablesDock"_s);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_message = new QLabel(content);
    m_message->setObjectName(u"tablesMessage"_s);
    m_message->setWordWrap(true);
    m_message->setText(tr("No filing open"));
    auto *splitter = new QSplitter(Qt::Horizontal, content);
    m_list = new QTableView(splitter);
    m_list->setObjectName(u"tableList"_s);
    m_list->setModel(m_listModel);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 6);
    m_list->horizontalHeader()->setSectionResizeMode(TableListModel::Title, QHeaderView::Stretch);
    m_list->horizontalHeader()->setSectionResizeMode(TableListModel::Page, QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(TableListModel::Size, QHeaderView::ResizeToContents);
    m_grid = new QTableView(splitter);
    m_grid->setObjectName(u"tableGrid"_s);
    m_grid->setModel(m_gridModel);
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // F2 or typing on a cell corrects it; Enter commits, Escape drops.
    m_grid->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed
                            | QAbstractItemView::DoubleClicked);
    m_delegate = new TableCellDelegate(
        [this](const QModelIndex &index) {
            const TableCell *cell = m_gridModel->cellAt(index);
            if (!cell || !TableReview::isEditable(*cell) || !m_window->store() || m_window->store()->isReadOnly())
                return TableRef();
            return TableReview::refOf(m_window->store()->content(), m_gridModel->table(), *cell);
        },
        m_grid);
    m_grid->setItemDelegate(m_delegate);
    connect(m_delegate, &TableCellDelegate::cellEdited, this, [this](const TableRef &cell, const QString &text) {
        // A figure typed wrong ("5OO,286") would leave the cell without a value: refuse it.
        if (cell.field == u"value"_s && !TableReader::parseNumber(cell.text).isEmpty()
            && TableReader::parseNumber(text).isEmpty()) {
            m_window->statusBar()->showMessage(
                tr("“%1” is not a number: the cell keeps “%2”.").arg(text, cell.text), 8000);
            return;
        }
        if (ReviewStore *store = m_window->store(); store && m_window->ensureReviewer())
            store->setCellText(cell, text);
    });
    m_grid->setWordWrap(false);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 6);
    splitter->addWidget(m_list);
    splitter->addWidget(m_grid);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({380, 1000});
    // The selected table's decisions: Confirm (Enter) and Reject (Delete) in the list, its scale.
    m_confirm = new QAction(tr("Confirm Table"), this);
    m_confirm->setObjectName(u"confirmTable"_s);
    m_confirm->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_confirm->setShortcutContext(Qt::WidgetShortcut);
    m_confirm->setToolTip(tr("Confirm the selected table (Enter in the list)"));
    connect(m_confirm, &QAction::triggered, this, [this] {
        if (ReviewStore *store = m_window->store(); store && currentTable() >= 0 && m_window->ensureReviewer())
            store->confirmTable(currentTableRef());
    });
    m_reject = new QAction(tr("Reject Table"), this);
    m_reject->setObjectName(u"rejectTable"_s);
    m_reject->setShortcut(QKeySequence(Qt::Key_Delete));
    m_reject->setShortcutContext(Qt::WidgetShortcut);
    m_reject->setToolTip(tr("Not a data table: left out of exports (Delete in the list)"));
    connect(m_reject, &QAction::triggered, this, [this] {
        if (ReviewStore *store = m_window->store(); store && currentTable() >= 0 && m_window->ensureReviewer())
            store->rejectTable(currentTableRef());
    });
    m_list->addAction(m_confirm);
    m_list->addAction(m_reject);
    m_scale = new QComboBox(content);
    m_scale->setObjectName(u"tableScale"_s);
    m_scale->setToolTip(tr("The scale the table's amounts are stated in (not per-share figures, "
                           "percentages or share counts)"));
    for (const QString &scale : TableReview::scales())
        m_scale->addItem(scale.isEmpty() ? tr("no scale") : tr("in %1").arg(scale), scale);
    connect(m_scale, &QComboBox::activated, this, [this](int index) {
        ReviewStore *store = m_window->store();
        if (store && currentTable() >= 0 && m_window->ensureReviewer())
            store->setTableScale(currentTableRef(), m_scale->itemData(index).toString());
        else
            updateActions(); // no decision made: show the table's scale again
    });
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    for (QAction *a : {m_confirm, m_reject}) {
        auto *button = new QToolButton(content);
        button->setDefaultAction(a);
        bar->addWidget(button);
    }
    bar->addWidget(new QLabel(tr("Scale:"), content));
    bar->addWidget(m_scale);
    bar->addStretch(1);
    layout->addWidget(m_message);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    setWidget(content);

    m_export = new QAction(tr("Export &Tables…"), this);
    m_export->setObjectName(u"exportTables"_s);
    connect(m_export, &QAction::triggered, this, &TablesPanel::exportTables);
    m_copy = new QAction(tr("Cop&y Table"), this);
    m_copy->setObjectName(u"copyTable"_s);
    m_copy->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    m_copy->setToolTip(tr("Copy the selected table as tab-separated text (%1)")
                           .arg(m_copy->shortcut().toString(QKeySequence::NativeText)));
    connect(m_copy, &QAction::triggered, this, &TablesPanel::copyTable);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showTable(current.isValid() ? current.row() : -1); });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showCell(current); });
    // A click on the cell that is already current shows it again (after scrolling away).
    connect(m_grid, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index == m_grid->currentIndex())
            showCell(index);
    });
    connect(m_grid, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(m_grid);
        menu.addAction(m_copy);
        menu.addAction(m_export);
        menu.exec(m_grid->viewport()->mapToGlobal(pos));
    });
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(m_list);
        menu.addAction(m_confirm);
        menu.addAction(m_reject);
        menu.addSeparator();
        menu.addAction(m_copy);
        menu.addAction(m_export);
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    // Like the inspector: shown with a filing, as the analyst left it.
    QAction *toggle = toggleViewAction();
    toggle->setText(tr("&Tables"));
    toggle->setObjectName(u"toggleTables"_s);
    toggle->setShortcut(QKeySequence(tr("Ctrl+Shift+T")));
    m_wanted = QSettings().value(u"window/tables"_s, true).toBool();
    connect(toggle, &QAction::triggered, this, [this](bool on) {
        m_wanted = on;
        QSettings().setValue(u"window/tables"_s, on);
    });
    QTimer::singleShot(0, this, [this] { setVisible(m_wanted && m_listModel->rowCount(QModelIndex()) > 0); });

    connect(window->documentView(), &DocumentView::textClicked, this, &TablesPanel::selectCellAt);
    // Shown once the filing's tables are known, and only if it has some: a filing without
    // data tables (most PDFs, short 8-Ks) keeps the room for the document. View ▸ Tables
    // shows the panel anyway.
    connect(window, &MainWindow::documentLoaded, this, [this] {
        clear();
        m_message->setText(tr("Tables are read once the entities are found…"));
    });
    connect(window, &MainWindow::documentFailed, this, [this] {
        clear();
        hide();
    });
    connect(window, &MainWindow::extractionFinished, this, [this] {
        if (ReviewStore *store = m_window->store()) {
            // An action, its undo or redo, or the review file reloaded: shown in place.
            connect(store, &ReviewStore::tableDecisionsChanged, this, [this] { applyReview(); });
            connect(store, &ReviewStore::readOnlyChanged, this, &TablesPanel::updateActions);
        }
        if (ReviewStore *store = m_window->store())
            connect(store, &QObject::destroyed, this, [this] {
                if (m_window->store())
                    return; // replaced by the next filing's store, whose tables are coming
                clear();
                if (!m_window->document())
                    hide();
            });
        startReading();
    });
    updateActions();
}

TablesPanel::~TablesPanel()
{
    if (m_cancel)
        *m_cancel = true;
}

const TableList &TablesPanel::tables() const
{
    return m_listModel->tables();
}

int TablesPanel::currentTable() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void TablesPanel::selectTable(int row)
{
    m_list->setCurrentIndex(m_listModel->index(row, TableListModel::Title));
}

void TablesPanel::clear()
{
    ++m_job;
    if (m_cancel)
        *m_cancel = true;
    m_cancel.reset();
    m_read.clear();
    m_listModel->setTables({});
    m_gridModel->clear();
    m_window->documentView()->setOutlineSpan(SourceSpan());
    m_message->setText(tr("No filing open"));
    updateActions();
    Q_EMIT reviewChanged();
}

void TablesPanel::startReading()
{
    FilingDocument *document = m_window->document();
    if (!document)
        return;
    clear();
    m_message->setText(tr("Reading tables…"));
    const quint64 job = m_job;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    const DocumentContent content = document->content();
    QPointer<TablesPanel> self(this);
    QtConcurrent::run(workerPool(), [content, cancel] {
        BackgroundPriority::enter();
        return FilingSession::tables(content, cancel.get());
    }).then(this, [self, job](const TableList &tables) {
        if (!self || job != self->m_job)
            return; // another filing (or none) is open by now
        self->m_cancel.reset();
        self->showTables(tables);
    });
}

void TablesPanel::showTables(const TableList &read)
{
    m_read = read;
    applyReview(true);
    const TableList &tables = this->tables();
    setVisible(m_wanted && !tables.isEmpty());
    updateActions();
    Q_EMIT tablesReady(int(tables.size()));
}

void TablesPanel::applyReview(bool fresh)
{
    ReviewStore *store = m_window->store();
    TableReview::Result result;
    if (store)
        result = TableReview::apply(store->content(), m_read, store->tableDecisions());
    else
        result.tables = m_read;
    if (fresh) {
        m_listModel->setTables(result.tables);
        QString text = result.tables.isEmpty() ? tr("No data tables in this filing.")
                     : result.tables.size() == 1 ? tr("1 data table")
                                                 : tr("%1 data tables").arg(result.tables.size());
        if (!result.messages.isEmpty())
            text += u' ' + result.messages.join(u' ');
        m_message->setText(text);
        Q_EMIT reviewChanged();
        return;
    }
    m_listModel->updateTables(result.tables);
    // The grid keeps its table (and an open editor its cell) when only decisions changed.
    const int row = currentTable();
    if (row >= 0 && row < result.tables.size() && result.tables.at(row).span == m_gridModel->table().span)
        m_gridModel->updateTable(result.tables.at(row));
    else
        showTable(row);
    updateActions();
    Q_EMIT reviewChanged();
}

int TablesPanel::reviewedCount() const
{
    return int(std::count_if(tables().cbegin(), tables().cend(), [](const FilingTable &t) {
        return !t.status.isEmpty() && t.status != u"auto"_s;
    }));
}

TableRef TablesPanel::currentTableRef() const
{
    const int row = currentTable();
    if (row < 0 || !m_window->store())
        return {};
    return TableReview::refOf(m_window->store()->content(), tables().at(row), m_read.value(row).scale);
}

void TablesPanel::showTable(int row)
{
    m_grid->clearSpans();
    if (row < 0 || row >= tables().size()) {
        m_gridModel->clear();
        m_window->documentView()->setOutlineSpan(SourceSpan());
        updateActions();
        return;
    }
    const FilingTable &table = tables().at(row);
    m_gridModel->setTable(table);
    for (const TableCell &c : table.cells) {
        const QSize span = m_gridModel->cellSpan(m_gridModel->index(c.row, c.column));
        if (span != QSize(1, 1))
            m_grid->setSpan(c.row, c.column, span.height(), span.width());
    }
    m_grid->resizeColumnsToContents();
    // Qt sizes columns by their unmerged cells only; EDGAR puts most figures in merged
    // cells, which were then cut ("3,05…"). Widen a merged cell's last column to fit it.
    for (const TableCell &c : table.cells) {
        if (c.columnSpan < 2 || c.text.isEmpty())
            continue;
        const QModelIndex index = m_gridModel->index(c.row, c.column);
        const int wanted = std::min(m_grid->sizeHintForIndex(index).width(), 320);
        int have = 0;
        for (int k = c.column; k < c.column + c.columnSpan && k < m_gridModel->columnCount(); ++k)
            have += m_grid->columnWidth(k);
        const int last = std::min(c.column + c.columnSpan, m_gridModel->columnCount()) - 1;
        if (wanted > have && last >= 0)
            m_grid->setColumnWidth(last, m_grid->columnWidth(last) + wanted - have);
    }
    for (int c = 0; c < m_gridModel->columnCount(); ++c)
        m_grid->setColumnWidth(c, std::min(m_grid->columnWidth(c), 320));
    m_window->documentView()->setOutlineSpan(table.span);
    // The document goes to the table: its first figure, or its first cell with text.
    const TableCell *first = nullptr;
    for (const TableCell &c : table.cells) {
        if (!c.span.isValid() || c.span.start == c.span.end)
            continue;
        if (!first)
            first = &c;
        if (c.isNumber()) {
            first = &c;
            break;
        }
    }
    if (first)
        m_window->documentView()->showSpan(first->span);
    updateActions();
}

void TablesPanel::showCell(const QModelIndex &index)
{
    if (m_followingDocument || !index.isValid())
        return;
    const TableCell *cell = m_gridModel->cellAt(index);
    if (cell && cell->span.isValid() && cell->span.start < cell->span.end)
        m_window->documentView()->showSpan(cell->span);
}

void TablesPanel::selectCellAt(const SourceSpan &at)
{
    QModelIndex index = m_gridModel->indexAt(at);
    if (!index.isValid()) {
        // A figure of another table: that table is selected first.
        for (int i = 0; i < tables().size() && !index.isValid(); ++i) {
            const SourceSpan &span = tables().at(i).span;
            if (span.page == at.page && span.start <= at.start && at.start < span.end) {
                selectTable(i);
                index = m_gridModel->indexAt(at);
            }
        }
    }
    if (!index.isValid())
        return;
    m_followingDocument = true;
    m_grid->setCurrentIndex(index);
    m_grid->scrollTo(index);
    m_followingDocument = false;
    // The figure is marked as a cell chosen in the grid is (it is in view: no scroll).
    if (const TableCell *cell = m_gridModel->cellAt(index))
        m_window->documentView()->showSpan(cell->span);
}

bool TablesPanel::exportTablesTo(const QString &path, bool onlySelected, QString *error, bool includeRejected)
{
    FilingDocument *document = m_window->document();
    if (!document)
        return false;
    // A rejected table is not a data table: left out, unless it is the one chosen.
    TableList chosen = TableReview::forExport(tables(), includeRejected);
    if (onlySelected) {
        const int row = currentTable();
        chosen = row >= 0 ? TableList{tables().at(row)} : TableList();
    }
    const bool xlsx = QFileInfo(path).suffix().compare(u"xlsx"_s, Qt::CaseInsensitive) == 0;
    QString problem;
    int written = 0;
    if (xlsx) {
        TableXlsxWriter writer(path);
        if (!TableXlsxWriter::isAvailable())
            problem = tr("this build cannot write Excel workbooks");
        else if (!writer.addFile(document->content(), chosen) || !writer.finish())
            problem = writer.errorString();
        written = int(chosen.size());
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            problem = file.errorString();
        } else {
            TableCsvWriter csv(&file);
            if (!csv.addFile(document->content(), chosen) || !csv.finish())
                problem = csv.errorString();
            else if (!file.commit())
                problem = file.errorString();
        }
        written = int(chosen.size());
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), problem);
        return false;
    }
    m_window->statusBar()->showMessage(tr("Exported %1 to %2.")
                                           .arg(written == 1 ? tr("1 table") : tr("%1 tables").arg(written),
                                                QDir::toNativeSeparators(path)),
                                       8000);
    return true;
}

void TablesPanel::exportTables()
{
    if (!m_window->document() || tables().isEmpty())
        return;
    bool onlySelected = false;
    bool includeRejected = false;
    // Rejected tables are left out of "All tables"; the analyst can take them too.
    const bool anyRejected = std::any_of(tables().cbegin(), tables().cend(),
                                         [](const FilingTable &t) { return t.status == u"rejected"_s; });
    QStringList scopes{tr("All tables")};
    if (anyRejected)
        scopes << tr("All tables, rejected ones too");
    if (currentTable() >= 0)
        scopes << tr("The selected table");
    if (scopes.size() > 1) {
        bool ok = false;
        const QString scope = MessageBox::askItem(m_window, tr("Export Tables"), tr("Export:"), scopes, 0, &ok);
        if (!ok)
            return;
        onlySelected = scope == tr("The selected table");
        includeRejected = scope == tr("All tables, rejected ones too");
    }
    QSettings settings;
    const QFileInfo filing(m_window->filePath());
    const QString folder = settings.value(u"export/lastFolder"_s, filing.absolutePath()).toString();
    const QString csvFilter = tr("CSV (*.csv)");
    const QString xlsxFilter = tr("Excel workbook (*.xlsx)");
    QString filter = csvFilter;
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Tables"),
                                                folder + u'/' + filing.completeBaseName() + u".tables.csv"_s,
                                                csvFilter + u";;"_s + xlsxFilter, &filter);
    if (path.isEmpty())
        return;
    const QString suffix = filter == xlsxFilter ? u"xlsx"_s : u"csv"_s;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    settings.setValue(u"export/lastFolder"_s, QFileInfo(path).absolutePath());
    QString error;
    if (!exportTablesTo(path, onlySelected, &error, includeRejected))
        MessageBox::critical(m_window, tr("Export Tables"), error);
}

void TablesPanel::copyTable()
{
    if (m_gridModel->isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_gridModel->toTabSeparated());
    m_window->statusBar()->showMessage(tr("Copied the table: paste it into a spreadsheet."), 5000);
}

void TablesPanel::updateActions()
{
    const int row = currentTable();
    const bool decidable = row >= 0 && m_window->store() && !m_window->store()->isReadOnly();
    m_confirm->setEnabled(decidable);
    m_reject->setEnabled(decidable);
    m_scale->setEnabled(decidable);
    if (row >= 0) {
        const int at = m_scale->findData(tables().at(row).scale);
        m_scale->setCurrentIndex(at < 0 ? 0 : at);
    } else {
        m_scale->setCurrentIndex(-1); // no table chosen: no scale to show (not the last one's)
    }
    m_export->setEnabled(!tables().isEmpty());
    m_copy->setEnabled(!m_gridModel->isEmpty());
}
