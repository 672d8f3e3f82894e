// The inspector over a real ReviewStore: shows one entity, sends corrections to
// the store as single undo steps, locks its editors when the review is read-only,
// and shows a decision that could not be placed with its saved text.
#include "entitytreemodel.h"
#include "inspector.h"
#include "review/reviewstore.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

namespace {
// From the sample filing (ImmunoGen, Form 8-K of June 4, 2007).
const QString pageText = u"On June 4, 2007, ImmunoGen, Inc. (Nasdaq: IMGN) issued a press release "
                         "on information reported at the 43rd American Society of Clinical Oncology "
                         "(ASCO) Annual Meeting, taking place in Chicago, Illinois."_s;

QStringList labelTexts(const QWidget &w)
{
    QStringList out;
    for (const QLabel *l : w.findChildren<QLabel *>())
        if (l->isVisibleTo(&w))
            out << l->text();
    return out;
}
}

class TestInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsEntity();
    void typingIsOneUndoStep();
    void typeNoteAndButtons();
    void followsUndo();
    void readOnlyLocksEditors();
    void orphanShowsSavedText();

private:
    void open(ReviewStore::OpenMode mode = ReviewStore::OpenMode::Interactive);
    std::unique_ptr<QTemporaryDir> m_dir;
    DocumentContent m_content;
    EntityList m_entities;
    std::unique_ptr<ReviewStore> m_store;
    std::unique_ptr<Inspector> m_inspector;
};

void TestInspector::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_content = {};
    m_content.format = DocumentFormat::PlainText;
    m_content.filePath = m_dir->filePath(u"filing.txt"_s);
    m_content.fileName = u"filing.txt"_s;
    m_content.sha256 = u"ab"_s;
    m_content.text.pages = {pageText};
    QFile file(m_content.filePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pageText.toUtf8());
    file.close();

    const auto make = [](const QString &type, const QString &text, const QString &value) {
        Entity e;
        e.type = type;
        const int at = int(pageText.indexOf(text));
        e.span = {0, at, at + int(text.size())};
        e.text = text;
        e.value = value;
        e.confidence = 0.8;
        e.origin = u"core.test"_s;
        e.id = Entity::makeId(type, e.span, pageText);
        return e;
    };
    Entity org = make(u"organization"_s, u"American Society of Clinical Oncology"_s,
                      u"American Society of Clinical Oncology"_s);
    org.attributes.insert(u"abbreviation"_s, u"ASCO"_s);
    m_entities = {make(u"date"_s, u"June 4, 2007"_s, u"2007-06-04"_s), org};
}

void TestInspector::open(ReviewStore::OpenMode mode)
{
    m_store = std::make_unique<ReviewStore>();
    m_store->setReviewer(u"Ada Analyst"_s);
    m_store->open(m_content, m_entities, mode);
    m_inspector = std::make_unique<Inspector>();
    m_inspector->setStore(m_store.get());
    m_inspector->resize(360, 480);
    m_inspector->show();
}

void TestInspector::cleanup()
{
    m_inspector.reset();
    if (m_store)
        m_store->close();
    m_store.reset();
    m_dir.reset();
}

void TestInspector::showsEntity()
{
    open();
    QVERIFY(!m_inspector->valueEdit()->isVisibleTo(m_inspector.get()));
    const QString id = m_entities.at(1).id;
    m_inspector->setEntity(id);
    QCOMPARE(m_inspector->valueEdit()->text(), u"American Society of Clinical Oncology"_s);
    QCOMPARE(m_inspector->typeBox()->currentData().toString(), u"organization"_s);
    const QStringList labels = labelTexts(*m_inspector);
    QVERIFY(labels.contains(u"1"_s));    // page, 1-based
    QVERIFY(labels.contains(u"0.80"_s)); // confidence
    QVERIFY(labels.contains(u"core.test"_s));
    QVERIFY(labels.contains(u"abbreviation: ASCO"_s));
    QVERIFY(labels.contains(u"not yet"_s));
}

void TestInspector::typingIsOneUndoStep()
{
    open();
    const QString id = m_entities.at(1).id;
    m_inspector->setEntity(id);
    QLineEdit *value = m_inspector->valueEdit();
    value->setFocus();
    value->selectAll();
    QTest::keyClicks(value, u"ASCO"_s);
    // Nothing is written while the reviewer types; Enter writes the edit as one step.
    QCOMPARE(m_store->entity(id)->value, u"American Society of Clinical Oncology"_s);
    QCOMPARE(m_store->undoStack()->count(), 0);
    QTest::keyClick(value, Qt::Key_Return);
    QCOMPARE(m_store->entity(id)->value, u"ASCO"_s);
    QCOMPARE(m_store->entity(id)->status, EntityStatus::Corrected);
    QCOMPARE(m_store->undoStack()->count(), 1);
    m_store->undoStack()->undo();
    QCOMPARE(m_store->entity(id)->value, u"American Society of Clinical Oncology"_s);
    QCOMPARE(value->text(), u"American Society of Clinical Oncology"_s);

    // Escape drops an edit that was not written.
    value->setFocus();
    value->selectAll();
    QTest::keyClicks(value, u"typo"_s);
    QTest::keyClick(value, Qt::Key_Escape);
    QCOMPARE(value->text(), u"American Society of Clinical Oncology"_s);
    QCOMPARE(m_store->entity(id)->value, u"American Society of Clinical Oncology"_s);
    QCOMPARE(m_store->undoStack()->count(), 1);
    QVERIFY(m_store->undoStack()->canRedo());
}

void TestInspector::typeNoteAndButtons()
{
    open();
    const QString id = m_entities.at(1).id;
    m_inspector->setEntity(id);
    QComboBox *type = m_inspector->typeBox();
    const int target = type->findData(u"target"_s);
    QVERIFY(target >= 0);
    type->setCurrentIndex(target);
    Q_EMIT type->activated(target);
    QCOMPARE(m_store->entity(id)->type, u"target"_s);
    QCOMPARE(m_store->entity(id)->status, EntityStatus::Corrected);

    QLineEdit *note = m_inspector->noteEdit();
    note->setFocus();
    QTest::keyClicks(note, u"check the abbreviation"_s);
    QCOMPARE(m_store->entity(id)->note, QString()); // written when the edit ends
    QTest::keyClick(note, Qt::Key_Return);
    QCOMPARE(m_store->entity(id)->note, u"check the abbreviation"_s);

    QPushButton *reject = nullptr;
    for (QPushButton *b : m_inspector->findChildren<QPushButton *>())
        if (b->text() == u"Reject"_s)
            reject = b;
    QVERIFY(reject);
    QTest::mouseClick(reject, Qt::LeftButton);
    QCOMPARE(m_store->entity(id)->status, EntityStatus::Rejected);
    QVERIFY(!reject->isEnabled());
    QVERIFY(labelTexts(*m_inspector).join(u'\n').contains(u"Ada Analyst"_s));
}

void TestInspector::followsUndo()
{
    open();
    const QString id = m_entities.at(0).id;
    m_inspector->setEntity(id);
    m_store->setValue(id, u"2007-06-05"_s);
    QCOMPARE(m_inspector->valueEdit()->text(), u"2007-06-05"_s);
    m_store->undoStack()->undo();
    QCOMPARE(m_inspector->valueEdit()->text(), u"2007-06-04"_s);
    m_store->open(m_content, {});
    QVERIFY(!m_inspector->valueEdit()->isVisibleTo(m_inspector.get()));
}

void TestInspector::readOnlyLocksEditors()
{
    open(ReviewStore::OpenMode::ReadOnly);
    QVERIFY(m_store->isReadOnly());
    m_inspector->setEntity(m_entities.at(0).id);
    QVERIFY(!m_inspector->valueEdit()->isEnabled());
    QVERIFY(!m_inspector->typeBox()->isEnabled());
    QVERIFY(!m_inspector->noteEdit()->isEnabled());
}

void TestInspector::orphanShowsSavedText()
{
    // A decision made on an earlier version of the filing whose words are gone.
    const QByteArray sidecar = R"({
  "schema": "filing-lens/review@1",
  "offsetUnit": "codepoint",
  "document": {"file": "filing.txt", "sha256": "00", "pages": 1, "format": "text"},
  "savedAt": "2026-11-20T10:00:00Z",
  "decisions": [
    {"id": "drug@1:500-512", "status": "confirmed", "type": "drug", "value": "mirvetuximab",
     "anchor": {"page": 1, "start": 500, "end": 512, "exact": "mirvetuximab",
                "prefix": "a study of ", "suffix": " soravtansine"},
     "attributes": {}, "note": "", "by": "Ada Analyst", "at": "2026-11-20T10:00:00Z"}
  ],
  "history": []
})";
    QFile file(m_content.filePath + u".review.json"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(sidecar);
    file.close();
    open();
    const Entity *orphan = m_store->entity(u"drug@1:500-512"_s);
    QVERIFY(orphan);
    QVERIFY(orphan->orphan);
    m_inspector->setEntity(orphan->id);
    const QString labels = labelTexts(*m_inspector).join(u'\n');
    QVERIFY2(labels.contains(u"could not be placed"_s), qPrintable(labels));
    QVERIFY(labels.contains(u"mirvetuximab"_s));
    QVERIFY(labels.contains(u"not placed"_s));

    EntityTreeModel model;
    model.setStore(m_store.get());
    const QModelIndex index = model.indexOfEntity(orphan->id);
    QVERIFY(index.isValid());
    QVERIFY(index.data().toString().contains(u"mirvetuximab"_s));
    QVERIFY(!index.siblingAtColumn(EntityTreeModel::PageColumn).data().isValid());
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
