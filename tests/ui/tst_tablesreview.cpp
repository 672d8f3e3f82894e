// Reviewing tables in the window, by keys and mouse as an analyst does: a cell corrected
// in place (F2 or typing; Enter commits, Escape drops) and kept across a reopen; an edit
// that stays on its cell while the grid refreshes or shows another table; a table
// rejected and confirmed from the list (Delete, Enter), undone and redone with Ctrl+Z and
// Ctrl+Y; the scale chooser re-scaling the amounts only. After each flow the whole store
// (entities and table decisions) is compared with its state before.
#include "mainwindow.h"
#include "messagebox.h"
#include "tablegridmodel.h"
#include "tablelistmodel.h"
#include "tablespanel.h"

#include "../storedump.h"
#include "../testutils.h"
#include "export/tablecsvwriter.h"
#include "keyboardinput.h"
#include "review/reviewstore.h"
#include "session/tablereview.h"

#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

namespace {
constexpr int timeout = 120000;

using KeyboardInput::focused;

// Every table decision of the store: id → status|value|attributes.
QMap<QString, QString> tableDump(const ReviewStore &store)
{
    QMap<QString, QString> out;
    for (const SidecarDecision &d : store.tableDecisions()) {
        QStringList attributes;
        for (auto it = d.attributes.cbegin(); it != d.attributes.cend(); ++it)
            attributes << it.key() + u'=' + it.value();
        out.insert(d.id, QStringList{d.type, d.status, d.value, attributes.join(u';')}.join(u'|'));
    }
    return out;
}

// The status bar's count of entities and tables reviewed.
QString reviewedText(MainWindow &window)
{
    for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
        if (label->text().contains(u"reviewed"_s))
            return label->text();
    return {};
}

// Chooses a menu bar action with the mouse, as a user does: its menu, then the action.
bool clickMenuAction(MainWindow &window, const QString &name)
{
    QAction *action = window.action(name);
    if (!action)
        action = window.findChild<QAction *>(name);
    for (QAction *top : window.menuBar()->actions()) {
        QMenu *menu = top->menu();
        if (!menu || !menu->actions().contains(action))
            continue;
        QTest::mouseClick(window.menuBar(), Qt::LeftButton, {}, window.menuBar()->actionGeometry(top).center());
        if (!QTest::qWaitFor([&] { return QApplication::activePopupWidget() == menu; }, 5000))
            return false;
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
        return true;
    }
    return false;
}

QModelIndex cellWithText(const TableGridModel *model, const QString &label, const QString &text)
{
    const FilingTable &t = model->table();
    for (const TableCell &c : t.cells)
        if (c.text == text && t.rowHeaders.value(c.row).endsWith(label))
            return model->index(c.row, c.column);
    return {};
}
} // namespace

class TestTablesReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void editCellByKeysAndReopen();
    void escapeDrops();
    void editStaysOnItsCell();
    void rejectConfirmUndoRedo();
    void scaleChooser();
    void asksForReviewerFirst();
    void mistypedFigureRefused();
    void statusBarCountsTables();
    void scaleOfNoTableIsBlank();
    void exportTablesWithRejected();
    void failedOpenKeepsTheTables();

private:
    QString freshCopy();
    bool openAndWait(MainWindow &window, const QString &path);
    bool showAndOpen(MainWindow &window, const QString &path);
    void selectTable(MainWindow &window, int row);
    void clickCell(MainWindow &window, const QModelIndex &index);

    QTemporaryDir m_dir;
    int m_copies = 0;
};

void TestTablesReview::initTestCase()
{
    QApplication::setOrganizationName(u"filing-lens"_s);
    QApplication::setApplicationName(u"filing-lens-test-tables-review"_s);
    QSettings().clear();
    QSettings().setValue(u"review/reviewer"_s, u"Test Reviewer"_s);
    QVERIFY(m_dir.isValid());
}

QString TestTablesReview::freshCopy()
{
    // A copy per flow, so the review file is written beside it and each flow starts clean.
    const QString path = m_dir.filePath(u"statements-%1.html"_s.arg(++m_copies));
    return QFile::copy(TestUtils::dataPath(u"tables/statements.html"_s), path) ? path : QString();
}

bool TestTablesReview::openAndWait(MainWindow &window, const QString &path)
{
    TablesPanel *panel = TablesPanel::of(&window);
    QSignalSpy ready(panel, &TablesPanel::tablesReady);
    window.openFile(path);
    return QTest::qWaitFor([&] { return ready.count() == 1; }, timeout) && window.store()
        && panel->tables().size() >= 2;
}

// Each flow's start: the window shown at a size that holds the tables panel, the filing open.
bool TestTablesReview::showAndOpen(MainWindow &window, const QString &path)
{
    window.resize(1500, 900);
    window.show();
    return QTest::qWaitForWindowExposed(&window) && openAndWait(window, path);
}

void TestTablesReview::selectTable(MainWindow &window, int row)
{
    TablesPanel *panel = TablesPanel::of(&window);
    panel->tableList()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(panel->tableList()->hasFocus());
    QTest::keyClick(focused(), Qt::Key_Home);
    for (int i = 0; i < row; ++i)
        QTest::keyClick(focused(), Qt::Key_Down);
    QTRY_COMPARE(panel->currentTable(), row);
}

void TestTablesReview::clickCell(MainWindow &window, const QModelIndex &index)
{
    QTableView *grid = TablesPanel::of(&window)->grid();
    grid->scrollTo(index);
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualRect(index).center());
    QCOMPARE(grid->currentIndex(), index);
    QTRY_VERIFY(grid->hasFocus());
}

void TestTablesReview::editCellByKeysAndReopen()
{
    const QString path = freshCopy();
    QString cellId;
    {
        MainWindow window;
        QVERIFY(showAndOpen(window, path));
        TablesPanel *panel = TablesPanel::of(&window);
        ReviewStore *store = window.store();
        const auto entities = StoreDump::dump(*store);
        QVERIFY(tableDump(*store).isEmpty());

        selectTable(window, 0);
        const QModelIndex biopharma = cellWithText(panel->gridModel(), u"Biopharma"_s, u"1,234"_s);
        QVERIFY(biopharma.isValid());
        cellId = panel->gridModel()->cellAt(biopharma)->reviewId;
        clickCell(window, biopharma);
        QTest::keyClick(focused(), Qt::Key_F2);
        QTRY_VERIFY(qobject_cast<QLineEdit *>(focused()));
        QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(focused(), u"1,243"_s);
        QTest::keyClick(focused(), Qt::Key_Return);

        // The editor commits from the event loop, as it closes.
        QMap<QString, QString> expected;
        expected.insert(cellId, u"table_cell|corrected|1,243|field=value;table=%1"_s.arg(panel->tables().first().reviewId));
        QTRY_COMPARE(tableDump(*store), expected);
        QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
        QCOMPARE(biopharma.data().toString(), u"1,243"_s);
        QCOMPARE(biopharma.data(TableGridModel::ValueRole).toString(), u"1243000000"_s);
        QVERIFY(biopharma.data(Qt::ToolTipRole).toString().contains(u"Corrected from “1,234”"_s));
        QCOMPARE(panel->tables().first().status, u"corrected"_s);
        QCOMPARE(store->undoStack()->undoText(), u"Edit cell Biopharma | July 2, 2023: 1,234 → 1,243"_s);

        // Undo and redo from the keyboard, with the focus in the grid.
        QVERIFY(panel->grid()->hasFocus());
        QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(tableDump(*store).isEmpty());
        QCOMPARE(biopharma.data().toString(), u"1,234"_s);
        QTest::keyClick(focused(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(tableDump(*store), expected);
        QCOMPARE(biopharma.data().toString(), u"1,243"_s);

        // Copy Table and the export follow the correction.
        QTest::keyClick(focused(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(panel->gridModel()->toTabSeparated().contains(u"1243000000"_s));
        QString error;
        const QString csvPath = m_dir.filePath(u"edited.csv"_s);
        QVERIFY2(panel->exportTablesTo(csvPath, true, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QVERIFY(text.contains(u",\"1,234\",1243000000,USD,millions,"_s));
        QVERIFY(text.contains(u",corrected\r\n"_s));
    }
    // Reopened in a new window: the correction is back on its cell.
    MainWindow window;
    QVERIFY(showAndOpen(window, path));
    TablesPanel *panel = TablesPanel::of(&window);
    QCOMPARE(window.store()->tableDecisions().size(), 1);
    selectTable(window, 0);
    const QModelIndex biopharma = cellWithText(panel->gridModel(), u"Biopharma"_s, u"1,234"_s);
    QCOMPARE(panel->gridModel()->cellAt(biopharma)->reviewId, cellId);
    QCOMPARE(biopharma.data().toString(), u"1,243"_s);
    QCOMPARE(biopharma.data(TableGridModel::ValueRole).toString(), u"1243000000"_s);
    QVERIFY(!biopharma.data(Qt::DecorationRole).isNull());
    QVERIFY(panel->listModel()->index(0, TableListModel::Title).data(Qt::ToolTipRole).toString().contains(u"Corrected"_s));
}

void TestTablesReview::escapeDrops()
{
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    ReviewStore *store = window.store();
    const auto entities = StoreDump::dump(*store);
    selectTable(window, 0);
    const QModelIndex alliance = cellWithText(panel->gridModel(), u"Alliance"_s, u"56"_s);
    QVERIFY(alliance.isValid());
    clickCell(window, alliance);
    // Typing on a cell starts the edit with what is typed.
    QTest::keyClick(focused(), Qt::Key_9);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(focused()));
    QTest::keyClick(focused(), Qt::Key_9);
    QCOMPARE(qobject_cast<QLineEdit *>(focused())->text(), u"99"_s);
    QTest::keyClick(focused(), Qt::Key_Escape);
    QTRY_VERIFY(panel->grid()->hasFocus());
    QTest::qWait(50); // a commit would come from the event loop
    QVERIFY(tableDump(*store).isEmpty());
    QCOMPARE(store->undoStack()->count(), 0);
    QCOMPARE(alliance.data().toString(), u"56"_s);
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
}

void TestTablesReview::editStaysOnItsCell()
{
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    ReviewStore *store = window.store();
    const auto entities = StoreDump::dump(*store);
    const FilingTable second = panel->tables().at(1);

    // The grid refreshed under an open editor (another decision arrives: an undo, the
    // review file changed on disk): the edit ends on the cell it began on.
    selectTable(window, 0);
    const QModelIndex total = cellWithText(panel->gridModel(), u"Total revenues"_s, u"1,156"_s);
    QVERIFY(total.isValid());
    const QString totalId = panel->gridModel()->cellAt(total)->reviewId;
    clickCell(window, total);
    QTest::keyClick(focused(), Qt::Key_F2);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(focused()));
    QWidget *editor = focused();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, u"1,157"_s);
    store->rejectTable(TableReview::refOf(store->content(), second, second.scale));
    QCOMPARE(focused(), editor); // still editing
    QTest::keyClick(focused(), Qt::Key_Return);
    QMap<QString, QString> expected;
    expected.insert(second.reviewId, u"table|rejected||"_s);
    expected.insert(totalId, u"table_cell|corrected|1,157|field=value;table=%1"_s.arg(panel->tables().first().reviewId));
    QTRY_COMPARE(tableDump(*store), expected);
    QCOMPARE(total.data().toString(), u"1,157"_s);

    // Another table shown while the editor is open (a figure of it clicked in the
    // document): nothing lands on the cell at the same place in that table.
    const QModelIndex biopharma = cellWithText(panel->gridModel(), u"Biopharma"_s, u"1,234"_s);
    clickCell(window, biopharma);
    QTest::keyClick(focused(), Qt::Key_F2);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(focused()));
    QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(focused(), u"5"_s);
    panel->selectTable(1);
    QTRY_COMPARE(panel->gridModel()->table().span, second.span);
    if (QWidget *w = focused())
        QTest::keyClick(w, Qt::Key_Return);
    QTest::qWait(50);
    const QMap<QString, QString> after = tableDump(*store);
    for (const TableCell &c : second.cells)
        QVERIFY2(!after.contains(c.reviewId) || c.reviewId.isEmpty(), qPrintable(c.reviewId));
    // Either dropped with the editor, or written to the cell it began on.
    QMap<QString, QString> rest = after;
    rest.remove(second.reviewId);
    rest.remove(totalId);
    for (auto it = rest.cbegin(); it != rest.cend(); ++it)
        QVERIFY2(it.value().endsWith(u"table="_s + panel->tables().first().reviewId), qPrintable(it.key()));
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
}

void TestTablesReview::rejectConfirmUndoRedo()
{
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    ReviewStore *store = window.store();
    const auto entities = StoreDump::dump(*store);
    selectTable(window, 0);
    const QString id = panel->tables().first().reviewId;
    const int tableCount = int(panel->tables().size());

    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(tableDump(*store).value(id), u"table|rejected||"_s);
    QCOMPARE(tableDump(*store).size(), 1);
    QCOMPARE(panel->tables().first().status, u"rejected"_s);
    QVERIFY(panel->listModel()->index(0, TableListModel::Title).data(Qt::FontRole).value<QFont>().strikeOut());
    QVERIFY(panel->gridModel()->index(3, 2).data(Qt::ToolTipRole).toString().contains(u"rejected"_s)
            || panel->gridModel()->table().status == u"rejected"_s);
    QVERIFY(store->undoStack()->undoText().startsWith(u"Reject table CONDENSED CONSOLIDATED"_s));
    QCOMPARE(panel->currentTable(), 0); // the selection stays

    // Left out of Export Tables… (all tables).
    QString error;
    const QString csvPath = m_dir.filePath(u"rejected.csv"_s);
    QVERIFY2(panel->exportTablesTo(csvPath, false, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QVERIFY(!text.contains(id));
    QVERIFY(text.contains(panel->tables().at(1).reviewId));

    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(tableDump(*store).isEmpty());
    QCOMPARE(panel->tables().first().status, u"auto"_s);
    QTest::keyClick(focused(), Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(tableDump(*store).value(id), u"table|rejected||"_s);

    // Enter confirms (after a reject: confirmed, one more undo step).
    QVERIFY(panel->tableList()->hasFocus());
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(tableDump(*store).value(id), u"table|confirmed||"_s);
    QCOMPARE(store->undoStack()->count(), 2);
    QCOMPARE(panel->tables().size(), tableCount);
    for (const TableCell &c : panel->tables().first().cells)
        QCOMPARE(c.status, u"confirmed"_s);
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
}

void TestTablesReview::scaleChooser()
{
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    ReviewStore *store = window.store();
    const auto entities = StoreDump::dump(*store);
    selectTable(window, 0);
    const FilingTable before = panel->tables().first();
    QComboBox *scale = panel->scaleChooser();
    QCOMPARE(scale->currentData().toString(), u"millions"_s);
    QTest::mouseClick(scale, Qt::LeftButton); // opens its list
    QTRY_VERIFY(focused());
    QTest::keyClick(focused(), Qt::Key_Up);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(scale->currentData().toString(), u"thousands"_s);
    QCOMPARE(tableDump(*store).value(before.reviewId), u"table|corrected||scale=thousands"_s);
    const FilingTable after = panel->tables().first();
    QCOMPARE(after.cells.size(), before.cells.size());
    int rescaled = 0;
    for (int i = 0; i < before.cells.size(); ++i) {
        const TableCell &b = before.cells.at(i);
        const TableCell &a = after.cells.at(i);
        if (TableReview::isAmount(b)) {
            QCOMPARE(a.scale, u"thousands"_s);
            ++rescaled;
        } else {
            QCOMPARE(a.value, b.value);
        }
    }
    QVERIFY(rescaled >= 6);
    const QModelIndex eps = cellWithText(panel->gridModel(), u"diluted"_s, u"1.25"_s);
    QCOMPARE(eps.data(TableGridModel::ValueRole).toString(), u"1.25"_s);
    const QModelIndex biopharma = cellWithText(panel->gridModel(), u"Biopharma"_s, u"1,234"_s);
    QCOMPARE(biopharma.data(TableGridModel::ValueRole).toString(), u"1234000"_s);
    QVERIFY(store->undoStack()->undoText().contains(u"millions → thousands"_s));
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
}

void TestTablesReview::asksForReviewerFirst()
{
    // No reviewer named yet: a table decision asks for the name like an entity decision,
    // and a cancelled question makes no decision.
    QSettings().remove(u"review/reviewer"_s);
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    ReviewStore *store = window.store();
    const auto entities = StoreDump::dump(*store);
    selectTable(window, 0);
    const QString id = panel->tables().first().reviewId;
    const int shown = MessageBox::shownCount();

    MessageBox::setNextText(QString(), false);
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(MessageBox::shownCount(), shown + 1);
    QVERIFY(tableDump(*store).isEmpty());
    QCOMPARE(panel->tables().first().status, u"auto"_s);

    MessageBox::setNextText(u"Grace Reviewer"_s);
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(MessageBox::shownCount(), shown + 2);
    QCOMPARE(tableDump(*store).value(id), u"table|rejected||"_s);
    const auto decisions = store->tableDecisions();
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions.first().by, u"Grace Reviewer"_s);
    // The next decision does not ask again.
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(MessageBox::shownCount(), shown + 2);
    QCOMPARE(tableDump(*store).value(id), u"table|confirmed||"_s);
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
    QSettings().setValue(u"review/reviewer"_s, u"Test Reviewer"_s);
}

void TestTablesReview::mistypedFigureRefused()
{
    // A letter O typed for a zero would leave the figure without a value: the edit is
    // refused with a message, and nothing is written.
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    ReviewStore *store = window.store();
    const auto entities = StoreDump::dump(*store);
    selectTable(window, 0);
    const QModelIndex biopharma = cellWithText(panel->gridModel(), u"Biopharma"_s, u"1,234"_s);
    QVERIFY(biopharma.isValid());
    clickCell(window, biopharma);
    QTest::keyClick(focused(), Qt::Key_F2);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(focused()));
    QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(focused(), u"1,2O4"_s);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTest::qWait(50); // a commit would come from the event loop
    QVERIFY(tableDump(*store).isEmpty());
    QCOMPARE(store->undoStack()->count(), 0);
    QCOMPARE(biopharma.data().toString(), u"1,234"_s);
    QVERIFY(window.statusBar()->currentMessage().contains(u"not a number"_s));
    // A figure typed right is taken.
    QTest::keyClick(focused(), Qt::Key_F2);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(focused()));
    QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(focused(), u"1,204"_s);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(tableDump(*store).size(), 1);
    QCOMPARE(biopharma.data().toString(), u"1,204"_s);
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
}

void TestTablesReview::statusBarCountsTables()
{
    // A table decision is a review: the status bar counts it beside the entities, and an
    // undo takes it back.
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    ReviewStore *store = window.store();
    const auto entities = StoreDump::dump(*store);
    const QString total = QString::number(panel->tables().size());
    QTRY_VERIFY(reviewedText(window).endsWith(u"0 reviewed · 0 of %1 tables reviewed"_s.arg(total)));

    selectTable(window, 0);
    QTest::keyClick(focused(), Qt::Key_Return); // confirm the table
    QCOMPARE(tableDump(*store).size(), 1);
    QVERIFY2(reviewedText(window).endsWith(u" · 0 reviewed · 1 of %1 tables reviewed"_s.arg(total)),
             qPrintable(reviewedText(window)));
    QTest::keyClick(focused(), Qt::Key_Down);
    QTest::keyClick(focused(), Qt::Key_Delete); // reject the next one
    QCOMPARE(tableDump(*store).size(), 2);
    QVERIFY(reviewedText(window).endsWith(u" · 2 of %1 tables reviewed"_s.arg(total)));
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(tableDump(*store).isEmpty());
    QVERIFY(reviewedText(window).endsWith(u" · 0 of %1 tables reviewed"_s.arg(total)));
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
}

void TestTablesReview::scaleOfNoTableIsBlank()
{
    // The Scale chooser shows the chosen table's scale; with no table chosen (the next
    // filing just opened) it shows none, not the scale of the table before.
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    QComboBox *scale = panel->scaleChooser();
    selectTable(window, 0);
    QCOMPARE(scale->currentText(), u"in millions"_s);
    QVERIFY(scale->isEnabled());

    QVERIFY(openAndWait(window, freshCopy()));
    ReviewStore *store = window.store();
    const auto entities = StoreDump::dump(*store);
    QCOMPARE(panel->currentTable(), -1);
    QVERIFY(!scale->isEnabled());
    QCOMPARE(scale->currentText(), QString());
    // Choosing a table shows its own scale again, and nothing was decided on the way.
    selectTable(window, 0);
    QCOMPARE(scale->currentText(), u"in millions"_s);
    QVERIFY(tableDump(*store).isEmpty());
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
}

void TestTablesReview::exportTablesWithRejected()
{
    // File ▸ Export Tables… leaves a rejected table out of "All tables" and takes it with
    // "All tables, rejected ones too", its cells marked rejected (as `tables --include-rejected`).
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    ReviewStore *store = window.store();
    const auto entities = StoreDump::dump(*store);
    selectTable(window, 0);
    const QString rejectedId = panel->tables().first().reviewId;
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(tableDump(*store).value(rejectedId), u"table|rejected||"_s);
    const auto decided = tableDump(*store);
    panel->tableList()->clearSelection();
    panel->tableList()->setCurrentIndex({});

    const auto exportAs = [&](const QString &scope, const QString &path) {
        MessageBox::setNextItem(scope);
        // The save dialog: the path typed into its file name field, then Enter.
        KeyboardInput::answerFileDialog(&window, path);
        QVERIFY(clickMenuAction(window, u"exportTables"_s));
        QTRY_VERIFY(QFile::exists(path));
    };
    const auto read = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };

    const QString without = m_dir.filePath(u"without-rejected.csv"_s);
    exportAs(u"All tables"_s, without);
    QVERIFY(!read(without).contains(rejectedId));
    QVERIFY(!read(without).contains(u",rejected\r\n"_s));
    QVERIFY(read(without).contains(panel->tables().at(1).reviewId));

    const QString with = m_dir.filePath(u"with-rejected.csv"_s);
    exportAs(u"All tables, rejected ones too"_s, with);
    const QString text = read(with);
    QVERIFY(text.contains(rejectedId));
    QVERIFY(text.contains(u",rejected\r\n"_s));
    QVERIFY(text.contains(panel->tables().at(1).reviewId));

    QCOMPARE(tableDump(*store), decided);
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*store)), QStringList());
}

// A broken file asked for while a filing is open: the filing comes back behind the message
// with its tables panel shown and its table decisions, not a hidden, empty panel.
void TestTablesReview::failedOpenKeepsTheTables()
{
    MainWindow window;
    QVERIFY(showAndOpen(window, freshCopy()));
    TablesPanel *panel = TablesPanel::of(&window);
    ReviewStore *store = window.store();
    selectTable(window, 0);
    QTest::keyClick(focused(), Qt::Key_Delete); // reject the first table
    const auto decided = tableDump(*store);
    QCOMPARE(decided.size(), 1);
    const auto entities = StoreDump::dump(*store);
    const int tables = int(panel->tables().size());

    const QString broken = m_dir.filePath(u"broken.html.pdf"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n");
    file.close();
    QSignalSpy failed(&window, &MainWindow::documentFailed);
    QSignalSpy ready(panel, &TablesPanel::tablesReady);
    // The message is shown as it is to the analyst, and read while the filing comes back
    // behind it: it is dismissed with Enter once the tables are there again.
    QTimer dismiss;
    dismiss.setInterval(50);
    bool dismissed = false;
    connect(&dismiss, &QTimer::timeout, &window, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || ready.count() < 1)
            return;
        dismiss.stop();
        QTest::qWait(100);
        QTest::keyClick(box, Qt::Key_Return);
        dismissed = true;
    });
    dismiss.start();
    KeyboardInput::answerFileDialog(&window, broken);
    QTest::keyClick(focused(), Qt::Key_O, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(dismissed, timeout);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(ready.count(), 1);
    QVERIFY(MessageBox::lastText().contains(u"broken.html.pdf"_s));
    QVERIFY(panel->isVisible());
    QCOMPARE(int(panel->tables().size()), tables);
    QVERIFY(window.store());
    QCOMPARE(tableDump(*window.store()), decided);
    QCOMPARE(StoreDump::changedIds(entities, StoreDump::dump(*window.store())), QStringList());
}

QTEST_MAIN(TestTablesReview)
#include "tst_tablesreview.moc"
