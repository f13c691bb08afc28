// `liveml clip ingest` and `liveml clip bucket-watch` end to end against real servers: Apache
// Kafka (KafkaBroker) and an S3-compatible server (S3Proxy), with a small model trained for
// the test. S3Proxy sends no notifications, so the test publishes MinIO-format events after
// its PUTs and DELETEs, as MinIO would (and bucket-watch derives them in its own test). The
// tests run in order on one bucket: 200 PUTs (a few broken) → indexed and searchable; 20
// DELETEs → gone from index and output bucket; a replay → no duplicates; a job killed mid-stream
// and restarted → each object indexed once.
#include <algorithm>
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "datasets/builtin_datasets.hpp"
#include "imaging/image_encode.hpp"
#include "ingest/ingest_records.hpp"
#include "liveml_job.hpp"
#include "objectstore/bucket_event.hpp"
#include "s3_test_server.hpp"
#include "stream/kafka_broker.hpp"
#include "stream/kafka_producer.hpp"
#include "stream_harness.hpp"

namespace liveml::ingest {
namespace {

namespace fs = std::filesystem;
using clip_test::Job;
using clip_test::json;
using clip_test::run_to_result;
using objectstore::BucketEvent;
using objectstore::BucketEventKind;

constexpr int kImages = 200;
constexpr int kBroken = 6;   // every 33rd object is not a decodable image
constexpr int kDeleted = 20; // the first 20 good ones
constexpr const char* kBucket = "photos";
constexpr const char* kOutBucket = "processed";
constexpr const char* kTopic = "bucket-events";

std::string key_of(int i) {
    // Keys that need URL-encoding in events: spaces, '+', non-ASCII.
    return "shots/day " + std::to_string(i % 3) + "/item+" + std::to_string(i) +
           (i % 2 ? ".jpg" : ".png");
}
bool broken(int i) {
    return i % 33 == 32;
}

class ClipIngest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        root_ = clip_test::test_dir("clip-ingest");
        // The job reads its key pair from these variables (never a flag).
        const auto& creds = objectstore::testing::s3proxy_credentials();
        ::setenv("LIVEML_TEST_S3_ACCESS", creds.access_key.c_str(), 1);
        ::setenv("LIVEML_TEST_S3_SECRET", creds.secret_key.c_str(), 1);
        std::string why;
        const auto install = stream::find_kafka_install(why);
        if (!install) throw std::runtime_error(why);
        stream::KafkaBrokerOptions options;
        options.topics = {{kTopic, 2, {}}};
        broker_ = std::make_unique<stream::KafkaBroker>(*install, options);
        s3_ = std::make_unique<objectstore::S3Client>(
            objectstore::parse_endpoint(objectstore::testing::shared_s3proxy().endpoint()), creds);
        s3_->create_bucket(kBucket);

        model_ = root_ / "model";
        Job train({"clip", "train", "--dataset", "fashion-mnist", "--max-items", "64", "--epochs",
                   "1", "--batch-size", "32", "--out", model_.string(), "--threads", "1",
                   "--json"});
        train.events(std::chrono::seconds(120));
        ASSERT_EQ(train.wait_exit(std::chrono::seconds(10)), 0);
    }
    static void TearDownTestSuite() {
        s3_.reset();
        broker_.reset();
    }

    static void publish(const BucketEvent& event) {
        stream::KafkaProducer producer({{"bootstrap.servers", broker_->bootstrap()}});
        const auto message = objectstore::write_minio_event(event);
        producer.send(kTopic, message.key, message.value, [] { return false; });
        ASSERT_TRUE(producer.flush(std::chrono::seconds(10)));
    }

    static std::vector<std::string> ingest_args(const fs::path& index, const std::string& group,
                                                std::vector<std::string> extra = {}) {
        // clang-format off
        std::vector<std::string> args{
            "clip", "ingest", "--brokers", broker_->bootstrap(),
            "--s3-endpoint", objectstore::testing::shared_s3proxy().endpoint(),
            "--access-key-env", "LIVEML_TEST_S3_ACCESS", "--secret-key-env", "LIVEML_TEST_S3_SECRET",
            "--model", model_.string(), "--index", index.string(),
            "--out-bucket", kOutBucket, "--thumb-size", "16",
            "--group", group, "--idle-exit-s", "2", "--threads", "1", "--json"};
        // clang-format on
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }

    // Every item path the index returns for a text query, with repeats.
    static std::vector<std::string> search_all(const fs::path& index) {
        const auto r = run_to_result({"clip", "search", "--model", model_.string(), "--index",
                                      index.string(), "--text", "a photo of clothing", "--top-k",
                                      "1000", "--threads", "1", "--json"});
        std::vector<std::string> paths;
        for (const auto& hit : r["results"][0]["images"])
            paths.push_back(hit["path"].get<std::string>());
        return paths;
    }

    static std::set<std::string> expected_paths(bool after_deletes) {
        std::set<std::string> paths;
        int good = 0;
        for (int i = 0; i < kImages; ++i) {
            if (broken(i)) continue;
            if (!(after_deletes && good++ < kDeleted))
                paths.insert(std::string(kBucket) + "/" + key_of(i));
        }
        return paths;
    }

    static inline fs::path root_, model_;
    static inline std::unique_ptr<stream::KafkaBroker> broker_;
    static inline std::unique_ptr<objectstore::S3Client> s3_;
};

TEST_F(ClipIngest, PutImagesBecomeSearchableAndBrokenOnesAreDeadLettered) {
    const auto data = datasets::load_fashion_mnist(datasets::Split::Test);
    stream::KafkaProducer producer({{"bootstrap.servers", broker_->bootstrap()}});
    for (int i = 0; i < kImages; ++i) {
        std::string bytes;
        if (broken(i)) {
            bytes = "\x89PNG\r\n\x1a\n this is not an image";
        } else {
            const auto gray = data.image(static_cast<std::size_t>(i));
            imaging::RgbImage rgb{data.width, data.height, {}};
            for (const auto v : gray)
                rgb.pixels.insert(rgb.pixels.end(), {v, v, v});
            bytes = i % 2 ? imaging::encode_jpeg(rgb) : imaging::encode_png(rgb);
        }
        const auto etag = s3_->put_object(kBucket, key_of(i), bytes, "image/png");
        const auto message = objectstore::write_minio_event(
            {BucketEventKind::Created, "s3:ObjectCreated:Put", kBucket, key_of(i), bytes.size(),
             etag, "0000" + std::to_string(1000 + i), "2026-12-03T00:00:00Z"});
        producer.send(kTopic, message.key, message.value, [] { return false; });
    }
    producer.send(kTopic, "junk", "{not an event", [] { return false; });
    producer.send(kTopic, "junk", R"({"Records":[{"eventName":"s3:ObjectAccessed:Get"}]})",
                  [] { return false; });
    ASSERT_TRUE(producer.flush(std::chrono::seconds(10)));

    const auto result = run_to_result(ingest_args(root_ / "index", "main"));
    EXPECT_EQ(result["indexed"], kImages - kBroken) << result.dump();
    EXPECT_EQ(result["failed"], kBroken);
    EXPECT_EQ(result["malformed"], 2);
    EXPECT_EQ(result["size"], kImages - kBroken);

    const auto paths = search_all(root_ / "index");
    EXPECT_EQ(std::set<std::string>(paths.begin(), paths.end()), expected_paths(false));
    EXPECT_EQ(paths.size(), static_cast<std::size_t>(kImages - kBroken));

    // Thumbnail and sidecar per good object; the sidecar names its index id.
    const auto sidecar =
        read_sidecar(s3_->get_object(kOutBucket, sidecar_key(kBucket, key_of(0))).bytes);
    ASSERT_TRUE(sidecar.has_value());
    EXPECT_EQ(sidecar->key, key_of(0));
    EXPECT_EQ(sidecar->thumbnail_width, 16);
    EXPECT_TRUE(s3_->head_object(kOutBucket, thumbnail_key(kBucket, key_of(1))).has_value());
    EXPECT_FALSE(s3_->head_object(kOutBucket, thumbnail_key(kBucket, key_of(32))).has_value());

    const auto dead = stream::testing::read_topic(broker_->bootstrap(), "bucket-events.dead-letter",
                                                  kBroken + 2, std::chrono::seconds(30));
    ASSERT_EQ(dead.size(), static_cast<std::size_t>(kBroken + 2));
    int not_image = 0;
    for (const auto& m : dead)
        not_image += m.value.find("not an image") != std::string::npos;
    EXPECT_EQ(not_image, kBroken);
    const auto processed = stream::testing::read_topic(
        broker_->bootstrap(), "bucket-events.processed", kImages, std::chrono::seconds(30));
    EXPECT_EQ(processed.size(), static_cast<std::size_t>(kImages));
}

TEST_F(ClipIngest, DeletedObjectsLeaveTheIndexAndTheOutputBucket) {
    int good = 0;
    std::vector<std::string> deleted;
    for (int i = 0; i < kImages && good < kDeleted; ++i) {
        if (broken(i)) continue;
        ++good;
        s3_->delete_object(kBucket, key_of(i));
        publish({BucketEventKind::Removed, "s3:ObjectRemoved:Delete", kBucket, key_of(i), 0, "",
                 "0000" + std::to_string(5000 + i), "2026-12-03T00:01:00Z"});
        deleted.push_back(key_of(i));
    }
    const auto result = run_to_result(ingest_args(root_ / "index", "main"));
    EXPECT_EQ(result["removed"], kDeleted) << result.dump();
    EXPECT_EQ(result["size"], kImages - kBroken - kDeleted);
    const auto paths = search_all(root_ / "index");
    EXPECT_EQ(std::set<std::string>(paths.begin(), paths.end()), expected_paths(true));
    for (const auto& key : deleted) {
        EXPECT_FALSE(s3_->head_object(kOutBucket, thumbnail_key(kBucket, key)).has_value()) << key;
        EXPECT_FALSE(s3_->head_object(kOutBucket, sidecar_key(kBucket, key)).has_value()) << key;
    }
}

TEST_F(ClipIngest, RefusedCredentialsStopTheJobInsteadOfRetrying) {
    ::setenv("LIVEML_TEST_S3_WRONG", "not-the-secret", 1);
    auto args = ingest_args(root_ / "index-wrong-key", "wrong-key");
    const auto secret = std::find(args.begin(), args.end(), "LIVEML_TEST_S3_SECRET");
    ASSERT_NE(secret, args.end());
    *secret = "LIVEML_TEST_S3_WRONG";
    Job job(args);
    std::string error;
    for (const auto& event : job.events(std::chrono::seconds(60)))
        if (event["event"] == "error") error = event.value("message", std::string());
    EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), 1);
    EXPECT_NE(error.find("refused our credentials"), std::string::npos) << error;
    EXPECT_EQ(error.find("not-the-secret"), std::string::npos) << "the secret stays out of it";
}

TEST_F(ClipIngest, AReplayOfEveryEventAddsNothing) {
    // A new group reads the topic from its start: every PUT and DELETE again.
    const auto result = run_to_result(ingest_args(root_ / "index", "replay"));
    EXPECT_EQ(result["indexed"], 0) << result.dump();
    EXPECT_EQ(result["replaced"], 0);
    EXPECT_EQ(result["size"], kImages - kBroken - kDeleted);
    const auto paths = search_all(root_ / "index");
    EXPECT_EQ(paths.size(), expected_paths(true).size()); // no path twice
}

TEST_F(ClipIngest, AJobKilledMidStreamAndRestartedIndexesEachObjectOnce) {
    const auto index = root_ / "index-killed";
    {
        Job job(ingest_args(index, "killed", {"--batch", "8"}));
        int objects = 0;
        while (objects < 60) {
            const auto line = job.next_line(std::chrono::seconds(60));
            ASSERT_TRUE(line.has_value()) << "the job stopped reporting after " << objects;
            objects += json::parse(*line)["event"] == "object";
        }
        job.signal(SIGKILL);
        EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), 128 + SIGKILL);
    }
    const auto result = run_to_result(ingest_args(index, "killed"));
    EXPECT_EQ(result["size"], kImages - kBroken - kDeleted) << result.dump();
    const auto paths = search_all(index);
    EXPECT_EQ(paths.size(), expected_paths(true).size());
    EXPECT_EQ(std::set<std::string>(paths.begin(), paths.end()), expected_paths(true));
}

// The same processing from a local folder: files already there, then a file written and one
// deleted while the job runs.
TEST_F(ClipIngest, WatchingAFolderIndexesWritesAndDeletions) {
    const auto in = root_ / "watched-in";
    const auto out = root_ / "watched-out";
    fs::create_directories(in / "sub");
    const auto data = datasets::load_fashion_mnist(datasets::Split::Test);
    const auto png = [&](std::size_t i) {
        const auto gray = data.image(i);
        imaging::RgbImage rgb{data.width, data.height, {}};
        for (const auto v : gray)
            rgb.pixels.insert(rgb.pixels.end(), {v, v, v});
        return imaging::encode_png(rgb);
    };
    std::ofstream(in / "a.png", std::ios::binary) << png(0);
    std::ofstream(in / "sub" / "b.png", std::ios::binary) << png(1);
    std::ofstream(in / "broken.png", std::ios::binary) << "not an image";
    Job job({"clip", "ingest", "--watch", in.string(), "--out-dir", out.string(), "--model",
             model_.string(), "--index", (root_ / "index-watched").string(), "--thumb-size", "16",
             "--idle-exit-s", "3", "--threads", "1", "--json"});
    for (;;) { // the first batch: the files already there
        const auto line = job.next_line(std::chrono::seconds(60));
        ASSERT_TRUE(line.has_value());
        if (json::parse(*line)["event"] == "stats") break;
    }
    std::ofstream(in / "c.png", std::ios::binary) << png(2);
    fs::remove(in / "a.png");
    const auto events = job.events(std::chrono::seconds(60));
    ASSERT_EQ(job.wait_exit(std::chrono::seconds(10)), 0);
    ASSERT_FALSE(events.empty());
    const auto& result = events.back();
    EXPECT_EQ(result["indexed"], 3) << result.dump();
    EXPECT_EQ(result["failed"], 1);
    EXPECT_EQ(result["removed"], 1);
    EXPECT_EQ(result["size"], 2);
    EXPECT_TRUE(fs::exists(out / thumbnail_key("local", "c.png")));
    EXPECT_TRUE(fs::exists(out / sidecar_key("local", "sub/b.png")));
    EXPECT_FALSE(fs::exists(out / thumbnail_key("local", "a.png")));
}

TEST_F(ClipIngest, BucketWatchPublishesEventsForAServerWithoutNotifications) {
    s3_->create_bucket("watched");
    s3_->put_object("watched", "a b.png", "1");
    s3_->put_object("watched", "c.png", "2");
    const std::vector<std::string> watch{"clip",
                                         "bucket-watch",
                                         "--s3-endpoint",
                                         objectstore::testing::shared_s3proxy().endpoint(),
                                         "--access-key-env",
                                         "LIVEML_TEST_S3_ACCESS",
                                         "--secret-key-env",
                                         "LIVEML_TEST_S3_SECRET",
                                         "--bucket",
                                         "watched",
                                         "--brokers",
                                         broker_->bootstrap(),
                                         "--events-topic",
                                         "watched-events",
                                         "--once",
                                         "--json"};
    auto result = run_to_result(watch);
    EXPECT_EQ(result["created"], 2) << result.dump();
    const auto events = stream::testing::read_topic(broker_->bootstrap(), "watched-events", 2,
                                                    std::chrono::seconds(30));
    ASSERT_EQ(events.size(), 2u);
    std::set<std::string> keys;
    for (const auto& m : events) {
        const auto read = objectstore::read_bucket_events(m.value);
        ASSERT_TRUE(std::holds_alternative<std::vector<BucketEvent>>(read)) << m.value;
        const auto& event = std::get<std::vector<BucketEvent>>(read).at(0);
        EXPECT_EQ(event.kind, BucketEventKind::Created);
        EXPECT_EQ(m.key, "watched/" + event.key);
        keys.insert(event.key);
    }
    EXPECT_EQ(keys, (std::set<std::string>{"a b.png", "c.png"}));
}

} // namespace
} // namespace liveml::ingest
