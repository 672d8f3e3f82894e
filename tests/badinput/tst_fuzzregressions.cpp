// Replays, in the normal build, every input kept from fuzzing: the seed corpora
// (tests/data/fuzz/seeds/<target>/) and each input that once crashed a target or
// broke one of its invariants (tests/data/fuzz/<target>/). See tests/fuzz.
#include "fuzztargets.h"
#include "testutils.h"

#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class TestFuzzRegressions final : public QObject
{
    Q_OBJECT

private slots:
    void replay_data();
    void replay();
    void csvReaderIsStrict_data();
    void csvReaderIsStrict();
};

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    int regressions = 0;
    for (const QString &target : FuzzTargets::names()) {
        for (const QString &folder : QStringList{u"seeds/"_s + target, target}) {
            QDirIterator it(TestUtils::dataPath(u"fuzz/"_s + folder), QDir::Files);
            QStringList files;
            while (it.hasNext())
                files.append(it.next());
            files.sort();
            for (const QString &f : std::as_const(files)) {
                QTest::addRow("%s/%s", qPrintable(folder), qPrintable(QFileInfo(f).fileName())) << target << f;
                if (folder == target)
                    ++regressions;
            }
        }
    }
    qInfo("%d saved fuzz regressions", regressions);
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString problem = FuzzTargets::run(target, f.readAll());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestFuzzRegressions::csvReaderIsStrict_data()
{
    // The round-trip check is only as good as its reader: it must reject what RFC 4180 does.
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("cells");
    QTest::newRow("two records") << QByteArray("a,b\r\nc,d\r\n") << true << 4;
    QTest::newRow("quoted comma and CRLF") << QByteArray("\"a,\r\nb\",\"\"\"q\"\"\"\r\n") << true << 2;
    QTest::newRow("empty cells") << QByteArray(",,\r\n") << true << 3;
    QTest::newRow("no final CRLF") << QByteArray("a,b") << false << 0;
    QTest::newRow("bare LF") << QByteArray("a,b\nc,d\r\n") << false << 0;
    QTest::newRow("quote in unquoted field") << QByteArray("a\"b\r\n") << false << 0;
    QTest::newRow("unterminated quote") << QByteArray("\"abc\r\n") << false << 0;
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\r\n") << false << 0;
}

void TestFuzzRegressions::csvReaderIsStrict()
{
    QFETCH(QByteArray, csv);
    QFETCH(bool, valid);
    QFETCH(int, cells);
    QList<QStringList> rows;
    QString error;
    QCOMPARE(FuzzTargets::readCsv(csv, &rows, &error), valid);
    if (valid) {
        int n = 0;
        for (const QStringList &r : rows)
            n += int(r.size());
        QCOMPARE(n, cells);
    } else {
        QVERIFY(!error.isEmpty());
    }
}

QTEST_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
