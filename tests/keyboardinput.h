#pragma once

// Input as a person gives it, for the window tests: keys go to the widget that has the focus.
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>

namespace KeyboardInput {

inline QWidget *focused()
{
    return QApplication::focusWidget();
}

// Picks a combo box choice with the keyboard: focus, Home, Down until the text matches.
inline bool chooseByKeyboard(QComboBox *box, const QString &text)
{
    box->setFocus();
    if (!QTest::qWaitFor([&] { return box->hasFocus(); }, 2000))
        return false;
    QTest::keyClick(focused(), Qt::Key_Home);
    for (int i = 0; i < box->count() && box->currentText() != text; ++i)
        QTest::keyClick(focused(), Qt::Key_Down);
    return box->currentText() == text;
}

} // namespace KeyboardInput
