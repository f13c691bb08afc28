#pragma once
// `liveml model show --redis URL [--model-key K]`: the trainer's latest checkpoint, read from
// Redis, printed like a model file plus the checkpoint's version and Kafka offsets.
#include <string>

namespace liveml::cli {

// Throws CLI::RuntimeError(kUsage) for a bad URL, (kFailure) when Redis cannot be read or the
// key holds no model in our format; the reason goes to stderr.
void show_model_from_redis(const std::string& url, const std::string& model_key, bool as_json);

} // namespace liveml::cli
