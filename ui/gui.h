#pragma once

// The desktop program: creates the QApplication, the main window, and runs the event loop.
namespace Gui {
int run(int argc, char **argv);
}
