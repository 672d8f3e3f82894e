#include "gui.h"

#include "mainwindow.h"
#include "workspacepanel.h"
#ifdef FILINGLENS_TEST_HOOKS
#include "testkeyfeed.h"
#endif

#include <QtCore/QCommandLineParser>
#include <QtCore/QFileInfo>
#include <QtCore/QTimer>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int Gui::run(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"filing-lens"_s);
    QApplication::setApplicationName(u"filing-lens"_s);
    QApplication::setApplicationDisplayName(u"Filing Lens"_s);
    QApplication::setApplicationVersion(QStringLiteral(FILINGLENS_VERSION));
    QApplication::setDesktopFileName(u"io.github.filinglens.FilingLens"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/filing-lens.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Gui", "Review entities extracted from SEC filings"));
    parser.addPositionalArgument(u"file"_s, QApplication::translate("Gui", "The filing to open."),
                                 u"[FILE]"_s);
    const QCommandLineOption sample(u"sample"_s,
                                    QApplication::translate("Gui", "Open the bundled sample filing."));
    parser.addOption(sample);
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "filing-lens: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1 || (parser.isSet(sample) && !files.isEmpty())) {
        std::fputs("filing-lens: give one FILE or --sample (see filing-lens --help)\n", stderr);
        return 2;
    }

    MainWindow window;
    window.show();
#ifdef FILINGLENS_TEST_HOOKS
    TestKeyFeed::installIfRequested(&window);
#endif
    if (parser.isSet(sample))
        QTimer::singleShot(0, &window, [&window] { window.openSample(); });
    else if (!files.isEmpty() && QFileInfo(files.first()).isDir()) {
        const QString folder = QFileInfo(files.first()).absoluteFilePath();
        QTimer::singleShot(0, &window, [&window, folder] { WorkspacePanel::of(&window)->openFolder(folder); });
    } else if (!files.isEmpty()) {
        const QString path = QFileInfo(files.first()).absoluteFilePath();
        QTimer::singleShot(0, &window, [&window, path] { window.openFile(path); });
    }
    return app.exec();
}
