// MainWindow, continued: opening a filing (load, PDF preview, extraction, the review store),
// what the status bar says of it, and where the reviewer was in it. The window's widgets,
// menus and links are in mainwindow.cpp.
#include "mainwindow.h"

#include "documentview.h"
#include "document/backgroundpriority.h"
#include "document/workerpool.h"
#include "entitypanel.h"
#include "inspector.h"
#include "messagebox.h"
#include "pdfpageview.h"
#include "preferencesdialog.h"
#include "readingview.h"
#include "recentfiles.h"
#include "reviewactions.h"
#include "session/filingsession.h"
#include "startpage.h"
#include "tablespanel.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>
#include <QtGui/QUndoGroup>
#include <QtPdf/QPdfDocument>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>

#include <utility>

using namespace Qt::StringLiterals;

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

// ---- opening, loading, extracting -----------------------------------------

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

void MainWindow::openDialog()
{
    QSettings settings;
    // The folder last opened from; else that of the filing open (given on the command
    // line), unless it is the sample's copy; else Documents, or home without one.
    QString folder = settings.value(u"lastFolder"_s).toString();
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (folder.isEmpty() && !m_path.isEmpty() && !m_path.startsWith(data + u'/'))
        folder = QFileInfo(m_path).absolutePath();
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QFileInfo(folder).isDir())
        folder = QDir::homePath();
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
    if (m_document && !m_loading && path != m_path) {
        m_fallbackPath = m_path;
        m_fallbackPassword = m_password;
    }
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
        BackgroundPriority::enter(); // PDF text workers started from here inherit it
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

// The filing open before a failed one comes back, at most once (its own failure
// leaves the start page).
void MainWindow::reopenFallback(const QString &failedPath)
{
    const QString back = std::exchange(m_fallbackPath, QString());
    const QString password = std::exchange(m_fallbackPassword, QString());
    if (back.isEmpty() || back == failedPath)
        return;
    startLoad(back, password);
    statusBar()->showMessage(tr("Opening %1 again…").arg(QFileInfo(back).fileName()));
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
        // The last owner may be a page render finishing on the view's render thread: the
        // document then goes on the thread it lives in.
        preview.pdf = std::shared_ptr<QPdfDocument>(new QPdfDocument, [](QPdfDocument *pdf) {
            if (pdf->thread() == QThread::currentThread())
                delete pdf;
            else
                pdf->deleteLater();
        });
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
        self->m_view->showPdfPreview(preview.pdf, preview.pageSizes);
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
            reopenFallback(path);
            return;
        }
        QString message = error.message;
        if (message.isEmpty())
            message = tr("Could not open %1.").arg(QDir::toNativeSeparators(path));
        // The panels let the failed file go first; then, behind the message, the filing the
        // analyst was in comes back.
        Q_EMIT documentFailed(path, message);
        reopenFallback(path);
        MessageBox::critical(this, tr("Cannot Open Filing"), message);
        return;
    }
    m_document = result.document;
    m_path = path;
    m_password = password;
    m_fallbackPath.clear();
    m_fallbackPassword.clear();
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
        BackgroundPriority::enter();
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

// ---- the status bar and the reviewer's place --------------------------------

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

void MainWindow::rememberPlace()
{
    if (!m_document || m_loading)
        return;
    const QString sha = m_document->content().sha256;
    const DocumentView::Place place = m_view->place();
    if (sha.isEmpty() || !place.isValid())
        return;
    RecentFiles::rememberPlace(sha, {{u"part"_s, place.part},     {u"page"_s, place.page},
                                     {u"scroll"_s, place.scroll}, {u"zoom"_s, place.zoom},
                                     {u"entity"_s, m_panel->currentEntityId()}});
}

void MainWindow::restorePlace()
{
    if (!m_document)
        return;
    const QVariantMap entry = RecentFiles::place(m_document->content().sha256);
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
    QString text = tr("%1 · %2 reviewed")
                       .arg(count == 1 ? tr("1 entity") : tr("%1 entities").arg(count))
                       .arg(reviewed);
    // Table decisions are reviews too: counted once the filing's tables are read.
    if (const TablesPanel *tables = TablesPanel::of(this); tables && !tables->tables().isEmpty())
        text += tr(" · %1 of %2 tables reviewed").arg(tables->reviewedCount()).arg(tables->tables().size());
    m_countLabel->setText(text);
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
