#include "testkeyfeed.h"

#include "review/reviewstore.h"

#include <QtCore/QFile>
#include <QtCore/QTimer>
#include <QtGui/QKeyEvent>
#include <QtGui/QKeySequence>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QWidget>

#include <cstdio>

using namespace Qt::StringLiterals;

// Exported by QtGui for QTest: runs the shortcut map for a key press, as the window
// system's delivery does, before the event reaches the widget.
Q_GUI_EXPORT bool qt_sendShortcutOverrideEvent(QObject *o, ulong timestamp, int k,
                                               Qt::KeyboardModifiers mods, const QString &text,
                                               bool autorep, ushort count);

namespace {

void emitLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

void TestKeyFeed::installIfRequested(QWidget *window)
{
    const QString path = qEnvironmentVariable("FILINGLENS_TEST_KEYS");
    if (path.isEmpty())
        return;
    new TestKeyFeed(window, path);
}

TestKeyFeed::TestKeyFeed(QWidget *window, const QString &path)
    : QObject(window)
    , m_window(window)
    , m_path(path)
{
    auto *timer = new QTimer(this);
    timer->setInterval(2);
    connect(timer, &QTimer::timeout, this, &TestKeyFeed::poll);
    timer->start();
}

// A new review store appears with every filing opened.
void TestKeyFeed::follow()
{
    auto *store = m_window->findChild<ReviewStore *>();
    if (!store || store == m_store)
        return;
    m_store = store;
    bool ok = false;
    const int autosave = qEnvironmentVariableIntValue("FILINGLENS_TEST_AUTOSAVE_MSEC", &ok);
    if (ok)
        store->setAutosaveDelay(autosave);
    connect(store, &ReviewStore::journaled, this, [store](quint64 seq, const QStringList &ids) {
        QByteArray line = "journal " + QByteArray::number(seq);
        for (const QString &id : ids) {
            const Entity *e = store->entity(id);
            line += ' ' + id.toUtf8() + '=' + (e ? statusKey(e->status).toUtf8() : QByteArray("none"));
        }
        emitLine(line);
    });
    connect(store, &ReviewStore::durable, this,
            [](quint64 seq) { emitLine("durable " + QByteArray::number(seq)); });
    connect(store, &ReviewStore::modelAboutToReset, this, [this] { m_ready = false; });
}

// Keys go to the active window, as they do on a desktop: ready once it is active
// and the filing's entities are shown.
void TestKeyFeed::announceReady()
{
    auto *store = qobject_cast<ReviewStore *>(m_store);
    if (m_ready || !store || store->count() == 0)
        return;
    if (!m_window->isActiveWindow()) {
        m_window->activateWindow();
        return;
    }
    // Where a reviewer clicks first: the entity tree.
    if (auto *tree = m_window->findChild<QTreeView *>())
        tree->setFocus(Qt::OtherFocusReason);
    m_ready = true;
    emitLine("ready " + QByteArray::number(store->count()));
}

void TestKeyFeed::poll()
{
    follow();
    announceReady();
    if (!m_ready)
        return;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() <= m_offset)
        return;
    file.seek(m_offset);
    const QByteArray bytes = file.readAll();
    m_offset += bytes.size();
    m_partial += bytes;
    qsizetype end;
    while ((end = m_partial.indexOf('\n')) >= 0) {
        const QString key = QString::fromUtf8(m_partial.left(end)).trimmed();
        m_partial.remove(0, end + 1);
        if (!key.isEmpty())
            press(key);
    }
}

void TestKeyFeed::press(const QString &key)
{
    const QKeySequence sequence = QKeySequence::fromString(key, QKeySequence::PortableText);
    if (sequence.isEmpty())
        return;
    const QKeyCombination combination = sequence[0];
    const int code = int(combination.key());
    const Qt::KeyboardModifiers mods = combination.keyboardModifiers();
    QString text;
    if (code >= 0x20 && code < 0x7f && !(mods & (Qt::ControlModifier | Qt::AltModifier)))
        text = (mods & Qt::ShiftModifier) ? QString(QChar(code)) : QString(QChar(code)).toLower();
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window;
    QKeyEvent press(QEvent::KeyPress, code, mods, text);
    if (!qt_sendShortcutOverrideEvent(target, press.timestamp(), code, mods, text, false, 1))
        QApplication::sendEvent(target, &press);
    QWidget *after = QApplication::focusWidget() ? QApplication::focusWidget() : m_window;
    QKeyEvent release(QEvent::KeyRelease, code, mods, text);
    QApplication::sendEvent(after, &release);
}
