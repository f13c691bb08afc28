#pragma once
#include <optional>
#include <string_view>

namespace liveml::streamui {

struct PredictionPair {
    int actual = 0;
    int predicted = 0;
};

// actual_y and predict_y of a `digit_predict` record ({"x":[…],"actual_y":d,"predict_y":d});
// nullopt for anything else (the dashboard counts it as malformed).
std::optional<PredictionPair> parsePredictionRecord(std::string_view json);

} // namespace liveml::streamui
