#include "stream/prediction_record.hpp"

#include "stream/json_object_reader.hpp"

#include <cstdint>

namespace liveml::stream {

namespace {

// A JSON integer within [low, high]; 3.0 and "3" are not.
bool bounded(simdjson::ondemand::value value, std::int64_t low, std::int64_t high, int& out) {
    std::int64_t v = 0;
    if (value.get_int64().get(v) || v < low || v > high) return false;
    out = static_cast<int>(v);
    return true;
}

} // namespace

std::optional<PredictionRecord> parsePredictionRecord(std::string_view json) {
    return read_json_object(
        json, [](simdjson::ondemand::object& object) -> std::optional<PredictionRecord> {
            PredictionRecord record;
            simdjson::ondemand::array x;
            if (object.find_field_unordered("x").get_array().get(x)) return std::nullopt;
            std::size_t n = 0;
            for (auto element : x) {
                simdjson::ondemand::value value;
                int pixel = 0;
                if (n == record.x.size() || element.get(value) || !bounded(value, 0, 16, pixel))
                    return std::nullopt;
                record.x[n++] = static_cast<std::uint8_t>(pixel);
            }
            if (n != record.x.size()) return std::nullopt;
            simdjson::ondemand::value actual, predicted;
            if (object.find_field_unordered("actual_y").get(actual) ||
                !bounded(actual, 0, 9, record.actual))
                return std::nullopt;
            if (object.find_field_unordered("predict_y").get(predicted) ||
                !bounded(predicted, 0, 9, record.predicted))
                return std::nullopt;
            return record;
        });
}

} // namespace liveml::stream
