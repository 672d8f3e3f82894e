// A reviewer new to the program, by keyboard: File ▸ Open beside the filing given on the
// command line, the current row kept in view when the tree gets shorter, a long value read
// from its start, and a fact hidden in the XBRL that has no place to outline. Keys go to
// whatever widget has the focus; the whole store is compared before and after each flow.
#include "documentview.h"
#include "entitypanel.h"
#include "entitytreemodel.h"
#include "inspector.h"
#include "keyboardinput.h"
#include "mainwindow.h"
#include "reviewwindow.h"
#include "readingview.h"
#include "storedump.h"
#include "testutils.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTreeView>

using namespace Qt::StringLiterals;

namespace {
constexpr int extractionTimeout = 120000;

using StoreDump::changedIds;
using StoreDump::dump;

using KeyboardInput::focused;
using KeyboardInput::chooseByKeyboard;

bool isMention(const QModelIndex &index)
{
    return index.data(EntityTreeModel::KindRole).toInt() == int(EntityTreeModel::Kind::Mention);
}
}

class TestFirstReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openDialogStartsBesideTheFilingOpen();
    void currentRowStaysInViewWhenTheTreeShortens();
    void longValueShowsItsStart();
    void hiddenFactOutlinesNothing();
    void xbrlCheckStaysForTheNextFiling();

private:
    QString copy(const QString &from, const QString &name);
    bool open(const QString &path);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestFirstReview::initTestCase()
{
    QApplication::setOrganizationName(u"filing-lens"_s);
    QApplication::setApplicationName(u"filing-lens-test-firstreview"_s);
}

void TestFirstReview::init()
{
    QSettings().clear();
    QSettings().setValue(u"review/reviewer"_s, u"Ada Analyst"_s);
    QSettings().setValue(u"review/advanceAfterDecision"_s, false);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = ReviewWindow::shown();
    QVERIFY(m_window);
}

void TestFirstReview::cleanup()
{
    ReviewWindow::close(m_window);
}

QString TestFirstReview::copy(const QString &from, const QString &name)
{
    const QString path = m_dir->filePath(name);
    return QFile::copy(from, path) ? path : QString();
}

bool TestFirstReview::open(const QString &path)
{
    return ReviewWindow::open(*m_window, path, extractionTimeout);
}

void TestFirstReview::openDialogStartsBesideTheFilingOpen()
{
    // The filing given on the command line; File ▸ Open (Ctrl+O) then starts in its folder,
    // where the next filing of the batch is.
    const QString first = copy(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), u"first.txt"_s);
    QVERIFY(open(first));
    const auto saved = dump(*m_window->store());
    QString dialogFolder;
    QTimer::singleShot(0, m_window.get(), [&dialogFolder] {
        if (!QTest::qWaitFor([] { return qobject_cast<QFileDialog *>(QApplication::activeModalWidget()); }, 10000))
            return;
        dialogFolder = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())->directory().absolutePath();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        while (QWidget *modal = QApplication::activeModalWidget())
            modal->close();
    });
    QTest::keyClick(focused(), Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(dialogFolder, QFileInfo(first).absolutePath());
    // Escape chose nothing: the filing and its review stay as they were.
    QCOMPARE(m_window->filePath(), QFileInfo(first).absoluteFilePath());
    QCOMPARE(dump(*m_window->store()), saved);
}

void TestFirstReview::currentRowStaysInViewWhenTheTreeShortens()
{
    QVERIFY(open(copy(TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s), u"8k.pdf"_s)));
    QTreeView *tree = m_window->entityPanel()->tree();
    QWidget *viewport = tree->viewport();
    tree->setFocus();
    QTRY_COMPARE(focused(), tree);
    // Down the tree to a mention in the last rows the tree shows.
    QTest::keyClick(focused(), Qt::Key_Home);
    const auto nearTheBottom = [&] {
        const QRect row = tree->visualRect(tree->currentIndex());
        return isMention(tree->currentIndex()) && viewport->rect().contains(row)
            && row.bottom() > viewport->height() - 3 * row.height();
    };
    for (int i = 0; i < 400 && !nearTheBottom(); ++i) {
        if (!tree->isExpanded(tree->currentIndex()))
            QTest::keyClick(focused(), Qt::Key_Right);
        QTest::keyClick(focused(), Qt::Key_Down);
    }
    QVERIFY(nearTheBottom());
    const QString id = m_window->entityPanel()->currentEntityId();
    const QRect before = tree->visualRect(tree->currentIndex());
    const auto saved = dump(*m_window->store());

    // View ▸ Tables (Ctrl+Shift+T) opens the Tables panel below, and the tree gets shorter
    // than the row's place in it: the row stays in view, still current.
    QTest::keyClick(focused(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(viewport->height() < before.top());
    QTRY_VERIFY(viewport->rect().contains(tree->visualRect(tree->currentIndex())));
    QCOMPARE(m_window->entityPanel()->currentEntityId(), id);
    QCOMPARE(focused(), tree);
    QCOMPARE(dump(*m_window->store()), saved);
}

void TestFirstReview::longValueShowsItsStart()
{
    QVERIFY(open(copy(TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s), u"8k.pdf"_s)));
    ReviewStore *store = m_window->store();
    Inspector *inspector = m_window->inspector();
    QLineEdit *value = inspector->valueEdit();
    // The longest value of the filing, reached with the filter and the arrow keys.
    QString id;
    for (const Entity &e : store->entities())
        if (!e.orphan && (id.isEmpty() || e.value.size() > store->entity(id)->value.size()))
            id = e.id;
    const Entity *e = store->entity(id);
    QVERIFY(e);
    EntityPanel *panel = m_window->entityPanel();
    panel->filterEdit()->setFocus();
    QTRY_COMPARE(focused(), panel->filterEdit());
    QTest::keyClicks(focused(), e->text.simplified());
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(focused(), panel->tree());
    QTest::keyClick(focused(), Qt::Key_Home);
    for (int i = 0; i < 50 && panel->currentEntityId() != id; ++i) {
        if (!panel->tree()->isExpanded(panel->tree()->currentIndex()))
            QTest::keyClick(focused(), Qt::Key_Right);
        QTest::keyClick(focused(), Qt::Key_Down);
    }
    QCOMPARE(panel->currentEntityId(), id);
    QCOMPARE(inspector->entityId(), id);
    const auto saved = dump(*store);
    // Longer than the field: the field shows where it starts.
    QCOMPARE(value->text(), e->value);
    QVERIFY2(value->fontMetrics().horizontalAdvance(e->value) > value->contentsRect().width(),
             qPrintable(e->value));
    QCOMPARE(value->cursorPosition(), 0);
    // F2 edits it, Escape drops the edit: nothing changed, and it still shows its start.
    QTest::keyClick(focused(), Qt::Key_F2);
    QCOMPARE(focused(), value);
    QTest::keyClick(focused(), Qt::Key_Escape);
    QCOMPARE(focused(), panel->tree());
    QCOMPARE(value->cursorPosition(), 0);
    QCOMPARE(dump(*store), saved);
}

void TestFirstReview::hiddenFactOutlinesNothing()
{
    QVERIFY(open(copy(TestUtils::dataPath(u"tables/ixbrl-table.html"_s), u"ixbrl.html"_s)));
    const ReviewStore &store = *m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    ReadingView *reading = m_window->documentView()->readingView();
    QTreeView *tree = panel->tree();
    const auto saved = dump(store);
    const auto isHidden = [&](const QString &id) {
        const Entity *e = store.entity(id);
        return e && e->attributes.value(u"hidden"_s) == u"true"_s;
    };

    // Down the tree from the top: a fact with a place in the text is outlined there; a
    // hidden one after it leaves nothing outlined.
    tree->setFocus();
    QTRY_COMPARE(focused(), tree);
    QTest::keyClick(focused(), Qt::Key_Home);
    QString placed;
    QString hidden;
    for (int i = 0; i < 400 && (placed.isEmpty() || hidden.isEmpty()); ++i) {
        if (!tree->isExpanded(tree->currentIndex()))
            QTest::keyClick(focused(), Qt::Key_Right);
        QTest::keyClick(focused(), Qt::Key_Down);
        const QString id = panel->currentEntityId();
        const Entity *e = store.entity(id);
        if (!e || !isMention(tree->currentIndex()))
            continue;
        if (placed.isEmpty() && e->span.isValid()) {
            placed = id;
            QTRY_COMPARE(reading->focusedSpan(), e->span);
        } else if (!placed.isEmpty() && isHidden(id)) {
            hidden = id;
        }
    }
    QVERIFY(!placed.isEmpty());
    QVERIFY(!hidden.isEmpty());
    QVERIFY(!store.entity(hidden)->span.isValid());
    QVERIFY(m_window->inspector()->xbrlWarning().contains(u"Hidden in the filing's XBRL"_s));
    QVERIFY(!reading->focusedSpan().isValid());
    QCOMPARE(changedIds(saved, dump(store)), QStringList());

    // Deciding it works as for any fact, and still outlines nothing.
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(changedIds(saved, dump(store)), QStringList{hidden});
    QCOMPARE(store.entity(hidden)->status, EntityStatus::Confirmed);
    QVERIFY(!reading->focusedSpan().isValid());
}

void TestFirstReview::xbrlCheckStaysForTheNextFiling()
{
    // Two inline-XBRL filings of a queue, each with a printed amount that disagrees with
    // its tag ("$47,061 billion", tagged 47061000000), then a filing without XBRL.
    QFile fixture(TestUtils::dataPath(u"document/ixbrl-facts.html"_s));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QByteArray bytes = fixture.readAll();
    const QByteArray printed = "47,061</ix:nonFraction> million";
    QVERIFY(bytes.contains(printed));
    bytes.replace(printed, "47,061</ix:nonFraction> billion");
    QStringList queue;
    for (const QString &name : {u"first.html"_s, u"second.html"_s}) {
        QFile out(m_dir->filePath(name));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes + "<!-- " + name.toUtf8() + " -->\n");
        queue << out.fileName();
    }
    EntityPanel *panel = m_window->entityPanel();
    const auto showsOnlyDisagreements = [&] {
        const QStringList shown = panel->shownEntityIds();
        for (const QString &id : shown)
            if (m_window->store()->entity(id)->attributes.value(u"xbrl"_s) != u"differs"_s)
                return false;
        return !shown.isEmpty();
    };

    QVERIFY(open(queue.at(0)));
    auto saved = dump(*m_window->store());
    QVERIFY(chooseByKeyboard(panel->xbrlBox(), u"Disagrees with XBRL"_s));
    QVERIFY(showsOnlyDisagreements());
    // The inspector names the fact whose tag disagrees, to be found under XBRL facts.
    QTreeView *tree = panel->tree();
    tree->setFocus();
    QTRY_COMPARE(focused(), tree);
    QTest::keyClick(focused(), Qt::Key_Home);
    for (int i = 0; i < 10 && !isMention(tree->currentIndex()); ++i) {
        if (!tree->isExpanded(tree->currentIndex()))
            QTest::keyClick(focused(), Qt::Key_Right);
        QTest::keyClick(focused(), Qt::Key_Down);
    }
    const Entity *amount = m_window->store()->entity(panel->currentEntityId());
    QVERIFY(amount);
    QCOMPARE(amount->text.simplified(), u"$47,061 billion"_s);
    const QString warning = m_window->inspector()->xbrlWarning();
    QVERIFY2(warning.contains(u"tagged 47061000000 (us-gaap:Revenues, "_s), qPrintable(warning));
    QCOMPARE(dump(*m_window->store()), saved);

    // The next filing opens with the check as chosen.
    QVERIFY(open(queue.at(1)));
    saved = dump(*m_window->store());
    QCOMPARE(panel->xbrlBox()->currentText(), u"Disagrees with XBRL"_s);
    QVERIFY(panel->xbrlBox()->isVisible());
    QVERIFY(showsOnlyDisagreements());
    QCOMPARE(dump(*m_window->store()), saved);

    // A filing without XBRL lets it go: its tree is not empty.
    QVERIFY(open(copy(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), u"8k.txt"_s)));
    QCOMPARE(panel->xbrlBox()->currentText(), u"Any XBRL check"_s);
    QVERIFY(!panel->xbrlBox()->isVisible());
    QCOMPARE(int(panel->shownEntityIds().size()), m_window->store()->count());
}

QTEST_MAIN(TestFirstReview)
#include "tst_firstreview.moc"
