#include "documentcontent.h"

using namespace Qt::StringLiterals;

QString formatKey(DocumentFormat format)
{
    switch (format) {
    case DocumentFormat::Pdf:
        return u"pdf"_s;
    case DocumentFormat::Html:
        return u"html"_s;
    case DocumentFormat::Submission:
        return u"submission"_s;
    case DocumentFormat::PlainText:
        break;
    }
    return u"text"_s;
}

int DocumentContent::partOfPage(int page) const
{
    for (int i = 0; i < parts.size(); ++i) {
        const DocumentPart &p = parts.at(i);
        if (page >= p.firstPage && page < p.firstPage + p.pageCount)
            return i;
    }
    return -1;
}
