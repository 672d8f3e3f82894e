#include "normalizers.h"

#include <QtCore/QDate>
#include <QtCore/QRegularExpression>
#include <QtCore/QStringList>

using namespace Qt::StringLiterals;

namespace {

int monthNumber(const QString &name)
{
    static const QStringList months{u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                    u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s};
    const QString n = name.toLower();
    if (n.size() < 3)
        return 0;
    const int i = int(months.indexOf(n.left(3)));
    if (i < 0)
        return 0;
    // "Sept" and full names are fine; "Mayor" is not a month.
    static const QStringList full{u"january"_s, u"february"_s, u"march"_s, u"april"_s, u"may"_s,
                                  u"june"_s, u"july"_s, u"august"_s, u"september"_s,
                                  u"october"_s, u"november"_s, u"december"_s};
    if (n.size() > 3 && !full.at(i).startsWith(n) && n != u"sept"_s)
        return 0;
    return i + 1;
}

QString iso(int y, int m, int d)
{
    const QDate date(y, m, d);
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

QString Normalize::spaces(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.isSpace() || c == QChar(0xa0) || c.category() == QChar::Other_Format) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += u' ';
        space = false;
        out += c;
    }
    return out;
}

QString Normalize::date(const QString &text)
{
    const QString t = spaces(text);
    static const QRegularExpression mdy(uR"(^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})$)"_s);
    static const QRegularExpression dmy(uR"(^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$)"_s);
    static const QRegularExpression numeric(uR"(^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$)"_s);
    static const QRegularExpression isoForm(uR"(^(\d{4})-?(\d{2})-?(\d{2})$)"_s);
    QRegularExpressionMatch m = mdy.match(t);
    if (m.hasMatch()) {
        const int month = monthNumber(m.captured(1));
        return month ? iso(m.captured(3).toInt(), month, m.captured(2).toInt()) : QString();
    }
    m = dmy.match(t);
    if (m.hasMatch()) {
        const int month = monthNumber(m.captured(2));
        return month ? iso(m.captured(3).toInt(), month, m.captured(1).toInt()) : QString();
    }
    m = numeric.match(t);
    if (m.hasMatch()) {
        int y = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            y += y < 50 ? 2000 : 1900;
        return iso(y, m.captured(1).toInt(), m.captured(2).toInt());
    }
    m = isoForm.match(t);
    if (m.hasMatch())
        return iso(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return {};
}

QString Normalize::phone(const QString &text)
{
    const QString t = spaces(text);
    QString digits;
    for (const QChar c : t) {
        if (c.isDigit())
            digits += c;
    }
    const bool international = t.startsWith(u'+') && !t.startsWith(u"+1"_s);
    if (!international) {
        if (digits.size() == 11 && digits.startsWith(u'1'))
            digits.remove(0, 1);
        if (digits.size() == 10)
            return digits.left(3) + u'-' + digits.mid(3, 3) + u'-' + digits.mid(6);
        if (digits.size() == 7)
            return digits.left(3) + u'-' + digits.mid(3);
    }
    return digits.size() >= 7 ? t : QString();
}

QString Normalize::state(const QString &text, const QJsonObject &stateCodes)
{
    QString t = spaces(text);
    while (t.endsWith(u'.') || t.endsWith(u','))
        t.chop(1);
    const QString code = t.toUpper().remove(u'.');
    const QString byCode = stateCodes.value(code).toString();
    if (!byCode.isEmpty())
        return byCode;
    for (auto it = stateCodes.begin(); it != stateCodes.end(); ++it) {
        if (it.value().toString().compare(t, Qt::CaseInsensitive) == 0)
            return it.value().toString();
    }
    if (t == t.toUpper()) {
        // "NEW JERSEY" -> "New Jersey" for names the pack does not list.
        QStringList words = t.toLower().split(u' ', Qt::SkipEmptyParts);
        for (QString &w : words) {
            if (w != u"of"_s && w != u"and"_s)
                w[0] = w.at(0).toUpper();
        }
        return words.join(u' ');
    }
    return t;
}

QString Normalize::item(const QString &text)
{
    static const QRegularExpression re(uR"((\d{1,2})(?:\s*\.\s*(\d{1,2})(?!\d))?([A-Ca-c](?![A-Za-z]))?)"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const int major = m.captured(1).toInt();
    if (!m.captured(2).isEmpty()) {
        const QString minor = m.captured(2);
        // "8.1" in old filings means 8.01; two digits are kept as written.
        return QString::number(major) + u'.' + (minor.size() == 1 ? u"0"_s + minor : minor);
    }
    return QString::number(major) + m.captured(3).toUpper();
}

QString Normalize::exhibit(const QString &text)
{
    static const QRegularExpression re(uR"((\d{1,3})(?:\.(\d{1,3}))?)"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const QString major = QString::number(m.captured(1).toInt());
    if (m.captured(2).isEmpty())
        return major;
    return major + u'.' + QString::number(m.captured(2).toInt());
}

QString Normalize::formType(const QString &text)
{
    QString t = spaces(text).toUpper();
    if (t.startsWith(u"FORM "_s))
        t = t.mid(5);
    t.remove(u' ');
    t.replace(QChar(0x2011), u'-').replace(QChar(0x2013), u'-').replace(QChar(0x2014), u'-');
    return t;
}

QString Normalize::cik(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    if (digits.isEmpty() || digits.size() > 10)
        return {};
    return digits.rightJustified(10, u'0');
}

QString Normalize::irsNumber(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    // Nine zeros is EDGAR's placeholder for "none".
    if (digits.size() != 9 || digits == u"000000000"_s)
        return {};
    return digits.left(2) + u'-' + digits.mid(2);
}

QString Normalize::fileNumber(const QString &text)
{
    QString t = spaces(text);
    t.replace(QChar(0x2011), u'-').replace(QChar(0x2013), u'-').replace(QChar(0x2014), u'-');
    t.remove(u' ');
    return t;
}

QString Normalize::personName(const QString &text)
{
    // Word by word, so "CHRISTOPHER BOERNER, Ph.D." keeps its degree as written.
    static const QStringList keep{u"II"_s, u"III"_s, u"IV"_s, u"VI"_s, u"MD"_s, u"M.D."_s,
                                  u"PHD"_s, u"CPA"_s, u"CFA"_s, u"ESQ."_s};
    QStringList words = spaces(text).split(u' ', Qt::SkipEmptyParts);
    for (QString &w : words) {
        bool lower = false;
        for (const QChar c : std::as_const(w))
            lower = lower || c.isLower();
        QString bare = w;
        bare.remove(u',');
        if (lower || keep.contains(bare))
            continue;
        QString out;
        bool start = true;
        for (const QChar c : std::as_const(w)) {
            out += start ? c : c.toLower();
            start = !c.isLetter();
        }
        w = out;
    }
    return words.join(u' ');
}
