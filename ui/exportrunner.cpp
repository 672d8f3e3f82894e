#include "exportrunner.h"

#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "export/csvwriter.h"
#include "export/summarysheet.h"
#include "exportdialog.h"
#include "messagebox.h"
#include "preferencesdialog.h"
#include "review/reviewstore.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QSettings>
#include <QtPrintSupport/QPrintPreviewDialog>
#include <QtPrintSupport/QPrinter>
#include <QtWidgets/QFileDialog>

using namespace Qt::StringLiterals;

ExportRunner::ExportRunner(QWidget *window, std::function<ReviewStore *()> store,
                           std::function<QString()> filingPath, EntityPanel *panel)
    : QObject(window)
    , m_window(window)
    , m_store(std::move(store))
    , m_filingPath(std::move(filingPath))
    , m_panel(panel)
{
}

void ExportRunner::exportCsv()
{
    if (!m_store())
        return;
    QSettings settings;
    const QFileInfo filing(m_filingPath());
    const QString folder = settings.value(u"export/lastFolder"_s, filing.absolutePath()).toString();
    ExportDialog dialog(folder + u'/' + filing.completeBaseName() + u".csv"_s,
                        m_panel->filter()->isFiltering(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ExportOptions options;
    options.includeRejected = dialog.includeRejected();
    options.bom = dialog.bom();
    if (dialog.onlyFiltered()) {
        const EntityFilterProxy *proxy = m_panel->filter();
        options.filter = [proxy](const Entity &e) { return proxy->acceptsEntity(e); };
    }
    const QString path = dialog.path();
    QString error;
    if (!exportCsvTo(path, options, &error)) {
        MessageBox::critical(m_window, tr("Export CSV"), error);
        return;
    }
}

bool ExportRunner::exportCsvTo(const QString &path, const ExportOptions &options, QString *error)
{
    ReviewStore *store = m_store();
    if (!store)
        return false;
    QSaveFile file(path);
    QString problem;
    int rows = 0;
    if (!file.open(QIODevice::WriteOnly)) {
        problem = file.errorString();
    } else {
        CsvWriter csv(&file, options);
        if (!csv.addFile(store->content(), store->entities()) || !csv.finish())
            problem = csv.errorString();
        else if (!file.commit())
            problem = file.errorString();
        rows = csv.rowCount();
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), problem);
        return false;
    }
    Q_EMIT message(tr("Exported %1 to %2.")
                       .arg(rows == 1 ? tr("1 entity") : tr("%1 entities").arg(rows),
                            QDir::toNativeSeparators(path)),
                   8000);
    return true;
}

void ExportRunner::printSummary()
{
    ReviewStore *store = m_store();
    if (!store)
        return;
    SummaryOptions options;
    options.pageSize = PreferencesDialog::summaryOnA4() ? QPageSize::A4 : QPageSize::Letter;
    options.reviewer = store->reviewer();
    const SummarySheet sheet(store->content(), store->entities(), options);
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(options.pageSize));
    // Printing to a file offers the summary's name, not the filing's own.
    printer.setDocName(QFileInfo(m_filingPath()).completeBaseName() + u"-summary"_s);
    QPrintPreviewDialog preview(&printer, m_window);
    preview.setWindowTitle(tr("Print Summary"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [&sheet, this](QPrinter *p) {
        QString error;
        if (!sheet.print(p, &error))
            MessageBox::critical(m_window, tr("Print Summary"), error);
    });
    preview.resize(900, 1000);
    preview.exec();
}

void ExportRunner::exportSummaryPdf()
{
    if (!m_store())
        return;
    const QFileInfo filing(m_filingPath());
    QSettings settings;
    const QString folder = settings.value(u"export/lastFolder"_s, filing.absolutePath()).toString();
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Summary as PDF"),
        folder + u'/' + filing.completeBaseName() + u"-summary.pdf"_s, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(u"export/lastFolder"_s, QFileInfo(path).absolutePath());
    QString error;
    if (!exportSummaryPdfTo(path, &error))
        MessageBox::critical(m_window, tr("Export Summary as PDF"), error);
}

bool ExportRunner::exportSummaryPdfTo(const QString &path, QString *error)
{
    ReviewStore *store = m_store();
    if (!store)
        return false;
    SummaryOptions options;
    options.pageSize = PreferencesDialog::summaryOnA4() ? QPageSize::A4 : QPageSize::Letter;
    options.reviewer = store->reviewer();
    const SummarySheet sheet(store->content(), store->entities(), options);
    QSaveFile file(path);
    QString problem;
    if (!file.open(QIODevice::WriteOnly))
        problem = file.errorString();
    else if (!sheet.writePdf(&file, &problem))
        file.cancelWriting();
    else if (!file.commit())
        problem = file.errorString();
    if (!problem.isEmpty()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), problem);
        return false;
    }
    Q_EMIT message(tr("Summary saved to %1.").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}
