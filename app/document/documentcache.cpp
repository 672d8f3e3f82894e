#include "documentcache.h"


#include <QtCore/QCoreApplication>
#include <QtCore/QCryptographicHash>
#include <QtCore/QDataStream>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCache, "filinglens.cache")

namespace {

constexpr quint32 kMagic = 0x464c4331; // "FLC1"
// 2: the payload's checksum is BLAKE2b-256, not SHA-256 (a fifth of the CPU time:
// the entries of a long HTML filing are megabytes, written on every first open).
constexpr quint32 kFormat = 2;
constexpr QCryptographicHash::Algorithm kChecksum = QCryptographicHash::Blake2b_256;

// Part of every key: another build of the program may read PDF text or extract
// differently even when Extractor::version() did not change, so the version is
// completed by the executable's size and time (a rebuilt program starts cold).
} // namespace

QString DocumentCache::programBuild()
{
    static const QString build = [] {
        QString id = QStringLiteral(FILINGLENS_VERSION);
        if (QCoreApplication::instance()) {
            const QFileInfo exe(QCoreApplication::applicationFilePath());
            id += u'/' % QString::number(exe.size()) % u'/'
                % QString::number(exe.lastModified().toMSecsSinceEpoch());
        }
        return id;
    }();
    return build;
}

struct Settings
{
    QMutex mutex;
    bool enabled = false;
    QString folder;
    qint64 maxBytes = qint64(512) << 20;
};

Settings &settings()
{
    static Settings s;
    return s;
}

bool DocumentCache::isValidSha(const QString &sha256)
{
    if (sha256.size() != 64)
        return false;
    return std::all_of(sha256.cbegin(), sha256.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

static QString textKey(const QString &sha256)
{
    return u"pages|"_s % sha256 % u'|' % DocumentCache::programBuild();
}

static QString htmlTextKey(const QString &sha256, bool allFacts = true)
{
    return (allFacts ? u"html3|"_s : u"html3-dei|"_s) % sha256 % u'|' % DocumentCache::programBuild();
}

QString DocumentCache::entryPath(const QString &key)
{
    const QByteArray name = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex();
    return DocumentCache::folder() % u'/' % QString::fromLatin1(name) % u".bin"_s;
}

// What the cache folder holds, kept as a running total so that a write does not list
// the folder (which grows with the cache): the folder is listed on the first write of
// the process, when the total goes over maxBytes (then evicted down to nine tenths of
// it, so the next writes have room), and every kRescanWrites writes, which brings in
// what other processes wrote and removed.
namespace {

struct Tally
{
    QMutex mutex;
    QString folder;   // the folder bytes counts; another folder starts over
    qint64 bytes = -1; // -1: not known yet
    int writes = 0;    // since the last listing
    int scans = 0;     // listings so far, for tests
};

constexpr int kRescanWrites = 256;

Tally &tally()
{
    static Tally t;
    return t;
}

} // namespace

// Lists the folder; removes least recently used entries until it holds at most `keep`
// bytes when it holds more than maxBytes. Returns what it holds afterwards.
static qint64 scanAndEvict(const QString &dir, qint64 maxBytes, qint64 keep)
{
    QFileInfoList files = QDir(dir).entryInfoList({u"*.bin"_s}, QDir::Files, QDir::Time | QDir::Reversed);
    qint64 total = 0;
    for (const QFileInfo &f : std::as_const(files))
        total += f.size();
    if (total <= maxBytes)
        return total;
    for (const QFileInfo &f : std::as_const(files)) { // oldest first
        if (total <= keep)
            break;
        if (QFile::remove(f.absoluteFilePath()))
            total -= f.size();
    }
    return total;
}

// Counts a write of `added` bytes (replacing `replaced` bytes) into dir and keeps the
// folder under maxBytes.
static void accountWrite(const QString &dir, qint64 added, qint64 replaced)
{
    const qint64 maxBytes = DocumentCache::maxBytes();
    Tally &t = tally();
    QMutexLocker lock(&t.mutex);
    if (t.folder != dir) {
        t.folder = dir;
        t.bytes = -1;
    }
    if (t.bytes >= 0)
        t.bytes += added - replaced;
    if (t.bytes < 0 || t.bytes > maxBytes || ++t.writes >= kRescanWrites) {
        t.bytes = scanAndEvict(dir, maxBytes, maxBytes - maxBytes / 10);
        t.writes = 0;
        ++t.scans;
    }
}

int DocumentCache::folderScans()
{
    QMutexLocker lock(&tally().mutex);
    return tally().scans;
}

bool DocumentCache::writeEntry(const QString &key, const QByteArray &payload)
{
    const QString path = entryPath(key);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        qCWarning(lcCache) << "cannot create the cache folder" << QFileInfo(path).absolutePath();
        return false;
    }
    const QFileInfo before(path);
    const qint64 replaced = before.exists() ? before.size() : 0;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kFormat << key << payload
        << QCryptographicHash::hash(payload, kChecksum);
    if (out.status() != QDataStream::Ok || !file.commit()) {
        qCWarning(lcCache) << "cannot write the cache entry" << path << file.errorString();
        return false;
    }
    accountWrite(QFileInfo(path).absolutePath(), QFileInfo(path).size(), replaced);
    return true;
}

// The payload of a verified entry; a file that exists but does not verify is removed.
bool DocumentCache::readEntry(const QString &key, QByteArray *payload)
{
    const QString path = entryPath(key);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 format = 0;
    QString storedKey;
    QByteArray checksum;
    in >> magic;
    if (magic == kMagic)
        in >> format;
    if (format == kFormat)
        in >> storedKey;
    if (storedKey == key)
        in >> *payload >> checksum;
    const bool ok = magic == kMagic && format == kFormat && storedKey == key
        && in.status() == QDataStream::Ok && file.atEnd()
        && checksum == QCryptographicHash::hash(*payload, kChecksum);
    if (!ok) {
        qCWarning(lcCache) << "ignoring and removing a damaged cache entry" << path;
        file.close();
        QFile::remove(path);
        payload->clear();
        return false;
    }
    // Mark it recently used, for eviction.
    file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return true;
}


void DocumentCache::setEnabled(bool enabled)
{
    QMutexLocker lock(&settings().mutex);
    settings().enabled = enabled;
}

bool DocumentCache::isEnabled()
{
    QMutexLocker lock(&settings().mutex);
    return settings().enabled;
}

void DocumentCache::setFolder(const QString &folder)
{
    QMutexLocker lock(&settings().mutex);
    settings().folder = folder;
}

QString DocumentCache::folder()
{
    QMutexLocker lock(&settings().mutex);
    if (settings().folder.isEmpty())
        settings().folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) % u"/documents"_s;
    return settings().folder;
}

void DocumentCache::setMaxBytes(qint64 bytes)
{
    QMutexLocker lock(&settings().mutex);
    settings().maxBytes = qMax<qint64>(0, bytes);
}

qint64 DocumentCache::maxBytes()
{
    QMutexLocker lock(&settings().mutex);
    return settings().maxBytes;
}

QString DocumentCache::pageTextsPath(const QString &sha256)
{
    return entryPath(textKey(sha256));
}

QString DocumentCache::htmlTextPath(const QString &sha256)
{
    return entryPath(htmlTextKey(sha256));
}


bool DocumentCache::readPageTexts(const QString &sha256, QStringList *pages, QList<QSizeF> *sizes)
{
    if (!isEnabled() || !isValidSha(sha256))
        return false;
    QByteArray payload;
    if (!readEntry(textKey(sha256), &payload))
        return false;
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_4);
    QStringList read;
    QList<QSizeF> readSizes;
    in >> read >> readSizes;
    if (in.status() != QDataStream::Ok || !in.atEnd()
        || (!readSizes.isEmpty() && readSizes.size() != read.size()))
        return false;
    *pages = read;
    if (sizes)
        *sizes = readSizes;
    return true;
}

void DocumentCache::writePageTexts(const QString &sha256, const QStringList &pages, const QList<QSizeF> &sizes)
{
    if (!isEnabled() || !isValidSha(sha256))
        return;
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << pages << (sizes.size() == pages.size() ? sizes : QList<QSizeF>());
    writeEntry(textKey(sha256), payload);
}

bool DocumentCache::readHtmlText(const QString &sha256, QStringList *pages, QList<DeiFact> *facts,
                                 QList<XbrlFact> *xbrlFacts, bool allFacts, QList<int> *anchoredSheets)
{
    if (!isEnabled() || !isValidSha(sha256))
        return false;
    QByteArray payload;
    if (!readEntry(htmlTextKey(sha256, allFacts), &payload))
        return false;
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_4);
    in.setByteOrder(QDataStream::LittleEndian); // as written: strings copied, not swapped
    QStringList readPages;
    quint32 count = 0;
    in >> readPages >> count;
    if (in.status() != QDataStream::Ok || count > quint32(payload.size()))
        return false;
    QList<DeiFact> readFacts;
    readFacts.reserve(qsizetype(count));
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        DeiFact f;
        qint32 page = -1, start = 0, end = 0;
        in >> f.name >> f.value >> page >> start >> end;
        f.span = SourceSpan{page, start, end};
        if (f.span.isValid() && (page >= readPages.size() || end > readPages.at(page).size()))
            return false;
        readFacts.append(f);
    }
    quint32 xbrlCount = 0;
    in >> xbrlCount;
    if (in.status() != QDataStream::Ok || xbrlCount > quint32(payload.size()))
        return false;
    QList<XbrlFact> readXbrl;
    readXbrl.reserve(qsizetype(xbrlCount));
    for (quint32 i = 0; i < xbrlCount && in.status() == QDataStream::Ok; ++i) {
        XbrlFact f;
        qint32 page = -1, start = 0, end = 0, length = -1;
        in >> f.concept >> f.value >> f.context >> f.period >> f.unit >> f.decimals >> f.scale
            >> f.dimensions >> f.error >> length >> f.numeric >> f.hidden >> f.nil >> page >> start >> end;
        f.length = length;
        f.span = SourceSpan{page, start, end};
        if (f.span.isValid() && (page >= readPages.size() || end > readPages.at(page).size()))
            return false;
        readXbrl.append(std::move(f));
    }
    QList<qint32> readAnchored;
    in >> readAnchored;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return false;
    for (qint32 sheet : std::as_const(readAnchored)) {
        if (sheet < 0 || sheet >= readPages.size())
            return false;
    }
    if (anchoredSheets)
        *anchoredSheets = QList<int>(readAnchored.cbegin(), readAnchored.cend());
    *pages = std::move(readPages);
    *facts = std::move(readFacts);
    if (xbrlFacts)
        *xbrlFacts = std::move(readXbrl);
    return true;
}

void DocumentCache::writeHtmlText(const QString &sha256, const QStringList &pages,
                                  const QList<DeiFact> &facts, const QList<XbrlFact> &xbrlFacts,
                                  bool allFacts, const QList<int> &anchoredSheets)
{
    if (!isEnabled() || !isValidSha(sha256))
        return;
    QByteArray payload;
    qsizetype textSize = 0;
    for (const QString &page : pages)
        textSize += page.size();
    payload.reserve(2 * textSize + 160 * xbrlFacts.size() + 4096);
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    // The machine's own byte order: a string is copied as it is, not swapped a
    // character at a time (the page texts and a 10-K's 2,500 facts).
    out.setByteOrder(QDataStream::LittleEndian);
    out << pages << quint32(facts.size());
    for (const DeiFact &f : facts)
        out << f.name << f.value << qint32(f.span.page) << qint32(f.span.start) << qint32(f.span.end);
    out << quint32(xbrlFacts.size());
    for (const XbrlFact &f : xbrlFacts)
        out << f.concept << f.value << f.context << f.period << f.unit << f.decimals << f.scale
            << f.dimensions << f.error << qint32(f.length) << f.numeric << f.hidden << f.nil
            << qint32(f.span.page) << qint32(f.span.start) << qint32(f.span.end);
    out << QList<qint32>(anchoredSheets.cbegin(), anchoredSheets.cend());
    writeEntry(htmlTextKey(sha256, allFacts), payload);
}
