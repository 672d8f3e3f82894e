// The Tables dock: the filing's tables listed once read off the GUI thread, the grid of
// the one chosen by keyboard, a cell clicked in the grid shown in the document, a figure
// clicked in the document selecting its cell, the table framed, Copy Table and Export
// Tables…; the models pass QAbstractItemModelTester, and no flow changes an entity.
#include "documentview.h"
#include "mainwindow.h"
#include "pdfpageview.h"
#include "readingview.h"
#include "tablegridmodel.h"
#include "tablelistmodel.h"
#include "tablespanel.h"

#include "../storedump.h"
#include "../testutils.h"
#include "document/filingdocument.h"
#include "export/tablecsvwriter.h"
#include "export/tablexlsxwriter.h"
#include "keyboardinput.h"
#include "session/filingsession.h"

#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtGui/QClipboard>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtWidgets/QLabel>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

namespace {
constexpr int timeout = 120000;

using KeyboardInput::focused;

// The first cell of the grid that is a figure with this text.
QModelIndex cellWithText(const TableGridModel *model, const QString &text)
{
    for (const TableCell &c : model->table().cells)
        if (c.text == text && c.isNumber())
            return model->index(c.row, c.column);
    return {};
}
} // namespace

class TestTablesPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void models();
    void hostileGrid();
    void gridLinksToDocument();
    void shownOnlyWithTables();
    void corpusFiling();
    void textFiling();
    void pdfFiling();

private:
    // Opens the filing in the window and waits for its tables; false when it failed.
    bool openAndWait(MainWindow &window, const QString &path);
    bool showAndOpen(MainWindow &window, const QString &path);
    void selectFirstTableByKeyboard(MainWindow &window);
    void clickCellThenFigure(MainWindow &window, const QModelIndex &first, const QModelIndex &second);

    QTemporaryDir m_dir;
    QString m_statements;
};

void TestTablesPanel::initTestCase()
{
    QApplication::setOrganizationName(u"filing-lens"_s);
    QApplication::setApplicationName(u"filing-lens-test-tables"_s);
    QSettings().clear();
    QSettings().setValue(u"review/reviewer"_s, u"Test Reviewer"_s);
    QVERIFY(m_dir.isValid());
    // A copy, so the review file is written beside it and not into the source tree.
    m_statements = m_dir.filePath(u"statements.html"_s);
    QVERIFY(QFile::copy(TestUtils::dataPath(u"tables/statements.html"_s), m_statements));
}

void TestTablesPanel::models()
{
    LoadError error;
    const auto document = FilingDocument::load(m_statements, {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const TableList tables = FilingSession::tables(document->content());
    QVERIFY(!tables.isEmpty());

    TableListModel list;
    QAbstractItemModelTester listTester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setTables(tables);
    QCOMPARE(list.rowCount(), tables.size());
    QCOMPARE(list.index(0, TableListModel::Page).data().toInt(), tables.first().span.page + 1);
    QCOMPARE(list.index(0, TableListModel::Size).data().toString(),
             u"%1 × %2"_s.arg(tables.first().rowCount).arg(tables.first().columnCount));
    QVERIFY(list.index(0, TableListModel::Title).data().toString().contains(u"STATEMENTS OF INCOME"_s));

    TableGridModel grid;
    QAbstractItemModelTester gridTester(&grid, QAbstractItemModelTester::FailureReportingMode::QtTest);
    grid.setTable(tables.first());
    QCOMPARE(grid.rowCount(), tables.first().rowCount);
    QCOMPARE(grid.columnCount(), tables.first().columnCount);
    // "Three Months Ended" spans both periods: one merged cell at its corner.
    bool merged = false;
    for (const TableCell &c : tables.first().cells) {
        if (c.text == u"Three Months Ended"_s) {
            QVERIFY(grid.cellSpan(grid.index(c.row, c.column)).width() > 1);
            QCOMPARE(grid.index(c.row, c.column + 1).data().toString(), QString());
            merged = true;
        }
    }
    QVERIFY(merged);
    // Every figure is found again from a position inside its source text.
    const QString page = document->content().text.pages.at(tables.first().span.page);
    int figures = 0;
    for (const TableCell &c : tables.first().cells) {
        if (!c.isNumber() || c.span.start == c.span.end)
            continue;
        ++figures;
        QCOMPARE(page.mid(c.span.start, c.span.length()), c.text);
        const SourceSpan inside{c.span.page, c.span.start + c.span.length() / 2, c.span.start + c.span.length() / 2};
        QCOMPARE(grid.indexAt(inside), grid.index(c.row, c.column));
    }
    QVERIFY(figures >= 10);
    QVERIFY(!grid.indexAt(SourceSpan{tables.first().span.page, 0, 0}).isValid()); // the heading, not a cell

    // Tab-separated for a spreadsheet: one line per row, figures after sign and scale.
    const QStringList lines = grid.toTabSeparated().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), tables.first().rowCount);
    const auto line = [&](const QString &label) {
        for (const QString &l : lines)
            if (l.startsWith(label + u'\t'))
                return l.split(u'\t');
        return QStringList();
    };
    QVERIFY(line(u"Biopharma"_s).contains(u"1234000000"_s));
    QVERIFY(line(u"Net loss"_s).contains(u"-45000000"_s));
    QVERIFY(!line(u"Net loss"_s).contains(u"$"_s));
    QVERIFY(line(u"Gross margin"_s).contains(u"45.5%"_s));
}

void TestTablesPanel::hostileGrid()
{
    // Spans far past the grid and a very wide row: the model stays inside the grid.
    FilingTable t;
    t.span = SourceSpan{0, 0, 100};
    t.rowCount = 3;
    t.columnCount = 20000;
    t.rowHeaders = QList<QString>(t.rowCount);
    t.columnHeaders = QList<QString>(t.columnCount);
    TableCell wide;
    wide.rowSpan = 1000000;
    wide.columnSpan = 1000000;
    wide.header = true;
    wide.text = u"Year"_s;
    t.cells << wide;
    for (int c = 1; c < t.columnCount; ++c) {
        TableCell cell;
        cell.row = 2;
        cell.column = c;
        cell.text = u"1"_s;
        cell.value = u"1"_s;
        t.cells << cell;
    }
    TableGridModel grid;
    QAbstractItemModelTester tester(&grid, QAbstractItemModelTester::FailureReportingMode::QtTest);
    grid.setTable(t);
    QCOMPARE(grid.cellSpan(grid.index(0, 0)), QSize(t.columnCount, t.rowCount));
    QCOMPARE(grid.cellAt(2, 5)->column, 5); // the later cell, not the span over it
    QCOMPARE(grid.cellSpan(grid.index(2, 5)), QSize(1, 1));
    QCOMPARE(grid.toTabSeparated().count(u'\n'), t.rowCount);
}

bool TestTablesPanel::openAndWait(MainWindow &window, const QString &path)
{
    TablesPanel *panel = TablesPanel::of(&window);
    if (!panel)
        return false;
    QSignalSpy ready(panel, &TablesPanel::tablesReady);
    window.openFile(path);
    // Read on the worker pool: the window returns at once and keeps painting.
    if (!QTest::qWaitFor([&] { return ready.count() == 1; }, timeout))
        return false;
    return panel->isVisible() && ready.first().first().toInt() > 0;
}

// A flow's start: the window shown at a size that holds the tables panel, the filing open.
bool TestTablesPanel::showAndOpen(MainWindow &window, const QString &path)
{
    window.resize(1500, 900);
    window.show();
    return QTest::qWaitForWindowExposed(&window) && openAndWait(window, path);
}

void TestTablesPanel::selectFirstTableByKeyboard(MainWindow &window)
{
    TablesPanel *panel = TablesPanel::of(&window);
    panel->tableList()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(panel->tableList()->hasFocus());
    QTest::keyClick(focused(), Qt::Key_Home);
    QTRY_COMPARE(panel->currentTable(), 0);
    QCOMPARE(panel->gridModel()->table().span, panel->tables().first().span);
    QCOMPARE(window.documentView()->readingView()->outlineSpan(), panel->tables().first().span);
    if (panel->tables().size() > 1) {
        QTest::keyClick(focused(), Qt::Key_Down);
        QTRY_COMPARE(panel->currentTable(), 1);
        QCOMPARE(window.documentView()->readingView()->outlineSpan(), panel->tables().at(1).span);
        QTest::keyClick(focused(), Qt::Key_Up);
        QTRY_COMPARE(panel->currentTable(), 0);
    }
}

void TestTablesPanel::clickCellThenFigure(MainWindow &window, const QModelIndex &first, const QModelIndex &second)
{
    TablesPanel *panel = TablesPanel::of(&window);
    QTableView *grid = panel->grid();
    ReadingView *reading = window.documentView()->readingView();
    const TableCell firstCell = *panel->gridModel()->cellAt(first);
    const TableCell secondCell = *panel->gridModel()->cellAt(second);

    // A click on a cell: the document scrolls to its figure and marks it.
    grid->scrollTo(first);
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualRect(first).center());
    QCOMPARE(grid->currentIndex(), first);
    QTRY_COMPARE(reading->focusedSpan(), firstCell.span);
    QList<QRectF> rects;
    QTRY_VERIFY_WITH_TIMEOUT(!(rects = reading->spanRectsInViewport(firstCell.span)).isEmpty(), 20000);
    for (const QRectF &r : std::as_const(rects))
        QVERIFY2(QRectF(reading->viewport()->rect()).contains(r), "the cell is scrolled into view");

    // A click on another figure in the document (in view beside the first) selects its
    // cell in the grid, and marks it.
    QTRY_VERIFY_WITH_TIMEOUT(!(rects = reading->spanRectsInViewport(secondCell.span)).isEmpty(), 20000);
    QVERIFY(QRectF(reading->viewport()->rect()).contains(rects.first()));
    QTest::mouseClick(reading->viewport(), Qt::LeftButton, {}, rects.first().center().toPoint());
    QTRY_COMPARE(grid->currentIndex(), second);
    QCOMPARE(reading->focusedSpan(), secondCell.span);
}

// A filing without data tables leaves the room to the document; the next filing with tables
// brings the panel back, and View ▸ Tables shows it anyway.
void TestTablesPanel::shownOnlyWithTables()
{
    const QString plain = m_dir.filePath(u"no-tables.txt"_s);
    {
        QFile f(plain);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\nCURRENT REPORT\n\n"
                "Item 8.01 Other Events.\nOn June 4, 2007, the Company announced results.\n");
    }
    MainWindow window;
    window.resize(1500, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TablesPanel *panel = TablesPanel::of(&window);
    QVERIFY(panel);
    QSignalSpy ready(panel, &TablesPanel::tablesReady);
    window.openFile(plain);
    QVERIFY(QTest::qWaitFor([&] { return ready.count() == 1; }, timeout));
    QCOMPARE(ready.first().first().toInt(), 0);
    QVERIFY(!panel->isVisible());

    QVERIFY(openAndWait(window, m_statements)); // asserts it is shown again

    window.openFile(plain);
    QVERIFY(QTest::qWaitFor([&] { return ready.count() == 3; }, timeout));
    QVERIFY(!panel->isVisible());
    QAction *toggle = panel->toggleViewAction();
    toggle->trigger(); // View ▸ Tables
    QVERIFY(panel->isVisible());
    QVERIFY(panel->findChild<QLabel *>() != nullptr);
}

void TestTablesPanel::gridLinksToDocument()
{
    MainWindow window;
    QVERIFY(showAndOpen(window, m_statements));
    TablesPanel *panel = TablesPanel::of(&window);
    QVERIFY(window.store());
    const auto before = StoreDump::dump(*window.store());

    selectFirstTableByKeyboard(window);
    const QModelIndex biopharma = cellWithText(panel->gridModel(), u"1,234"_s);
    const QModelIndex loss = cellWithText(panel->gridModel(), u"(1,234)"_s);
    QVERIFY(biopharma.isValid() && loss.isValid());
    clickCellThenFigure(window, biopharma, loss);

    // Copy Table from the keyboard, wherever the focus is in the window.
    panel->grid()->setFocus();
    QTest::keyClick(focused(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), panel->gridModel()->toTabSeparated());
    QVERIFY(QGuiApplication::clipboard()->text().contains(u"-1234000000"_s));

    // Export Tables…: the selected table as CSV, every table as .xlsx.
    QString error;
    const QString csvPath = m_dir.filePath(u"selected.csv"_s);
    QVERIFY2(panel->exportTablesTo(csvPath, true, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList rows = QString::fromUtf8(csv.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(rows.first(), TableCsvWriter::columns().join(u','));
    int dataCells = 0;
    for (const TableCell &c : panel->tables().first().cells)
        dataCells += TableCsvWriter::isDataCell(c) ? 1 : 0;
    QCOMPARE(rows.size() - 1, dataCells);
    QVERIFY(rows.at(1).contains(panel->tables().first().id(window.document()->content().text.pages.at(0))));
    if (TableXlsxWriter::isAvailable()) {
        const QString xlsxPath = m_dir.filePath(u"all.xlsx"_s);
        QVERIFY2(panel->exportTablesTo(xlsxPath, false, &error), qPrintable(error));
        QFile xlsx(xlsxPath);
        QVERIFY(xlsx.open(QIODevice::ReadOnly));
        QCOMPARE(xlsx.read(2), QByteArray("PK")); // a zip, as every .xlsx
    }
    QVERIFY(!panel->exportTablesTo(m_dir.filePath(u"no/such/folder/x.csv"_s), false, &error));
    QVERIFY(error.contains(u"x.csv"_s));

    // Nothing of this touched an entity.
    QCOMPARE(StoreDump::changedIds(before, StoreDump::dump(*window.store())), QStringList());

    // Closing the filing empties the dock and removes the frame.
    window.closeDocument();
    QTRY_COMPARE(panel->tables().size(), 0);
    QCOMPARE(panel->gridModel()->rowCount(), 0);
    QVERIFY(!window.documentView()->readingView()->outlineSpan().isValid());
}

void TestTablesPanel::corpusFiling()
{
    FL_REQUIRE_CORPUS(original, "10k/aeon-20230930x10q.htm");
    // A copy: the review file and its lock go beside it, never beside the shared original.
    const QString path = m_dir.filePath(u"aeon-20230930x10q.htm"_s);
    QVERIFY(QFile::copy(original, path));
    MainWindow window;
    QVERIFY(showAndOpen(window, path));
    TablesPanel *panel = TablesPanel::of(&window);
    const auto before = StoreDump::dump(*window.store());
    selectFirstTableByKeyboard(window);
    // Two figures of one row (side by side in the filing) of the first table that has them.
    bool clicked = false;
    for (int t = 0; t < panel->tables().size(); ++t) {
        QList<QPoint> figures; // (column, row)
        for (const TableCell &c : panel->tables().at(t).cells) {
            if (figures.size() == 2)
                break;
            if (!c.isNumber() || c.span.start == c.span.end || c.header)
                continue;
            if (!figures.isEmpty() && figures.first().y() != c.row)
                figures.clear();
            figures << QPoint(c.column, c.row);
        }
        if (figures.size() < 2)
            continue;
        if (t != panel->currentTable())
            panel->selectTable(t);
        QCOMPARE(panel->currentTable(), t);
        const auto at = [&](QPoint p) { return panel->gridModel()->index(p.y(), p.x()); };
        clickCellThenFigure(window, at(figures.at(0)), at(figures.at(1)));
        clicked = true;
        break;
    }
    QVERIFY(clicked);
    QCOMPARE(StoreDump::changedIds(before, StoreDump::dump(*window.store())), QStringList());
}

// A plain-text submission: its <TABLE> statements are tables of the panel like HTML ones.
void TestTablesPanel::textFiling()
{
    FL_REQUIRE_CORPUS(original, "10k/0000320193-94-000016.txt");
    const QString path = m_dir.filePath(u"0000320193-94-000016.txt"_s);
    QVERIFY(QFile::copy(original, path));
    MainWindow window;
    QVERIFY(showAndOpen(window, path));
    TablesPanel *panel = TablesPanel::of(&window);
    const auto before = StoreDump::dump(*window.store());
    selectFirstTableByKeyboard(window);
    int income = -1;
    for (int t = 0; t < panel->tables().size() && income < 0; ++t) {
        if (panel->tables().at(t).title == u"Consolidated Statements of Income"_s)
            income = t;
    }
    QVERIFY(income >= 0);
    panel->selectTable(income);
    QCOMPARE(panel->currentTable(), income);
    // Net sales of 1994, then of 1993 beside it in the filing.
    const QModelIndex sales1994 = cellWithText(panel->gridModel(), u"$ 9,188,748"_s);
    const QModelIndex sales1993 = cellWithText(panel->gridModel(), u"$ 7,976,954"_s);
    QVERIFY(sales1994.isValid() && sales1993.isValid());
    clickCellThenFigure(window, sales1994, sales1993);
    QCOMPARE(panel->gridModel()->cellAt(sales1993)->value, u"7976954000"_s);
    QCOMPARE(StoreDump::changedIds(before, StoreDump::dump(*window.store())), QStringList());
}

// A PDF's tables: a cell clicked in the grid is shown on the page, a figure clicked on the
// page selects its cell, the table is framed on its page.
void TestTablesPanel::pdfFiling()
{
    FL_REQUIRE_CORPUS(original, "pdf/PFIZER_2023Q2_EARNINGS.pdf");
    const QString path = m_dir.filePath(u"PFIZER_2023Q2_EARNINGS.pdf"_s);
    QVERIFY(QFile::copy(original, path));
    MainWindow window;
    QVERIFY(showAndOpen(window, path));
    TablesPanel *panel = TablesPanel::of(&window);
    const auto before = StoreDump::dump(*window.store());
    panel->tableList()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(panel->tableList()->hasFocus());
    QTest::keyClick(focused(), Qt::Key_Home);
    QTRY_COMPARE(panel->currentTable(), 0);
    PdfPageView *pdf = window.documentView()->pdfView();
    QCOMPARE(pdf->outlineSpan(), panel->tables().first().span);
    // The revenue table: its rows of figures are on page 3.
    int revenues = -1;
    for (int t = 0; t < panel->tables().size() && revenues < 0; ++t) {
        if (panel->tables().at(t).span.page == 2)
            revenues = t;
    }
    QVERIFY(revenues >= 0);
    while (panel->currentTable() < revenues)
        QTest::keyClick(focused(), Qt::Key_Down);
    QTRY_COMPARE(panel->currentTable(), revenues);
    QCOMPARE(pdf->outlineSpan(), panel->tables().at(revenues).span);

    QTableView *grid = panel->grid();
    const QModelIndex first = cellWithText(panel->gridModel(), u"20,979"_s);
    const QModelIndex second = cellWithText(panel->gridModel(), u"39,830"_s);
    QVERIFY(first.isValid() && second.isValid());
    const TableCell firstCell = *panel->gridModel()->cellAt(first);
    grid->scrollTo(first);
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualRect(first).center());
    QCOMPARE(grid->currentIndex(), first);
    QList<QRectF> rects;
    QTRY_VERIFY_WITH_TIMEOUT(!(rects = pdf->spanRectsInViewport(firstCell.span)).isEmpty(), 20000);
    for (const QRectF &r : std::as_const(rects))
        QVERIFY2(QRectF(pdf->viewport()->rect()).contains(r), "the cell is scrolled into view");

    const TableCell secondCell = *panel->gridModel()->cellAt(second);
    QTRY_VERIFY_WITH_TIMEOUT(!(rects = pdf->spanRectsInViewport(secondCell.span)).isEmpty(), 20000);
    QTest::mouseClick(pdf->viewport(), Qt::LeftButton, {}, rects.first().center().toPoint());
    QTRY_COMPARE(grid->currentIndex(), second);
    QCOMPARE(StoreDump::changedIds(before, StoreDump::dump(*window.store())), QStringList());
}

QTEST_MAIN(TestTablesPanel)
#include "tst_tablespanel.moc"
