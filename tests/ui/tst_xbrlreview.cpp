// Reviewing the inline-XBRL facts of a real 10-K in the window, as a reviewer does:
// keys pressed into whatever widget has the focus, the whole store compared before and
// after each decision. The facts are grouped by concept, filtered by check and period,
// and a printed amount changed in a copy of the filing shows as disagreeing with its tag.
#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "entitytreemodel.h"
#include "inspector.h"
#include "keyboardinput.h"
#include "mainwindow.h"
#include "reviewwindow.h"
#include "storedump.h"
#include "testutils.h"

#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTreeView>

#include <functional>

using namespace Qt::StringLiterals;

namespace {
constexpr int extractionTimeout = 180000;
const char *const koFiling = "10k/ko-10-k-2025-02-20.html";

using StoreDump::changedIds;
using StoreDump::dump;

using KeyboardInput::focused;
using KeyboardInput::chooseByKeyboard;
}

class TestXbrlReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void treeGroupsFactsByConcept();
    void factDecisionsAndUndo();
    void hiddenFactInInspector();
    void factsTheFilingDoesNotShow();
    void filtersByCheckAndPeriod();
    void changedAmountDiffersInTreeAndInspector();
    void categoryTheNextFilingLacksLetsGo();

private:
    bool open(const QString &path);
    QString copyOfKo(bool changeAnAmount);
    bool selectByKeyboard(const QString &id);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestXbrlReview::initTestCase()
{
    QApplication::setOrganizationName(u"filing-lens"_s);
    QApplication::setApplicationName(u"filing-lens-test-xbrlreview"_s);
}

void TestXbrlReview::init()
{
    QSettings().clear();
    QSettings().setValue(u"review/reviewer"_s, u"Ada Analyst"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = ReviewWindow::shown();
    QVERIFY(m_window);
}

void TestXbrlReview::cleanup()
{
    ReviewWindow::close(m_window);
}

// A copy of the ko 10-K in the test's folder (its review file goes there too); with
// changeAnAmount, its printed "$385 million" reads "$385 billion", the tag unchanged.
QString TestXbrlReview::copyOfKo(bool changeAnAmount)
{
    const QString original = TestUtils::corpusPath(QString::fromLatin1(koFiling));
    if (original.isEmpty())
        return {};
    QFile in(original);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = in.readAll();
    if (changeAnAmount) {
        const QByteArray printed = ">385</ix:nonFraction> million";
        const qsizetype at = bytes.indexOf(printed);
        if (at < 0)
            return {};
        bytes.replace(at, printed.size(), ">385</ix:nonFraction> billion");
    }
    const QString path = m_dir->filePath(changeAnAmount ? u"ko-edited.html"_s : u"ko.html"_s);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
        return {};
    return path;
}

bool TestXbrlReview::open(const QString &path)
{
    return ReviewWindow::open(*m_window, path, extractionTimeout);
}

// Narrows the tree by typing the entity's concept (or text) into the filter, then walks
// down to its row with the arrow keys; the filter stays as typed.
bool TestXbrlReview::selectByKeyboard(const QString &id)
{
    EntityPanel *panel = m_window->entityPanel();
    const Entity *e = m_window->store()->entity(id);
    if (!e)
        return false;
    const QString needle = EntityTreeModel::isXbrlFact(*e) ? e->attributes.value(u"concept"_s) : e->text;
    panel->filterEdit()->setFocus();
    if (!QTest::qWaitFor([&] { return focused() == panel->filterEdit(); }, 2000))
        return false;
    QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(focused(), needle);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTreeView *tree = panel->tree();
    if (focused() != tree)
        return false;
    QTest::keyClick(tree, Qt::Key_Home);
    const auto onMention = [&] {
        return panel->currentEntityId() == id
            && tree->currentIndex().data(EntityTreeModel::KindRole).toInt() == int(EntityTreeModel::Kind::Mention);
    };
    for (int i = 0; i < 3000 && !onMention(); ++i) {
        const QModelIndex before = tree->currentIndex();
        if (!tree->isExpanded(before))
            tree->expand(before);
        QTest::keyClick(tree, Qt::Key_Down);
        if (tree->currentIndex() == before)
            return false;
    }
    return onMention();
}

void TestXbrlReview::treeGroupsFactsByConcept()
{
    FL_REQUIRE_CORPUS(original, "10k/ko-10-k-2025-02-20.html");
    EntityTreeModel *model = m_window->entityPanel()->model();
    // The model and its filter stay consistent through the whole load of ~3,000 facts.
    QAbstractItemModelTester modelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(m_window->entityPanel()->filter(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(open(copyOfKo(false)));
    const ReviewStore &store = *m_window->store();
    QSet<QString> concepts;
    int facts = 0;
    for (const Entity &e : store.entities()) {
        if (e.type == u"xbrl_fact"_s) {
            ++facts;
            concepts.insert(e.attributes.value(u"concept"_s));
        }
    }
    QVERIFY2(facts > 2000, qPrintable(QString::number(facts)));

    const QModelIndex category = model->indexOfCategory(u"XBRL facts"_s);
    QVERIFY(category.isValid());
    // One row per concept, each with every fact of that concept and nothing else.
    QCOMPARE(model->rowCount(category), int(concepts.size()));
    QVERIFY(concepts.size() * 3 < facts);
    int mentions = 0;
    for (int g = 0; g < model->rowCount(category); ++g) {
        const QModelIndex group = model->index(g, 0, category);
        const QString concept = group.data().toString().section(u" ("_s, 0, 0);
        QVERIFY2(concepts.contains(concept), qPrintable(concept));
        for (int m = 0; m < model->rowCount(group); ++m) {
            const QModelIndex mention = model->index(m, 0, group);
            const Entity *e = store.entity(mention.data(EntityTreeModel::EntityIdRole).toString());
            QVERIFY(e);
            QCOMPARE(e->attributes.value(u"concept"_s), concept);
            // The row says the fact's period and value.
            const QString shown = mention.data().toString();
            QVERIFY2(shown.contains(u" · "_s + e->attributes.value(u"period"_s)), qPrintable(shown));
            QVERIFY2(shown.startsWith(e->value.left(40).simplified()) || e->attributes.contains(u"error"_s)
                         || e->attributes.contains(u"nil"_s),
                     qPrintable(shown));
            ++mentions;
        }
    }
    QCOMPARE(mentions, facts);
    // The facts start closed (the other categories open) and open when a filter narrows them.
    EntityPanel *panel = m_window->entityPanel();
    const auto shownCategory = [&](const QString &name) {
        return panel->filter()->mapFromSource(model->indexOfCategory(name));
    };
    QVERIFY(!panel->tree()->isExpanded(shownCategory(u"XBRL facts"_s)));
    QVERIFY(panel->tree()->isExpanded(shownCategory(u"Figures"_s)));
    panel->filterEdit()->setFocus();
    QTRY_COMPARE(focused(), panel->filterEdit());
    QTest::keyClicks(focused(), u"us-gaap:NetIncomeLoss"_s);
    QVERIFY(panel->tree()->isExpanded(shownCategory(u"XBRL facts"_s)));
    // As shown (by page, the default order), the concept's facts stand by period, the
    // latest first: the periods' ends never go forward, and each period is one run of rows.
    const QModelIndex shownFacts = shownCategory(u"XBRL facts"_s);
    int checkedGroups = 0;
    for (int g = 0; g < panel->filter()->rowCount(shownFacts); ++g) {
        const QModelIndex group = panel->filter()->index(g, 0, shownFacts);
        if (!group.data().toString().startsWith(u"us-gaap:NetIncomeLoss ("_s))
            continue;
        QStringList periods;
        for (int m = 0; m < panel->filter()->rowCount(group); ++m) {
            const Entity *e = store.entity(panel->filter()->index(m, 0, group).data(EntityTreeModel::EntityIdRole).toString());
            QVERIFY(e);
            const QString period = e->attributes.value(u"period"_s);
            if (periods.isEmpty() || periods.constLast() != period) {
                QVERIFY2(!periods.contains(period), qPrintable(period + u" comes twice"_s));
                if (!periods.isEmpty())
                    QVERIFY2(periods.constLast().section(u'/', -1) >= period.section(u'/', -1),
                             qPrintable(periods.constLast() + u" before "_s + period));
                periods << period;
            }
        }
        QVERIFY2(periods.size() >= 3, qPrintable(periods.join(u", "_s)));
        ++checkedGroups;
    }
    QCOMPARE(checkedGroups, 1);
    QTest::keyClick(focused(), Qt::Key_Escape);
    QVERIFY(panel->filterEdit()->text().isEmpty());

    // The other categories keep a row per value.
    const QModelIndex figures = model->indexOfCategory(u"Figures"_s);
    QVERIFY(figures.isValid());
    const QModelIndex money = model->index(0, 0, figures);
    const Entity *first = store.entity(money.data(EntityTreeModel::EntityIdRole).toString());
    QVERIFY(first);
    QCOMPARE(money.data().toString().section(u" ("_s, 0, 0), first->value);
}

void TestXbrlReview::factDecisionsAndUndo()
{
    FL_REQUIRE_CORPUS(original, "10k/ko-10-k-2025-02-20.html");
    QVERIFY(open(copyOfKo(false)));
    ReviewStore *store = m_window->store();
    QString id;
    for (const Entity &e : store->entities())
        if (e.type == u"xbrl_fact"_s && e.attributes.value(u"concept"_s) == u"us-gaap:NetIncomeLoss"_s
            && e.span.isValid() && e.attributes.value(u"dimensions"_s).isEmpty()) {
            id = e.id;
            break;
        }
    QVERIFY(!id.isEmpty());
    const QString value = store->entity(id)->value;
    QSettings().setValue(u"review/advanceAfterDecision"_s, false);

    const auto decide = [&](const std::function<void()> &keys, EntityStatus status) {
        QVERIFY(selectByKeyboard(id));
        const auto before = dump(*store);
        keys();
        QCOMPARE(changedIds(before, dump(*store)), QStringList{id});
        QCOMPARE(store->entity(id)->status, status);
        QCOMPARE(m_window->inspector()->entityId(), id);
        QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(dump(*store), before);
    };
    decide([] { QTest::keyClick(focused(), Qt::Key_Return); }, EntityStatus::Confirmed);
    decide([] { QTest::keyClick(focused(), Qt::Key_Delete); }, EntityStatus::Rejected);
    decide(
        [&] {
            QTest::keyClick(focused(), Qt::Key_F2);
            QCOMPARE(focused(), m_window->inspector()->valueEdit());
            QTest::keyClicks(focused(), u"1234"_s);
            QTest::keyClick(focused(), Qt::Key_Return);
            QCOMPARE(store->entity(id)->value, u"1234"_s);
            // A corrected fact keeps its concept row.
            const QModelIndex row = m_window->entityPanel()->model()->indexOfEntity(id);
            QCOMPARE(row.parent().data().toString().section(u" ("_s, 0, 0), u"us-gaap:NetIncomeLoss"_s);
        },
        EntityStatus::Corrected);
    QCOMPARE(store->entity(id)->value, value);

    // A decision is saved in the review file like any other.
    QVERIFY(selectByKeyboard(id));
    QTest::keyClick(focused(), Qt::Key_Return);
    QVERIFY(store->save());
    QFile sidecar(store->sidecarPath());
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    QVERIFY(sidecar.readAll().contains(id.toUtf8()));
}

void TestXbrlReview::hiddenFactInInspector()
{
    FL_REQUIRE_CORPUS(original, "10k/ko-10-k-2025-02-20.html");
    QVERIFY(open(copyOfKo(false)));
    EntityPanel *panel = m_window->entityPanel();
    QVERIFY(panel->xbrlBox()->isVisible());
    QVERIFY(chooseByKeyboard(panel->xbrlBox(), u"Hidden facts"_s));
    const QStringList shown = panel->shownEntityIds();
    QVERIFY(!shown.isEmpty());
    for (const QString &id : shown)
        QCOMPARE(m_window->store()->entity(id)->attributes.value(u"hidden"_s), u"true"_s);
    // The first hidden fact, reached with the keyboard.
    QTreeView *tree = panel->tree();
    tree->setFocus();
    QTRY_COMPARE(focused(), tree);
    QTest::keyClick(focused(), Qt::Key_Home);
    const auto onFirst = [&] {
        return panel->currentEntityId() == shown.first()
            && tree->currentIndex().data(EntityTreeModel::KindRole).toInt() == int(EntityTreeModel::Kind::Mention);
    };
    for (int i = 0; i < 10 && !onFirst(); ++i) {
        tree->expand(tree->currentIndex());
        QTest::keyClick(focused(), Qt::Key_Down);
    }
    const QString id = panel->currentEntityId();
    QCOMPARE(id, shown.first());
    const Entity *e = m_window->store()->entity(id);
    QVERIFY(!e->span.isValid());
    Inspector *inspector = m_window->inspector();
    QCOMPARE(inspector->entityId(), id);
    QVERIFY2(inspector->xbrlWarning().contains(u"Hidden in the filing's XBRL (no place in the text)"_s),
             qPrintable(inspector->xbrlWarning()));
    const QString details = inspector->factDetails();
    QVERIFY2(details.contains(u"Concept: "_s + e->attributes.value(u"concept"_s)), qPrintable(details));
    QVERIFY2(details.contains(u"Period: "_s), qPrintable(details));
    // It can be decided like any fact.
    const auto before = dump(*m_window->store());
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(changedIds(before, dump(*m_window->store())), QStringList{id});
    QCOMPARE(m_window->store()->entity(id)->status, EntityStatus::Rejected);
}

// A fact outside ix:hidden that shows nothing (nil, or in a table row the filing's own
// styling hides) says why in the inspector and the tree, not "hidden in the XBRL".
void TestXbrlReview::factsTheFilingDoesNotShow()
{
    QFile in(TestUtils::dataPath(u"document/ixbrl-facts.html"_s));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    const qsizetype end = bytes.lastIndexOf("</body>");
    QVERIFY(end > 0);
    bytes.insert(end, "<table><tr style=\"display:none\"><td><ix:nonFraction name=\"acme:InHiddenRow\" "
                      "contextRef=\"c-2\" unitRef=\"usd\">5</ix:nonFraction></td></tr></table>");
    const QString path = m_dir->filePath(u"acme-styled.html"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QCOMPARE(out.write(bytes), bytes.size());
    out.close();
    QVERIFY(open(path));
    const auto factId = [&](const QString &concept) {
        for (const Entity &e : m_window->store()->entities()) {
            if (EntityTreeModel::isXbrlFact(e) && e.attributes.value(u"concept"_s) == concept)
                return e.id;
        }
        return QString();
    };
    const struct
    {
        QString concept;
        QString warning;
    } cases[] = {{u"acme:InHiddenRow"_s, u"Not shown in the filing: its own styling hides it"_s},
                 {u"acme:Nothing"_s, u"Nil in the filing's XBRL"_s}};
    for (const auto &c : cases) {
        const QString id = factId(c.concept);
        QVERIFY2(!id.isEmpty(), qPrintable(c.concept));
        const Entity *e = m_window->store()->entity(id);
        QVERIFY(!e->span.isValid());
        QVERIFY(e->attributes.value(u"hidden"_s) != u"true"_s);
        QVERIFY2(selectByKeyboard(id), qPrintable(c.concept));
        const QString warning = m_window->inspector()->xbrlWarning();
        QVERIFY2(warning.contains(c.warning), qPrintable(warning));
        QVERIFY2(!warning.contains(u"Hidden in the filing's XBRL"_s), qPrintable(warning));
        const QString tip = m_window->entityPanel()->tree()->currentIndex().siblingAtColumn(0)
                                .data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Not shown in the filing"_s), qPrintable(tip));
    }
}

void TestXbrlReview::filtersByCheckAndPeriod()
{
    FL_REQUIRE_CORPUS(original, "10k/ko-10-k-2025-02-20.html");
    QVERIFY(open(copyOfKo(false)));
    EntityPanel *panel = m_window->entityPanel();
    const ReviewStore &store = *m_window->store();
    const int all = int(panel->shownEntityIds().size());

    QVERIFY(chooseByKeyboard(panel->xbrlBox(), u"Custom concepts"_s));
    QStringList shown = panel->shownEntityIds();
    QVERIFY(!shown.isEmpty());
    for (const QString &id : std::as_const(shown)) {
        const QString concept = store.entity(id)->attributes.value(u"concept"_s);
        QVERIFY2(concept.startsWith(u"ko:"_s), qPrintable(concept));
    }
    QVERIFY(chooseByKeyboard(panel->xbrlBox(), u"Any XBRL check"_s));
    QCOMPARE(int(panel->shownEntityIds().size()), all);

    // The period of the year just ended: only facts of that period.
    QVERIFY(panel->periodBox()->count() > 3);
    const QString period = u"2024-01-01/2024-12-31"_s;
    const int at = panel->periodBox()->findData(period);
    QVERIFY(at > 0);
    QVERIFY(chooseByKeyboard(panel->periodBox(), panel->periodBox()->itemText(at)));
    shown = panel->shownEntityIds();
    int expected = 0;
    for (const Entity &e : store.entities())
        expected += e.type == u"xbrl_fact"_s && e.attributes.value(u"period"_s) == period;
    QCOMPARE(int(shown.size()), expected);
    for (const QString &id : std::as_const(shown))
        QCOMPARE(store.entity(id)->attributes.value(u"period"_s), period);

    // Agreeing amounts do not pass "disagrees".
    QVERIFY(chooseByKeyboard(panel->periodBox(), u"Any period"_s));
    QVERIFY(chooseByKeyboard(panel->xbrlBox(), u"Disagrees with XBRL"_s));
    for (const QString &id : panel->shownEntityIds())
        QCOMPARE(store.entity(id)->attributes.value(u"xbrl"_s), u"differs"_s);
}

void TestXbrlReview::changedAmountDiffersInTreeAndInspector()
{
    FL_REQUIRE_CORPUS(original, "10k/ko-10-k-2025-02-20.html");
    QVERIFY(open(copyOfKo(true)));
    const ReviewStore &store = *m_window->store();
    EntityPanel *panel = m_window->entityPanel();
    QString id;
    int differs = 0;
    for (const Entity &e : store.entities()) {
        if (e.attributes.value(u"xbrl"_s) != u"differs"_s)
            continue;
        ++differs;
        if (e.type == u"money"_s && e.text == u"$385 billion"_s)
            id = e.id;
    }
    QVERIFY(!id.isEmpty());
    QCOMPARE(store.entity(id)->attributes.value(u"xbrlValue"_s), u"385000000"_s);

    // The filter narrows to the disagreeing amounts, the changed one among them.
    QVERIFY(chooseByKeyboard(panel->xbrlBox(), u"Disagrees with XBRL"_s));
    const QStringList shown = panel->shownEntityIds();
    QCOMPARE(int(shown.size()), differs);
    QVERIFY(shown.contains(id));

    // Its row warns, with both values in the tooltip; so does its value row.
    const QModelIndex row = panel->model()->indexOfEntity(id);
    QCOMPARE(row.data(Qt::ForegroundRole).value<QColor>(), EntityTreeModel::warningColor());
    QVERIFY(!row.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(u"printed USD 385000000000, tagged 385000000"_s));
    QCOMPARE(row.parent().data(Qt::ForegroundRole).value<QColor>(), EntityTreeModel::warningColor());

    // The inspector says both.
    QVERIFY(selectByKeyboard(id));
    const QString warning = m_window->inspector()->xbrlWarning();
    QVERIFY2(warning.contains(u"printed USD 385000000000 (“$385 billion”), tagged 385000000"_s),
             qPrintable(warning));
    QVERIFY(m_window->inspector()->factDetails().isEmpty());
}

void TestXbrlReview::categoryTheNextFilingLacksLetsGo()
{
    // "XBRL facts" chosen on an inline-XBRL filing, then a filing without facts opened:
    // its tree shows every category instead of opening empty. A category the next
    // filing has stays chosen.
    const auto copy = [&](const QString &from, const QString &name) {
        const QString path = m_dir->filePath(name);
        return QFile::copy(from, path) ? path : QString();
    };
    const QString inline_ = copy(TestUtils::dataPath(u"tables/ixbrl-table.html"_s), u"ixbrl.html"_s);
    const QString plain = copy(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), u"8k.txt"_s);
    EntityPanel *panel = m_window->entityPanel();
    QComboBox *category = nullptr;
    for (QComboBox *box : panel->findChildren<QComboBox *>())
        if (box->accessibleName() == u"Category"_s)
            category = box;
    QVERIFY(category);
    const auto shownCategories = [&] {
        QStringList names;
        for (int r = 0; r < panel->filter()->rowCount(); ++r)
            names << panel->filter()->index(r, 0).data(EntityTreeModel::CategoryRole).toString();
        return names;
    };

    QVERIFY(open(inline_));
    QVERIFY(chooseByKeyboard(category, u"XBRL facts"_s));
    QCOMPARE(shownCategories(), QStringList{u"XBRL facts"_s});

    QVERIFY(open(plain));
    auto before = dump(*m_window->store());
    QCOMPARE(category->currentText(), u"All categories"_s);
    QVERIFY(shownCategories().size() > 3);
    QVERIFY(shownCategories().contains(u"Cover page"_s));
    // The tree is usable from the keyboard at once: Enter confirms its first entity.
    panel->tree()->setFocus();
    QTRY_COMPARE(focused(), panel->tree());
    QTest::keyClick(focused(), Qt::Key_Home);
    QTest::keyClick(focused(), Qt::Key_Down);
    const QString first = panel->currentEntityId();
    QVERIFY(!first.isEmpty());
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(changedIds(before, dump(*m_window->store())), QStringList{first});
    QCOMPARE(m_window->store()->entity(first)->status, EntityStatus::Confirmed);

    // A category both filings have stays as chosen.
    QVERIFY(chooseByKeyboard(category, u"Cover page"_s));
    QVERIFY(open(inline_));
    before = dump(*m_window->store());
    QCOMPARE(category->currentText(), u"Cover page"_s);
    QCOMPARE(shownCategories(), QStringList{u"Cover page"_s});
    QCOMPARE(changedIds(before, dump(*m_window->store())), QStringList());
}

QTEST_MAIN(TestXbrlReview)
#include "tst_xbrlreview.moc"
