#pragma once

// The program's own background work — loading a filing, extracting its entities, reading
// its tables, laying out sheets ahead of the view, indexing a workspace, and the PDF text
// worker processes started from those threads — gives way to the GUI thread when both want
// a core. The window switches it on; the command line leaves it off, so a batch runs at
// the priority it was started with.
//
// On Linux, QThread priorities other than IdlePriority change nothing for ordinary
// (SCHED_OTHER) threads: Qt maps them onto the policy's one static priority. IdlePriority
// is SCHED_IDLE, which starves the work behind any other busy program. So the thread's own
// nice value is raised instead (setpriority on its thread id): the GUI thread then gets
// about nine tenths of a core it shares with a worker, and the workers still share the
// rest among themselves as before. Threads and processes started from a lowered thread
// inherit its nice value. Elsewhere QThread::LowPriority is used.
namespace BackgroundPriority {

// The nice value background threads take on Linux (the default of nice(1)).
constexpr int kNice = 10;

void setEnabled(bool enabled);
bool isEnabled();

// Lowers the calling thread's priority if enabled (once per thread; a lowered thread
// stays lowered). Called at the start of each piece of background work; costs a
// thread-local check after the first call. Never call it on the GUI thread.
void enter();

// The calling thread's nice value (Linux; 0 elsewhere).
int currentNice();

} // namespace BackgroundPriority
