#pragma once

#include "model/filingtable.h"
#include "review/tableref.h"

#include <QtCore/QPointer>
#include <QtWidgets/QDockWidget>

#include <atomic>
#include <memory>

class MainWindow;
class QAction;
class QComboBox;
class QLabel;
class TableCellDelegate;
class QMenu;
class QModelIndex;
class QTableView;
class TableGridModel;
class TableListModel;
struct SourceSpan;

// The Tables dock (below the filing and the tree): the filing's data tables (title, page, rows ×
// columns) and the grid of the selected one. Tables are read on the worker pool once the
// entities are found (from the cache when it has them); a newer filing drops an older
// result. A cell chosen in the grid is shown in the document; a figure clicked in the
// document selects its cell; the selected table is framed in the document.
// File ▸ Export Tables… writes CSV or .xlsx; Copy Table puts tab-separated text on the
// clipboard. The analyst's decisions (confirm or reject a table, fix its scale, correct a
// cell, a row label or a column header) go to the review store as undoable actions, and
// what the panel shows, copies and exports is the tables with them applied (TableReview).
class TablesPanel final : public QDockWidget
{
    Q_OBJECT
public:
    // Makes the panel, docks it in the window and adds its actions to `fileMenu`.
    static TablesPanel *install(MainWindow *window, QMenu *fileMenu);
    // The panel install() made for the window; nullptr if none.
    static TablesPanel *of(MainWindow *window);

    explicit TablesPanel(MainWindow *window);
    ~TablesPanel() override;

    const TableList &tables() const;
    bool isReading() const { return bool(m_cancel); }
    // The selected table's row, -1 if none.
    int currentTable() const;
    void selectTable(int row);
    QTableView *tableList() const { return m_list; }
    QTableView *grid() const { return m_grid; }
    TableGridModel *gridModel() const { return m_gridModel; }
    TableListModel *listModel() const { return m_listModel; }
    QComboBox *scaleChooser() const { return m_scale; }
    QAction *confirmAction() const { return m_confirm; }
    QAction *rejectAction() const { return m_reject; }

    // What Export Tables… writes once a path is chosen: CSV, or .xlsx for that suffix;
    // every table, or only the selected one. false with *error naming the problem.
    // Rejected tables are left out unless includeRejected (as `tables --include-rejected`).
    bool exportTablesTo(const QString &path, bool onlySelected, QString *error,
                        bool includeRejected = false);
    // The tables the analyst has decided on: confirmed, rejected, scale fixed or a cell corrected.
    int reviewedCount() const;
    void copyTable();

Q_SIGNALS:
    void tablesReady(int count);
    // The tables or their decisions changed (read, cleared, an action, its undo or redo).
    void reviewChanged();

private:
    void clear();
    void startReading();
    void showTables(const TableList &tables);
    // Applies the store's table decisions to the tables read; `fresh` for new tables.
    void applyReview(bool fresh = false);
    TableRef currentTableRef() const;
    void showTable(int row);
    void showCell(const QModelIndex &index);
    void selectCellAt(const SourceSpan &at);
    void exportTables();
    void updateActions();

    MainWindow *m_window;
    TableListModel *m_listModel;
    TableGridModel *m_gridModel;
    QTableView *m_list;
    QTableView *m_grid;
    QLabel *m_message;
    QAction *m_export = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_confirm = nullptr;
    QAction *m_reject = nullptr;
    QComboBox *m_scale = nullptr;
    TableCellDelegate *m_delegate = nullptr;
    TableList m_read; // as read, before the review
    quint64 m_job = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_wanted = true; // the analyst's choice: shown whenever a filing is open
    bool m_followingDocument = false; // a click in the document moves the grid: do not jump back
};
