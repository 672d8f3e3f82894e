#pragma once

// A filing the review tests own: a copy of a two-page excerpt of the bundled
// ImmunoGen 8-K in a temporary folder, its content, and entities as the extractor
// would report them.
#include "model/documentcontent.h"
#include "model/entity.h"
#include "testutils.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>

namespace ReviewFixture {

using namespace Qt::StringLiterals;

inline QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline DocumentContent contentOf(const QString &path)
{
    const QByteArray bytes = readBytes(path);
    DocumentContent c;
    c.format = DocumentFormat::PlainText;
    c.filePath = path;
    c.fileName = QFileInfo(path).fileName();
    c.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    c.text.pages = QString::fromUtf8(bytes).split(u'\f');
    return c;
}

// The `occurrence`-th `needle` on `page`, as an extracted entity.
inline Entity found(const DocumentContent &c, const QString &type, const QString &needle, int page,
                    const QString &value = {}, int occurrence = 0)
{
    if (page >= c.text.pageCount())
        return {};
    const QString &text = c.text.pages.at(page);
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = text.indexOf(needle, at + 1);
    Entity e;
    if (at < 0)
        return e;
    e.type = type;
    e.span = SourceSpan{page, int(at), int(at + needle.size())};
    e.text = needle;
    e.value = value.isEmpty() ? needle : value;
    e.confidence = 0.9;
    e.origin = u"test."_s + type;
    e.id = Entity::makeId(type, e.span, text);
    return e;
}

// Only what is in the text, as an extractor would; a needle that is gone is skipped.
inline EntityList extract(const DocumentContent &c)
{
    const EntityList all = {
        found(c, u"form_type"_s, u"8-K"_s, 0),
        found(c, u"report_date"_s, u"June 4, 2007"_s, 0, u"2007-06-04"_s),
        found(c, u"registrant"_s, u"ImmunoGen, Inc."_s, 0),
        found(c, u"state_of_incorporation"_s, u"Massachusetts"_s, 0, u"MA"_s),
        found(c, u"commission_file_number"_s, u"0-17999"_s, 0),
        found(c, u"irs_employer_id"_s, u"04-2726691"_s, 0),
        found(c, u"registrant_phone"_s, u"(617) 995-2500"_s, 0, u"617-995-2500"_s),
        found(c, u"item"_s, u"ITEM 8.01"_s, 1, u"8.01"_s),
        found(c, u"drug"_s, u"trastuzumab-DM1"_s, 1),
        found(c, u"organization"_s, u"Genentech"_s, 1),
        found(c, u"trial_phase"_s, u"Phase II"_s, 1),
        found(c, u"exhibit"_s, u"Exhibit 99.1"_s, 1, u"99.1"_s),
    };
    EntityList out;
    for (const Entity &e : all)
        if (!e.id.isEmpty())
            out.append(e);
    return out;
}

// A fresh copy of the fixture filing in its own temporary folder.
struct Filing
{
    QTemporaryDir dir;
    QString path;
    DocumentContent content;
    EntityList extracted;

    explicit Filing(const QByteArray &bytes = readBytes(TestUtils::dataPath(u"review/immunogen-8k.txt"_s)))
    {
        path = dir.filePath(u"immunogen-8k.txt"_s);
        writeBytes(path, bytes);
        reload();
    }
    void reload()
    {
        content = contentOf(path);
        extracted = extract(content);
    }
    QString sidecar() const { return path + u".review.json"_s; }
    QString idOf(const QString &type) const
    {
        for (const Entity &e : extracted)
            if (e.type == type)
                return e.id;
        return {};
    }
};

} // namespace ReviewFixture
