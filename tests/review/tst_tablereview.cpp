// Decisions on tables: kept by the review store as one undo step each, journaled and
// saved in the review file beside the entity decisions; applied to the tables read by
// TableReview (status, corrected value, label, header and scale); re-anchored in a
// changed filing; a review file without them loads and saves as before; decisions this
// version cannot use are kept as they are.
#include "../testutils.h"

#include <cstdio>
#include "document/filingdocument.h"
#include "extract/tablereader.h"
#include "review/reviewstore.h"
#include "review/sidecarfile.h"
#include "session/filingsession.h"
#include "session/tablereview.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QThread>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The review file without its savedAt line, which every save renews.
QByteArray withoutSavedAt(QByteArray bytes)
{
    const qsizetype at = bytes.indexOf("\"savedAt\"");
    if (at >= 0)
        bytes.remove(at, bytes.indexOf('\n', at) - at);
    return bytes;
}

struct Filing
{
    QString path;
    DocumentContent content;
    EntityList entities;
    TableList tables;
};

Filing load(const QString &path)
{
    Filing f;
    f.path = path;
    LoadError error;
    const auto document = FilingSession::load(path, {}, &error);
    if (!document)
        return f;
    f.content = document->content();
    f.entities = FilingSession::extract(f.content);
    f.tables = FilingSession::tables(f.content);
    return f;
}

const TableCell *cellWith(const FilingTable &table, const QString &label, const QString &text)
{
    for (const TableCell &c : table.cells) {
        if (c.text == text && table.rowHeaders.value(c.row).endsWith(label))
            return &c;
    }
    return nullptr;
}

const TableCell *labelCell(const FilingTable &table, const QString &text)
{
    for (const TableCell &c : table.cells) {
        if (c.rowLabel && c.text == text)
            return &c;
    }
    return nullptr;
}

} // namespace

class TestTableReview : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_copies = 0;

    // A fresh copy of the statements fixture (its review file goes beside it).
    QString copy(const QByteArray &insertBeforeTable = {})
    {
        QByteArray bytes = readBytes(TestUtils::dataPath(u"tables/statements.html"_s));
        if (!insertBeforeTable.isEmpty())
            bytes.replace("<p>ACME CORP</p>", QByteArray(QByteArray("<p>ACME CORP</p>\n") + insertBeforeTable));
        const QString path = m_dir.filePath(u"statements-%1.html"_s.arg(++m_copies));
        return writeBytes(path, bytes) ? path : QString();
    }

    static TableList reviewedBy(const ReviewStore &store, const Filing &f)
    {
        return TableReview::apply(f.content, f.tables, store.tableDecisions()).tables;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("USER", "tester");
    }

    void decisionsApplyAndRoundTrip()
    {
        const Filing f = load(copy());
        QVERIFY(f.tables.size() >= 2);
        const TableList fresh = TableReview::apply(f.content, f.tables, {}).tables;
        const FilingTable &income = fresh.first();
        QCOMPARE(income.status, u"auto"_s);
        QCOMPARE(income.reviewId, income.id(f.content.text.pages.at(income.span.page)));

        ReviewStore store;
        store.setAutosaveDelay(60000);
        store.open(f.content, f.entities);
        const EntityList entitiesBefore = store.entities();

        const TableCell *biopharma = cellWith(income, u"Biopharma"_s, u"1,234"_s);
        QVERIFY(biopharma);
        store.setCellText(TableReview::refOf(f.content, income, *biopharma), u"1,243"_s);
        QCOMPARE(store.undoStack()->text(store.undoStack()->count() - 1),
                 u"Edit cell Biopharma | July 2, 2023: 1,234 → 1,243"_s);
        const TableCell *alliance = labelCell(income, u"Alliance"_s);
        QVERIFY(alliance);
        store.setCellText(TableReview::refOf(f.content, income, *alliance), u"Alliances"_s);
        store.confirmTable(TableReview::refOf(f.content, income, income.scale));
        store.rejectTable(TableReview::refOf(f.content, fresh.at(1), fresh.at(1).scale));
        QCOMPARE(store.undoStack()->count(), 4);
        QCOMPARE(store.tableDecisions().size(), 4);

        TableList reviewed = reviewedBy(store, f);
        const FilingTable &t0 = reviewed.first();
        QCOMPARE(t0.status, u"corrected"_s); // confirmed, with corrected cells
        const TableCell *fixed = cellWith(t0, u"Biopharma"_s, u"1,234"_s);
        QCOMPARE(fixed->value, u"1243000000"_s); // the stated scale applies to what was typed
        QCOMPARE(fixed->corrected, u"1,243"_s);
        QCOMPARE(fixed->status, u"corrected"_s);
        QCOMPARE(t0.rowHeaders.value(alliance->row), income.rowHeaders.value(alliance->row).replace(u"Alliance"_s, u"Alliances"_s));
        QVERIFY(t0.rowHeaders.value(alliance->row) != income.rowHeaders.value(alliance->row));
        // The other cells of a confirmed table are confirmed, untouched.
        const TableCell *loss = cellWith(t0, u"Net loss"_s, u"(1,234)"_s);
        QCOMPARE(loss->status, u"confirmed"_s);
        QCOMPARE(loss->value, u"-1234000000"_s);
        QCOMPARE(reviewed.at(1).status, u"rejected"_s);
        for (const TableCell &c : reviewed.at(1).cells)
            QCOMPARE(c.status, u"rejected"_s);
        QCOMPARE(TableReview::forExport(reviewed, false).size(), reviewed.size() - 1);
        QCOMPARE(TableReview::forExport(reviewed, true).size(), reviewed.size());

        // Undo and redo of the reject.
        store.undoStack()->undo();
        QCOMPARE(reviewedBy(store, f).at(1).status, u"auto"_s);
        store.undoStack()->redo();
        QCOMPARE(reviewedBy(store, f).at(1).status, u"rejected"_s);

        // The entities were not touched by any of it.
        QCOMPARE(store.entities().size(), entitiesBefore.size());
        for (int i = 0; i < entitiesBefore.size(); ++i)
            QCOMPARE(store.entities().at(i).status, entitiesBefore.at(i).status);

        // Saved with the history, and back in a new store.
        QVERIFY(store.save());
        const QJsonArray history = store.history();
        QCOMPARE(history.size(), 4);
        QCOMPARE(history.at(3).toObject().value(u"op"_s).toString(), u"reject"_s);
        const QList<SidecarDecision> saved = store.tableDecisions();
        store.close();
        const SidecarFile::LoadResult file = SidecarFile::load(SidecarFile::pathBeside(f.path));
        QCOMPARE(file.status, SidecarFile::LoadStatus::Loaded);
        QCOMPARE(file.data.decisions.size(), 4);

        ReviewStore again;
        again.open(f.content, f.entities);
        QCOMPARE(again.tableDecisions().size(), saved.size());
        for (int i = 0; i < saved.size(); ++i) {
            QCOMPARE(again.tableDecisions().at(i).id, saved.at(i).id);
            QCOMPARE(again.tableDecisions().at(i).value, saved.at(i).value);
            QCOMPARE(again.tableDecisions().at(i).status, saved.at(i).status);
        }
        QCOMPARE(cellWith(reviewedBy(again, f).first(), u"Biopharma"_s, u"1,234"_s)->value, u"1243000000"_s);
        // Typing the text as read takes the correction back.
        again.setCellText(TableReview::refOf(f.content, reviewedBy(again, f).first(),
                                             *cellWith(reviewedBy(again, f).first(), u"Biopharma"_s, u"1,234"_s)),
                          u"1,234"_s);
        QVERIFY(!again.tableDecision(biopharma->reviewId));
        QCOMPARE(cellWith(reviewedBy(again, f).first(), u"Biopharma"_s, u"1,234"_s)->value, u"1234000000"_s);
    }

    void scaleFixRescalesAmountsOnly()
    {
        const Filing f = load(copy());
        const TableList fresh = TableReview::apply(f.content, f.tables, {}).tables;
        const FilingTable &income = fresh.first();
        QCOMPARE(income.scale, u"millions"_s);
        ReviewStore store;
        store.open(f.content, f.entities);
        store.setTableScale(TableReview::refOf(f.content, income, income.scale), u"thousands"_s);
        QCOMPARE(store.undoStack()->text(0).left(24), u"Set scale of table CONDE"_s);
        const FilingTable t = reviewedBy(store, f).first();
        QCOMPARE(t.scale, u"thousands"_s);
        QVERIFY(t.scaleCorrected);
        QCOMPARE(t.status, u"corrected"_s);
        for (int i = 0; i < t.cells.size(); ++i) {
            const TableCell &before = income.cells.at(i);
            const TableCell &after = t.cells.at(i);
            if (TableReview::isAmount(before)) {
                QVERIFY2(TableReader::sameNumber(after.value,
                                                 TableReader::scaled(before.value, -3)),
                         qPrintable(before.text + u" "_s + after.value));
                QCOMPARE(after.scale, u"thousands"_s);
                QCOMPARE(after.status, u"corrected"_s);
            } else {
                // Per-share figures, percentages, share counts and labels keep their value,
                // and nobody confirmed them: a scale fix is no confirmation.
                QCOMPARE(after.value, before.value);
                QCOMPARE(after.scale, before.scale);
                QCOMPARE(after.status, u"auto"_s);
            }
        }
        // The figures the fixture has of each kind, by name.
        QCOMPARE(cellWith(t, u"Biopharma"_s, u"1,234"_s)->value, u"1234000"_s);
        QCOMPARE(cellWith(t, u"diluted"_s, u"1.25"_s)->value, u"1.25"_s);
        QCOMPARE(cellWith(t, u"Gross margin"_s, u"45.5"_s)->value, u"45.5"_s);
        QCOMPARE(cellWith(t, u"outstanding"_s, u"2,000"_s)->value, cellWith(income, u"outstanding"_s, u"2,000"_s)->value);
        // Back to the stated scale: the fix is gone.
        store.setTableScale(TableReview::refOf(f.content, t, income.scale), u"millions"_s);
        QVERIFY(!reviewedBy(store, f).first().scaleCorrected);
        QCOMPARE(cellWith(reviewedBy(store, f).first(), u"Biopharma"_s, u"1,234"_s)->value, u"1234000000"_s);
        store.undoStack()->undo();
        QCOMPARE(cellWith(reviewedBy(store, f).first(), u"Biopharma"_s, u"1,234"_s)->value, u"1234000"_s);
    }

    void correctedFigureCheckedAgainstItsTag()
    {
        // A corrected figure of an inline-XBRL table is checked against its tag again:
        // another value differs from the filed fact, the tag's own value agrees.
        const QString path = m_dir.filePath(u"ixbrl-%1.html"_s.arg(++m_copies));
        QVERIFY(writeBytes(path, readBytes(TestUtils::dataPath(u"tables/ixbrl-table.html"_s))));
        const Filing f = load(path);
        const TableList fresh = TableReview::apply(f.content, f.tables, {}).tables;
        int table = -1;
        int cell = -1;
        for (int t = 0; t < fresh.size() && cell < 0; ++t) {
            for (int c = 0; c < fresh.at(t).cells.size(); ++c) {
                if (fresh.at(t).cells.at(c).xbrl == u"agrees"_s) {
                    table = t;
                    cell = c;
                    break;
                }
            }
        }
        QVERIFY2(cell >= 0, "the fixture has a figure that agrees with its tag");
        const TableCell original = fresh.at(table).cells.at(cell);
        ReviewStore store;
        store.open(f.content, f.entities);
        const TableRef ref = TableReview::refOf(f.content, fresh.at(table), original);
        store.setCellText(ref, u"987,654"_s);
        const TableCell changed = reviewedBy(store, f).at(table).cells.at(cell);
        QCOMPARE(changed.status, u"corrected"_s);
        QCOMPARE(changed.xbrl, u"differs"_s);
        store.setCellText(ref, original.text);
        QCOMPARE(reviewedBy(store, f).at(table).cells.at(cell).xbrl, u"agrees"_s);
        // A scale fix that changes the figure's magnitude no longer agrees either.
        const QString other = fresh.at(table).scale == u"thousands"_s ? u"millions"_s : u"thousands"_s;
        store.undoStack()->undo();
        store.undoStack()->undo();
        if (TableReview::isAmount(original)) {
            store.setTableScale(TableReview::refOf(f.content, fresh.at(table), fresh.at(table).scale), other);
            QCOMPARE(reviewedBy(store, f).at(table).cells.at(cell).xbrl, u"differs"_s);
        }
    }

    void reviewFileWithoutTablesUnchanged()
    {
        // A review file as the previous version writes it: entity decisions and history only.
        const Filing f = load(copy());
        QVERIFY(f.entities.size() >= 2);
        const QString sidecar = SidecarFile::pathBeside(f.path);
        {
            ReviewStore store;
            store.open(f.content, f.entities);
            store.confirm(f.entities.at(0).id);
            store.reject(f.entities.at(1).id);
            QVERIFY(store.save());
            QVERIFY(store.tableDecisions().isEmpty());
        }
        const QByteArray bytes = readBytes(sidecar);
        QVERIFY(!bytes.contains("table"));
        ReviewStore store;
        store.open(f.content, f.entities);
        QVERIFY(store.messages().isEmpty());
        QCOMPARE(store.entity(f.entities.at(0).id)->status, EntityStatus::Confirmed);
        QCOMPARE(store.entity(f.entities.at(1).id)->status, EntityStatus::Rejected);
        QVERIFY(store.save()); // nothing changed: nothing written
        QCOMPARE(readBytes(sidecar), bytes);
        store.keepLocalChanges(); // written now, whole
        QCOMPARE(withoutSavedAt(readBytes(sidecar)), withoutSavedAt(bytes));

        // With table decisions too, a round trip keeps every byte but the time.
        store.rejectTable(TableReview::refOf(f.content, TableReview::apply(f.content, f.tables, {}).tables.first(), QString()));
        QVERIFY(store.save());
        const QByteArray both = readBytes(sidecar);
        store.close();
        ReviewStore reopened;
        reopened.open(f.content, f.entities);
        reopened.keepLocalChanges();
        QCOMPARE(withoutSavedAt(readBytes(sidecar)), withoutSavedAt(both));
    }

    void journalSurvivesWithoutSave()
    {
        // A change journaled and never folded (the program killed): the next reader sees it.
        const Filing f = load(copy());
        const TableList fresh = TableReview::apply(f.content, f.tables, {}).tables;
        auto *store = new ReviewStore;
        store->setAutosaveDelay(600000);
        store->open(f.content, f.entities);
        store->rejectTable(TableReview::refOf(f.content, fresh.first(), fresh.first().scale));
        store->waitForJournal();
        QVERIFY(store->isDurable());
        QVERIFY(!QFileInfo::exists(SidecarFile::pathBeside(f.path)));
        // Read only, as `tables` reads it while the window holds the lock.
        QStringList messages;
        const TableList headless = TableReview::reviewed(f.content, f.tables, &messages);
        QCOMPARE(headless.first().status, u"rejected"_s);
        delete store;
    }

    void killedAfterJournalLosesNothing()
    {
        // A program that made two table decisions, saw them durable and was killed with
        // SIGKILL before any save: `tables` shows them (journal, read only), and the next
        // store replays them and folds them into the review file.
        const QString path = copy();
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"FL_TABLE_DECISIONS_CHILD"_s, path);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        while (!out.contains("durable") && child.waitForReadyRead(60000))
            out += child.readAllStandardOutput();
        QVERIFY2(out.contains("durable"), out.constData());
        child.kill(); // SIGKILL: no close, no flush, no save
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QVERIFY(!QFileInfo::exists(SidecarFile::pathBeside(path)));
        QVERIFY(QFileInfo(SidecarFile::pathBeside(path) + u".journal"_s).size() > 0);

        const Filing f = load(path);
        const TableList headless = TableReview::reviewed(f.content, f.tables);
        QCOMPARE(headless.at(1).status, u"rejected"_s);
        QCOMPARE(cellWith(headless.first(), u"Biopharma"_s, u"1,234"_s)->value, u"1243000000"_s);

        QProcess cli;
        cli.start(QStringLiteral(FILINGLENS_BINARY), {u"tables"_s, u"--csv"_s, u"-"_s, path});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
        const QString csv = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY(csv.contains(u",\"1,234\",1243000000,USD,millions,"_s));
        QVERIFY(!csv.contains(headless.at(1).reviewId));

        ReviewStore store;
        store.open(f.content, f.entities);
        QVERIFY(!store.isReadOnly()); // the killed program's lock is stale
        QCOMPARE(store.tableDecisions().size(), 2);
        QVERIFY(store.save());
        store.close();
        const SidecarFile::LoadResult file = SidecarFile::load(SidecarFile::pathBeside(path));
        QCOMPARE(file.status, SidecarFile::LoadStatus::Loaded);
        QCOMPARE(file.data.decisions.size(), 2);
    }

    void reanchoredInChangedFiling()
    {
        const Filing original = load(copy());
        const TableList fresh = TableReview::apply(original.content, original.tables, {}).tables;
        const FilingTable &income = fresh.first();
        const FilingTable &segments = fresh.at(1);
        QList<SidecarDecision> decisions;
        {
            ReviewStore store;
            store.open(original.content, original.entities);
            store.setCellText(TableReview::refOf(original.content, income,
                                                 *cellWith(income, u"Biopharma"_s, u"1,234"_s)),
                              u"1,243"_s);
            store.rejectTable(TableReview::refOf(original.content, segments, segments.scale));
            store.setTableScale(TableReview::refOf(original.content, income, income.scale), u"thousands"_s);
            decisions = store.tableDecisions();
        }
        // The same filing with a paragraph inserted before the tables: every offset moves.
        const QString changedPath = copy("<p>A paragraph added in an amendment, before every table of the filing.</p>");
        QFile::copy(SidecarFile::pathBeside(original.path), SidecarFile::pathBeside(changedPath));
        const Filing changed = load(changedPath);
        QVERIFY(changed.content.sha256 != original.content.sha256);
        QVERIFY(changed.tables.first().span.start > income.span.start);

        ReviewStore store;
        store.open(changed.content, changed.entities);
        QCOMPARE(store.tableDecisions().size(), decisions.size());
        const TableReview::Result r = TableReview::apply(changed.content, changed.tables, store.tableDecisions());
        QCOMPARE(r.placed, 3);
        QCOMPARE(r.reanchored, 3);
        QVERIFY(r.orphans.isEmpty());
        QCOMPARE(cellWith(r.tables.first(), u"Biopharma"_s, u"1,234"_s)->value, u"1243000"_s);
        QCOMPARE(r.tables.first().reviewId, income.reviewId); // the saved id, kept
        QCOMPARE(r.tables.at(1).status, u"rejected"_s);

        // A table gone from the filing: its decision is an orphan, kept in the file.
        QByteArray bytes = readBytes(changedPath);
        const qsizetype from = bytes.indexOf("<p>Segment results");
        const qsizetype to = bytes.indexOf("</table>", from) + 8;
        bytes.remove(from, to - from);
        const QString shorterPath = m_dir.filePath(u"statements-shorter.html"_s);
        QVERIFY(writeBytes(shorterPath, bytes));
        QFile::copy(SidecarFile::pathBeside(original.path), SidecarFile::pathBeside(shorterPath));
        const Filing shorter = load(shorterPath);
        ReviewStore third;
        third.open(shorter.content, shorter.entities);
        const TableReview::Result r3 = TableReview::apply(shorter.content, shorter.tables, third.tableDecisions());
        QCOMPARE(r3.orphans, QStringList{segments.reviewId});
        QVERIFY(!r3.messages.isEmpty());
        third.confirmTable(TableReview::refOf(shorter.content, r3.tables.first(), r3.tables.first().scale));
        QVERIFY(third.save());
        third.close();
        QVERIFY(readBytes(SidecarFile::pathBeside(shorterPath)).contains(segments.reviewId.toUtf8()));
    }

    void malformedTableDecisions()
    {
        const Filing f = load(copy());
        const TableList fresh = TableReview::apply(f.content, f.tables, {}).tables;
        const FilingTable &income = fresh.first();
        const TableCell *biopharma = cellWith(income, u"Biopharma"_s, u"1,234"_s);
        SidecarData data;
        data.file = f.content.fileName;
        data.sha256 = f.content.sha256;
        data.format = u"html"_s;
        const auto decision = [&](const QString &id, const QString &type, const QString &status,
                                  const QMap<QString, QString> &attributes, const QString &value = {}) {
            SidecarDecision d;
            d.id = id;
            d.type = type;
            d.status = status;
            d.value = value;
            d.attributes = attributes;
            return d;
        };
        data.decisions = {
            decision(income.reviewId, u"table"_s, u"added"_s, {}),                                  // no such status for a table
            decision(income.reviewId, u"table"_s, u"corrected"_s, {{u"scale"_s, u"gazillions"_s}}), // no such scale
            decision(biopharma->reviewId, u"table_cell"_s, u"corrected"_s, {{u"field"_s, u"colour"_s}}, u"red"_s),
            decision(u"table_cell@99:1-2"_s, u"table_cell"_s, u"corrected"_s, {{u"field"_s, u"value"_s}}, u"7"_s),
        };
        const QString sidecar = SidecarFile::pathBeside(f.path);
        QVERIFY(writeBytes(sidecar, SidecarFile::serialize(data)));
        ReviewStore store;
        store.open(f.content, f.entities);
        QCOMPARE(store.tableDecisions().size(), 3); // the duplicate id: the first one wins
        const TableReview::Result r = TableReview::apply(f.content, f.tables, store.tableDecisions());
        QCOMPARE(r.unusable.size(), 2);
        QCOMPARE(r.orphans.size(), 1);
        QCOMPARE(r.messages.size(), 2);
        QCOMPARE(r.tables.first().cells.size(), income.cells.size());
        QCOMPARE(r.tables.first().status, u"auto"_s);
        QCOMPARE(cellWith(r.tables.first(), u"Biopharma"_s, u"1,234"_s)->value, u"1234000000"_s);
        // Kept as they are when something else is saved.
        store.rejectTable(TableReview::refOf(f.content, r.tables.at(1), r.tables.at(1).scale));
        QVERIFY(store.save());
        store.close();
        const QByteArray bytes = readBytes(sidecar);
        QVERIFY(bytes.contains("\"added\""));
        QVERIFY(bytes.contains("colour"));
        QVERIFY(bytes.contains("table_cell@99:1-2"));

        // Not even a decision's shape: the file is set aside whole, the filing opens.
        QByteArray broken = bytes;
        broken.replace("\"anchor\": {", "\"anchor\": [{");
        QVERIFY(writeBytes(sidecar, broken));
        ReviewStore fourth;
        fourth.open(f.content, f.entities);
        QVERIFY(!fourth.messages().isEmpty());
        QVERIFY(fourth.tableDecisions().isEmpty());
        QCOMPARE(fourth.entities().size(), f.entities.size());
    }
};

// Run as a child by killedAfterJournalLosesNothing: two table decisions, then wait to be killed.
static int decideAndWait(const QString &path)
{
    const Filing f = load(path);
    if (f.tables.size() < 2)
        return 1;
    const TableList fresh = TableReview::apply(f.content, f.tables, {}).tables;
    ReviewStore store;
    store.setAutosaveDelay(600000);
    store.open(f.content, f.entities);
    store.rejectTable(TableReview::refOf(f.content, fresh.at(1), fresh.at(1).scale));
    store.setCellText(TableReview::refOf(f.content, fresh.first(), *cellWith(fresh.first(), u"Biopharma"_s, u"1,234"_s)),
                      u"1,243"_s);
    store.waitForJournal();
    if (!store.isDurable())
        return 1;
    std::fputs("durable\n", stdout);
    std::fflush(stdout);
    QThread::sleep(120);
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QString child = qEnvironmentVariable("FL_TABLE_DECISIONS_CHILD"); !child.isEmpty())
        return decideAndWait(child);
    TestTableReview test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_tablereview.moc"
