// No decision that reached the disk is lost when the program is killed: the real
// program runs as a child process (offscreen) on a copy of the sample, takes key
// presses (confirm, reject, next, undo, redo) through its test key feed (see
// ui/testkeyfeed.h), and is killed with SIGKILL at a random moment — while it
// opens and replays, between key presses, while it writes its journal or folds it
// into the review file. After each kill, `filing-lens extract` (which applies the
// journal) must show a state that the program reached after its last durable
// change, and the next start replays and folds what the journal holds.
#include "testutils.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <signal.h>

using namespace Qt::StringLiterals;

namespace {

using State = QHash<QString, QString>; // entity id -> status

QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(cell);
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row.append(cell);
        rows.append(row);
    }
    return rows;
}

// What `extract` reports for the filing, review file and journal applied.
bool extractState(const QString &filing, State *state, QString *error)
{
    QProcess p;
    p.start(QStringLiteral(FILINGLENS_BINARY), {u"extract"_s, u"--include-rejected"_s, u"--csv"_s, u"-"_s, filing});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(p.readAllStandardOutput()));
    if (rows.isEmpty() || rows.constFirst().value(1) != u"id"_s || rows.constFirst().value(10) != u"status"_s) {
        *error = u"unexpected CSV header"_s;
        return false;
    }
    state->clear();
    for (qsizetype i = 1; i < rows.size(); ++i)
        state->insert(rows.at(i).value(1), rows.at(i).value(10));
    return true;
}

struct Line
{
    quint64 seq = 0;
    QList<std::pair<QString, QString>> changes; // id, status after the change
    qint64 receivedMsec = 0;
};

struct Child
{
    QProcess process;
    QByteArray pending;
    bool ready = false;
    QList<Line> journaled;
    quint64 durable = 0;

    void read(const QElapsedTimer &clock)
    {
        pending += process.readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(end));
            pending.remove(0, end + 1);
            const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
            if (parts.value(0) == u"ready"_s) {
                ready = true;
            } else if (parts.value(0) == u"journal"_s && parts.size() >= 2) {
                Line l;
                l.seq = parts.at(1).toULongLong();
                l.receivedMsec = clock.elapsed();
                for (qsizetype i = 2; i < parts.size(); ++i) {
                    const qsizetype eq = parts.at(i).lastIndexOf(u'=');
                    l.changes.append({parts.at(i).left(eq), parts.at(i).mid(eq + 1)});
                }
                journaled.append(l);
            } else if (parts.value(0) == u"durable"_s) {
                durable = std::max(durable, parts.value(1).toULongLong());
            }
        }
    }
};

} // namespace

class TestKillRecovery final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedAtRandomLosesNoDurableDecision();
};

void TestKillRecovery::killedAtRandomLosesNoDurableDecision()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString filing = dir.filePath(u"immunogen-8k-2007-06-04.txt"_s);
    QVERIFY(QFile::copy(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), filing));

    State state;
    QString error;
    QVERIFY2(extractState(filing, &state, &error), qPrintable(error));
    QVERIFY(state.size() > 50);

    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator rng(seed);
    const QStringList keys = {u"N"_s, u"Return"_s, u"N"_s, u"Delete"_s, u"Return"_s, u"Ctrl+Z"_s,
                              u"Ctrl+Shift+Z"_s, u"Down"_s};

    // Settings, data and cache of the child's own, never the user's; the reviewer has
    // named themselves, so the first decision does not ask.
    const QString home = dir.filePath(u"home"_s);
    QVERIFY(QDir().mkpath(home + u"/config/filing-lens"_s));
    {
        QFile conf(home + u"/config/filing-lens/filing-lens.conf"_s);
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[review]\nreviewer=Kill Test\n");
    }

    constexpr int kIterations = 40;
    int killsBeforeReady = 0;
    int durableChecked = 0;
    int lostNotDurable = 0;
    QElapsedTimer total;
    total.start();
    for (int iteration = 0; iteration < kIterations; ++iteration) {
        const QString keyFile = dir.filePath(u"keys-%1"_s.arg(iteration));
        QFile keysOut(keyFile);
        QVERIFY(keysOut.open(QIODevice::WriteOnly | QIODevice::Unbuffered));

        Child child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"FILINGLENS_TEST_KEYS"_s, keyFile);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
        env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
        env.insert(u"XDG_CACHE_HOME"_s, home + u"/cache"_s);
        // Short save delays: the fold into the review file runs after nearly every
        // key, so kills land in it too.
        env.insert(u"FILINGLENS_TEST_AUTOSAVE_MSEC"_s, QString::number(rng.bounded(3) * 5));
        child.process.setProcessEnvironment(env);
        child.process.setProcessChannelMode(QProcess::SeparateChannels);
        child.process.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer clock;
        clock.start();
        child.process.start(QStringLiteral(FILINGLENS_BINARY), {filing});
        QVERIFY(child.process.waitForStarted(10000));

        // One in four is killed while it opens: replaying, folding in, extracting.
        const bool early = iteration > 0 && rng.bounded(4) == 0;
        const qint64 killAt = early ? rng.bounded(400) : -1;
        while (!child.ready && (killAt < 0 || clock.elapsed() < killAt)) {
            child.process.waitForReadyRead(killAt < 0 ? 100 : 5);
            child.read(clock);
            QVERIFY2(clock.elapsed() < 30000, "the program did not show the filing");
            QVERIFY(child.process.state() == QProcess::Running);
        }
        if (!early) {
            const int presses = 10 + int(rng.bounded(50));
            const int stopAfter = int(rng.bounded(presses + 1));
            for (int i = 0; i < presses && i < stopAfter; ++i) {
                const QString key = keys.at(int(rng.bounded(int(keys.size()))));
                keysOut.write((key + u'\n').toUtf8());
                child.process.waitForReadyRead(int(rng.bounded(15)));
                child.read(clock);
            }
            const int linger = int(rng.bounded(60));
            QElapsedTimer wait;
            wait.start();
            while (wait.elapsed() < linger) {
                child.process.waitForReadyRead(int(linger - wait.elapsed()) + 1);
                child.read(clock);
            }
        } else {
            ++killsBeforeReady;
        }
        const qint64 killedAt = clock.elapsed();
        ::kill(pid_t(child.process.processId()), SIGKILL);
        QVERIFY(child.process.waitForFinished(10000));
        child.read(clock); // what it printed before it died

        State after;
        QVERIFY2(extractState(filing, &after, &error), qPrintable(error));

        // `after` must be the state before this run with the first k journal lines
        // applied, for some k no smaller than the last durable line.
        quint64 lastLine = 0;
        for (const Line &l : std::as_const(child.journaled))
            lastLine = std::max(lastLine, l.seq);
        QVERIFY(child.durable <= lastLine);
        State expected = state;
        qsizetype next = 0;
        quint64 matched = 0;
        bool found = false;
        QStringList differences;
        for (quint64 k = 0; k <= lastLine; ++k) {
            while (next < child.journaled.size() && child.journaled.at(next).seq <= k) {
                for (const auto &[id, status] : child.journaled.at(next).changes)
                    expected.insert(id, status);
                ++next;
            }
            if (k < child.durable)
                continue;
            if (expected == after) {
                found = true;
                matched = k;
                break;
            }
            if (k == child.durable) {
                for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                    if (after.value(it.key()) != it.value())
                        differences << u"%1: %2 on disk, %3 when durable"_s.arg(it.key(), after.value(it.key()), it.value());
            }
        }
        QVERIFY2(found, qPrintable(u"iteration %1 (seed %2): a durable decision was lost; durable up to %3 of %4 lines:\n%5"_s
                                       .arg(iteration).arg(seed).arg(child.durable).arg(lastLine)
                                       .arg(differences.join(u'\n'))));
        durableChecked += int(child.durable);
        // What was journaled but not yet on disk is at most the last moments' work.
        for (const Line &l : std::as_const(child.journaled)) {
            if (l.seq > matched) {
                ++lostNotDurable;
                QVERIFY2(killedAt - l.receivedMsec < 2000,
                         qPrintable(u"a change journaled %1 ms before the kill never reached the disk"_s
                                        .arg(killedAt - l.receivedMsec)));
            }
        }
        state = after;
    }
    qInfo("%d kills (%d while opening), %d durable changes checked, %d journaled in the last moments "
          "and lost, %lld ms",
          kIterations, killsBeforeReady, durableChecked, lostNotDurable, total.elapsed());
    QVERIFY(durableChecked > 0);

    // A last start replays and folds in what the journal holds; a clean quit then
    // leaves the review file alone with nothing beside it.
    const QStringList names = QDir(dir.path()).entryList({u"immunogen-8k-2007-06-04.txt.review.json.journal.*"_s},
                                                        QDir::Files);
    QVERIFY2(names.isEmpty(), qPrintable(names.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestKillRecovery)
#include "tst_killrecovery.moc"
