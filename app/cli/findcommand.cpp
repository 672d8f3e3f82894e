#include "findcommand.h"

#include "output.h"

#include "model/entitytypes.h"
#include "session/filingsession.h"
#include "session/workspace.h"
#include "session/workspaceindex.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int usageError(const QString &message)
{
    printError(message);
    std::fputs("Usage: filing-lens find [--type TYPE,...] [--csv OUT|-] QUERY FOLDER...\n", stderr);
    return 2;
}

} // namespace

int FindCommand::run(const QStringList &arguments)
{
    QString csv = u"-"_s;
    QStringList types;
    QStringList positional;
    bool onlyPositional = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (onlyPositional || !a.startsWith(u'-') || a == u"-"_s) {
            positional.append(a);
        } else if (a == u"--"_s) {
            onlyPositional = true;
        } else if (a == u"--csv"_s) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty())
                return usageError(u"--csv needs an output file, or - for standard output"_s);
            csv = arguments.at(++i);
        } else if (a.startsWith(u"--csv="_s)) {
            csv = a.mid(6);
        } else if (a == u"--type"_s || a == u"--types"_s || a.startsWith(u"--type="_s)
                   || a.startsWith(u"--types="_s)) {
            QString list;
            if (!a.contains(u'=')) {
                if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(u'-'))
                    return usageError(u"--type needs a list of entity types, e.g. --type person,drug"_s);
                list = arguments.at(++i);
            } else {
                list = a.mid(a.indexOf(u'=') + 1);
            }
            for (const QString &t : list.split(u',', Qt::SkipEmptyParts)) {
                if (!t.trimmed().isEmpty())
                    types.append(t.trimmed());
            }
            if (types.isEmpty())
                return usageError(u"--type needs a list of entity types, e.g. --type person,drug"_s);
        } else {
            return usageError(u"unknown option %1"_s.arg(a));
        }
    }
    if (positional.size() < 2)
        return usageError(u"find needs a QUERY and at least one FOLDER"_s);
    const QString query = positional.takeFirst();
    if (query.trimmed().isEmpty())
        return usageError(u"the QUERY is empty"_s);

    for (const RulePackError &e : FilingSession::ruleErrors())
        printError(FilingSession::describe(e));
    if (!types.isEmpty()) {
        QStringList known;
        for (const EntityType &t : EntityTypes::all())
            known.append(t.key);
        known.append(WorkspaceIndex::tableCellType());
        for (const QString &t : std::as_const(types)) {
            if (!known.contains(t))
                return usageError(u"unknown entity type %1 (known types: %2)"_s.arg(t, known.join(u", "_s)));
        }
    }

    QString error;
    Output out;
    if (!out.open(csv, &error)) {
        printError(error);
        return 1;
    }
    QStringList problems;
    const QList<Workspace::Filing> filings = Workspace::filings(positional, &problems);
    int failed = int(problems.size());
    for (const QString &p : std::as_const(problems))
        printError(p);

    WorkspaceIndex index;
    const WorkspaceIndex::Update update = index.update(filings);
    if (!update.error.isEmpty()) {
        printError(u"the search index: "_s + update.error);
        return 1;
    }
    // The filings that cannot be opened, and review files that cannot be read, are
    // named as status names them; the others are searched.
    for (const Workspace::FilingStatus &s : index.statuses(filings)) {
        if (!s.error.isEmpty()) {
            printError(s.error);
            ++failed;
        }
        for (const QString &m : s.messages)
            printError(s.filing.display + u": "_s + m);
    }
    const QList<WorkspaceIndex::Match> matches = index.find(query, types, filings, &error);
    if (!error.isEmpty()) {
        printError(u"the search index: "_s + error);
        return 1;
    }
    bool writeFailed = !out.writeCsvRow(WorkspaceIndex::findColumns());
    for (const WorkspaceIndex::Match &m : matches) {
        if (!out.writeCsvRow(WorkspaceIndex::findCells(m)))
            writeFailed = true;
    }
    if (writeFailed) {
        printError(u"%1: cannot be written: %2"_s.arg(csv == u"-"_s ? u"standard output"_s : csv,
                                                      out.device()->errorString()));
        return 1;
    }
    if (!out.commit(&error)) {
        printError(error);
        return 1;
    }
    return failed ? 1 : 0;
}
