// `liveml redis-clear` and `liveml model show --redis`, run as the real binary against a
// private redis-server.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../cli/cli_process.hpp"
#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/private_redis_server.hpp"

using liveml::cli::test::run_liveml;
using namespace liveml::store;

namespace {

bool exists(RedisConnection& redis, const std::string& key) {
    return redis.command({"EXISTS", key}).as_integer("EXISTS") == 1;
}

std::string trained_model_bytes() {
    liveml::online::SgdClassifier model({}, {0, 1, 2}, 4);
    const double xs[][4] = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 1}};
    for (int pass = 0; pass < 5; ++pass) {
        for (int label = 0; label < 3; ++label)
            model.partial_fit(xs[label], label);
    }
    return liveml::online::serialize_model(model, {{"source", "test"}});
}

} // namespace

TEST(RedisClearCli, DeletesNamedKeysAndSaysWhichDidNotExist) {
    PrivateRedisServer server;
    RedisConnection redis(server.url());
    redis.command({"SET", "a", "1"});
    redis.command({"SET", "keep", "1"});
    const auto run = run_liveml({"redis-clear", "--redis", server.url().to_uri(), "a", "b"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "deleted a\ndid not exist: b\n");
    EXPECT_FALSE(exists(redis, "a"));
    EXPECT_TRUE(exists(redis, "keep"));
}

TEST(RedisClearCli, FlushNeedsYes) {
    PrivateRedisServer server;
    RedisConnection redis(server.url());
    redis.command({"SET", "a", "1"});
    const auto refused = run_liveml({"redis-clear", "--redis", server.url().to_uri()});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("--yes"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.err.find(server.url().password), std::string::npos) << refused.err;
    EXPECT_TRUE(exists(redis, "a"));

    // The URL may also come from the environment.
    const auto flushed =
        run_liveml({"redis-clear", "--yes"}, {{"LIVEML_REDIS_URL", server.url().to_uri()}});
    EXPECT_EQ(flushed.exit_code, 0) << flushed.err;
    EXPECT_NE(flushed.out.find("flushed database 0"), std::string::npos) << flushed.out;
    EXPECT_EQ(redis.command({"DBSIZE"}).as_integer("DBSIZE"), 0);
}

TEST(RedisClearCli, ExplainsWhenNothingIsConfiguredAndFailsClearly) {
    const auto nothing = run_liveml({"redis-clear"}, {{"LIVEML_REDIS_URL", ""}});
    EXPECT_EQ(nothing.exit_code, 0) << nothing.err;
    EXPECT_NE(nothing.out.find("nothing to clear"), std::string::npos) << nothing.out;

    const auto bad_url = run_liveml({"redis-clear", "--redis", "redis://host:0", "k"});
    EXPECT_EQ(bad_url.exit_code, 2);
    EXPECT_NE(bad_url.err.find("port"), std::string::npos) << bad_url.err;

    PrivateRedisServer server;
    RedisUrl wrong = server.url();
    wrong.password = "wrong";
    const auto denied = run_liveml({"redis-clear", "--redis", wrong.to_uri(), "k"});
    EXPECT_EQ(denied.exit_code, 1);
    EXPECT_NE(denied.err.find("WRONGPASS"), std::string::npos) << denied.err;
}

TEST(ModelShowRedisCli, PrintsTheCheckpointAsJson) {
    PrivateRedisServer server;
    RedisConnection redis(server.url());
    CheckpointStore store(redis, "digits_model");
    const std::string bytes = trained_model_bytes();
    store.save(bytes, {{"handwritten_digit:0", 5}}, 10);
    store.save(bytes, {{"handwritten_digit:0", 15}, {"handwritten_digit:1", 3}}, 15);

    const auto run = run_liveml({"model", "show", "--redis", server.url().to_uri(), "--model-key",
                                 "digits_model", "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc.at("model_version"), 2);
    EXPECT_EQ(doc.at("offsets"),
              (nlohmann::json{{"handwritten_digit:0", 15}, {"handwritten_digit:1", 3}}));
    EXPECT_EQ(doc.at("samples_seen"), 15);
    EXPECT_EQ(doc.at("classes"), (nlohmann::json{0, 1, 2}));
    EXPECT_EQ(doc.at("metadata").at("source"), "test");
    EXPECT_EQ(doc.at("origin").at("key"), "digits_model");
    EXPECT_EQ(run.out.find(server.url().password), std::string::npos) << "password printed";

    const auto summary = run_liveml(
        {"model", "show", "--redis", server.url().to_uri(), "--model-key", "digits_model"});
    ASSERT_EQ(summary.exit_code, 0) << summary.err;
    EXPECT_NE(summary.out.find("model_version 2"), std::string::npos) << summary.out;
}

TEST(ModelShowRedisCli, MissingOrForeignModelIsAClearFailure) {
    PrivateRedisServer server;
    const auto missing = run_liveml({"model", "show", "--redis", server.url().to_uri()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("no model at key \"online_ml_model\""), std::string::npos)
        << missing.err;
    // With --json the same reason is the "error" event on stdout.
    const auto missing_json =
        run_liveml({"model", "show", "--redis", server.url().to_uri(), "--json"});
    EXPECT_EQ(missing_json.exit_code, 1);
    EXPECT_NE(missing_json.out.find("\"event\":\"error\""), std::string::npos) << missing_json.out;
    EXPECT_NE(missing_json.out.find("no model at key"), std::string::npos) << missing_json.out;

    RedisConnection redis(server.url());
    CheckpointStore(redis).save("\x80\x04 a pickled sklearn model", {}, 1);
    const auto foreign = run_liveml({"model", "show", "--redis", server.url().to_uri()});
    EXPECT_EQ(foreign.exit_code, 1);
    EXPECT_NE(foreign.err.find("does not hold a LiveML model"), std::string::npos) << foreign.err;

    const auto both = run_liveml({"model", "show", "m.lvm", "--redis", server.url().to_uri()});
    EXPECT_EQ(both.exit_code, 2) << both.err;
    const auto key_alone = run_liveml({"model", "show", "--model-key", "k"});
    EXPECT_EQ(key_alone.exit_code, 2) << key_alone.err;
}
