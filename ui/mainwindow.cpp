#include "mainwindow.h"
#include "workspacepanel.h"

#include "aboutdialog.h"
#include "export/csvwriter.h"
#include "documentview.h"
#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "entitytreemodel.h"
#include "model/entitytypes.h"
#include "exportdialog.h"
#include "session/filingsession.h"
#include "inspector.h"
#include "messagebox.h"
#include "navigationbar.h"
#include "pdfpageview.h"
#include "readingview.h"
#include "reviewactions.h"
#include "preferencesdialog.h"
#include "shortcutsdialog.h"
#include "startpage.h"
#include "document/workerpool.h"
#include "export/summarysheet.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtCore/QSaveFile>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QCloseEvent>
#include <QtGui/QTextDocument>
#include <QtGui/QUndoGroup>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtPdf/QPdfDocument>
#include <QtPrintSupport/QPrintPreviewDialog>
#include <QtPrintSupport/QPrinter>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QUndoView>

using namespace Qt::StringLiterals;

namespace {
constexpr int maxRecentFiles = 10;
const auto sampleName = u"immunogen-8k-2007-06-04.pdf"_s;
}

struct MainWindow::LoadResult
{
    std::shared_ptr<FilingDocument> document;
    LoadError error;
};

// Shared between the GUI thread and the extraction worker: the worker reads the
// cancel flag and writes progress; nothing else crosses threads.
struct MainWindow::ExtractionJob
{
    std::atomic_bool cancel{false};
    std::atomic_int done{0};
    std::atomic_int total{0};
    quint64 job = 0;
};

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
    m_inspector->setEditGuard([this] { return m_review->ensureReviewer(); });
    connect(m_review, &ReviewActions::message, this,
            [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_review, &ReviewActions::inspectorWanted, this, [this] {
        m_inspectorWanted = true;
        m_inspectorDock->show();
    });
    connect(m_view, &DocumentView::selectionChanged, this, &MainWindow::updateActions);

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
    addAction(edit, u"preferences"_s, tr("Pre&ferences…"), QKeySequence::Preferences);
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
    inspector->setText(tr("&Inspector"));
    inspector->setShortcut(QKeySequence(tr("Ctrl+I")));
    view->addAction(inspector);
    addAction(view, u"toggleEntities"_s, tr("&Entities"), QKeySequence(tr("Ctrl+Shift+L")));
    action(u"toggleEntities"_s)->setCheckable(true);
    action(u"toggleEntities"_s)->setChecked(true);
    connect(action(u"toggleEntities"_s), &QAction::toggled, m_panel, &QWidget::setVisible);
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
    addAction(reviewMenu, u"rejectGroup"_s, tr("Reject G&roup"), QKeySequence(tr("Shift+Del")));
    connect(action(u"rejectGroup"_s), &QAction::triggered, this, [this] { m_review->review(false, true); });
    addAction(reviewMenu, u"confirmShown"_s, tr("Confirm All &Shown…"), QKeySequence(tr("Ctrl+Shift+Return")));
    connect(action(u"confirmShown"_s), &QAction::triggered, this, [this] { m_review->reviewShown(true); });
    addAction(reviewMenu, u"rejectShown"_s, tr("Reject All S&hown…"), QKeySequence(tr("Ctrl+Shift+Del")));
    connect(action(u"rejectShown"_s), &QAction::triggered, this, [this] { m_review->reviewShown(false); });
    addAction(reviewMenu, u"rejectCategory"_s, tr("Reject Whole &Category…"));
    connect(action(u"rejectCategory"_s), &QAction::triggered, m_review, &ReviewActions::rejectCategory);
    reviewMenu->addSeparator();
    addAction(reviewMenu, u"addEntity"_s, tr("&Add Entity from Selection…"), QKeySequence(tr("Ctrl+E")));
    connect(action(u"addEntity"_s), &QAction::triggered, this, [this] { m_review->addEntityFromSelection(false); });
    addAction(reviewMenu, u"addEveryOccurrence"_s, tr("Add &Every Occurrence of Selection…"),
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

void MainWindow::createStatusBar()
{
    m_countLabel = new QLabel(this);
    m_savedLabel = new QLabel(this);
    m_readOnlyLabel = new QLabel(tr("Read-only"), this);
    m_readOnlyLabel->setStyleSheet(u"color: #8a4b00; font-weight: bold;"_s);
    m_readOnlyLabel->hide();
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop finding entities"));
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->hide();
    connect(m_cancelButton, &QToolButton::clicked, this, [this] {
        if (m_extraction)
            m_extraction->cancel = true;
    });
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_savedLabel);
    statusBar()->addPermanentWidget(m_countLabel);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString &path : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        clearRecentFiles();
        m_startPage->setRecentFiles({});
    });
}

// ---- recent files and the sample ------------------------------------------

QStringList MainWindow::recentFiles()
{
    return QSettings().value(u"recentFiles"_s).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    QSettings().setValue(u"recentFiles"_s, files);
}

void MainWindow::clearRecentFiles()
{
    QSettings().remove(u"recentFiles"_s);
}

QString MainWindow::sampleCopy(QString *error)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + u"/sample"_s;
    const QString target = folder + u'/' + sampleName;
    if (QFileInfo::exists(target))
        return target;
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(folder));
        return {};
    }
    QFile source(u":/sample/"_s + sampleName);
    QSaveFile out(target);
    if (!source.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)
        || out.write(source.readAll()) != source.size() || !out.commit()) {
        if (error)
            *error = tr("Could not copy the sample filing to %1: %2")
                         .arg(QDir::toNativeSeparators(target),
                              source.isOpen() ? out.errorString() : source.errorString());
        return {};
    }
    // A writable copy, so the review can be saved beside it.
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                      | QFile::ReadOther);
    return target;
}

void MainWindow::openSample()
{
    QString error;
    const QString path = sampleCopy(&error);
    if (path.isEmpty()) {
        MessageBox::critical(this, tr("Open the Sample"), error);
        return;
    }
    openFile(path);
}

// ---- opening, loading, extracting -----------------------------------------

void MainWindow::openDialog()
{
    QSettings settings;
    const QString folder = settings.value(u"lastFolder"_s,
                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Filing"), folder,
        tr("Filings (*.pdf *.htm *.html *.txt *.nc);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(u"lastFolder"_s, QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::openFile(const QString &path)
{
    if (path.isEmpty())
        return;
    startLoad(QFileInfo(path).absoluteFilePath(), QString());
}

void MainWindow::startLoad(const QString &path, const QString &password)
{
    closeDocument();
    const quint64 job = ++m_job;
    m_loading = true;
    m_path = path;
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_progress->setRange(0, 0);
    m_progress->show();
    updateActions();
    startPdfPreview(path, password);

    LoadOptions options;
    options.password = password;
    QThread *guiThread = thread();
    // Continuations run on the GUI thread in the application's context rather than
    // the window's, which may be gone by the time a worker finishes; self says so.
    QPointer<MainWindow> self(this);
    QtConcurrent::run(workerPool(), [path, options, guiThread] {
        LoadResult result;
        std::unique_ptr<FilingDocument> doc = FilingSession::load(path, options, &result.error);
        // The document is used on the GUI thread from now on. The text documents of plain
        // parts are made here, off the GUI thread, then handed over with the PDF and the
        // sheets of HTML parts made while loading.
        if (doc) {
            const QList<DocumentPart> &parts = doc->content().parts;
            for (int i = 0; i < parts.size(); ++i) {
                const DocumentPart &part = parts.at(i);
                if (part.hasText() && (part.kind == DocumentPart::Kind::Text || part.kind == DocumentPart::Kind::Header))
                    doc->partDocument(i);
            }
            doc->moveToThread(guiThread);
        }
        result.document = std::move(doc);
        return result;
    }).then(qApp, [self, job, path, password](const LoadResult &result) {
        if (!self || job != self->m_job)
            return; // closed, or another file was opened meanwhile
        self->onLoaded(path, password, result);
    });
}

void MainWindow::startPdfPreview(const QString &path, const QString &password)
{
    // A PDF's pages can be drawn long before its text layer is read: a second QtPdf document
    // is opened for them beside the load (milliseconds; reading every page's size, which the
    // view needs at once, takes up to a tenth of a second on a long filing, so that is done
    // off the GUI thread too). The loaded document takes its place in onLoaded().
    const quint64 job = m_job;
    QThread *guiThread = thread();
    QPointer<MainWindow> self(this);
    // The GUI thread never calls pdfium for it: pdfium's one lock may be held a long time
    // by the loading filing meanwhile.
    struct Preview
    {
        std::shared_ptr<QPdfDocument> pdf;
        QList<QSizeF> pageSizes;
    };
    QtConcurrent::run(workerPool(), [path, password, guiThread]() -> Preview {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || !file.read(1024).contains("%PDF"))
            return {};
        file.close();
        Preview preview;
        preview.pdf = std::make_shared<QPdfDocument>();
        if (!password.isEmpty())
            preview.pdf->setPassword(password);
        if (preview.pdf->load(path) != QPdfDocument::Error::None || preview.pdf->pageCount() <= 0)
            return {};
        for (int i = 0; i < preview.pdf->pageCount(); ++i)
            preview.pageSizes.append(preview.pdf->pagePointSize(i));
        preview.pdf->moveToThread(guiThread);
        return preview;
    }).then(qApp, [self, job](const Preview &preview) {
        // Not once the filing itself is shown, nor for a filing no longer being opened.
        if (!self || !preview.pdf || job != self->m_job || !self->m_loading)
            return;
        self->m_preview = preview.pdf;
        self->showStartPage(false);
        self->m_view->showPdfPreview(preview.pdf.get(), preview.pageSizes);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        self->restoreZoom();
        self->updateNavigation();
    });
}

void MainWindow::onLoaded(const QString &path, const QString &password, const LoadResult &result)
{
    m_loading = false;
    m_progress->hide();
    statusBar()->clearMessage();
    if (!result.document) {
        const LoadError &error = result.error;
        m_view->setDocument(nullptr);
        m_preview.reset();
        m_path.clear();
        showStartPage(true);
        updateTitle();
        updateActions();
        if (error.kind == LoadError::Kind::PasswordRequired
            || error.kind == LoadError::Kind::WrongPassword) {
            const QString name = QFileInfo(path).fileName();
            const QString label = error.kind == LoadError::Kind::WrongPassword && !password.isEmpty()
                ? tr("The password was wrong. Try again for %1:").arg(name)
                : tr("%1 is protected by a password. Enter it to open the filing:").arg(name);
            bool ok = false;
            const QString answer = MessageBox::askPassword(this, tr("Password"), label, &ok);
            if (ok) {
                startLoad(path, answer);
                return;
            }
            Q_EMIT documentFailed(path, error.message);
            return;
        }
        QString message = error.message;
        if (message.isEmpty())
            message = tr("Could not open %1.").arg(QDir::toNativeSeparators(path));
        MessageBox::critical(this, tr("Cannot Open Filing"), message);
        Q_EMIT documentFailed(path, message);
        return;
    }
    m_document = result.document;
    m_path = path;
    addRecentFile(path);
    m_startPage->setRecentFiles(recentFiles());
    showStartPage(false);
    m_view->setDocument(m_document.get());
    m_preview.reset();
    // Fitting needs the view's final size, known once the layout has run.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    restoreZoom();
    updateTitle();
    updateActions();
    updateStatus();
    updateNavigation();
    Q_EMIT documentLoaded(path);
    startExtraction();
}

void MainWindow::startExtraction()
{
    cancelExtraction();
    auto job = std::make_shared<ExtractionJob>();
    job->job = m_job;
    m_extraction = job;
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->show();
    m_progressTimer->start();
    statusBar()->showMessage(tr("Finding entities…"));

    const DocumentContent content = m_document->content();
    QPointer<MainWindow> self(this);
    QtConcurrent::run(workerPool(), [content, job] {
        return FilingSession::extract(
            content,
            [job](int done, int total) {
                job->done = done;
                job->total = total;
            },
            &job->cancel);
    }).then(qApp, [self, job](const EntityList &entities) {
        if (!self || self->m_extraction != job || job->job != self->m_job)
            return;
        self->onExtracted(entities);
    });
}

void MainWindow::cancelExtraction()
{
    if (m_extraction)
        m_extraction->cancel = true;
    m_extraction.reset();
    m_progressTimer->stop();
    m_progress->hide();
    m_cancelButton->hide();
}

void MainWindow::updateProgress()
{
    if (!m_extraction)
        return;
    const int total = m_extraction->total;
    m_progress->setValue(total > 0 ? int(100.0 * m_extraction->done / total) : 0);
}

void MainWindow::onExtracted(const EntityList &entities)
{
    const bool cancelled = m_extraction && m_extraction->cancel;
    m_extraction.reset();
    m_progressTimer->stop();
    m_progress->hide();
    m_cancelButton->hide();
    statusBar()->clearMessage();

    // A user's rule pack that could not be read is named once per session, as the
    // command line names it on every run.
    QStringList ruleProblems;
    for (const RulePackError &e : FilingSession::ruleErrors())
        ruleProblems << FilingSession::describe(e);
    if (!ruleProblems.isEmpty() && ruleProblems != m_shownRuleProblems) {
        m_shownRuleProblems = ruleProblems;
        MessageBox::warning(this, tr("Rule Pack Not Loaded"),
                            tr("Some of your rule packs could not be loaded; the rest were "
                               "used.\n\n%1")
                                .arg(ruleProblems.join(u'\n')));
    }

    auto *store = new ReviewStore(this);
    store->setReviewer(PreferencesDialog::reviewer());
    setStore(store);
    store->open(m_document->content(), entities);
    if (cancelled)
        statusBar()->showMessage(tr("Stopped finding entities: %1 found so far.").arg(entities.size()),
                                 8000);
    updateHighlights();
    updateStatus();
    updateActions();
    updateTitle();
    // The reviewer starts in the tree (N, Enter, Delete work at once), unless they
    // already went to type somewhere while the entities were found.
    QWidget *focus = QApplication::focusWidget();
    if (!focus || !isAncestorOf(focus)
        || (focus == m_panel->filterEdit() && m_panel->filterEdit()->text().isEmpty())
        || focus == m_startPage
        || m_startPage->isAncestorOf(focus))
        m_panel->tree()->setFocus(Qt::OtherFocusReason);
    restorePlace();
    Q_EMIT extractionFinished(store->count());
}

void MainWindow::setStore(ReviewStore *store)
{
    if (m_store) {
        m_undoGroup->removeStack(m_store->undoStack());
        m_store->close();
        m_store->deleteLater();
    }
    m_store = store;
    m_panel->setStore(store);
    m_inspector->setStore(store);
    m_review->setStore(store);
    if (!store)
        return;
    m_undoGroup->addStack(store->undoStack());
    m_undoGroup->setActiveStack(store->undoStack());
    connect(store, &ReviewStore::modelReset, this, &MainWindow::scheduleHighlights);
    connect(store, &ReviewStore::entityChanged, this, &MainWindow::scheduleHighlights);
    connect(store, &ReviewStore::entityInserted, this, &MainWindow::scheduleHighlights);
    connect(store, &ReviewStore::entityRemoved, this, &MainWindow::scheduleHighlights);
    connect(store, &ReviewStore::modelReset, this, &MainWindow::updateStatus);
    connect(store, &ReviewStore::entityChanged, this, &MainWindow::updateStatus);
    connect(store, &ReviewStore::entityInserted, this, &MainWindow::updateStatus);
    connect(store, &ReviewStore::entityRemoved, this, &MainWindow::updateStatus);
    connect(store->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateTitle);
    connect(store, &ReviewStore::saved, this, [this](const QString &path, const QDateTime &when) {
        m_savedLabel->setText(tr("Saved %1").arg(QLocale().toString(when.toLocalTime().time(),
                                                                    QLocale::ShortFormat)));
        m_savedLabel->setToolTip(QDir::toNativeSeparators(path));
        updateTitle();
    });
    // "Saved" only once the change is on disk (the journal's fsync, milliseconds later).
    connect(store, &ReviewStore::journaled, this, [this] { m_savedLabel->setText(tr("Saving…")); });
    connect(store, &ReviewStore::durable, this, [this, store] {
        if (store->isDurable())
            m_savedLabel->setText(tr("Saved %1").arg(QLocale().toString(QTime::currentTime(),
                                                                        QLocale::ShortFormat)));
    });
    connect(store, &ReviewStore::saveFailed, this, [this](const QString &message) {
        m_savedLabel->setText(tr("Not saved"));
        m_savedLabel->setToolTip(message);
        statusBar()->showMessage(message, 15000);
        MessageBox::warning(this, tr("Review Not Saved"), message);
        updateTitle();
    });
    connect(store, &ReviewStore::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(store, &ReviewStore::readOnlyChanged, this, [this] {
        updateStatus();
        updateActions();
    });
    connect(store, &ReviewStore::externalChangeConflict, this, &MainWindow::onExternalChange);
    // Undo and redo show what they changed: the entity is selected and the filing goes to it.
    connect(store, &ReviewStore::revisited, this, [this](const QStringList &ids) {
        const QString id = ids.value(0);
        if (m_store && m_store->entity(id) && m_panel->selectEntity(id)) {
            const Entity *e = m_store->entity(id);
            if (e->span.isValid() && !e->orphan)
                m_view->showSpan(e->span, id);
        }
    });
}

void MainWindow::onExternalChange(const QString &path)
{
    if (!m_store)
        return;
    const auto answer = MessageBox::question(
        this, tr("Review Changed on Disk"),
        tr("The review of this filing was changed by another program (%1), and you have "
           "changes that are not saved yet.\n\nReload the file's decisions and drop your "
           "unsaved changes?")
            .arg(QDir::toNativeSeparators(path)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        m_store->reloadFromDisk();
    else
        m_store->keepLocalChanges();
}

void MainWindow::closeDocument()
{
    rememberPlace();
    ++m_job;
    m_loading = false;
    cancelExtraction();
    m_inspector->setEntity({});
    setStore(nullptr);
    m_highlights.clear();
    m_view->setDocument(nullptr);
    m_preview.reset();
    m_document.reset();
    m_path.clear();
    m_savedLabel->clear();
    statusBar()->clearMessage();
    m_startPage->setRecentFiles(recentFiles());
    showStartPage(true);
    updateTitle();
    updateActions();
    updateStatus();
    updateNavigation();
}

namespace {
constexpr int maxPlaces = 200;
const auto placesKey = u"places/filings"_s;
}

void MainWindow::rememberPlace()
{
    if (!m_document || m_loading)
        return;
    const QString sha = m_document->content().sha256;
    const DocumentView::Place place = m_view->place();
    if (sha.isEmpty() || !place.isValid())
        return;
    QSettings settings;
    QVariantMap places = settings.value(placesKey).toMap();
    QVariantMap entry{{u"part"_s, place.part},     {u"page"_s, place.page},
                      {u"scroll"_s, place.scroll}, {u"zoom"_s, place.zoom},
                      {u"entity"_s, m_panel->currentEntityId()},
                      {u"at"_s, QDateTime::currentDateTimeUtc()}};
    places.insert(sha, entry);
    // Keep the most recent filings only.
    while (places.size() > maxPlaces) {
        auto oldest = places.begin();
        for (auto it = places.begin(); it != places.end(); ++it)
            if (it.value().toMap().value(u"at"_s).toDateTime()
                < oldest.value().toMap().value(u"at"_s).toDateTime())
                oldest = it;
        places.erase(oldest);
    }
    settings.setValue(placesKey, places);
}

void MainWindow::restorePlace()
{
    if (!m_document)
        return;
    const QVariantMap entry =
        QSettings().value(placesKey).toMap().value(m_document->content().sha256).toMap();
    if (entry.isEmpty())
        return;
    const QString id = entry.value(u"entity"_s).toString();
    if (m_store && m_store->entity(id)) {
        QSignalBlocker quiet(m_panel); // select without scrolling the filing to it
        m_panel->selectEntity(id);
        m_inspector->setEntity(id);
    }
    DocumentView::Place place;
    place.part = entry.value(u"part"_s).toInt();
    place.page = entry.value(u"page"_s).toInt();
    place.scroll = entry.value(u"scroll"_s).toInt();
    place.zoom = entry.value(u"zoom"_s).toDouble();
    // A fitted zoom stays fitted when the window has the same size as last time.
    if (place.zoom > 0 && qAbs(place.zoom - m_view->zoom()) > 0.01)
        m_view->setZoom(place.zoom);
    m_view->restorePlace(place);
    m_view->clearHistory();
    updateNavigation();
    updateActions();
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
    if (m_store) {
        const bool showRejected = action(u"showRejected"_s)->isChecked();
        m_highlights.reserve(m_store->count());
        for (const Entity &e : m_store->entities()) {
            if (e.orphan || !e.span.isValid())
                continue;
            const bool rejected = e.status == EntityStatus::Rejected;
            if (rejected && !showRejected)
                continue;
            const EntityType type = EntityTypes::type(e.type);
            if (m_hiddenCategories.contains(type.category))
                continue;
            Highlight h;
            h.entityId = e.id;
            h.span = e.span;
            h.color = rejected ? QColor(0x9e, 0x9e, 0x9e) : type.color;
            h.tooltip = u"%1 · %2 · %3 · %4"_s.arg(type.label, e.value,
                                                   QString::number(e.confidence, 'f', 2),
                                                   EntityTreeModel::statusLabel(e.status));
            m_highlights << h;
        }
    }
    m_view->setHighlights(m_highlights);
}

void MainWindow::onCurrentEntityChanged(const QString &id)
{
    m_inspector->setEntity(id);
    const Entity *e = m_store ? m_store->entity(id) : nullptr;
    if (e && e->span.isValid() && !e->orphan)
        m_view->showSpan(e->span, id);
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
    if (!m_store)
        return;
    QSettings settings;
    const QFileInfo filing(m_path);
    const QString folder = settings.value(u"export/lastFolder"_s, filing.absolutePath()).toString();
    ExportDialog dialog(folder + u'/' + filing.completeBaseName() + u".csv"_s,
                        m_panel->filter()->isFiltering(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ExportOptions options;
    options.includeRejected = dialog.includeRejected();
    options.bom = dialog.bom();
    if (dialog.onlyFiltered()) {
        const EntityFilterProxy *proxy = m_panel->filter();
        options.filter = [proxy](const Entity &e) { return proxy->acceptsEntity(e); };
    }
    const QString path = dialog.path();
    QString error;
    if (!exportCsvTo(path, options, &error)) {
        MessageBox::critical(this, tr("Export CSV"), error);
        return;
    }
}

bool MainWindow::exportCsvTo(const QString &path, const ExportOptions &options, QString *error)
{
    if (!m_store)
        return false;
    QSaveFile file(path);
    QString problem;
    int rows = 0;
    if (!file.open(QIODevice::WriteOnly)) {
        problem = file.errorString();
    } else {
        CsvWriter csv(&file, options);
        if (!csv.addFile(m_store->content(), m_store->entities()) || !csv.finish())
            problem = csv.errorString();
        else if (!file.commit())
            problem = file.errorString();
        rows = csv.rowCount();
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), problem);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1 to %2.")
                                 .arg(rows == 1 ? tr("1 entity") : tr("%1 entities").arg(rows),
                                      QDir::toNativeSeparators(path)),
                             8000);
    return true;
}

void MainWindow::printSummary()
{
    if (!m_store)
        return;
    SummaryOptions options;
    options.pageSize = PreferencesDialog::summaryOnA4() ? QPageSize::A4 : QPageSize::Letter;
    options.reviewer = m_store->reviewer();
    const SummarySheet sheet(m_store->content(), m_store->entities(), options);
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(options.pageSize));
    // Printing to a file offers the summary's name, not the filing's own.
    printer.setDocName(QFileInfo(m_path).completeBaseName() + u"-summary"_s);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print Summary"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [&sheet, this](QPrinter *p) {
        QString error;
        if (!sheet.print(p, &error))
            MessageBox::critical(this, tr("Print Summary"), error);
    });
    preview.resize(900, 1000);
    preview.exec();
}

void MainWindow::exportSummaryPdf()
{
    if (!m_store)
        return;
    const QFileInfo filing(m_path);
    QSettings settings;
    const QString folder = settings.value(u"export/lastFolder"_s, filing.absolutePath()).toString();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Summary as PDF"),
        folder + u'/' + filing.completeBaseName() + u"-summary.pdf"_s, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(u"export/lastFolder"_s, QFileInfo(path).absolutePath());
    QString error;
    if (!exportSummaryPdfTo(path, &error))
        MessageBox::critical(this, tr("Export Summary as PDF"), error);
}

bool MainWindow::exportSummaryPdfTo(const QString &path, QString *error)
{
    if (!m_store)
        return false;
    SummaryOptions options;
    options.pageSize = PreferencesDialog::summaryOnA4() ? QPageSize::A4 : QPageSize::Letter;
    options.reviewer = m_store->reviewer();
    const SummarySheet sheet(m_store->content(), m_store->entities(), options);
    QSaveFile file(path);
    QString problem;
    if (!file.open(QIODevice::WriteOnly))
        problem = file.errorString();
    else if (!sheet.writePdf(&file, &problem))
        file.cancelWriting();
    else if (!file.commit())
        problem = file.errorString();
    if (!problem.isEmpty()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), problem);
        return false;
    }
    statusBar()->showMessage(tr("Summary saved to %1.").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
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

void MainWindow::updateStatus()
{
    if (!m_store) {
        m_countLabel->clear();
        m_readOnlyLabel->hide();
        return;
    }
    int reviewed = 0;
    for (const Entity &e : m_store->entities())
        if (e.status != EntityStatus::Auto)
            ++reviewed;
    const int count = m_store->count();
    m_countLabel->setText(tr("%1 · %2 reviewed")
                              .arg(count == 1 ? tr("1 entity") : tr("%1 entities").arg(count))
                              .arg(reviewed));
    m_readOnlyLabel->setVisible(m_store->isReadOnly());
    m_readOnlyLabel->setToolTip(m_store->readOnlyReason());
}

void MainWindow::updateTitle()
{
    if (m_path.isEmpty()) {
        setWindowTitle(tr("Filing Lens"));
        setWindowModified(false);
        return;
    }
    setWindowTitle(tr("%1[*] — Filing Lens").arg(QFileInfo(m_path).fileName()));
    setWindowModified(m_store && m_store->hasUnsavedChanges());
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

void MainWindow::restoreZoom()
{
    QSettings settings;
    PdfPageView *pdf = m_view->pdfView();
    const auto mode = PdfPageView::ZoomMode(
        settings.value(u"view/pdfZoomMode"_s, int(PdfPageView::ZoomMode::FitWidth)).toInt());
    if (mode == PdfPageView::ZoomMode::Custom)
        pdf->setZoom(qBound(0.1, settings.value(u"view/pdfZoom"_s, 1.0).toDouble(), 8.0));
    else
        pdf->setZoomMode(mode);
    // Text and HTML filings open fitted to the width: their lines are laid out for a
    // page wider than most panes, and a sideways scroll on every line reads badly.
    m_view->readingView()->fitWidth();
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
