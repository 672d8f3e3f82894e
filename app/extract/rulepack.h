#pragma once

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

struct RulePackError
{
    QString file;
    int line = 0;
    QString message;
};

// A rule pack: JSON data in resources/rules (and the per-user rules folder).
// Lexicons, patterns, label cues and confidences; never code.
struct RulePack
{
    QString name;    // "core", "life-sciences"
    QString file;
    QString version;
    bool enabled = true;
    // The parsed pack body, interpreted by the recognizers (see extract/).
    QJsonObject body;
};

// All packs in force: the built-in ones, then the user's, in load order.
struct RuleSet
{
    QList<RulePack> packs;

    // Built-in packs from the resources, then *.json in userRulesDir() on top.
    // A broken pack is reported in *errors (file and line) and skipped; the others load.
    static RuleSet loadDefault(QList<RulePackError> *errors = nullptr);
    static RuleSet loadFrom(const QStringList &files, QList<RulePackError> *errors = nullptr);
    static QString userRulesDir();
    // Changes whenever any pack's content changes; keys caches.
    QString fingerprint() const;

    // Lookups over the enabled packs, in load order. section is a top-level key
    // ("structure", "figures", "lifeSciences"); key a member of it.
    // Arrays are concatenated, so a user pack extends a built-in lexicon.
    QJsonArray array(const QString &section, const QString &key) const;
    QStringList strings(const QString &section, const QString &key) const;
    // Objects are merged; a later pack overrides a member of an earlier one.
    QJsonObject object(const QString &section, const QString &key) const;
    // The last enabled pack that sets it wins.
    double number(const QString &section, const QString &key, double fallback) const;
};
