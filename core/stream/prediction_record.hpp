#pragma once
#include <optional>
#include <string_view>

#include "stream/digit_record.hpp"

namespace liveml::stream {

// A `digit_predict` sink record, as RecordEncoder::sink writes it:
// {"x":[64 ints 0..16],"actual_y":0..9,"predict_y":0..9}
struct PredictionRecord {
    digits::Features x{};
    int actual = 0;
    int predicted = 0;
};

// Reads a sink record; nullopt for anything not in exactly that shape (other fields are
// ignored). Thread-safe: each thread reuses its own parser.
std::optional<PredictionRecord> parsePredictionRecord(std::string_view json);

} // namespace liveml::stream
