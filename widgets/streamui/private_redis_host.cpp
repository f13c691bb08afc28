#include "streamui/private_redis_host.hpp"

#include "store/private_redis_server.hpp"

namespace liveml::streamui {

PrivateRedisHost::PrivateRedisHost(QObject* parent) : QObject(parent) {}

PrivateRedisHost::~PrivateRedisHost() {
    stop();
}

void PrivateRedisHost::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void PrivateRedisHost::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        url_.reset();
    }
    stopRequested_.notify_all();
    if (thread_.joinable()) thread_.join();
}

std::optional<store::RedisUrl> PrivateRedisHost::url() const {
    std::lock_guard lock(mutex_);
    return url_;
}

void PrivateRedisHost::run() {
    std::unique_ptr<store::PrivateRedisServer> server;
    try {
        server = std::make_unique<store::PrivateRedisServer>();
    } catch (const std::exception& error) {
        emit failed(QString::fromUtf8(error.what()));
        return;
    }
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    url_ = server->url();
    lock.unlock();
    emit ready();
    lock.lock();
    stopRequested_.wait(lock, [this] { return stopping_; });
    lock.unlock();
    server.reset(); // SIGTERM, wait, remove its directory
}

} // namespace liveml::streamui
