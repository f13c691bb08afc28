#include "model_show_redis.hpp"

#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "json_output.hpp"
#include "model_report.hpp"
#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/redis_error.hpp"

namespace liveml::cli {
namespace {

[[noreturn]] void fail(ExitCode code, const std::string& message) {
    std::cerr << "liveml model show: " << message << '\n';
    throw CLI::RuntimeError(code);
}

store::Checkpoint load_checkpoint(const store::RedisUrl& url, const std::string& model_key) {
    try {
        store::RedisConnection redis(url);
        auto checkpoint = store::CheckpointStore(redis, model_key).load();
        if (!checkpoint)
            fail(kFailure, "no model at key \"" + model_key + "\" in " + url.to_string());
        return std::move(*checkpoint);
    } catch (const store::RedisError& e) {
        fail(kFailure, e.what());
    }
}

// print_model's JSON is one object on one line; the checkpoint's fields are appended to it so
// a reader sees a single object, with the model fields exactly as for a model file.
void append_checkpoint_json(std::string& printed, const store::Checkpoint& checkpoint) {
    JsonObject offsets;
    for (const auto& [field, offset] : checkpoint.offsets)
        offsets.add(field, offset);
    const auto close = printed.rfind('}');
    printed.erase(close);
    JsonObject extra;
    extra.add("model_version", checkpoint.version).add_raw("offsets", offsets.str());
    printed += ',' + extra.str().substr(1) + '\n';
}

void append_checkpoint_summary(std::string& printed, const store::Checkpoint& checkpoint) {
    std::ostringstream out;
    out << std::left << std::setw(14) << "model_version" << checkpoint.version << '\n'
        << "offsets\n";
    for (const auto& [field, offset] : checkpoint.offsets) {
        out << "  " << std::left << std::setw(16) << field << offset << '\n';
    }
    printed += out.str();
}

} // namespace

void show_model_from_redis(const std::string& url_text, const std::string& model_key,
                           bool as_json) {
    store::RedisUrl url;
    try {
        url = store::RedisUrl::parse(url_text);
    } catch (const store::RedisUrlError& e) {
        fail(kUsage, e.what());
    }
    if (model_key.empty()) fail(kUsage, "--model-key must not be empty");
    const auto checkpoint = load_checkpoint(url, model_key);

    std::ostringstream printed;
    try {
        print_model(checkpoint.model_bytes, {{"redis", url.to_string()}, {"key", model_key}},
                    as_json, printed);
    } catch (const online::ModelFormatError& e) {
        fail(kFailure, "key \"" + model_key + "\" in " + url.to_string() +
                           " does not hold a LiveML model: " + e.what());
    }
    std::string text = printed.str();
    if (as_json) {
        append_checkpoint_json(text, checkpoint);
    } else {
        append_checkpoint_summary(text, checkpoint);
    }
    std::cout << text;
}

} // namespace liveml::cli
