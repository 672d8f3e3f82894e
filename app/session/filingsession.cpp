#include "filingsession.h"

#include "entitycache.h"
#include "tablecache.h"
#include "extract/extractor.h"
#include "extract/registrantmentions.h"
#include "extract/tablefigures.h"
#include "extract/tablereader.h"
#include "review/reviewstore.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QMutex>

using namespace Qt::StringLiterals;

namespace {
struct Shared
{
    QMutex mutex;
    std::shared_ptr<const Extractor> extractor;
    QList<RulePackError> errors;
    QString userPacks; // what the user's rule folder held when the packs were read
};

Shared &shared()
{
    static Shared s;
    return s;
}

// Names, sizes and times of the user's packs: a cheap look that tells a changed pack.
QString userPacksStamp()
{
    QString stamp;
    const QDir dir(RuleSet::userRulesDir());
    const QFileInfoList files = dir.entryInfoList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QFileInfo &f : files)
        stamp += f.fileName() % u'|' % QString::number(f.size()) % u'|'
            % QString::number(f.lastModified().toMSecsSinceEpoch()) % u'\n';
    return stamp;
}
} // namespace

std::shared_ptr<const Extractor> FilingSession::extractor()
{
    Shared &s = shared();
    const QString stamp = userPacksStamp();
    QMutexLocker lock(&s.mutex);
    if (!s.extractor || stamp != s.userPacks) {
        QList<RulePackError> errors;
        s.extractor = std::make_shared<const Extractor>(RuleSet::loadDefault(&errors));
        s.errors = errors;
        s.userPacks = stamp;
    }
    return s.extractor;
}

QList<RulePackError> FilingSession::ruleErrors()
{
    extractor();
    Shared &s = shared();
    QMutexLocker lock(&s.mutex);
    return s.errors;
}

QString FilingSession::describe(const RulePackError &error)
{
    return u"rule pack %1, line %2: %3 (skipped)"_s.arg(error.file).arg(error.line).arg(error.message);
}

std::unique_ptr<FilingDocument> FilingSession::load(const QString &path, const LoadOptions &options,
                                                    LoadError *error)
{
    // An HTML page's tables are read while its sheet is laid out anyway.
    LoadOptions withTables = options;
    if (!withTables.readTables)
        withTables.readTables = &TableReader::readDocument;
    return FilingDocument::load(path, withTables, error);
}

TableList FilingSession::tables(const DocumentContent &content, const std::atomic_bool *cancel)
{
    return TableCache::tables(content, cancel);
}

EntityList FilingSession::extract(const DocumentContent &content, const Progress &progress,
                                  const std::atomic_bool *cancel)
{
    const std::shared_ptr<const Extractor> e = extractor();
    EntityList entities = EntityCache::extract(*e, content, progress, cancel);
    // Figures of a data table are reviewed as its cells, not as loose rows.
    const TableList read = tables(content, cancel);
    TableFigures::removeCellFigures(entities, read);
    TableFigures::removeHeaderDates(entities, read); // a column's date heading is the table's
    // The registrant's own name, and a name or date named again on a page: one row per page.
    RegistrantMentions::collapse(entities, content.text.pages, e->rules().strings(u"structure"_s, u"orgSuffixes"_s));
    RegistrantMentions::collapseRepeats(entities);
    return entities;
}

EntityList FilingSession::applyReview(const DocumentContent &content, const EntityList &extracted,
                                      QStringList *messages)
{
    return ReviewStore::applySidecar(content, extracted, messages);
}

FilingSession::Opened FilingSession::open(const QString &path, const LoadOptions &options)
{
    Opened opened;
    opened.document = load(path, options, &opened.error);
    if (!opened.document)
        return opened;
    const EntityList extracted = extract(opened.document->content());
    opened.entities = applyReview(opened.document->content(), extracted, &opened.messages);
    return opened;
}
