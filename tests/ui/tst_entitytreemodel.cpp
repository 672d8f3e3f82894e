// The entity tree and its filter over a real ReviewStore: structure, targeted
// updates when entities are confirmed, edited, retyped, added and undone, and the
// filters. Both models run under QAbstractItemModelTester throughout.
#include "entityfilterproxy.h"
#include "entitytreemodel.h"
#include "review/reviewstore.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {
// From the sample filing (ImmunoGen, Form 8-K of June 4, 2007).
const QString page0 = u"Date of Report (Date of earliest event reported): June 4, 2007\n\n"
                      "ImmunoGen, Inc.\n\n(Exact name of registrant as specified in its charter)\n\n"
                      "Massachusetts (State or other jurisdiction of incorporation)\n"_s;
const QString page1 = u"ITEM 8.01 OTHER EVENTS\n\nOn June 4, 2007, ImmunoGen, Inc. (Nasdaq: IMGN) "
                      "issued a press release on information reported at the 43rd American Society "
                      "of Clinical Oncology (ASCO) Annual Meeting. ... trastuzumab-DM1, in "
                      "development by the Company's collaborator, Genentech."_s;

// Prints the model as indented "value | type | page | status" lines.
QStringList dump(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(parent); ++c)
            if (c != EntityTreeModel::ConfidenceColumn)
                cells << model.index(r, c, parent).data().toString();
        out << QString(depth * 2, u' ') + cells.join(u" | "_s);
        out += dump(model, model.index(r, 0, parent), depth + 1);
    }
    return out;
}
}

class TestEntityTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void structure();
    void confirmChangesOneRow();
    void editMovesBetweenGroups();
    void retypeMovesBetweenCategories();
    void addAndUndo();
    void resetOnOpen();
    void filters_data();
    void filters();
    void sortingKeepsCategoryOrder();
    void factsGroupByConcept();

private:
    Entity make(const QString &type, int page, const QString &text, const QString &value,
                double confidence, int occurrence = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReviewStore> m_store;
    std::unique_ptr<EntityTreeModel> m_model;
    std::unique_ptr<EntityFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
    DocumentContent m_content;
};

Entity TestEntityTreeModel::make(const QString &type, int page, const QString &text,
                                 const QString &value, double confidence, int occurrence)
{
    const QString &pageText = m_content.text.pages.at(page);
    int start = -1;
    for (int i = 0; i <= occurrence; ++i)
        start = int(pageText.indexOf(text, start + 1));
    Q_ASSERT(start >= 0);
    Entity e;
    e.type = type;
    e.span = {page, start, start + int(text.size())};
    e.text = text;
    e.value = value;
    e.confidence = confidence;
    e.origin = u"test"_s;
    e.id = Entity::makeId(type, e.span, pageText);
    return e;
}

void TestEntityTreeModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_content = {};
    m_content.format = DocumentFormat::PlainText;
    m_content.filePath = m_dir->filePath(u"filing.txt"_s);
    m_content.fileName = u"filing.txt"_s;
    m_content.sha256 = u"00"_s;
    m_content.text.pages = {page0, page1};
    QFile file(m_content.filePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write((page0 + u'\f' + page1).toUtf8());
    file.close();

    const EntityList entities = {
        make(u"report_date"_s, 0, u"June 4, 2007"_s, u"2007-06-04"_s, 0.95),
        make(u"registrant"_s, 0, u"ImmunoGen, Inc."_s, u"ImmunoGen, Inc."_s, 0.9),
        make(u"state_of_incorporation"_s, 0, u"Massachusetts"_s, u"MA"_s, 0.9),
        make(u"item"_s, 1, u"ITEM 8.01"_s, u"8.01"_s, 0.95),
        make(u"date"_s, 1, u"June 4, 2007"_s, u"2007-06-04"_s, 0.8),
        make(u"organization"_s, 1, u"ImmunoGen, Inc."_s, u"ImmunoGen, Inc."_s, 0.6),
        make(u"organization"_s, 1, u"Genentech"_s, u"Genentech"_s, 0.5),
        make(u"drug"_s, 1, u"trastuzumab-DM1"_s, u"trastuzumab-DM1"_s, 0.7),
    };
    m_store = std::make_unique<ReviewStore>();
    m_store->setReviewer(u"tester"_s);
    m_store->open(m_content, entities);
    m_model = std::make_unique<EntityTreeModel>();
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setStore(m_store.get());
    m_proxy = std::make_unique<EntityFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestEntityTreeModel::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
    if (m_store)
        m_store->close();
    m_store.reset();
    m_dir.reset();
}

void TestEntityTreeModel::structure()
{
    const QStringList expected = {
        u"Cover page · 3 |  |  | "_s,
        u"  2007-06-04 | Date of report | 1 | "_s,
        u"  ImmunoGen, Inc. | Registrant | 1 | "_s,
    };
    const QStringList tree = dump(*m_model);
    // Categories in the contract's order, each value once with its mentions.
    QCOMPARE(tree.at(0), expected.at(0));
    QCOMPARE(tree.at(1), expected.at(1));
    QCOMPARE(tree.at(3), expected.at(2));
    QStringList top;
    for (int r = 0; r < m_model->rowCount(); ++r)
        top << m_model->index(r, 0).data(EntityTreeModel::CategoryRole).toString();
    QCOMPARE(top, QStringList({u"Cover page"_s, u"Items"_s, u"Organizations"_s, u"Figures"_s,
                               u"Life sciences"_s}));
    const QModelIndex orgs = m_model->indexOfCategory(u"Organizations"_s);
    QCOMPARE(m_model->rowCount(orgs), 2);
    QCOMPARE(m_model->index(0, 0, orgs).data().toString(), u"ImmunoGen, Inc."_s);

    const Entity &registrant = m_store->entities().at(1);
    const QModelIndex mention = m_model->indexOfEntity(registrant.id);
    QVERIFY(mention.isValid());
    QCOMPARE(mention.data(EntityTreeModel::EntityIdRole).toString(), registrant.id);
    QCOMPARE(mention.data(EntityTreeModel::SpanRole).value<SourceSpan>(), registrant.span);
    QVERIFY(mention.data().toString().contains(u"ImmunoGen, Inc."_s));
    QCOMPARE(mention.parent().data(EntityTreeModel::EntityIdsRole).toStringList(),
             QStringList{registrant.id});
}

void TestEntityTreeModel::confirmChangesOneRow()
{
    const QString id = m_store->entities().at(1).id;
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_store->confirm(id);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QVERIFY(changed.count() >= 1);
    const QModelIndex mention = m_model->indexOfEntity(id, EntityTreeModel::StatusColumn);
    QCOMPARE(mention.data(Qt::ToolTipRole).toString(), u"Confirmed"_s);
    QCOMPARE(mention.data(EntityTreeModel::StatusRole).toInt(), int(EntityStatus::Confirmed));
    QCOMPARE(mention.parent().siblingAtColumn(EntityTreeModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             u"Confirmed"_s);
    bool rowChanged = false;
    for (const auto &args : changed)
        if (args.at(0).value<QModelIndex>().siblingAtColumn(0) == mention.siblingAtColumn(0))
            rowChanged = true;
    QVERIFY(rowChanged);
    m_store->undoStack()->undo();
    QCOMPARE(m_model->indexOfEntity(id, EntityTreeModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             u"Unreviewed"_s);
}

void TestEntityTreeModel::editMovesBetweenGroups()
{
    // Correcting the organization "ImmunoGen, Inc." to "Genentech" joins the Genentech row.
    const QString id = m_store->entities().at(5).id;
    const QModelIndex orgs = m_model->indexOfCategory(u"Organizations"_s);
    QCOMPARE(m_model->rowCount(orgs), 2);
    m_store->setValue(id, u"Genentech"_s);
    QCOMPARE(m_model->rowCount(orgs), 1);
    const QModelIndex group = m_model->index(0, 0, orgs);
    QCOMPARE(group.data().toString(), u"Genentech (2)"_s);
    QCOMPARE(m_model->rowCount(group), 2);
    QCOMPARE(m_model->indexOfEntity(id).parent(), group);
    m_store->undoStack()->undo();
    QCOMPARE(m_model->rowCount(m_model->indexOfCategory(u"Organizations"_s)), 2);
}

void TestEntityTreeModel::retypeMovesBetweenCategories()
{
    // The only drug becomes an organization: Life sciences disappears.
    const QString id = m_store->entities().at(7).id;
    QVERIFY(m_model->indexOfCategory(u"Life sciences"_s).isValid());
    m_store->setType(id, u"organization"_s);
    QVERIFY(!m_model->indexOfCategory(u"Life sciences"_s).isValid());
    QCOMPARE(m_model->indexOfEntity(id).data(EntityTreeModel::CategoryRole).toString(),
             u"Organizations"_s);
    m_store->undoStack()->undo();
    QCOMPARE(m_model->indexOfEntity(id).data(EntityTreeModel::CategoryRole).toString(),
             u"Life sciences"_s);
    QCOMPARE(m_model->rowCount(), 5);
}

void TestEntityTreeModel::addAndUndo()
{
    const int at = int(page1.indexOf(u"ASCO"_s));
    const int before = m_model->rowCount();
    const QString id = m_store->add({1, at, at + 4}, u"organization"_s, u"ASCO"_s);
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_model->rowCount(), before);
    const QModelIndex index = m_model->indexOfEntity(id, EntityTreeModel::StatusColumn);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), u"Added"_s);
    QCOMPARE(m_model->rowCount(m_model->indexOfCategory(u"Organizations"_s)), 3);
    m_store->undoStack()->undo();
    QVERIFY(!m_model->indexOfEntity(id).isValid());
    QCOMPARE(m_model->rowCount(m_model->indexOfCategory(u"Organizations"_s)), 2);
    // An email starts a category of its own, in its place in the order.
    const int email = int(page1.indexOf(u"Genentech"_s));
    const QString added = m_store->add({1, email, email + 9}, u"email"_s, u"x@example.com"_s);
    QVERIFY(!added.isEmpty());
    QCOMPARE(m_model->indexOfCategory(u"Contacts"_s).row(), 3);
    m_store->undoStack()->undo();
    QVERIFY(!m_model->indexOfCategory(u"Contacts"_s).isValid());
}

void TestEntityTreeModel::resetOnOpen()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_store->open(m_content, {make(u"drug"_s, 1, u"trastuzumab-DM1"_s, u"trastuzumab-DM1"_s, 0.7)});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(dump(*m_model).size(), 3);
}

void TestEntityTreeModel::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QList<EntityStatus>>("statuses");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<int>("visibleMentions");

    const QList<EntityStatus> any;
    QTest::newRow("none") << QString() << QString() << any << 0.0 << 8;
    QTest::newRow("text in value") << u"immunogen"_s << QString() << any << 0.0 << 2;
    QTest::newRow("text in type label") << u"registrant"_s << QString() << any << 0.0 << 1;
    QTest::newRow("category") << QString() << u"Cover page"_s << any << 0.0 << 3;
    QTest::newRow("unreviewed") << QString() << QString() << QList<EntityStatus>{EntityStatus::Auto}
                                << 0.0 << 7;
    QTest::newRow("confirmed") << QString() << QString()
                               << QList<EntityStatus>{EntityStatus::Confirmed} << 0.0 << 1;
    QTest::newRow("confidence") << QString() << QString() << any << 0.9 << 4;
    QTest::newRow("combined") << u"2007"_s << u"Figures"_s << any << 0.5 << 1;
    QTest::newRow("nothing") << u"no such thing"_s << QString() << any << 0.0 << 0;
}

void TestEntityTreeModel::filters()
{
    QFETCH(QString, text);
    QFETCH(QString, category);
    QFETCH(QList<EntityStatus>, statuses);
    QFETCH(double, minimum);
    QFETCH(int, visibleMentions);

    m_store->confirm(m_store->entities().at(0).id);
    m_proxy->setText(text);
    m_proxy->setCategory(category);
    m_proxy->setStatuses(statuses);
    m_proxy->setMinimumConfidence(minimum);

    int mentions = 0;
    int accepted = 0;
    for (const QString &line : dump(*m_proxy)) {
        if (line.startsWith(u"    "_s))
            ++mentions;
    }
    for (const Entity &e : m_store->entities())
        accepted += m_proxy->acceptsEntity(e) ? 1 : 0;
    QCOMPARE(mentions, visibleMentions);
    QCOMPARE(accepted, visibleMentions);
    // No empty category or value rows are left behind, and the tree's expand marks say
    // so truly: a row claims rows exactly when it has some.
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex category = m_proxy->index(r, 0);
        QVERIFY(m_proxy->rowCount(category) > 0);
        QVERIFY(m_proxy->hasChildren(category));
        for (int g = 0; g < m_proxy->rowCount(category); ++g) {
            const QModelIndex group = m_proxy->index(g, 0, category);
            QCOMPARE(m_proxy->hasChildren(group), m_proxy->rowCount(group) > 0);
            QVERIFY(m_proxy->rowCount(group) > 0);
            for (int m = 0; m < m_proxy->rowCount(group); ++m)
                QVERIFY(!m_proxy->hasChildren(m_proxy->index(m, 0, group)));
        }
    }
}

void TestEntityTreeModel::sortingKeepsCategoryOrder()
{
    m_proxy->sort(EntityTreeModel::ValueColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, 0).data(EntityTreeModel::CategoryRole).toString(), u"Cover page"_s);
    const QModelIndex orgs = m_proxy->index(2, 0);
    QCOMPARE(orgs.data(EntityTreeModel::CategoryRole).toString(), u"Organizations"_s);
    QCOMPARE(m_proxy->index(0, 0, orgs).data().toString(), u"ImmunoGen, Inc."_s);
    m_proxy->sort(EntityTreeModel::ValueColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->index(0, 0, m_proxy->index(2, 0)).data().toString(), u"Genentech"_s);
    m_proxy->sort(EntityTreeModel::ConfidenceColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, 0, m_proxy->index(0, 0)).data().toString(), u"2007-06-04"_s);
}

// XBRL facts: one row per concept whatever their values, the mention rows saying period,
// value and unit; a correction keeps the row, a new concept moves it; the XBRL filters.
void TestEntityTreeModel::factsGroupByConcept()
{
    const auto fact = [&](const QString &text, int occurrence, const QString &value, const QString &concept,
                          const QString &period) {
        Entity e = make(u"xbrl_fact"_s, 1, text, value, 0.95, occurrence);
        e.attributes = {{u"concept"_s, concept}, {u"period"_s, period}, {u"unit"_s, u"USD"_s},
                        {u"context"_s, u"c-1"_s}, {u"decimals"_s, u"0"_s}};
        return e;
    };
    Entity hidden;
    hidden.type = u"xbrl_fact"_s;
    hidden.id = u"xbrl_fact@0:7-7"_s;
    hidden.value = u"true"_s;
    hidden.confidence = 0.95;
    hidden.attributes = {{u"concept"_s, u"ko:FlagOfItsOwn"_s}, {u"period"_s, u"2007-06-04"_s},
                         {u"context"_s, u"c-2"_s}, {u"hidden"_s, u"true"_s}};
    Entity money = make(u"money"_s, 1, u"Annual Meeting"_s, u"USD 43"_s, 0.8);
    money.attributes = {{u"xbrl"_s, u"differs"_s}, {u"xbrlValue"_s, u"44"_s}};
    const Entity instant = fact(u"2007"_s, 0, u"2007"_s, u"us-gaap:Revenues"_s, u"2007-06-04"_s);
    const Entity duration = fact(u"43"_s, 0, u"43"_s, u"us-gaap:Revenues"_s, u"2006-01-01/2006-12-31"_s);
    m_store->open(m_content, {instant, duration, hidden, money});
    const QModelIndex facts = m_model->indexOfCategory(u"XBRL facts"_s);
    QVERIFY(facts.isValid());
    QCOMPARE(m_model->rowCount(facts), 2);
    const QModelIndex revenues = m_model->indexOfEntity(instant.id).parent();
    QCOMPARE(revenues.data().toString(), u"us-gaap:Revenues (2)"_s);
    QCOMPARE(m_model->indexOfEntity(duration.id).parent(), revenues);
    QCOMPARE(m_model->indexOfEntity(instant.id).data().toString(), u"2007 USD · 2007-06-04"_s);
    QCOMPARE(m_model->indexOfEntity(hidden.id).data().toString(), u"true · 2007-06-04 · hidden"_s);
    QVERIFY(m_model->indexOfEntity(hidden.id).data(Qt::ToolTipRole).toString().contains(u"Hidden in the filing's XBRL"_s));

    // A corrected value stays in its concept row; undo puts it back as it was.
    const QString id = duration.id;
    m_store->setValue(id, u"44"_s);
    QCOMPARE(m_model->indexOfEntity(id).parent(), revenues);
    QCOMPARE(m_model->indexOfEntity(id).data().toString(), u"44 USD · 2006-01-01/2006-12-31"_s);
    m_store->undoStack()->undo();
    QCOMPARE(m_model->indexOfEntity(id).data().toString(), u"43 USD · 2006-01-01/2006-12-31"_s);

    // A disagreeing amount warns in its row and its value row.
    const QModelIndex amount = m_model->indexOfEntity(money.id);
    QCOMPARE(amount.data(Qt::ForegroundRole).value<QColor>(), EntityTreeModel::warningColor());
    QCOMPARE(amount.parent().data(Qt::ForegroundRole).value<QColor>(), EntityTreeModel::warningColor());
    QVERIFY(amount.data(Qt::ToolTipRole).toString().contains(u"printed USD 43, tagged 44"_s));
    QVERIFY(!m_model->indexOfEntity(id).data(Qt::ForegroundRole).isValid());

    const auto shown = [&] {
        QStringList ids;
        for (const Entity &e : m_store->entities())
            if (m_proxy->acceptsEntity(e))
                ids << e.id;
        return ids;
    };
    using Check = EntityFilterProxy::XbrlCheck;
    m_proxy->setXbrlCheck(Check::HiddenFacts);
    QCOMPARE(shown(), QStringList{hidden.id});
    QCOMPARE(m_proxy->rowCount(), 1);
    m_proxy->setXbrlCheck(Check::CustomConcepts);
    QCOMPARE(shown(), QStringList{hidden.id});
    m_proxy->setXbrlCheck(Check::Differs);
    QCOMPARE(shown(), QStringList{money.id});
    m_proxy->setXbrlCheck(Check::Untagged);
    QCOMPARE(shown(), QStringList());
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setXbrlCheck(Check::Any);
    m_proxy->setPeriod(u"2007-06-04"_s);
    QCOMPARE(shown().size(), 2);
    QVERIFY(shown().contains(instant.id) && shown().contains(hidden.id));
    m_proxy->setText(u"revenues"_s);
    QCOMPARE(shown(), QStringList{instant.id});
    QVERIFY(!EntityFilterProxy::isCustomConcept(u"us-gaap:Revenues"_s));
    QVERIFY(!EntityFilterProxy::isCustomConcept(u"dei:EntityCentralIndexKey"_s));
    QVERIFY(EntityFilterProxy::isCustomConcept(u"ko:FlagOfItsOwn"_s));
}

QTEST_MAIN(TestEntityTreeModel)
#include "tst_entitytreemodel.moc"
