#include "entitytypes.h"

#include <QtCore/QMutex>

using namespace Qt::StringLiterals;

namespace {

struct Registry
{
    QMutex mutex;
    QList<EntityType> types;

    Registry()
    {
        const auto cover = u"Cover page"_s;
        const auto people = u"People"_s;
        const auto contacts = u"Contacts"_s;
        const auto figures = u"Figures"_s;
        const auto life = u"Life sciences"_s;
        // Colours chosen to stay distinguishable when drawn translucent on white
        // and on dark backgrounds, and in grayscale by lightness.
        types = {
            {u"form_type"_s, u"Form type"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"report_date"_s, u"Date of report"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"registrant"_s, u"Registrant"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"cik"_s, u"CIK"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"state_of_incorporation"_s, u"State of incorporation"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"commission_file_number"_s, u"Commission file number"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"irs_employer_id"_s, u"IRS employer id"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"registrant_address"_s, u"Address"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"registrant_phone"_s, u"Registrant phone"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"ticker"_s, u"Ticker"_s, cover, QColor(0x1f, 0x77, 0xb4)},
            {u"item"_s, u"Item"_s, u"Items"_s, QColor(0x94, 0x67, 0xbd)},
            {u"exhibit"_s, u"Exhibit"_s, u"Exhibits"_s, QColor(0x8c, 0x56, 0x4b)},
            {u"person"_s, u"Person"_s, people, QColor(0xd6, 0x27, 0x28)},
            {u"signatory"_s, u"Signatory"_s, people, QColor(0xd6, 0x27, 0x28)},
            {u"organization"_s, u"Organization"_s, u"Organizations"_s, QColor(0xff, 0x7f, 0x0e)},
            {u"email"_s, u"Email"_s, contacts, QColor(0x17, 0xbe, 0xcf)},
            {u"phone"_s, u"Phone"_s, contacts, QColor(0x17, 0xbe, 0xcf)},
            {u"url"_s, u"Web address"_s, contacts, QColor(0x17, 0xbe, 0xcf)},
            {u"money"_s, u"Money"_s, figures, QColor(0x2c, 0xa0, 0x2c)},
            {u"percent"_s, u"Percentage"_s, figures, QColor(0x2c, 0xa0, 0x2c)},
            {u"date"_s, u"Date"_s, figures, QColor(0xbc, 0xbd, 0x22)},
            {u"drug"_s, u"Drug"_s, life, QColor(0xe3, 0x77, 0xc2)},
            {u"target"_s, u"Target"_s, life, QColor(0xe3, 0x77, 0xc2)},
            {u"indication"_s, u"Indication"_s, life, QColor(0xe3, 0x77, 0xc2)},
            {u"dose"_s, u"Dose"_s, life, QColor(0xe3, 0x77, 0xc2)},
            {u"trial_phase"_s, u"Trial phase"_s, life, QColor(0xe3, 0x77, 0xc2)},
            {u"adverse_event"_s, u"Adverse event"_s, life, QColor(0xe3, 0x77, 0xc2)},
            {u"trial_outcome"_s, u"Trial outcome"_s, life, QColor(0xe3, 0x77, 0xc2)},
            {u"xbrl_fact"_s, u"XBRL fact"_s, u"XBRL facts"_s, QColor(0x3b, 0x6e, 0x8f)},
        };
    }
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

QList<QString> EntityTypes::categories()
{
    return {u"Cover page"_s, u"Items"_s, u"Exhibits"_s, u"People"_s, u"Organizations"_s,
            u"Contacts"_s, u"Figures"_s, u"Life sciences"_s, u"XBRL facts"_s, u"Other"_s};
}

QList<EntityType> EntityTypes::all()
{
    QMutexLocker lock(&registry().mutex);
    return registry().types;
}

EntityType EntityTypes::type(const QString &key)
{
    QMutexLocker lock(&registry().mutex);
    for (const EntityType &t : std::as_const(registry().types)) {
        if (t.key == key)
            return t;
    }
    QString label = key;
    label.replace(u'_', u' ');
    if (!label.isEmpty())
        label[0] = label.at(0).toUpper();
    return {key, label, u"Other"_s, QColor(0x7f, 0x7f, 0x7f)};
}

QString EntityTypes::categoryOf(const QString &key)
{
    return type(key).category;
}

void EntityTypes::registerType(const EntityType &type)
{
    QMutexLocker lock(&registry().mutex);
    for (const EntityType &t : std::as_const(registry().types)) {
        if (t.key == type.key)
            return;
    }
    registry().types.append(type);
}
