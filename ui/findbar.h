#pragma once

#include <QtWidgets/QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

// The strip under a document view for finding text: the query, previous/next, the hit count
// and a close button. It only asks; the document view searches and reports the count back.
class FindBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    QString text() const;
    // Sets the query; a find is requested even when it is unchanged.
    void setText(const QString &text);
    // Shows the bar, selects the query and gives it focus.
    void activate();
    // hitCount 0 with a query marks the field as not found; current is 0-based, -1 for none.
    void setResult(int hitCount, int current);

Q_SIGNALS:
    void findRequested(const QString &text);
    void nextRequested();
    void previousRequested();
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLineEdit *m_edit = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_close = nullptr;
};
