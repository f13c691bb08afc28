#pragma once
// What `liveml model show` prints about a model, independent of where its bytes came from:
// a file today, a Redis checkpoint key later (the origin fields say which).
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liveml::cli {

// Where the model bytes were read from, as ordered (name, value) pairs, e.g.
// {{"file", "/tmp/m.lvm"}} or {{"redis", "redis://host:6379/0"}, {"key", "online_ml_model"}}.
using ModelOrigin = std::vector<std::pair<std::string, std::string>>;

// Decodes `bytes` (throws online::ModelFormatError) and writes either one JSON object with
// every float round-trip exact, or a summary for people, each followed by a newline.
void print_model(std::string_view bytes, const ModelOrigin& origin, bool as_json,
                 std::ostream& out);

} // namespace liveml::cli
