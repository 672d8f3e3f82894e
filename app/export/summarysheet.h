#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"

#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtGui/QPageSize>

#include <memory>

class QIODevice;
class QPagedPaintDevice;
class QPainter;
class QTextDocument;

struct SummaryOptions
{
    QPageSize::PageSizeId pageSize = QPageSize::Letter; // Letter or A4
    QDateTime printedAt;  // the footer's date; invalid: now
    QString reviewer;     // shown when no decision names one; empty: none
};

// The one- or two-page summary sheet of a reviewed filing: registrant and cover facts,
// review status, items, exhibits, people, key figures and, for life-sciences filings,
// drugs with phase, doses, indications and adverse events; every fact with its page.
// Laid out once (a QTextDocument in points, limited to two pages, "and N more" where
// cut) and painted alike on a printer, a preview or a PDF. Black on white with gray
// rules only: nothing depends on colour, so it stays legible in grayscale.
// Core only: the GUI hands over a QPrinter as a QPagedPaintDevice. Needs a
// QGuiApplication (fonts); the headless command line runs one on the offscreen platform.
class SummarySheet final
{
public:
    SummarySheet(const DocumentContent &content, const EntityList &entities,
                 SummaryOptions options = {});
    ~SummarySheet();
    SummarySheet(const SummarySheet &) = delete;
    SummarySheet &operator=(const SummarySheet &) = delete;

    int pageCount() const; // 1 or 2
    // The laid-out body (without the footers), for tests and previews.
    const QTextDocument *document() const;
    QString html() const;

    // Sets the device's page size (options().pageSize) and margins, then paints all
    // pages. Returns false with *error set when the device cannot be painted on.
    bool print(QPagedPaintDevice *device, QString *error = nullptr) const;
    // A PDF on an open device (a QSaveFile or QBuffer).
    bool writePdf(QIODevice *device, QString *error = nullptr) const;
    // Paints one page (0-based) in a painter whose coordinates are points of the
    // whole page, margins included; print() uses it for every page.
    void paintPage(QPainter *painter, int page) const;

    const SummaryOptions &options() const;
    static QSizeF pageSizePoints(QPageSize::PageSizeId id);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
