#include "stream/stream_settings.hpp"

#include <QSettings>

#include <algorithm>

#include <stdexcept>

namespace liveml::streamui {

namespace {
constexpr int kMaxRate = 100000;
}

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
    settings.setValue(QStringLiteral("kafkaProperties"), kafkaProperties);
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

} // namespace liveml::streamui
