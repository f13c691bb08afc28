// `liveml redis-clear`: the original redis_clear.py. With keys, deletes each and says which did
// not exist; without, flushes the configured database, but only when told --yes.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "help_footer.hpp"
#include "job_reporter.hpp"
#include "json_output.hpp"
#include "redis_url_flag.hpp"
#include "store/redis_connection.hpp"
#include "store/redis_error.hpp"
#include "store/redis_url.hpp"

namespace liveml::cli {
namespace {

struct ClearOptions {
    std::string redis;
    std::vector<std::string> keys;
    bool yes = false;
    bool json = false;
};

std::optional<store::RedisUrl> configured_url(const std::string& flag) {
    if (!flag.empty()) return store::RedisUrl::parse(flag); // checked while parsing
    try {
        return store::redis_url_from_env();
    } catch (const store::RedisUrlError& e) {
        throw UsageError(std::string("$") + store::kRedisUrlEnv + ": " + e.what());
    }
}

void delete_keys(JobReporter& reporter, store::RedisConnection& redis,
                 const std::vector<std::string>& keys) {
    std::vector<std::vector<std::string_view>> commands;
    for (const auto& key : keys)
        commands.push_back({"DEL", key});
    const auto replies = redis.pipeline(commands);
    std::uint64_t deleted = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (replies[i].is_error())
            throw std::runtime_error("DEL " + keys[i] + ": " + replies[i].text);
        const bool existed = replies[i].as_integer("DEL " + keys[i]) > 0;
        deleted += existed;
        if (reporter.json())
            reporter.item("key", JsonObject{}.add("key", keys[i]).add("deleted", existed));
        else
            std::cout << (existed ? "deleted " : "did not exist: ") << keys[i] << '\n';
    }
    if (reporter.json())
        reporter.result(JsonObject{}
                            .add("deleted", deleted)
                            .add("missing", std::uint64_t{keys.size()} - deleted));
}

void run_clear(const ClearOptions& opts) {
    JobReporter reporter(opts.json, "liveml redis-clear");
    run_job(reporter, [&] {
        const auto url = configured_url(opts.redis);
        if (!url) {
            const std::string why =
                std::string("no Redis configured (--redis URL or $") + store::kRedisUrlEnv +
                "). Without one, `liveml train` uses a private redis-server that is removed "
                "when it exits, so there is nothing to clear.";
            if (opts.json)
                reporter.result(JsonObject{}.add("configured", false).add("message", why));
            else
                std::cout << "liveml redis-clear: " << why << '\n';
            return;
        }
        if (opts.keys.empty() && !opts.yes)
            throw UsageError("no keys given: this would delete EVERY key in database " +
                             std::to_string(url->db) + " of " + url->to_string() +
                             " (FLUSHDB). Add --yes to do that, or name the keys to delete.");
        store::RedisConnection redis(*url);
        if (!opts.keys.empty()) return delete_keys(reporter, redis, opts.keys);
        const auto keys = redis.command({"DBSIZE"}).as_integer("DBSIZE");
        redis.command({"FLUSHDB"});
        if (opts.json)
            reporter.result(JsonObject{}
                                .add("flushed_db", url->db)
                                .add("keys", static_cast<std::int64_t>(keys)));
        else
            std::cout << "flushed database " << url->db << " of " << url->to_string() << " ("
                      << keys << " keys)\n";
    });
}

} // namespace

void register_redis_clear(CLI::App& root) {
    auto opts = std::make_shared<ClearOptions>();
    CLI::App* cmd = root.add_subcommand(
        "redis-clear",
        "Delete keys from Redis, or flush its database (the original redis_clear.py)");
    add_redis_url_option(*cmd, opts->redis,
                         std::string("redis://[[user]:password@]host[:port][/db]; default $") +
                             store::kRedisUrlEnv);
    cmd->add_option("KEY", opts->keys,
                    "Keys to delete (e.g. online_ml_model online_ml_model:offsets "
                    "online_ml_model:version online_ml:metrics); none: flush the whole database");
    cmd->add_flag("--yes,-y", opts->yes,
                  "Confirm flushing the whole database when no KEY is given");
    add_json_flag(*cmd, opts->json);
    cmd->footer(
        help_footer("  liveml redis-clear --redis redis://:secret@127.0.0.1:6379 online_ml_model\n"
                    "  LIVEML_REDIS_URL=redis://127.0.0.1:6379/1 liveml redis-clear --yes\n"));
    cmd->callback([opts] { run_clear(*opts); });
}

} // namespace liveml::cli
