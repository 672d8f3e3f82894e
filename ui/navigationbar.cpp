#include "navigationbar.h"

#include <QtGui/QIntValidator>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr int zoomSteps[] = {25, 50, 75, 100, 125, 150, 200, 300, 400};

QString percent(qreal zoom)
{
    return u"%1%"_s.arg(int(std::lround(zoom * 100)));
}
}

NavigationBar::NavigationBar(QWidget *parent)
    : QToolBar(tr("Navigation"), parent)
    , m_pageEdit(new QLineEdit(this))
    , m_pageCount(new QLabel(this))
    , m_zoomBox(new QComboBox(this))
{
    setObjectName(u"navigationBar"_s);
    setMovable(false);

    m_pageEdit->setAccessibleName(tr("Page"));
    m_pageEdit->setToolTip(tr("Current page: type a page and press Enter to go there (Ctrl+L)"));
    m_pageEdit->setAlignment(Qt::AlignRight);
    m_pageEdit->setMaximumWidth(fontMetrics().horizontalAdvance(u"00000"_s) + 16);
    m_pageEdit->setValidator(new QIntValidator(1, 99999, m_pageEdit));
    m_pageEdit->installEventFilter(this);
    connect(m_pageEdit, &QLineEdit::returnPressed, this, [this] {
        bool ok = false;
        const int page = m_pageEdit->text().toInt(&ok);
        if (ok && page >= 1 && page <= m_count)
            Q_EMIT pageRequested(page - 1);
        setPage(m_page, m_count);
        Q_EMIT leaveRequested();
    });
    m_pageCount->setContentsMargins(4, 0, 8, 0);

    m_zoomBox->setEditable(true);
    m_zoomBox->setInsertPolicy(QComboBox::NoInsert);
    m_zoomBox->setAccessibleName(tr("Zoom"));
    m_zoomBox->setToolTip(tr("Zoom: choose or type a percentage"));
    for (int step : zoomSteps)
        m_zoomBox->addItem(u"%1%"_s.arg(step), step / 100.0);
    m_zoomBox->setMinimumContentsLength(5);
    m_zoomBox->installEventFilter(this);
    if (m_zoomBox->lineEdit())
        m_zoomBox->lineEdit()->installEventFilter(this);
    connect(m_zoomBox, &QComboBox::activated, this, [this](int i) {
        Q_EMIT zoomRequested(m_zoomBox->itemData(i).toDouble());
        Q_EMIT leaveRequested();
    });
    connect(m_zoomBox->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        applyZoomText();
        Q_EMIT leaveRequested();
    });

    addWidget(new QLabel(tr("Page "), this));
    addWidget(m_pageEdit);
    addWidget(m_pageCount);
    addWidget(m_zoomBox);
    setPage(-1, 0);
}

void NavigationBar::applyZoomText()
{
    QString text = m_zoomBox->currentText().trimmed();
    text.remove(u'%');
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (ok && value >= 10 && value <= 800)
        Q_EMIT zoomRequested(value / 100.0);
}

void NavigationBar::setPage(int page, int count)
{
    m_page = page;
    m_count = count;
    m_pageEdit->setEnabled(count > 0);
    if (!m_pageEdit->hasFocus())
        m_pageEdit->setText(page >= 0 && count > 0 ? QString::number(page + 1) : QString());
    m_pageCount->setText(count > 0 ? tr("of %1").arg(count) : QString());
}

void NavigationBar::setZoom(qreal zoom)
{
    m_zoomBox->setEnabled(zoom > 0);
    if (m_zoomBox->lineEdit() && !m_zoomBox->lineEdit()->hasFocus())
        m_zoomBox->setEditText(zoom > 0 ? percent(zoom) : QString());
}

bool NavigationBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        setPage(m_page, m_count);
        m_pageEdit->clearFocus();
        Q_EMIT leaveRequested();
        return true;
    }
    return QToolBar::eventFilter(watched, event);
}
