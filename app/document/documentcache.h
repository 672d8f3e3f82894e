#pragma once

#include "documentcontent.h"
#include "entity.h"

#include <QtCore/QSizeF>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <atomic>
#include <functional>

class Extractor;

// The per-user cache of what is slow to recompute when a filing is opened again:
// the page texts of a PDF, the pages, dei: and inline-XBRL facts of an HTML file (both keyed by
// the file's sha256 and the program build) and
// the extracted entities (keyed by sha256, Extractor::version() and
// RuleSet::fingerprint()). One file per entry in folder(), written atomically and
// checked on every read (magic, key, checksum): an entry that does not verify is
// removed and recomputed, never trusted. The folder is kept under maxBytes() by
// removing the least recently used entries. Thread-safe.
//
// Off until setEnabled(true) (the program turns it on; tests and the library use it
// only when they ask for it): a miss, a disabled cache and a failed write all just
// mean "compute it".
class DocumentCache final
{
public:
    static void setEnabled(bool enabled);
    static bool isEnabled();
    // Default: QStandardPaths::CacheLocation + "/documents".
    static void setFolder(const QString &folder);
    static QString folder();
    static void setMaxBytes(qint64 bytes); // default 512 MiB
    static qint64 maxBytes();

    // PDF page texts by the file's sha256 (hex), with the pages' sizes in points when
    // known (asking pdfium for every page's size costs a tenth of a second on a long
    // filing). False on a miss or when disabled.
    static bool readPageTexts(const QString &sha256, QStringList *pages, QList<QSizeF> *sizes = nullptr);
    static void writePageTexts(const QString &sha256, const QStringList &pages,
                               const QList<QSizeF> &sizes = {});

    // The text layer of a single HTML file by its sha256 (hex) and the program build:
    // its pages and its dei: facts, so that reopening it needs no QTextDocument.
    // False on a miss, when disabled, or when a fact's span lies outside the pages.
    // With them its inline-XBRL facts (a reading costs as much as the rest of the load).
    static bool readHtmlText(const QString &sha256, QStringList *pages, QList<DeiFact> *facts,
                             QList<XbrlFact> *xbrlFacts = nullptr);
    static void writeHtmlText(const QString &sha256, const QStringList &pages,
                              const QList<DeiFact> &facts, const QList<XbrlFact> &xbrlFacts = {});

    // Entities of the content with sha256 as extracted by `extractor`.
    static bool readEntities(const QString &sha256, const Extractor &extractor, EntityList *entities);
    static void writeEntities(const QString &sha256, const Extractor &extractor,
                              const EntityList &entities);

    // Extractor::extract through the cache: a hit returns at once; a miss extracts
    // and stores the result unless cancel was raised (a partial result is never kept).
    static EntityList extract(const Extractor &extractor, const DocumentContent &content,
                              const std::function<void(int done, int total)> &progress = {},
                              const std::atomic_bool *cancel = nullptr);

    // The file that holds an entry (exists or not), for tests and diagnostics.
    static QString pageTextsPath(const QString &sha256);
    static QString htmlTextPath(const QString &sha256);
    static QString entitiesPath(const QString &sha256, const Extractor &extractor);
};
