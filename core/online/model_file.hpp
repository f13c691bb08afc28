#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

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
inline constexpr std::uint32_t kModelFormatVersion = 1;
// Sanity limits checked before anything is allocated.
inline constexpr std::uint32_t kMaxModelClasses = 1u << 16;
inline constexpr std::uint32_t kMaxModelFeatures = 1u << 20;
inline constexpr std::uint32_t kMaxMetadataEntries = 1024;
inline constexpr std::size_t kMaxMetadataKeyBytes = 256;
inline constexpr std::size_t kMaxMetadataValueBytes = 1u << 20;

// Versioned little-endian binary format "LIVEMLM\0" (layout in docs/model-format.md): header
// with total length, learner kind, hyper-parameters, classes, weights, intercepts, t,
// sample count, metadata, CRC-32 of everything before it. Pure data, never code.
std::string serialize_model(const SgdClassifier& model,
                            const std::map<std::string, std::string>& metadata = {});
SavedModel deserialize_model(std::string_view bytes); // throws ModelFormatError

// Written atomically (temporary file + rename). Throws std::runtime_error on I/O failure.
void save_model_file(const std::filesystem::path& path, const SgdClassifier& model,
                     const std::map<std::string, std::string>& metadata = {});
// Throws ModelFormatError (naming the path) for unreadable, oversized or invalid files.
SavedModel load_model_file(const std::filesystem::path& path);

} // namespace liveml::online
