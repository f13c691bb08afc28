#include "model_show_redis.hpp"

#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>
#include <sstream>

#include "job_reporter.hpp"
#include "json_output.hpp"
#include "model_report.hpp"
#include "online/model_file.hpp"
#include "redis_url_flag.hpp"
#include "store/checkpoint_store.hpp"
#include "store/redis_error.hpp"

namespace liveml::cli {
namespace {

store::Checkpoint load_checkpoint(const store::RedisUrl& url, const std::string& model_key) {
    store::RedisConnection redis(url);
    auto checkpoint = store::CheckpointStore(redis, model_key).load();
    if (!checkpoint)
        throw std::runtime_error("no model at key \"" + model_key + "\" in " + url.to_string());
    return std::move(*checkpoint);
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

CLI::Option* add_redis_source_options(CLI::App& show, std::string& url, std::string& model_key) {
    CLI::Option* redis = add_redis_url_option(
        show, url,
        "Read the trainer's latest checkpoint from redis://[[user]:password@]host[:port][/db] "
        "instead of a file; the JSON adds model_version and offsets");
    show.add_option("--model-key", model_key, "Redis key of the model (with --redis)")
        ->needs(redis)
        ->check(CLI::Validator(
            [](std::string& key) { return key.empty() ? "must not be empty" : std::string{}; }, ""))
        ->capture_default_str();
    return redis;
}

void show_model_from_redis(JobReporter& reporter, const std::string& url_text,
                           const std::string& model_key) {
    const bool as_json = reporter.json();
    const store::RedisUrl url = store::RedisUrl::parse(url_text); // checked while parsing
    const auto checkpoint = load_checkpoint(url, model_key);

    std::ostringstream printed;
    try {
        print_model(checkpoint.model_bytes, {{"redis", url.to_string()}, {"key", model_key}},
                    as_json, printed);
    } catch (const online::ModelFormatError& e) {
        throw std::runtime_error("key \"" + model_key + "\" in " + url.to_string() +
                                 " does not hold a LiveML model: " + e.what());
    }
    std::string text = printed.str();
    if (as_json) {
        append_checkpoint_json(text, checkpoint);
        reporter.result_object(text);
    } else {
        append_checkpoint_summary(text, checkpoint);
        std::cout << text;
    }
}

} // namespace liveml::cli
