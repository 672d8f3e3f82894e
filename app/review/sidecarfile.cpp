#include "sidecarfile.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonParseError>
#include <QtCore/QLoggingCategory>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QStorageInfo>

#include <algorithm>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSidecar, "filinglens.review.sidecar")

namespace {

const QString kSchemaPrefix = u"filing-lens/review@"_s;
constexpr int kSchemaVersion = 1;

QString isoUtc(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime parseUtc(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QJsonObject anchorToJson(const SidecarAnchor &a)
{
    return QJsonObject{{u"page"_s, a.page},       {u"start"_s, a.start},
                       {u"end"_s, a.end},         {u"exact"_s, a.exact},
                       {u"prefix"_s, a.prefix},   {u"suffix"_s, a.suffix}};
}

QJsonObject decisionToJson(const SidecarDecision &d)
{
    QJsonObject attributes;
    for (auto it = d.attributes.cbegin(); it != d.attributes.cend(); ++it)
        attributes.insert(it.key(), it.value());
    return QJsonObject{{u"id"_s, d.id},
                       {u"status"_s, d.status},
                       {u"type"_s, d.type},
                       {u"value"_s, d.value},
                       {u"anchor"_s, anchorToJson(d.anchor)},
                       {u"attributes"_s, attributes},
                       {u"note"_s, d.note},
                       {u"by"_s, d.by},
                       {u"at"_s, isoUtc(d.at)}};
}

// Strict on shape: a file we do not fully understand is never rewritten.
bool decisionFromJson(const QJsonValue &value, SidecarDecision *d, QString *why)
{
    if (!value.isObject()) {
        *why = u"a decision is not a JSON object"_s;
        return false;
    }
    const QJsonObject o = value.toObject();
    d->id = o.value(u"id"_s).toString();
    if (d->id.isEmpty()) {
        *why = u"a decision has no id"_s;
        return false;
    }
    d->status = o.value(u"status"_s).toString();
    static const QStringList statuses = {u"auto"_s, u"confirmed"_s, u"corrected"_s,
                                         u"added"_s, u"rejected"_s};
    if (!statuses.contains(d->status)) {
        *why = u"decision %1 has an unknown status \"%2\""_s.arg(d->id, d->status);
        return false;
    }
    d->type = o.value(u"type"_s).toString();
    if (d->type.isEmpty()) {
        const int at = d->id.indexOf(u'@');
        d->type = at > 0 ? d->id.left(at) : QString();
    }
    d->value = o.value(u"value"_s).toString();
    const QJsonValue anchor = o.value(u"anchor"_s);
    if (!anchor.isUndefined() && !anchor.isObject()) {
        *why = u"decision %1 has an anchor that is not an object"_s.arg(d->id);
        return false;
    }
    const QJsonObject a = anchor.toObject();
    d->anchor.page = a.value(u"page"_s).toInt();
    d->anchor.start = a.value(u"start"_s).toInt();
    d->anchor.end = a.value(u"end"_s).toInt();
    d->anchor.exact = a.value(u"exact"_s).toString();
    d->anchor.prefix = a.value(u"prefix"_s).toString();
    d->anchor.suffix = a.value(u"suffix"_s).toString();
    if (d->anchor.start < 0 || d->anchor.end < d->anchor.start || d->anchor.page < 0) {
        *why = u"decision %1 has an impossible anchor"_s.arg(d->id);
        return false;
    }
    const QJsonObject attributes = o.value(u"attributes"_s).toObject();
    for (auto it = attributes.constBegin(); it != attributes.constEnd(); ++it)
        d->attributes.insert(it.key(), it.value().toVariant().toString());
    d->note = o.value(u"note"_s).toString();
    d->by = o.value(u"by"_s).toString();
    d->at = parseUtc(o.value(u"at"_s));
    return true;
}

} // namespace

QString SidecarFile::schema()
{
    return kSchemaPrefix + QString::number(kSchemaVersion);
}

QString SidecarFile::suffix()
{
    return u".review.json"_s;
}

QString SidecarFile::pathBeside(const QString &filingPath)
{
    return QFileInfo(filingPath).absoluteFilePath() + suffix();
}

QString SidecarFile::fallbackPath(const QString &sha256)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/reviews/"_s
        + sha256 + suffix();
}

SidecarFile::LoadResult SidecarFile::load(const QString &path)
{
    LoadResult result;
    QFile file(path);
    if (!file.exists()) {
        result.status = LoadStatus::Missing;
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.status = LoadStatus::Unreadable;
        result.message = u"Cannot read the review file %1: %2"_s.arg(
            QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    return parse(file.readAll(), path);
}

SidecarFile::LoadResult SidecarFile::parse(const QByteArray &bytes, const QString &path)
{
    LoadResult result;
    result.bytes = bytes;
    const QString where = QDir::toNativeSeparators(path);
    auto corrupt = [&](const QString &why) {
        result.status = LoadStatus::Corrupt;
        result.message = u"The review file %1 cannot be read: %2."_s.arg(where, why);
        return result;
    };

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return corrupt(u"%1 at byte %2"_s.arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return corrupt(u"it is not a JSON object"_s);
    const QJsonObject root = doc.object();

    const QString schemaName = root.value(u"schema"_s).toString();
    if (!schemaName.startsWith(kSchemaPrefix))
        return corrupt(schemaName.isEmpty() ? u"it has no \"schema\""_s
                                            : u"its schema \"%1\" is not a review file"_s.arg(schemaName));
    bool ok = false;
    const int version = QStringView(schemaName).mid(kSchemaPrefix.size()).toInt(&ok);
    if (!ok || version < 1)
        return corrupt(u"its schema \"%1\" is not a review file"_s.arg(schemaName));
    if (version > kSchemaVersion) {
        result.status = LoadStatus::NewerSchema;
        result.message = u"The review file %1 was written by a newer version of Filing Lens "
                         u"(schema %2). Its decisions are not shown, and it will not be changed."_s
                             .arg(where, schemaName);
        return result;
    }
    const QJsonValue unit = root.value(u"offsetUnit"_s);
    if (!unit.isUndefined() && unit.toString() != u"codepoint"_s)
        return corrupt(u"its offsets are in \"%1\", not code points"_s.arg(unit.toString()));

    const QJsonObject document = root.value(u"document"_s).toObject();
    result.data.file = document.value(u"file"_s).toString();
    result.data.sha256 = document.value(u"sha256"_s).toString();
    result.data.pages = document.value(u"pages"_s).toInt();
    result.data.format = document.value(u"format"_s).toString();
    result.data.savedAt = parseUtc(root.value(u"savedAt"_s));
    if (const QJsonValue done = root.value(u"done"_s); !done.isUndefined() && !done.isNull()) {
        if (!done.isObject())
            return corrupt(u"\"done\" is not an object"_s);
        result.data.done = true;
        result.data.doneBy = done.toObject().value(u"by"_s).toString();
        result.data.doneAt = parseUtc(done.toObject().value(u"at"_s));
    }

    const QJsonValue decisions = root.value(u"decisions"_s);
    if (!decisions.isUndefined() && !decisions.isArray())
        return corrupt(u"\"decisions\" is not a list"_s);
    const QJsonArray list = decisions.toArray();
    result.data.decisions.reserve(list.size());
    for (const QJsonValue &v : list) {
        SidecarDecision d;
        QString why;
        if (!decisionFromJson(v, &d, &why))
            return corrupt(why);
        result.data.decisions.append(std::move(d));
    }
    const QJsonValue history = root.value(u"history"_s);
    if (!history.isUndefined() && !history.isArray())
        return corrupt(u"\"history\" is not a list"_s);
    result.data.history = history.toArray();
    result.status = LoadStatus::Loaded;
    return result;
}

bool SidecarFile::parseDecision(const QJsonValue &value, SidecarDecision *decision, QString *why)
{
    return decisionFromJson(value, decision, why);
}

QJsonObject SidecarFile::toJson(const SidecarData &data)
{
    QJsonArray decisions;
    for (const SidecarDecision &d : data.decisions)
        decisions.append(decisionToJson(d));
    QJsonObject root{{u"schema"_s, schema()},
                       {u"offsetUnit"_s, u"codepoint"_s},
                       {u"document"_s,
                        QJsonObject{{u"file"_s, data.file},
                                    {u"sha256"_s, data.sha256},
                                    {u"pages"_s, data.pages},
                                    {u"format"_s, data.format}}},
                       {u"savedAt"_s, isoUtc(data.savedAt)},
                       {u"decisions"_s, decisions},
                       {u"history"_s, data.history}};
    if (data.done)
        root.insert(u"done"_s, QJsonObject{{u"by"_s, data.doneBy}, {u"at"_s, isoUtc(data.doneAt)}});
    return root;
}

namespace {

// A hand-written writer: QJsonDocument needs ~50 ms per thousand decisions, far
// over the budget. One decision or history entry per line keeps the file small,
// fast to parse, and readable in a line-based diff or merge.
void writeString(QByteArray &out, QStringView s)
{
    // Worst case 6 bytes per UTF-16 unit (\\u00XX), plus the quotes; written in place.
    const qsizetype n = s.size();
    const qsizetype old = out.size();
    const qsizetype need = old + 6 * n + 2;
    if (out.capacity() < need)
        out.reserve(std::max(need, 2 * out.capacity()));
    out.resize(need);
    char *w = out.data() + old;
    const char16_t *p = s.utf16();
    *w++ = '"';
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *w++ = char(c);
                continue;
            }
            *w++ = '\\';
            switch (c) {
            case u'"': *w++ = '"'; break;
            case u'\\': *w++ = '\\'; break;
            case u'\n': *w++ = 'n'; break;
            case u'\r': *w++ = 'r'; break;
            case u'\t': *w++ = 't'; break;
            case u'\b': *w++ = 'b'; break;
            case u'\f': *w++ = 'f'; break;
            default: {
                static const char hex[] = "0123456789abcdef";
                *w++ = 'u';
                *w++ = '0';
                *w++ = '0';
                *w++ = hex[c >> 4];
                *w++ = hex[c & 0xf];
            }
            }
        } else if (c < 0x800) {
            *w++ = char(0xc0 | (c >> 6));
            *w++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(p[i + 1])) {
            const char32_t u = QChar::surrogateToUcs4(c, p[i + 1]);
            ++i;
            *w++ = char(0xf0 | (u >> 18));
            *w++ = char(0x80 | ((u >> 12) & 0x3f));
            *w++ = char(0x80 | ((u >> 6) & 0x3f));
            *w++ = char(0x80 | (u & 0x3f));
        } else {
            // A lone surrogate cannot be encoded; write the replacement character.
            const char16_t v = QChar::isSurrogate(c) ? char16_t(0xfffd) : c;
            *w++ = char(0xe0 | (v >> 12));
            *w++ = char(0x80 | ((v >> 6) & 0x3f));
            *w++ = char(0x80 | (v & 0x3f));
        }
    }
    *w++ = '"';
    out.resize(w - out.constData());
}

void writeKey(QByteArray &out, const char *key)
{
    out.append('"').append(key).append("\": ");
}

void writeValue(QByteArray &out, const QJsonValue &v);

void writeObject(QByteArray &out, const QJsonObject &o)
{
    out.append('{');
    bool first = true;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!first)
            out.append(", ");
        first = false;
        writeString(out, it.key());
        out.append(": ");
        writeValue(out, it.value());
    }
    out.append('}');
}

void writeValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(v.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        // Range first: converting a double beyond qint64 is undefined behaviour.
        if (std::abs(d) < 9007199254740992.0 && d == double(qint64(d)))
            out.append(QByteArray::number(qint64(d)));
        else
            out.append(QByteArray::number(d, 'g', 17));
        break;
    }
    case QJsonValue::String:
        writeString(out, v.toString());
        break;
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        for (const QJsonValue &e : v.toArray()) {
            if (!first)
                out.append(", ");
            first = false;
            writeValue(out, e);
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object:
        writeObject(out, v.toObject());
        break;
    }
}

void writeInt(QByteArray &out, const char *key, int value)
{
    writeKey(out, key);
    char buf[16];
    out.append(buf, std::snprintf(buf, sizeof buf, "%d", value));
}

// "2026-11-25T12:00:00Z", as QDateTime's ISODate writes a UTC time; empty if invalid.
void writeTime(QByteArray &out, const char *key, const QDateTime &when)
{
    writeKey(out, key);
    if (!when.isValid()) {
        out.append("\"\"");
        return;
    }
    const QDateTime utc = when.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char buf[40];
    out.append(buf, std::snprintf(buf, sizeof buf, "\"%04d-%02d-%02dT%02d:%02d:%02dZ\"", d.year(),
                                  d.month(), d.day(), t.hour(), t.minute(), t.second()));
}

void writeField(QByteArray &out, const char *key, QStringView value)
{
    writeKey(out, key);
    writeString(out, value);
}

// Fields in the order of the contract.
void writeDecision(QByteArray &out, const SidecarDecision &d)
{
    out.append('{');
    writeField(out, "id", d.id);
    out.append(", ");
    writeField(out, "status", d.status);
    out.append(", ");
    writeField(out, "type", d.type);
    out.append(", ");
    writeField(out, "value", d.value);
    out.append(", ");
    writeKey(out, "anchor");
    out.append('{');
    writeInt(out, "page", d.anchor.page);
    out.append(", ");
    writeInt(out, "start", d.anchor.start);
    out.append(", ");
    writeInt(out, "end", d.anchor.end);
    out.append(", ");
    writeField(out, "exact", d.anchor.exact);
    out.append(", ");
    writeField(out, "prefix", d.anchor.prefix);
    out.append(", ");
    writeField(out, "suffix", d.anchor.suffix);
    out.append("}, ");
    writeKey(out, "attributes");
    out.append('{');
    for (auto it = d.attributes.cbegin(); it != d.attributes.cend(); ++it) {
        if (it != d.attributes.cbegin())
            out.append(", ");
        writeString(out, it.key());
        out.append(": ");
        writeString(out, it.value());
    }
    out.append("}, ");
    writeField(out, "note", d.note);
    out.append(", ");
    writeField(out, "by", d.by);
    out.append(", ");
    writeTime(out, "at", d.at);
    out.append('}');
}

// The body and closing bracket of an array written one element per line (so git
// diffs and merges stay line-wise): elements already encoded are used as they
// are, otherwise each value is written.
template <typename Values, typename Write>
void writeLines(QByteArray &out, const QList<QByteArray> &encoded, const Values &values, Write write)
{
    const bool useEncoded = !encoded.isEmpty();
    const qsizetype count = useEncoded ? encoded.size() : values.size();
    for (qsizetype i = 0; i < count; ++i) {
        out.append(i == 0 ? "\n    " : ",\n    ");
        if (useEncoded)
            out.append(encoded.at(i));
        else
            write(out, values.at(i));
    }
    out.append(count == 0 ? "]" : "\n  ]");
}

} // namespace

QByteArray SidecarFile::serialize(const SidecarData &data)
{
    QByteArray out;
    qsizetype size = 1024 + data.decisions.size() * 400 + data.history.size() * 200;
    for (const QByteArray &line : data.decisionsJson)
        size += line.size() + 6;
    for (const QByteArray &line : data.historyJson)
        size += line.size() + 6;
    out.reserve(size);
    out.append("{\n  ");
    writeField(out, "schema", schema());
    out.append(",\n  ");
    writeField(out, "offsetUnit", u"codepoint");
    out.append(",\n  ");
    writeKey(out, "document");
    out.append('{');
    writeField(out, "file", data.file);
    out.append(", ");
    writeField(out, "sha256", data.sha256);
    out.append(", ");
    writeInt(out, "pages", data.pages);
    out.append(", ");
    writeField(out, "format", data.format);
    out.append("},\n  ");
    writeTime(out, "savedAt", data.savedAt);
    out.append(",\n  ");
    if (data.done) {
        // Only a filing marked done has the field: other review files keep their bytes.
        writeKey(out, "done");
        out.append('{');
        writeField(out, "by", data.doneBy);
        out.append(", ");
        writeTime(out, "at", data.doneAt);
        out.append("},\n  ");
    }
    writeKey(out, "decisions");
    out.append('[');
    writeLines(out, data.decisionsJson, data.decisions, writeDecision);
    out.append(",\n  ");
    writeKey(out, "history");
    out.append('[');
    writeLines(out, data.historyJson, data.history, writeValue);
    out.append("\n}\n");
    return out;
}

QByteArray SidecarFile::serializeDecision(const SidecarDecision &decision)
{
    QByteArray out;
    writeDecision(out, decision);
    return out;
}

QByteArray SidecarFile::serializeObject(const QJsonObject &object)
{
    QByteArray out;
    writeObject(out, object);
    return out;
}

SidecarFile::SaveResult SidecarFile::save(const QString &path, const QByteArray &bytes, const ReviewDisk &disk)
{
    SaveResult result;
    const QString where = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        result.message = u"Cannot save the review file %1: cannot create its folder."_s.arg(where);
        return result;
    }
    // An atomic save renames over its target: never over a device or a pipe.
    if (info.exists() && !info.isFile()) {
        result.message = u"Cannot save the review file %1: it is not a regular file."_s.arg(where);
        return result;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.message = u"Cannot save the review file %1: %2"_s.arg(where, file.errorString());
        return result;
    }
    // QSaveFile reports a full disk as "Unknown error"; say what it is.
    const auto cause = [&] {
        const QStorageInfo disk(info.absolutePath());
        if (disk.isValid() && disk.bytesAvailable() < bytes.size())
            return u"the disk is full"_s;
        return file.errorString();
    };
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        result.message = u"Cannot save the review file %1: %2"_s.arg(where, cause());
        file.cancelWriting();
        return result;
    }
    if (!disk.mayCommit(path)) {
        file.cancelWriting();
        file.commit();
        result.message = u"Cannot save the review file %1: the write was interrupted."_s.arg(where);
        return result;
    }
    // The previous version becomes the .bak only once the new one is fully written.
    if (info.exists()) {
        const QString bak = path + u".bak"_s;
        QFile::remove(bak);
        // A hard link keeps the old version at no cost: the commit below replaces
        // the name, not the file. Copy where links are not possible.
        bool kept = false;
#ifdef Q_OS_UNIX
        kept = ::link(QFile::encodeName(path).constData(), QFile::encodeName(bak).constData()) == 0;
#endif
        if (!kept && !QFile::copy(path, bak))
            qCWarning(lcSidecar) << "cannot keep the previous version as" << bak;
    }
    if (!file.commit()) {
        result.message = u"Cannot save the review file %1: %2"_s.arg(where, cause());
        return result;
    }
    result.ok = true;
    return result;
}
