#include "exportrow.h"

#include "model/entitytypes.h"

#include <QtCore/QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

ExportRowBuilder::ExportRowBuilder(const DocumentContent &content)
    : m_content(content)
{
    m_fileName = content.fileName.isEmpty() ? QFileInfo(content.filePath).fileName()
                                            : QFileInfo(content.fileName).fileName();
}

int ExportRowBuilder::toCodePoint(int page, int utf16Index)
{
    if (page < 0 || page >= m_content.text.pageCount())
        return utf16Index;
    auto it = m_pairs.find(page);
    if (it == m_pairs.end()) {
        QList<int> lows;
        const QString &text = m_content.text.pages.at(page);
        const QChar *c = text.constData();
        const qsizetype n = text.size();
        for (qsizetype i = 0; i + 1 < n; ++i) {
            if (c[i].isHighSurrogate() && c[i + 1].isLowSurrogate()) {
                lows.append(int(i + 1));
                ++i;
            }
        }
        it = m_pairs.insert(page, lows);
    }
    const int size = int(m_content.text.pages.at(page).size());
    const int index = qBound(0, utf16Index, size);
    // Each pair whose low surrogate lies before index counts as one code point, not two.
    const QList<int> &lows = it.value();
    const auto before = std::lower_bound(lows.cbegin(), lows.cend(), index) - lows.cbegin();
    return index - int(before);
}

ExportRow ExportRowBuilder::row(const Entity &e)
{
    ExportRow r;
    r.file = m_fileName;
    r.id = e.id;
    r.type = e.type;
    auto cat = m_categories.constFind(e.type);
    if (cat == m_categories.cend())
        cat = m_categories.insert(e.type, EntityTypes::categoryOf(e.type));
    r.category = cat.value();
    r.value = e.value;
    r.text = e.text;
    const SourceSpan &s = e.span;
    if (!e.orphan && s.isValid() && s.page < m_content.text.pageCount()
        && s.end <= m_content.text.pages.at(s.page).size()) {
        r.hasSpan = true;
        r.page = s.page + 1;
        r.start = toCodePoint(s.page, s.start);
        r.end = toCodePoint(s.page, s.end);
        // The contract: page_text[start:end] == text. The page is the truth.
        r.text = m_content.text.pages.at(s.page).mid(s.start, s.length());
    }
    r.confidence = e.confidence;
    r.status = statusKey(e.status);
    r.origin = e.origin.isEmpty() && e.status == EntityStatus::Added ? u"manual"_s : e.origin;
    r.attributes = e.attributes;
    r.note = e.note;
    return r;
}

QString ExportRowBuilder::formatAttributes(const QMap<QString, QString> &attributes)
{
    QString out;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        if (!out.isEmpty())
            out += u"; "_s;
        for (QChar c : it.key()) {
            if (c == u'\\' || c == u';' || c == u'=')
                out += u'\\';
            out += c;
        }
        out += u'=';
        for (QChar c : it.value()) {
            if (c == u'\\' || c == u';')
                out += u'\\';
            out += c;
        }
    }
    return out;
}

QString ExportRowBuilder::formatConfidence(double confidence)
{
    if (qIsNaN(confidence) || qIsInf(confidence))
        return {};
    QString s = QString::number(confidence, 'f', 3);
    if (s.endsWith(u'0'))
        s.chop(1);
    return s;
}
