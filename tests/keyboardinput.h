#pragma once

// Input as a person gives it, for the window tests: keys go to the widget that has the focus.
#include <QtCore/QTimer>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLineEdit>

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

// Answers the file dialog that the next key or click opens, as a person does: `path`
// typed into its name field (which has the focus), then Enter. Call it just before the
// key or click; `context` is the window that opens the dialog.
inline void answerFileDialog(QObject *context, const QString &path)
{
    QTimer::singleShot(0, context, [path] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        QTRY_VERIFY(qobject_cast<QLineEdit *>(focused()));
        QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(focused(), path);
        QTest::keyClick(focused(), Qt::Key_Return);
    });
}

} // namespace KeyboardInput
