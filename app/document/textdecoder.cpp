#include "textdecoder.h"

#include <QtCore/QStringDecoder>

namespace {

// Windows-1252 0x80..0x9F; the five undefined bytes map to their C1 code points.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

bool startsWith(const QByteArray &b, const char *prefix, int n)
{
    return b.size() >= n && memcmp(b.constData(), prefix, size_t(n)) == 0;
}

QChar cp1252(unsigned char u)
{
    return (u >= 0x80 && u < 0xA0) ? QChar(kCp1252High[u - 0x80]) : QChar(char16_t(u));
}

bool isTrail(const unsigned char *p, qsizetype i, qsizetype n, unsigned char lo = 0x80, unsigned char hi = 0xBF)
{
    return i < n && p[i] >= lo && p[i] <= hi;
}

// Length of the well-formed UTF-8 sequence at p[i] (RFC 3629: no overlongs,
// no surrogates), 0 if there is none.
int utf8Length(const unsigned char *p, qsizetype i, qsizetype n)
{
    const unsigned char b = p[i];
    if (b >= 0xC2 && b <= 0xDF)
        return isTrail(p, i + 1, n) ? 2 : 0;
    if (b >= 0xE0 && b <= 0xEF) {
        const unsigned char lo = b == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = b == 0xED ? 0x9F : 0xBF;
        return isTrail(p, i + 1, n, lo, hi) && isTrail(p, i + 2, n) ? 3 : 0;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        const unsigned char lo = b == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = b == 0xF4 ? 0x8F : 0xBF;
        return isTrail(p, i + 1, n, lo, hi) && isTrail(p, i + 2, n) && isTrail(p, i + 3, n) ? 4 : 0;
    }
    return 0;
}

// UTF-8 where the bytes form UTF-8, Windows-1252 byte by byte where they do
// not: filings pasted together from several sources mix the two, and neither
// a strict UTF-8 nor a plain 1252 reading gets both halves right.
QString decodeUtf8Or1252(QByteArrayView bytes, bool *sawInvalid)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    QString out;
    out.reserve(n);
    bool invalid = false;
    for (qsizetype i = 0; i < n;) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            out.append(QChar(char16_t(b)));
            ++i;
            continue;
        }
        const int len = utf8Length(p, i, n);
        if (len == 0) {
            invalid = true;
            out.append(cp1252(b));
            ++i;
            continue;
        }
        char32_t cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < len; ++k)
            cp = (cp << 6) | (p[i + k] & 0x3F);
        if (QChar::requiresSurrogates(cp)) {
            out.append(QChar(QChar::highSurrogate(cp)));
            out.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            out.append(QChar(char16_t(cp)));
        }
        i += len;
    }
    *sawInvalid = invalid;
    return out;
}

} // namespace

QString TextDecoder::decode(const QByteArray &bytes, Encoding *detected)
{
    Encoding enc = Encoding::Utf8;
    QString text;
    if (startsWith(bytes, "\xFF\xFE\x00\x00", 4) || startsWith(bytes, "\x00\x00\xFE\xFF", 4)) {
        enc = Encoding::Utf32;
        QStringDecoder dec(QStringConverter::Utf32, QStringConverter::Flag::Default);
        text = dec.decode(bytes);
    } else if (startsWith(bytes, "\xFF\xFE", 2) || startsWith(bytes, "\xFE\xFF", 2)) {
        enc = Encoding::Utf16;
        QStringDecoder dec(QStringConverter::Utf16, QStringConverter::Flag::Default);
        text = dec.decode(bytes);
    } else {
        const bool bom = startsWith(bytes, "\xEF\xBB\xBF", 3);
        bool invalid = false;
        text = decodeUtf8Or1252(QByteArrayView(bytes).sliced(bom ? 3 : 0), &invalid);
        if (invalid && !bom)
            enc = Encoding::Windows1252;
    }
    normalizeLineEnds(text);
    if (detected)
        *detected = enc;
    return text;
}

bool TextDecoder::looksBinary(const QByteArray &sample)
{
    if (sample.isEmpty())
        return false;
    if (startsWith(sample, "\xFF\xFE", 2) || startsWith(sample, "\xFE\xFF", 2)
        || startsWith(sample, "\x00\x00\xFE\xFF", 4))
        return false;
    qsizetype nul = 0;
    qsizetype control = 0;
    for (const char c : sample) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0)
            ++nul;
        else if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != '\v' && u != 0x1B)
                 || u == 0x7F)
            ++control;
    }
    // Text files may carry stray NULs; a tenth of them, or 5 % other control bytes, is data.
    return nul * 10 > sample.size() || control * 20 > sample.size();
}

void TextDecoder::normalizeLineEnds(QString &text)
{
    if (!text.contains(u'\r') && !text.contains(QChar(0)))
        return;
    QChar *out = text.data();
    const QChar *in = text.constData();
    const QChar *end = in + text.size();
    QChar *dst = out;
    for (; in != end; ++in) {
        const char16_t c = in->unicode();
        if (c == u'\r') {
            *dst++ = QChar(u'\n');
            if (in + 1 != end && in[1].unicode() == u'\n')
                ++in;
        } else if (c != 0) {
            *dst++ = *in;
        }
    }
    text.truncate(dst - out);
}
