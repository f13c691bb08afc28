// `liveml broker --port P`: independent clients bootstrap through the chosen port and then
// talk to the mock's own listener, as they would to any Kafka cluster.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>

#include "free_port.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

TEST(BrokerPort, ClientsBootstrapThroughTheChosenPort) {
    const auto dir = scratch_dir("broker-port");
    const int port = liveml::testing::free_loopback_port();
    Child broker(liveml_args({"broker", "--port", std::to_string(port), "--partitions", "2"}),
                 dir / "broker");
    const std::string bootstrap = start_broker(broker);
    ASSERT_EQ(bootstrap, "127.0.0.1:" + std::to_string(port));

    Child metadata({"/usr/bin/kcat", "-L", "-b", bootstrap, "-t", "handwritten_digit"},
                   dir / "kcat-metadata");
    ASSERT_EQ(metadata.wait(20s), 0) << metadata.err();
    EXPECT_NE(metadata.out().find("topic \"handwritten_digit\" with 2 partitions"),
              std::string::npos)
        << metadata.out();

    ASSERT_EQ(produce(bootstrap, dir / "produce", {"--count", "50", "--rate", "0"}, 30s), 0);
    Child kcat({"/usr/bin/kcat", "-C", "-b", bootstrap, "-t", "handwritten_digit", "-o",
                "beginning", "-e", "-q"},
               dir / "kcat-consume");
    ASSERT_EQ(kcat.wait(30s), 0) << kcat.err();
    const std::string lines = kcat.out();
    EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 50);

    broker.signal(SIGINT);
    EXPECT_EQ(broker.wait(10s), 0) << broker.err();
}

TEST(BrokerPort, ATakenPortIsAClearError) {
    const auto dir = scratch_dir("broker-port-taken");
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(fd, 1), 0);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    Child broker(liveml_args({"broker", "--port", std::to_string(ntohs(addr.sin_port))}),
                 dir / "broker");
    EXPECT_EQ(broker.wait(10s), 1);
    EXPECT_NE(broker.err().find("cannot listen on 127.0.0.1:"), std::string::npos) << broker.err();
    ::close(fd);
}
