#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

#include <functional>

class QMenu;

// What the program remembers across runs about the filings opened (in the user's settings):
// the recent files (File ▸ Open Recent and the start page), where the reviewer was in each
// filing, and the copy of the bundled sample that --sample and File ▸ Open the Sample open.
namespace RecentFiles {

constexpr int maxFiles = 10;
constexpr int maxPlaces = 200;

QStringList files();
// Puts the file first (as an absolute path), keeping maxFiles.
void add(const QString &path);
void clear();
// Fills File ▸ Open Recent: the files (open(path) on a choice) and Clear Menu (cleared()
// after the list is emptied).
void fillMenu(QMenu *menu, const std::function<void(const QString &)> &open, const std::function<void()> &cleared);

// Where the reviewer was in a filing, by its sha256: a map of part, page, scroll, zoom and
// entity; empty if not remembered. Keeps the maxPlaces filings seen last.
QVariantMap place(const QString &sha256);
void rememberPlace(const QString &sha256, QVariantMap place);

// Where --sample opens from; copies the bundled filing there first if needed. Empty with
// *error saying why when it cannot.
QString sampleCopy(QString *error);

} // namespace RecentFiles
