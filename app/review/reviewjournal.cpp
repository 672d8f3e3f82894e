#include "reviewjournal.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonParseError>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMetaObject>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcJournal, "filinglens.review.journal")

namespace {

QString errnoText(int error)
{
    if (error == ENOSPC || error == EDQUOT)
        return u"the disk is full"_s;
    return QString::fromLocal8Bit(std::strerror(error));
}

// A whole line is on disk only after fsync; the folder entry of a new file too.
void syncFolderOf(const QByteArray &path)
{
    const QByteArray dir = QFile::encodeName(QFileInfo(QFile::decodeName(path)).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

struct ReviewJournal::Writer
{
    enum class Kind { Write, Truncate, Fold, Resume, Stop };
    struct Job
    {
        Kind kind;
        quint64 seq = 0;
        QByteArray bytes; // a line; the new base (Truncate); the review file (Fold)
        QString reviewFilePath;
    };

    ReviewJournal *owner = nullptr;
    QByteArray path; // encoded file name
    std::mutex mutex;
    std::condition_variable wake;
    std::condition_variable idle;
    std::deque<Job> jobs;
    bool busy = false;
    std::thread thread;
    QString filingSha256;
    std::shared_ptr<const ReviewDisk> disk;

    // Writer thread only.
    int fd = -1;
    off_t good = 0; // the end of the last whole line written
    bool broken = false;
    QByteArray base; // the review file the lines apply to

    ~Writer()
    {
        if (fd >= 0)
            ::close(fd);
    }

    void post(Job job)
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            jobs.push_back(std::move(job));
        }
        wake.notify_one();
    }

    void waitForIdle()
    {
        std::unique_lock<std::mutex> lock(mutex);
        idle.wait(lock, [this] { return jobs.empty() && !busy; });
    }

    void report(quint64 seq, const QString &error)
    {
        ReviewJournal *o = owner;
        if (error.isEmpty())
            QMetaObject::invokeMethod(o, [o, seq] { Q_EMIT o->durable(seq); }, Qt::QueuedConnection);
        else
            QMetaObject::invokeMethod(o, [o, seq, error] { Q_EMIT o->failed(seq, error); },
                                      Qt::QueuedConnection);
    }

    QString where() const { return QDir::toNativeSeparators(QFile::decodeName(path)); }

    bool ensureOpen(QString *error)
    {
        if (fd >= 0)
            return true;
        struct stat st {};
        const bool existed = ::stat(path.constData(), &st) == 0;
        fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd < 0) {
            *error = u"Cannot write the journal %1: %2."_s.arg(where(), errnoText(errno));
            return false;
        }
        good = ::lseek(fd, 0, SEEK_END);
        if (!existed)
            syncFolderOf(path);
        return true;
    }

    // Writes the lines in one go and fsyncs once: a burst of key presses costs one sync.
    void writeBatch(quint64 firstSeq, quint64 lastSeq, const QByteArray &bytes)
    {
        if (broken)
            return; // dropped: the store has taken these changes back
        disk->beforeJournalWrite();
        QString error;
        if (ensureOpen(&error)) {
            // A journal starts with the header that names what it applies to.
            const QByteArray all = good == 0 ? headerLine(filingSha256, sha256Of(base)) + bytes : bytes;
            const char *p = all.constData();
            qsizetype left = all.size();
            while (left > 0) {
                const ssize_t n = ::write(fd, p, size_t(left));
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0) {
                    error = u"Cannot write the journal %1: %2."_s.arg(where(), errnoText(n < 0 ? errno : ENOSPC));
                    break;
                }
                p += n;
                left -= n;
            }
            if (error.isEmpty() && ::fdatasync(fd) != 0)
                error = u"Cannot write the journal %1: %2."_s.arg(where(), errnoText(errno));
            if (!error.isEmpty()) {
                // Never leave half a line: the next line would be glued to it.
                if (::ftruncate(fd, good) == 0)
                    ::fdatasync(fd);
            } else {
                good += off_t(all.size());
            }
        }
        if (!error.isEmpty()) {
            qCWarning(lcJournal).noquote() << error;
            broken = true;
            report(firstSeq, error);
            return;
        }
        report(lastSeq, {});
    }

    void truncateFile()
    {
        if (fd < 0) {
            struct stat st {};
            if (::stat(path.constData(), &st) != 0 || st.st_size == 0)
                return;
            QString error;
            if (!ensureOpen(&error)) {
                qCWarning(lcJournal).noquote() << error;
                return;
            }
        }
        if (::ftruncate(fd, 0) == 0) {
            good = 0;
            ::fdatasync(fd);
        } else {
            qCWarning(lcJournal) << "cannot empty the journal" << where() << std::strerror(errno);
        }
    }

    void run()
    {
        for (;;) {
            std::deque<Job> batch;
            {
                std::unique_lock<std::mutex> lock(mutex);
                wake.wait(lock, [this] { return !jobs.empty(); });
                batch.swap(jobs);
                busy = true;
            }
            bool stop = false;
            QByteArray pending;
            quint64 first = 0;
            quint64 last = 0;
            auto flush = [&] {
                if (last == 0)
                    return;
                writeBatch(first, last, pending);
                pending.clear();
                first = last = 0;
            };
            for (Job &job : batch) {
                switch (job.kind) {
                case Kind::Write:
                    if (first == 0)
                        first = job.seq;
                    last = job.seq;
                    pending.append(job.bytes);
                    break;
                case Kind::Truncate:
                    flush();
                    truncateFile();
                    base = job.bytes;
                    break;
                case Kind::Fold: {
                    flush();
                    const SidecarFile::SaveResult r = SidecarFile::save(job.reviewFilePath, job.bytes, *disk);
                    if (r.ok) {
                        truncateFile();
                        base = job.bytes;
                    }
                    ReviewJournal *o = owner;
                    const quint64 seq = job.seq;
                    QMetaObject::invokeMethod(o, [o, seq, r] { Q_EMIT o->folded(seq, r.ok, r.message); },
                                              Qt::QueuedConnection);
                    break;
                }
                case Kind::Resume:
                    flush();
                    broken = false;
                    break;
                case Kind::Stop:
                    flush();
                    stop = true;
                    break;
                }
            }
            flush();
            {
                std::lock_guard<std::mutex> lock(mutex);
                busy = false;
            }
            idle.notify_all();
            if (stop)
                return;
        }
    }
};

QString ReviewJournal::suffix()
{
    return u".journal"_s;
}

QString ReviewJournal::pathFor(const QString &reviewFilePath)
{
    return reviewFilePath + suffix();
}

QString ReviewJournal::format()
{
    return u"filing-lens/review-journal@1"_s;
}

QString ReviewJournal::sha256Of(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray ReviewJournal::headerLine(const QString &filingSha256, const QString &baseSha256)
{
    return SidecarFile::serializeObject(QJsonObject{{u"journal"_s, format()},
                                                    {u"sha256"_s, filingSha256},
                                                    {u"base"_s, baseSha256}})
        + '\n';
}

QByteArray ReviewJournal::changeLine(quint64 seq, const QList<QByteArray> &decisionsJson,
                                     const QStringList &remove, int historyKeep,
                                     const QList<QByteArray> &historyJson)
{
    QByteArray out;
    out.append("{\"seq\": ").append(QByteArray::number(seq));
    out.append(", \"set\": [");
    for (qsizetype i = 0; i < decisionsJson.size(); ++i)
        out.append(i == 0 ? "" : ", ").append(decisionsJson.at(i));
    out.append("], \"remove\": ");
    out.append(QJsonDocument(QJsonArray::fromStringList(remove)).toJson(QJsonDocument::Compact));
    if (historyKeep >= 0) {
        out.append(", \"keep\": ").append(QByteArray::number(historyKeep));
        out.append(", \"append\": [");
        for (qsizetype i = 0; i < historyJson.size(); ++i)
            out.append(i == 0 ? "" : ", ").append(historyJson.at(i));
        out.append(']');
    }
    out.append("}\n");
    return out;
}

ReviewJournal::Contents ReviewJournal::read(const QString &path)
{
    Contents c;
    QFile file(path);
    if (!file.exists())
        return c;
    c.exists = true;
    const QString where = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::ReadOnly)) {
        c.problems.append(u"The journal %1 cannot be read: %2."_s.arg(where, file.errorString()));
        c.empty = false;
        return c;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.trimmed().isEmpty())
        return c;
    c.empty = false;
    c.tornOnly = !bytes.contains('\n');
    const QList<QByteArray> lines = bytes.split('\n');
    // split() leaves an empty last element after a final newline; anything else there
    // is a line the program was writing when it stopped.
    const qsizetype whole = lines.size() - 1;
    if (!lines.constLast().isEmpty()) {
        c.problems.append(u"The journal %1 ends in an incomplete line (the program stopped while "
                          u"writing it); that change was not saved and is ignored."_s.arg(where));
    }
    for (qsizetype i = 0; i < whole; ++i) {
        const QByteArray &line = lines.at(i);
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QString why;
        if (error.error != QJsonParseError::NoError)
            why = error.errorString();
        else if (!doc.isObject())
            why = u"not a JSON object"_s;
        const QJsonObject o = doc.object();
        if (why.isEmpty() && !c.headerValid) {
            if (o.value(u"journal"_s).toString() != format()) {
                c.problems.append(u"The journal %1 does not begin with a journal header; it is not used."_s
                                      .arg(where));
                return c;
            }
            c.headerValid = true;
            c.filingSha256 = o.value(u"sha256"_s).toString();
            c.baseSha256 = o.value(u"base"_s).toString();
            continue;
        }
        Change change;
        if (why.isEmpty()) {
            change.seq = quint64(o.value(u"seq"_s).toDouble(-1));
            if (!o.value(u"seq"_s).isDouble())
                why = u"it has no sequence number"_s;
        }
        if (why.isEmpty()) {
            for (const QJsonValue &v : o.value(u"set"_s).toArray()) {
                SidecarDecision d;
                if (!SidecarFile::parseDecision(v, &d, &why))
                    break;
                change.set.append(std::move(d));
            }
        }
        if (why.isEmpty()) {
            for (const QJsonValue &v : o.value(u"remove"_s).toArray()) {
                if (!v.isString()) {
                    why = u"an id to remove is not text"_s;
                    break;
                }
                change.remove.append(v.toString());
            }
        }
        if (why.isEmpty() && o.contains(u"keep"_s)) {
            change.historyKeep = o.value(u"keep"_s).toInt(-1);
            change.historyAppend = o.value(u"append"_s).toArray();
            if (change.historyKeep < 0)
                why = u"its history position is not a number"_s;
            for (const QJsonValue &v : std::as_const(change.historyAppend)) {
                if (!v.isObject())
                    why = u"a history entry is not a JSON object"_s;
            }
        }
        if (!why.isEmpty()) {
            if (!c.headerValid) {
                c.problems.append(u"The journal %1 does not begin with a journal header; it is not used."_s
                                      .arg(where));
                return c;
            }
            c.problems.append(u"Line %1 of the journal %2 cannot be read (%3); it was skipped."_s
                                  .arg(i + 1)
                                  .arg(where, why));
            continue;
        }
        c.changes.append(std::move(change));
    }
    return c;
}

void ReviewJournal::apply(const QList<Change> &changes, SidecarData *data)
{
    // Only the parsed decisions and history count from here on.
    data->decisionsJson.clear();
    data->historyJson.clear();
    for (const Change &change : changes) {
        for (const QString &id : change.remove) {
            data->decisions.removeIf([&id](const SidecarDecision &d) { return d.id == id; });
        }
        for (const SidecarDecision &d : change.set) {
            bool replaced = false;
            for (SidecarDecision &existing : data->decisions) {
                if (existing.id == d.id) {
                    existing = d;
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                data->decisions.append(d);
        }
        if (change.historyKeep >= 0) {
            while (data->history.size() > change.historyKeep)
                data->history.removeLast();
            for (const QJsonValue &v : change.historyAppend)
                data->history.append(v);
        }
    }
}

ReviewJournal::ReviewJournal(std::shared_ptr<const ReviewDisk> disk, QObject *parent)
    : QObject(parent)
    , m_disk(disk ? std::move(disk) : ReviewDisk::local())
{
}

ReviewJournal::~ReviewJournal()
{
    stop();
}

void ReviewJournal::start(const QString &path, bool truncate, const QString &filingSha256,
                          const QByteArray &base)
{
    stop();
    m_path = path;
    m_writer = std::make_unique<Writer>();
    m_writer->owner = this;
    m_writer->path = QFile::encodeName(path);
    m_writer->filingSha256 = filingSha256;
    m_writer->disk = m_disk;
    m_writer->base = base;
    m_writer->thread = std::thread([w = m_writer.get()] { w->run(); });
    if (truncate)
        m_writer->post({Writer::Kind::Truncate, 0, base});
}

QString ReviewJournal::path() const
{
    return m_path;
}

bool ReviewJournal::isStarted() const
{
    return m_writer != nullptr;
}

quint64 ReviewJournal::append(const QByteArray &bytes)
{
    const quint64 seq = ++m_seq;
    if (m_writer)
        m_writer->post({Writer::Kind::Write, seq, bytes});
    return seq;
}

void ReviewJournal::truncate(const QByteArray &base)
{
    if (m_writer)
        m_writer->post({Writer::Kind::Truncate, 0, base});
}

void ReviewJournal::fold(const QString &reviewFilePath, const QByteArray &bytes)
{
    if (m_writer)
        m_writer->post({Writer::Kind::Fold, m_seq, bytes, reviewFilePath});
}

void ReviewJournal::resume()
{
    if (m_writer)
        m_writer->post({Writer::Kind::Resume});
}

void ReviewJournal::waitForIdle()
{
    if (m_writer)
        m_writer->waitForIdle();
}

void ReviewJournal::stop()
{
    if (!m_writer)
        return;
    m_writer->post({Writer::Kind::Stop});
    m_writer->thread.join();
    m_writer.reset();
    const QFileInfo info(m_path);
    if (info.isFile() && info.size() == 0)
        QFile::remove(m_path);
}

quint64 ReviewJournal::lastSeq() const
{
    return m_seq;
}
