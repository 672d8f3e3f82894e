#pragma once

// Shared helpers for the Qt Test executables.
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QString>
#include <QtTest/QTest>

#include <utility>

namespace TestUtils {

inline QString dataPath(const QString &name)
{
    return QStringLiteral(FILINGLENS_TEST_DATA) + QLatin1Char('/') + name;
}

// A file of the shared corpus, e.g. "8k/BuckleInc.8-K.html"; empty if absent.
inline QString corpusPath(const QString &relative)
{
    const QString p = QStringLiteral(FILINGLENS_SHARED) + QStringLiteral("/corpus/") + relative;
    return QFileInfo::exists(p) ? QDir::cleanPath(p) : QString();
}

inline QString goldPath(const QString &name)
{
    const QString p = QStringLiteral(FILINGLENS_SHARED) + QStringLiteral("/gold/") + name;
    return QFileInfo::exists(p) ? QDir::cleanPath(p) : QString();
}

inline QString samplePath(const QString &name)
{
    return QStringLiteral(FILINGLENS_SOURCE_ROOT) + QStringLiteral("/resources/sample/") + name;
}

// A folder of two filings for workspace tests: a.txt and sub/b.txt, copies of the sample
// text made distinct by a last line (each is a filing of its own, with its own sha256).
inline bool writeSampleFilings(const QString &folder)
{
    QFile sample(samplePath(QStringLiteral("immunogen-8k-2007-06-04.txt")));
    if (!sample.open(QIODevice::ReadOnly) || !QDir(folder).mkpath(QStringLiteral("sub")))
        return false;
    const QByteArray bytes = sample.readAll();
    for (const auto &[name, extra] : {std::pair{QStringLiteral("a.txt"), "\ncopy a\n"},
                                      std::pair{QStringLiteral("sub/b.txt"), "\ncopy b\n"}}) {
        QFile out(QDir(folder).filePath(name));
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes + extra) != bytes.size() + qsizetype(qstrlen(extra)))
            return false;
    }
    return true;
}

} // namespace TestUtils

// Skips the current test when a shared corpus file is missing.
#define FL_REQUIRE_CORPUS(var, relative)                                                       \
    const QString var = TestUtils::corpusPath(QStringLiteral(relative));                       \
    if (var.isEmpty())                                                                         \
        QSKIP(qPrintable(QStringLiteral("shared corpus file absent: ") + QStringLiteral(relative)))
