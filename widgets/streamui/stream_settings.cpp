#include "streamui/stream_settings.hpp"

#include <QSettings>

#include <algorithm>

#include <stdexcept>

namespace liveml::streamui {

namespace {
constexpr int kMaxRate = 100000;

// librdkafka properties whose values grant access; any "*.password" or "*.secret" counts too,
// so a property this list has not heard of yet is not written out in plain text either.
const QStringList& secretPropertyNames() {
    static const QStringList names{
        QStringLiteral("sasl.password"),
        QStringLiteral("ssl.key.password"),
        QStringLiteral("ssl.keystore.password"),
        QStringLiteral("ssl.key.pem"),
        QStringLiteral("sasl.oauthbearer.client.secret"),
        QStringLiteral("sasl.oauthbearer.config"),
    };
    return names;
}

QString propertyKey(const QString& line) {
    return line.section('=', 0, 0).trimmed();
}

QString propertyValue(const QString& line) {
    return line.section('=', 1).trimmed();
}
} // namespace

StreamSettings StreamSettings::load() {
    QSettings settings;
    settings.beginGroup(QStringLiteral("stream"));
    StreamSettings s;
    s.bootstrap = settings.value(QStringLiteral("bootstrap")).toString();
    s.kafkaProperties = settings.value(QStringLiteral("kafkaProperties")).toStringList();
    s.redisUrl = settings.value(QStringLiteral("redisUrl")).toString();
    s.rate = std::clamp(settings.value(QStringLiteral("rate"), s.rate).toInt(), 0, kMaxRate);
    s.producerPaused = settings.value(QStringLiteral("producerPaused"), false).toBool();
    return s;
}

void StreamSettings::save() const {
    QSettings settings;
    settings.beginGroup(QStringLiteral("stream"));
    settings.setValue(QStringLiteral("bootstrap"), bootstrap);
    settings.setValue(QStringLiteral("kafkaProperties"),
                      splitSecretProperties(kafkaProperties).plain);
    settings.setValue(QStringLiteral("redisUrl"), withoutPassword(redisUrl, nullptr));
    settings.setValue(QStringLiteral("rate"), rate);
    settings.setValue(QStringLiteral("producerPaused"), producerPaused);
}

ClusterConnection parseConnection(const QString& bootstrap, const QStringList& properties,
                                  const QString& redisUrl, const QString& password) {
    ClusterConnection connection;
    const QString servers = bootstrap.trimmed();
    if (servers.isEmpty()) throw std::invalid_argument("Bootstrap servers are required.");
    connection.kafka.emplace_back("bootstrap.servers", servers.toStdString());
    for (const QString& line : properties) {
        const QString text = line.trimmed();
        if (text.isEmpty() || text.startsWith('#')) continue;
        connection.kafka.push_back(stream::parse_property(text.toStdString()));
    }
    if (!redisUrl.trimmed().isEmpty()) {
        store::RedisUrl url = store::RedisUrl::parse(redisUrl.trimmed().toStdString());
        if (!password.isEmpty()) url.password = password.toStdString();
        connection.redis = url;
    }
    return connection;
}

QString withoutPassword(const QString& redisUrl, QString* password) {
    try {
        store::RedisUrl url = store::RedisUrl::parse(redisUrl.trimmed().toStdString());
        if (url.password.empty()) return redisUrl.trimmed();
        if (password) *password = QString::fromStdString(url.password);
        url.password.clear();
        return QString::fromStdString(url.to_uri());
    } catch (const store::RedisUrlError&) {
        return {}; // a malformed URL might hold a password in an unexpected place: keep nothing
    }
}

bool isSecretProperty(const QString& line) {
    const QString key = propertyKey(line);
    return secretPropertyNames().contains(key) || key.endsWith(QLatin1String(".password")) ||
           key.endsWith(QLatin1String(".secret"));
}

SplitProperties splitSecretProperties(const QStringList& lines) {
    SplitProperties split;
    for (const QString& line : lines)
        (isSecretProperty(line) ? split.secret : split.plain).append(line);
    return split;
}

QStringList withSecretProperties(const QStringList& lines, const QStringList& secretLines) {
    QStringList merged = lines;
    for (const QString& secret : secretLines) {
        const QString key = propertyKey(secret);
        const bool typed = std::any_of(lines.begin(), lines.end(), [&](const QString& line) {
            return propertyKey(line) == key;
        });
        if (!key.isEmpty() && !typed) merged.append(secret);
    }
    return merged;
}

QStringList maskedProperties(const QStringList& secretLines) {
    QStringList masked;
    for (const QString& line : secretLines)
        masked.append(propertyKey(line) + '=' + QString::fromUtf8(kKeychainMask));
    return masked;
}

QStringList unmaskedProperties(const QStringList& lines, const QStringList& secretLines) {
    QStringList unmasked;
    for (const QString& line : lines) {
        if (propertyValue(line) != QString::fromUtf8(kKeychainMask)) {
            unmasked.append(line);
            continue;
        }
        const QString key = propertyKey(line);
        const auto stored = std::find_if(secretLines.begin(), secretLines.end(),
                                         [&](const QString& s) { return propertyKey(s) == key; });
        if (stored == secretLines.end())
            throw std::invalid_argument(QStringLiteral("%1: the keychain holds no value for it; "
                                                       "type it again.")
                                            .arg(key)
                                            .toStdString());
        unmasked.append(*stored);
    }
    return unmasked;
}

} // namespace liveml::streamui
