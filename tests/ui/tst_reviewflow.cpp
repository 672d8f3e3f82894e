// The review loop as a reviewer performs it: keys pressed into whatever widget has
// the focus, never a chosen one, and after each flow the whole store compared with
// its state before, so an edit that lands on another entity shows at once.
#include "entityfilterproxy.h"
#include "document/filingdocument.h"
#include "documentview.h"
#include "entitypanel.h"
#include "entitytreemodel.h"
#include "inspector.h"
#include "keyboardinput.h"
#include "mainwindow.h"
#include "reviewwindow.h"
#include "messagebox.h"
#include "navigationbar.h"
#include "pdfpageview.h"
#include "readingview.h"
#include "storedump.h"
#include "testutils.h"

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QTextBlock>
#include <QtGui/QTextDocument>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QUndoView>

using namespace Qt::StringLiterals;

namespace {
constexpr int extractionTimeout = 120000;

using StoreDump::changedIds;
using StoreDump::dump;

QString firstOfType(const ReviewStore &store, const QString &type)
{
    for (const Entity &e : store.entities())
        if (e.type == type && !e.orphan)
            return e.id;
    return {};
}

using KeyboardInput::focused;
}

class TestReviewFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typingChangesOnlyThatEntity_data();
    void typingChangesOnlyThatEntity();
    void clickIntoValueAndEscape();
    void changeTypeKeepsSelection();
    void decisionsMoveOnAsDocumented();
    void bulkActionsAreOneStep();
    void focusStartsInTheTree();
    void noteEnterReturnsToTree();
    void redoAndHistoryNames();
    void asksForReviewerOnce();
    void adjustWordsByKeyboard();
    void addEveryOccurrence();
    void toolbarPageBackAndForward();
    void reopenRestoresPlace();
    void smallWindowKeepsDocumentWide();
    void pdfDragSelectsExactly();
    void tableOfContentsLinks();
    void clickAwayFromAnEditSelectsTheClickedRow();
    void decisionAfterPreviousMovesOn();
    void retypeAValueRowRetypesEveryMention();
    void undoShowsWhatItChanged();
    void selectingAHiddenEntityKeepsTheFilters();

private:
    bool open(bool freshCopy = true);
    bool selectByKeyboard(const QString &id);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestReviewFlow::initTestCase()
{
    QApplication::setOrganizationName(u"filing-lens"_s);
    QApplication::setApplicationName(u"filing-lens-test-reviewflow"_s);
}

void TestReviewFlow::init()
{
    QSettings().clear();
    QSettings().setValue(u"review/reviewer"_s, u"Ada Analyst"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = ReviewWindow::shown();
    QVERIFY(m_window);
}

void TestReviewFlow::cleanup()
{
    ReviewWindow::close(m_window);
}

bool TestReviewFlow::open(bool freshCopy)
{
    const QString source = TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s);
    const QString path = m_dir->filePath(u"immunogen-8k-2007-06-04.pdf"_s);
    if (freshCopy && !QFile::copy(source, path))
        return false;
    return ReviewWindow::open(*m_window, path, extractionTimeout);
}

// Puts the tree's current row on the entity with the arrow keys, as a reviewer does.
bool TestReviewFlow::selectByKeyboard(const QString &id)
{
    QTreeView *tree = m_window->entityPanel()->tree();
    tree->setFocus();
    if (!QTest::qWaitFor([&] { return tree->hasFocus(); }, 2000))
        return false;
    QTest::keyClick(tree, Qt::Key_Home);
    const auto onMention = [&] {
        return m_window->entityPanel()->currentEntityId() == id
            && tree->currentIndex().data(EntityTreeModel::KindRole).toInt()
            == int(EntityTreeModel::Kind::Mention);
    };
    for (int i = 0; i < 2000 && !onMention(); ++i) {
        const QModelIndex before = tree->currentIndex();
        // Open rows on the way so every mention is reached.
        if (!tree->isExpanded(before))
            tree->expand(before);
        QTest::keyClick(tree, Qt::Key_Down);
        if (tree->currentIndex() == before)
            return false;
    }
    return onMention();
}

void TestReviewFlow::typingChangesOnlyThatEntity_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("filter");
    for (int c = 0; c < EntityTreeModel::ColumnCount; ++c) {
        const QByteArray name = "column " + QByteArray::number(c);
        QTest::newRow(QByteArray(name + " ascending").constData()) << c << int(Qt::AscendingOrder) << QString();
        QTest::newRow(QByteArray(name + " descending").constData()) << c << int(Qt::DescendingOrder) << QString();
    }
    QTest::newRow("filtered by the value being changed") << int(EntityTreeModel::ValueColumn)
                                                        << int(Qt::AscendingOrder) << u"17999"_s;
    QTest::newRow("filtered to unreviewed") << int(EntityTreeModel::PageColumn)
                                           << int(Qt::AscendingOrder) << u"status:unreviewed"_s;
}

void TestReviewFlow::typingChangesOnlyThatEntity()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QString, filter);
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    panel->tree()->sortByColumn(column, Qt::SortOrder(order));
    if (filter == u"status:unreviewed"_s) {
        auto *status = panel->findChildren<QComboBox *>().at(1);
        status->setCurrentIndex(1);
    } else if (!filter.isEmpty()) {
        panel->filterEdit()->setFocus();
        QTest::keyClicks(panel->filterEdit(), filter);
        QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    }
    const QString id = firstOfType(*store, u"commission_file_number"_s);
    QVERIFY(!id.isEmpty());
    QCOMPARE(store->entity(id)->value, u"0-17999"_s);
    QVERIFY(selectByKeyboard(id));
    const auto before = dump(*store);
    const int steps = store->undoStack()->count();

    // F2, then the reviewer types slowly into whatever has the focus.
    QTest::keyClick(focused(), Qt::Key_F2);
    QCOMPARE(focused(), m_window->inspector()->valueEdit());
    for (const QChar c : u"000-17999"_s) {
        QTest::keyClicks(focused(), QString(c));
        QTest::qWait(5);
    }
    QTest::keyClick(focused(), Qt::Key_Return);

    const auto after = dump(*store);
    QCOMPARE(changedIds(before, after), QStringList{id});
    QCOMPARE(store->entity(id)->value, u"000-17999"_s);
    QCOMPARE(store->entity(id)->status, EntityStatus::Corrected);
    QCOMPARE(store->undoStack()->count(), steps + 1);
    // The selection followed the entity to its new place, and the keyboard is back in the tree.
    QCOMPARE(panel->currentEntityId(), id);
    QCOMPARE(m_window->inspector()->entityId(), id);
    QCOMPARE(focused(), panel->tree());
    QVERIFY(panel->tree()->currentIndex().isValid());

    // The review file holds exactly that change.
    QVERIFY(store->save());
    QFile sidecar(store->sidecarPath());
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QByteArray saved = sidecar.readAll();
    QVERIFY(saved.contains("\"value\": \"000-17999\"") || saved.contains("\"value\":\"000-17999\""));
    QCOMPARE(saved.count("\"status\": \"corrected\"") + saved.count("\"status\":\"corrected\""), 1);
}

void TestReviewFlow::clickIntoValueAndEscape()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    const QString id = firstOfType(*store, u"registrant"_s);
    QVERIFY(selectByKeyboard(id));
    const auto before = dump(*store);
    QLineEdit *value = m_window->inspector()->valueEdit();
    QTest::mouseClick(value, Qt::LeftButton);
    QTRY_COMPARE(focused(), value);
    QTest::keyClick(focused(), Qt::Key_End);
    QTest::keyClicks(focused(), u" Corp"_s);
    QTest::keyClick(focused(), Qt::Key_Escape);
    QCOMPARE(dump(*store), before);
    QCOMPARE(store->undoStack()->count(), 0);
    QCOMPARE(focused(), m_window->entityPanel()->tree());
    QCOMPARE(value->text(), store->entity(id)->value);

    // Clicking into the field, typing and clicking back into the tree writes the edit.
    QTest::mouseClick(value, Qt::LeftButton);
    QTRY_COMPARE(focused(), value);
    QTest::keyClick(focused(), Qt::Key_End);
    QTest::keyClicks(focused(), u" Corp"_s);
    QTreeView *tree = m_window->entityPanel()->tree();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(tree->currentIndex()).center());
    QTRY_COMPARE(store->undoStack()->count(), 1);
    QCOMPARE(changedIds(before, dump(*store)), QStringList{id});
    QVERIFY(store->entity(id)->value.endsWith(u" Corp"_s));
}

void TestReviewFlow::changeTypeKeepsSelection()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    const QString id = firstOfType(*store, u"organization"_s);
    QVERIFY(!id.isEmpty());
    QVERIFY(selectByKeyboard(id));
    const auto before = dump(*store);
    MessageBox::setNextItem(u"Person — People"_s);
    QTest::keyClick(focused(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(store->entity(id)->type, u"person"_s);
    QCOMPARE(changedIds(before, dump(*store)), QStringList{id});
    QCOMPARE(panel->currentEntityId(), id);
    QCOMPARE(panel->tree()->currentIndex().data(EntityTreeModel::CategoryRole).toString(), u"People"_s);

    // Delete now decides that entity, not the one that took its old row.
    const auto retyped = dump(*store);
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(changedIds(retyped, dump(*store)), QStringList{id});
    QCOMPARE(store->entity(id)->status, EntityStatus::Rejected);
}

void TestReviewFlow::decisionsMoveOnAsDocumented()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    const QString id = firstOfType(*store, u"registrant"_s);
    QVERIFY(selectByKeyboard(id));

    // On by default: Enter confirms, then the next unreviewed entity in the tree is current.
    const QStringList shown = panel->shownEntityIds();
    QString expected;
    for (int i = int(shown.indexOf(id)) + 1; i < shown.size() && expected.isEmpty(); ++i)
        if (store->entity(shown.at(i))->status == EntityStatus::Auto)
            expected = shown.at(i);
    auto before = dump(*store);
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(changedIds(before, dump(*store)), QStringList{id});
    QCOMPARE(store->entity(id)->status, EntityStatus::Confirmed);
    QCOMPARE(panel->currentEntityId(), expected);

    // Off: Delete rejects and the selection stays where it is.
    QSettings().setValue(u"review/advanceAfterDecision"_s, false);
    const QString stay = panel->currentEntityId();
    before = dump(*store);
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(changedIds(before, dump(*store)), QStringList{stay});
    QCOMPARE(store->entity(stay)->status, EntityStatus::Rejected);
    QCOMPARE(panel->currentEntityId(), stay);

    // Under a filter the decided entity no longer matches, it stays on screen while current.
    auto *status = panel->findChildren<QComboBox *>().at(1);
    status->setCurrentIndex(1); // unreviewed
    const QString next = panel->shownEntityIds().value(0);
    QVERIFY(selectByKeyboard(next));
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(store->entity(next)->status, EntityStatus::Confirmed);
    QCOMPARE(panel->currentEntityId(), next);
    QVERIFY(panel->shownEntityIds().contains(next));
}

void TestReviewFlow::bulkActionsAreOneStep()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    auto *category = panel->findChildren<QComboBox *>().at(0);
    category->setCurrentIndex(category->findData(u"Cover page"_s));
    const QStringList shown = panel->shownEntityIds();
    QVERIFY(shown.size() > 3);
    const QString current = shown.at(1);
    QVERIFY(selectByKeyboard(current));
    const auto before = dump(*store);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QStringList changed = changedIds(before, dump(*store));
    changed.sort();
    QStringList expected = shown;
    expected.sort();
    QCOMPARE(changed, expected);
    for (const QString &id : shown)
        QCOMPARE(store->entity(id)->status, EntityStatus::Confirmed);
    QCOMPARE(store->undoStack()->count(), 1);
    QCOMPARE(store->undoStack()->undoText(), u"Confirm %1 entities"_s.arg(shown.size()));
    QCOMPARE(panel->currentEntityId(), current);

    // Reject a whole category: every mention of it, one step.
    category->setCurrentIndex(0);
    const QString org = firstOfType(*store, u"organization"_s);
    QVERIFY(selectByKeyboard(org));
    const QStringList orgs = panel->categoryEntityIds(u"Organizations"_s);
    const auto beforeReject = dump(*store);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->action(u"rejectCategory"_s)->trigger();
    QStringList rejected = changedIds(beforeReject, dump(*store));
    rejected.sort();
    QStringList allOrgs = orgs;
    allOrgs.sort();
    QCOMPARE(rejected, allOrgs);
    QCOMPARE(store->undoStack()->count(), 2);
    QCOMPARE(panel->currentEntityId(), org);
    store->undoStack()->undo();
    QCOMPARE(dump(*store), beforeReject);
}

void TestReviewFlow::focusStartsInTheTree()
{
    QVERIFY(open());
    EntityPanel *panel = m_window->entityPanel();
    QCOMPARE(focused(), panel->tree());
    const auto before = dump(*m_window->store());
    QTest::keyClick(focused(), Qt::Key_N);
    const QString id = panel->currentEntityId();
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_window->store()->entity(id)->status, EntityStatus::Auto);
    QVERIFY(panel->filterEdit()->text().isEmpty());
    QCOMPARE(dump(*m_window->store()), before);

    // Escape in the filter clears it and returns to the tree.
    panel->filterEdit()->setFocus();
    QTest::keyClicks(focused(), u"xyz-not-there"_s);
    QVERIFY(panel->shownEntityIds().size() <= 1);
    QTest::keyClick(focused(), Qt::Key_Escape);
    QVERIFY(panel->filterEdit()->text().isEmpty());
    QCOMPARE(focused(), panel->tree());
    QVERIFY(panel->shownEntityIds().size() > 10);
}

void TestReviewFlow::noteEnterReturnsToTree()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    QTest::keyClick(focused(), Qt::Key_N);
    const QString id = panel->currentEntityId();
    const auto before = dump(*store);
    QTest::keyClick(focused(), Qt::Key_M, Qt::ControlModifier);
    QCOMPARE(focused(), m_window->inspector()->noteEdit());
    QTest::keyClicks(focused(), u"check the name"_s);
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(store->entity(id)->note, u"check the name"_s);
    QCOMPARE(changedIds(before, dump(*store)), QStringList{id});
    QCOMPARE(focused(), panel->tree());
    // N moves on instead of typing into the note.
    QTest::keyClick(focused(), Qt::Key_N);
    QVERIFY(panel->currentEntityId() != id);
    QCOMPARE(store->entity(id)->note, u"check the name"_s);
}

void TestReviewFlow::redoAndHistoryNames()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    const QString id = firstOfType(*store, u"commission_file_number"_s);
    QVERIFY(selectByKeyboard(id));
    QTest::keyClick(focused(), Qt::Key_F2);
    QTest::keyClicks(focused(), u"000-17999"_s);
    QTest::keyClick(focused(), Qt::Key_Return);
    const QString text = u"Edit value of Commission file number: 0-17999 → 000-17999"_s;
    QCOMPARE(store->undoStack()->undoText(), text);
    auto *history = m_window->findChild<QUndoView *>();
    QVERIFY(history);
    QCOMPARE(history->model()->index(1, 0).data().toString(), text);

    const auto edited = dump(*store);
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(store->entity(id)->value, u"0-17999"_s);
    QTest::keyClick(focused(), Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(dump(*store), edited);
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(dump(*store), edited);
}

void TestReviewFlow::asksForReviewerOnce()
{
    QSettings().remove(u"review/reviewer"_s);
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    const int shown = MessageBox::shownCount();
    // Cancelled: no decision.
    MessageBox::setNextText(QString(), false);
    QTest::keyClick(focused(), Qt::Key_N);
    const QString first = m_window->entityPanel()->currentEntityId();
    const auto before = dump(*store);
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(dump(*store), before);
    QCOMPARE(MessageBox::shownCount(), shown + 1);
    // Answered: the decision carries the name, and the next one does not ask again.
    MessageBox::setNextText(u"Grace Reviewer"_s);
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(store->entity(first)->status, EntityStatus::Confirmed);
    QCOMPARE(store->entity(first)->by, u"Grace Reviewer"_s);
    QCOMPARE(MessageBox::shownCount(), shown + 2);
    const QString second = m_window->entityPanel()->currentEntityId();
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(store->entity(second)->by, u"Grace Reviewer"_s);
    QCOMPARE(MessageBox::shownCount(), shown + 2);
}

void TestReviewFlow::adjustWordsByKeyboard()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    const QString id = firstOfType(*store, u"registrant"_s);
    QVERIFY(selectByKeyboard(id));
    const Entity original = *store->entity(id);
    const QString page = store->content().text.pages.at(original.span.page);
    const auto before = dump(*store);

    // One word more at the end, then one less: back to the words it had.
    QTest::keyClick(focused(), Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    const Entity grown = *store->entity(id);
    QCOMPARE(grown.span.start, original.span.start);
    QVERIFY(grown.span.end > original.span.end);
    QCOMPARE(grown.text, page.mid(grown.span.start, grown.span.length()));
    QVERIFY(grown.text.startsWith(original.text));
    QCOMPARE(grown.id, id);
    QCOMPARE(grown.status, EntityStatus::Corrected);
    QCOMPARE(changedIds(before, dump(*store)), QStringList{id});
    QCOMPARE(m_window->entityPanel()->currentEntityId(), id);
    QTest::keyClick(focused(), Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(store->entity(id)->span, original.span);
    QCOMPARE(store->undoStack()->count(), 2);

    // The corrected words are saved and come back when the filing opens again.
    QTest::keyClick(focused(), Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    const SourceSpan moved = store->entity(id)->span;
    QVERIFY(moved != original.span);
    QVERIFY(store->save());
    m_window->closeDocument();
    QVERIFY(open(false));
    QCOMPARE(m_window->store()->entity(id)->span, moved);
    QCOMPARE(m_window->store()->entity(id)->status, EntityStatus::Corrected);
}

void TestReviewFlow::addEveryOccurrence()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    // Select "Genentech" by a double click on its last mention in the filing.
    const QString org = [&] {
        QString last;
        for (const Entity &e : store->entities())
            if (e.text == u"Genentech"_s && (last.isEmpty() || store->entity(last)->span < e.span))
                last = e.id;
        return last;
    }();
    QVERIFY(!org.isEmpty());
    const SourceSpan span = store->entity(org)->span;
    int occurrences = 0;
    for (const QString &page : store->content().text.pages)
        occurrences += int(page.count(u"Genentech"_s));
    QVERIFY(occurrences > 2);
    DocumentView *view = m_window->documentView();
    view->showSpan(span, org);
    QTRY_VERIFY(!view->highlightRectsInViewport(org).isEmpty());
    const QPoint at = view->highlightRectsInViewport(org).first().center().toPoint();
    QTest::mouseDClick(view->viewportWidget(), Qt::LeftButton, {}, at);
    QCOMPARE(view->selectedText(), u"Genentech"_s);
    const auto before = dump(*store);
    MessageBox::setNextItem(u"Target — Life sciences"_s);
    QTest::keyClick(view->viewportWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    const auto after = dump(*store);
    QCOMPARE(after.size(), before.size() + occurrences);
    int added = 0;
    for (const Entity &e : store->entities())
        if (e.type == u"target"_s && e.text == u"Genentech"_s && e.status == EntityStatus::Added)
            ++added;
    QCOMPARE(added, occurrences);
    // The selection is the occurrence that was selected, not the first one.
    const Entity *current = store->entity(m_window->entityPanel()->currentEntityId());
    QVERIFY(current);
    QCOMPARE(current->span, span);
    QCOMPARE(current->type, u"target"_s);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(after.value(it.key()), it.value());
    QCOMPARE(store->undoStack()->count(), 1);
    store->undoStack()->undo();
    QCOMPARE(dump(*store), before);
}

void TestReviewFlow::toolbarPageBackAndForward()
{
    QVERIFY(open());
    NavigationBar *bar = m_window->navigationBar();
    DocumentView *view = m_window->documentView();
    QTRY_COMPARE(bar->pageEdit()->text(), u"1"_s);
    QVERIFY(!m_window->action(u"back"_s)->isEnabled());
    // Ctrl+L puts the keyboard in the page field; typing a page and Enter goes there.
    QTest::keyClick(focused(), Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(focused(), bar->pageEdit());
    QTest::keyClicks(focused(), u"5"_s);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(view->currentPage(), 4);
    QTRY_COMPARE(bar->pageEdit()->text(), u"5"_s);
    QVERIFY(focused() != bar->pageEdit());
    // Alt+Left goes back to page 1, Alt+Right forward to page 5.
    QVERIFY(m_window->action(u"back"_s)->isEnabled());
    QTest::keyClick(focused(), Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE(view->currentPage(), 0);
    QTest::keyClick(focused(), Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(view->currentPage(), 4);
    // An entity on another page is a jump too.
    const QString id = firstOfType(*m_window->store(), u"registrant"_s);
    QVERIFY(selectByKeyboard(id));
    QTRY_COMPARE(view->currentPage(), 0);
    QTest::keyClick(focused(), Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE(view->currentPage(), 4);
    // The zoom box shows and sets the zoom in percent.
    QComboBox *zoom = bar->zoomBox();
    zoom->lineEdit()->setFocus();
    zoom->lineEdit()->selectAll();
    QTest::keyClicks(focused(), u"150"_s);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(qRound(view->zoom() * 100), 150);
    QCOMPARE(zoom->currentText(), u"150%"_s);
}

void TestReviewFlow::reopenRestoresPlace()
{
    QVERIFY(open());
    DocumentView *view = m_window->documentView();
    ReviewStore *store = m_window->store();
    QString onPage3;
    for (const Entity &e : store->entities())
        if (e.span.page == 2 && !e.orphan) {
            onPage3 = e.id;
            break;
        }
    QVERIFY(!onPage3.isEmpty());
    QVERIFY(selectByKeyboard(onPage3));
    view->setZoom(1.25);
    view->goToPage(5);
    QTRY_COMPARE(view->currentPage(), 5);
    m_window->closeDocument();
    QVERIFY(open(false));
    QTRY_COMPARE(view->currentPage(), 5);
    QCOMPARE(qRound(view->zoom() * 100), 125);
    QCOMPARE(m_window->entityPanel()->currentEntityId(), onPage3);
    QCOMPARE(m_window->inspector()->entityId(), onPage3);
}

void TestReviewFlow::smallWindowKeepsDocumentWide()
{
    QVERIFY(open());
    m_window->resize(1000, 640);
    QTRY_VERIFY(m_window->documentView()->width() >= m_window->width() / 2);
    QVERIFY(m_window->entityPanel()->isVisible());
    QVERIFY(m_window->entityPanel()->width() > 100);
    // The inspector stays readable, and a long rule id or value does not push its fields
    // and buttons past its right edge.
    QVERIFY(m_window->inspector()->width() >= 200);
    QVERIFY(selectByKeyboard(firstOfType(*m_window->store(), u"commission_file_number"_s)));
    Inspector *inspector = m_window->inspector();
    QTest::qWait(50);
    for (QWidget *w : {static_cast<QWidget *>(inspector->typeBox()),
                       static_cast<QWidget *>(inspector->valueEdit())}) {
        const int right = w->mapTo(inspector, QPoint(w->width(), 0)).x();
        QVERIFY2(right <= inspector->width(), qPrintable(u"%1 > %2"_s.arg(right).arg(inspector->width())));
    }
}

void TestReviewFlow::pdfDragSelectsExactly()
{
    QVERIFY(open());
    DocumentView *view = m_window->documentView();
    PdfPageView *pdf = view->pdfView();
    const QString &page = m_window->store()->content().text.pages.at(0);
    // Words in the middle of a line, and a range over two lines.
    for (const QString &wanted : {u"Washington, D.C."_s, u"Commission File Number"_s,
                                  u"PURSUANT TO SECTION 13 OR 15(d)"_s}) {
        const int start = int(page.indexOf(wanted));
        QVERIFY2(start >= 0, qPrintable(wanted));
        const SourceSpan first{0, start, start + 1};
        const SourceSpan last{0, start + int(wanted.size()) - 1, start + int(wanted.size())};
        view->goToPage(0);
        QTRY_VERIFY(!pdf->spanRectsInViewport(first).isEmpty());
        const QRectF a = pdf->spanRectsInViewport(first).first();
        const QRectF b = pdf->spanRectsInViewport(last).first();
        // Press on the left part of the first character, release on the right part of the last.
        const QPoint press(int(a.left() + a.width() * 0.3), int(a.center().y()));
        const QPoint release(int(b.right() - b.width() * 0.3), int(b.center().y()));
        QWidget *vp = pdf->viewport();
        QTest::mousePress(vp, Qt::LeftButton, {}, press);
        QTest::mouseMove(vp, (press + release) / 2);
        QTest::mouseMove(vp, release);
        QTest::mouseRelease(vp, Qt::LeftButton, {}, release);
        QCOMPARE(pdf->selectedText(), wanted);
    }
    // Double click a word, a third click takes its line.
    const int at = int(page.indexOf(u"Commission File Number"_s));
    const QRectF word = pdf->spanRectsInViewport({0, at, at + 1}).first();
    QWidget *vp = pdf->viewport();
    QTest::mouseDClick(vp, Qt::LeftButton, {}, word.center().toPoint());
    QCOMPARE(pdf->selectedText(), u"Commission"_s);
    QTest::mousePress(vp, Qt::LeftButton, {}, word.center().toPoint());
    QTest::mouseRelease(vp, Qt::LeftButton, {}, word.center().toPoint());
    const int lineStart = int(page.lastIndexOf(u'\n', at)) + 1;
    const int lineEnd = int(page.indexOf(u'\n', at));
    QCOMPARE(pdf->selectedText(), page.mid(lineStart, lineEnd - lineStart).trimmed());
}

void TestReviewFlow::tableOfContentsLinks()
{
    FL_REQUIRE_CORPUS(source, "10k/ko-10-k-2025-02-20.html");
    const QString path = m_dir->filePath(u"ko.html"_s);
    QVERIFY(QFile::copy(source, path));
    QSignalSpy extracted(m_window.get(), &MainWindow::extractionFinished);
    m_window->openFile(path);
    QVERIFY(QTest::qWaitFor([&] { return extracted.count() > 0; }, extractionTimeout));
    DocumentView *view = m_window->documentView();
    ReadingView *reading = view->readingView();
    // The first link of the table of contents, found in the pages' own documents.
    FilingDocument *doc = m_window->document();
    const int part = view->currentPart();
    const DocumentPart &html = doc->content().parts.at(part);
    // (not the "Table of Contents" links back to it that head every page).
    const ReadingSource reading0 = DocumentView::readingSource(doc, part);
    SourceSpan link;
    for (int sheet = 0; sheet < 4 && !link.isValid(); ++sheet) {
        QTextDocument *d = doc->sheetDocument(part, sheet);
        for (QTextBlock b = d->begin(); b.isValid() && !link.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                const QString href = f.charFormat().anchorHref();
                if (href.startsWith(u'#') && f.text().trimmed().size() > 2
                    && reading0.pageOfAnchor(href.mid(1)) > html.firstPage + sheet + 1) {
                    link = {html.firstPage + sheet, f.position(), f.position() + f.length()};
                    break;
                }
            }
    }
    QVERIFY2(link.isValid(), "no table-of-contents link on the first pages");
    view->goToPage(link.page);
    QTRY_VERIFY(!reading->spanRectsInViewport(link).isEmpty());
    view->clearHistory();
    const int from = view->currentPage();
    const QPoint at = reading->spanRectsInViewport(link).first().center().toPoint();
    QTest::mouseClick(reading->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(view->currentPage() > from);
    const int target = view->currentPage();
    // The page reached holds the section the link names.
    QTextDocument *linkDoc = doc->sheetDocument(part, link.page - html.firstPage);
    const QString linkText = linkDoc->toPlainText().mid(link.start, link.length()).simplified();
    QVERIFY2(doc->content().text.pages.at(target).simplified().contains(linkText, Qt::CaseInsensitive),
             qPrintable(linkText));
    QVERIFY(m_window->action(u"back"_s)->isEnabled());
    QTest::keyClick(reading->viewport(), Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE(view->currentPage(), from);
    QTest::keyClick(reading->viewport(), Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(view->currentPage(), target);
}

void TestReviewFlow::clickAwayFromAnEditSelectsTheClickedRow()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    QTreeView *tree = panel->tree();
    // Sorted by value, a new value moves the entity's row far from where it was.
    tree->sortByColumn(EntityTreeModel::ValueColumn, Qt::AscendingOrder);
    const QString id = firstOfType(*store, u"commission_file_number"_s);
    QVERIFY(selectByKeyboard(id));
    // The row the reviewer will click: the registrant's mention, as the tree shows it now.
    const QString target = firstOfType(*store, u"registrant"_s);
    const QModelIndex targetIndex = panel->filter()->mapFromSource(panel->model()->indexOfEntity(target));
    for (QModelIndex p = targetIndex.parent(); p.isValid(); p = p.parent())
        tree->expand(p);
    tree->scrollTo(targetIndex);
    const QPoint click = tree->visualRect(targetIndex).center();
    const auto before = dump(*store);

    QTest::keyClick(focused(), Qt::Key_F2);
    QTest::keyClicks(focused(), u"ZZZ-1"_s);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, click);
    // The edit is written to the entity it began on; the click selected what was under it.
    QTRY_COMPARE(store->undoStack()->count(), 1);
    QCOMPARE(changedIds(before, dump(*store)), QStringList{id});
    QCOMPARE(store->entity(id)->value, u"ZZZ-1"_s);
    QCOMPARE(panel->currentEntityId(), target);
    QCOMPARE(m_window->inspector()->entityId(), target);
}

void TestReviewFlow::decisionAfterPreviousMovesOn()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    QTest::keyClick(focused(), Qt::Key_N);
    QTest::keyClick(focused(), Qt::Key_N);
    QTest::keyClick(focused(), Qt::Key_N);
    QTest::keyClick(focused(), Qt::Key_P);
    const QString decided = panel->currentEntityId();
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(store->entity(decided)->status, EntityStatus::Rejected);
    QVERIFY(panel->currentEntityId() != decided);
    QCOMPARE(store->entity(panel->currentEntityId())->status, EntityStatus::Auto);
    // Undo a step away from the top, then decide again: it still moves on.
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(panel->currentEntityId(), decided);
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(store->entity(decided)->status, EntityStatus::Confirmed);
    QVERIFY(panel->currentEntityId() != decided);
}

void TestReviewFlow::retypeAValueRowRetypesEveryMention()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    // A value with several mentions, by its value row.
    QString value;
    QStringList mentions;
    QHash<QString, QStringList> byValue;
    for (const Entity &e : store->entities())
        if (e.type == u"organization"_s)
            byValue[e.value] << e.id;
    for (auto it = byValue.cbegin(); it != byValue.cend(); ++it)
        if (it.value().size() > mentions.size()) {
            value = it.key();
            mentions = it.value();
        }
    QVERIFY(mentions.size() > 2);
    QVERIFY(selectByKeyboard(mentions.first()));
    QTest::keyClick(focused(), Qt::Key_Left); // from the mention up to its value row
    QVERIFY(panel->currentRowIsGroup());
    const auto before = dump(*store);
    MessageBox::setNextItem(u"Registrant — Cover page"_s);
    QTest::keyClick(focused(), Qt::Key_T, Qt::ControlModifier);
    QStringList changed = changedIds(before, dump(*store));
    changed.sort();
    mentions.sort();
    QCOMPARE(changed, mentions);
    for (const QString &id : mentions)
        QCOMPARE(store->entity(id)->type, u"registrant"_s);
    QCOMPARE(store->undoStack()->count(), 1);
    QVERIFY(MessageBox::lastText().contains(QString::number(mentions.size())));
}

void TestReviewFlow::undoShowsWhatItChanged()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    QString late;
    for (const Entity &e : store->entities())
        if (e.span.page >= 4 && !e.orphan && e.type != u"organization"_s) {
            late = e.id;
            break;
        }
    QVERIFY(!late.isEmpty());
    QVERIFY(selectByKeyboard(late));
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(store->entity(late)->status, EntityStatus::Rejected);
    const QString registrant = firstOfType(*store, u"registrant"_s);
    QVERIFY(selectByKeyboard(registrant));
    QTRY_COMPARE(m_window->documentView()->currentPage(), 0);
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(store->entity(late)->status, EntityStatus::Auto);
    QCOMPARE(panel->currentEntityId(), late);
    QTRY_COMPARE(m_window->documentView()->currentPage(), store->entity(late)->span.page);
}

void TestReviewFlow::selectingAHiddenEntityKeepsTheFilters()
{
    QVERIFY(open());
    ReviewStore *store = m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    auto *status = panel->findChildren<QComboBox *>().at(1);
    const QString registrant = firstOfType(*store, u"registrant"_s);
    store->confirm(registrant);
    status->setCurrentIndex(1); // unreviewed
    QVERIFY(!panel->shownEntityIds().contains(registrant));
    QVERIFY(panel->selectEntity(registrant));
    QCOMPARE(panel->currentEntityId(), registrant);
    QCOMPARE(status->currentIndex(), 1);
}

QTEST_MAIN(TestReviewFlow)
#include "tst_reviewflow.moc"
