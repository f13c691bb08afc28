#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "online/online_classifier.hpp"
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

// The same for any learner (online_classifier.hpp).
struct SavedLearner {
    std::unique_ptr<OnlineClassifier> model;
    std::map<std::string, std::string> metadata;
};

inline constexpr std::size_t kMaxModelBytes = 64u << 20;
// Version 1 holds only sgd_classifier; version 2 holds any learner kind, each with its own
// state layout. SgdClassifier is still written as version 1 (its layout did not change), so
// older readers keep loading it; the other learners are written as version 2.
inline constexpr std::uint32_t kModelFormatVersion = 1;
inline constexpr std::uint32_t kLearnerModelFormatVersion = 2;
// Sanity limits checked before anything is allocated.
inline constexpr std::uint32_t kMaxModelClasses = 1u << 16;
inline constexpr std::uint32_t kMaxModelFeatures = 1u << 20;
inline constexpr std::uint32_t kMaxMetadataEntries = 1024;
inline constexpr std::size_t kMaxMetadataKeyBytes = 256;
inline constexpr std::size_t kMaxMetadataValueBytes = 1u << 20;

// Versioned little-endian binary format "LIVEMLM\0" (layout in docs/model-format.md): header
// with total length, learner kind, the learner's state (for SGD: hyper-parameters, classes,
// weights, intercepts, t, sample count), metadata, CRC-32 of everything before it. Pure data,
// never code.
std::string serialize_model(const OnlineClassifier& model,
                            const std::map<std::string, std::string>& metadata = {});
// Any learner kind this build knows; throws ModelFormatError.
SavedLearner deserialize_learner(std::string_view bytes);
// Only an sgd_classifier; another learner kind is a ModelFormatError naming it.
SavedModel deserialize_model(std::string_view bytes);

// Written atomically (temporary file + rename). Throws std::runtime_error on I/O failure.
void save_model_file(const std::filesystem::path& path, const OnlineClassifier& model,
                     const std::map<std::string, std::string>& metadata = {});
// Throws ModelFormatError (naming the path) for unreadable, oversized or invalid files.
SavedModel load_model_file(const std::filesystem::path& path);
SavedLearner load_learner_file(const std::filesystem::path& path);

} // namespace liveml::online
