#pragma once

#include <QtWidgets/QMessageBox>

// The program's message boxes, in one place so a test can preset the answer of
// the next one instead of blocking on a modal dialog (as KeePassXC's MessageBox).
class MessageBox final
{
public:
    // The next box returns this button at once, without showing; NoButton: show normally.
    static void setNextAnswer(QMessageBox::StandardButton button);
    // Text of the last box shown or answered, for tests.
    static QString lastText();
    static int shownCount();

    static QMessageBox::StandardButton critical(QWidget *parent, const QString &title,
                                                const QString &text);
    static QMessageBox::StandardButton warning(QWidget *parent, const QString &title,
                                               const QString &text);
    static QMessageBox::StandardButton information(QWidget *parent, const QString &title,
                                                   const QString &text);
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons
                                                = QMessageBox::Yes | QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton
                                                = QMessageBox::NoButton);

    // A password prompt (QInputDialog) with the same presetting for tests: presets
    // queue up and answer the next prompts in order; ok false answers Cancel.
    static void setNextPassword(const QString &password, bool ok = true);
    static QString askPassword(QWidget *parent, const QString &title, const QString &label,
                               bool *ok);

    // A choice from a list (QInputDialog::getItem), presettable the same way; the
    // preset is the text of the item to choose.
    static void setNextItem(const QString &item, bool ok = true);
    // The list can be searched by typing any part of an item.
    static QString askItem(QWidget *parent, const QString &title, const QString &label,
                           const QStringList &items, int current, bool *ok);

    // A line of text (QInputDialog::getText), presettable the same way.
    static void setNextText(const QString &text, bool ok = true);
    static QString askText(QWidget *parent, const QString &title, const QString &label,
                           const QString &initial, bool *ok);

private:
    static QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent,
                                            const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton);
};
