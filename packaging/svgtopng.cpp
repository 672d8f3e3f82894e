// Build-time tool: renders the application icon SVG into the hicolor PNG sizes, so no
// generated PNG is kept in the source tree.
//   svgtopng ICON.svg OUTDIR NAME SIZE...   writes OUTDIR/<SIZE>x<SIZE>/apps/NAME.png
// Exit codes: 0 all written, 1 a file could not be read or written, 2 usage.
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QStringList>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtSvg/QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.size() < 4) {
        std::fputs("usage: svgtopng ICON.svg OUTDIR NAME SIZE...\n", stderr);
        return 2;
    }
    const QString svgPath = args.takeFirst();
    const QString outDir = args.takeFirst();
    const QString name = args.takeFirst();

    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "svgtopng: %s: not a valid SVG file\n", qPrintable(svgPath));
        return 1;
    }

    for (const QString &sizeText : std::as_const(args)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            std::fprintf(stderr, "svgtopng: %s: not a pixel size\n", qPrintable(sizeText));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        const QString dir = outDir % u'/' % sizeText % u'x' % sizeText % u"/apps"_s;
        const QString file = dir % u'/' % name % u".png"_s;
        if (!QDir().mkpath(dir) || !image.save(file, "PNG")) {
            std::fprintf(stderr, "svgtopng: %s: cannot write the file\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
