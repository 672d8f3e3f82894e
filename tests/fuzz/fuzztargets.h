#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

// The bodies of the fuzz targets, shared by the libFuzzer executables (clang) and
// by the regression test that replays every saved crashing input (any compiler).
// Each takes one input and returns an empty string when every invariant held, or
// a description of the broken one. A crash, hang or sanitizer report is the other
// way a target fails.
namespace FuzzTargets {

QString submission(const QByteArray &input); // TextDecoder + SubmissionParser
QString html(const QByteArray &input);       // HtmlCleaner + HtmlLoader (needs QGuiApplication)
QString sidecar(const QByteArray &input);    // SidecarFile::parse, serialize round trip
QString rulePack(const QByteArray &input);   // RuleSet::loadFrom + Extractor on a fixed text
QString csv(const QByteArray &input);        // CsvWriter round trip through an RFC 4180 reader
QString tables(const QByteArray &input);     // HtmlLoader + TableReader + TableCsvWriter (needs QGuiApplication)
QString textTables(const QByteArray &input); // TextTableReader on one page of text

// Target names as used for tests/data/fuzz/<name>/ and the fuzz_<name> executables.
QStringList names();
QString run(const QString &name, const QByteArray &input);
// True when the target needs a QGuiApplication rather than a QCoreApplication.
bool needsGui(const QString &name);

// A strict RFC 4180 reader (CRLF records, quoted fields, "" for a quote).
// Returns false and fills *error on malformed input.
bool readCsv(const QByteArray &utf8, QList<QStringList> *rows, QString *error);

} // namespace FuzzTargets
