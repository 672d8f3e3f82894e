#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

// Turns the bytes of a text filing into a QString the way an analyst expects to
// read it: a BOM selects UTF-8/UTF-16/UTF-32; otherwise well-formed UTF-8
// sequences are UTF-8 and every other byte is Windows-1252 (a superset of
// Latin-1 for printable text), so a file in either, or a mix of both, reads right.
// detected is Windows1252 when any byte was not UTF-8.
// NUL bytes are dropped and CRLF / lone CR become LF, so offsets count the
// characters a user sees.
class TextDecoder final
{
public:
    enum class Encoding { Utf8, Utf16, Utf32, Windows1252 };

    static QString decode(const QByteArray &bytes, Encoding *detected = nullptr);
    // True when a sample of the start of a file looks like binary data rather
    // than text (many NULs or control bytes). UTF-16/32 with a BOM is text.
    static bool looksBinary(const QByteArray &sample);
    // CRLF and lone CR to LF, NUL removed; in place.
    static void normalizeLineEnds(QString &text);
};
