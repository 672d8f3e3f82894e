#include "findbar.h"

#include <QtGui/QKeyEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
{
    auto layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setSpacing(4);

    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"findText"_s);
    m_edit->setPlaceholderText(tr("Find in document"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(220);

    m_previous = new QToolButton(this);
    m_previous->setObjectName(u"findPrevious"_s);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_previous->setAutoRaise(true);

    m_next = new QToolButton(this);
    m_next->setObjectName(u"findNext"_s);
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next match (F3)"));
    m_next->setAutoRaise(true);

    m_count = new QLabel(this);
    m_count->setObjectName(u"findCount"_s);
    m_count->setMinimumWidth(fontMetrics().horizontalAdvance(u"0000 of 0000"_s));

    m_close = new QToolButton(this);
    m_close->setObjectName(u"findClose"_s);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setAutoRaise(true);

    layout->addWidget(m_edit);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_count);
    layout->addStretch(1);
    layout->addWidget(m_close);
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::findRequested);
    // Return reaches keyPressEvent: QLineEdit passes it on to its parent.
    connect(m_next, &QToolButton::clicked, this, &FindBar::nextRequested);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::previousRequested);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    setResult(0, -1);
}

QString FindBar::text() const
{
    return m_edit->text();
}

void FindBar::setText(const QString &text)
{
    if (m_edit->text() == text)
        Q_EMIT findRequested(text);
    else
        m_edit->setText(text);
}

void FindBar::activate()
{
    show();
    m_edit->selectAll();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    if (!m_edit->text().isEmpty())
        Q_EMIT findRequested(m_edit->text());
}

void FindBar::setResult(int hitCount, int current)
{
    const bool query = !m_edit->text().isEmpty();
    if (!query)
        m_count->clear();
    else if (hitCount == 0)
        m_count->setText(tr("No matches"));
    else
        m_count->setText(tr("%1 of %2").arg(current + 1).arg(hitCount));
    m_previous->setEnabled(hitCount > 0);
    m_next->setEnabled(hitCount > 0);
    if (query && hitCount == 0) {
        QPalette pal = m_edit->palette();
        pal.setColor(QPalette::Base, QColor(255, 214, 214));
        pal.setColor(QPalette::Text, Qt::black);
        m_edit->setPalette(pal);
    } else {
        m_edit->setPalette(QPalette());
    }
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        Q_EMIT closed();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (event->modifiers() & Qt::ShiftModifier)
            Q_EMIT previousRequested();
        else
            Q_EMIT nextRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}
