#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace liveml::stream {

// Listens on 127.0.0.1:port and relays every connection, byte for byte, to 127.0.0.1:target.
// It gives the mock broker a port of the user's choosing: librdkafka 2.0.2's mock cluster only
// binds OS-chosen ports, and Kafka clients use the bootstrap address just to fetch metadata,
// which then names the mock's own listener for all further traffic.
class TcpForwarder {
  public:
    TcpForwarder(int port, int target_port); // throws std::runtime_error (port taken, …)
    ~TcpForwarder();
    TcpForwarder(const TcpForwarder&) = delete;
    TcpForwarder& operator=(const TcpForwarder&) = delete;

    int port() const noexcept { return port_; }

  private:
    void accept_loop();
    void relay(int client, int upstream);

    int port_;
    int target_port_;
    int listener_ = -1;
    int wake_[2] = {-1, -1}; // written on shutdown so every poll() returns at once
    std::atomic<bool> stopping_{false};
    // Relays run detached (a long-lived broker sees many short client connections); the
    // destructor waits until the last one has returned.
    std::mutex relays_mutex_;
    std::condition_variable relays_done_;
    int active_relays_ = 0;
    std::thread acceptor_;
};

} // namespace liveml::stream
