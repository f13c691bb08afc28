#pragma once
// `liveml model show --redis URL [--model-key K]`: the trainer's latest checkpoint, read from
// Redis, printed like a model file plus the checkpoint's version and Kafka offsets.
#include <string>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace liveml::cli {

class JobReporter;

// Adds --redis and --model-key to `show`; returns --redis.
CLI::Option* add_redis_source_options(CLI::App& show, std::string& url, std::string& model_key);

// Throws std::runtime_error when Redis cannot be read or the key holds no model in our format.
void show_model_from_redis(JobReporter& reporter, const std::string& url,
                           const std::string& model_key);

} // namespace liveml::cli
