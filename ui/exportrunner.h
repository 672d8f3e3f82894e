#pragma once

#include "export/exportoptions.h"

#include <QtCore/QObject>
#include <QtCore/QString>

#include <functional>

class EntityPanel;
class ReviewStore;
class QWidget;

// What File ▸ Export CSV…, Print Summary… and Export Summary as PDF… do for the filing the
// window shows: ask where (a dialog over the window), write, and say what was written
// (message) or what went wrong (a message box, or *error for the ...To functions).
class ExportRunner final : public QObject
{
    Q_OBJECT
public:
    // store() and filingPath() are asked at each run: the window's filing of the moment
    // (a null store: nothing to export). The panel's filter serves "only the entities shown".
    ExportRunner(QWidget *window, std::function<ReviewStore *()> store, std::function<QString()> filingPath,
                 EntityPanel *panel);

    void exportCsv();
    void printSummary();
    void exportSummaryPdf();
    // What the above write once a path is chosen. false with *error naming the file and
    // the problem.
    bool exportCsvTo(const QString &path, const ExportOptions &options, QString *error);
    bool exportSummaryPdfTo(const QString &path, QString *error);

Q_SIGNALS:
    void message(const QString &text, int timeout);

private:
    QWidget *m_window = nullptr;
    std::function<ReviewStore *()> m_store;
    std::function<QString()> m_filingPath;
    EntityPanel *m_panel = nullptr;
};
