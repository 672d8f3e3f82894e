// The workspace panel: a folder of filings listed with their progress while the window
// stays usable, next/previous filing by key, a decision updating its row, Mark Filing Done
// written to the review file, filtering, and a damaged filing listed with its error.
#include "entitypanel.h"
#include "entitytreemodel.h"
#include "mainwindow.h"
#include "workspacepanel.h"

#include "review/reviewstore.h"
#include "review/sidecarfile.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeView>

using namespace Qt::StringLiterals;

namespace {
constexpr int timeout = 60000;

QWidget *focused()
{
    return QApplication::focusWidget();
}
} // namespace

class TestWorkspacePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void folderQueueFlow();

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
    QFile sample(QStringLiteral(FILINGLENS_SOURCE_ROOT "/resources/sample/immunogen-8k-2007-06-04.txt"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray bytes = sample.readAll();
    QVERIFY(QDir(m_dir.path()).mkpath(u"sub"_s));
    for (const auto &[name, extra] : {std::pair{u"a.txt"_s, "\ncopy a\n"}, std::pair{u"sub/b.txt"_s, "\ncopy b\n"}}) {
        QFile out(m_dir.filePath(name));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes + extra);
    }
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

    // Previous filing goes back.
    QTest::keyClick(focused(), Qt::Key_PageUp, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 3, timeout);
    QCOMPARE(window.filePath(), a);

    // Opening the folder again reads the state from the review files (the index follows).
    finished.clear();
    panel->openFolder(m_dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeout);
    QCOMPARE(model->rows().at(model->rowOf(a)).state(), u"done"_s);
    QCOMPARE(model->rows().at(model->rowOf(a)).confirmed, 1);

    // Filtering by typing into the filter field.
    QTest::keyClicks(panel->filterField(), u"cannot be opened"_s);
    QCOMPARE(panel->view()->model()->rowCount(), 1);
    QCOMPARE(panel->view()->model()->index(0, 0).data(WorkspaceModel::PathRole).toString(), broken);
    panel->filterField()->clear();
    QCOMPARE(panel->view()->model()->rowCount(), 3);
}

QTEST_MAIN(TestWorkspacePanel)
#include "tst_workspacepanel.moc"
