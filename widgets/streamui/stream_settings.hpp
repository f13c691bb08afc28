#pragma once
#include <QString>
#include <QStringList>

#include <optional>

#include "store/redis_url.hpp"
#include "stream/kafka_config.hpp"

namespace liveml::streamui {

// What the Stream page remembers between runs (QSettings group "stream"): only the parts that
// are not secret. The Redis password and secret Kafka properties go to the system keychain
// (SecretStore, entries kRedisPasswordEntry and kKafkaSecretsEntry) or are not kept at all.
struct StreamSettings {
    QString bootstrap;
    QStringList kafkaProperties; // "key=value", e.g. SASL and TLS settings; save() drops secrets
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

// The keychain entries of the Stream page's secrets.
inline constexpr const char* kRedisPasswordEntry = "stream/redis-password";
inline constexpr const char* kKafkaSecretsEntry = "stream/kafka-secret-properties";

// True for a "key=value" line whose value is a secret: passwords, private keys, client secrets.
bool isSecretProperty(const QString& line);

// Kafka property lines split into those QSettings may keep and the secret ones.
struct SplitProperties {
    QStringList plain;
    QStringList secret;
};
SplitProperties splitSecretProperties(const QStringList& lines);

// `lines` with each of `secretLines` added whose key is not set there already (what the user
// typed since wins over what the keychain held).
QStringList withSecretProperties(const QStringList& lines, const QStringList& secretLines);

// The value the properties editor shows for a secret the keychain holds, so that restoring it
// does not put it on screen.
inline constexpr const char* kKeychainMask = "\u25cf\u25cf\u25cf\u25cf\u25cf\u25cf\u25cf\u25cf";
// "key=value" lines with every value replaced by kKeychainMask.
QStringList maskedProperties(const QStringList& secretLines);
// `lines` with each masked value replaced by the one in `secretLines`. Throws
// std::invalid_argument naming the property when `secretLines` has none for it.
QStringList unmaskedProperties(const QStringList& lines, const QStringList& secretLines);

} // namespace liveml::streamui
