#include "rulepack.h"

#include "model/entitytypes.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRules, "filinglens.rules")

namespace {

// Packs bigger than this are refused: a rule pack is a lexicon, not a data set.
constexpr qint64 MaxPackBytes = 8 * 1024 * 1024;

int lineOfOffset(const QByteArray &data, int offset)
{
    offset = qBound(0, offset, int(data.size()));
    return int(data.left(offset).count('\n')) + 1;
}

// The line where `needle` (a JSON string value) first appears, 0 when not found.
int lineOfText(const QByteArray &data, const QString &needle)
{
    const QByteArray quoted = QJsonDocument(QJsonArray{needle}).toJson(QJsonDocument::Compact);
    // quoted is ["..."]: strip the brackets to get the string as JSON writes it.
    const int at = data.indexOf(quoted.mid(1, quoted.size() - 2));
    return at < 0 ? 0 : lineOfOffset(data, at);
}

// A quantified group that itself contains a quantifier ("(a+)+", "(\w*\s?)*") can
// backtrack exponentially; QRegularExpression has no match limit, so such patterns
// are refused when a pack loads.
// Groups are followed to any depth: "((ab)+c)+" nests as much as "(a+)+".
bool hasNestedQuantifier(const QString &pattern)
{
    static const QRegularExpression counted(uR"(\{\d+,\d*\})"_s);
    const auto quantifierAt = [&](qsizetype i) {
        if (i >= pattern.size())
            return false;
        if (pattern.at(i) == u'+' || pattern.at(i) == u'*')
            return true;
        return pattern.at(i) == u'{'
            && counted.match(pattern, i, QRegularExpression::NormalMatch,
                             QRegularExpression::AnchorAtOffsetMatchOption).hasMatch();
    };
    QList<bool> repeats{false}; // per open group: does something inside it repeat?
    bool inClass = false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\') {
            ++i;
        } else if (inClass) {
            inClass = c != u']';
        } else if (c == u'[') {
            inClass = true;
            if (i + 1 < pattern.size() && pattern.at(i + 1) == u'^')
                ++i;
            if (i + 1 < pattern.size() && pattern.at(i + 1) == u']')
                ++i; // a ']' first in a class is a literal
        } else if (c == u'(') {
            repeats.append(false);
        } else if (c == u')' && repeats.size() > 1) {
            const bool inner = repeats.takeLast();
            const bool outer = quantifierAt(i + 1);
            if (inner && outer)
                return true;
            repeats.last() = repeats.last() || inner || outer;
        } else if (quantifierAt(i)) {
            repeats.last() = true;
        }
    }
    return false;
}

// Checks every "regex" string of the pack body; reports the first bad one.
bool checkPatterns(const QJsonValue &value, const QByteArray &data, const QString &file,
                   QList<RulePackError> *errors)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if ((it.key() == u"regex"_s || it.key().endsWith(u"Regex"_s)) && it.value().isString()) {
                const QString p = it.value().toString();
                const QRegularExpression re(p);
                QString problem;
                if (!re.isValid())
                    problem = u"invalid regular expression \"%1\": %2"_s.arg(p, re.errorString());
                else if (hasNestedQuantifier(p))
                    problem = u"regular expression \"%1\" nests quantifiers and could run for ever"_s.arg(p);
                if (!problem.isEmpty()) {
                    if (errors)
                        errors->append({file, lineOfText(data, p), problem});
                    return false;
                }
            } else if (!checkPatterns(it.value(), data, file, errors)) {
                return false;
            }
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (!checkPatterns(v, data, file, errors))
                return false;
        }
    }
    return true;
}

void registerTypes(const QJsonObject &body)
{
    for (const QJsonValue &v : body.value(u"types"_s).toArray()) {
        const QJsonObject t = v.toObject();
        const QString key = t.value(u"key"_s).toString();
        if (key.isEmpty())
            continue;
        QString label = t.value(u"label"_s).toString();
        if (label.isEmpty())
            label = key;
        const QString category = t.value(u"category"_s).toString(u"Other"_s);
        QColor color(t.value(u"color"_s).toString(u"#7f7f7f"_s));
        if (!color.isValid())
            color = QColor(0x7f, 0x7f, 0x7f);
        EntityTypes::registerType({key, label, category, color});
    }
}

bool loadPack(const QString &file, RulePack *pack, QList<RulePackError> *errors)
{
    auto fail = [&](int line, const QString &message) {
        qCWarning(lcRules).noquote() << file << line << message;
        if (errors)
            errors->append({file, line, message});
        return false;
    };
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(0, u"cannot read the rule pack: %1"_s.arg(f.errorString()));
    if (f.size() > MaxPackBytes)
        return fail(0, u"rule pack is larger than %1 MB"_s.arg(MaxPackBytes / (1024 * 1024)));
    const QByteArray data = f.readAll();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &err);
    if (err.error != QJsonParseError::NoError)
        return fail(lineOfOffset(data, err.offset), err.errorString());
    if (!doc.isObject())
        return fail(1, u"a rule pack must be a JSON object"_s);
    const QJsonObject body = doc.object();
    const QString schema = body.value(u"schema"_s).toString();
    if (!schema.isEmpty() && !schema.startsWith(u"filing-lens/rules@"_s))
        return fail(lineOfText(data, schema), u"unknown schema \"%1\""_s.arg(schema));
    if (!checkPatterns(body, data, file, errors))
        return false;
    pack->file = file;
    pack->name = body.value(u"name"_s).toString(QFileInfo(file).completeBaseName());
    pack->version = body.value(u"version"_s).toString();
    pack->enabled = body.value(u"enabled"_s).toBool(true);
    pack->body = body;
    return true;
}

} // namespace

RuleSet RuleSet::loadFrom(const QStringList &files, QList<RulePackError> *errors)
{
    RuleSet set;
    for (const QString &file : files) {
        RulePack pack;
        if (!loadPack(file, &pack, errors))
            continue;
        if (pack.enabled)
            registerTypes(pack.body);
        set.packs.append(pack);
    }
    return set;
}

RuleSet RuleSet::loadDefault(QList<RulePackError> *errors)
{
    QStringList files{u":/rules/core.json"_s, u":/rules/life-sciences.json"_s};
    const QDir user(userRulesDir());
    if (user.exists()) {
        const QStringList names = user.entryList({u"*.json"_s}, QDir::Files | QDir::Readable, QDir::Name);
        for (const QString &n : names)
            files.append(user.filePath(n));
    }
    return loadFrom(files, errors);
}

QString RuleSet::userRulesDir()
{
    // ~/.local/share/filing-lens/rules: a folder analysts type by hand, so it stays
    // short (AppDataLocation would repeat the organization and application names).
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/filing-lens/rules"_s;
}

QString RuleSet::fingerprint() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const RulePack &p : packs) {
        hash.addData(p.name.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(p.enabled ? QByteArrayView("1") : QByteArrayView("0"));
        hash.addData(QJsonDocument(p.body).toJson(QJsonDocument::Compact));
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

QJsonArray RuleSet::array(const QString &section, const QString &key) const
{
    QJsonArray out;
    for (const RulePack &p : packs) {
        if (!p.enabled)
            continue;
        for (const QJsonValue &v : p.body.value(section).toObject().value(key).toArray())
            out.append(v);
    }
    return out;
}

QStringList RuleSet::strings(const QString &section, const QString &key) const
{
    QStringList out;
    for (const QJsonValue &v : array(section, key)) {
        if (v.isString() && !v.toString().isEmpty())
            out.append(v.toString());
    }
    return out;
}

QJsonObject RuleSet::object(const QString &section, const QString &key) const
{
    QJsonObject out;
    for (const RulePack &p : packs) {
        if (!p.enabled)
            continue;
        const QJsonObject o = p.body.value(section).toObject().value(key).toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), it.value());
    }
    return out;
}

double RuleSet::number(const QString &section, const QString &key, double fallback) const
{
    double out = fallback;
    for (const RulePack &p : packs) {
        const QJsonValue v = p.body.value(section).toObject().value(key);
        if (p.enabled && v.isDouble())
            out = v.toDouble();
    }
    return out;
}
