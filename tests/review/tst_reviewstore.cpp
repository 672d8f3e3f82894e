#include "faultydisk.h"
#include "reviewfixture.h"
#include "review/reviewstore.h"
#include "review/sidecarfile.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QLockFile>
#include <QtCore/QSet>
#include <QtCore/QStandardPaths>
#include <QtCore/QSysInfo>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <cerrno>
#include <signal.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using ReviewFixture::Filing;
using ReviewFixture::readBytes;
using ReviewFixture::writeBytes;

namespace {

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readBytes(path)).object();
}

QJsonObject decisionIn(const QJsonObject &root, const QString &id)
{
    for (const QJsonValue &v : root.value(u"decisions"_s).toArray())
        if (v.toObject().value(u"id"_s).toString() == id)
            return v.toObject();
    return {};
}

// One line per entity with its review state, so a failing QCOMPARE shows the difference.
QStringList reviewState(const ReviewStore &store)
{
    QStringList out;
    for (const Entity &e : store.entities())
        out << u"%1 %2 %3 [%4] %5 %6 %7%8"_s.arg(e.id, statusKey(e.status), e.type, e.value, e.note,
                                                e.by, e.at.toString(Qt::ISODate),
                                                e.orphan ? u" orphan"_s : QString());
    return out;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class TestReviewStore final : public QObject
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
    }

    void reviewerComesFromTheAccount()
    {
        ReviewStore store(m_disk);
        QCOMPARE(store.reviewer(), u"analyst-one"_s);
        store.setReviewer(u"Dana Reyes"_s);
        QCOMPARE(store.reviewer(), u"Dana Reyes"_s);
        store.setReviewer(u"  "_s);
        QCOMPARE(store.reviewer(), u"analyst-one"_s);
    }

    // A filing marked done (by the workspace) stays done when the window saves a change.
    void doneMarkSurvivesASave()
    {
        Filing f;
        {
            ReviewStore store(m_disk);
            store.open(f.content, f.extracted);
            store.confirm(f.idOf(u"registrant"_s));
            QVERIFY(store.save());
        }
        SidecarFile::LoadResult loaded = SidecarFile::load(f.sidecar());
        QVERIFY(!loaded.data.done);
        loaded.data.done = true;
        loaded.data.doneBy = u"Lead Reviewer"_s;
        loaded.data.doneAt = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
        {
            QFile out(f.sidecar());
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(SidecarFile::serialize(loaded.data));
        }
        {
            ReviewStore store(m_disk);
            store.open(f.content, f.extracted);
            store.reject(f.idOf(u"form_type"_s));
            QVERIFY(store.save());
        }
        const SidecarFile::LoadResult again = SidecarFile::load(f.sidecar());
        QVERIFY(again.data.done);
        QCOMPARE(again.data.doneBy, u"Lead Reviewer"_s);
        QCOMPARE(again.data.doneAt, loaded.data.doneAt);
        QCOMPARE(again.data.decisions.size(), 2);
    }

    void everyDecisionKindRoundTrips()
    {
        Filing f;
        QStringList before;
        QString addedId;
        {
            ReviewStore store(m_disk);
            store.open(f.content, f.extracted);
            QVERIFY(!store.isReadOnly());
            QCOMPARE(store.sidecarPath(), f.sidecar());
            store.confirm(f.idOf(u"registrant"_s));
            store.reject(f.idOf(u"form_type"_s));
            store.setValue(f.idOf(u"report_date"_s), u"2007-06-05"_s);
            store.setType(f.idOf(u"trial_phase"_s), u"item"_s);
            store.setNote(f.idOf(u"commission_file_number"_s), u"check EDGAR"_s);
            store.confirmAll({f.idOf(u"irs_employer_id"_s), f.idOf(u"registrant_phone"_s)});
            const int at = int(f.content.text.pages.at(1).indexOf(u"Herceptin®"_s));
            addedId = store.add(SourceSpan{1, at, at + 10}, u"drug"_s, u"trastuzumab"_s);
            QVERIFY(!addedId.isEmpty());
            QVERIFY(store.save());
            before = reviewState(store);
        }
        // The file, read as plain JSON, holds exactly the decisions.
        const QJsonObject root = readJson(f.sidecar());
        QCOMPARE(root.value(u"schema"_s).toString(), u"filing-lens/review@1"_s);
        QCOMPARE(root.value(u"offsetUnit"_s).toString(), u"codepoint"_s);
        const QJsonObject doc = root.value(u"document"_s).toObject();
        QCOMPARE(doc.value(u"file"_s).toString(), u"immunogen-8k.txt"_s);
        QCOMPARE(doc.value(u"sha256"_s).toString(), f.content.sha256);
        QCOMPARE(doc.value(u"pages"_s).toInt(), 2);
        QCOMPARE(doc.value(u"format"_s).toString(), u"text"_s);
        QVERIFY(QDateTime::fromString(root.value(u"savedAt"_s).toString(), Qt::ISODate).isValid());
        QCOMPARE(root.value(u"decisions"_s).toArray().size(), 8);

        const QJsonObject corrected = decisionIn(root, f.idOf(u"report_date"_s));
        QCOMPARE(corrected.value(u"status"_s).toString(), u"corrected"_s);
        QCOMPARE(corrected.value(u"value"_s).toString(), u"2007-06-05"_s);
        QCOMPARE(corrected.value(u"type"_s).toString(), u"report_date"_s);
        QCOMPARE(corrected.value(u"by"_s).toString(), u"analyst-one"_s);
        QVERIFY(corrected.value(u"at"_s).toString().endsWith(u'Z'));
        const QJsonObject anchor = corrected.value(u"anchor"_s).toObject();
        QCOMPARE(anchor.value(u"page"_s).toInt(), 1);
        const QString page0 = f.content.text.pages.at(0);
        QCOMPARE(anchor.value(u"start"_s).toInt(), int(page0.indexOf(u"June 4, 2007"_s)));
        QCOMPARE(anchor.value(u"exact"_s).toString(), u"June 4, 2007"_s);
        QVERIFY(page0.left(anchor.value(u"start"_s).toInt()).endsWith(anchor.value(u"prefix"_s).toString()));
        QCOMPARE(anchor.value(u"prefix"_s).toString().size(), 32);
        QVERIFY(page0.mid(anchor.value(u"end"_s).toInt()).startsWith(anchor.value(u"suffix"_s).toString()));

        QCOMPARE(decisionIn(root, f.idOf(u"form_type"_s)).value(u"status"_s).toString(), u"rejected"_s);
        QCOMPARE(decisionIn(root, f.idOf(u"registrant"_s)).value(u"status"_s).toString(), u"confirmed"_s);
        const QJsonObject retyped = decisionIn(root, f.idOf(u"trial_phase"_s));
        QCOMPARE(retyped.value(u"status"_s).toString(), u"corrected"_s);
        QCOMPARE(retyped.value(u"type"_s).toString(), u"item"_s);
        const QJsonObject noted = decisionIn(root, f.idOf(u"commission_file_number"_s));
        QCOMPARE(noted.value(u"status"_s).toString(), u"auto"_s);
        QCOMPARE(noted.value(u"note"_s).toString(), u"check EDGAR"_s);
        const QJsonObject added = decisionIn(root, addedId);
        QCOMPARE(added.value(u"status"_s).toString(), u"added"_s);
        QCOMPARE(added.value(u"value"_s).toString(), u"trastuzumab"_s);
        // Code points: "®" is one UTF-16 unit as well, so the id and anchor agree with the text.
        QCOMPARE(added.value(u"anchor"_s).toObject().value(u"page"_s).toInt(), 2);
        QCOMPARE(added.value(u"anchor"_s).toObject().value(u"exact"_s).toString(), u"Herceptin®"_s);
        QVERIFY(decisionIn(root, f.idOf(u"organization"_s)).isEmpty()); // untouched: not saved

        QStringList ops;
        for (const QJsonValue &h : root.value(u"history"_s).toArray()) {
            const QJsonObject o = h.toObject();
            QVERIFY(!o.value(u"at"_s).toString().isEmpty());
            QCOMPARE(o.value(u"by"_s).toString(), u"analyst-one"_s);
            ops << o.value(u"op"_s).toString();
        }
        QCOMPARE(ops, (QStringList{u"confirm"_s, u"reject"_s, u"edit"_s, u"retype"_s, u"note"_s,
                                   u"confirm"_s, u"confirm"_s, u"add"_s}));

        // Reopening restores every decision exactly, in the same order.
        ReviewStore again(m_disk);
        again.open(f.content, f.extracted);
        QCOMPARE(reviewState(again), before);
        QCOMPARE(again.entity(addedId)->origin, u"manual"_s);
        QCOMPARE(again.entity(addedId)->text, u"Herceptin®"_s);
    }

    void undoRedoRestoresEverything()
    {
        Filing f;
        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        const QStringList pristine = reviewState(store);
        const QString date = f.idOf(u"report_date"_s);
        QUndoStack *undo = store.undoStack();

        store.confirm(f.idOf(u"registrant"_s));
        // The undo history names the action and its entity.
        QCOMPARE(undo->undoText(), u"Confirm Registrant: ImmunoGen, Inc."_s);
        // Typing in the value field: one step.
        store.setValue(date, u"2"_s);
        store.setValue(date, u"20"_s);
        store.setValue(date, u"2007-06-05"_s);
        QCOMPARE(undo->count(), 2);
        QCOMPARE(undo->undoText(), u"Edit value of Date of report: 2007-06-04 → 2007-06-05"_s);
        // An edit that was ended and written at once is a step of its own.
        store.setValue(date, u"2007-06-06"_s, true);
        QCOMPARE(undo->count(), 3);
        QCOMPARE(undo->undoText(), u"Edit value of Date of report: 2007-06-05 → 2007-06-06"_s);
        undo->undo();
        QCOMPARE(store.entity(date)->value, u"2007-06-05"_s);
        QCOMPARE(undo->count(), 3);
        undo->setIndex(2);
        QCOMPARE(store.history().size(), 2);
        QCOMPARE(store.history().last().toObject().value(u"from"_s).toObject().value(u"value"_s).toString(),
                 u"2007-06-04"_s);
        QCOMPARE(store.history().last().toObject().value(u"to"_s).toObject().value(u"value"_s).toString(),
                 u"2007-06-05"_s);
        store.setNote(date, u"w"_s);
        store.setNote(date, u"wrong day"_s);
        QCOMPARE(undo->count(), 3);
        QCOMPARE(undo->undoText(), u"Edit note of Date of report: 2007-06-05"_s);
        const QString organization = f.idOf(u"organization"_s);
        store.setType(organization, u"registrant"_s);
        QCOMPARE(undo->undoText(), u"Change type of Organization: %1 to Registrant"_s.arg(
                                       store.entity(organization)->value));
        store.rejectAll({f.idOf(u"drug"_s), f.idOf(u"exhibit"_s), f.idOf(u"item"_s)});
        QCOMPARE(undo->undoText(), u"Reject 3 entities"_s);
        const int rows = store.count();
        store.add(f.extracted.at(0).span, u"ticker"_s);
        QCOMPARE(undo->undoText(), u"Add Ticker: %1"_s.arg(f.content.text.textAt(f.extracted.at(0).span)));
        QCOMPARE(store.count(), rows + 1);
        const QStringList done = reviewState(store);
        const QJsonArray doneHistory = store.history();

        while (undo->canUndo())
            undo->undo();
        QCOMPARE(reviewState(store), pristine); // status, value, type, note, by, at
        QCOMPARE(store.history().size(), 0);
        while (undo->canRedo())
            undo->redo();
        QCOMPARE(reviewState(store), done);
        QCOMPARE(store.history().size(), doneHistory.size());

        // Undoing the group is one step back to three auto entities.
        undo->undo(); // the add
        undo->undo(); // the group
        QCOMPARE(store.entity(f.idOf(u"drug"_s))->status, EntityStatus::Auto);
        QCOMPARE(store.entity(f.idOf(u"exhibit"_s))->status, EntityStatus::Auto);
        QCOMPARE(store.entity(f.idOf(u"item"_s))->status, EntityStatus::Auto);
    }

    void fileFollowsEveryChangeAndUndo()
    {
        Filing f;
        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        const QString date = f.idOf(u"report_date"_s);
        auto saved = [&] { return decisionIn(readJson(f.sidecar()), date); };
        store.confirm(date);
        QVERIFY(store.save());
        QCOMPARE(saved().value(u"status"_s).toString(), u"confirmed"_s);
        store.setValue(date, u"2007-06-01"_s);
        QVERIFY(store.save());
        QCOMPARE(saved().value(u"status"_s).toString(), u"corrected"_s);
        QCOMPARE(saved().value(u"value"_s).toString(), u"2007-06-01"_s);
        store.undoStack()->undo();
        QVERIFY(store.save());
        QCOMPARE(saved().value(u"status"_s).toString(), u"confirmed"_s);
        QCOMPARE(saved().value(u"value"_s).toString(), u"2007-06-04"_s);
        store.undoStack()->undo();
        QVERIFY(store.save());
        QVERIFY(saved().isEmpty()); // back to auto: no longer a decision
        QCOMPARE(readJson(f.sidecar()).value(u"history"_s).toArray().size(), 0);
    }

    void confirmingKeepsWhatTheAnalystDid()
    {
        Filing f;
        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        const QString date = f.idOf(u"report_date"_s);
        store.setValue(date, u"2007-06-05"_s);
        store.reject(date);
        store.confirm(date);
        QCOMPARE(store.entity(date)->status, EntityStatus::Corrected);
        const int at = int(f.content.text.pages.at(1).indexOf(u"Chicago"_s));
        const QString id = store.add(SourceSpan{1, at, at + 7}, u"organization"_s);
        store.reject(id);
        store.confirm(id);
        QCOMPARE(store.entity(id)->status, EntityStatus::Added);
        const int steps = store.undoStack()->count();
        store.confirm(id); // nothing to do: no empty undo step
        QCOMPARE(store.undoStack()->count(), steps);
    }

    void addedIdNeverChanges()
    {
        Filing f;
        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        const int at = int(f.content.text.pages.at(1).indexOf(u"Chicago, Illinois"_s));
        const SourceSpan span{1, at, at + 17};
        const QString id = store.add(span, u"registrant_address"_s);
        QCOMPARE(id, Entity::makeId(u"registrant_address"_s, span, f.content.text.pages.at(1)));
        store.setType(id, u"organization"_s);
        store.setValue(id, u"Chicago, IL"_s);
        QCOMPARE(store.entity(id)->id, id);
        QCOMPARE(store.entity(id)->status, EntityStatus::Added);
        QCOMPARE(store.add(span, u"registrant_address"_s), id); // the same span again: the same entity
        QVERIFY(store.add(SourceSpan{1, at, at}, u"person"_s).isEmpty());
        QVERIFY(store.add(SourceSpan{7, 0, 4}, u"person"_s).isEmpty());
    }

    void signalsAreTargeted()
    {
        Filing f;
        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        QSignalSpy reset(&store, &ReviewStore::modelReset);
        QSignalSpy changed(&store, &ReviewStore::entityChanged);
        QSignalSpy aboutToInsert(&store, &ReviewStore::entityAboutToBeInserted);
        QSignalSpy inserted(&store, &ReviewStore::entityInserted);
        QSignalSpy removed(&store, &ReviewStore::entityRemoved);
        store.open(f.content, f.extracted);
        QCOMPARE(reset.size(), 1);
        const QString id = f.idOf(u"registrant"_s);
        store.confirm(id);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toInt(), store.indexOf(id));
        store.rejectAll({f.idOf(u"drug"_s), f.idOf(u"item"_s)});
        QCOMPARE(changed.size(), 3);
        const int at = int(f.content.text.pages.at(1).indexOf(u"ASCO"_s));
        store.add(SourceSpan{1, at, at + 4}, u"organization"_s);
        QCOMPARE(aboutToInsert.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(0).toInt(), f.extracted.size());
        store.undoStack()->undo();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 1);
        store.close();
        QCOMPARE(reset.size(), 2);
        QCOMPARE(store.count(), 0);
    }

    void savesDebouncedAndOnClose()
    {
        Filing f;
        ReviewStore store(m_disk);
        store.setAutosaveDelay(50);
        store.open(f.content, f.extracted);
        QVERIFY(!QFileInfo::exists(f.sidecar())); // nothing decided, no file
        QSignalSpy saved(&store, &ReviewStore::saved);
        store.confirm(f.idOf(u"registrant"_s));
        store.confirm(f.idOf(u"cik"_s)); // not extracted in this filing: ignored
        store.reject(f.idOf(u"form_type"_s));
        QVERIFY(store.hasUnsavedChanges());
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.size(), 1); // two changes, one write
        QCOMPARE(saved.at(0).at(0).toString(), f.sidecar());
        QVERIFY(saved.at(0).at(1).toDateTime().isValid());
        QVERIFY(!store.hasUnsavedChanges());
        QCOMPARE(readJson(f.sidecar()).value(u"decisions"_s).toArray().size(), 2);

        store.setAutosaveDelay(60000);
        store.setNote(f.idOf(u"drug"_s), u"also Kadcyla"_s);
        store.close();
        QCOMPARE(readJson(f.sidecar()).value(u"decisions"_s).toArray().size(), 3);
        QCOMPARE(readJson(f.sidecar() + u".bak"_s).value(u"decisions"_s).toArray().size(), 2);
        QVERIFY(!QFileInfo::exists(f.sidecar() + u".lock"_s));
    }

    // Saving with nothing changed (Ctrl+S twice, closing an untouched review) leaves
    // the review file alone: its bytes, its saved time and its modification time.
    // A change and its undo is nothing changed too; a real change is written.
    void unchangedReviewIsNotWrittenAgain()
    {
        Filing f;
        {
            ReviewStore store(m_disk);
            store.setAutosaveDelay(60000);
            store.open(f.content, f.extracted);
            store.confirm(f.idOf(u"registrant"_s));
            QVERIFY(store.save());
        }
        const QByteArray bytes = readBytes(f.sidecar());
        const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-3);
        const auto setOld = [&] {
            QFile file(f.sidecar());
            return file.open(QIODevice::ReadWrite) && file.setFileTime(old, QFileDevice::FileModificationTime);
        };
        const auto untouched = [&] {
            return readBytes(f.sidecar()) == bytes
                && QFileInfo(f.sidecar()).lastModified().toUTC().secsTo(old) == 0;
        };
        QVERIFY(setOld());

        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        QVERIFY(store.save());
        QVERIFY(untouched());
        store.reject(f.idOf(u"form_type"_s));
        store.undoStack()->undo();
        QVERIFY(store.save());
        QVERIFY(untouched());
        store.reject(f.idOf(u"form_type"_s));
        QVERIFY(store.save());
        QVERIFY(!untouched());
        QCOMPARE(readJson(f.sidecar()).value(u"decisions"_s).toArray().size(), 2);
        store.close();
    }

    void failedSaveIsReportedAndKeepsTheOldFile()
    {
        Filing f;
        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        store.confirm(f.idOf(u"registrant"_s));
        QVERIFY(store.save());
        const QByteArray good = readBytes(f.sidecar());

        QSignalSpy failed(&store, &ReviewStore::saveFailed);
        m_disk->setFailBeforeCommit(u"*"_s);
        store.reject(f.idOf(u"form_type"_s));
        QVERIFY(!store.save());
        m_disk->setFailBeforeCommit({});
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QDir::toNativeSeparators(f.sidecar())));
        QCOMPARE(readBytes(f.sidecar()), good);
        QVERIFY(store.hasUnsavedChanges()); // still to be written, not forgotten
        QVERIFY(store.save());
        QCOMPARE(readJson(f.sidecar()).value(u"decisions"_s).toArray().size(), 2);
    }

    void decisionsThatCannotBeWrittenOnCloseAreRescued()
    {
        Filing f;
        const QString rescue = SidecarFile::fallbackPath(f.content.sha256);
        QFile::remove(rescue);
        {
            ReviewStore store(m_disk);
            store.setAutosaveDelay(60000);
            store.open(f.content, f.extracted);
            store.confirm(f.idOf(u"registrant"_s));
            QVERIFY(store.save());
            store.setNote(f.idOf(u"drug"_s), u"first use in HER2+"_s);
            QSignalSpy failed(&store, &ReviewStore::saveFailed);
            QSignalSpy message(&store, &ReviewStore::message);
            m_disk->setFailBeforeCommit(f.sidecar()); // the disk is full
            store.close();
            m_disk->setFailBeforeCommit({});
            QCOMPARE(failed.size(), 1);
            QVERIFY(!message.isEmpty());
            QVERIFY(message.last().at(0).toString().contains(QDir::toNativeSeparators(rescue)));
        }
        QVERIFY(decisionIn(readJson(f.sidecar()), f.idOf(u"drug"_s)).isEmpty()); // old file intact
        QCOMPARE(decisionIn(readJson(rescue), f.idOf(u"drug"_s)).value(u"note"_s).toString(),
                 u"first use in HER2+"_s);

        ReviewStore again(m_disk);
        again.setAutosaveDelay(60000);
        again.open(f.content, f.extracted);
        QVERIFY2(again.messages().join(u'\n').contains(u"recovered"_s), qPrintable(again.messages().join(u'\n')));
        QCOMPARE(again.entity(f.idOf(u"drug"_s))->note, u"first use in HER2+"_s);
        QCOMPARE(again.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Confirmed);
        QVERIFY(again.hasUnsavedChanges());
        QVERIFY(again.save());
        QVERIFY(!QFileInfo::exists(rescue));
        QCOMPARE(decisionIn(readJson(f.sidecar()), f.idOf(u"drug"_s)).value(u"note"_s).toString(),
                 u"first use in HER2+"_s);
    }

    void unreadableSidecarIsLeftAlone_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("newer");
        Filing f;
        ReviewStore writer(m_disk);
        writer.open(f.content, f.extracted);
        writer.confirm(f.idOf(u"registrant"_s));
        writer.reject(f.idOf(u"form_type"_s));
        QVERIFY(writer.save());
        const QByteArray valid = readBytes(f.sidecar());
        writer.close();
        QTest::newRow("corrupt") << QByteArray("{\"schema\": \"filing-lens/review@1\", \"decisions\": [ {oops") << false;
        QTest::newRow("truncated") << valid.left(valid.size() - 40) << false;
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4) << false;
        QByteArray future = valid;
        future.replace("filing-lens/review@1", "filing-lens/review@3");
        QTest::newRow("newer schema") << future << true;
    }
    void unreadableSidecarIsLeftAlone()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, newer);
        Filing f;
        QVERIFY(writeBytes(f.sidecar(), bytes));
        {
            ReviewStore store(m_disk);
            store.setAutosaveDelay(60000);
            QSignalSpy message(&store, &ReviewStore::message);
            store.open(f.content, f.extracted);
            QVERIFY(!message.isEmpty());
            QVERIFY2(store.messages().join(u'\n').contains(u"immunogen-8k.txt.review.json"_s),
                     qPrintable(store.messages().join(u'\n')));
            // The filing opens, without decisions.
            QCOMPARE(store.count(), f.extracted.size());
            for (const Entity &e : store.entities())
                QCOMPARE(e.status, EntityStatus::Auto);
            QCOMPARE(store.isReadOnly(), newer);
            store.confirm(f.idOf(u"drug"_s));
            store.save();
        }
        // The bad bytes are still on disk, unchanged, and never overwritten.
        bool kept = false;
        for (const QString &name : filesIn(f.dir.path())) {
            if (name.startsWith(u"immunogen-8k.txt.review.json"_s) && readBytes(f.dir.filePath(name)) == bytes)
                kept = true;
        }
        QVERIFY(kept);
        if (newer) {
            QCOMPARE(readBytes(f.sidecar()), bytes);
        } else {
            // Moved aside, so the new decision has a file of its own.
            QCOMPARE(decisionIn(readJson(f.sidecar()), f.idOf(u"drug"_s)).value(u"status"_s).toString(),
                     u"confirmed"_s);
        }
    }

    void folderNotWritableUsesTheDataFolder()
    {
        Filing f;
        const QString fallback = SidecarFile::fallbackPath(f.content.sha256);
        QFile::remove(fallback);
        m_disk->setFolderWritable(false);
        {
            ReviewStore store(m_disk);
            store.open(f.content, f.extracted);
            QVERIFY(!store.isReadOnly());
            QCOMPARE(store.sidecarPath(), fallback);
            QVERIFY2(store.messages().join(u'\n').contains(QDir::toNativeSeparators(fallback)),
                     qPrintable(store.messages().join(u'\n')));
            store.confirm(f.idOf(u"registrant"_s));
            QVERIFY(store.save());
        }
        QCOMPARE(filesIn(f.dir.path()), QStringList{u"immunogen-8k.txt"_s});
        QCOMPARE(decisionIn(readJson(fallback), f.idOf(u"registrant"_s)).value(u"status"_s).toString(),
                 u"confirmed"_s);
        ReviewStore again(m_disk);
        again.open(f.content, f.extracted);
        QCOMPARE(again.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Confirmed);
        again.close();
        QFile::remove(fallback);
        QFile::remove(fallback + u".bak"_s);
    }

    void folderNotWritableByPermissions()
    {
        Filing f;
        QFile::setPermissions(f.dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        const bool denied = !QFile(f.dir.filePath(u"probe"_s)).open(QIODevice::WriteOnly);
        QFile::remove(f.dir.filePath(u"probe"_s));
        if (!denied) {
            QFile::setPermissions(f.dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QSKIP("running with rights that ignore folder permissions (root); "
                  "folderNotWritableUsesTheDataFolder covers the fallback");
        }
        const QString fallback = SidecarFile::fallbackPath(f.content.sha256);
        {
            ReviewStore store(m_disk);
            store.open(f.content, f.extracted);
            QCOMPARE(store.sidecarPath(), fallback);
            store.confirm(f.idOf(u"registrant"_s));
            QVERIFY(store.save());
        }
        QFile::setPermissions(f.dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(QFileInfo::exists(fallback));
        QFile::remove(fallback);
        QFile::remove(fallback + u".bak"_s);
    }

    void secondStoreOnOneFilingIsReadOnly()
    {
        Filing f;
        ReviewStore first(m_disk);
        first.setAutosaveDelay(60000);
        first.open(f.content, f.extracted);
        QVERIFY(!first.isReadOnly());
        QVERIFY(QFileInfo::exists(f.sidecar() + u".lock"_s));
        first.confirm(f.idOf(u"registrant"_s));
        QVERIFY(first.save());

        ReviewStore second(m_disk);
        second.open(f.content, f.extracted);
        QVERIFY(second.isReadOnly());
        QVERIFY2(second.readOnlyReason().contains(u"another window or program"_s),
                 qPrintable(second.readOnlyReason()));
        QVERIFY(second.messages().contains(second.readOnlyReason()));
        QCOMPARE(second.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Confirmed);
        const QByteArray bytes = readBytes(f.sidecar());
        second.reject(f.idOf(u"registrant"_s));
        second.setValue(f.idOf(u"report_date"_s), u"1999-01-01"_s);
        QVERIFY(second.add(f.extracted.at(0).span, u"ticker"_s).isEmpty());
        QCOMPARE(second.undoStack()->count(), 0);
        QCOMPARE(second.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Confirmed);
        QVERIFY(!second.save());
        second.close();
        QCOMPARE(readBytes(f.sidecar()), bytes);

        // Once the first lets go, an open second window takes over, or a new one opens writable.
        ReviewStore waiting(m_disk);
        waiting.open(f.content, f.extracted);
        QVERIFY(waiting.isReadOnly());
        QSignalSpy readOnlyChanged(&waiting, &ReviewStore::readOnlyChanged);
        first.close();
        QTRY_VERIFY_WITH_TIMEOUT(!waiting.isReadOnly(), 5000);
        QCOMPARE(readOnlyChanged.last().at(0).toBool(), false);
        waiting.reject(f.idOf(u"form_type"_s));
        QVERIFY(waiting.save());
        waiting.close();
        ReviewStore third(m_disk);
        third.open(f.content, f.extracted);
        QVERIFY(!third.isReadOnly());
        QCOMPARE(third.entity(f.idOf(u"form_type"_s))->status, EntityStatus::Rejected);
    }

    void staleLockIsTakenOver()
    {
        Filing f;
        // A lock left by a program that crashed: its process no longer exists.
        pid_t gone = 0;
        {
            QFile lock(f.sidecar() + u".lock"_s);
            QVERIFY(lock.open(QIODevice::WriteOnly));
            gone = 999999;
            while (::kill(gone, 0) == 0 || errno != ESRCH)
                --gone;
            lock.write(QByteArray::number(gone) + "\nfiling-lens\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        }
        ReviewStore store(m_disk);
        store.open(f.content, f.extracted);
        QVERIFY2(!store.isReadOnly(), qPrintable(store.readOnlyReason()));
    }

    void lockFromAnotherMachine_data()
    {
        QTest::addColumn<int>("ageMinutes");
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("fresh: someone is reviewing") << 2 << true;
        QTest::newRow("not refreshed for hours: stale") << 180 << false;
    }
    void lockFromAnotherMachine()
    {
        QFETCH(int, ageMinutes);
        QFETCH(bool, readOnly);
        Filing f;
        const QString lockPath = f.sidecar() + u".lock"_s;
        {
            QFile lock(lockPath);
            QVERIFY(lock.open(QIODevice::WriteOnly));
            lock.write("4242\nfiling-lens\nanother-workstation\n");
            lock.close();
            QVERIFY(lock.open(QIODevice::ReadOnly));
            QVERIFY(lock.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60 * ageMinutes),
                                     QFileDevice::FileModificationTime));
        }
        ReviewStore store(m_disk);
        store.open(f.content, f.extracted);
        QCOMPARE(store.isReadOnly(), readOnly);
        if (readOnly)
            QVERIFY2(store.readOnlyReason().contains(u"another-workstation"_s), qPrintable(store.readOnlyReason()));
    }

    void sidecarChangedOnDiskIsReloaded()
    {
        Filing f;
        ReviewStore owner(m_disk);
        owner.setAutosaveDelay(60000);
        owner.open(f.content, f.extracted);
        ReviewStore viewer(m_disk); // a second window: read-only, follows the owner's saves
        viewer.open(f.content, f.extracted);
        QVERIFY(viewer.isReadOnly());
        QSignalSpy viewerReset(&viewer, &ReviewStore::modelReset);
        owner.confirm(f.idOf(u"registrant"_s));
        QVERIFY(owner.save());
        QTRY_COMPARE_WITH_TIMEOUT(viewer.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Confirmed, 5000);
        QVERIFY(!viewerReset.isEmpty());

        // A change from elsewhere (a pull) reaches the owner when it has nothing unsaved.
        QSignalSpy message(&owner, &ReviewStore::message);
        SidecarData data = SidecarFile::load(f.sidecar()).data;
        data.decisions[0].status = u"rejected"_s;
        data.decisions[0].by = u"colleague"_s;
        QVERIFY(writeBytes(f.sidecar(), SidecarFile::serialize(data)));
        QTRY_COMPARE_WITH_TIMEOUT(owner.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Rejected, 5000);
        QCOMPARE(owner.entity(f.idOf(u"registrant"_s))->by, u"colleague"_s);
        QVERIFY(!message.isEmpty());
        QCOMPARE(owner.undoStack()->count(), 0);
    }

    void sidecarChangedOnDiskWithLocalChangesAsks()
    {
        Filing f;
        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        store.confirm(f.idOf(u"registrant"_s));
        QVERIFY(store.save());
        QSignalSpy conflict(&store, &ReviewStore::externalChangeConflict);

        store.setNote(f.idOf(u"drug"_s), u"local"_s); // unsaved
        SidecarData theirs = SidecarFile::load(f.sidecar()).data;
        theirs.decisions[0].note = u"theirs"_s;
        QVERIFY(writeBytes(f.sidecar(), SidecarFile::serialize(theirs)));
        QTRY_VERIFY_WITH_TIMEOUT(!conflict.isEmpty(), 5000);
        QCOMPARE(conflict.at(0).at(0).toString(), f.sidecar());
        QCOMPARE(store.entity(f.idOf(u"drug"_s))->note, u"local"_s); // nothing replaced behind the user

        store.keepLocalChanges();
        QVERIFY(!store.hasUnsavedChanges());
        QCOMPARE(decisionIn(readJson(f.sidecar()), f.idOf(u"drug"_s)).value(u"note"_s).toString(), u"local"_s);
        QCOMPARE(decisionIn(readJson(f.sidecar()), f.idOf(u"registrant"_s)).value(u"note"_s).toString(), QString());

        conflict.clear();
        store.setNote(f.idOf(u"drug"_s), u"local again"_s);
        QVERIFY(writeBytes(f.sidecar(), SidecarFile::serialize(theirs)));
        QTRY_VERIFY_WITH_TIMEOUT(!conflict.isEmpty(), 5000);
        store.reloadFromDisk();
        QCOMPARE(store.entity(f.idOf(u"registrant"_s))->note, u"theirs"_s);
        QCOMPARE(store.entity(f.idOf(u"drug"_s))->note, QString());
        QVERIFY(!store.hasUnsavedChanges());
    }

    void handWrittenSidecarIsApplied()
    {
        Filing f;
        const QString page2 = f.content.text.pages.at(1);
        const int chicago = int(page2.indexOf(u"Chicago"_s));
        const QString registrant = f.idOf(u"registrant"_s);
        const QByteArray json = QStringLiteral(R"({
  "schema": "filing-lens/review@1",
  "offsetUnit": "codepoint",
  "document": {"file": "immunogen-8k.txt", "sha256": "%1", "pages": 2, "format": "text"},
  "savedAt": "2026-11-20T09:00:00Z",
  "decisions": [
    {"id": "%2", "status": "corrected", "type": "registrant", "value": "ImmunoGen Inc",
     "anchor": {"page": 1, "start": 0, "end": 0, "exact": "ImmunoGen, Inc.", "prefix": "", "suffix": ""},
     "attributes": {}, "note": "", "by": "kim", "at": "2026-11-20T08:59:00Z"},
    {"id": "organization@2:%3-%4", "status": "added", "type": "organization", "value": "Chicago",
     "anchor": {"page": 2, "start": %3, "end": %4, "exact": "Chicago", "prefix": "", "suffix": ""},
     "attributes": {"kind": "city"}, "note": "venue", "by": "kim", "at": "2026-11-20T08:59:30Z"},
    {"id": "%5", "status": "rejected", "type": "exhibit", "value": "99.1",
     "anchor": {"page": 2, "start": 0, "end": 0, "exact": "", "prefix": "", "suffix": ""},
     "attributes": {}, "note": "", "by": "kim", "at": "2026-11-20T08:59:40Z"}
  ],
  "history": [{"at": "2026-11-20T08:59:00Z", "by": "kim", "op": "edit", "id": "%2",
               "from": {"value": "ImmunoGen, Inc."}, "to": {"value": "ImmunoGen Inc"}}]
})")
                                   .arg(f.content.sha256, registrant)
                                   .arg(chicago)
                                   .arg(chicago + 7)
                                   .arg(f.idOf(u"exhibit"_s))
                                   .toUtf8();
        QVERIFY(writeBytes(f.sidecar(), json));
        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        QVERIFY2(store.messages().isEmpty(), qPrintable(store.messages().join(u'\n')));
        const Entity *r = store.entity(registrant);
        QVERIFY(r);
        QCOMPARE(r->status, EntityStatus::Corrected);
        QCOMPARE(r->value, u"ImmunoGen Inc"_s);
        QCOMPARE(r->by, u"kim"_s);
        QCOMPARE(r->at, QDateTime(QDate(2026, 11, 20), QTime(8, 59), Qt::UTC));
        const Entity *added = store.entity(u"organization@2:%1-%2"_s.arg(chicago).arg(chicago + 7));
        QVERIFY(added);
        QCOMPARE(added->status, EntityStatus::Added);
        QCOMPARE(added->span, (SourceSpan{1, chicago, chicago + 7}));
        QCOMPARE(added->text, u"Chicago"_s);
        QCOMPARE(added->note, u"venue"_s);
        QCOMPARE(added->attributes.value(u"kind"_s), u"city"_s);
        QCOMPARE(store.entity(f.idOf(u"exhibit"_s))->status, EntityStatus::Rejected);
        QCOMPARE(store.count(), f.extracted.size() + 1);
        QCOMPARE(store.history().size(), 1);
        QVERIFY(!QFileInfo::exists(f.sidecar() + u".bak"_s)); // opening alone writes nothing
        QCOMPARE(readBytes(f.sidecar()), json);
    }

    void decisionsFollowAChangedFiling()
    {
        Filing f;
        const QString registrant = f.idOf(u"registrant"_s);
        const QString address = f.idOf(u"state_of_incorporation"_s);
        const QString phone = f.idOf(u"registrant_phone"_s);
        {
            ReviewStore store(m_disk);
            store.open(f.content, f.extracted);
            store.setValue(registrant, u"ImmunoGen Inc"_s);
            store.setNote(address, u"incorporated 1981"_s);
            store.confirm(phone);
            store.confirm(f.idOf(u"drug"_s));
        }
        // The filing is replaced by an amended version: text inserted before the
        // spans, whitespace changed inside one, and the state line deleted.
        QByteArray text = readBytes(f.path);
        text.replace("FORM 8-K", "FORM 8-K/A\n\nAmendment No. 1 (adds the exhibit index)");
        text.replace("(617) 995-2500", "(617)  995-2500");
        text.replace("Massachusetts (State or other jurisdiction of incorporation)\n\n", "");
        QVERIFY(writeBytes(f.path, text));
        f.reload();
        QVERIFY(f.idOf(u"registrant"_s) != registrant); // the extractor's ids moved with the text

        {
            ReviewStore store(m_disk);
            store.setAutosaveDelay(60000);
            store.open(f.content, f.extracted);
            QVERIFY(store.messages().join(u'\n').contains(u"could not be placed"_s));
            const Entity *r = store.entity(registrant);
            QVERIFY(r);
            QCOMPARE(r->status, EntityStatus::Corrected);
            QCOMPARE(r->value, u"ImmunoGen Inc"_s);
            QCOMPARE(f.content.text.textAt(r->span), u"ImmunoGen, Inc."_s);
            QVERIFY(!store.entity(f.idOf(u"registrant"_s))); // absorbed: no duplicate
            const Entity *p = store.entity(phone);
            QVERIFY(p);
            QCOMPARE(p->status, EntityStatus::Confirmed);
            QCOMPARE(p->text, u"(617)  995-2500"_s);
            const Entity *orphan = store.entity(address);
            QVERIFY(orphan);
            QVERIFY(orphan->orphan);
            QVERIFY(!orphan->span.isValid());
            QCOMPARE(orphan->text, u"Massachusetts"_s);
            QCOMPARE(orphan->note, u"incorporated 1981"_s);
            QCOMPARE(store.entity(f.idOf(u"drug"_s))->status, EntityStatus::Confirmed); // same place
            QVERIFY(store.save());
        }
        const QJsonObject root = readJson(f.sidecar());
        QCOMPARE(root.value(u"document"_s).toObject().value(u"sha256"_s).toString(), f.content.sha256);
        const QJsonObject kept = decisionIn(root, address);
        QCOMPARE(kept.value(u"note"_s).toString(), u"incorporated 1981"_s);
        QCOMPARE(kept.value(u"anchor"_s).toObject().value(u"exact"_s).toString(), u"Massachusetts"_s);
        const QJsonObject moved = decisionIn(root, registrant).value(u"anchor"_s).toObject();
        QCOMPARE(moved.value(u"start"_s).toInt(), int(f.content.text.pages.at(0).indexOf(u"ImmunoGen, Inc."_s)));

        // And once more: the orphan survives another open and save.
        ReviewStore again(m_disk);
        again.open(f.content, f.extracted);
        QVERIFY(again.entity(address) && again.entity(address)->orphan);
        QCOMPARE(again.entity(registrant)->value, u"ImmunoGen Inc"_s);
    }

    void realFilingAmended()
    {
        // Apple's 1994 10-K: "Apple" and "Macintosh" occur 155 times; every one is
        // reviewed, then the filing gains a paragraph near the top and a reflowed
        // line. Each decision must land on its own occurrence again.
        FL_REQUIRE_CORPUS(source, "10k/0000320193-94-000016.txt");
        const QByteArray original = readBytes(source);
        Filing f(original);
        auto everyMention = [](const DocumentContent &c) {
            EntityList out;
            for (const QString &word : {u"Apple"_s, u"Macintosh"_s}) {
                const QString type = word == u"Apple"_s ? u"organization"_s : u"drug"_s;
                const QString &page = c.text.pages.at(0);
                for (qsizetype at = page.indexOf(word); at >= 0; at = page.indexOf(word, at + 1)) {
                    Entity e;
                    e.type = type;
                    e.span = SourceSpan{0, int(at), int(at + word.size())};
                    e.text = word;
                    e.value = word;
                    e.origin = u"test"_s;
                    e.id = Entity::makeId(type, e.span, page);
                    out.append(e);
                }
            }
            return out;
        };
        f.extracted = everyMention(f.content);
        QCOMPARE(f.extracted.size(), 155);
        QStringList ids;
        {
            ReviewStore store(m_disk);
            store.open(f.content, f.extracted);
            for (int i = 0; i < f.extracted.size(); ++i) {
                ids << f.extracted.at(i).id;
                store.setNote(f.extracted.at(i).id, u"mention %1"_s.arg(i));
            }
        }
        QByteArray amended = original;
        const qsizetype item1 = amended.indexOf("Item 1.");
        QVERIFY(item1 > 0);
        amended.insert(item1, "Amendment No. 1 restates the description of Apple's business below.\n\n");
        const qsizetype line = amended.indexOf("Macintosh", amended.size() / 2);
        amended.insert(line, "\n   ");
        QVERIFY(writeBytes(f.path, amended));
        f.content = ReviewFixture::contentOf(f.path);
        f.extracted = everyMention(f.content);
        QCOMPARE(f.extracted.size(), 156); // the amendment mentions Apple once more

        ReviewStore store(m_disk);
        store.setAutosaveDelay(60000);
        store.open(f.content, f.extracted);
        QCOMPARE(store.count(), 156); // each decision absorbed its extraction: no duplicates
        QSet<int> starts;
        for (int i = 0; i < ids.size(); ++i) {
            const Entity *e = store.entity(ids.at(i));
            QVERIFY(e);
            QVERIFY(!e->orphan);
            QCOMPARE(e->note, u"mention %1"_s.arg(i));
            QCOMPARE(f.content.text.textAt(e->span), e->text);
            starts.insert(e->span.start);
        }
        QCOMPARE(starts.size(), ids.size());
        // The only mention without a decision is the one the amendment brought.
        const int inserted = int(f.content.text.pages.at(0).indexOf(u"Apple's business below"_s));
        for (const Entity &e : store.entities())
            QCOMPARE(e.note.isEmpty(), e.span.start == inserted);
    }

    void readOnlyModeOnlyApplies()
    {
        Filing f;
        {
            ReviewStore store(m_disk);
            store.open(f.content, f.extracted);
            store.reject(f.idOf(u"form_type"_s));
        }
        const QStringList files = filesIn(f.dir.path());
        const QByteArray bytes = readBytes(f.sidecar());
        ReviewStore owner(m_disk); // a GUI holding the lock does not stop a headless export
        owner.open(f.content, f.extracted);

        ReviewStore headless(m_disk);
        headless.open(f.content, f.extracted, ReviewStore::OpenMode::ReadOnly);
        QVERIFY(headless.isReadOnly());
        QCOMPARE(headless.entity(f.idOf(u"form_type"_s))->status, EntityStatus::Rejected);
        headless.confirm(f.idOf(u"registrant"_s));
        QCOMPARE(headless.entity(f.idOf(u"registrant"_s))->status, EntityStatus::Auto);
        headless.close();

        QStringList messages;
        const EntityList applied = ReviewStore::applySidecar(f.content, f.extracted, &messages);
        QCOMPARE(applied.size(), f.extracted.size());
        QVERIFY(messages.isEmpty());
        for (const Entity &e : applied)
            QCOMPARE(e.status, e.id == f.idOf(u"form_type"_s) ? EntityStatus::Rejected : EntityStatus::Auto);
        owner.close();
        QCOMPARE(filesIn(f.dir.path()), files);
        QCOMPARE(readBytes(f.sidecar()), bytes);
    }

    void fiveThousandDecisions()
    {
        // A long filing with 5,000 reviewed entities survives a round trip intact.
        // The timings are printed for the record; the benchmark judges them.
        QString page;
        EntityList extracted;
        for (int i = 0; i < 5000; ++i) {
            const QString word = u"Entity number %1 reported"_s.arg(i);
            Entity e;
            e.type = u"organization"_s;
            e.span = SourceSpan{0, int(page.size()), int(page.size() + word.size())};
            page += word + u"; "_s;
            e.text = word;
            e.value = word;
            e.origin = u"test"_s;
            extracted.append(e);
        }
        // ASCII text: code points are UTF-16 offsets (Entity::makeId per entity would be quadratic).
        for (Entity &e : extracted)
            e.id = u"organization@1:%1-%2"_s.arg(e.span.start).arg(e.span.end);
        QCOMPARE(extracted.last().id, Entity::makeId(extracted.last().type, extracted.last().span, page));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"long.txt"_s);
        QVERIFY(writeBytes(path, page.toUtf8()));
        const DocumentContent content = ReviewFixture::contentOf(path);

        QStringList before;
        {
            ReviewStore store(m_disk);
            store.setAutosaveDelay(60000);
            store.open(content, extracted);
            for (int i = 0; i < extracted.size(); ++i) {
                if (i % 3 == 0)
                    store.confirm(extracted.at(i).id);
                else if (i % 3 == 1)
                    store.reject(extracted.at(i).id);
                else
                    store.setValue(extracted.at(i).id, u"corrected %1"_s.arg(i));
            }
            QElapsedTimer t;
            t.start();
            QVERIFY(store.save());
            qInfo("save of 5000 decisions: %lld ms", t.elapsed());
            before = reviewState(store);
        }
        QElapsedTimer t;
        t.start();
        ReviewStore store(m_disk);
        store.open(content, extracted);
        qInfo("open with 5000 decisions: %lld ms", t.elapsed());
        QCOMPARE(reviewState(store), before);
    }

private:
    // The disk every store of a test writes through; init() clears its faults.
    std::shared_ptr<FaultyDisk> m_disk = std::make_shared<FaultyDisk>();
};

QTEST_GUILESS_MAIN(TestReviewStore)
#include "tst_reviewstore.moc"
