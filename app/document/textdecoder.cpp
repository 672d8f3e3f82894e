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

QString decodeCp1252(const QByteArray &bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        *dst++ = (u >= 0x80 && u < 0xA0) ? QChar(kCp1252High[u - 0x80]) : QChar(char16_t(u));
    }
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
        QStringDecoder dec(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        const bool bom = startsWith(bytes, "\xEF\xBB\xBF", 3);
        text = dec.decode(QByteArrayView(bytes).sliced(bom ? 3 : 0));
        if (dec.hasError() && !bom) {
            enc = Encoding::Windows1252;
            text = decodeCp1252(bytes);
        }
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
