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
// that could not be opened shows its error in the state column.
class WorkspaceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<Workspace::FilingStatus> &rows);
    // Replaces the row of the same filing (by path); false when there is none.
    bool updateRow(const Workspace::FilingStatus &row);
    const QList<Workspace::FilingStatus> &rows() const { return m_rows; }
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

    // Opens the next (or previous) filing of the list as sorted and filtered.
    void openNext(int step);
    // Marks the selected filing (or the one open) done in its review file; a filing open
    // in the window is closed first (its review saved), then the next one is opened.
    void markSelectedDone();

Q_SIGNALS:
    void indexingFinished(int filings);

private:
    void chooseFolder();
    void setIndexProgress(int done, int total);
    void showRows(const QList<Workspace::FilingStatus> &rows, const QStringList &errors);
    void updateDoneProgress();
    void refreshOpenFiling();
    void watchStore();
    QString selectedPath() const;

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
    QString m_folder;
    bool m_indexing = false;
    quint64 m_job = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThreadPool m_indexThread; // one thread: lists and indexes the folder
};
