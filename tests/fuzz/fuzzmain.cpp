// The libFuzzer entry points for one target; FILINGLENS_FUZZ_TARGET names it
// (see FuzzTargets::names()). A broken invariant aborts so libFuzzer keeps the input.
#include "fuzztargets.h"

#include <QtCore/QCoreApplication>
#include <QtGui/QGuiApplication>

#include <cstdio>
#include <cstdlib>

namespace {
// Never destroyed: libFuzzer leaves through exit(), after Qt's own globals are gone.
QCoreApplication *g_app = nullptr;
int g_argc = 1;
char g_name[] = "filing-lens-fuzz";
char *g_argv[] = {g_name, nullptr};
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // Rule packs warn on every broken input; keep the fuzzer's output readable.
    qputenv("QT_LOGGING_RULES", "*.warning=false");
    const QString target = QStringLiteral(FILINGLENS_FUZZ_TARGET);
    if (FuzzTargets::needsGui(target)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        g_app = new QGuiApplication(g_argc, g_argv);
    } else {
        g_app = new QCoreApplication(g_argc, g_argv);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString problem = FuzzTargets::run(QStringLiteral(FILINGLENS_FUZZ_TARGET), input);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "fuzz target %s: %s\n", FILINGLENS_FUZZ_TARGET, qPrintable(problem));
        std::abort();
    }
    return 0;
}
