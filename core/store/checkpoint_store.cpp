#include "store/checkpoint_store.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "store/redis_error.hpp"

namespace liveml::store {
namespace {

// Optimistic-locking retries when another writer commits between our WATCH and EXEC. Two
// trainers writing one key is a misconfiguration; this only keeps the versions unique.
constexpr int kMaxSaveAttempts = 16;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

[[noreturn]] void protocol_error(const std::string& message) {
    throw RedisError(RedisError::Kind::kProtocol, message);
}

// EXECABORT: a command was rejected while queuing (OOM, LOADING…), so nothing was applied.
// The rejected command's own code says whether retrying can help.
[[noreturn]] void throw_aborted(const std::string& what, const std::vector<RedisValue>& replies) {
    std::string reason = replies.back().text;
    std::string code = RedisError::code_of(reason);
    for (std::size_t i = 0; i + 1 < replies.size(); ++i) {
        if (!replies[i].is_error()) continue;
        reason += "; " + replies[i].text;
        code = RedisError::code_of(replies[i].text);
    }
    throw RedisError(RedisError::Kind::kServer, what + ": " + reason, code);
}

} // namespace

std::string offset_field(std::string_view topic, std::int32_t partition) {
    return std::string(topic) + ":" + std::to_string(partition);
}

std::string CheckpointNotice::to_json() const {
    return nlohmann::json{
        {"key", key}, {"version", version}, {"samples_seen", samples_seen}, {"ts_ms", ts_ms}}
        .dump();
}

CheckpointNotice CheckpointNotice::from_json(std::string_view json) {
    const auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    const auto fail = [&](const char* why) {
        protocol_error(std::string("invalid checkpoint notice (") + why +
                       "): " + std::string(json.substr(0, 200)));
    };
    if (!doc.is_object()) fail("not a JSON object");
    CheckpointNotice notice;
    const auto key = doc.find("key");
    const auto version = doc.find("version");
    const auto samples = doc.find("samples_seen");
    const auto ts = doc.find("ts_ms");
    if (key == doc.end() || !key->is_string()) fail("\"key\" must be a string");
    if (version == doc.end() || !version->is_number_integer())
        fail("\"version\" must be an integer");
    if (samples == doc.end() || !samples->is_number_unsigned()) {
        fail("\"samples_seen\" must be a non-negative integer");
    }
    if (ts == doc.end() || !ts->is_number_integer()) fail("\"ts_ms\" must be an integer");
    notice.key = key->get<std::string>();
    notice.version = version->get<std::int64_t>();
    notice.samples_seen = samples->get<std::uint64_t>();
    notice.ts_ms = ts->get<std::int64_t>();
    return notice;
}

CheckpointStore::CheckpointStore(RedisConnection& connection, std::string model_key)
    : connection_(connection), model_key_(std::move(model_key)) {
    if (model_key_.empty()) throw std::invalid_argument("the Redis model key must not be empty");
}

std::int64_t CheckpointStore::save(std::string_view model_bytes, const OffsetMap& offsets,
                                   std::uint64_t samples_seen) {
    const std::string offsets_key = this->offsets_key();
    const std::string version_key = this->version_key();
    const std::string channel = updates_channel();
    const std::string context =
        "Redis at " + connection_.url().to_string() + ", key \"" + model_key_ + "\"";

    std::vector<std::string> offset_values;
    offset_values.reserve(offsets.size());
    for (const auto& [field, offset] : offsets)
        offset_values.push_back(std::to_string(offset));

    for (int attempt = 0; attempt < kMaxSaveAttempts; ++attempt) {
        // WATCH all three keys, then check their types: a WRONGTYPE inside EXEC would not
        // roll the other commands back, so it must be ruled out before MULTI.
        connection_.command({"WATCH", model_key_, offsets_key, version_key});
        const auto checks = connection_.pipeline(
            {{"GET", version_key}, {"TYPE", model_key_}, {"TYPE", offsets_key}});
        std::int64_t current = 0;
        try {
            for (const auto& check : checks) {
                if (check.is_error()) {
                    throw RedisError(RedisError::Kind::kServer, context + ": " + check.text,
                                     RedisError::code_of(check.text));
                }
            }
            const auto model_type = checks[1].as_string(context);
            const auto offsets_type = checks[2].as_string(context);
            if (model_type != "none" && model_type != "string") {
                protocol_error(context + " holds a " + model_type + ", not a model string");
            }
            if (offsets_type != "none" && offsets_type != "hash") {
                protocol_error(context + ":offsets holds a " + offsets_type + ", not a hash");
            }
            if (!checks[0].is_nil()) current = checks[0].as_integer(context + ":version");
        } catch (const RedisError&) {
            connection_.command({"UNWATCH"}); // a stale WATCH would abort a later EXEC
            throw;
        }
        const std::int64_t next = current + 1;
        const std::string next_text = std::to_string(next);
        const std::string notice =
            CheckpointNotice{model_key_, next, samples_seen, now_ms()}.to_json();

        std::vector<std::vector<std::string_view>> transaction;
        transaction.push_back({"MULTI"});
        transaction.push_back({"SET", model_key_, model_bytes});
        if (!offsets.empty()) {
            std::vector<std::string_view> hset{"HSET", offsets_key};
            std::size_t i = 0;
            for (const auto& [field, offset] : offsets) {
                hset.push_back(field);
                hset.push_back(offset_values[i++]);
            }
            transaction.push_back(std::move(hset));
        }
        transaction.push_back({"SET", version_key, next_text});
        transaction.push_back({"PUBLISH", channel, notice});
        transaction.push_back({"EXEC"});

        const auto replies = connection_.pipeline(transaction);
        const RedisValue& exec = replies.back();
        if (exec.is_nil()) continue; // another writer committed after our WATCH: retry
        if (exec.is_error()) throw_aborted(context + ": checkpoint transaction rejected", replies);
        for (const auto& result : exec.as_array(context)) {
            if (result.is_error()) {
                throw RedisError(RedisError::Kind::kServer,
                                 context + ": checkpoint command failed: " + result.text,
                                 RedisError::code_of(result.text));
            }
        }
        return next;
    }
    throw RedisError(RedisError::Kind::kServer,
                     context + ": another client kept changing the checkpoint; gave up after " +
                         std::to_string(kMaxSaveAttempts) + " attempts");
}

std::optional<Checkpoint> CheckpointStore::load() {
    const std::string context =
        "Redis at " + connection_.url().to_string() + ", key \"" + model_key_ + "\"";
    const std::string offsets_key = this->offsets_key();
    const std::string version_key = this->version_key();
    const auto replies = connection_.pipeline(
        {{"MULTI"}, {"GET", model_key_}, {"HGETALL", offsets_key}, {"GET", version_key}, {"EXEC"}});
    if (replies.back().is_error()) throw_aborted(context + ": reading the checkpoint", replies);
    const auto& results = replies.back().as_array(context + ": reading the checkpoint");
    if (results.size() != 3) protocol_error(context + ": EXEC returned a wrong number of replies");
    for (const auto& result : results) {
        if (result.is_error()) {
            throw RedisError(RedisError::Kind::kServer, context + ": " + result.text,
                             RedisError::code_of(result.text));
        }
    }
    if (results[0].is_nil()) return std::nullopt;

    Checkpoint checkpoint;
    checkpoint.model_bytes = results[0].as_string(context);
    const auto& pairs = results[1].as_array(context + ":offsets");
    if (pairs.size() % 2 != 0) protocol_error(context + ":offsets: odd HGETALL reply");
    for (std::size_t i = 0; i < pairs.size(); i += 2) {
        const auto& field = pairs[i].as_string(context + ":offsets");
        checkpoint.offsets[field] =
            pairs[i + 1].as_integer(context + ":offsets field \"" + field + "\"");
    }
    checkpoint.version = results[2].is_nil() ? 0 : results[2].as_integer(context + ":version");
    return checkpoint;
}

} // namespace liveml::store
