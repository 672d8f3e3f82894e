#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtGui/QColor>

// The entity types of the contract (key, label, category) plus those rule packs add.
struct EntityType
{
    QString key;      // "registrant"
    QString label;    // "Registrant"
    QString category; // "Cover page"
    QColor color;     // highlight colour; translucent use is up to the view
};

namespace EntityTypes {
// The fixed categories, in tree order.
QList<QString> categories();
// All known types: the contract's first, then those registered by rule packs.
QList<EntityType> all();
// The type for a key; an unknown key gets category "Other" and a neutral colour.
EntityType type(const QString &key);
QString categoryOf(const QString &key);
// Rule packs call this for types of their own; a known key is left unchanged.
void registerType(const EntityType &type);
}
