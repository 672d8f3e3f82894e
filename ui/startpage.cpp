#include "startpage.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
    , m_recentTitle(new QLabel(tr("Recent filings"), this))
{
    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(72, 72));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Filing Lens"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto *intro = new QLabel(tr("Open an SEC filing (PDF, EDGAR HTML or a full submission .txt) "
                                "to review the facts found in it beside their source."),
                             this);
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);
    intro->setForegroundRole(QPalette::PlaceholderText);

    auto *open = new QPushButton(tr("Open a Filing…"), this);
    auto *sample = new QPushButton(tr("Open the Sample"), this);
    sample->setToolTip(tr("ImmunoGen's Form 8-K of June 4, 2007"));
    open->setDefault(true);
    connect(open, &QPushButton::clicked, this, &StartPage::openDialogRequested);
    connect(sample, &QPushButton::clicked, this, &StartPage::sampleRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(open);
    buttons->addWidget(sample);
    buttons->addStretch();

    QFont bold = m_recentTitle->font();
    bold.setBold(true);
    m_recentTitle->setFont(bold);
    m_recent->setAccessibleName(tr("Recent filings"));
    m_recent->setMinimumHeight(160);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openRequested(item->data(Qt::UserRole).toString());
    });

    auto *column = new QVBoxLayout;
    column->addStretch(2);
    column->addWidget(icon);
    column->addWidget(title);
    column->addSpacing(4);
    column->addWidget(intro);
    column->addSpacing(16);
    column->addLayout(buttons);
    column->addSpacing(24);
    column->addWidget(m_recentTitle);
    column->addWidget(m_recent, 1);
    column->addStretch(3);

    auto *layout = new QHBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(column, 2);
    layout->addStretch(1);
}

void StartPage::setRecentFiles(const QStringList &paths)
{
    m_recent->clear();
    for (const QString &path : paths) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(
            u"%1\n%2"_s.arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())),
            m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
        if (!info.exists())
            item->setForeground(palette().color(QPalette::PlaceholderText));
    }
    m_recentTitle->setVisible(!paths.isEmpty());
    m_recent->setVisible(!paths.isEmpty());
}
