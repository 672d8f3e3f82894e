#include "mainwindow.h"
#include "tablespanel.h"
#include "workspacepanel.h"

#include "aboutdialog.h"
#include "documentview.h"
#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "entityhighlights.h"
#include "entitytreemodel.h"
#include "exportrunner.h"
#include "model/entitytypes.h"
#include "document/backgroundpriority.h"
#include "inspector.h"
#include "messagebox.h"
#include "navigationbar.h"
#include "pdfpageview.h"
#include "readingview.h"
#include "reviewactions.h"
#include "preferencesdialog.h"
#include "recentfiles.h"
#include "shortcutsdialog.h"
#include "startpage.h"

#include <algorithm>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QCloseEvent>
#include <QtGui/QUndoGroup>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtPdf/QPdfDocument>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QUndoView>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget(this))
    , m_startPage(new StartPage(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_panel(new EntityPanel(this))
    , m_view(new DocumentView(this))
    , m_inspector(new Inspector(this))
    , m_review(new ReviewActions(this, m_panel, m_view, m_inspector))
    , m_undoGroup(new QUndoGroup(this))
    , m_highlightTimer(new QTimer(this))
    , m_progressTimer(new QTimer(this))
{
    // With a window to keep responsive, the program's background work gives way to it.
    BackgroundPriority::setEnabled(true);
    setAcceptDrops(true);
    setDocumentMode(true);

    m_splitter->addWidget(m_panel);
    m_splitter->addWidget(m_view);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({520, 600});
    m_splitter->setChildrenCollapsible(false);
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_splitter);
    setCentralWidget(m_stack);

    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(u"inspectorDock"_s);
    m_inspectorDock->setWidget(m_inspector);
    m_inspectorDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);

    m_historyDock = new QDockWidget(tr("Undo History"), this);
    m_historyDock->setObjectName(u"historyDock"_s);
    auto *undoView = new QUndoView(m_undoGroup, m_historyDock);
    undoView->setEmptyLabel(tr("<opened>"));
    m_historyDock->setWidget(undoView);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();
    resizeDocks({m_inspectorDock}, {320}, Qt::Horizontal);

    m_highlightTimer->setSingleShot(true);
    m_highlightTimer->setInterval(120);
    connect(m_highlightTimer, &QTimer::timeout, this, &MainWindow::updateHighlights);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &MainWindow::updateProgress);

    connect(m_startPage, &StartPage::openRequested, this, &MainWindow::openFile);
    connect(m_startPage, &StartPage::openDialogRequested, this, &MainWindow::openDialog);
    connect(m_startPage, &StartPage::sampleRequested, this, &MainWindow::openSample);
    connect(m_panel, &EntityPanel::currentEntityChanged, this, &MainWindow::onCurrentEntityChanged);
    connect(m_panel, &EntityPanel::entityActivated, this, [this](const QString &id) {
        const Entity *e = m_store ? m_store->entity(id) : nullptr;
        if (e && e->span.isValid() && !e->orphan)
            m_view->showSpan(e->span, id);
    });
    connect(m_view, &DocumentView::highlightClicked, this, &MainWindow::onHighlightClicked);
    // Enter or Escape in a field of the inspector hands the keyboard back to the tree.
    connect(m_inspector, &Inspector::editFinished, this, [this] { m_panel->tree()->setFocus(); });
    connect(m_panel, &EntityPanel::leaveRequested, this, [this] { m_panel->tree()->setFocus(); });
    m_inspector->setEditGuard([this] { return ensureReviewer(); });
    connect(m_review, &ReviewActions::message, this,
            [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_review, &ReviewActions::inspectorWanted, this, [this] {
        m_inspectorWanted = true;
        m_inspectorDock->show();
    });
    connect(m_view, &DocumentView::selectionChanged, this, &MainWindow::updateActions);
    m_exports = new ExportRunner(this, [this] { return m_store.data(); }, [this] { return m_path; }, m_panel);
    connect(m_exports, &ExportRunner::message, this,
            [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    QSettings settings;
    resize(1400, 900);
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    m_startPage->setRecentFiles(recentFiles());
    m_inspectorWanted = settings.value(u"window/inspector"_s, true).toBool();
    connect(m_inspectorDock->toggleViewAction(), &QAction::triggered, this,
            [this](bool on) { m_inspectorWanted = on; });
    showStartPage(true);
    updateTitle();
    updateActions();
    updateStatus();
}

void MainWindow::showStartPage(bool start)
{
    m_stack->setCurrentWidget(start ? static_cast<QWidget *>(m_startPage) : m_splitter);
    if (!start)
        QTimer::singleShot(0, this, &MainWindow::keepDocumentWide);
    // The inspector has nothing to say without a filing; it comes back as the user left it.
    m_inspectorDock->setVisible(!start && m_inspectorWanted);
    m_inspectorDock->toggleViewAction()->setEnabled(!start);
}

MainWindow::~MainWindow()
{
    cancelExtraction();
    ++m_job;
    if (m_store)
        m_store->close();
    m_view->setDocument(nullptr);
}

// ---- actions and menus -------------------------------------------------------

QAction *MainWindow::addAction(QMenu *menu, const QString &name, const QString &text,
                               const QKeySequence &shortcut)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setToolTip(u"%1 (%2)"_s.arg(QString(text).remove(u'&').remove(u'…'),
                                            shortcut.toString(QKeySequence::NativeText)));
    }
    if (menu)
        menu->addAction(action);
    QMainWindow::addAction(action); // shortcuts work while the menu bar is hidden too
    m_actions.insert(name, action);
    return action;
}

QAction *MainWindow::action(const QString &name) const
{
    return m_actions.value(name);
}

void MainWindow::createActions()
{
    // Actions are created together with their menus in createMenus(); this keeps
    // the undo group's actions, which exist before any menu.
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"undo"_s);
    undo->setShortcuts(QKeySequence::Undo);
    m_actions.insert(u"undo"_s, undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"redo"_s);
    // Ctrl+Shift+Z and Ctrl+Y on every desktop, whatever its own redo key.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key : {QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))})
        if (!redoKeys.contains(key))
            redoKeys << key;
    redo->setShortcuts(redoKeys);
    m_actions.insert(u"redo"_s, redo);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    addAction(file, u"open"_s, tr("&Open…"), QKeySequence::Open);
    connect(action(u"open"_s), &QAction::triggered, this, &MainWindow::openDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    addAction(file, u"openSample"_s, tr("Open the &Sample"));
    connect(action(u"openSample"_s), &QAction::triggered, this, &MainWindow::openSample);
    addAction(file, u"close"_s, tr("&Close"), QKeySequence::Close);
    connect(action(u"close"_s), &QAction::triggered, this, &MainWindow::closeDocument);
    WorkspacePanel::install(this, file); // Open Folder…, Next/Previous Filing, Mark Filing Done
    file->addSeparator();
    addAction(file, u"exportCsv"_s, tr("&Export CSV…"), QKeySequence(tr("Ctrl+Shift+E")));
    connect(action(u"exportCsv"_s), &QAction::triggered, this, &MainWindow::exportCsv);
    TablesPanel::install(this, file); // Export Tables…, Copy Table, the Tables dock
    connect(TablesPanel::of(this), &TablesPanel::reviewChanged, this, &MainWindow::updateStatus);
    addAction(file, u"printSummary"_s, tr("&Print Summary…"), QKeySequence::Print);
    connect(action(u"printSummary"_s), &QAction::triggered, this, &MainWindow::printSummary);
    addAction(file, u"exportSummaryPdf"_s, tr("Export Summary as P&DF…"));
    connect(action(u"exportSummaryPdf"_s), &QAction::triggered, this, &MainWindow::exportSummaryPdf);
    file->addSeparator();
    addAction(file, u"quit"_s, tr("&Quit"), QKeySequence::Quit);
    action(u"quit"_s)->setMenuRole(QAction::QuitRole);
    connect(action(u"quit"_s), &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(u"undo"_s));
    edit->addAction(action(u"redo"_s));
    QMainWindow::addAction(action(u"undo"_s));
    QMainWindow::addAction(action(u"redo"_s));
    QAction *history = m_historyDock->toggleViewAction();
    history->setText(tr("Undo &History"));
    history->setObjectName(u"undoHistory"_s);
    m_actions.insert(u"undoHistory"_s, history);
    edit->addAction(history);
    edit->addSeparator();
    addAction(edit, u"find"_s, tr("&Find…"), QKeySequence::Find);
    connect(action(u"find"_s), &QAction::triggered, this, [this] { m_view->openFind(); });
    addAction(edit, u"filterEntities"_s, tr("Filter &Entities"), QKeySequence(tr("Ctrl+Shift+F")));
    connect(action(u"filterEntities"_s), &QAction::triggered, this, [this] {
        m_panel->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_panel->filterEdit()->selectAll();
    });
    edit->addSeparator();
    addAction(edit, u"preferences"_s, tr("Prefere&nces…"), QKeySequence::Preferences);
    action(u"preferences"_s)->setMenuRole(QAction::PreferencesRole);
    connect(action(u"preferences"_s), &QAction::triggered, this, &MainWindow::showPreferences);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    addAction(view, u"zoomIn"_s, tr("Zoom &In"), QKeySequence::ZoomIn);
    action(u"zoomIn"_s)->setIcon(QIcon::fromTheme(u"zoom-in"_s));
    connect(action(u"zoomIn"_s), &QAction::triggered, this, [this] { m_view->zoomIn(); });
    addAction(view, u"zoomOut"_s, tr("Zoom &Out"), QKeySequence::ZoomOut);
    action(u"zoomOut"_s)->setIcon(QIcon::fromTheme(u"zoom-out"_s));
    connect(action(u"zoomOut"_s), &QAction::triggered, this, [this] { m_view->zoomOut(); });
    addAction(view, u"fitWidth"_s, tr("Fit &Width"), QKeySequence(tr("Ctrl+2")));
    action(u"fitWidth"_s)->setIcon(QIcon::fromTheme(u"zoom-fit-width"_s));
    connect(action(u"fitWidth"_s), &QAction::triggered, this, [this] {
        m_view->pdfView()->setZoomMode(PdfPageView::ZoomMode::FitWidth);
        m_view->readingView()->fitWidth();
    });
    addAction(view, u"fitPage"_s, tr("Fit &Page"), QKeySequence(tr("Ctrl+1")));
    action(u"fitPage"_s)->setIcon(QIcon::fromTheme(u"zoom-fit-best"_s));
    connect(action(u"fitPage"_s), &QAction::triggered, this, [this] {
        m_view->pdfView()->setZoomMode(PdfPageView::ZoomMode::FitPage);
        m_view->readingView()->fitWidth();
    });
    view->addSeparator();
    m_highlightMenu = view->addMenu(tr("&Highlights"));
    for (const QString &category : EntityTypes::categories()) {
        auto *toggle = m_highlightMenu->addAction(category);
        toggle->setCheckable(true);
        toggle->setChecked(true);
        connect(toggle, &QAction::toggled, this, [this, category](bool on) {
            if (on)
                m_hiddenCategories.remove(category);
            else
                m_hiddenCategories.insert(category);
            scheduleHighlights();
        });
    }
    m_highlightMenu->addSeparator();
    auto *showRejected = m_highlightMenu->addAction(tr("Show &Rejected"));
    showRejected->setObjectName(u"showRejected"_s);
    showRejected->setCheckable(true);
    m_actions.insert(u"showRejected"_s, showRejected);
    connect(showRejected, &QAction::toggled, this, &MainWindow::scheduleHighlights);
    view->addSeparator();
    QAction *inspector = m_inspectorDock->toggleViewAction();
    inspector->setText(tr("I&nspector"));
    inspector->setShortcut(QKeySequence(tr("Ctrl+I")));
    view->addAction(inspector);
    addAction(view, u"toggleEntities"_s, tr("&Entities"), QKeySequence(tr("Ctrl+Shift+L")));
    action(u"toggleEntities"_s)->setCheckable(true);
    action(u"toggleEntities"_s)->setChecked(true);
    connect(action(u"toggleEntities"_s), &QAction::toggled, m_panel, &QWidget::setVisible);
    view->addAction(TablesPanel::of(this)->toggleViewAction());
    WorkspacePanel::of(this)->addViewActions(view); // Workspace, Search Filings…

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    addAction(go, u"nextUnreviewed"_s, tr("&Next Unreviewed"), QKeySequence(Qt::Key_N));
    connect(action(u"nextUnreviewed"_s), &QAction::triggered, this, [this] {
        if (!m_panel->selectNextUnreviewed(true))
            statusBar()->showMessage(tr("Every entity has been reviewed."), 4000);
    });
    addAction(go, u"previousUnreviewed"_s, tr("&Previous Unreviewed"), QKeySequence(Qt::Key_P));
    connect(action(u"previousUnreviewed"_s), &QAction::triggered, this, [this] {
        if (!m_panel->selectNextUnreviewed(false))
            statusBar()->showMessage(tr("Every entity has been reviewed."), 4000);
    });
    // Not Ctrl+G: several desktops bind it to Find Next, which the document view uses.
    addAction(go, u"goToPage"_s, tr("&Go to Page…"), QKeySequence(tr("Ctrl+L")));
    connect(action(u"goToPage"_s), &QAction::triggered, this, &MainWindow::goToPage);
    go->addSeparator();
    addAction(go, u"back"_s, tr("&Back"), QKeySequence(tr("Alt+Left")));
    action(u"back"_s)->setToolTip(tr("Back to where you were before the last jump (Alt+Left)"));
    action(u"back"_s)->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    connect(action(u"back"_s), &QAction::triggered, m_view, &DocumentView::goBack);
    addAction(go, u"forward"_s, tr("&Forward"), QKeySequence(tr("Alt+Right")));
    action(u"forward"_s)->setToolTip(tr("Forward again (Alt+Right)"));
    action(u"forward"_s)->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    connect(action(u"forward"_s), &QAction::triggered, m_view, &DocumentView::goForward);

    QMenu *reviewMenu = menuBar()->addMenu(tr("&Review"));
    addAction(reviewMenu, u"confirm"_s, tr("&Confirm"), QKeySequence(Qt::Key_Return));
    action(u"confirm"_s)->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    connect(action(u"confirm"_s), &QAction::triggered, this, [this] { m_review->review(true, false); });
    addAction(reviewMenu, u"reject"_s, tr("&Reject"), QKeySequence(Qt::Key_Delete));
    connect(action(u"reject"_s), &QAction::triggered, this, [this] { m_review->review(false, false); });
    addAction(reviewMenu, u"editValue"_s, tr("&Edit Value"), QKeySequence(Qt::Key_F2));
    connect(action(u"editValue"_s), &QAction::triggered, this, [this] {
        m_inspectorWanted = true;
        m_inspectorDock->show();
        m_inspector->editValue();
    });
    addAction(reviewMenu, u"changeType"_s, tr("Change &Type…"), QKeySequence(tr("Ctrl+T")));
    connect(action(u"changeType"_s), &QAction::triggered, m_review, &ReviewActions::changeType);
    addAction(reviewMenu, u"addNote"_s, tr("Add &Note…"), QKeySequence(tr("Ctrl+M")));
    connect(action(u"addNote"_s), &QAction::triggered, m_review, &ReviewActions::addNote);
    reviewMenu->addSeparator();
    addAction(reviewMenu, u"confirmGroup"_s, tr("Confirm &Group"), QKeySequence(tr("Shift+Return")));
    connect(action(u"confirmGroup"_s), &QAction::triggered, this, [this] { m_review->review(true, true); });
    addAction(reviewMenu, u"rejectGroup"_s, tr("Reject Grou&p"), QKeySequence(tr("Shift+Del")));
    connect(action(u"rejectGroup"_s), &QAction::triggered, this, [this] { m_review->review(false, true); });
    addAction(reviewMenu, u"confirmShown"_s, tr("Confirm All &Shown…"), QKeySequence(tr("Ctrl+Shift+Return")));
    connect(action(u"confirmShown"_s), &QAction::triggered, this, [this] { m_review->reviewShown(true); });
    addAction(reviewMenu, u"rejectShown"_s, tr("Reject All S&hown…"), QKeySequence(tr("Ctrl+Shift+Del")));
    connect(action(u"rejectShown"_s), &QAction::triggered, this, [this] { m_review->reviewShown(false); });
    addAction(reviewMenu, u"rejectCategory"_s, tr("Reject Whole Categor&y…"));
    connect(action(u"rejectCategory"_s), &QAction::triggered, m_review, &ReviewActions::rejectCategory);
    reviewMenu->addSeparator();
    addAction(reviewMenu, u"addEntity"_s, tr("&Add Entity from Selection…"), QKeySequence(tr("Ctrl+E")));
    connect(action(u"addEntity"_s), &QAction::triggered, this, [this] { m_review->addEntityFromSelection(false); });
    addAction(reviewMenu, u"addEveryOccurrence"_s, tr("Add Every &Occurrence of Selection…"),
              QKeySequence(tr("Ctrl+Shift+A")));
    connect(action(u"addEveryOccurrence"_s), &QAction::triggered, this,
            [this] { m_review->addEntityFromSelection(true); });
    reviewMenu->addSeparator();
    QMenu *words = reviewMenu->addMenu(tr("Entity &Words"));
    addAction(words, u"extendEnd"_s, tr("Extend by a Word at the &End"), QKeySequence(tr("Ctrl+Shift+Right")));
    connect(action(u"extendEnd"_s), &QAction::triggered, this, [this] { m_review->adjustSpan(1, 1); });
    addAction(words, u"shrinkEnd"_s, tr("Shrink by a Word at the E&nd"), QKeySequence(tr("Ctrl+Shift+Left")));
    connect(action(u"shrinkEnd"_s), &QAction::triggered, this, [this] { m_review->adjustSpan(1, -1); });
    addAction(words, u"extendStart"_s, tr("Extend by a Word at the &Start"), QKeySequence(tr("Alt+Shift+Left")));
    connect(action(u"extendStart"_s), &QAction::triggered, this, [this] { m_review->adjustSpan(-1, 1); });
    addAction(words, u"shrinkStart"_s, tr("Shrink by a Word at the S&tart"), QKeySequence(tr("Alt+Shift+Right")));
    connect(action(u"shrinkStart"_s), &QAction::triggered, this, [this] { m_review->adjustSpan(-1, -1); });
    addAction(words, u"spanFromSelection"_s, tr("Use the Selected &Words"), QKeySequence(tr("Ctrl+Shift+R")));
    connect(action(u"spanFromSelection"_s), &QAction::triggered, m_review, &ReviewActions::setSpanFromSelection);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    addAction(help, u"shortcuts"_s, tr("&Keyboard Shortcuts"), QKeySequence(tr("Ctrl+/")));
    connect(action(u"shortcuts"_s), &QAction::triggered, this, &MainWindow::showShortcuts);
    addAction(help, u"about"_s, tr("&About Filing Lens"));
    action(u"about"_s)->setMenuRole(QAction::AboutRole);
    connect(action(u"about"_s), &QAction::triggered, this, &MainWindow::showAbout);

    m_menus = {file, edit, view, go, reviewMenu, help};

    // Single keys act on entities only where the focus is on the tree or the filing,
    // so Enter, Delete, N and P keep their meaning in text fields and the find bar.
    for (const char *name : {"confirm", "reject", "confirmGroup", "rejectGroup", "editValue",
                             "nextUnreviewed", "previousUnreviewed",
                             "extendEnd", "shrinkEnd", "extendStart", "shrinkStart"}) {
        QAction *a = action(QString::fromLatin1(name));
        removeAction(a);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_panel->tree()->addAction(a);
        m_view->pdfView()->addAction(a);
        m_view->readingView()->addAction(a);
    }
    // The document view has its own Ctrl+F; this one serves the rest of the window.
    QAction *find = action(u"find"_s);
    removeAction(find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_panel->addAction(find);
    m_inspector->addAction(find);
    m_startPage->addAction(find);
}

void MainWindow::createToolBar()
{
    m_navigation = new NavigationBar(this);
    addToolBar(Qt::TopToolBarArea, m_navigation);
    m_navigation->insertAction(m_navigation->actions().value(0), action(u"back"_s));
    m_navigation->insertAction(m_navigation->actions().value(1), action(u"forward"_s));
    m_navigation->insertSeparator(m_navigation->actions().value(2));
    m_navigation->addAction(action(u"zoomOut"_s));
    m_navigation->addAction(action(u"zoomIn"_s));
    m_navigation->addAction(action(u"fitWidth"_s));
    m_navigation->addAction(action(u"fitPage"_s));
    connect(m_navigation, &NavigationBar::pageRequested, m_view, &DocumentView::goToPage);
    connect(m_navigation, &NavigationBar::zoomRequested, m_view, &DocumentView::setZoom);
    connect(m_navigation, &NavigationBar::leaveRequested, this, [this] {
        if (m_view->viewportWidget())
            m_view->viewportWidget()->parentWidget()->setFocus();
    });
    connect(m_view, &DocumentView::currentPageChanged, this, &MainWindow::updateNavigation);
    connect(m_view, &DocumentView::zoomChanged, this, &MainWindow::updateNavigation);
    connect(m_view, &DocumentView::currentPartChanged, this, &MainWindow::updateNavigation);
    connect(m_view, &DocumentView::historyChanged, this, &MainWindow::updateNavigation);
    updateNavigation();
}

void MainWindow::updateNavigation()
{
    const int pages = m_document ? m_document->pageCount()
        : m_preview                 ? m_preview->pageCount()
                                    : 0;
    m_navigation->setPage(pages > 0 ? m_view->currentPage() : -1, pages);
    m_navigation->setZoom(pages > 0 ? m_view->zoom() : 0);
    action(u"back"_s)->setEnabled(m_view->canGoBack());
    action(u"forward"_s)->setEnabled(m_view->canGoForward());
}

void MainWindow::rebuildRecentMenu()
{
    RecentFiles::fillMenu(m_recentMenu, [this](const QString &path) { openFile(path); },
                          [this] { m_startPage->setRecentFiles({}); });
}

// ---- recent files and the sample ------------------------------------------

QStringList MainWindow::recentFiles()
{
    return RecentFiles::files();
}

void MainWindow::addRecentFile(const QString &path)
{
    RecentFiles::add(path);
}

void MainWindow::clearRecentFiles()
{
    RecentFiles::clear();
}

QString MainWindow::sampleCopy(QString *error)
{
    return RecentFiles::sampleCopy(error);
}

// ---- linking the panel, the inspector and the view --------------------------

void MainWindow::scheduleHighlights()
{
    m_highlightTimer->start();
}

void MainWindow::updateHighlights()
{
    m_highlightTimer->stop();
    m_highlights.clear();
    if (m_store)
        m_highlights = entityHighlights(*m_store, action(u"showRejected"_s)->isChecked(), m_hiddenCategories);
    m_view->setHighlights(m_highlights);
}

void MainWindow::onCurrentEntityChanged(const QString &id)
{
    m_inspector->setEntity(id);
    const Entity *e = m_store ? m_store->entity(id) : nullptr;
    if (e && e->span.isValid() && !e->orphan)
        m_view->showSpan(e->span, id);
    else if (e)
        m_view->clearShownSpan();
    updateActions();
}

void MainWindow::onHighlightClicked(const QStringList &ids)
{
    if (ids.isEmpty() || !m_store)
        return;
    // Where entities overlap, the most specific comes first (the view sorts by span
    // length); among equal spans the more confident one, so a registrant wins over
    // an organization found at the same words.
    QStringList ordered = ids;
    std::stable_sort(ordered.begin(), ordered.end(), [this](const QString &a, const QString &b) {
        const Entity *ea = m_store->entity(a);
        const Entity *eb = m_store->entity(b);
        if (!ea || !eb)
            return bool(ea) && !eb;
        if (ea->span.length() != eb->span.length())
            return ea->span.length() < eb->span.length();
        return ea->confidence > eb->confidence;
    });
    onHighlightChosen(ordered);
}

void MainWindow::onHighlightChosen(const QStringList &ids)
{
    m_panel->selectEntity(ids.first());
    if (ids.size() == 1)
        return;
    // Overlapping entities: the smallest is selected; offer the others.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (const QString &id : ids) {
        const Entity *e = m_store->entity(id);
        if (!e)
            continue;
        QAction *a = menu->addAction(
            u"%1 · %2"_s.arg(EntityTypes::type(e->type).label, e->value.left(60)));
        a->setCheckable(true);
        a->setChecked(id == ids.first());
        connect(a, &QAction::triggered, this, [this, id] { m_panel->selectEntity(id); });
    }
    menu->popup(QCursor::pos());
}

// ---- review actions ---------------------------------------------------------

// ---- export and print -------------------------------------------------------

void MainWindow::exportCsv()
{
    m_exports->exportCsv();
}

bool MainWindow::exportCsvTo(const QString &path, const ExportOptions &options, QString *error)
{
    return m_exports->exportCsvTo(path, options, error);
}

void MainWindow::printSummary()
{
    m_exports->printSummary();
}

void MainWindow::exportSummaryPdf()
{
    m_exports->exportSummaryPdf();
}

bool MainWindow::exportSummaryPdfTo(const QString &path, QString *error)
{
    return m_exports->exportSummaryPdfTo(path, error);
}

// ---- dialogs ------------------------------------------------------------------

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && m_store)
        m_store->setReviewer(PreferencesDialog::reviewer());
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(m_menus, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::goToPage()
{
    if (!m_document)
        return;
    // The toolbar's page field: type the page, Enter goes there, Escape comes back.
    m_navigation->show();
    m_navigation->pageEdit()->setFocus(Qt::ShortcutFocusReason);
    m_navigation->pageEdit()->selectAll();
}

// ---- state --------------------------------------------------------------------

void MainWindow::updateActions()
{
    const bool open = bool(m_document);
    const bool reviewing = m_store && !m_store->isReadOnly();
    const bool hasEntity = reviewing && !m_panel->currentEntityId().isEmpty();
    for (const char *name : {"close", "zoomIn", "zoomOut", "fitWidth", "fitPage", "find", "goToPage"})
        action(QString::fromLatin1(name))->setEnabled(open || (m_loading && qstrcmp(name, "close") == 0));
    for (const char *name : {"exportCsv", "printSummary", "exportSummaryPdf"})
        action(QString::fromLatin1(name))->setEnabled(bool(m_store));
    for (const char *name : {"confirm", "reject", "editValue", "changeType", "addNote",
                             "confirmGroup", "rejectGroup", "extendEnd", "shrinkEnd", "extendStart",
                             "shrinkStart", "spanFromSelection"})
        action(QString::fromLatin1(name))->setEnabled(hasEntity);
    action(u"addEntity"_s)->setEnabled(reviewing);
    action(u"addEveryOccurrence"_s)->setEnabled(reviewing);
    action(u"confirmShown"_s)->setEnabled(reviewing);
    action(u"rejectShown"_s)->setEnabled(reviewing);
    action(u"rejectCategory"_s)->setEnabled(reviewing && !m_panel->currentCategory().isEmpty());
    action(u"nextUnreviewed"_s)->setEnabled(bool(m_store));
    action(u"previousUnreviewed"_s)->setEnabled(bool(m_store));
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/splitter"_s, m_splitter->saveState());
    settings.setValue(u"window/inspector"_s, m_inspectorWanted);
    if (m_document && m_view->pdfView()->isVisibleTo(m_view)) {
        const PdfPageView *pdf = m_view->pdfView();
        settings.setValue(u"view/pdfZoomMode"_s, int(pdf->zoomMode()));
        settings.setValue(u"view/pdfZoom"_s, pdf->zoom());
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (m_store && !m_store->isReadOnly() && m_store->hasUnsavedChanges() && !m_store->save()) {
        const auto answer = MessageBox::question(
            this, tr("Review Not Saved"),
            tr("The review of %1 could not be saved. Quit anyway and lose the latest changes?")
                .arg(QFileInfo(m_path).fileName()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    closeDocument();
    event->accept();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    QTimer::singleShot(0, this, &MainWindow::keepDocumentWide);
}

void MainWindow::keepDocumentWide()
{
    if (m_stack->currentWidget() != m_splitter)
        return;
    int deficit = width() / 2 - m_view->width();
    if (deficit <= 0)
        return;
    if (m_inspectorDock->isVisible() && !m_inspectorDock->isFloating()) {
        const int w = m_inspectorDock->width();
        const int take = qBound(0, w - m_inspectorDock->minimumSizeHint().width(), deficit);
        if (take > 0) {
            resizeDocks({m_inspectorDock}, {w - take}, Qt::Horizontal);
            deficit -= take;
        }
    }
    QList<int> sizes = m_splitter->sizes();
    if (deficit > 0 && sizes.size() == 2) {
        const int take = qBound(0, sizes.at(0) - m_panel->minimumSizeHint().width(), deficit);
        sizes[0] -= take;
        sizes[1] += take;
        m_splitter->setSizes(sizes);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    // Open after the drop returns, so the source application is not kept waiting.
    QTimer::singleShot(0, this, [this, path] { openFile(path); });
}

bool MainWindow::ensureReviewer()
{
    return m_review->ensureReviewer();
}
