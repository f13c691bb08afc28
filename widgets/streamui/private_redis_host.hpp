#pragma once
#include <QObject>
#include <QString>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "store/redis_url.hpp"

namespace liveml::streamui {

// A PrivateRedisServer started and owned by a thread of its own: starting waits for PING
// (seconds, at worst), which must not happen on the GUI thread, and the server is tied to the
// thread that forked it (it gets SIGTERM when that thread ends), so that thread lives exactly
// as long as the server.
class PrivateRedisHost : public QObject {
    Q_OBJECT
  public:
    explicit PrivateRedisHost(QObject* parent = nullptr);
    ~PrivateRedisHost() override; // stop()

    void start(); // ends with ready or failed (queued)
    void stop();  // blocks until the server is gone (bounded by its stop timeout)

    std::optional<store::RedisUrl> url() const;

  signals:
    void ready();
    void failed(const QString& message);

  private:
    void run();

    mutable std::mutex mutex_;
    std::condition_variable stopRequested_;
    bool stopping_ = false;
    std::optional<store::RedisUrl> url_;
    std::thread thread_;
};

} // namespace liveml::streamui
