#pragma once

#include "export/exportoptions.h"
#include "document/filingdocument.h"
#include "highlight.h"
#include "review/reviewstore.h"

#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtWidgets/QMainWindow>

#include <atomic>
#include <memory>

class DocumentView;
class EntityPanel;
class ExportRunner;
class Inspector;
class NavigationBar;
class QAction;
class QActionGroup;
class ReviewActions;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolButton;
class QUndoGroup;
class StartPage;

// The desktop window: a filing beside its entities. Loads the filing and runs the
// extractor on worker threads (a newer open cancels an older one; stale results
// are dropped by job id), keeps one ReviewStore per open filing, and links the
// entity panel, the inspector and the document view both ways.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts opening a filing and returns at once; documentLoaded or documentFailed follow.
    void openFile(const QString &path);
    // Copies the bundled sample to the per-user data folder (once) and opens that copy.
    void openSample();
    void closeDocument();

    QString filePath() const { return m_path; }
    FilingDocument *document() const { return m_document.get(); }
    ReviewStore *store() const { return m_store; }
    // Asks for the reviewer's name the first time a decision is made; false if none is given.
    bool ensureReviewer();
    DocumentView *documentView() const { return m_view; }
    EntityPanel *entityPanel() const { return m_panel; }
    Inspector *inspector() const { return m_inspector; }
    NavigationBar *navigationBar() const { return m_navigation; }
    StartPage *startPage() const { return m_startPage; }
    bool isExtracting() const { return bool(m_extraction); }
    // The highlights last given to the view.
    const QList<Highlight> &highlights() const { return m_highlights; }
    // Actions by object name ("confirm", "reject", "undo" ...), for tests and the shortcut list.
    QAction *action(const QString &name) const;

    // What File ▸ Export CSV… and Export Summary as PDF… write once a path is chosen.
    // false with *error naming the file and the problem.
    bool exportCsvTo(const QString &path, const ExportOptions &options, QString *error);
    bool exportSummaryPdfTo(const QString &path, QString *error);

    static QStringList recentFiles();
    static void addRecentFile(const QString &path);
    static void clearRecentFiles();
    // Where --sample opens from; copies the bundled filing there first if needed.
    static QString sampleCopy(QString *error);

Q_SIGNALS:
    void documentLoaded(const QString &path);
    void documentFailed(const QString &path, const QString &message);
    void extractionFinished(int entityCount);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct LoadResult;
    struct ExtractionJob;

    void createActions();
    void createMenus();
    void createStatusBar();
    void createToolBar();
    void updateNavigation();
    // Where the reviewer was in a filing (page, zoom, selected entity), by its sha256.
    void rememberPlace();
    void restorePlace();
    QAction *addAction(QMenu *menu, const QString &name, const QString &text,
                       const QKeySequence &shortcut = {});
    void startLoad(const QString &path, const QString &password);
    void startPdfPreview(const QString &path, const QString &password);
    void onLoaded(const QString &path, const QString &password, const LoadResult &result);
    void startExtraction();
    void onExtracted(const EntityList &entities);
    void cancelExtraction();
    void setStore(ReviewStore *store);
    void scheduleHighlights();
    void updateHighlights();
    void updateActions();
    void updateStatus();
    void updateTitle();
    void updateProgress();
    void onCurrentEntityChanged(const QString &id);
    void onHighlightClicked(const QStringList &ids);
    void onHighlightChosen(const QStringList &ids);
    void onExternalChange(const QString &path);

    void openDialog();
    void rebuildRecentMenu();
    void exportCsv();
    void printSummary();
    void exportSummaryPdf();
    void showPreferences();
    void showShortcuts();
    void showAbout();
    void goToPage();
    void restoreZoom();
    void reopenFallback(const QString &failedPath);
    void showStartPage(bool start);
    void saveWindowState();
    // In a small window the side panels give way first: the filing keeps half the width.
    void keepDocumentWide();

    QString m_path;
    QString m_password; // what the open filing was opened with
    // The filing that was open when another was asked for: opened again should the
    // other fail, so a broken file never takes the analyst's filing away.
    QString m_fallbackPath;
    QString m_fallbackPassword;
    std::shared_ptr<FilingDocument> m_document;
    // The PDF shown while its FilingDocument loads (see startPdfPreview).
    std::shared_ptr<QPdfDocument> m_preview;
    QPointer<ReviewStore> m_store;
    quint64 m_job = 0; // bumped by every open and close; results of older jobs are dropped
    bool m_loading = false;
    std::shared_ptr<ExtractionJob> m_extraction;
    QList<Highlight> m_highlights;
    QSet<QString> m_hiddenCategories;
    QStringList m_shownRuleProblems;
    bool m_inspectorWanted = true;

    QStackedWidget *m_stack = nullptr;
    StartPage *m_startPage = nullptr;
    QSplitter *m_splitter = nullptr;
    EntityPanel *m_panel = nullptr;
    DocumentView *m_view = nullptr;
    Inspector *m_inspector = nullptr;
    ReviewActions *m_review = nullptr;
    ExportRunner *m_exports = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    NavigationBar *m_navigation = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    QTimer *m_highlightTimer = nullptr;
    QTimer *m_progressTimer = nullptr;

    QLabel *m_countLabel = nullptr;
    QLabel *m_savedLabel = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelButton = nullptr;

    QMenu *m_recentMenu = nullptr;
    QMenu *m_highlightMenu = nullptr;
    QList<QMenu *> m_menus;
    QHash<QString, QAction *> m_actions;
};
