#pragma once

#include "document/filingdocument.h"
#include "extract/rulepack.h"
#include "model/entity.h"
#include "model/filingtable.h"

#include <QtCore/QStringList>

#include <atomic>
#include <functional>
#include <memory>

class Extractor;

// The one way in: the window and every subcommand get a filing from here — load (through
// the per-user cache), find its entities (through the cache), apply its review file.
// Errors are values. Thread-safe: loading and extraction run on worker threads.
class FilingSession final
{
public:
    using Progress = std::function<void(int done, int total)>;

    // The extractor over the built-in and the user's rule packs. Made once and shared by
    // every filing (the packs are compiled once); made again when a user pack changes.
    static std::shared_ptr<const Extractor> extractor();
    // What could not be loaded of the user's rule packs (file, line, message) the last
    // time the packs were read; empty when all loaded.
    static QList<RulePackError> ruleErrors();
    static QString describe(const RulePackError &error);

    static std::unique_ptr<FilingDocument> load(const QString &path, const LoadOptions &options,
                                                LoadError *error);
    // The filing's entities, from the cache when it has them; a cancelled run returns
    // what it found so far and is not cached. Money and percent figures of a data
    // table (tables()) are left out: they are reviewed as the table's cells.
    static EntityList extract(const DocumentContent &content, const Progress &progress = {},
                              const std::atomic_bool *cancel = nullptr);
    // The data tables of the filing's HTML pages, each cell linked to its source and
    // reconciled with the inline-XBRL facts: from the cache when it has them, else read on
    // the worker pool (a cancelled run is not cached). Every status is auto. load() reads
    // each HTML page's tables while it lays the page out, so they are not laid out twice.
    static TableList tables(const DocumentContent &content, const std::atomic_bool *cancel = nullptr);
    // The entities with the filing's review file and its journal applied, read only (no
    // lock, nothing written): what a headless subcommand exports.
    static EntityList applyReview(const DocumentContent &content, const EntityList &extracted,
                                  QStringList *messages = nullptr);

    // load → extract → apply the review, for a subcommand; the document stays on the
    // calling thread.
    struct Opened
    {
        std::unique_ptr<FilingDocument> document;
        EntityList entities; // reviewed
        QStringList messages;
        LoadError error;
    };
    static Opened open(const QString &path, const LoadOptions &options = {});
};
