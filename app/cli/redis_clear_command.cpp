// `liveml redis-clear`: the original redis_clear.py. With keys, deletes each and says which did
// not exist; without, flushes the configured database, but only when told --yes.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "help_footer.hpp"
#include "store/redis_connection.hpp"
#include "store/redis_error.hpp"
#include "store/redis_url.hpp"

namespace liveml::cli {
namespace {

struct ClearOptions {
    std::string redis;
    std::vector<std::string> keys;
    bool yes = false;
};

[[noreturn]] void fail(ExitCode code, const std::string& message) {
    std::cerr << "liveml redis-clear: " << message << '\n';
    throw CLI::RuntimeError(code);
}

std::optional<store::RedisUrl> configured_url(const std::string& flag) {
    try {
        if (!flag.empty()) return store::RedisUrl::parse(flag);
        return store::redis_url_from_env();
    } catch (const store::RedisUrlError& e) {
        fail(kUsage, e.what());
    }
}

void delete_keys(store::RedisConnection& redis, const std::vector<std::string>& keys) {
    std::vector<std::vector<std::string_view>> commands;
    for (const auto& key : keys)
        commands.push_back({"DEL", key});
    const auto replies = redis.pipeline(commands);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (replies[i].is_error()) fail(kFailure, "DEL " + keys[i] + ": " + replies[i].text);
        const bool existed = replies[i].as_integer("DEL " + keys[i]) > 0;
        std::cout << (existed ? "deleted " : "did not exist: ") << keys[i] << '\n';
    }
}

void run_clear(const ClearOptions& opts) {
    const auto url = configured_url(opts.redis);
    if (!url) {
        std::cout << "liveml redis-clear: no Redis configured (--redis URL or $"
                  << store::kRedisUrlEnv
                  << "). Without one, `liveml train` uses a private redis-server that is "
                     "removed when it exits, so there is nothing to clear.\n";
        return;
    }
    if (opts.keys.empty() && !opts.yes) {
        fail(kUsage, "no keys given: this would delete EVERY key in database " +
                         std::to_string(url->db) + " of " + url->to_string() +
                         " (FLUSHDB). Add --yes to do that, or name the keys to delete.");
    }
    try {
        store::RedisConnection redis(*url);
        if (!opts.keys.empty()) {
            delete_keys(redis, opts.keys);
            return;
        }
        const auto keys = redis.command({"DBSIZE"}).as_integer("DBSIZE");
        redis.command({"FLUSHDB"});
        std::cout << "flushed database " << url->db << " of " << url->to_string() << " (" << keys
                  << " keys)\n";
    } catch (const store::RedisError& e) {
        fail(kFailure, e.what());
    }
}

} // namespace

void register_redis_clear(CLI::App& root) {
    auto opts = std::make_shared<ClearOptions>();
    CLI::App* cmd = root.add_subcommand(
        "redis-clear",
        "Delete keys from Redis, or flush its database (the original redis_clear.py)");
    cmd->add_option("--redis", opts->redis,
                    std::string("redis://[[user]:password@]host[:port][/db]; default $") +
                        store::kRedisUrlEnv);
    cmd->add_option("KEY", opts->keys,
                    "Keys to delete (e.g. online_ml_model online_ml_model:offsets "
                    "online_ml_model:version online_ml:metrics); none: flush the whole database");
    cmd->add_flag("--yes,-y", opts->yes,
                  "Confirm flushing the whole database when no KEY is given");
    cmd->footer(
        help_footer("  liveml redis-clear --redis redis://:secret@127.0.0.1:6379 online_ml_model\n"
                    "  LIVEML_REDIS_URL=redis://127.0.0.1:6379/1 liveml redis-clear --yes\n"));
    cmd->callback([opts] { run_clear(*opts); });
}

} // namespace liveml::cli
