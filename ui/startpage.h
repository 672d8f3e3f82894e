#pragma once

#include <QtWidgets/QWidget>

class QListWidget;
class QLabel;

// What the window shows with no filing open: recent files, Open, and the sample.
class StartPage final : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    void setRecentFiles(const QStringList &paths);
    QListWidget *recentList() const { return m_recent; }

Q_SIGNALS:
    void openRequested(const QString &path);
    void openDialogRequested();
    void sampleRequested();

private:
    QListWidget *m_recent;
    QLabel *m_recentTitle;
};
