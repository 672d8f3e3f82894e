#pragma once

#include <QtCore/QObject>

class QWidget;

// For tests that run the real program as a child process, without a display: when
// FILINGLENS_TEST_KEYS names a file, every line appended to it is a key (QKeySequence
// portable text: "N", "Return", "Delete", "Ctrl+Z") pressed and released on the
// focused widget as a real key event, shortcuts included. The program then prints on
// stdout "ready <entities>" once a filing's entities are shown, "journal <seq>
// <id>=<status> ..." for every change the review store journals (before it is
// written) and "durable <seq>" once it is on disk. FILINGLENS_TEST_AUTOSAVE_MSEC sets
// the review store's save delay. Nothing of this runs without the variable, and none
// of it is compiled without the CMake option FILINGLENS_TEST_HOOKS (not in release).
class TestKeyFeed final : public QObject
{
    Q_OBJECT
public:
    static void installIfRequested(QWidget *window);

private:
    TestKeyFeed(QWidget *window, const QString &path);
    void poll();
    void press(const QString &key);
    void follow();
    void announceReady();

    QWidget *m_window;
    QString m_path;
    qint64 m_offset = 0;
    QByteArray m_partial;
    QObject *m_store = nullptr;
    bool m_ready = false;
};
