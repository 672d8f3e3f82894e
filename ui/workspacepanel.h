#pragma once

#include "session/workspace.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QThreadPool>
#include <QtWidgets/QDockWidget>

#include <atomic>
#include <memory>

class MainWindow;
class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;

// The status rows of a workspace (Workspace::statusColumns), one per filing; a filing
// that could not be opened says so in the State column, its error in the last column
// (Error) and in the tooltip of its row.
class WorkspaceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    // `listing`: the rows as listed before indexing, those not indexed yet shown as
    // being read rather than as errors.
    void setRows(const QList<Workspace::FilingStatus> &rows, bool listing = false);
    // Replaces the row of the same filing (by path); false when there is none.
    bool updateRow(const Workspace::FilingStatus &row);
    const QList<Workspace::FilingStatus> &rows() const { return m_rows; }
    bool isListing() const { return m_listing; }
    int rowOf(const QString &path) const;
    int doneCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static constexpr int PathRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

private:
    QList<Workspace::FilingStatus> m_rows;
    bool m_listing = false;
    QList<QStringList> m_cells; // Workspace::statusCells of each row, made once: views ask often
    QHash<QString, int> m_rowOf; // row by path: each save of the open filing's review looks it up
};

// File ▸ Open Folder…: a dock listing the filings of a folder (sub-folders included)
// with their review progress, sortable and filterable, and a progress bar. The folder
// is listed and indexed (WorkspaceIndex) on a thread of its own, whose filings are
// loaded and extracted on the worker pool: the GUI thread only receives finished rows.
// The row of the filing open in the window follows each save of its review.
class WorkspacePanel final : public QDockWidget
{
    Q_OBJECT
public:
    // Makes the panel, docks it in the window and adds its actions to `fileMenu`.
    static WorkspacePanel *install(MainWindow *window, QMenu *fileMenu);
    // The panel install() made for the window; nullptr if none.
    static WorkspacePanel *of(MainWindow *window);

    explicit WorkspacePanel(MainWindow *window);
    ~WorkspacePanel() override;

    void openFolder(const QString &folder);
    QString folder() const { return m_folder; }
    bool isIndexing() const { return m_indexing; }
    WorkspaceModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterField() const { return m_filter; }
    QProgressBar *progressBar() const { return m_progress; }

    // View ▸ Workspace (Ctrl+Alt+W) and View ▸ Search Filings… (Ctrl+Alt+F): show the
    // panel, even after it was closed, with the keyboard in it.
    void addViewActions(QMenu *viewMenu);
    // Shows the panel with the keyboard in its table.
    void showWorkspace();

    // Opens the next (or previous) filing of the list as sorted and filtered.
    void openNext(int step);
    // Marks a filing done in its review file: the one open in the window, or the row
    // selected while the keyboard is in the table (or when none is open). A filing open
    // is closed first (its review saved). Then the next filing of the list opens; at the
    // end of the list the window stays on the marked filing (if it was open).
    void markSelectedDone();

Q_SIGNALS:
    // The folder's filings are listed, with the status of those indexed before; those
    // not indexed yet say so until indexingFinished().
    void filingsListed(int filings);
    void indexingFinished(int filings);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseFolder();
    void setIndexProgress(int done, int total);
    void showRows(const QList<Workspace::FilingStatus> &rows, const QStringList &errors);
    void showListedRows(const QList<Workspace::FilingStatus> &rows);
    void fitColumns();
    void updateDoneProgress();
    void refreshOpenFiling();
    void watchStore();
    QString selectedPath() const;
    QString markTarget() const;
    // The next (step 1) or previous (-1) filing that can be opened, in the list's order.
    QString neighbourOf(const QString &from, int step) const;
    void openPath(const QString &path);

    MainWindow *m_window;
    WorkspaceModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QProgressBar *m_progress;
    QLabel *m_message;
    QAction *m_openFolder = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_markDone = nullptr;
    QAction *m_show = nullptr;
    bool m_focusReview = false; // opened from the table: the keyboard goes to the entity list
    QString m_folder;
    bool m_indexing = false;
    quint64 m_job = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThreadPool m_indexThread; // one thread: lists and indexes the folder
};
