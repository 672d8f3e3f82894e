#pragma once

// Shared helpers for the Qt Test executables.
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QString>
#include <QtTest/QTest>

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

} // namespace TestUtils

// Skips the current test when a shared corpus file is missing.
#define FL_REQUIRE_CORPUS(var, relative)                                                       \
    const QString var = TestUtils::corpusPath(QStringLiteral(relative));                       \
    if (var.isEmpty())                                                                         \
        QSKIP(qPrintable(QStringLiteral("shared corpus file absent: ") + QStringLiteral(relative)))
