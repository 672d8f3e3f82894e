#pragma once

// The window the review tests work in, as a reviewer finds it: shown and active, a filing
// opened and its entities extracted.
#include "mainwindow.h"

#include "review/reviewstore.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

#include <memory>

namespace ReviewWindow {

// A window of 1400 × 900, shown and active; nullptr when it never became active.
inline std::unique_ptr<MainWindow> shown()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        return nullptr;
    return window;
}

// Closes what a test left open over the window (a menu, a combo box's list), then the window.
inline void close(std::unique_ptr<MainWindow> &window)
{
    while (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    window.reset();
}

// Opens `path` and waits until its entities are extracted; its review file is then
// written at each decision. False when the path is empty, the wait runs out or no
// entity was found.
inline bool open(MainWindow &window, const QString &path, int timeoutMs)
{
    if (path.isEmpty())
        return false;
    QSignalSpy extracted(&window, &MainWindow::extractionFinished);
    window.openFile(path);
    if (!QTest::qWaitFor([&] { return extracted.count() > 0; }, timeoutMs))
        return false;
    window.store()->setAutosaveDelay(0);
    return window.store()->count() > 0;
}

} // namespace ReviewWindow
