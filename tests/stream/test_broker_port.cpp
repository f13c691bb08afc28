// `liveml broker --port P` on both engines: independent clients bootstrap through the chosen
// port (Apache Kafka listens there; the mock relays it to its own listener), a taken port is a
// clear error, and the mock engine still carries the pipeline (at-least-once: it cannot create
// the checkpoint topic of the exactly-once design).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>

#include "common/free_port.hpp"
#include "store/private_redis_server.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

TEST(BrokerPort, ClientsBootstrapThroughTheChosenPort) {
    const auto dir = scratch_dir("broker-port");
    const int port = liveml::pick_free_port();
    Child broker(liveml_args({"broker", "--engine", "kafka", "--port", std::to_string(port),
                              "--partitions", "2"}),
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

TEST(BrokerPort, MockEngineCarriesThePipelineAtLeastOnce) {
    constexpr int kRecords = 300;
    const auto dir = scratch_dir("broker-mock");
    Child broker(liveml_args({"broker", "--engine", "mock", "--partitions", "2"}), dir / "broker");
    const std::string bootstrap = start_broker(broker);
    EXPECT_NE(broker.err().find("mock engine"), std::string::npos) << broker.err();
    liveml::store::PrivateRedisServer redis;
    Child trainer(train_args(bootstrap, redis.url().to_uri()), dir / "train");
    ASSERT_EQ(
        produce(bootstrap, dir / "produce", {"--count", std::to_string(kRecords), "--rate", "0"}),
        0);
    ASSERT_TRUE(wait_for_progress(
        trainer, [](const TrainerProgress& p) { return p.samples_seen == kRecords; }, 60s))
        << trainer.err();
    EXPECT_EQ(read_topic(bootstrap, "digit_predict", kRecords, 30s).size(), std::size_t(kRecords));
    EXPECT_NE(trainer.err().find("sink delivery: at-least-once"), std::string::npos)
        << trainer.err();
    trainer.signal(SIGTERM);
    EXPECT_EQ(trainer.wait(20s), 130) << trainer.err();
    broker.signal(SIGTERM);
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
    for (const char* engine : {"kafka", "mock"}) {
        Child broker(liveml_args({"broker", "--engine", engine, "--port",
                                  std::to_string(ntohs(addr.sin_port))}),
                     dir / (std::string("broker-") + engine));
        EXPECT_EQ(broker.wait(10s), 1) << engine;
        EXPECT_NE(broker.err().find("cannot listen on 127.0.0.1:"), std::string::npos)
            << engine << ": " << broker.err();
    }
    ::close(fd);
}
