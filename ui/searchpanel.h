#pragma once

#include "session/workspaceindex.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QThreadPool>
#include <QtWidgets/QDockWidget>

#include <atomic>
#include <memory>
#include <optional>

class MainWindow;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTimer;
class QTreeView;
class WorkspacePanel;

// The matches of a search across filings: file, type, value, page, context, status.
class SearchResultModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setMatches(const QList<WorkspaceIndex::Match> &matches);
    const QList<WorkspaceIndex::Match> &matches() const { return m_matches; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<WorkspaceIndex::Match> m_matches;
};

// File ▸ Search Filings… (Ctrl+Alt+F): a search field over every entity, XBRL fact and
// table cell of every filing of the workspace (or of the filing open when no folder is),
// by text or value, with a type and a status filter. Queries run on a thread of their
// own against the workspace index, brought up to date first (filings and review files
// that changed since are indexed again), so the window never waits; a newer query drops
// the result of an older one. Down moves from the field to the results; Enter or a
// double click on a result opens its filing at the match (the entity made current, or
// the table cell shown).
class SearchPanel final : public QDockWidget
{
    Q_OBJECT
public:
    // Makes the panel, tabs it with the workspace panel and adds its action to `menu`.
    static SearchPanel *install(MainWindow *window, WorkspacePanel *workspace, QMenu *menu);
    // The panel install() made for the window; nullptr if none.
    static SearchPanel *of(MainWindow *window);

    SearchPanel(MainWindow *window, WorkspacePanel *workspace);
    ~SearchPanel() override;

    QLineEdit *searchField() const { return m_field; }
    QComboBox *typeBox() const { return m_types; }
    QComboBox *statusBox() const { return m_statuses; }
    QTreeView *resultView() const { return m_view; }
    SearchResultModel *model() const { return m_model; }
    bool isSearching() const { return m_searching; }

    // Shows the panel with the field focused and its text selected.
    void showSearch();
    // Runs the query of the field now.
    void search();
    // Opens the filing of a result at the match.
    void showResult(const WorkspaceIndex::Match &match);

    // Show More lists four times as many results as are listed now.
    void showMore();

    // At first at most this many results are listed (the first found); the label says
    // so and Show More lists more. Few rows keep a broad query quick to show.
    static constexpr int kResultLimit = 500;
    QPushButton *showMoreButton() const { return m_more; }

Q_SIGNALS:
    void searchFinished(int results);
    // The match is shown in the window (its filing open, the entity current).
    void resultShown(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QList<Workspace::Filing> filings() const;
    void run(int limit);
    void showMatches(const QList<WorkspaceIndex::Match> &matches, bool truncated, const QString &error,
                     bool partial);
    void applyResult(const WorkspaceIndex::Match &match);

    MainWindow *m_window;
    WorkspacePanel *m_workspace;
    SearchResultModel *m_model;
    QLineEdit *m_field;
    QComboBox *m_types;
    QComboBox *m_statuses;
    QLabel *m_summary;
    QPushButton *m_more;
    int m_limit = kResultLimit; // of the search shown or running
    QTreeView *m_view;
    QTimer *m_typing;
    QAction *m_action = nullptr;
    bool m_searching = false;
    quint64 m_job = 0;
    std::shared_ptr<std::atomic_bool> m_cancel; // of the search running, if any
    std::optional<WorkspaceIndex::Match> m_pending; // shown once its filing has opened
    bool m_focusResults = false;
    QThreadPool m_searchThread; // one thread, kept: updates the index and queries it
    std::unique_ptr<WorkspaceIndex> m_index; // made and used on m_searchThread only
};
