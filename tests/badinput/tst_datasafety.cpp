// A failed write never costs the analyst data: a full disk or a device that
// refuses bytes is reported with the file's name, and the previous sidecar or CSV
// stays in place and readable. Uses a real 64 KB tmpfs when the test may mount
// one (root), and a copy of the /dev/full device node; skips with a message otherwise.
#include "export/csvwriter.h"
#include "review/reviewfixture.h"
#include "review/reviewjournal.h"
#include "review/reviewstore.h"
#include "review/sidecarfile.h"
#include "testutils.h"

#include <QtCore/QBuffer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QSaveFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QtTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

SidecarData sidecarWith(int decisions, int noteChars)
{
    SidecarData d;
    d.file = u"immunogen-8k.txt"_s;
    d.sha256 = QString(64, u'a');
    d.pages = 2;
    d.format = u"text"_s;
    d.savedAt = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    for (int i = 0; i < decisions; ++i) {
        SidecarDecision x;
        x.id = u"registrant@1:%1-%2"_s.arg(i * 20).arg(i * 20 + 15);
        x.status = u"confirmed"_s;
        x.type = u"registrant"_s;
        x.value = u"ImmunoGen, Inc."_s;
        x.anchor = {1, i * 20, i * 20 + 15, u"ImmunoGen, Inc."_s, u"FORM 8-K\n"_s, u"\n(Exact name"_s};
        x.note = QString(noteChars, u'n');
        x.by = u"analyst"_s;
        x.at = d.savedAt;
        d.decisions.append(x);
    }
    return d;
}

bool isCharDevice(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISCHR(st.st_mode);
}

} // namespace

class TestDataSafety final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fullDiskKeepsThePreviousSidecar();
    void fullDiskKeepsThePreviousCsv();
    void csvWriterReportsADeviceThatIsFull();
    void deviceNodesAreNeverReplaced();
    void fullDiskRefusesADecision();

private:
    QTemporaryDir m_dir;
    QString m_mount; // a 64 KB tmpfs, empty when it could not be mounted
};

void TestDataSafety::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (geteuid() != 0)
        return;
    const QString mount = m_dir.filePath(u"small-disk"_s);
    QVERIFY(QDir().mkpath(mount));
    QProcess p;
    p.start(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=64k"_s, u"tmpfs"_s, mount});
    if (p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        m_mount = mount;
}

void TestDataSafety::cleanupTestCase()
{
    if (!m_mount.isEmpty())
        QProcess::execute(u"umount"_s, {u"-l"_s, m_mount});
}

void TestDataSafety::fullDiskKeepsThePreviousSidecar()
{
    if (m_mount.isEmpty())
        QSKIP("cannot mount a small tmpfs here (needs root); the interrupted-save test of the review store covers the logic");
    const QString path = m_mount + u"/filing.txt.review.json"_s;
    const SidecarData before = sidecarWith(3, 10);
    QVERIFY(SidecarFile::save(path, SidecarFile::serialize(before)).ok);

    // Larger than the whole disk: the write fails half way.
    const QByteArray big = SidecarFile::serialize(sidecarWith(40, 2000));
    QVERIFY(big.size() > 64 * 1024);
    const SidecarFile::SaveResult r = SidecarFile::save(path, big);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(path), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"disk is full"_s), qPrintable(r.message));

    const SidecarFile::LoadResult again = SidecarFile::load(path);
    QCOMPARE(again.status, SidecarFile::LoadStatus::Loaded);
    QCOMPARE(again.data.decisions.size(), 3);
    QCOMPARE(again.data.decisions.constFirst().value, u"ImmunoGen, Inc."_s);
    // Nothing half-written is left behind to fill the disk for good.
    QStringList left = QDir(m_mount).entryList(QDir::Files);
    left.removeAll(u"filing.txt.review.json.bak"_s);
    QCOMPARE(left, QStringList{u"filing.txt.review.json"_s});
    // And once there is room again, saving works.
    QVERIFY(SidecarFile::save(path, SidecarFile::serialize(sidecarWith(4, 10))).ok);
    QCOMPARE(SidecarFile::load(path).data.decisions.size(), 4);
    QFile::remove(path);
    QFile::remove(path + u".bak"_s);
}

void TestDataSafety::fullDiskKeepsThePreviousCsv()
{
    if (m_mount.isEmpty())
        QSKIP("cannot mount a small tmpfs here (needs root)");
    const QString out = m_mount + u"/entities.csv"_s;
    const QString filing = TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s);
    int code = QProcess::execute(QStringLiteral(FILINGLENS_BINARY), {u"extract"_s, u"--csv"_s, out, filing});
    QCOMPARE(code, 0);
    QFile first(out);
    QVERIFY(first.open(QIODevice::ReadOnly));
    const QByteArray previous = first.readAll();
    first.close();
    QVERIFY(previous.startsWith("file,id,type"));

    // Leave less room than one more copy of the export needs.
    const qint64 room = 64 * 1024 - previous.size() - 4096;
    QFile filler(m_mount + u"/filler"_s);
    QVERIFY(filler.open(QIODevice::WriteOnly));
    filler.write(QByteArray(room > 0 ? room : 0, 'x'));
    filler.close();

    QProcess p;
    p.start(QStringLiteral(FILINGLENS_BINARY), {u"extract"_s, u"--csv"_s, out, filing, filing});
    QVERIFY(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QFile::remove(filler.fileName());
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains(u"entities.csv"_s), qPrintable(err));
    QFile after(out);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), previous);
    QFile::remove(out);
}

void TestDataSafety::csvWriterReportsADeviceThatIsFull()
{
    QFile full(u"/dev/full"_s);
    if (!full.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        QSKIP("no /dev/full on this system");
    DocumentContent c;
    c.fileName = u"x.txt"_s;
    c.text.pages = {u"ImmunoGen, Inc."_s};
    Entity e;
    e.type = u"registrant"_s;
    e.value = e.text = c.text.pages.constFirst();
    e.span = {0, 0, 15};
    e.id = Entity::makeId(e.type, e.span, e.text);
    CsvWriter writer(&full);
    const bool ok = writer.addFile(c, {e}) && writer.finish();
    QVERIFY(!ok);
    QVERIFY2(!writer.errorString().isEmpty(), "a failed write must say why");
}

void TestDataSafety::deviceNodesAreNeverReplaced()
{
    // Copies of /dev/full and /dev/null: an atomic save renames a new file over its
    // target, which must never happen to a device node (as root it could).
    const QString full = m_dir.filePath(u"full-device"_s);
    const QString null = m_dir.filePath(u"null-device"_s);
    if (::mknod(QFile::encodeName(full).constData(), S_IFCHR | 0666, makedev(1, 7)) != 0
        || ::mknod(QFile::encodeName(null).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        QSKIP("cannot create device nodes here (needs root)");

    const SidecarFile::SaveResult r = SidecarFile::save(full, SidecarFile::serialize(sidecarWith(1, 0)));
    QVERIFY2(isCharDevice(full), "the sidecar writer replaced a device node with a file");
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(full) && r.message.contains(u"not a regular file"_s), qPrintable(r.message));

    const QString filing = TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s);
    QProcess p;
    p.start(QStringLiteral(FILINGLENS_BINARY), {u"extract"_s, u"--csv"_s, full, filing});
    QVERIFY(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(isCharDevice(full), "extract --csv replaced a device node with a file");
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains(u"full-device"_s) && err.contains(u"cannot be written"_s), qPrintable(err));

    p.start(QStringLiteral(FILINGLENS_BINARY), {u"extract"_s, u"--csv"_s, null, filing});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(isCharDevice(null), "extract --csv replaced a device node with a file");
    QCOMPARE(p.exitCode(), 0);
}

// A decision the journal cannot write is taken back with a message, not kept in
// memory only; the decisions already on disk stay, and once there is room the same
// decision is taken.
void TestDataSafety::fullDiskRefusesADecision()
{
    if (m_mount.isEmpty())
        QSKIP("cannot mount a small tmpfs here (needs root)");
    QStandardPaths::setTestModeEnabled(true);
    const QString dir = m_mount + u"/refuse"_s;
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + u"/immunogen-8k.txt"_s;
    QVERIFY(ReviewFixture::writeBytes(path, ReviewFixture::readBytes(TestUtils::dataPath(u"review/immunogen-8k.txt"_s))));
    const DocumentContent content = ReviewFixture::contentOf(path);
    const EntityList extracted = ReviewFixture::extract(content);
    auto idOf = [&](const QString &type) {
        for (const Entity &e : extracted)
            if (e.type == type)
                return e.id;
        return QString();
    };
    const QString registrant = idOf(u"registrant"_s);
    const QString form = idOf(u"form_type"_s);

    ReviewStore store;
    store.setAutosaveDelay(60000);
    store.open(content, extracted);
    store.confirm(registrant);
    QVERIFY(store.save()); // in the review file; the journal is empty again
    store.waitForJournal();

    QFile filler(m_mount + u"/filler"_s);
    QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    while (filler.write(QByteArray(4096, 'x')) == 4096) { }
    while (filler.write("x", 1) == 1) { }

    QSignalSpy failed(&store, &ReviewStore::saveFailed);
    store.reject(form);
    QCOMPARE(store.entity(form)->status, EntityStatus::Rejected); // shown at once ...
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);           // ... and refused
    QCOMPARE(store.entity(form)->status, EntityStatus::Auto);
    QCOMPARE(store.entity(registrant)->status, EntityStatus::Confirmed);
    const QString message = failed.constFirst().at(0).toString();
    QVERIFY2(message.contains(u"disk is full"_s) && message.contains(store.journalPath())
                 && message.contains(u"taken back"_s),
             qPrintable(message));
    QVERIFY(store.isDurable());
    const ReviewJournal::Contents journal = ReviewJournal::read(store.journalPath());
    QVERIFY(journal.problems.isEmpty()); // nothing half-written
    QVERIFY(journal.changes.isEmpty());

    filler.close();
    QVERIFY(filler.remove());
    store.reject(form);
    store.waitForJournal();
    QCOMPARE(failed.size(), 1);
    QVERIFY(store.isDurable());
    QCOMPARE(ReviewJournal::read(store.journalPath()).changes.size(), 1);
    store.close();
    const SidecarFile::LoadResult saved = SidecarFile::load(path + u".review.json"_s);
    QCOMPARE(saved.data.decisions.size(), 2);
    QDir(dir).removeRecursively();
}

QTEST_GUILESS_MAIN(TestDataSafety)
#include "tst_datasafety.moc"
