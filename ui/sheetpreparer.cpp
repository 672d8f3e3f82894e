#include "sheetpreparer.h"

#include "document/backgroundpriority.h"
#include "document/filingdocument.h"
#include "document/htmlloader.h"
#include "readingview.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QCoreApplication>
#include <QtCore/QThread>
#include <QtCore/QThreadPool>
#include <QtGui/QTextDocument>

#include <memory>

namespace {

QThreadPool *layoutThread()
{
    // Not the worker pool, where the filing's extraction runs at the same time: the
    // sheets would wait behind it. Never deleted: its thread lives as long as the program.
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1);
        return p;
    }();
    return pool;
}

} // namespace

std::function<void(int, SheetPreparer::Done)> SheetPreparer::forPart(FilingDocument *document, int part)
{
    return [document, part](int sheet, Done done) {
        const QString html = document->content().parts.at(part).sheets.value(sheet);
        // The sheet's document leaves the GUI thread with no thread at all and is pulled
        // onto the layout thread there; nobody else holds it meanwhile (a view that asks
        // for the sheet before it is back gets a new one, and this one is dropped).
        auto box = std::make_shared<std::unique_ptr<QTextDocument>>(document->takeSheetDocument(part, sheet));
        if (*box)
            (*box)->moveToThread(nullptr);
        QThread *const gui = QThread::currentThread();
        QtConcurrent::run(layoutThread(), [box, html, gui] {
            BackgroundPriority::enter();
            if (*box)
                (*box)->moveToThread(QThread::currentThread());
            else
                *box = HtmlLoader::makeDocument(html);
            ReadingView::prepareLayout(box->get());
            (*box)->moveToThread(gui);
        }).then(qApp, [box, done, document, part, sheet] {
            done([box, document, part, sheet] { document->adoptSheetDocument(part, sheet, std::move(*box)); });
        });
    };
}
