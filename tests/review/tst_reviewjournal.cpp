// The review file's write-ahead journal: every change is on disk before the next
// save, and what a crash leaves behind (a journal not yet folded in, a torn line,
// a journal of another filing) is replayed, skipped or kept aside, never lost.
// A "crash" here is a store whose saves all fail: its journal is all that is left.
#include "faultydisk.h"
#include "reviewfixture.h"
#include "review/reviewjournal.h"
#include "review/reviewstore.h"
#include "review/sidecarfile.h"

#include <QtCore/QDir>
#include <QtCore/QJsonDocument>
#include <QtCore/QStandardPaths>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using ReviewFixture::Filing;
using ReviewFixture::readBytes;
using ReviewFixture::writeBytes;

namespace {

QStringList reviewState(const ReviewStore &store)
{
    QStringList out;
    for (const Entity &e : store.entities())
        out << u"%1 %2 %3 [%4] %5 %6 %7%8"_s.arg(e.id, statusKey(e.status), e.type, e.value, e.note,
                                                e.by, e.at.toString(Qt::ISODate),
                                                e.orphan ? u" orphan"_s : QString());
    out << QString::fromUtf8(QJsonDocument(store.history()).toJson(QJsonDocument::Compact));
    return out;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

// A review of every kind, with an undo and a redo, journaled but never saved.
QStringList reviewWithoutSaving(Filing &f, ReviewStore &store, FaultyDisk &disk)
{
    disk.setFailBeforeCommit(u"*"_s);
    store.setAutosaveDelay(0);
    store.open(f.content, f.extracted);
    store.confirm(f.idOf(u"registrant"_s));
    store.reject(f.idOf(u"form_type"_s));
    store.setValue(f.idOf(u"drug"_s), u"T-DM1"_s);
    store.setNote(f.idOf(u"organization"_s), u"partner"_s);
    const QString &page = f.content.text.pages.at(1);
    const int at = int(page.indexOf(u"ImmunoGen"_s));
    store.add(SourceSpan{1, at, at + 9}, u"organization"_s);
    store.confirm(f.idOf(u"trial_phase"_s));
    store.undoStack()->undo();
    store.undoStack()->undo();
    store.undoStack()->redo();
    store.waitForJournal();
    QTest::qWait(20); // let the failing autosave run, as it would in the window
    return reviewState(store);
}

} // namespace

class TestReviewJournal final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("USER", "analyst-one");
    }
    void init()
    {
        m_disk->setFolderWritable(true);
        m_disk->setFailBeforeCommit({});
        m_disk->setWriteDelay(0);
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void changesAreReplayedAfterACrash()
    {
        Filing f;
        QStringList before;
        {
            ReviewStore store(m_disk);
            before = reviewWithoutSaving(f, store, *m_disk);
            QVERIFY(!QFileInfo::exists(f.sidecar()));
            QCOMPARE(store.journalPath(), f.sidecar() + u".journal"_s);
            QVERIFY(store.isDurable());
        }
        QVERIFY(QFileInfo(f.sidecar() + u".journal"_s).size() > 0);
        m_disk->setFailBeforeCommit({});

        ReviewStore again(m_disk);
        again.open(f.content, f.extracted);
        QCOMPARE(reviewState(again), before);
        QVERIFY(again.messages().join(u'\n').contains(u"recovered from the journal"_s));
        // Folded in at once, and the journal emptied.
        QVERIFY(QFileInfo::exists(f.sidecar()));
        QVERIFY(!again.hasUnsavedChanges());
        again.close();
        QCOMPARE(filesIn(f.dir.path()), (QStringList{u"immunogen-8k.txt"_s, u"immunogen-8k.txt.review.json"_s}));
        ReviewStore third(m_disk);
        third.open(f.content, f.extracted);
        QCOMPARE(reviewState(third), before);
    }

    void replayIsIdempotent()
    {
        Filing f;
        {
            ReviewStore store(m_disk);
            reviewWithoutSaving(f, store, *m_disk);
        }
        m_disk->setFailBeforeCommit({});
        const ReviewJournal::Contents journal = ReviewJournal::read(f.sidecar() + u".journal"_s);
        QVERIFY(journal.headerValid);
        QVERIFY(journal.problems.isEmpty());
        QVERIFY(journal.changes.size() >= 9); // six changes, two undos, one redo
        SidecarData once;
        ReviewJournal::apply(journal.changes, &once);
        SidecarData twice = once;
        ReviewJournal::apply(journal.changes, &twice);
        QCOMPARE(SidecarFile::serialize(twice), SidecarFile::serialize(once));
        QCOMPARE(once.decisions.size(), 5);
        QCOMPARE(once.history.size(), 5);

        // Headless readers apply it too, and leave it where it is.
        const QByteArray bytes = readBytes(f.sidecar() + u".journal"_s);
        QStringList messages;
        const EntityList a = ReviewStore::applySidecar(f.content, f.extracted, &messages);
        const EntityList b = ReviewStore::applySidecar(f.content, f.extracted);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            QCOMPARE(a.at(i).status, b.at(i).status);
        QCOMPARE(readBytes(f.sidecar() + u".journal"_s), bytes);
        QVERIFY(!QFileInfo::exists(f.sidecar()));
        bool confirmed = false;
        for (const Entity &e : a)
            confirmed |= e.id == f.idOf(u"registrant"_s) && e.status == EntityStatus::Confirmed;
        QVERIFY(confirmed);
    }

    // Stopped after the review file was written and before the journal was emptied:
    // the journal's changes are in the file already and are not applied again.
    void crashBetweenFoldAndEmptying()
    {
        Filing f;
        QStringList state;
        QByteArray oldJournal;
        {
            ReviewStore store(m_disk);
            store.setAutosaveDelay(60000);
            store.open(f.content, f.extracted);
            store.confirm(f.idOf(u"registrant"_s));
            QVERIFY(store.save());
            store.reject(f.idOf(u"form_type"_s));
            store.setNote(f.idOf(u"registrant"_s), u"checked"_s);
            store.undoStack()->undo();
            store.waitForJournal();
            oldJournal = readBytes(f.sidecar() + u".journal"_s);
            QVERIFY(oldJournal.contains("\"seq\""));
            QVERIFY(store.save());
            store.waitForJournal();
            QCOMPARE(QFileInfo(f.sidecar() + u".journal"_s).size(), 0);
            state = reviewState(store);
        }
        QVERIFY(!QFileInfo::exists(f.sidecar() + u".journal"_s)); // an empty journal is removed
        QVERIFY(writeBytes(f.sidecar() + u".journal"_s, oldJournal));
        ReviewStore again(m_disk);
        again.open(f.content, f.extracted);
        QCOMPARE(reviewState(again), state);
        QVERIFY(!again.hasUnsavedChanges());
        for (const QString &name : filesIn(f.dir.path()))
            QVERIFY2(!name.contains(u"journal."_s), qPrintable(name));
    }

    void tornLastLineIsIgnoredAndReported()
    {
        Filing f;
        {
            ReviewStore store(m_disk);
            reviewWithoutSaving(f, store, *m_disk);
        }
        m_disk->setFailBeforeCommit({});
        const QString path = f.sidecar() + u".journal"_s;
        QByteArray bytes = readBytes(path);
        // A power cut while the last line was written: half of it reached the disk.
        const qsizetype last = bytes.lastIndexOf('\n', bytes.size() - 2);
        const QByteArray lastLine = bytes.mid(last + 1);
        QVERIFY(lastLine.contains("\"added\"")); // the redo of the added entity
        bytes.chop(lastLine.size() / 2);
        QVERIFY(writeBytes(path, bytes));

        ReviewStore store(m_disk);
        store.open(f.content, f.extracted);
        for (const Entity &e : store.entities())
            QVERIFY(e.status != EntityStatus::Added);
        QCOMPARE(store.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Confirmed);
        QCOMPARE(store.entity(f.idOf(u"drug"_s))->value, u"T-DM1"_s);
        const QString said = store.messages().join(u'\n');
        QVERIFY2(said.contains(u"incomplete line"_s) && said.contains(QDir::toNativeSeparators(path)),
                 qPrintable(said));
        QVERIFY(!store.isReadOnly());
    }

    void garbageLineIsSkippedAndReported()
    {
        Filing f;
        {
            ReviewStore store(m_disk);
            reviewWithoutSaving(f, store, *m_disk);
        }
        m_disk->setFailBeforeCommit({});
        const QString path = f.sidecar() + u".journal"_s;
        QList<QByteArray> lines = readBytes(path).split('\n');
        QVERIFY(lines.size() > 4);
        lines.insert(2, "\x01\x02 not json {{{");
        QVERIFY(writeBytes(path, lines.join('\n')));

        ReviewStore store(m_disk);
        store.open(f.content, f.extracted);
        QCOMPARE(store.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Confirmed);
        QCOMPARE(store.entity(f.idOf(u"form_type"_s))->status, EntityStatus::Rejected);
        QCOMPARE(store.entity(f.idOf(u"drug"_s))->value, u"T-DM1"_s);
        QCOMPARE(store.count(), f.extracted.size() + 1); // the added entity
        const QString said = store.messages().join(u'\n');
        QVERIFY2(said.contains(u"Line 3 of the journal"_s) && said.contains(u"skipped"_s), qPrintable(said));
    }

    void journalOfAnotherFilingIsKeptAside()
    {
        Filing f;
        {
            ReviewStore store(m_disk);
            reviewWithoutSaving(f, store, *m_disk);
        }
        m_disk->setFailBeforeCommit({});
        const QString path = f.sidecar() + u".journal"_s;
        const QByteArray bytes = readBytes(path);
        // The filing was replaced by another version since.
        QByteArray changed = readBytes(f.path);
        changed.replace("ImmunoGen", "ImmunoGem");
        QVERIFY(writeBytes(f.path, changed));
        f.reload();

        ReviewStore store(m_disk);
        store.open(f.content, f.extracted);
        for (const Entity &e : store.entities())
            QCOMPARE(e.status, EntityStatus::Auto);
        QVERIFY(!QFileInfo::exists(path));
        QString aside;
        for (const QString &name : filesIn(f.dir.path()))
            if (name.startsWith(u"immunogen-8k.txt.review.json.journal.other-"_s))
                aside = f.dir.filePath(name);
        QVERIFY(!aside.isEmpty());
        QCOMPARE(readBytes(aside), bytes);
        QVERIFY(store.messages().join(u'\n').contains(u"another version of the filing"_s));
        // New changes get a journal of their own.
        store.confirm(f.idOf(u"form_type"_s));
        store.waitForJournal();
        QCOMPARE(ReviewJournal::read(path).filingSha256, f.content.sha256);
    }

    void unwritableFolderJournalsInTheDataFolder()
    {
        Filing f;
        m_disk->setFolderWritable(false);
        QStringList before;
        {
            ReviewStore store(m_disk);
            before = reviewWithoutSaving(f, store, *m_disk);
            QCOMPARE(store.journalPath(), SidecarFile::fallbackPath(f.content.sha256) + u".journal"_s);
        }
        QCOMPARE(filesIn(f.dir.path()), QStringList{u"immunogen-8k.txt"_s});
        m_disk->setFailBeforeCommit({});
        ReviewStore again(m_disk);
        again.open(f.content, f.extracted);
        QCOMPARE(reviewState(again), before);
    }

    void journalThatIsNotAFileUsesTheDataFolder()
    {
        Filing f;
        QVERIFY(QDir().mkpath(f.sidecar() + u".journal"_s));
        QStringList before;
        {
            ReviewStore store(m_disk);
            before = reviewWithoutSaving(f, store, *m_disk);
            QCOMPARE(store.journalPath(), SidecarFile::fallbackPath(f.content.sha256) + u".journal"_s);
            QVERIFY(store.messages().join(u'\n').contains(u"cannot be written; changes are journaled in"_s));
        }
        m_disk->setFailBeforeCommit({});
        ReviewStore again(m_disk);
        again.open(f.content, f.extracted);
        QCOMPARE(reviewState(again), before);
        QVERIFY(QFileInfo::exists(f.sidecar()));
    }

    // The journal belongs to the lock holder: a second window shows the review file
    // read-only and leaves the journal alone.
    void secondWindowReplaysNothing()
    {
        Filing f;
        ReviewStore first(m_disk);
        first.setAutosaveDelay(60000);
        first.open(f.content, f.extracted);
        first.confirm(f.idOf(u"registrant"_s));
        first.waitForJournal();
        const QByteArray journal = readBytes(first.journalPath());
        QVERIFY(!journal.isEmpty());

        ReviewStore second(m_disk);
        second.open(f.content, f.extracted);
        QVERIFY(second.isReadOnly());
        QVERIFY(second.journalPath().isEmpty());
        QCOMPARE(second.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Auto);
        second.close();
        QCOMPARE(readBytes(first.journalPath()), journal);
        QVERIFY(!QFileInfo::exists(f.sidecar()));
        first.close();
        QCOMPARE(SidecarFile::load(f.sidecar()).data.decisions.size(), 1);
    }

    // saved() and "Saved" come only once the change is on disk; the change itself is
    // shown at once, whatever the disk's speed, and lines keep their order.
    void durableOnlyOnceOnDisk()
    {
        Filing f;
        m_disk->setWriteDelay(200); // a slow disk
        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        QSignalSpy journaled(&store, &ReviewStore::journaled);
        QSignalSpy durable(&store, &ReviewStore::durable);
        store.confirm(f.idOf(u"registrant"_s));
        store.reject(f.idOf(u"form_type"_s));
        store.undoStack()->undo();
        QCOMPARE(store.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Confirmed);
        QCOMPARE(journaled.size(), 3);
        QVERIFY(!store.isDurable());
        QCOMPARE(durable.size(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(store.isDurable(), 10000);
        QCOMPARE(durable.constLast().at(0).toULongLong(), journaled.constLast().at(0).toULongLong());
        const ReviewJournal::Contents c = ReviewJournal::read(store.journalPath());
        QCOMPARE(c.changes.size(), 3);
        for (qsizetype i = 0; i < c.changes.size(); ++i)
            QCOMPARE(c.changes.at(i).seq, journaled.at(i).at(0).toULongLong());
        QCOMPARE(c.changes.at(2).remove, QStringList{f.idOf(u"form_type"_s)});
    }

private:
    // The disk every store of a test writes through; init() clears its faults.
    std::shared_ptr<FaultyDisk> m_disk = std::make_shared<FaultyDisk>();
};

QTEST_GUILESS_MAIN(TestReviewJournal)
#include "tst_reviewjournal.moc"
