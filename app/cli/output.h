#pragma once

#include <QtCore/QIODevice>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

// An output file of a subcommand, or standard output for "-". Regular files are
// replaced atomically (QSaveFile); a device or a pipe is written in place.
class Output final
{
public:
    bool open(const QString &target, QString *error);
    QIODevice *device() const { return m_device.get(); }
    // Flushes standard output or the device as the output goes, for streamed formats.
    bool flush();
    // One CSV record (RFC 4180, CRLF, UTF-8; cells neutralised and quoted as the
    // entity export does, CsvWriter::encodeCell). False when the output fails.
    bool writeCsvRow(const QStringList &cells);
    bool commit(QString *error);

private:
    std::unique_ptr<QIODevice> m_device;
    QString m_target;
};

// "filing-lens: MESSAGE" on standard error: how every subcommand reports a problem.
void printError(const QString &message);
