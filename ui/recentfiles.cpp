#include "recentfiles.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QAction>
#include <QtWidgets/QMenu>

using namespace Qt::StringLiterals;

namespace {
const auto sampleName = u"immunogen-8k-2007-06-04.pdf"_s;
const auto placesKey = u"places/filings"_s;

QString tr(const char *text)
{
    return QCoreApplication::translate("MainWindow", text);
}
} // namespace

namespace RecentFiles {

QStringList files()
{
    return QSettings().value(u"recentFiles"_s).toStringList();
}

void add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > maxFiles)
        list.removeLast();
    QSettings().setValue(u"recentFiles"_s, list);
}

void clear()
{
    QSettings().remove(u"recentFiles"_s);
}

void fillMenu(QMenu *menu, const std::function<void(const QString &)> &open, const std::function<void()> &cleared)
{
    menu->clear();
    const QStringList list = files();
    for (const QString &path : list) {
        QAction *a = menu->addAction(QFileInfo(path).fileName());
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        QObject::connect(a, &QAction::triggered, menu, [open, path] { open(path); });
    }
    if (!list.isEmpty())
        menu->addSeparator();
    QAction *clearAction = menu->addAction(tr("&Clear Menu"));
    clearAction->setEnabled(!list.isEmpty());
    QObject::connect(clearAction, &QAction::triggered, menu, [cleared] {
        clear();
        cleared();
    });
}

QVariantMap place(const QString &sha256)
{
    return QSettings().value(placesKey).toMap().value(sha256).toMap();
}

void rememberPlace(const QString &sha256, QVariantMap entry)
{
    QSettings settings;
    QVariantMap places = settings.value(placesKey).toMap();
    entry.insert(u"at"_s, QDateTime::currentDateTimeUtc());
    places.insert(sha256, entry);
    // Keep the most recent filings only.
    while (places.size() > maxPlaces) {
        auto oldest = places.begin();
        for (auto it = places.begin(); it != places.end(); ++it)
            if (it.value().toMap().value(u"at"_s).toDateTime()
                < oldest.value().toMap().value(u"at"_s).toDateTime())
                oldest = it;
        places.erase(oldest);
    }
    settings.setValue(placesKey, places);
}

QString sampleCopy(QString *error)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + u"/sample"_s;
    const QString target = folder + u'/' + sampleName;
    if (QFileInfo::exists(target))
        return target;
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(folder));
        return {};
    }
    QFile source(u":/sample/"_s + sampleName);
    QSaveFile out(target);
    if (!source.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)
        || out.write(source.readAll()) != source.size() || !out.commit()) {
        if (error)
            *error = tr("Could not copy the sample filing to %1: %2")
                         .arg(QDir::toNativeSeparators(target),
                              source.isOpen() ? out.errorString() : source.errorString());
        return {};
    }
    // A writable copy, so the review can be saved beside it.
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                      | QFile::ReadOther);
    return target;
}

} // namespace RecentFiles
