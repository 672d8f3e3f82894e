#include "messagebox.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLineEdit>

#include <QtCore/QList>

namespace {
QMessageBox::StandardButton s_nextAnswer = QMessageBox::NoButton;
QString s_lastText;
int s_shown = 0;
QList<std::pair<QString, bool>> s_nextPasswords;
QList<std::pair<QString, bool>> s_nextItems;
QList<std::pair<QString, bool>> s_nextTexts;
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton button)
{
    s_nextAnswer = button;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

int MessageBox::shownCount()
{
    return s_shown;
}

QMessageBox::StandardButton MessageBox::critical(QWidget *parent, const QString &title,
                                                 const QString &text)
{
    return show(QMessageBox::Critical, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::warning(QWidget *parent, const QString &title,
                                                const QString &text)
{
    return show(QMessageBox::Warning, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::information(QWidget *parent, const QString &title,
                                                    const QString &text)
{
    return show(QMessageBox::Information, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title,
                                                 const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    return show(QMessageBox::Question, parent, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton MessageBox::show(QMessageBox::Icon icon, QWidget *parent,
                                             const QString &title, const QString &text,
                                             QMessageBox::StandardButtons buttons,
                                             QMessageBox::StandardButton defaultButton)
{
    ++s_shown;
    s_lastText = text;
    if (s_nextAnswer != QMessageBox::NoButton) {
        const auto answer = s_nextAnswer;
        s_nextAnswer = QMessageBox::NoButton;
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void MessageBox::setNextPassword(const QString &password, bool ok)
{
    s_nextPasswords.append(std::make_pair(password, ok));
}

QString MessageBox::askPassword(QWidget *parent, const QString &title, const QString &label,
                                bool *ok)
{
    ++s_shown;
    s_lastText = label;
    if (!s_nextPasswords.isEmpty()) {
        const auto answer = s_nextPasswords.takeFirst();
        *ok = answer.second;
        return answer.first;
    }
    return QInputDialog::getText(parent, title, label, QLineEdit::Password, QString(), ok);
}

void MessageBox::setNextItem(const QString &item, bool ok)
{
    s_nextItems.append(std::make_pair(item, ok));
}

QString MessageBox::askItem(QWidget *parent, const QString &title, const QString &label,
                            const QStringList &items, int current, bool *ok)
{
    ++s_shown;
    s_lastText = label;
    if (!s_nextItems.isEmpty()) {
        const auto answer = s_nextItems.takeFirst();
        *ok = answer.second && items.contains(answer.first);
        return *ok ? answer.first : QString();
    }
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setComboBoxItems(items);
    dialog.setComboBoxEditable(true);
    if (current >= 0 && current < items.size())
        dialog.setTextValue(items.at(current));
    // Typing any part of a name ("drug", "phase") offers the matching items.
    if (auto *box = dialog.findChild<QComboBox *>()) {
        box->setInsertPolicy(QComboBox::NoInsert);
        if (QCompleter *completer = box->completer()) {
            completer->setFilterMode(Qt::MatchContains);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            completer->setCompletionMode(QCompleter::PopupCompletion);
        }
        if (box->lineEdit())
            box->lineEdit()->selectAll();
    }
    for (;;) {
        *ok = dialog.exec() == QDialog::Accepted;
        const QString chosen = dialog.textValue();
        if (!*ok)
            return {};
        if (items.contains(chosen))
            return chosen;
        // A typed fragment that names one item only ("drug") stands for that item.
        QStringList matches;
        for (const QString &item : items)
            if (item.contains(chosen.trimmed(), Qt::CaseInsensitive))
                matches << item;
        if (matches.size() == 1)
            return matches.first();
        // Nothing or several: ask again, saying so, instead of doing nothing silently.
        dialog.setLabelText(matches.isEmpty()
                                ? QInputDialog::tr("No choice matches “%1”. %2").arg(chosen, label)
                                : QInputDialog::tr("“%1” matches %2 choices; pick one. %3")
                                      .arg(chosen)
                                      .arg(matches.size())
                                      .arg(label));
    }
}

void MessageBox::setNextText(const QString &text, bool ok)
{
    s_nextTexts.append(std::make_pair(text, ok));
}

QString MessageBox::askText(QWidget *parent, const QString &title, const QString &label,
                            const QString &initial, bool *ok)
{
    ++s_shown;
    s_lastText = label;
    if (!s_nextTexts.isEmpty()) {
        const auto answer = s_nextTexts.takeFirst();
        *ok = answer.second;
        return *ok ? answer.first : QString();
    }
    return QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, ok);
}
