#pragma once

#include <QtWidgets/QToolBar>

class QComboBox;
class QLabel;
class QLineEdit;

// The toolbar's place and zoom controls: the current page of the total (type a
// page and press Enter to go there) and the zoom in percent (choose or type one).
// It shows what the view reports and asks for changes with its signals.
class NavigationBar final : public QToolBar
{
    Q_OBJECT
public:
    explicit NavigationBar(QWidget *parent = nullptr);

    // page is 0-based, -1 with count 0 when nothing is open.
    void setPage(int page, int count);
    void setZoom(qreal zoom);
    QLineEdit *pageEdit() const { return m_pageEdit; }
    QComboBox *zoomBox() const { return m_zoomBox; }

Q_SIGNALS:
    void pageRequested(int page); // 0-based
    void zoomRequested(qreal zoom);
    // Enter or Escape in one of the fields: the reviewer goes back to work.
    void leaveRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyZoomText();

    QLineEdit *m_pageEdit;
    QLabel *m_pageCount;
    QComboBox *m_zoomBox;
    int m_page = -1;
    int m_count = 0;
};
