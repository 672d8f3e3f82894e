// The desktop window driven like a user would: open a filing, wait for the page
// and the entities, follow an entity from the tree to its highlight and back,
// review with the keyboard and undo, recent files, and a file that cannot open.
#include "aboutdialog.h"
#include "document/documentcache.h"
#include "documentview.h"
#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "entitytreemodel.h"
#include "document/filingdocument.h"
#include "inspector.h"
#include "mainwindow.h"
#include "keyboardinput.h"
#include "messagebox.h"
#include "pdfpageview.h"
#include "readingview.h"
#include "shortcutsdialog.h"
#include "startpage.h"
#include "storedump.h"
#include "testutils.h"

#include <QtCore/QDir>
#include <QtCore/QMimeData>
#include <QtCore/QProcess>
#include <QtCore/QSaveFile>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QScopeGuard>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThreadPool>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolButton>
#include <QtPrintSupport/QPrintPreviewDialog>
#include <QtPrintSupport/QPrintPreviewWidget>
#include <QtCore/QTimer>
#include <QtWidgets/QTreeView>

#include <QtGui/QDropEvent>

#include <functional>

using namespace Qt::StringLiterals;

namespace {
constexpr int extractionTimeout = 120000;

QString firstOfType(const ReviewStore &store, const QString &type)
{
    for (const Entity &e : store.entities())
        if (e.type == type && !e.orphan)
            return e.id;
    return {};
}

// Confirms the filing's registrant as a reviewer does: its row current in the entity
// tree, Return pressed there. Its id, or empty when it is not confirmed after that.
QString confirmRegistrantByKeyboard(MainWindow &window)
{
    EntityPanel *panel = window.entityPanel();
    const QString registrant = firstOfType(*window.store(), u"registrant"_s);
    if (registrant.isEmpty() || !panel->selectEntity(registrant))
        return {};
    panel->tree()->setFocus();
    if (!QTest::qWaitFor([&] { return panel->tree()->hasFocus(); }, 5000))
        return {};
    QTest::keyClick(panel->tree(), Qt::Key_Return);
    return window.store()->entity(registrant)->status == EntityStatus::Confirmed ? registrant : QString();
}

// Copies a filing into dir so its sidecar is written there, not beside the original.
QString copyInto(const QTemporaryDir &dir, const QString &path)
{
    const QString target = dir.filePath(QFileInfo(path).fileName());
    QFile::remove(target);
    return QFile::copy(path, target) ? target : QString();
}
}

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void startPageWithoutFile();
    void pdfPagesShowBeforeTheTextIsRead();
    void linksBothWays_data();
    void linksBothWays();
    void reviewWithKeyboardAndUndo();
    void recentFilesRemembered();
    void unreadableFileShowsMessage_data();
    void unreadableFileShowsMessage();
    void failedOpenKeepsTheFilingOpen();
    void reopenedPdfComesBackWithItsPages();
    void shortcutsAndAbout();
    void exportsCsvAndSummary();
    void asksForPassword();
    void newerOpenDropsOlderResult();
    void dropOpensFile();
    void windowStateRemembered();
    void addEntityFromSelection();
    void commandLineErrors();
    void asksWhenReviewChangesOnDisk();
    void printPreviewShowsSummary();
    void cancelStopsExtraction();
    void confirmGroupIsOneStep();
    void noAmbiguousShortcuts();
    void menuLettersLeadToOneItem();
    void reopenShowsSheetsOnDemand();

private:
    bool openAndWait(MainWindow &window, const QString &path);
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    // Settings and data of their own, so a run never touches a real user's.
    QApplication::setOrganizationName(u"filing-lens"_s);
    QApplication::setApplicationName(u"filing-lens-test"_s);
    QSettings().clear();
    // The reviewer named themselves once before (the first decision asks otherwise).
    QSettings().setValue(u"review/reviewer"_s, u"Test Reviewer"_s);
    // A fresh copy of the sample, without decisions from an earlier run.
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/sample"_s)
        .removeRecursively();
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::cleanup()
{
    while (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
}

bool TestMainWindow::openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy loaded(&window, &MainWindow::documentLoaded);
    QSignalSpy extracted(&window, &MainWindow::extractionFinished);
    if (path.isEmpty())
        window.openSample();
    else
        window.openFile(path);
    if (!QTest::qWaitFor([&] { return extracted.count() > 0; }, extractionTimeout))
        return false;
    return loaded.count() == 1 && window.store() && window.store()->count() > 0;
}

void TestMainWindow::startPageWithoutFile()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.startPage()->isVisible());
    QCOMPARE(window.windowTitle(), u"Filing Lens"_s);
    QVERIFY(!window.action(u"confirm"_s)->isEnabled());
    QVERIFY(!window.action(u"exportCsv"_s)->isEnabled());
}

void TestMainWindow::pdfPagesShowBeforeTheTextIsRead()
{
    // The longest corpus PDF if present (its text takes a while), else the sample.
    QString source = TestUtils::corpusPath(u"pdf/PFIZER_2022_10K.pdf"_s);
    if (source.isEmpty())
        source = TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s);
    const QString path = copyInto(m_dir, source);
    QVERIFY(!path.isEmpty());

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &MainWindow::documentLoaded);
    window.openFile(path);
    // openFile() returns at once; the pages show while the document is still loading.
    QVERIFY(!window.document());
    PdfPageView *pages = window.findChild<DocumentView *>()->pdfView();
    QTRY_VERIFY_WITH_TIMEOUT(pages->isVisible() && pages->pageCount() > 0, 10000);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!window.document());
    const int pageCount = pages->pageCount();
    QTRY_VERIFY_WITH_TIMEOUT(pages->isPageRendered(0), 10000);

    // The loaded document takes the preview's place without losing the rendered page.
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, 60000);
    QVERIFY(window.document());
    QCOMPARE(pages->pageCount(), pageCount);
    QVERIFY(pages->isPageRendered(0));
    QCOMPARE(window.document()->pageCount(), pageCount);
}

void TestMainWindow::linksBothWays_data()
{
    QTest::addColumn<QString>("source"); // empty: the bundled sample through --sample's path
    QTest::addColumn<bool>("pdf");
    QTest::newRow("sample pdf") << QString() << true;
    QTest::newRow("sample text") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s) << false;
    QTest::newRow("html filing") << TestUtils::corpusPath(u"8k/BuckleInc.8-K.html"_s) << false;
}

void TestMainWindow::linksBothWays()
{
    QFETCH(QString, source);
    QFETCH(bool, pdf);
    if (QTest::currentDataTag() == QByteArray("html filing") && source.isEmpty())
        QSKIP("shared corpus file absent: 8k/BuckleInc.8-K.html");
    const QString path = source.isEmpty() ? QString() : copyInto(m_dir, source);
    QVERIFY(source.isEmpty() || !path.isEmpty());

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(openAndWait(window, path), qPrintable(u"could not open "_s + path));
    DocumentView *view = window.documentView();
    const QString name = QFileInfo(window.filePath()).fileName();
    QCOMPARE(window.windowTitle(), name + u"[*] — Filing Lens"_s);
    if (pdf) {
        QCOMPARE(name, u"immunogen-8k-2007-06-04.pdf"_s);
        QTRY_VERIFY_WITH_TIMEOUT(view->pdfView()->isPageRendered(0), 20000);
    }
    QVERIFY(!window.highlights().isEmpty());

    // Tree -> filing: the registrant's highlight is scrolled into view.
    const QString registrant = firstOfType(*window.store(), u"registrant"_s);
    QVERIFY2(!registrant.isEmpty(), "no registrant found");
    QVERIFY(window.entityPanel()->selectEntity(registrant));
    QCOMPARE(window.inspector()->entityId(), registrant);
    QWidget *viewport = view->viewportWidget();
    QList<QRectF> rects;
    QTRY_VERIFY_WITH_TIMEOUT(!(rects = view->highlightRectsInViewport(registrant)).isEmpty()
                                 && QRectF(viewport->rect()).contains(rects.first()),
                             10000);

    // Filing -> tree: clicking elsewhere first, then at the highlight's centre.
    const QString other = firstOfType(*window.store(), u"form_type"_s);
    QVERIFY(window.entityPanel()->selectEntity(other.isEmpty() ? window.store()->entities().last().id : other));
    QVERIFY(window.entityPanel()->currentEntityId() != registrant);
    rects = view->highlightRectsInViewport(registrant);
    QVERIFY(!rects.isEmpty());
    QVERIFY(QRectF(viewport->rect()).contains(rects.first()));
    QTest::mouseClick(viewport, Qt::LeftButton, {}, rects.first().center().toPoint());
    QTRY_COMPARE(window.entityPanel()->currentEntityId(), registrant);
    const QModelIndex current = window.entityPanel()->tree()->currentIndex();
    QCOMPARE(current.data(EntityTreeModel::TypeRole).toString(), u"registrant"_s);
    QVERIFY(window.entityPanel()->tree()->visualRect(current).isValid());
}

void TestMainWindow::reviewWithKeyboardAndUndo()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(openAndWait(window, copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s))));
    ReviewStore *store = window.store();
    EntityPanel *panel = window.entityPanel();
    const QString registrant = firstOfType(*store, u"registrant"_s);
    const QString form = firstOfType(*store, u"form_type"_s);
    QVERIFY(!registrant.isEmpty() && !form.isEmpty());
    QCOMPARE(store->entity(registrant)->status, EntityStatus::Auto);

    QVERIFY(panel->selectEntity(registrant));
    panel->tree()->setFocus();
    QTRY_VERIFY(panel->tree()->hasFocus());
    QTest::keyClick(panel->tree(), Qt::Key_Return);
    QCOMPARE(store->entity(registrant)->status, EntityStatus::Confirmed);
    QCOMPARE(window.action(u"undo"_s)->text().remove(u'&'),
             u"Undo "_s + store->undoStack()->undoText());

    QVERIFY(panel->selectEntity(form));
    QTest::keyClick(panel->tree(), Qt::Key_Delete);
    QCOMPARE(store->entity(form)->status, EntityStatus::Rejected);
    QCOMPARE(panel->model()->indexOfEntity(form, EntityTreeModel::StatusColumn)
                 .data(EntityTreeModel::StatusRole).toInt(),
             int(EntityStatus::Rejected));
    // Rejected entities leave the highlights.
    QTRY_VERIFY(std::none_of(window.highlights().cbegin(), window.highlights().cend(),
                             [&](const Highlight &h) { return h.entityId == form; }));

    // Enter in the filter box does not confirm anything.
    panel->filterEdit()->setFocus();
    QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    QCOMPARE(store->undoStack()->count(), 2);

    panel->tree()->setFocus();
    QTest::keyClick(panel->tree(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(store->entity(form)->status, EntityStatus::Auto);
    QTest::keyClick(panel->tree(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(store->entity(registrant)->status, EntityStatus::Auto);

    // N moves to an unreviewed mention other than the current one.
    QVERIFY(panel->selectEntity(registrant));
    store->confirm(registrant);
    QTest::keyClick(panel->tree(), Qt::Key_N);
    const QString next = panel->currentEntityId();
    QVERIFY(next != registrant);
    QCOMPARE(store->entity(next)->status, EntityStatus::Auto);

    // Typing a correction is one undo step.
    Inspector *inspector = window.inspector();
    QCOMPARE(inspector->entityId(), next);
    const int steps = store->undoStack()->count();
    inspector->valueEdit()->setFocus();
    inspector->valueEdit()->selectAll();
    QTest::keyClicks(inspector->valueEdit(), u"Corrected"_s);
    QTest::keyClick(inspector->valueEdit(), Qt::Key_Return);
    QCOMPARE(store->entity(next)->value, u"Corrected"_s);
    QCOMPARE(store->entity(next)->status, EntityStatus::Corrected);
    QCOMPARE(store->undoStack()->count(), steps + 1);
}

void TestMainWindow::recentFilesRemembered()
{
    const QString path = copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, path));
        QCOMPARE(MainWindow::recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    }
    MainWindow again;
    again.show();
    QListWidget *list = again.startPage()->recentList();
    QVERIFY(list->count() >= 1);
    QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), QFileInfo(path).absoluteFilePath());
    // Activating it opens the filing.
    QSignalSpy loaded(&again, &MainWindow::documentLoaded);
    Q_EMIT list->itemActivated(list->item(0));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(again.filePath(), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::unreadableFileShowsMessage_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content"); // null: the file does not exist
    QTest::newRow("missing") << u"no-such-filing.pdf"_s << QByteArray();
    QTest::newRow("broken pdf") << u"broken.pdf"_s << QByteArray("%PDF-1.4\n1 0 obj <<\n\xff\xfe garbage");
    QTest::newRow("empty") << u"empty.txt"_s << QByteArray("");
}

void TestMainWindow::unreadableFileShowsMessage()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    const QString path = m_dir.filePath(fileName);
    QFile::remove(path);
    if (!content.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    MainWindow window;
    window.show();
    QSignalSpy failed(&window, &MainWindow::documentFailed);
    const int shown = MessageBox::shownCount();
    MessageBox::setNextAnswer(QMessageBox::Ok);
    window.openFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(MessageBox::shownCount(), shown + 1);
    QVERIFY2(MessageBox::lastText().contains(fileName), qPrintable(MessageBox::lastText()));
    QVERIFY(window.startPage()->isVisible());
    QVERIFY(!window.store());
    QCOMPARE(window.windowTitle(), u"Filing Lens"_s);
}

// An analyst in the middle of a filing asks for a broken one: the message names it, and
// the filing they were in comes back with every decision, not the start page.
// File ▸ Open by Ctrl+O: the path typed into the dialog's file name field, then Enter.
static void openByKeyboard(MainWindow &window, const QString &path)
{
    KeyboardInput::answerFileDialog(&window, path);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::ControlModifier);
}

void TestMainWindow::failedOpenKeepsTheFilingOpen()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QString sample = copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    QVERIFY(openAndWait(window, sample));
    const QString registrant = confirmRegistrantByKeyboard(window);
    QVERIFY2(!registrant.isEmpty(), "Return in the entity tree confirms the registrant");
    const QMap<QString, QString> before = StoreDump::dump(*window.store());

    const QString broken = m_dir.filePath(u"truncated-10-k.pdf"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    file.close();
    QSignalSpy failed(&window, &MainWindow::documentFailed);
    QSignalSpy extracted(&window, &MainWindow::extractionFinished);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    openByKeyboard(window, broken);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY2(MessageBox::lastText().contains(u"truncated-10-k.pdf"_s), qPrintable(MessageBox::lastText()));
    QVERIFY(QTest::qWaitFor([&] { return extracted.count() > 0; }, extractionTimeout));
    QCOMPARE(window.filePath(), QFileInfo(sample).absoluteFilePath());
    QVERIFY(!window.startPage()->isVisible());
    QVERIFY(window.store());
    QCOMPARE(StoreDump::changedIds(before, StoreDump::dump(*window.store())), QStringList());
    QCOMPARE(window.store()->entity(registrant)->status, EntityStatus::Confirmed);

    // From the start page a broken file leaves the start page; nothing is opened again.
    window.closeDocument();
    MessageBox::setNextAnswer(QMessageBox::Ok);
    window.openFile(broken);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 20000);
    QTest::qWait(200);
    QVERIFY(window.startPage()->isVisible());
    QVERIFY(!window.store());
}

// A PDF opened again by Ctrl+O: its pages are drawn from the preview on, the filing replaces
// the preview without losing them, and the decision made before comes back.
void TestMainWindow::reopenedPdfComesBackWithItsPages()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QString pdf = copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s));
    QVERIFY(openAndWait(window, pdf));
    const QString registrant = confirmRegistrantByKeyboard(window);
    QVERIFY2(!registrant.isEmpty(), "Return in the entity tree confirms the registrant");
    const QMap<QString, QString> before = StoreDump::dump(*window.store());

    QSignalSpy rendered(window.documentView()->pdfView(), &PdfPageView::pageRendered);
    QSignalSpy extracted(&window, &MainWindow::extractionFinished);
    openByKeyboard(window, pdf);
    QVERIFY(QTest::qWaitFor([&] { return extracted.count() > 0; }, extractionTimeout));
    QTRY_VERIFY(std::any_of(rendered.cbegin(), rendered.cend(),
                            [](const QList<QVariant> &args) { return args.first().toInt() == 0; }));
    QCOMPARE(window.documentView()->pdfView()->pageCount(), 7);
    QCOMPARE(StoreDump::changedIds(before, StoreDump::dump(*window.store())), QStringList());
    QCOMPARE(window.store()->entity(registrant)->status, EntityStatus::Confirmed);
}

void TestMainWindow::shortcutsAndAbout()
{
    MainWindow window;
    QList<QMenu *> menus;
    for (QAction *a : window.menuBar()->actions())
        if (a->menu())
            menus << a->menu();
    QVERIFY(!menus.isEmpty());
    ShortcutsDialog dialog(menus);
    const QString lines = dialog.lines().join(u'\n');
    QVERIFY2(lines.contains(u"Confirm\t"_s), qPrintable(lines));
    QVERIFY(lines.contains(u"Next Unreviewed\tN"_s));
    QVERIFY(lines.contains(u"Add Entity from Selection…\tCtrl+E"_s));
    QVERIFY(AboutDialog::text().contains(QStringLiteral(FILINGLENS_VERSION)));
    QVERIFY(AboutDialog::text().contains(u"MIT"_s));
}

void TestMainWindow::exportsCsvAndSummary()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s))));
    ReviewStore *store = window.store();
    const QString registrant = firstOfType(*store, u"registrant"_s);
    const QString form = firstOfType(*store, u"form_type"_s);
    store->confirm(registrant);
    store->reject(form);

    const auto readLines = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts)
                                              : QStringList();
    };
    QString error;
    const QString all = m_dir.filePath(u"all.csv"_s);
    QVERIFY2(window.exportCsvTo(all, {}, &error), qPrintable(error));
    QStringList lines = readLines(all);
    QVERIFY(lines.first().startsWith(u"file,id,type,category,value"_s));
    QCOMPARE(lines.size(), 1 + store->count() - 1); // the rejected one left out
    QVERIFY(!lines.join(u'\n').contains(form));

    // Only what the filter shows: the cover page.
    window.entityPanel()->filterEdit()->setText(u"ImmunoGen"_s);
    ExportOptions options;
    const EntityFilterProxy *proxy = window.entityPanel()->filter();
    options.filter = [proxy](const Entity &e) { return proxy->acceptsEntity(e); };
    const QString filtered = m_dir.filePath(u"filtered.csv"_s);
    QVERIFY(window.exportCsvTo(filtered, options, &error));
    lines = readLines(filtered);
    QVERIFY(lines.size() >= 2);
    QVERIFY(lines.size() < store->count());
    for (int i = 1; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).contains(u"ImmunoGen"_s, Qt::CaseInsensitive), qPrintable(lines.at(i)));

    const QString pdf = m_dir.filePath(u"summary.pdf"_s);
    QVERIFY2(window.exportSummaryPdfTo(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");

    // A folder that does not exist: an error naming the file, nothing written.
    const QString bad = m_dir.filePath(u"missing/folder/out.csv"_s);
    QVERIFY(!window.exportCsvTo(bad, {}, &error));
    QVERIFY2(error.contains(u"out.csv"_s), qPrintable(error));
    QVERIFY(!QFileInfo::exists(bad));
}

void TestMainWindow::asksForPassword()
{
    const QString path = copyInto(m_dir, TestUtils::dataPath(u"document/encrypted.pdf"_s));
    QVERIFY(!path.isEmpty());
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::documentLoaded);
    const int shown = MessageBox::shownCount();
    MessageBox::setNextPassword(u"guess"_s);
    MessageBox::setNextPassword(u"s3cret"_s);
    window.openFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(MessageBox::shownCount(), shown + 2);
    // The second prompt said the first password was wrong.
    QVERIFY2(MessageBox::lastText().contains(u"wrong"_s), qPrintable(MessageBox::lastText()));
    QCOMPARE(window.filePath(), QFileInfo(path).absoluteFilePath());

    // Cancel: back to the start page, no error box.
    MainWindow other;
    other.show();
    QSignalSpy failed(&other, &MainWindow::documentFailed);
    MessageBox::setNextPassword(QString(), false);
    other.openFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY(other.startPage()->isVisible());
    QCOMPARE(MessageBox::shownCount(), shown + 3);
}

void TestMainWindow::newerOpenDropsOlderResult()
{
    FL_REQUIRE_CORPUS(big, "10k/abbv-10-k-2025-02-14.html");
    const QString small = copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::documentLoaded);
    QSignalSpy extracted(&window, &MainWindow::extractionFinished);
    window.openFile(big);
    window.openFile(small);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 1, extractionTimeout);
    // Let the big filing's worker finish and deliver; it must not replace the small one.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(extractionTimeout));
    QTest::qWait(50);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().first().toString(), QFileInfo(small).absoluteFilePath());
    QCOMPARE(window.filePath(), QFileInfo(small).absoluteFilePath());
    QCOMPARE(window.store()->content().fileName, QFileInfo(small).fileName());
    QCOMPARE(extracted.count(), 1);
}

void TestMainWindow::dropOpensFile()
{
    const QString path = copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::documentLoaded);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(window.filePath(), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::windowStateRemembered()
{
    QList<int> sizes;
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = window.findChild<QSplitter *>();
        QVERIFY(splitter);
        splitter->setSizes({300, 700});
        sizes = splitter->sizes();
        window.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1200, 800));
    QCOMPARE(again.findChild<QSplitter *>()->sizes(), sizes);
}

void TestMainWindow::addEntityFromSelection()
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openAndWait(window, copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s))));
    ReviewStore *store = window.store();
    DocumentView *view = window.documentView();

    // Words no rule marks: "Annual Meeting".
    const QString words = u"Annual Meeting"_s;
    SourceSpan span;
    const QStringList &pages = store->content().text.pages;
    for (int p = 0; p < pages.size() && !span.isValid(); ++p) {
        const int at = int(pages.at(p).indexOf(words));
        if (at >= 0)
            span = {p, at, at + int(words.size())};
    }
    QVERIFY(span.isValid());
    view->showSpan(span);
    QList<QRectF> rects;
    QTRY_VERIFY(!(rects = view->readingView()->spanRectsInViewport(span)).isEmpty());
    QWidget *viewport = view->viewportWidget();
    const QRectF first = rects.first();
    const QRectF last = rects.last();
    const QPoint from(int(first.left() + 1), int(first.center().y()));
    const QPoint to(int(last.right() - 1), int(last.center().y()));
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, (from + to) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
    QCOMPARE(view->selectedText().trimmed(), words);

    const int before = store->count();
    const int shown = MessageBox::shownCount();
    MessageBox::setNextItem(u"Organization — Organizations"_s);
    window.action(u"addEntity"_s)->trigger();
    QCOMPARE(MessageBox::shownCount(), shown + 1);
    QCOMPARE(store->count(), before + 1);
    const QString id = window.entityPanel()->currentEntityId();
    const Entity *added = store->entity(id);
    QVERIFY(added);
    QCOMPARE(added->type, u"organization"_s);
    QCOMPARE(added->text.trimmed(), words);
    QCOMPARE(added->status, EntityStatus::Added);
    QTRY_VERIFY(std::any_of(window.highlights().cbegin(), window.highlights().cend(),
                            [&](const Highlight &h) { return h.entityId == id; }));
    store->undoStack()->undo();
    QCOMPARE(store->count(), before);
    QVERIFY(!store->entity(id));

    // Change Type… moves an entity to the chosen type.
    const QString person = firstOfType(*store, u"person"_s);
    QVERIFY(window.entityPanel()->selectEntity(person));
    MessageBox::setNextItem(u"Signatory — People"_s);
    window.action(u"changeType"_s)->trigger();
    QCOMPARE(store->entity(person)->type, u"signatory"_s);
    QCOMPARE(store->entity(person)->status, EntityStatus::Corrected);
}

void TestMainWindow::commandLineErrors()
{
    if (!QFileInfo::exists(QStringLiteral(FILINGLENS_BINARY)))
        QSKIP("filing-lens is not built");
    QProcess process;
    process.start(QStringLiteral(FILINGLENS_BINARY), {u"--sample"_s, u"extra.pdf"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--sample"));
    process.start(QStringLiteral(FILINGLENS_BINARY), {u"--no-such-option"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
}

void TestMainWindow::asksWhenReviewChangesOnDisk()
{
    const QString path = copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    QFile::remove(path + u".review.json"_s);
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, path));
    ReviewStore *store = window.store();
    const QString registrant = firstOfType(*store, u"registrant"_s);
    const QString form = firstOfType(*store, u"form_type"_s);
    store->reject(form);
    QVERIFY(store->save());
    const QString sidecar = store->sidecarPath();
    QFile file(sidecar);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    file.close();
    QVERIFY(saved.contains(form.toUtf8()));

    // A local change not saved yet, then another program rewrites the review.
    store->setAutosaveDelay(600000);
    store->confirm(registrant);
    QVERIFY(store->hasUnsavedChanges());
    QTRY_VERIFY(window.isWindowModified());
    QByteArray changed = saved;
    changed.replace("\"status\": \"rejected\"", "\"status\": \"confirmed\"");
    QVERIFY(changed != saved);
    QTest::qWait(1100); // a different modification time
    QSaveFile out(sidecar);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(changed);
    QVERIFY(out.commit());

    const int shown = MessageBox::shownCount();
    MessageBox::setNextAnswer(QMessageBox::Yes); // reload the file's decisions
    QTRY_COMPARE_WITH_TIMEOUT(MessageBox::shownCount(), shown + 1, 10000);
    QVERIFY2(MessageBox::lastText().contains(QFileInfo(sidecar).fileName()),
             qPrintable(MessageBox::lastText()));
    QTRY_COMPARE(window.store()->entity(form)->status, EntityStatus::Confirmed);
    QCOMPARE(window.store()->entity(registrant)->status, EntityStatus::Auto);
}

void TestMainWindow::printPreviewShowsSummary()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s))));
    int pages = -1;
    bool found = false;
    QTimer::singleShot(0, &window, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QPrintPreviewDialog *>(w);
            if (!dialog || !dialog->isVisible())
                continue;
            found = true;
            if (auto *preview = dialog->findChild<QPrintPreviewWidget *>())
                pages = preview->pageCount();
            dialog->reject();
        }
    });
    const int shown = MessageBox::shownCount();
    window.action(u"printSummary"_s)->trigger();
    QVERIFY(found);
    QVERIFY2(pages == 1 || pages == 2, qPrintable(QString::number(pages)));
    QCOMPARE(MessageBox::shownCount(), shown); // no error
}

void TestMainWindow::cancelStopsExtraction()
{
    FL_REQUIRE_CORPUS(big, "10k/abbv-10-k-2025-02-14.html");
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::documentLoaded);
    QSignalSpy extracted(&window, &MainWindow::extractionFinished);
    window.openFile(copyInto(m_dir, big));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
    QVERIFY(window.isExtracting());
    QToolButton *cancel = nullptr;
    for (QToolButton *b : window.statusBar()->findChildren<QToolButton *>())
        if (b->text() == u"Cancel"_s)
            cancel = b;
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(extracted.count(), 1, 60000);
    QVERIFY(!window.isExtracting());
    QVERIFY(!cancel->isVisible());
    QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Stopped finding entities"_s),
             qPrintable(window.statusBar()->currentMessage()));
    // What was found so far is there to review.
    QVERIFY(window.store());
}

void TestMainWindow::confirmGroupIsOneStep()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(openAndWait(window, copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s))));
    ReviewStore *store = window.store();
    EntityPanel *panel = window.entityPanel();
    const EntityTreeModel *model = panel->model();

    // A value mentioned more than once.
    QStringList group;
    for (int c = 0; c < model->rowCount() && group.isEmpty(); ++c) {
        const QModelIndex category = model->index(c, 0);
        for (int g = 0; g < model->rowCount(category) && group.isEmpty(); ++g)
            if (model->rowCount(model->index(g, 0, category)) > 1)
                group = model->entityIds(model->index(g, 0, category));
    }
    QVERIFY2(group.size() > 1, "no value with several mentions");
    QVERIFY(panel->selectEntity(group.last()));
    panel->tree()->setFocus();
    const int steps = store->undoStack()->count();
    QTest::keyClick(panel->tree(), Qt::Key_Return, Qt::ShiftModifier);
    for (const QString &id : std::as_const(group))
        QCOMPARE(store->entity(id)->status, EntityStatus::Confirmed);
    QCOMPARE(store->undoStack()->count(), steps + 1);
    QTest::keyClick(panel->tree(), Qt::Key_Z, Qt::ControlModifier);
    for (const QString &id : std::as_const(group))
        QCOMPARE(store->entity(id)->status, EntityStatus::Auto);

    // Selecting the value row and pressing Delete rejects every mention.
    const QModelIndex valueRow = panel->filter()->mapFromSource(model->indexOfEntity(group.first()).parent());
    panel->tree()->selectionModel()->setCurrentIndex(
        valueRow, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(panel->tree(), Qt::Key_Delete);
    for (const QString &id : std::as_const(group))
        QCOMPARE(store->entity(id)->status, EntityStatus::Rejected);
    QCOMPARE(store->undoStack()->count(), steps + 1);
}

void TestMainWindow::noAmbiguousShortcuts()
{
    // Two actions live at once with the same key do nothing at all (Qt reports an
    // ambiguous shortcut): a window-wide key must not be used by any other action.
    MainWindow window;
    QHash<QString, QStringList> byKey;
    QHash<QString, QStringList> windowWide;
    for (const QAction *a : window.findChildren<QAction *>()) {
        for (const QKeySequence &k : a->shortcuts()) {
            const QString name = a->objectName().isEmpty() ? a->text() : a->objectName();
            byKey[k.toString()] << name;
            if (a->shortcutContext() == Qt::WindowShortcut
                || a->shortcutContext() == Qt::ApplicationShortcut)
                windowWide[k.toString()] << name;
        }
    }
    for (auto it = windowWide.cbegin(); it != windowWide.cend(); ++it)
        QVERIFY2(byKey.value(it.key()).size() == 1,
                 qPrintable(it.key() + u": "_s + byKey.value(it.key()).join(u", "_s)));
}

void TestMainWindow::menuLettersLeadToOneItem()
{
    // In an open menu the underlined letter chooses its item at once; a letter that two
    // items share only moves between them (Alt+F, S chose neither Open the Sample nor
    // Search Filings). Every menu's letters are its own.
    MainWindow window;
    QStringList shared;
    std::function<void(const QMenu *)> check = [&](const QMenu *menu) {
        QHash<QChar, QStringList> byLetter;
        for (const QAction *a : menu->actions()) {
            if (a->isSeparator() || !a->isVisible())
                continue;
            const QString text = a->text();
            for (qsizetype i = text.indexOf(u'&'); i >= 0 && i + 1 < text.size(); i = text.indexOf(u'&', i + 2)) {
                if (text.at(i + 1) != u'&') {
                    byLetter[text.at(i + 1).toLower()] << text;
                    break;
                }
            }
            if (a->menu())
                check(a->menu());
        }
        for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it)
            if (it.value().size() > 1)
                shared << menu->title() + u": "_s + it.value().join(u", "_s);
    };
    for (const QAction *top : window.menuBar()->actions())
        if (top->menu())
            check(top->menu());
    QVERIFY2(shared.isEmpty(), qPrintable(shared.join(u"; "_s)));
}

// Opened again with the per-user cache warm, a long HTML filing comes back without building
// its pages' documents: they are made as the view reaches them, and an entity on a late page
// is shown and clickable all the same.
void TestMainWindow::reopenShowsSheetsOnDemand()
{
    FL_REQUIRE_CORPUS(source, "10k/abbv-10-k-2025-02-14.html");
    const QString path = copyInto(m_dir, source);
    QVERIFY(!path.isEmpty());
    QTemporaryDir cache;
    QVERIFY(cache.isValid());
    DocumentCache::setFolder(cache.path());
    DocumentCache::setEnabled(true);
    const auto restore = qScopeGuard([] { DocumentCache::setEnabled(false); });

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openAndWait(window, path));
    const int part = window.documentView()->currentPart();
    const int sheets = window.document()->sheetCount(part);
    QVERIFY(sheets > 100);
    QVERIFY(window.document()->hasSheetDocument(part, sheets - 1)); // built while loading
    QStringList first;
    for (const Entity &e : window.store()->entities())
        first << e.id + u'|' + e.type + u'|' + e.value;

    bool lazy = false;
    connect(&window, &MainWindow::documentLoaded, this, [&] {
        lazy = !window.document()->hasSheetDocument(part, sheets - 1);
    });
    window.closeDocument();
    QVERIFY(openAndWait(window, path));
    QVERIFY(lazy);
    QStringList again;
    for (const Entity &e : window.store()->entities())
        again << e.id + u'|' + e.type + u'|' + e.value;
    QCOMPARE(again, first);

    // The last entity of the filing, far below what is laid out at first.
    const Entity *late = nullptr;
    for (const Entity &e : window.store()->entities()) {
        if (!e.orphan && e.span.isValid() && (!late || e.span.page > late->span.page))
            late = &e;
    }
    QVERIFY(late && late->span.page > sheets / 2);
    const QString id = late->id;
    QVERIFY(window.entityPanel()->selectEntity(id));
    DocumentView *view = window.documentView();
    QWidget *viewport = view->viewportWidget();
    QList<QRectF> rects;
    QTRY_VERIFY_WITH_TIMEOUT(!(rects = view->highlightRectsInViewport(id)).isEmpty()
                                 && QRectF(viewport->rect()).contains(rects.first()),
                             30000);
    QVERIFY(window.document()->hasSheetDocument(part, late->span.page));
    const QString other = firstOfType(*window.store(), u"registrant"_s);
    QVERIFY(window.entityPanel()->selectEntity(other));
    rects = view->highlightRectsInViewport(id);
    QVERIFY(!rects.isEmpty());
    QTest::mouseClick(viewport, Qt::LeftButton, {}, rects.first().center().toPoint());
    QTRY_COMPARE(window.entityPanel()->currentEntityId(), id);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
