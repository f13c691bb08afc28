#pragma once
#include <cstddef>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

#include "online/sgd_classifier.hpp"

namespace liveml::online {

// Thrown for every malformed, truncated, oversized or corrupt model; what() is a sentence
// a user can act on.
class ModelFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A model plus free-form provenance (source, trained_at, model_version, Kafka offsets, …).
struct SavedModel {
    SgdClassifier model;
    std::map<std::string, std::string> metadata;
};

inline constexpr std::size_t kMaxModelBytes = 64u << 20;

// Versioned binary format "LIVEMLM\0": header, hyper-parameters, classes, weights,
// sample count, metadata, CRC-32 of everything before it. Pure data, never code.
std::string serialize_model(const SgdClassifier& model,
                            const std::map<std::string, std::string>& metadata = {});
SavedModel deserialize_model(std::string_view bytes); // throws ModelFormatError

void save_model_file(const std::filesystem::path& path, const SgdClassifier& model,
                     const std::map<std::string, std::string>& metadata = {});
SavedModel load_model_file(const std::filesystem::path& path); // throws ModelFormatError

} // namespace liveml::online
