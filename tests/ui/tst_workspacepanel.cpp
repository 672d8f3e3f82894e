// The workspace panel: a folder of filings listed with their progress while the window
// stays usable, next/previous filing by key, a decision updating its row, Mark Filing Done
// written to the review file, filtering, and a damaged filing listed with its error.
#include "entitypanel.h"
#include "entitytreemodel.h"
#include "mainwindow.h"
#include "workspacepanel.h"

#include "review/reviewstore.h"
#include "keyboardinput.h"
#include "review/sidecarfile.h"
#include "testutils.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeView>

using namespace Qt::StringLiterals;

namespace {
constexpr int timeout = 60000;

using KeyboardInput::focused;
} // namespace

class TestWorkspacePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void folderQueueFlow();
    void listedBeforeIndexed();

private:
    QTemporaryDir m_dir;
};

void TestWorkspacePanel::initTestCase()
{
    QApplication::setOrganizationName(u"filing-lens"_s);
    QApplication::setApplicationName(u"filing-lens-test-workspace"_s);
    QSettings().clear();
    QSettings().setValue(u"review/reviewer"_s, u"Test Reviewer"_s);
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/workspace.sqlite"_s);
    QVERIFY(m_dir.isValid());
    // Two filings (copies of the sample text, each a filing of its own), one in a
    // sub-folder, and a damaged PDF.
    QVERIFY(TestUtils::writeSampleFilings(m_dir.path()));
    QFile broken(m_dir.filePath(u"broken.pdf"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ncut short");
}

void TestWorkspacePanel::folderQueueFlow()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkspacePanel *panel = WorkspacePanel::of(&window);
    QVERIFY(panel);
    QSignalSpy finished(panel, &WorkspacePanel::indexingFinished);
    panel->openFolder(m_dir.path());
    // The folder is read on another thread: the call returns before any row is known.
    QVERIFY(panel->isIndexing());
    QCOMPARE(panel->model()->rowCount(), 0);
    QVERIFY(panel->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeout);
    QCOMPARE(finished.first().first().toInt(), 3);

    WorkspaceModel *model = panel->model();
    const QString a = QDir(m_dir.path()).absoluteFilePath(u"a.txt"_s);
    const QString b = QDir(m_dir.path()).absoluteFilePath(u"sub/b.txt"_s);
    const QString broken = QDir(m_dir.path()).absoluteFilePath(u"broken.pdf"_s);
    QVERIFY(model->rowOf(a) >= 0 && model->rowOf(b) >= 0 && model->rowOf(broken) >= 0);
    QVERIFY(model->rows().at(model->rowOf(broken)).error.contains(u"broken.pdf"_s));
    // Its state in State, its error in the last column and the tooltip; the Form column
    // stays as narrow as the forms.
    {
        const int r = model->rowOf(broken);
        const int last = model->columnCount() - 1;
        QCOMPARE(model->headerData(last, Qt::Horizontal).toString(), u"Error"_s);
        QVERIFY(model->index(r, last).data().toString().contains(u"broken.pdf"_s));
        QVERIFY(model->index(r, 1).data().toString().isEmpty());
        QCOMPARE(model->index(r, 12).data().toString(), u"cannot be opened"_s);
        QVERIFY(model->index(r, 1).data(Qt::ToolTipRole).toString().contains(u"broken.pdf"_s));
        QVERIFY(panel->view()->columnWidth(1) < 150);
    }
    const Workspace::FilingStatus first = model->rows().at(model->rowOf(a));
    QCOMPARE(first.form, u"8-K"_s);
    QCOMPARE(first.state(), u"not started"_s);
    QVERIFY(first.entities > 10);
    QCOMPARE(panel->progressBar()->value(), 0);
    QCOMPARE(panel->progressBar()->maximum(), 3);

    // Next filing from the keyboard: the first row of the list (sorted by file).
    QSignalSpy extracted(&window, &MainWindow::extractionFinished);
    window.activateWindow();
    QTest::keyClick(focused() ? focused() : &window, Qt::Key_PageDown, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 1, timeout);
    QCOMPARE(window.filePath(), a);

    // A decision in the window updates the row at once.
    QTRY_VERIFY(window.store() && window.store()->count() > 0);
    // Down the entity tree to the first mention, as a reviewer does, and confirm it.
    QTreeView *tree = window.entityPanel()->tree();
    QTRY_VERIFY(tree->hasFocus());
    QTest::keyClick(focused(), Qt::Key_Home);
    for (int i = 0; i < 50 && tree->currentIndex().data(EntityTreeModel::KindRole).toInt()
                                  != int(EntityTreeModel::Kind::Mention); ++i) {
        if (!tree->isExpanded(tree->currentIndex()))
            tree->expand(tree->currentIndex());
        QTest::keyClick(focused(), Qt::Key_Down);
    }
    QCOMPARE(tree->currentIndex().data(EntityTreeModel::KindRole).toInt(), int(EntityTreeModel::Kind::Mention));
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(model->rows().at(model->rowOf(a)).reviewed, 1);
    QCOMPARE(model->rows().at(model->rowOf(a)).confirmed, 1);
    QCOMPARE(model->rows().at(model->rowOf(a)).state(), u"in progress"_s);
    QCOMPARE(model->rows().at(model->rowOf(a)).reviewer, u"Test Reviewer"_s);

    // Mark Filing Done: the review file records it with the decision kept, the row and
    // the progress bar follow, and the next filing opens.
    QTest::keyClick(focused(), Qt::Key_D, Qt::ControlModifier | Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 2, timeout);
    QCOMPARE(window.filePath(), b);
    const SidecarFile::LoadResult review = SidecarFile::load(SidecarFile::pathBeside(a));
    QCOMPARE(int(review.status), int(SidecarFile::LoadStatus::Loaded));
    QVERIFY(review.data.done);
    QCOMPARE(review.data.doneBy, u"Test Reviewer"_s);
    QCOMPARE(review.data.decisions.size(), 1);
    QCOMPARE(review.data.decisions.first().status, u"confirmed"_s);
    QCOMPARE(model->rows().at(model->rowOf(a)).state(), u"done"_s);
    QCOMPARE(panel->progressBar()->value(), 1);
    // Leaving the filing keeps its row whole: cover facts and counts as in the review file.
    QCOMPARE(model->rows().at(model->rowOf(a)).form, first.form);
    QCOMPARE(model->rows().at(model->rowOf(a)).registrant, first.registrant);
    QCOMPARE(model->rows().at(model->rowOf(a)).reportDate, first.reportDate);
    QCOMPARE(model->rows().at(model->rowOf(a)).entities, first.entities);
    QCOMPARE(model->rows().at(model->rowOf(a)).confirmed, 1);

    // Previous filing goes back.
    QTest::keyClick(focused(), Qt::Key_PageUp, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 3, timeout);
    QCOMPARE(window.filePath(), a);
    const Workspace::FilingStatus left = model->rows().at(model->rowOf(b));
    QCOMPARE(left.form, u"8-K"_s);
    QCOMPARE(left.entities, first.entities);
    QVERIFY(!left.registrant.isEmpty());

    // Mark Filing Done on the last filing of the list: marked, and the window stays on it
    // (no next filing to go to) rather than closing it.
    QTest::keyClick(focused(), Qt::Key_PageDown, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 4, timeout);
    QCOMPARE(window.filePath(), b);
    QTRY_VERIFY(window.entityPanel()->tree()->hasFocus());
    QTest::keyClick(focused(), Qt::Key_D, Qt::ControlModifier | Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 5, timeout);
    QCOMPARE(window.filePath(), b);
    QVERIFY(SidecarFile::load(SidecarFile::pathBeside(b)).data.done);
    QCOMPARE(model->rows().at(model->rowOf(b)).state(), u"done"_s);
    QCOMPARE(model->rows().at(model->rowOf(b)).form, u"8-K"_s);
    QCOMPARE(panel->progressBar()->value(), 2);

    // Opening the folder again reads the state from the review files (the index follows).
    finished.clear();
    panel->openFolder(m_dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeout);
    QCOMPARE(model->rows().at(model->rowOf(a)).state(), u"done"_s);
    QCOMPARE(model->rows().at(model->rowOf(a)).confirmed, 1);

    // Filtering by typing into the filter field.
    panel->filterField()->setFocus();
    QTRY_COMPARE(focused(), panel->filterField());
    QTest::keyClicks(focused(), u"cannot be opened"_s);
    QCOMPARE(panel->view()->model()->rowCount(), 1);
    QCOMPARE(panel->view()->model()->index(0, 0).data(WorkspaceModel::PathRole).toString(), broken);
    // Escape clears the filter and hands the keyboard to the table.
    QTest::keyClick(focused(), Qt::Key_Escape);
    QCOMPARE(panel->filterField()->text(), QString());
    QCOMPARE(panel->view()->model()->rowCount(), 3);
    QCOMPARE(focused(), panel->view());

    // Enter on a row of the table opens the filing with the keyboard in the entity list:
    // N goes to the next unreviewed mention there.
    QTest::keyClick(focused(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(panel->view()->currentIndex().data(WorkspaceModel::PathRole).toString(), a);
    const int opened = int(extracted.count());
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(int(extracted.count()), opened + 1, timeout);
    QCOMPARE(window.filePath(), a);
    QTRY_COMPARE(focused(), static_cast<QWidget *>(tree));
    QTest::keyClick(focused(), Qt::Key_N);
    QCOMPARE(tree->currentIndex().data(EntityTreeModel::KindRole).toInt(), int(EntityTreeModel::Kind::Mention));
    QCOMPARE(int(window.store()->entity(window.entityPanel()->currentEntityId())->status), int(EntityStatus::Auto));

    // Closed with its title bar's button, the panel comes back with View ▸ Workspace.
    auto *close = panel->findChild<QAbstractButton *>(u"qt_dockwidget_closebutton"_s);
    QVERIFY(close && close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(!panel->isVisible());
    QTest::keyClick(focused() ? focused() : &window, Qt::Key_W, Qt::ControlModifier | Qt::AltModifier);
    QTRY_VERIFY(panel->isVisible());
    QTRY_COMPARE(focused(), panel->view());
}

QTEST_MAIN(TestWorkspacePanel)
// A folder opened again lists its filings at once, those indexed before with their
// status, a new one as being read; indexing then fills in the new one.
void TestWorkspacePanel::listedBeforeIndexed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(TestUtils::writeSampleFilings(dir.path()));
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkspacePanel *panel = WorkspacePanel::of(&window);
    QVERIFY(panel);
    WorkspaceModel *model = panel->model();
    QSignalSpy finished(panel, &WorkspacePanel::indexingFinished);
    panel->openFolder(dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeout);

    const QString a = QDir(dir.path()).absoluteFilePath(u"a.txt"_s);
    const QString c = QDir(dir.path()).absoluteFilePath(u"c.txt"_s);
    QVERIFY(QFile::copy(a, c));
    {
        QFile out(c);
        QVERIFY(out.open(QIODevice::Append));
        out.write("\ncopy c\n");
    }
    constexpr int state = 12;
    QCOMPARE(model->headerData(state, Qt::Horizontal).toString(), u"State"_s);
    // What the list shows the moment it is listed, before the new filing is read.
    QStringList listed;
    const auto connection = connect(panel, &WorkspacePanel::filingsListed, this, [&] {
        QVERIFY(panel->isIndexing());
        for (int r = 0; r < model->rowCount(); ++r)
            listed.append(QFileInfo(model->rows().at(r).filing.path).fileName() + u' '
                          + model->index(r, 1).data().toString() + u' '
                          + model->index(r, state).data().toString());
        // The analyst picks a filing meanwhile, with the mouse.
        QTableView *view = panel->view();
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            if (view->model()->index(r, 0).data(WorkspaceModel::PathRole).toString() == a)
                QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                                  view->visualRect(view->model()->index(r, 0)).center());
        }
    });
    // File ▸ Open Folder by its keys, the folder typed into the dialog.
    KeyboardInput::answerFileDialog(&window, dir.path());
    QTest::keyClick(focused() ? focused() : &window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, timeout);
    disconnect(connection);
    listed.sort();
    QCOMPARE(listed, (QStringList{u"a.txt 8-K not started"_s, u"b.txt 8-K not started"_s,
                                  u"c.txt  reading\u2026"_s}));
    // Indexed: the new filing's row is filled in like the others.
    QCOMPARE(finished.last().first().toInt(), 3);
    const int row = model->rowOf(c);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, 1).data().toString(), u"8-K"_s);
    QCOMPARE(model->index(row, state).data().toString(), u"not started"_s);
    QVERIFY(model->rows().at(row).error.isEmpty());
    // ... and the filing picked while it was read is still the one selected.
    QCOMPARE(panel->view()->currentIndex().data(WorkspaceModel::PathRole).toString(), a);
}

#include "tst_workspacepanel.moc"
