#pragma once
#include <QString>
#include <QStringList>

#include <optional>

#include "store/redis_url.hpp"
#include "stream/kafka_config.hpp"

namespace liveml::streamui {

// What the Stream page remembers between runs (QSettings group "stream"). The Redis password
// is deliberately not part of it: with no system keychain available to the studio it would
// be stored in plain text, so the user types it once per session.
struct StreamSettings {
    QString bootstrap;
    QStringList kafkaProperties; // "key=value", e.g. SASL and TLS settings
    QString redisUrl;            // without a password
    int rate = 200;
    bool producerPaused = false;

    bool hasCluster() const { return !bootstrap.trimmed().isEmpty(); }

    static StreamSettings load();
    void save() const;
};

// The connection a user asked for, validated: Kafka properties with bootstrap.servers first,
// and the Redis URL with the password (typed separately) filled in.
struct ClusterConnection {
    stream::KafkaProperties kafka;
    std::optional<store::RedisUrl> redis;
};

// Throws std::invalid_argument with a message for the user.
ClusterConnection parseConnection(const QString& bootstrap, const QStringList& properties,
                                  const QString& redisUrl, const QString& password);

// The URL as typed, with any password removed (for storing); the password goes to `password`.
QString withoutPassword(const QString& redisUrl, QString* password);

} // namespace liveml::streamui
