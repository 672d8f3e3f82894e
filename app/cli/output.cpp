#include "output.h"

#include "export/csvwriter.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

bool Output::open(const QString &target, QString *error)
{
    if (target == u"-"_s) {
        auto out = std::make_unique<QFile>();
        if (!out->open(stdout, QIODevice::WriteOnly)) {
            *error = u"cannot write to standard output"_s;
            return false;
        }
        m_device = std::move(out);
        return true;
    }
    // A device or a pipe (/dev/null, a FIFO) is written in place: an atomic
    // save would rename a regular file over it.
    if (const QFileInfo info(target); info.exists() && !info.isFile() && !info.isDir()) {
        auto out = std::make_unique<QFile>(target);
        if (!out->open(QIODevice::WriteOnly)) {
            *error = u"%1: cannot be written: %2"_s.arg(target, out->errorString());
            return false;
        }
        m_device = std::move(out);
        m_target = target;
        return true;
    }
    auto file = std::make_unique<QSaveFile>(target);
    if (!file->open(QIODevice::WriteOnly)) {
        *error = u"%1: cannot be written: %2"_s.arg(target, file->errorString());
        return false;
    }
    m_device = std::move(file);
    m_target = target;
    return true;
}

bool Output::flush()
{
    if (auto *file = qobject_cast<QFile *>(m_device.get()))
        return file->flush();
    return true;
}

bool Output::writeCsvRow(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += u',';
        line += CsvWriter::encodeCell(cells.at(i));
    }
    line += u"\r\n"_s;
    const QByteArray bytes = line.toUtf8();
    return m_device && m_device->write(bytes) == bytes.size();
}

bool Output::commit(QString *error)
{
    if (auto *file = qobject_cast<QSaveFile *>(m_device.get())) {
        if (!file->commit()) {
            *error = u"%1: cannot be written: %2"_s.arg(m_target, file->errorString());
            return false;
        }
        return true;
    }
    if (auto *file = qobject_cast<QFile *>(m_device.get()); file && !file->flush()) {
        *error = u"%1: cannot be written: %2"_s.arg(m_target.isEmpty() ? u"standard output"_s : m_target,
                                                     file->errorString());
        return false;
    }
    return true;
}

void printError(const QString &message)
{
    std::fputs(qPrintable(u"filing-lens: "_s + message + u'\n'), stderr);
}
