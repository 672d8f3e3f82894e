// Search across the filings of a workspace, as a reviewer uses it: Ctrl+Alt+F, a query
// typed into the field, Enter, Down into the results, Enter on a result — its filing
// opens with the entity current; the type and status filters; a table cell found by its
// value; a decision made in the window found by the status filter. The review of the
// filing opened from a result is left as it was.
#include "documentview.h"
#include "entitypanel.h"
#include "mainwindow.h"
#include "searchpanel.h"
#include "workspacepanel.h"

#include "review/reviewstore.h"
#include "keyboardinput.h"
#include "storedump.h"
#include "testutils.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTreeView>

using namespace Qt::StringLiterals;

namespace {
constexpr int timeout = 60000;

using KeyboardInput::focused;

int indexOfData(QComboBox *box, const QStringList &data)
{
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemData(i).toStringList() == data)
            return i;
    }
    return -1;
}
} // namespace

class TestSearchPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void searchAndOpenResults();
    void searchWhileIndexing();

private:
    QTemporaryDir m_dir;
};

void TestSearchPanel::initTestCase()
{
    QApplication::setOrganizationName(u"filing-lens"_s);
    QApplication::setApplicationName(u"filing-lens-test-search"_s);
    QSettings().clear();
    QSettings().setValue(u"review/reviewer"_s, u"Test Reviewer"_s);
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/workspace.sqlite"_s);
    QVERIFY(m_dir.isValid());
    // Two filings that both name Mitchel Sayare (copies of the sample text, each a filing
    // of its own), one in a sub-folder, and a filing with a table of figures.
    QVERIFY(TestUtils::writeSampleFilings(m_dir.path()));
    QVERIFY(QFile::copy(TestUtils::dataPath(u"tables/statements.html"_s),
                        m_dir.filePath(u"statements.html"_s)));
}

void TestSearchPanel::searchAndOpenResults()
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkspacePanel *workspace = WorkspacePanel::of(&window);
    SearchPanel *search = SearchPanel::of(&window);
    QVERIFY(workspace && search);
    const QString a = QDir(m_dir.path()).absoluteFilePath(u"a.txt"_s);
    const QString b = QDir(m_dir.path()).absoluteFilePath(u"sub/b.txt"_s);
    const QString statements = QDir(m_dir.path()).absoluteFilePath(u"statements.html"_s);

    // b's review as the window holds it, before any search.
    QSignalSpy extracted(&window, &MainWindow::extractionFinished);
    window.openFile(b);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 1, timeout);
    const QMap<QString, QString> before = StoreDump::dump(*window.store());
    window.openFile(a);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 2, timeout);

    QSignalSpy indexed(workspace, &WorkspacePanel::indexingFinished);
    workspace->openFolder(m_dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(indexed.count(), 1, timeout);

    // Ctrl+Alt+F from wherever the reviewer is puts the cursor in the search field.
    window.activateWindow();
    QTest::keyClick(focused() ? focused() : &window, Qt::Key_F, Qt::ControlModifier | Qt::AltModifier);
    QTRY_COMPARE(focused(), search->searchField());
    QVERIFY(search->isVisible());

    QSignalSpy finished(search, &SearchPanel::searchFinished);
    QTest::keyClicks(focused(), u"sayare"_s);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !search->isSearching(), timeout);
    const QList<WorkspaceIndex::Match> all = search->model()->matches();
    QVERIFY(!all.isEmpty());
    QSet<QString> files;
    for (const WorkspaceIndex::Match &m : all) {
        files.insert(m.path);
        QVERIFY2(QString(m.value + m.text).contains(u"Sayare"_s, Qt::CaseInsensitive), qPrintable(m.id));
        QVERIFY(m.page > 0 && !m.context.isEmpty());
    }
    QCOMPARE(files, (QSet<QString>{a, b})); // both copies, not the table filing

    // The type filter: people only.
    QComboBox *types = search->typeBox();
    types->setCurrentIndex(indexOfData(types, {u"person"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(!search->isSearching() && search->model()->rowCount() > 0, timeout);
    const QList<WorkspaceIndex::Match> people = search->model()->matches();
    for (const WorkspaceIndex::Match &m : people)
        QCOMPARE(m.type, u"person"_s);
    QVERIFY(people.size() <= all.size());
    QVERIFY(people.last().path == b); // in file order: a.txt, then sub/b.txt

    // Down from the field into the results, End to the last (in b), Enter: b opens with
    // that person current, and the keyboard stays in the results.
    search->searchField()->setFocus();
    QTRY_COMPARE(focused(), search->searchField());
    QTest::keyClick(focused(), Qt::Key_Down);
    QCOMPARE(focused(), search->resultView());
    QCOMPARE(search->resultView()->currentIndex().row(), 0);
    QTest::keyClick(focused(), Qt::Key_End);
    QSignalSpy shown(search, &SearchPanel::resultShown);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, timeout);
    const WorkspaceIndex::Match target = people.last();
    QCOMPARE(shown.first().first().toString(), target.id);
    QCOMPARE(window.filePath(), b);
    QCOMPARE(window.entityPanel()->currentEntityId(), target.id);
    QCOMPARE(window.store()->entity(target.id)->type, u"person"_s);
    QCOMPARE(window.documentView()->currentPage(), target.page - 1);
    QCOMPARE(focused(), search->resultView());
    // Searching and opening changed nothing in b's review.
    QCOMPARE(StoreDump::changedIds(before, StoreDump::dump(*window.store())), QStringList());
    QCOMPARE(StoreDump::dump(*window.store()), before);

    // A result in the filing already open is shown without opening it again.
    if (people.size() > 1 && people.at(people.size() - 2).path == b) {
        const int opened = int(extracted.count());
        QTest::keyClick(focused(), Qt::Key_Up);
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(window.entityPanel()->currentEntityId(), people.at(people.size() - 2).id);
        QCOMPARE(int(extracted.count()), opened);
    }

    // Confirm the person in the window; the status filter finds the decision (the index
    // follows the review as it is saved).
    window.entityPanel()->tree()->setFocus();
    QVERIFY(window.entityPanel()->selectEntity(target.id));
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(int(window.store()->entity(target.id)->status), int(EntityStatus::Confirmed));
    const QMap<QString, QString> confirmed = StoreDump::dump(*window.store());
    QCOMPARE(StoreDump::changedIds(before, confirmed), QStringList{target.id});
    QTRY_VERIFY_WITH_TIMEOUT(window.store()->isDurable(), timeout); // on disk: the index can see it
    QComboBox *statuses = search->statusBox();
    statuses->setCurrentIndex(indexOfData(statuses, {u"confirmed"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(!search->isSearching() && search->model()->rowCount() == 1, timeout);
    QCOMPARE(search->model()->matches().first().id, target.id);
    QCOMPARE(search->model()->matches().first().status, u"confirmed"_s);
    QCOMPARE(search->model()->matches().first().path, b);

    // A table cell by its value: Total revenues of the statement, 1,234 (millions).
    statuses->setCurrentIndex(0);
    types->setCurrentIndex(indexOfData(types, {WorkspaceIndex::tableCellType()}));
    search->showSearch();
    QTRY_COMPARE(focused(), search->searchField());
    QTest::keyClicks(focused(), u"1234000000"_s); // replaces the selected query
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!search->isSearching() && search->model()->rowCount() > 0, timeout);
    const QList<WorkspaceIndex::Match> cells = search->model()->matches();
    for (const WorkspaceIndex::Match &m : cells) {
        QCOMPARE(m.type, WorkspaceIndex::tableCellType());
        QCOMPARE(m.path, statements);
        QVERIFY2(m.id.startsWith(u"table@"_s) && m.id.contains(u"#r"_s), qPrintable(m.id));
        QVERIFY(m.value.endsWith(u"1234000000"_s));
    }
    QVERIFY(std::any_of(cells.cbegin(), cells.cend(), [](const WorkspaceIndex::Match &m) {
        return m.text == u"1,234"_s && m.context.contains(u"Total revenues"_s);
    }));
    const int shownBefore = int(shown.count());
    QTest::keyClick(focused(), Qt::Key_Down);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.filePath(), statements, timeout);
    QTRY_COMPARE_WITH_TIMEOUT(int(shown.count()), shownBefore + 1, timeout);
    QCOMPARE(shown.last().first().toString(), cells.first().id);
    QCOMPARE(window.documentView()->currentPage(), cells.first().page - 1);

    // Another entity of the filing current, as while reviewing, then the cell again: the
    // entity list does not stay on that entity, so Return (Confirm) cannot fall on it.
    QString other;
    for (const Entity &e : window.store()->entities()) {
        if (!e.orphan && e.span.isValid() && e.span.page != cells.first().page - 1)
            other = e.id;
    }
    if (other.isEmpty()) {
        const Entity &e = window.store()->entities().front();
        other = e.id;
    }
    QVERIFY(window.entityPanel()->selectEntity(other));
    QCOMPARE(window.entityPanel()->currentEntityId(), other);
    const QMap<QString, QString> atCell = StoreDump::dump(*window.store());
    search->resultView()->setFocus();
    QTRY_COMPARE(focused(), search->resultView());
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(int(shown.count()), shownBefore + 2);
    const QString current = window.entityPanel()->currentEntityId();
    QVERIFY2(current != other, qPrintable(current));
    window.entityPanel()->tree()->setFocus();
    QTRY_COMPARE(focused(), window.entityPanel()->tree());
    QTest::keyClick(focused(), Qt::Key_Return);
    const QStringList changed = StoreDump::changedIds(atCell, StoreDump::dump(*window.store()));
    QVERIFY(!changed.contains(other));
    QVERIFY(changed.isEmpty() || changed == QStringList{current});

    // b's review holds the one decision made in the window, nothing from the search.
    window.openFile(b);
    QTRY_VERIFY_WITH_TIMEOUT(window.filePath() == b && window.store() && !window.isExtracting(), timeout);
    QTRY_COMPARE_WITH_TIMEOUT(StoreDump::dump(*window.store()).size(), confirmed.size(), timeout);
    QCOMPARE(StoreDump::changedIds(confirmed, StoreDump::dump(*window.store())), QStringList());
}

// A search typed while a folder is still being indexed lists what the index holds so far
// (and says so); once the folder is indexed, the same search is run again and lists every
// filing's matches.
void TestSearchPanel::searchWhileIndexing()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QFile sample(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray bytes = sample.readAll();
    auto write = [&](const QString &name) {
        QFile out(folder.filePath(name));
        return out.open(QIODevice::WriteOnly) && out.write(bytes + "\n" + name.toUtf8() + "\n") > 0;
    };
    QVERIFY(write(u"first.txt"_s));
    const QString first = QDir(folder.path()).absoluteFilePath(u"first.txt"_s);

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkspacePanel *workspace = WorkspacePanel::of(&window);
    SearchPanel *search = SearchPanel::of(&window);
    QSignalSpy indexed(workspace, &WorkspacePanel::indexingFinished);
    workspace->openFolder(folder.path());
    QTRY_COMPARE_WITH_TIMEOUT(indexed.count(), 1, timeout);

    // Many more filings arrive; the folder is opened again and searched at once, while the
    // new ones are read (each takes far longer to extract than the search takes).
    QSet<QString> every = {first};
    for (int i = 0; i < 24; ++i) {
        const QString name = u"later-%1.txt"_s.arg(i, 2, 10, QChar(u'0'));
        QVERIFY(write(name));
        every.insert(QDir(folder.path()).absoluteFilePath(name));
    }
    workspace->openFolder(folder.path());
    QVERIFY(workspace->isIndexing());
    search->showSearch();
    QTRY_COMPARE(focused(), search->searchField());
    // What the panel shows when the first search finishes.
    QSet<QString> soFar;
    QString soFarSummary;
    bool indexingThen = false;
    QSignalSpy finished(search, &SearchPanel::searchFinished);
    connect(search, &SearchPanel::searchFinished, this, [&] {
        if (finished.count() != 1)
            return;
        for (const WorkspaceIndex::Match &m : search->model()->matches())
            soFar.insert(m.path);
        soFarSummary = search->findChild<QLabel *>(u"searchSummary"_s)->text();
        indexingThen = workspace->isIndexing();
    });
    QTest::keyClicks(focused(), u"sayare"_s);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), timeout);
    // Results so far, shown while the folder was still indexed: at least the filing
    // indexed before, and the note that more may come.
    QVERIFY(indexingThen); // the search did not wait for the folder
    QVERIFY2(soFar.contains(first), qPrintable(soFarSummary));
    QVERIFY(soFar.size() <= every.size());
    QVERIFY2(soFarSummary.contains(u"still being indexed"_s), qPrintable(soFarSummary));

    // Indexing done: the search runs again by itself and finds every filing's matches.
    QTRY_COMPARE_WITH_TIMEOUT(indexed.count(), 2, timeout * 4);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2 && !search->isSearching(), timeout);
    QSet<QString> files;
    for (const WorkspaceIndex::Match &m : search->model()->matches())
        files.insert(m.path);
    QCOMPARE(files, every);
    QVERIFY(!search->findChild<QLabel *>(u"searchSummary"_s)->text().contains(u"still being indexed"_s));
    QCOMPARE(search->model()->rowCount(), int(search->model()->matches().size()));
}

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
