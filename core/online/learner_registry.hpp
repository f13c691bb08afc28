#pragma once
// Every learner by name: built fresh with its default settings (`liveml fit --learner NAME`),
// or read back from a model file by its kind.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "online/online_classifier.hpp"

namespace liveml::online {

namespace codec {
class ByteReader;
}

// The names make_learner accepts, which are also the kinds in model files.
const std::vector<std::string_view>& learner_names();

// A fresh learner; throws std::invalid_argument for an unknown name (the message lists the
// known ones).
std::unique_ptr<OnlineClassifier> make_learner(std::string_view name, std::vector<int> classes,
                                               std::size_t n_features);

// The learner whose state follows in `in`; throws ModelFormatError for an unknown kind.
std::unique_ptr<OnlineClassifier> read_learner_state(std::string_view kind, codec::ByteReader& in);

} // namespace liveml::online
