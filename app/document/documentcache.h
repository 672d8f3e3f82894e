#pragma once

#include "model/documentcontent.h"

#include <QtCore/QSizeF>
#include <QtCore/QString>
#include <QtCore/QStringList>

// The per-user cache of what is slow to recompute when a filing is opened again:
// the page texts of a PDF, the pages, dei: and inline-XBRL facts of an HTML file (both
// keyed by the file's sha256 and the program build), and the entries of the caches above
// it (EntityCache in session/). One file per entry in folder(), written atomically and
// checked on every read (magic, key, checksum): an entry that does not verify is
// removed and recomputed, never trusted. The folder is kept under maxBytes() by
// removing the least recently used entries; writes keep a running total, so the folder
// is listed only now and then, not on every write. Thread-safe.
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
    // A text layer loaded without the inline-XBRL facts (LoadOptions::xbrlFacts false,
    // allFacts false here) is an entry of its own. `anchoredSheets`: the sheets whose
    // facts were found by anchors (HtmlLoader::Part::anchoredSheets), shown so again.
    static bool readHtmlText(const QString &sha256, QStringList *pages, QList<DeiFact> *facts,
                             QList<XbrlFact> *xbrlFacts = nullptr, bool allFacts = true,
                             QList<int> *anchoredSheets = nullptr);
    static void writeHtmlText(const QString &sha256, const QStringList &pages,
                              const QList<DeiFact> &facts, const QList<XbrlFact> &xbrlFacts = {},
                              bool allFacts = true, const QList<int> &anchoredSheets = {});

    // For the caches of the layers above (the entities, in session/): a verified
    // entry by its key (which names everything the payload depends on), written
    // atomically; the build of the program every key includes; a sha256 fit for a key.
    static bool readEntry(const QString &key, QByteArray *payload);
    static bool writeEntry(const QString &key, const QByteArray &payload);
    static QString entryPath(const QString &key);
    static QString programBuild();
    static bool isValidSha(const QString &sha256);

    // The file that holds an entry (exists or not), for tests and diagnostics.
    static QString pageTextsPath(const QString &sha256);
    static QString htmlTextPath(const QString &sha256);
    // How many times this process listed the cache folder to count or evict (a write
    // lists it only on the first write, when the total goes over maxBytes, and every few
    // hundred writes).
    static int folderScans();
};
