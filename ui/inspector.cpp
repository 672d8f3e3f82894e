#include "inspector.h"

#include "entitytreemodel.h"
#include "model/entitytypes.h"
#include "review/reviewstore.h"

#include <QtCore/QLocale>
#include <QtCore/QTimer>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStyle>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    // A word longer than the panel (a rule id, a URL) is cut at the edge instead of
    // widening the details past it; the text stays selectable.
    label->setMinimumWidth(1);
    return label;
}
}

Inspector::Inspector(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(tr("Select an entity to see its details."), this))
    , m_orphanLabel(valueLabel(this))
    , m_xbrlWarning(valueLabel(this))
    , m_factLabel(valueLabel(this))
    , m_factTitle(new QLabel(tr("XBRL fact"), this))
    , m_typeBox(new QComboBox(this))
    , m_valueEdit(new QLineEdit(this))
    , m_textLabel(valueLabel(this))
    , m_pageLabel(valueLabel(this))
    , m_confidenceLabel(valueLabel(this))
    , m_originLabel(valueLabel(this))
    , m_attributesLabel(valueLabel(this))
    , m_noteEdit(new QLineEdit(this))
    , m_statusLabel(new QLabel(this))
    , m_changedLabel(valueLabel(this))
    , m_confirmButton(new QPushButton(tr("Confirm"), this))
    , m_rejectButton(new QPushButton(tr("Reject"), this))
{
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    for (const EntityType &t : EntityTypes::all())
        m_typeBox->addItem(u"%1 — %2"_s.arg(t.label, t.category), t.key);
    m_typeBox->setAccessibleName(tr("Type"));
    m_typeBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_typeBox->setMinimumContentsLength(8);
    connect(m_typeBox, &QComboBox::activated, this, [this](int i) {
        const QString id = m_id;
        const QString key = m_typeBox->itemData(i).toString();
        const Entity *e = m_store ? m_store->entity(id) : nullptr;
        if (e && key != e->type && allowEdit())
            m_store->setType(id, key);
        else
            refresh();
    });
    m_typeBox->installEventFilter(this);

    m_valueEdit->setAccessibleName(tr("Value"));
    m_valueEdit->setToolTip(tr("Enter saves the value, Escape drops the edit"));
    connect(m_valueEdit, &QLineEdit::textEdited, this, [this] {
        if (m_valueEditId.isEmpty())
            m_valueEditId = m_id;
    });
    // Enter and leaving the field both end the edit; Enter also returns to the tree.
    connect(m_valueEdit, &QLineEdit::returnPressed, this, [this] {
        commitValue();
        Q_EMIT editFinished();
    });
    // The field lost the focus to a click elsewhere (a row of the tree, the filing): that
    // click is handled first, on the rows as the reviewer saw them, and only then is the
    // edit written, so a regrouping never moves a row under the pointer.
    connect(m_valueEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_valueEditId.isEmpty())
            QTimer::singleShot(0, this, &Inspector::commitValue);
    });
    m_valueEdit->installEventFilter(this);

    m_noteEdit->setPlaceholderText(tr("Add a note"));
    m_noteEdit->setAccessibleName(tr("Note"));
    m_noteEdit->setToolTip(tr("Enter saves the note, Escape drops the edit"));
    connect(m_noteEdit, &QLineEdit::editingFinished, this, &Inspector::commitNote);
    connect(m_noteEdit, &QLineEdit::returnPressed, this, &Inspector::editFinished);
    m_noteEdit->installEventFilter(this);

    m_orphanLabel->setStyleSheet(u"color: #8a4b00;"_s);
    m_xbrlWarning->setStyleSheet(u"color: #8a4b00; font-weight: bold;"_s);
    m_xbrlWarning->setAccessibleName(tr("XBRL check"));
    m_factLabel->setAccessibleName(tr("XBRL fact"));
    // A concept name is one long word: it must not widen the inspector past its dock.
    for (QLabel *label : {m_factLabel, m_xbrlWarning})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_textLabel->setStyleSheet(u"font-family: monospace;"_s);

    connect(m_confirmButton, &QPushButton::clicked, this, [this] {
        if (m_store && !m_id.isEmpty())
            m_store->confirm(m_id);
    });
    connect(m_rejectButton, &QPushButton::clicked, this, [this] {
        if (m_store && !m_id.isEmpty())
            m_store->reject(m_id);
    });
    m_confirmButton->setFocusPolicy(Qt::TabFocus);
    m_rejectButton->setFocusPolicy(Qt::TabFocus);

    auto *details = new QWidget;
    auto *form = new QFormLayout(details);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Narrow, a field goes below its label rather than past the panel's edge.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->addRow(m_orphanLabel);
    form->addRow(m_xbrlWarning);
    form->addRow(tr("Type"), m_typeBox);
    form->addRow(tr("Value"), m_valueEdit);
    form->addRow(tr("Text"), m_textLabel);
    form->addRow(tr("Page"), m_pageLabel);
    form->addRow(m_factTitle, m_factLabel);
    form->addRow(tr("Confidence"), m_confidenceLabel);
    form->addRow(tr("Found by"), m_originLabel);
    form->addRow(tr("Attributes"), m_attributesLabel);
    form->addRow(tr("Note"), m_noteEdit);
    form->addRow(tr("Status"), m_statusLabel);
    form->addRow(tr("Changed"), m_changedLabel);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_confirmButton);
    buttons->addWidget(m_rejectButton);
    form->addRow(buttons);

    auto *scroll = new QScrollArea;
    scroll->setWidget(details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Never narrower than its details need (nothing is cut at the right edge).
    setMinimumWidth(details->minimumSizeHint().width()
                    + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2);

    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    refresh();
}

void Inspector::setStore(ReviewStore *store)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_store = store;
    m_id.clear();
    m_valueEditId.clear();
    if (store) {
        m_connections << connect(store, &ReviewStore::entityChanged, this, &Inspector::onEntityChanged);
        m_connections << connect(store, &ReviewStore::modelReset, this, &Inspector::refresh);
        m_connections << connect(store, &ReviewStore::entityRemoved, this, &Inspector::refresh);
    }
    refresh();
}

void Inspector::setEntity(const QString &id)
{
    if (id == m_id)
        return;
    commitValue();
    commitNote();
    m_id = id;
    m_valueEditId.clear();
    refresh();
}

bool Inspector::allowEdit()
{
    if (m_committing)
        return false;
    m_committing = true;
    const bool ok = !m_guard || m_guard();
    m_committing = false;
    return ok;
}

void Inspector::commitValue()
{
    const QString id = m_valueEditId;
    if (id.isEmpty() || m_committing)
        return;
    m_valueEditId.clear();
    const Entity *e = m_store ? m_store->entity(id) : nullptr;
    const QString text = m_valueEdit->text();
    if (e && text != e->value && !m_store->isReadOnly() && allowEdit())
        m_store->setValue(id, text, true);
    refresh();
}

bool Inspector::eventFilter(QObject *watched, QEvent *event)
{
    // Left, the value field shows the value's start again (an edit selected it all).
    if (watched == m_valueEdit && event->type() == QEvent::FocusOut)
        m_valueEdit->setCursorPosition(0);
    if (event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        // Escape drops an edit that was not written and goes back to the entities.
        if (watched == m_valueEdit)
            m_valueEditId.clear();
        if (watched == m_noteEdit) {
            const Entity *e = m_store ? m_store->entity(m_id) : nullptr;
            m_noteEdit->setText(e ? e->note : QString());
        }
        refresh();
        Q_EMIT editFinished();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void Inspector::editValue()
{
    if (!m_valueEdit->isEnabled() || !m_valueEdit->isVisible())
        return;
    m_valueEdit->setFocus(Qt::ShortcutFocusReason);
    m_valueEdit->selectAll();
}

void Inspector::editNote()
{
    if (!m_noteEdit->isEnabled() || !m_noteEdit->isVisible())
        return;
    m_noteEdit->setFocus(Qt::ShortcutFocusReason);
    m_noteEdit->selectAll();
}

void Inspector::commitNote()
{
    const QString id = m_id;
    const Entity *e = m_store ? m_store->entity(id) : nullptr;
    if (e && m_noteEdit->text() != e->note && !m_store->isReadOnly() && allowEdit())
        m_store->setNote(id, m_noteEdit->text());
}

QString Inspector::xbrlWarning() const
{
    return m_xbrlWarning->isVisibleTo(this) ? m_xbrlWarning->text() : QString();
}

QString Inspector::factDetails() const
{
    return m_factLabel->isVisibleTo(this) ? m_factLabel->text() : QString();
}

namespace {
// "6 (millions)", "-3 (to thousands)": the numbers of a fact with what they mean.
QString scaleText(const QString &scale)
{
    bool ok = false;
    const int n = scale.toInt(&ok);
    if (!ok)
        return scale;
    switch (n) {
    case 0: return Inspector::tr("%1 (units)").arg(scale);
    case 3: return Inspector::tr("%1 (thousands)").arg(scale);
    case 6: return Inspector::tr("%1 (millions)").arg(scale);
    case 9: return Inspector::tr("%1 (billions)").arg(scale);
    case -2: return Inspector::tr("%1 (percent)").arg(scale);
    }
    return scale;
}

QString decimalsText(const QString &decimals)
{
    bool ok = false;
    const int n = decimals.toInt(&ok);
    if (decimals == u"INF"_s)
        return Inspector::tr("INF (exact)");
    if (!ok)
        return decimals;
    switch (n) {
    case -3: return Inspector::tr("%1 (to thousands)").arg(decimals);
    case -6: return Inspector::tr("%1 (to millions)").arg(decimals);
    case -9: return Inspector::tr("%1 (to billions)").arg(decimals);
    }
    if (n > 0)
        return Inspector::tr("%1 (%1 digits after the point)").arg(decimals);
    return decimals;
}

QString periodText(const QString &period)
{
    if (period.isEmpty())
        return Inspector::tr("none");
    if (period.contains(u'/'))
        return Inspector::tr("%1 to %2 (duration)").arg(period.section(u'/', 0, 0), period.section(u'/', 1));
    return Inspector::tr("%1 (instant)").arg(period);
}

// The attributes an XBRL fact row of the inspector shows; the rest stay in Attributes.
const QStringList &factKeys()
{
    static const QStringList keys = {u"concept"_s, u"period"_s, u"unit"_s, u"scale"_s,
                                     u"decimals"_s, u"dimensions"_s, u"context"_s, u"hidden"_s};
    return keys;
}
}

// " (us-gaap:Revenues, 2024-01-01 to 2024-12-31)": which fact tags the amount's words with
// the value it disagrees with, so the reviewer can find it under XBRL facts.
QString Inspector::taggingFact(const Entity &amount) const
{
    const QString tagged = amount.attributes.value(u"xbrlValue"_s);
    for (const Entity &f : m_store->entities()) {
        if (EntityTreeModel::isXbrlFact(f) && f.value == tagged && f.span.overlaps(amount.span)) {
            const QString period = f.attributes.value(u"period"_s);
            return u" ("_s + f.attributes.value(u"concept"_s)
                + (period.isEmpty() ? QString() : u", "_s + periodText(period)) + u')';
        }
    }
    return {};
}

void Inspector::onEntityChanged(int row)
{
    if (m_store && row >= 0 && row < m_store->count() && m_store->entities().at(row).id == m_id)
        refresh();
}

void Inspector::refresh()
{
    const Entity *e = m_store && !m_id.isEmpty() ? m_store->entity(m_id) : nullptr;
    if (!e) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    const bool editable = !m_store->isReadOnly();

    m_orphanLabel->setVisible(e->orphan);
    if (e->orphan)
        m_orphanLabel->setText(tr("This decision could not be placed in the current version of "
                                  "the filing. Its saved text: “%1”")
                                   .arg(e->text));

    const bool fact = EntityTreeModel::isXbrlFact(*e);
    const bool hidden = fact && e->attributes.value(u"hidden"_s) == u"true"_s;
    // A fact outside ix:hidden can still show nothing: nil, or set in an element the
    // filing's own styling hides (a table row with display:none).
    const bool unshown = fact && !hidden && !e->span.isValid() && !e->orphan;
    const bool nil = e->attributes.value(u"nil"_s) == u"true"_s;
    QString warning;
    if (hidden)
        warning = tr("Hidden in the filing's XBRL (no place in the text).");
    else if (unshown && nil)
        warning = tr("Nil in the filing's XBRL: it has no value, so nothing of it shows in the text.");
    else if (unshown)
        warning = tr("Not shown in the filing: its own styling hides it, or it has no text, so it has "
                     "no place on a page.");
    else if (EntityTreeModel::differsFromXbrl(*e))
        warning = tr("⚠ Disagrees with the filing's XBRL: printed %1 (“%2”), tagged %3%4.")
                      .arg(e->value, e->text.simplified(), e->attributes.value(u"xbrlValue"_s),
                           taggingFact(*e));
    else if (e->attributes.value(u"xbrl"_s) == u"untagged"_s)
        warning = tr("No XBRL fact of the filing tags this amount.");
    m_xbrlWarning->setText(warning);
    m_xbrlWarning->setToolTip(warning);
    m_xbrlWarning->setVisible(!warning.isEmpty());
    m_xbrlWarning->setStyleSheet(hidden ? u"color: #3b6e8f;"_s : u"color: #8a4b00; font-weight: bold;"_s);

    m_factTitle->setVisible(fact);
    m_factLabel->setVisible(fact);
    if (fact) {
        const auto &a = e->attributes;
        QStringList lines;
        lines << tr("Concept: %1").arg(a.value(u"concept"_s));
        lines << tr("Period: %1").arg(periodText(a.value(u"period"_s)));
        if (!a.value(u"unit"_s).isEmpty())
            lines << tr("Unit: %1").arg(a.value(u"unit"_s));
        if (!a.value(u"scale"_s).isEmpty())
            lines << tr("Scale: %1").arg(scaleText(a.value(u"scale"_s)));
        if (!a.value(u"decimals"_s).isEmpty())
            lines << tr("Decimals: %1").arg(decimalsText(a.value(u"decimals"_s)));
        const QStringList dimensions = a.value(u"dimensions"_s).split(u", "_s, Qt::SkipEmptyParts);
        if (dimensions.isEmpty())
            lines << tr("Dimensions: none");
        else
            lines << tr("Dimensions:") + u"\n  "_s + dimensions.join(u"\n  "_s);
        if (!a.value(u"context"_s).isEmpty())
            lines << tr("Context: %1").arg(a.value(u"context"_s));
        m_factLabel->setText(lines.join(u'\n'));
        // A long concept is cut at a narrow dock's edge: the tooltip has it whole.
        m_factLabel->setToolTip(m_factLabel->text());
    }

    int typeIndex = m_typeBox->findData(e->type);
    if (typeIndex < 0) {
        const EntityType t = EntityTypes::type(e->type);
        m_typeBox->addItem(u"%1 — %2"_s.arg(t.label, t.category), t.key);
        typeIndex = m_typeBox->count() - 1;
    }
    m_typeBox->setCurrentIndex(typeIndex);
    m_typeBox->setEnabled(editable);

    // Leave the field alone while the reviewer types in it.
    if (m_valueEditId.isEmpty() && m_valueEdit->text() != e->value) {
        m_valueEdit->setText(e->value);
        // A value longer than the field shows its start ("BRISTOL-MYERS SQ…"), not its end.
        m_valueEdit->setCursorPosition(0);
    }
    m_valueEdit->setEnabled(editable);
    if (!m_noteEdit->hasFocus())
        m_noteEdit->setText(e->note);
    m_noteEdit->setEnabled(editable);

    m_textLabel->setText(e->text);
    m_pageLabel->setText(e->span.isValid() && !e->orphan ? QString::number(e->span.page + 1)
                         : hidden                        ? tr("hidden in the XBRL")
                         : unshown                       ? tr("not shown in the filing")
                                                         : tr("not placed"));
    m_confidenceLabel->setText(QString::number(e->confidence, 'f', 2));
    m_originLabel->setText(e->origin == u"manual"_s ? tr("added by hand") : e->origin);
    QStringList attributes;
    for (auto it = e->attributes.cbegin(); it != e->attributes.cend(); ++it)
        if (!fact || !factKeys().contains(it.key()))
            attributes << u"%1: %2"_s.arg(it.key(), it.value());
    m_attributesLabel->setText(attributes.isEmpty() ? tr("none") : attributes.join(u'\n'));

    const QColor color = EntityTreeModel::statusColor(e->status);
    m_statusLabel->setText(u"<span style=\"color:%1\">●</span> %2"_s.arg(
        color.name(), EntityTreeModel::statusLabel(e->status).toHtmlEscaped()));
    if (e->by.isEmpty() && !e->at.isValid())
        m_changedLabel->setText(tr("not yet"));
    else
        m_changedLabel->setText(
            tr("%1, %2")
                .arg(e->by.isEmpty() ? tr("someone") : e->by,
                     QLocale().toString(e->at.toLocalTime(), QLocale::ShortFormat)));
    m_confirmButton->setEnabled(editable && e->status != EntityStatus::Confirmed);
    m_rejectButton->setEnabled(editable && e->status != EntityStatus::Rejected);
}
