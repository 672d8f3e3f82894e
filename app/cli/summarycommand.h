#pragma once

#include <QtCore/QStringList>

// filing-lens summary FILE --pdf OUT [--page-size A4|Letter]
// Loads FILE, extracts, applies its sidecar (read only) and writes the summary sheet
// as a PDF to OUT ("-" for standard output). Exit codes: 0 done, 1 the file could not
// be loaded or the PDF not written (named on stderr), 2 usage.
namespace SummaryCommand {
int run(const QStringList &arguments); // arguments after "summary"
}
