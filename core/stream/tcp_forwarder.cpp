#include "stream/tcp_forwarder.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace liveml::stream {
namespace {

sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error(what + ": " + std::strerror(errno));
}

// Copies what is readable on `from` to `to`; false once either side is closed.
bool pump(int from, int to) {
    char buffer[64 * 1024];
    const ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    for (ssize_t sent = 0; sent < n;) {
        const ssize_t m =
            ::send(to, buffer + sent, static_cast<std::size_t>(n - sent), MSG_NOSIGNAL);
        if (m <= 0) return false;
        sent += m;
    }
    return true;
}

} // namespace

TcpForwarder::TcpForwarder(int port, int target_port) : port_(port), target_port_(target_port) {
    if (port < 1 || port > 65535) throw std::runtime_error("port must be 1..65535");
    if (::pipe(wake_) != 0) fail("cannot create a pipe");
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener_ < 0) fail("cannot create a socket");
    const int on = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    const auto addr = loopback(port);
    if (::bind(listener_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listener_, 64) != 0) {
        const int saved = errno;
        ::close(listener_);
        ::close(wake_[0]);
        ::close(wake_[1]);
        errno = saved;
        fail("cannot listen on 127.0.0.1:" + std::to_string(port));
    }
    acceptor_ = std::thread([this] { accept_loop(); });
}

TcpForwarder::~TcpForwarder() {
    stopping_ = true;
    [[maybe_unused]] const auto n = ::write(wake_[1], "x", 1);
    acceptor_.join();
    std::unique_lock lock(relays_mutex_);
    relays_done_.wait(lock, [this] { return active_relays_ == 0; });
    ::close(listener_);
    ::close(wake_[0]);
    ::close(wake_[1]);
}

void TcpForwarder::accept_loop() {
    while (!stopping_) {
        pollfd fds[2] = {{listener_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0 && errno != EINTR) return;
        if (fds[1].revents != 0) return;
        if (!(fds[0].revents & POLLIN)) continue;
        const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        const int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const auto target = loopback(target_port_);
        if (upstream < 0 ||
            ::connect(upstream, reinterpret_cast<const sockaddr*>(&target), sizeof target) != 0) {
            if (upstream >= 0) ::close(upstream);
            ::close(client); // the client sees a closed connection and retries, as with any broker
            continue;
        }
        const int on = 1;
        ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        ::setsockopt(upstream, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        {
            std::lock_guard lock(relays_mutex_);
            ++active_relays_;
        }
        std::thread([this, client, upstream] { relay(client, upstream); }).detach();
    }
}

void TcpForwarder::relay(int client, int upstream) {
    while (!stopping_) {
        pollfd fds[3] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        if (::poll(fds, 3, -1) < 0 && errno != EINTR) break;
        if (fds[2].revents != 0) break;
        if (fds[0].revents && !pump(client, upstream)) break;
        if (fds[1].revents && !pump(upstream, client)) break;
    }
    ::close(client);
    ::close(upstream);
    std::lock_guard lock(relays_mutex_);
    if (--active_relays_ == 0) relays_done_.notify_all();
}

} // namespace liveml::stream
