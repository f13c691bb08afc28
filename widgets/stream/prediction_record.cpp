#include "stream/prediction_record.hpp"

#include <simdjson.h>

namespace liveml::streamui {

std::optional<PredictionPair> parsePredictionRecord(std::string_view json) {
    // One parser per thread: its buffers are reused from record to record.
    thread_local simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(json);
    simdjson::ondemand::document doc;
    if (parser.iterate(padded).get(doc)) return std::nullopt;
    simdjson::ondemand::object object;
    if (doc.get_object().get(object)) return std::nullopt;
    std::int64_t actual = 0;
    std::int64_t predicted = 0;
    if (object.find_field_unordered("actual_y").get_int64().get(actual)) return std::nullopt;
    if (object.find_field_unordered("predict_y").get_int64().get(predicted)) return std::nullopt;
    return PredictionPair{static_cast<int>(actual), static_cast<int>(predicted)};
}

} // namespace liveml::streamui
